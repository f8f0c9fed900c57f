"""Start the production server (granian, WSGI) and the task worker."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.db import connections


def prepare() -> None:
    """Migrate and collect static files, so a fresh data directory is ready to serve."""
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


WORKERS_KILL_TIMEOUT = 20  # seconds


def default_workers() -> int:
    return max(2, min(4, os.cpu_count() or 2))


def add_server_arguments(parser) -> None:
    """--host, --port and --workers, shared by `tvatakt serve` and `tvatakt demo`."""
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=default_workers())


def run_granian(*, host: str, port: int, workers: int, threads: int = 8) -> None:
    from granian import Granian
    from granian.constants import Interfaces

    # Workers open their own connections; none may inherit the parent's socket. granian forks its workers, and a
    # forked copy of psycopg's pool (TVATAKT_DB_POOL) holds the parent's sockets: two workers talking on one
    # connection read each other's results. Each worker makes a pool of its own on its first query.
    connections.close_all()
    for connection in connections.all(initialized_only=True):
        if hasattr(connection, "close_pool"):
            connection.close_pool()
    Granian(
        "tvatakt.wsgi:application",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        # Each thread holds its own database connection: a small, fixed number per worker keeps
        # PostgreSQL's connection count bounded, and backpressure queues the rest in the socket.
        blocking_threads=threads,
        backpressure=threads,
        log_access=False,
        respawn_failed_workers=True,
        # A worker told to stop while it is still starting can miss the signal and run on, and granian then waits
        # for it for ever (seen once in CI, on a loaded machine: the server never stopped). After this long a
        # worker that has not stopped is killed; requests here take well under a second, so it is ample grace.
        workers_kill_timeout=WORKERS_KILL_TIMEOUT,
    ).serve()


def start_worker_process() -> subprocess.Popen:
    """The background-task worker as a child process, for `tvatakt demo`."""
    return subprocess.Popen([sys.executable, "-m", "tvatakt", "worker"], env=os.environ.copy())  # noqa: S603

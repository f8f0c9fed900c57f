"""Crash safety: the server is killed with SIGKILL in the middle of a stream of registrations, and started again.

Every registration whose request got a success answer must be in the database afterwards, nothing may be
half-written (each event's count of taken seats equals the seats its registrations hold), and the database's own
check must be clean (SQLite's `PRAGMA integrity_check`; on PostgreSQL, no invalid index and every table readable).
SQLite runs in WAL mode with synchronous=NORMAL: a process crash loses no committed transaction (only a power
cut could lose the last few, which a test cannot stage).

Checked by putting a half-write in by hand (an event's seat count raised without a registration) before the check:
the check named the event."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.e2e.conftest import ROOT, _free_port, clone

PYTHON = [sys.executable, "-m", "tvatakt"]
EVENT = "krasch-test"
# An event of its own in a copy of the demo city (whose other events are checked as well).
MAKE_EVENT = f"""
from tests.inclusion.conftest import make_event
make_event(slug={EVENT!r}, capacity=40, waiting_list=True)
"""
CHECK = f"""
import json
from django.db import connection
from django.db.models import Sum
from tvatakt.inclusion.models import Event, Registration

codes = list(Registration.objects.filter(event__slug={EVENT!r}).values_list("code", flat=True))
wrong = []
for event in Event.objects.all():
    held = Registration.objects.filter(event=event, holds_seats=True).aggregate(n=Sum("seats"))["n"] or 0
    if held != event.seats_taken or event.seats_taken > event.capacity:
        wrong.append([event.slug, event.seats_taken, held, event.capacity])
with connection.cursor() as cursor:
    if connection.vendor == "sqlite":
        cursor.execute("PRAGMA integrity_check")
        integrity = [row[0] for row in cursor.fetchall()]
    else:
        cursor.execute("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid OR NOT indisready")
        integrity = [row[0] for row in cursor.fetchall()] or ["ok"]
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT count(*) FROM "{{table}}"')
print(json.dumps({{"codes": codes, "wrong": wrong, "integrity": integrity}}))
"""


def run(env, *args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*PYTHON, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True, **kwargs)


def start(env, port: int, log) -> subprocess.Popen:
    """`tvatakt serve` in a process group of its own, so that the kill reaches granian's workers too."""
    process = subprocess.Popen(
        [*PYTHON, "serve", "--port", str(port), "--workers", "2"],
        env=env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2):
                return process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                os.killpg(process.pid, signal.SIGKILL)
                raise RuntimeError(f"the server did not start; see {log.name}") from None
            time.sleep(0.3)


def register(port: int, number: int) -> tuple[int, str]:
    body = {"contact_name": f"Deltagare {number}", "email": f"krasch{number}@example.se",
            "participants": [{"name": f"Deltagare {number}", "age_group": "30-49"}]}  # fmt: skip
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/events/{EVENT}/registrations",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())["code"]
    except urllib.error.HTTPError as refused:
        return refused.code, ""
    except OSError:  # the server died under this request: no answer, so no promise was made
        return 0, ""


@pytest.mark.timeout(300)
def test_a_killed_server_loses_no_answered_registration_and_leaves_nothing_half_written(tmp_path, golden):
    off = json.dumps({"registration": [None, None], "api-write": [None, None]})
    env = clone(golden, tmp_path / "data", "crash", TVATAKT_RATE_LIMITS=off)
    run(env, "shell", "-c", MAKE_EVENT)
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    server = start(env, port, log)

    answered: list[tuple[int, str]] = []
    counter = iter(range(1, 100_000))
    lock, stop = threading.Lock(), threading.Event()

    def client():
        while not stop.is_set():
            with lock:
                number = next(counter)
            result = register(port, number)
            with lock:
                answered.append(result)
            if result[0] == 0:
                return

    clients = [threading.Thread(target=client) for _ in range(4)]
    for thread in clients:
        thread.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and sum(1 for status, _code in answered if status == 201) < 30:
        time.sleep(0.05)
    os.killpg(server.pid, signal.SIGKILL)  # mid-stream: requests are in flight
    server.wait(timeout=10)
    stop.set()
    for thread in clients:
        thread.join(timeout=15)

    promised = {code for status, code in answered if status == 201}
    assert len(promised) >= 10, f"too few registrations before the kill to mean anything: {answered[:20]}"
    assert {status for status, _code in answered} <= {201, 0}, answered  # no 4xx or 5xx before the kill

    restarted = start(env, port, log)  # the database recovers on its own: the server starts and is ready
    try:
        state = json.loads(run(env, "shell", "-c", CHECK).stdout.strip().splitlines()[-1])
    finally:
        os.killpg(restarted.pid, signal.SIGTERM)
        restarted.wait(timeout=20)
    assert promised - set(state["codes"]) == set(), "answered with success, then lost"
    assert state["wrong"] == [], "events whose seat count disagrees with their registrations (slug, taken, held, cap)"
    assert state["integrity"] == ["ok"]

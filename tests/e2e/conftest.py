"""A real server over the demo city, and Debian's Chromium driven by Playwright.

The server runs `tvatakt serve` on a free port with its own data directory. With DATABASE_URL
set to PostgreSQL it gets a fresh database of its own (`<name>_e2e`), so the same suite runs on both. The demo city
is loaded once (golden), and each server that needs one of its own starts from a copy.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TVATAKT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "tvatakt-demo"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _admin():
    """A connection to PostgreSQL's maintenance database, to create and drop the test databases."""
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    return psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def _database_env(suffix: str = "e2e", template: str = "") -> dict[str, str]:
    """A fresh PostgreSQL database `<name>_<suffix>`, empty or a copy of `template`; nothing on SQLite, whose
    database is a file in the data directory."""
    url = os.environ.get("DATABASE_URL")
    if not url or not url.startswith("postgres"):
        return {}
    name = f"{dj_database_url.parse(url)['NAME'] or 'tvatakt'}_{suffix}"
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return {"DATABASE_URL": url.rsplit("/", 1)[0] + f"/{name}"}


def _environment(data: Path, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TVATAKT_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.e2e.settings",
        PYTHONPATH=str(ROOT),
        TVATAKT_DATA_DIR=str(data),
        TVATAKT_TASKS_IMMEDIATE="1",
        **settings,
    )
    return env


@pytest.fixture(scope="session")
def golden(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The demo city, migrated and loaded once (half a minute or more). Every server starts from a copy of it
    (clone): a file copy on SQLite, a template copy on PostgreSQL, a second or two either way. Nothing serves it,
    so PostgreSQL may copy it (a template must have no one connected)."""
    data = tmp_path_factory.mktemp("golden-data")
    env = _environment(data, **_database_env("golden"))
    python = [sys.executable, "-m", "tvatakt"]
    subprocess.run([*python, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*python, "load_demo"], env=env, check=True, cwd=ROOT, capture_output=True)
    return data, env


def clone(golden, data: Path, name: str, **settings: str) -> dict[str, str]:
    """A copy of the demo city of its own: the data directory (the SQLite file, uploads, the secret key) into
    `data`, and on PostgreSQL the database into `<name>_<suffix>`. Returns the environment that reaches it."""
    golden_data, golden_env = golden
    shutil.copytree(golden_data, data, dirs_exist_ok=True, ignore=shutil.ignore_patterns("cache*"))
    database = {}
    if "DATABASE_URL" in golden_env:
        database = _database_env(name, template=dj_database_url.parse(golden_env["DATABASE_URL"])["NAME"])
    return _environment(data, **database, **settings)


@pytest.fixture(scope="session")
def main_server(tmp_path_factory, golden):
    """The server most tests share, and the environment that reaches its database."""
    yield from _serve(tmp_path_factory, golden, "e2e")


@pytest.fixture(scope="session")
def server(main_server) -> str:
    """Base URL of a running `tvatakt serve` over the demo city."""
    return main_server[0]


def _serve(tmp_path_factory, golden, name: str, database: dict[str, str] | None = None, **settings: str):
    """Serve a copy of the demo city (a database and data directory of its own, `name`), with extra settings, and
    yield its base URL and environment. With `database` (another server's DATABASE_URL), serve that database as
    it is, with a data directory of its own: a second node."""
    port = _free_port()
    data = tmp_path_factory.mktemp(f"{name}-data")
    if database is None:
        env = clone(golden, data, name, **settings)
    else:
        env = _environment(data, **database, **settings)
    python = [sys.executable, "-m", "tvatakt"]
    # The main server's log keeps its old name: tests read the e-mails it prints there.
    log = (tmp_path_factory.getbasetemp() / ("server.log" if name == "e2e" else f"{name}-server.log")).open("w")
    process = subprocess.Popen(
        [*python, "serve", "--port", str(port), "--workers", "2"], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "readyz", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(f"the server did not start; see {log.name}") from None
            time.sleep(0.3)
    yield base, env
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory, golden):
    """A server of its own for the API fuzzing: its writes (ideas, registrations, check-ins) must not change the
    demo city the other browser tests read. Rate limits are off, or the fuzzer would only meet 429s.
    Yields the base URL and the environment that reaches its database."""
    from django.conf import settings

    off = {scope: [None, None] for scope in settings.RATE_LIMITS}
    yield from _serve(tmp_path_factory, golden, "fuzz", TVATAKT_RATE_LIMITS=json.dumps(off))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install chromium (.ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def narrow_page(browser):
    """A fresh 320 px wide tab with its own cookies."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    watch_policy(page)
    yield page
    context.close()


def watch_policy(page) -> None:
    """Keep what the browser refuses under the Content Security Policy (an inline script or style, a request to
    another site), and every request that leaves the site's own origin, for the audit to report as a problem of the
    page. The second is the issue's "no third-party requests" promise checked on its own: it holds even if the
    policy were loosened, and covers what a policy does not (a link prefetch, say)."""
    page.refused = []
    page.on("console", lambda message: _note_refusal(page, message.text))
    page.on("request", lambda request: _note_foreign(page, request))


def _note_refusal(page, text: str) -> None:
    if "Content Security Policy" in text:
        page.refused.append(f"refused by the Content Security Policy: {text[:120]}")


def _note_foreign(page, request) -> None:
    """A page's own requests go to the origin of the page that made them; the crawler only navigates on the site."""
    if request.is_navigation_request():
        return
    parts = urlsplit(request.url)
    if parts.scheme in {"data", "blob"}:
        return
    if (parts.scheme, parts.netloc) != urlsplit(request.frame.url or page.url)[:2]:
        page.refused.append(f"a request to another site: {request.url[:120]}")


def log_in(page, base: str, username: str) -> None:
    page.goto(base + "logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/konto/")

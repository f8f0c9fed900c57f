"""A real server over the demo city, and Debian's Chromium driven by Playwright.

The server runs `tvatakt serve` on a free port with its own data directory. With DATABASE_URL
set to PostgreSQL it gets a fresh database of its own (`<name>_e2e`), so the same suite runs on both.
"""

import json
import os
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


def _database_env(suffix: str = "e2e") -> dict[str, str]:
    url = os.environ.get("DATABASE_URL")
    if not url or not url.startswith("postgres"):
        return {}
    import psycopg

    config = dj_database_url.parse(url)
    name = f"{config['NAME'] or 'tvatakt'}_{suffix}"
    admin = psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return {"DATABASE_URL": url.rsplit("/", 1)[0] + f"/{name}"}


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Base URL of a running `tvatakt serve` over the demo city."""
    yield from _serve(tmp_path_factory, "e2e")


def _serve(tmp_path_factory, name: str, database: dict[str, str] | None = None, demo: bool = True, **settings: str):
    """Serve the demo city from a database and data directory of its own (`name`), with extra settings.
    With `database` (another server's DATABASE_URL), serve that database as it is: a second node. Without `demo`,
    an empty (migrated) database: loading the city takes half a minute a test that does not read it need not pay."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TVATAKT_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.e2e.settings",
        PYTHONPATH=str(ROOT),
        TVATAKT_DATA_DIR=str(tmp_path_factory.mktemp(f"{name}-data")),
        TVATAKT_TASKS_IMMEDIATE="1",
        **(_database_env(name) if database is None else database),
        **settings,
    )
    python = [sys.executable, "-m", "tvatakt"]
    if database is None:
        subprocess.run([*python, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        if demo:
            subprocess.run([*python, "load_demo"], env=env, check=True, cwd=ROOT, capture_output=True)
    # The main server's log keeps its old name: tests read the e-mails it prints there.
    log = (tmp_path_factory.getbasetemp() / ("server.log" if name == "e2e" else f"{name}-server.log")).open("w")
    process = subprocess.Popen(
        [*python, "serve", "--port", str(port), "--workers", "2"], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}/"
    base_env = env
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
    yield (base, base_env) if settings else base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory):
    """A server of its own for the API fuzzing: its writes (ideas, registrations, check-ins) must not change the
    demo city the other browser tests read. Rate limits are off, or the fuzzer would only meet 429s.
    Yields the base URL and the environment that reaches its database."""
    from django.conf import settings

    off = {scope: [None, None] for scope in settings.RATE_LIMITS}
    yield from _serve(tmp_path_factory, "fuzz", TVATAKT_RATE_LIMITS=json.dumps(off))


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

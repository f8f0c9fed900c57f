"""With JavaScript off, every page still works and every form still submits."""

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.crawler import SKIP, crawl


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def submit_every_form(page, base: str, paths: list[str]) -> list[str]:
    failures, submitted = [], 0
    for path in paths:
        page.goto(base.rstrip("/") + path)
        count = page.locator("main form").count()
        for index in range(count):
            page.goto(base.rstrip("/") + path)
            form = page.locator("main form").nth(index)
            action = form.get_attribute("action") or path
            if SKIP.search(action):
                continue
            with page.expect_navigation() as navigation:
                form.locator("button[type=submit], input[type=submit]").first.click()
            status = navigation.value.status if navigation.value else 0
            submitted += 1
            # 403 here would be a CSRF failure: the form relied on script to add its token.
            if status >= 500 or status == 403 or status == 0:
                failures.append(f"{path} form {index} ({action}): HTTP {status}")
    assert submitted > 0
    return failures


def test_public_pages_and_forms_work_without_javascript(server, no_js_page):
    pages = crawl(no_js_page, server, "anonymous (no JS)", ["/"], bound=60, per_pattern=2, axe=False)
    assert len(pages) > 10
    assert [(p.url, p.problems) for p in pages if not p.ok] == []
    paths = ["/organisationer/", "/logga-in/", "/losenord/glomt/"]
    assert submit_every_form(no_js_page, server, paths) == []


def test_staff_forms_work_without_javascript(server, no_js_page):
    log_in(no_js_page, server, "it-direktor")
    paths = [
        "/roller/",
        "/organisationer/stadsarkivet/redigera/",
        "/enheter/digital-fornyelse/redigera/",
        "/kluster/gemensam-service/redigera/",
        "/losenord/byt/",
    ]
    assert submit_every_form(no_js_page, server, paths) == []

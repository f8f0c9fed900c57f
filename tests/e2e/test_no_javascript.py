"""With JavaScript off, every page still works and every form on the crawled pages still submits."""

from urllib.parse import urljoin, urlsplit

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.crawler import SKIP, crawl, pattern


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def submit_every_form(page, base: str, urls: list[str]) -> tuple[int, list[str]]:
    """Submit each kind of form in <main> of each page, unchanged. Returns (forms submitted, failures).

    A kind is the form's method and the shape of its address: a page of ten "end this role" buttons has one kind,
    and a second one of it says nothing the first did not; each submission costs two page loads."""
    failures, submitted, tried = [], 0, set()
    for url in urls:
        page.goto(url)
        forms = page.eval_on_selector_all(
            "main form", "forms => forms.map(f => [f.getAttribute('method') || 'get', f.getAttribute('action') || ''])"
        )
        for index, (method, action) in enumerate(forms):
            action = action or url
            kind = (method.lower(), pattern(urlsplit(urljoin(url, action)).path))
            if SKIP.search(action) or kind in tried:
                continue
            tried.add(kind)
            page.goto(url)
            form = page.locator("main form").nth(index)
            with page.expect_navigation() as navigation:
                form.locator("button[type=submit], input[type=submit]").first.click()
            status = navigation.value.status if navigation.value else 0
            submitted += 1
            # 403 here would be a CSRF failure: the form relied on script to add its token.
            if status >= 500 or status == 403 or status == 0:
                failures.append(f"{url} form {index} ({action}): HTTP {status}")
    return submitted, failures


@pytest.mark.parametrize("username", [None, "it-direktor"])
def test_pages_and_their_forms_work_without_javascript(server, no_js_page, username):
    if username:
        log_in(no_js_page, server, username)
    start = ["/konto/", "/"] if username else ["/"]
    # 16 kinds of page: each form is submitted from a fresh load, so every page more costs seconds per form.
    pages = crawl(no_js_page, server, username or "anonymous", start, bound=16, per_pattern=1, axe=False)
    assert len(pages) > 10
    assert [(p.url, p.problems) for p in pages if not p.ok] == []
    submitted, failures = submit_every_form(no_js_page, server, [p.url for p in pages if p.status == 200])
    print(f"\n{submitted} kinds of form submitted")
    assert failures == []
    assert submitted >= (5 if username else 1)

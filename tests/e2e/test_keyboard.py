"""Log-in, language switch and log-out with the keyboard alone: Tab, Enter and Space."""

from tests.e2e.conftest import PASSWORD


def tab_to(page, predicate_js: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"no focusable element matched {predicate_js} within {limit} presses of Tab")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(server, narrow_page):
    narrow_page.goto(server)
    narrow_page.keyboard.press("Tab")
    assert narrow_page.evaluate("document.activeElement.className") == "skip-link"
    narrow_page.keyboard.press("Enter")
    assert narrow_page.evaluate("document.activeElement.id") == "main"


def test_log_in_and_out_with_the_keyboard(server, narrow_page):
    narrow_page.goto(server)
    tab_to(narrow_page, "el.getAttribute('href') && el.getAttribute('href').startsWith('/logga-in/')")
    narrow_page.keyboard.press("Enter")
    narrow_page.wait_for_url("**/logga-in/**")
    tab_to(narrow_page, "el.id === 'id_username'")
    narrow_page.keyboard.type("ambassador")
    narrow_page.keyboard.press("Tab")
    assert narrow_page.evaluate("document.activeElement.id") == "id_password"
    narrow_page.keyboard.type(PASSWORD)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    assert narrow_page.url == server  # back where the log-in link was followed from
    assert narrow_page.locator("a[href='/konto/']").count() == 1
    tab_to(narrow_page, "el.tagName === 'BUTTON' && el.closest('form[action$=\"/logga-ut/\"]')")
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Space")
    assert narrow_page.locator("a[href^='/logga-in/']").count() == 1


def test_switch_language_with_the_keyboard(server, narrow_page):
    narrow_page.goto(server + "kluster/")
    tab_to(narrow_page, "el.getAttribute('hreflang') === 'en'")
    narrow_page.keyboard.press("Enter")
    narrow_page.wait_for_url("**/en/kluster/")
    assert narrow_page.evaluate("document.documentElement.lang") == "en"
    tab_to(narrow_page, "el.getAttribute('hreflang') === 'sv'")
    narrow_page.keyboard.press("Enter")
    narrow_page.wait_for_url(lambda url: url.endswith("/kluster/") and "/en/" not in url)
    assert narrow_page.evaluate("document.documentElement.lang") == "sv"


def test_focus_is_visible(server, narrow_page):
    narrow_page.goto(server)
    tab_to(narrow_page, "el.getAttribute('href') === '/organisationer/'")
    outline = narrow_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")

"""Giving an idea without an account, and supporting one when logged in, with the keyboard alone; the pages on the
way checked at 320 px: the consultations, a consultation, the form with its errors, the "check your e-mail" page,
the page behind the e-mailed link, an idea's page and the statistics."""

import re

from tests.e2e.conftest import log_in
from tests.e2e.crawler import audit, audit_shown, table
from tests.e2e.test_keyboard import tab_to

SUBMIT = "el.type === 'submit' && el.closest('main form[method=post]')"


def open_for_ideas(base: str, page) -> str:
    """The demo's consultation that takes ideas (the demo keeps one open for them)."""
    page.goto(base + "/dialog/")
    hrefs = page.locator("main h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for href in hrefs:
        page.goto(base + href)
        if page.locator("main a[href$='/ny-ide/']").count():
            return href
    raise AssertionError("no consultation in the demo takes ideas")


def confirmation_link(log_path, email: str) -> str:
    """The path of the link in the latest e-mail to `email`, as the console e-mail backend wrote it to the log."""
    text = log_path.read_text(encoding="utf-8", errors="replace")
    message = text[text.rindex(f"To: {email}") :]
    return re.search(r"https?://[^\s]*?(/dialog/bekrafta/[^\s/]+/)", message).group(1)


def test_give_an_idea_without_an_account_with_the_keyboard_alone(server, narrow_page, tmp_path_factory):
    base = server.rstrip("/")
    results = [audit(narrow_page, base + "/dialog/", "anonymous")]
    consultation = open_for_ideas(base, narrow_page)
    results.append(audit(narrow_page, base + consultation, "anonymous"))
    tab_to(narrow_page, "el.getAttribute('href') && el.getAttribute('href').endsWith('/ny-ide/')", limit=80)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    results.append(audit_shown(narrow_page, "anonymous"))

    tab_to(narrow_page, SUBMIT, limit=80)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")  # nothing filled in: each problem said at its field
    assert narrow_page.locator("main .errorlist").count() >= 4
    results.append(audit_shown(narrow_page, "anonymous", status=422))

    tab_to(narrow_page, "el.id === 'id_title'", limit=80)
    narrow_page.keyboard.type("Läxhjälp på kvällen 📚 för alla åldrar")
    narrow_page.keyboard.press("Tab")
    narrow_page.keyboard.type("En chatt med en lärare till klockan nio.")
    tab_to(narrow_page, "el.name === 'kind'", limit=10)
    narrow_page.keyboard.press("Space")
    tab_to(narrow_page, "el.id === 'id_email'", limit=20)
    narrow_page.keyboard.type("e2e-ide@example.org")
    tab_to(narrow_page, SUBMIT, limit=20)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    errors = narrow_page.locator("main .errorlist").all_inner_texts()
    assert errors == [] and narrow_page.locator("main form").count() == 0, errors  # "check your e-mail"
    results.append(audit_shown(narrow_page, "anonymous"))

    link = confirmation_link(tmp_path_factory.getbasetemp() / "server.log", "e2e-ide@example.org")
    results.append(audit(narrow_page, base + link, "anonymous"))
    tab_to(narrow_page, SUBMIT, limit=40)  # the link opens a page; its button publishes
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    results.append(audit_shown(narrow_page, "anonymous"))
    tab_to(narrow_page, "el.closest('main') && (el.getAttribute('href') || '').includes('/ideer/')")
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    assert "Läxhjälp på kvällen 📚 för alla åldrar" in narrow_page.locator("h1").inner_text()
    results.append(audit_shown(narrow_page, "anonymous"))
    results.append(audit(narrow_page, base + "/dialog/bekrafta/fel-lank/", "anonymous"))
    results.append(audit(narrow_page, base + consultation + "statistik/", "anonymous"))
    results.append(audit(narrow_page, base + "/en" + consultation + "statistik/", "anonymous"))
    print("\n" + table(results))
    assert [r for r in results if not r.ok and r.status != 400] == []
    assert [r.violations for r in results] == [[]] * len(results)


def test_support_an_idea_with_the_keyboard_alone(server, narrow_page):
    base = server.rstrip("/")
    log_in(narrow_page, server, "medborgare")
    narrow_page.goto(base + "/dialog/")
    consultations = narrow_page.locator("main h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    results = []
    for href in consultations:  # the first idea that takes support and is not supported yet
        results.append(audit(narrow_page, base + href + "?sort=support", "medborgare"))
        ideas = narrow_page.locator("main h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        for idea in ideas[:5]:
            narrow_page.goto(base + idea)
            if narrow_page.locator("form[action$='/stod/'] input[name=action][value=support]").count():
                break
        else:
            continue
        break
    else:
        raise AssertionError("no idea to support in the demo")
    results.append(audit_shown(narrow_page, "medborgare"))
    before = int(re.search(r"\d+", narrow_page.locator("#support p").first.inner_text()).group())
    tab_to(narrow_page, "el.type === 'submit' && el.closest('form[action$=\"/stod/\"]')", limit=80)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    assert narrow_page.locator("[role=status]").count() == 1
    assert int(re.search(r"\d+", narrow_page.locator("#support p").first.inner_text()).group()) == before + 1
    assert narrow_page.locator("form[action$='/stod/'] input[name=action][value=withdraw]").count() == 1
    results.append(audit_shown(narrow_page, "medborgare"))
    print("\n" + table(results))
    assert [r for r in results if not r.ok] == []

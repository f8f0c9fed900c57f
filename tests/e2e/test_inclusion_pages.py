"""Registering for an event and cancelling through the link, with the keyboard alone, and the pages on the way
checked at 320 px: the events, an event with its form, the form's errors, the receipt and the cancelled page."""

from tests.e2e.crawler import audit, audit_shown, table
from tests.e2e.test_keyboard import tab_to

EVENT = "/aktiviteter/demo-kodkalas-i-stadshuset/"


def test_register_and_cancel_with_the_keyboard_alone(server, narrow_page):
    base = server.rstrip("/")
    results = [audit(narrow_page, base + "/aktiviteter/", "anonymous")]
    # An event for adults, coming: the first senior café in the list.
    href = narrow_page.locator("main a[href*='seniorcafe'], main a[href*='senior-cafe']").first.get_attribute("href")
    results.append(audit(narrow_page, base + href, "anonymous"))

    tab_to(narrow_page, "el.type === 'submit' && el.closest('main form[method=post]')", limit=80)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")  # nothing filled in: each problem said at its field
    assert narrow_page.locator("main .errorlist").count() >= 1
    results.append(audit_shown(narrow_page, "anonymous", status=422))

    tab_to(narrow_page, "el.id === 'id_p-0-name'", limit=80)
    narrow_page.keyboard.type("Astrid Lund")
    narrow_page.keyboard.press("Tab")  # the age group: a select, chosen with the arrow keys
    for _ in range(7):
        narrow_page.keyboard.press("ArrowDown")
    tab_to(narrow_page, "el.id === 'id_r-contact_name'", limit=40)
    narrow_page.keyboard.type("Astrid Lund")
    narrow_page.keyboard.press("Tab")
    narrow_page.keyboard.type("astrid.lund@example.se")
    tab_to(narrow_page, "el.type === 'submit' && el.closest('main form[method=post]')", limit=40)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    assert "/anmalan/" in narrow_page.url, narrow_page.locator("main .errorlist").all_inner_texts()
    results.append(audit_shown(narrow_page, "anonymous"))

    tab_to(narrow_page, "el.type === 'submit' && el.closest('form[action$=\"/avboka/\"]')", limit=60)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    assert narrow_page.locator("main .tag").first.inner_text() in ("Avbokad", "Cancelled")
    results.append(audit_shown(narrow_page, "anonymous"))
    results.append(audit(narrow_page, base + EVENT, "anonymous"))
    results.append(audit(narrow_page, base + "/anmalan/fel-lank/", "anonymous"))
    results.append(audit(narrow_page, base + "/aktiviteter/rackvidd/", "anonymous"))
    results.append(audit(narrow_page, base + "/en/aktiviteter/rackvidd/", "anonymous"))
    results.append(audit(narrow_page, base + "/aktiviteter/kalender/", "anonymous"))
    results.append(audit(narrow_page, base + "/integritet/", "anonymous"))
    results.append(audit(narrow_page, base + "/en/integritet/", "anonymous"))
    print("\n" + table(results))
    assert [r for r in results if not r.ok and r.status != 400] == []
    assert [r.violations for r in results] == [[]] * len(results)


def test_a_hosts_pages_pass_and_check_in_works_from_the_keyboard(server, narrow_page):
    from tests.e2e.conftest import log_in

    base = server.rstrip("/")
    log_in(narrow_page, server, "vard")
    results = [audit(narrow_page, base + "/aktiviteter/mina/", "vard")]
    hrefs = narrow_page.locator("main a[href$='/deltagare/']").evaluate_all("links => links.map(a => a.href)")
    for href in hrefs[:6]:  # the coming events first: the first with someone confirmed to check in
        results.append(audit(narrow_page, href, "vard"))
        if narrow_page.locator("main form[action$='/checka-in/'] button").count():
            break
    tab_to(narrow_page, "el.type === 'submit' && el.closest('form[action$=\"/checka-in/\"]')", limit=80)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    assert narrow_page.locator("[role=status]").count() == 1
    results.append(audit_shown(narrow_page, "vard"))

    # A message to those coming to the coding party: first sent empty (said at the fields), then written.
    results.append(audit(narrow_page, base + EVENT + "meddelanden/", "vard"))
    tab_to(narrow_page, "el.type === 'submit' && el.closest('main form[method=post]')", limit=40)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    assert narrow_page.locator("main .errorlist").count() >= 2
    results.append(audit_shown(narrow_page, "vard", status=422))
    tab_to(narrow_page, "el.name === 'subject'", limit=40)
    narrow_page.keyboard.type("Ny ingång")
    narrow_page.keyboard.press("Tab")
    narrow_page.keyboard.type("Vi ses vid ingången mot vattnet.")
    tab_to(narrow_page, "el.type === 'radio'", limit=10)
    narrow_page.keyboard.press("Space")
    tab_to(narrow_page, "el.type === 'submit' && el.closest('main form[method=post]')", limit=40)
    with narrow_page.expect_navigation():
        narrow_page.keyboard.press("Enter")
    assert narrow_page.locator("[role=status]").count() == 1
    assert "Ny ingång" in narrow_page.locator("main").inner_text()
    results.append(audit_shown(narrow_page, "vard"))
    print("\n" + table(results))
    assert [r for r in results if not r.ok] == []

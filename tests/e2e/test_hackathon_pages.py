"""Registering a team for the demo's coming hackathon with the keyboard alone, and the pages on the way checked at
320 px: the hackathons, a hackathon, a challenge with its datasets, the form with its errors, the "check your
e-mail" page and the team's own page behind the e-mailed link. Then the jury's pages of a finished hackathon, as the
IT director who runs it sees them: the jury's page with the ranking, a submission to score, the published results
and making a placed submission an initiative."""

import re

from tests.e2e.conftest import log_in
from tests.e2e.crawler import audit, audit_shown, table
from tests.e2e.test_keyboard import tab_to

SUBMIT = "el.type === 'submit' && el.closest('main form[method=post]')"
COMING = "/hackathon/hacka-klimatet/"
FINISHED = "/hackathon/hacka-skolvagen/"


def team_link(log_path, email: str, kind: str = "lag") -> str:
    """The path of the team's (or with kind="samtycke" the guardian's) link in the latest e-mail to `email`, as the
    console backend wrote it to the log."""
    text = log_path.read_text(encoding="utf-8", errors="replace")
    message = text[text.rindex(f"To: {email}") :]
    return re.search(rf"https?://[^\s]*?(/(?:en/)?hackathon/{kind}/[^\s/]+/)", message).group(1)


def test_register_a_team_with_the_keyboard_alone(server, narrow_page, tmp_path_factory):
    page, base, who = narrow_page, server.rstrip("/"), "anonymous"
    results = [audit(page, base + "/hackathon/", who), audit(page, base + COMING, who)]
    results.append(audit(page, base + COMING + "luft-och-trafik/", who))
    page.goto(base + COMING)
    tab_to(page, "(el.getAttribute('href') || '').endsWith('/anmal-lag/')", limit=80)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    results.append(audit_shown(page, who))
    tab_to(page, SUBMIT, limit=120)
    with page.expect_navigation():
        page.keyboard.press("Enter")  # nothing filled in: each problem said at its field
    assert page.locator("main .errorlist").count() >= 3
    results.append(audit_shown(page, who, status=422))

    tab_to(page, "el.id === 'id_t-name'", limit=80)
    page.keyboard.type("Luftlaget 🌱 Åsa & Östen")
    tab_to(page, "el.name === 't-challenge'", limit=5)
    page.keyboard.press("Space")
    tab_to(page, "el.id === 'id_t-contact_name'", limit=5)
    page.keyboard.type("Åsa Öberg")
    page.keyboard.press("Tab")
    page.keyboard.type("e2e-lag@example.org")
    tab_to(page, "el.id === 'id_m-0-name'", limit=10)
    page.keyboard.type("Åsa Öberg")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the first kind in the list
    tab_to(page, SUBMIT, limit=120)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator("main .errorlist").all_inner_texts()
    assert errors == [] and "e-post" in page.locator("h1").inner_text(), errors  # "Titta i din e-post"
    results.append(audit_shown(page, who))

    link = team_link(tmp_path_factory.getbasetemp() / "server.log", "e2e-lag@example.org")
    results.append(audit(page, base + link, who))
    assert "Luftlaget 🌱 Åsa &amp; Östen" in page.content()
    results.append(audit(page, base + "/hackathon/lag/fel-lank/", who))
    print("\n" + table(results))
    assert [r for r in results if not r.ok and r.status != 400] == []
    assert [r.violations for r in results] == [[]] * len(results)


def test_a_guardians_consent_page_passes_and_the_yes_is_recorded(server, narrow_page, tmp_path_factory):
    """A member under 18 needs a guardian's yes: the guardian's page from the e-mailed link, and its answer."""
    page, base, who = narrow_page, server.rstrip("/"), "anonymous"
    page.goto(base + COMING + "anmal-lag/")
    page.fill("#id_t-name", "Unga luftlaget")
    page.locator("[name='t-challenge']").first.check()
    page.fill("#id_t-contact_name", "Maja Berg")
    page.fill("#id_t-contact_email", "e2e-unga@example.org")
    page.fill("#id_m-0-name", "Elsa Berg")
    page.select_option("#id_m-0-kind", index=1)
    page.check("#id_m-0-under_18")
    page.fill("#id_m-0-guardian_name", "Maja Berg")
    page.fill("#id_m-0-guardian_email", "e2e-vardnadshavare@example.org")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").last.click()
    assert page.locator("main .errorlist").all_inner_texts() == []
    link = team_link(tmp_path_factory.getbasetemp() / "server.log", "e2e-vardnadshavare@example.org", "samtycke")
    results = [audit(page, base + link, who)]
    assert "Elsa Berg" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.locator("main button[value=yes]").click()
    results.append(audit_shown(page, who))
    assert page.locator("main").inner_text().count("Elsa Berg") >= 1 and page.locator("main button").count() == 0
    print("\n" + table(results))
    assert [r for r in results if not r.ok] == []


def test_the_jurys_pages_pass(server, narrow_page):
    page, base, who = narrow_page, server.rstrip("/"), "it-direktor"
    log_in(page, server, who)
    results = [audit(page, base + FINISHED + "jury/", who)]
    submission = page.locator("main a[href*='/jury/bidrag/']").first.get_attribute("href")
    making = page.locator("main a[href$='/initiativ/']").first.get_attribute("href")  # second place: not yet one
    results.append(audit(page, base + submission, who))
    results.append(audit(page, base + FINISHED + "resultat/", who))  # published: it says so
    results.append(audit(page, base + making, who))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()  # no unit chosen
    assert page.locator("main .errorlist").count() >= 1
    results.append(audit_shown(page, who, status=422))
    print("\n" + table(results))
    assert [r for r in results if not r.ok and r.status != 422] == []
    assert [r.violations for r in results] == [[]] * len(results)

"""The pages of those who run a consultation, checked at 320 px: the moderation queue and a refused hiding, an
answer with its errors and a search for an initiative, the phase with its error, and hiding an idea and showing it
again; and the pages that set a consultation and a hackathon up. The IT director runs the demo's consultations."""

from tests.e2e.conftest import log_in
from tests.e2e.crawler import audit, audit_shown, table

QUEUE = "/dialog/moderering/"


def test_the_moderation_answer_and_phase_pages_pass(server, narrow_page):
    page, base, who = narrow_page, server.rstrip("/"), "it-direktor"
    log_in(page, server, who)
    results = [audit(page, base + QUEUE, who)]
    assert page.locator("main button[name=action][value=dismiss]").count() >= 2  # the demo's open reports
    with page.expect_navigation():
        page.locator("main button[name=action][value=hide]").first.click()  # no reason written
    assert page.locator("main .errorlist").count() == 1
    results.append(audit_shown(page, who, status=422))

    answer = page.locator("main #unanswered ~ ol a[href$='/svar/']").first.get_attribute("href")
    results.append(audit(page, base + answer, who))
    page.check("main input[name=outcome][value=not_taken]")
    with page.expect_navigation():
        page.locator("main form button[type=submit]:not([name=find])").click()  # no reason given
    assert page.locator("#id_text_error").count() == 1
    results.append(audit_shown(page, who, status=422))
    page.check("main input[name=outcome][value=initiative]")
    page.fill("#id_text", "Det här blev ett initiativ. Tack!")
    page.fill("#id_initiative_search", "simskolan")
    with page.expect_navigation():
        page.locator("main button[name=find]").click()
    assert page.input_value("#id_text") == "Det här blev ett initiativ. Tack!"
    results.append(audit_shown(page, who))
    page.select_option("#id_initiative", label="Digital kö till simskolan (Idrottsförvaltningen)")
    with page.expect_navigation():
        page.locator("main form button[type=submit]:not([name=find])").click()
    assert page.url.endswith(QUEUE + "#unanswered")

    results.append(audit(page, base + "/dialog/framtidens-stockholm/fas/", who))
    page.check("main input[name=phase][value=closed]")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("#id_results_error").count() == 1
    results.append(audit_shown(page, who, status=422))

    results.append(audit(page, base + answer.replace("/svar/", "/dolj/"), who))
    page.goto(base + QUEUE)
    hidden = page.locator("main #hidden + ul a").first.get_attribute("href")
    results.append(audit(page, base + hidden + "dolj/", who))  # a hidden idea: the button that shows it again
    print("\n" + table(results))
    assert [r for r in results if not r.ok] == []
    assert [r.violations for r in results] == [[]] * len(results)


def test_the_pages_that_set_up_a_consultation_and_a_hackathon_pass(server, narrow_page):
    """New and edit forms at 320 px, empty and with their errors, and a hackathon's challenge, rubric, questions
    and jury pages, as the IT director who runs them sees them."""
    page, base, who = narrow_page, server.rstrip("/"), "it-direktor"
    log_in(page, server, who)
    results = [audit(page, base + "/dialog/ny/", who)]
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()  # nothing filled in
    assert page.locator("main .errorlist").count() >= 2
    results.append(audit_shown(page, who, status=422))
    results.append(audit(page, base + "/hackathon/ny/", who))
    page.fill("#id_title", "Hacka skolmaten 🍎")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()  # a title, and nothing else
    assert page.locator("#id_description_error").count() == 1 and page.locator("#id_starts_at_error").count() == 1
    results.append(audit_shown(page, who, status=422))
    coming = "/hackathon/hacka-klimatet/"
    pages = ("redigera/", "utmaningar/ny/", "bedomning/", "fragor/", "jury-medlemmar/")
    results.extend(audit(page, base + coming + path, who) for path in pages)
    print("\n" + table(results))
    assert [r for r in results if not r.ok] == []
    assert [r.violations for r in results] == [[]] * len(results)

"""Recognition's pages behind a log-in: the lead's lesson forms, the unit head's review, the jury's scoring and
the IT director's policy and award forms, each with the pages they lead to inside /erkannande/."""

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.crawler import audit, audit_shown, crawl, table


@pytest.mark.parametrize(
    ("username", "starts"),
    [
        ("initiativledare", ["/erkannande/lardomar/"]),
        ("enhetschef", ["/erkannande/lardomar/granska/"]),
        ("jurymedlem", ["/erkannande/utmarkelser/"]),
        ("it-direktor", ["/erkannande/policy/andra/", "/erkannande/utmarkelser/ny/", "/erkannande/"]),
    ],
)
def test_recognition_pages_pass(server, narrow_page, username, starts):
    log_in(narrow_page, server, username)
    results, wanted = [], []
    for start in starts:
        results.append(audit(narrow_page, server.rstrip("/") + start, username))
        hrefs = narrow_page.locator("main a[href^='/erkannande/']").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        wanted += [href for href in hrefs if href not in starts and href not in wanted]
    results += crawl(narrow_page, server, username, wanted[:12], bound=12, per_pattern=2)
    print("\n" + table(results))
    assert len(results) >= 3
    assert [r for r in results if not r.ok] == []


def test_a_round_from_opening_to_the_jurys_scores_by_keyboard(server, browser):
    """The IT director opens a round, nominates and closes the nominations; a juror scores with the keyboard. The
    scoring page passes the checks empty, with an error, and saved."""
    import datetime

    base = server.rstrip("/")
    pages = []
    for username in ("it-direktor", "jurymedlem"):
        context = browser.new_context(viewport={"width": 320, "height": 800})
        pages.append(context.new_page())
        pages[-1].set_default_timeout(15_000)
        log_in(pages[-1], server, username)
    director, juror = pages
    director.goto(base + "/erkannande/utmarkelser/ny/")
    director.check("input[name=category][value=delivery]")
    director.check("input[name=period][value=quarter]")
    director.fill("#id_starts_on", "2025-04-01")  # a quarter no demo round uses
    closes = datetime.datetime.now(datetime.UTC).date() + datetime.timedelta(days=30)
    director.fill("#id_nominations_close", closes.isoformat())
    director.fill("#id_jury", "jurymedlem, jury-berg")
    director.click("main button[type=submit]")
    director.wait_for_url("**/erkannande/utmarkelser/*/")
    round_url = director.url
    for slug in ("digital-signering-av-anstallningsavtal", "oppet-api-for-lediga-parkeringsplatser"):
        director.goto(round_url + "nominera/")
        director.fill("#id_initiative", slug)
        director.fill("#id_motivation", "Levererat i tid och inom budget.")
        director.click("main button[type=submit]")
        director.wait_for_url(round_url)
    director.click("main button:has-text('Stäng nomineringen'), main button:has-text('Close the nominations')")
    director.wait_for_url(round_url)

    scoring = round_url + "poang/"
    results = [audit(juror, scoring, "jurymedlem")]
    juror.click("main button[type=submit]")  # nothing chosen: said above the form, nothing saved
    assert juror.locator("main .errorlist, main [role=alert]").count() >= 1
    results.append(audit_shown(juror, "jurymedlem", status=422))
    for group in range(2):
        juror.locator("main fieldset").nth(group).locator("input[type=radio]").first.focus()
        juror.keyboard.press("ArrowRight")  # from 1 to 2: arrows move the choice within a group
        juror.keyboard.press("ArrowRight")
    juror.locator("main button[type=submit]").focus()
    juror.keyboard.press("Enter")
    juror.wait_for_url(round_url)
    assert juror.locator("[role=status], .messages").first.is_visible()
    results.append(audit(juror, scoring, "jurymedlem"))
    assert juror.locator("main input[type=radio][value='3']:checked").count() == 2  # the scores are kept
    print("\n" + table(results))
    assert [r for r in results if not r.ok] == []
    for page in pages:
        page.context.close()

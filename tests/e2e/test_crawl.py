"""Every page reachable from the home page, and from each demo role's navigation, passes the checks."""

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.crawler import audit, audit_shown, crawl, table
from tvatakt.demo.city import LOGINS

ROLES = [login[0] for login in LOGINS]


def test_every_public_page_passes(server, narrow_page):
    # Every kind of public page, up to 3 of each (organisations, initiatives, lessons, decisions ...), in both
    # languages. Without a cap per kind the crawl spent its whole bound on the first few kinds and never reached
    # the rest; 3 of a kind show the same template with different data (12 cost CI two minutes more per database
    # and found nothing 5 did not; 5 cost a minute more than 3, and found nothing 3 did not).
    results = crawl(narrow_page, server, "anonymous", ["/", "/en/"], bound=400, per_pattern=3)
    print("\n" + table(results))
    assert len(results) > 100, "the crawl should reach every kind of public page in both languages"
    assert len(results) < 400, "the crawl stopped at its bound: raise it, or some kinds of page go unchecked"
    assert [r for r in results if not r.ok] == []


@pytest.mark.parametrize("username", ROLES)
def test_every_page_in_a_roles_navigation_passes(server, narrow_page, username):
    log_in(narrow_page, server, username)
    # The public pages are the crawl above's; here the first 8 kinds of page each role reaches, its own first.
    # The pages deeper in (a round's scoring, the forum, a publisher's harvests, a host's participants) have
    # tests of their own, which reach them directly.
    results = crawl(narrow_page, server, username, ["/konto/", "/"], bound=8, per_pattern=1)
    print("\n" + table(results))
    assert [r for r in results if not r.ok] == []


def test_forms_with_errors_pass(server, narrow_page):
    """Error states are pages too: a failed log-in, and a role given twice."""
    narrow_page.goto(server + "logga-in/")
    narrow_page.fill("#id_username", "ambassador")
    narrow_page.fill("#id_password", "fel")
    with narrow_page.expect_navigation():  # the click only starts the POST: wait for its answer
        narrow_page.click("main button[type=submit]")
    assert narrow_page.locator("main .errorlist, main [role=alert]").count() >= 1
    failed_login = audit_shown(narrow_page, "anonymous")
    log_in(narrow_page, server, "it-direktor")
    narrow_page.goto(server + "roller/")
    narrow_page.fill("#id_person", "ingen-sadan-person")
    with narrow_page.expect_navigation():
        narrow_page.click("main form button[type=submit]")
    assert narrow_page.locator("#id_person_error").count() == 1
    role_error = audit_shown(narrow_page, "it-direktor")
    narrow_page.goto(server + "roller/")
    narrow_page.fill("#id_person", "medborgare")
    narrow_page.select_option("#id_role", "ambassador")  # an ambassador needs an organisation
    with narrow_page.expect_navigation():
        narrow_page.click("main form button[type=submit]")
    assert narrow_page.locator("#id_role_error").count() == 1
    results = [failed_login, role_error, audit_shown(narrow_page, "it-direktor")]
    print("\n" + table(results))
    assert [r for r in results if not r.ok] == []


def test_crawler_catches_a_broken_page(server, narrow_page):
    """A page with an image without alt text, an input without a label, a wide box and an inline script (which
    the Content Security Policy refuses) must fail."""
    result = audit(narrow_page, server + "e2e-trasig/", "anonymous")
    print("\n" + table([result]))
    found = " ".join(result.violations)
    assert "image-alt" in found and "label" in found
    assert "scrolls sideways at 320 px" in result.problems
    assert any("Content Security Policy" in problem for problem in result.problems), result.problems
    assert narrow_page.title() == "Trasig"  # the script did not run
    assert not result.ok


def test_a_crawl_that_reaches_a_broken_page_fails(server, narrow_page):
    results = crawl(narrow_page, server, "anonymous", ["/e2e-lank/"], bound=5, per_pattern=5)
    assert [r.ok for r in results] == [True, False]
    assert "/e2e-trasig/" in results[1].url


def test_crawler_catches_a_server_error(server, narrow_page):
    result = audit(narrow_page, server + "e2e-fel/", "anonymous")
    assert result.status == 500 and "HTTP 500" in result.problems


def test_crawler_catches_requests_to_other_sites(server, narrow_page):
    """A page that loads a style sheet and an image from other sites (as a CDN, web font or analytics would) fails,
    even when no Content Security Policy stops it: the platform makes no third-party requests from any page."""
    result = audit(narrow_page, server + "e2e-utomstaende/", "anonymous")
    foreign = [problem for problem in result.problems if "another site" in problem]
    assert any("cdn.tredje-part.invalid" in problem for problem in foreign), result.problems
    assert any("bilder.tredje-part.invalid" in problem for problem in foreign), result.problems
    assert not result.ok

"""The council's pages behind a log-in, which the navigation crawl does not reach in its bound: the cluster
forum as its convener and as a member, and the secretary's proposals, minutes and papers."""

import re

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.crawler import audit, crawl, table


@pytest.mark.parametrize(
    ("username", "start"),
    [
        ("sammankallande", "/radet/kluster/teknik-och-infrastruktur/"),
        ("radsledamot", "/radet/kluster/skola-och-forskola/"),
        ("sekreterare", "/radet/forslag/"),
    ],
)
def test_the_forum_and_the_secretarys_pages_pass(server, narrow_page, username, start):
    log_in(narrow_page, server, username)
    results = [audit(narrow_page, server.rstrip("/") + start, username)]
    # Every page the start page leads to inside the council (threads, forms), not the site's navigation.
    hrefs = narrow_page.locator("main a[href^='/radet/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    wanted = [href for href in dict.fromkeys(hrefs) if not href.endswith((".ics", ".pdf"))]
    results += crawl(narrow_page, server, username, wanted[:16], bound=16, per_pattern=3)
    threads = [href for href in wanted if "/tradar/" in href]
    if username == "sammankallande" and threads:  # the convener's moderation form
        narrow_page.goto(server.rstrip("/") + threads[0])
        hide = narrow_page.locator("main a[href$='/dolj/']").last.get_attribute("href")
        results.append(audit(narrow_page, server.rstrip("/") + hide, username))
        assert "/dolj/" in results[-1].url
    print("\n" + table(results))
    assert len(results) >= 4
    assert [r for r in results if not r.ok] == []


def test_the_minutes_and_a_refused_paper_pass(server, narrow_page, tmp_path):
    log_in(narrow_page, server, "sekreterare")
    narrow_page.goto(server + "radet/")
    meetings = [
        href
        for href in narrow_page.locator("main a[href^='/radet/moten/']").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        if re.fullmatch(r"/radet/moten/\d+/", href)
    ]
    narrow_page.goto(server.rstrip("/") + meetings[-1])  # a past meeting
    results = []
    link = narrow_page.locator("main a[href$='/protokoll/']")
    if link.count():
        narrow_page.goto(server.rstrip("/") + link.first.get_attribute("href"))
        results.append(audit(narrow_page, narrow_page.url, "sekreterare"))
    narrow_page.goto(server.rstrip("/") + meetings[0])  # the next meeting
    attach = narrow_page.locator("main a[href$='/bilaga/']")
    assert attach.count(), "a planned meeting offers to attach papers"
    attach.first.click()
    bad = tmp_path / "program.exe"
    bad.write_bytes(b"MZ\x90\x00")
    narrow_page.fill("#id_title", "Fel fil")
    narrow_page.set_input_files("#id_file", str(bad))
    narrow_page.click("main form button[type=submit]")
    assert narrow_page.locator("#id_file_error").count() == 1
    results.append(audit(narrow_page, narrow_page.url, "sekreterare"))
    print("\n" + table(results))
    assert len(results) == 2 and [r for r in results if not r.ok] == []

"""Recognition's pages behind a log-in: the lead's lesson forms, the unit head's review, the jury's scoring and
the IT director's policy and award forms, each with the pages they lead to inside /erkannande/."""

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.crawler import audit, crawl, table


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

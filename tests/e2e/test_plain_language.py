"""Citizen pages in Swedish are plain: the LIX of their main text stays at or under 45."""

from tests.e2e.crawler import crawl
from tvatakt.core.readability import lix

LIMIT = 45
MIN_WORDS = 15  # a page of names and links has no prose to measure


def test_swedish_public_pages_are_plain(server, narrow_page):
    pages = crawl(narrow_page, server, "anonymous", ["/"], bound=80, per_pattern=2, axe=False)
    report, too_hard = [], []
    for result in pages:
        if "/en/" in result.url or result.status >= 400:
            continue
        narrow_page.goto(result.url)
        # Prose only: names and counts in cards, lists and fact boxes are data, not sentences.
        prose = "\n".join(narrow_page.locator("main p:not(.cards p):not(.plain-list p)").all_inner_texts())
        if len(prose.split()) < MIN_WORDS:
            report.append(f"{'n/a':>5}  {result.url}")
            continue
        score = lix(prose)
        report.append(f"{score:5.1f}  {result.url}")
        if score > LIMIT:
            too_hard.append((round(score, 1), result.url))
    print("\nLIX  page\n" + "\n".join(report))
    assert too_hard == []

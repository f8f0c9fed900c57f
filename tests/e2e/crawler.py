"""Visit pages in a real browser and report what fails: axe (WCAG 2.1 A/AA), 5xx, missing landmarks, sideways scroll."""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}
NARROW = {"width": 320, "height": 800}
# Never follow: logging out ends the crawl's session; ending a role changes the demo data.
# Machine formats (RDF, the CKAN API) are files for programs: their own tests check them.
SKIP = re.compile(
    r"/logga-ut/|/avsluta/|^/(en/)?admin/|^/api/v1/(?!docs)|^/api/(3/)?action/|^/static/|^/media/"
    r"|^/datasets/dcat|^/catalog|^/dataset/|\.(ics|csv|xlsx|rdf|ttl|jsonld)$"
)
# Path segments that name a page kind rather than an object; the others are slugs or ids.
KINDS = {"redigera", "byt", "glomt", "nytt", "klart", "skickat", "docs", "v1", "api"}

_axe = Axe()
# Only the WCAG 2.1 A/AA rules, the ones the audit reports: axe skips its best-practice rules, a third faster.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": sorted(WCAG_TAGS)}, "resultTypes": ["violations"]}


@dataclass
class PageResult:
    url: str
    role: str
    status: int
    violations: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations and not self.problems


def pattern(path: str) -> str:
    """/organisationer/jarva/ and /organisationer/bromma/ are the same kind of page."""
    parts = urlsplit(path)
    segments = [s for s in parts.path.split("/") if s]
    shape = [s if (i == 0 or s in KINDS or (i == 1 and segments[0] == "en")) else "*" for i, s in enumerate(segments)]
    query = ",".join(sorted(key.split("=")[0] for key in parts.query.split("&") if key))
    return "/" + "/".join(shape) + ("?" + query if query else "")


def audit(page, url: str, role: str, axe: bool = True) -> PageResult:
    """Open `url` and check it. The page stays open for the caller to read links from.

    Without JavaScript axe cannot run (its promises never settle), so a no-JS crawl passes axe=False.
    """
    try:
        response = page.goto(url, wait_until="load")
    except PlaywrightError as error:  # e.g. a 5xx with an empty body: Chromium shows its own error page
        return PageResult(
            url=url, role=role, status=0, problems=[f"navigation failed: {error.message.splitlines()[0]}"]
        )
    status = response.status if response else 0
    result = PageResult(url=url, role=role, status=status)
    if status >= 500 or status == 0:
        result.problems.append(f"HTTP {status}")
        return result
    if "text/html" not in (response.headers.get("content-type", "")):
        return result
    return _check(page, result, axe)


def audit_shown(page, role: str, status: int = 200) -> PageResult:
    """Check the page as it is now, without loading it again: a form's error state after a POST."""
    return _check(page, PageResult(url=page.url, role=role, status=status), axe=True)


def _check(page, result: PageResult, axe: bool) -> PageResult:
    checks = page.evaluate(
        """() => ({
            lang: document.documentElement.getAttribute('lang') || '',
            main: document.querySelectorAll('main').length,
            h1: document.querySelectorAll('h1').length,
            sideways: document.documentElement.scrollWidth > window.innerWidth,
        })"""
    )
    if not checks["lang"]:
        result.problems.append("no lang on <html>")
    if checks["main"] != 1:
        result.problems.append(f"{checks['main']} <main> elements")
    if checks["h1"] < 1:
        result.problems.append("no <h1>")
    if checks["sideways"] and page.viewport_size["width"] <= NARROW["width"]:
        result.problems.append("scrolls sideways at 320 px")
    refused = getattr(page, "refused", [])
    result.problems += refused  # the Content Security Policy's refusals and requests to other sites
    refused.clear()
    if not axe:
        return result
    report = _axe.run(page, options=AXE_OPTIONS).response
    for violation in report["violations"]:
        if WCAG_TAGS & set(violation["tags"]):
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            result.violations.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return result


def links(page, base: str) -> list[str]:
    host = urlsplit(base).netloc
    found = []
    # Download links (exports) are files, not pages: the exports' tests check them.
    for href in page.eval_on_selector_all("a[href]:not([download])", "els => els.map(e => e.getAttribute('href'))"):
        parts = urlsplit(urljoin(page.url, href))
        if parts.netloc != host or parts.scheme not in {"http", "https"}:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not SKIP.search(parts.path):
            found.append(path)
    return found


def crawl(
    page, base: str, role: str, start: list[str], bound: int, per_pattern: int, axe: bool = True
) -> list[PageResult]:
    """Breadth-first from `start`: at most `bound` pages, and `per_pattern` pages of each kind."""
    queue, seen, counts, results = list(start), set(), {}, []
    while queue and len(results) < bound:
        path = queue.pop(0)
        key = pattern(path)
        if path in seen or counts.get(key, 0) >= per_pattern:
            continue
        seen.add(path)
        counts[key] = counts.get(key, 0) + 1
        results.append(audit(page, base.rstrip("/") + path, role, axe=axe))
        if results[-1].status < 400:
            queue.extend(link for link in links(page, base) if link not in seen)
    return results


def table(results: list[PageResult]) -> str:
    lines = [f"{'role':<16} {'status':>6}  {'url':<60} violations / problems"]
    for r in results:
        issues = "; ".join(r.violations + r.problems) or "-"
        parts = urlsplit(r.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        lines.append(f"{r.role:<16} {r.status:>6}  {path:<60} {issues}")
    return "\n".join(lines)

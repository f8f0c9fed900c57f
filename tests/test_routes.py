"""Every address the site answers is listed in tests/routes.txt, and every listed address is still answered.

Addresses are sent in e-mails, printed on posters and bookmarked: one that moves breaks them, and `reverse()` in
the tests would follow it without a word. (Grouping the apps' addresses under their first word once moved a
publisher's "remove a distribution" page to /oppna-data/oppna-data/…; this test would have said so.) A new address
is added to the file in the same change; the admin's own addresses are Django's and are left out."""

from pathlib import Path

from django.urls import URLResolver, get_resolver

LISTED = Path(__file__).with_name("routes.txt")


def routes(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        else:
            yield route


def test_no_address_moved_and_every_new_one_is_listed():
    answered = {"/" + route for route in routes(get_resolver().url_patterns) if not route.startswith("admin/")}
    listed = set(LISTED.read_text(encoding="utf-8").split())
    assert sorted(listed - answered) == [], "addresses that no longer answer: links to them break"
    assert sorted(answered - listed) == [], "new addresses: add them to tests/routes.txt"

"""The events' public pages come from the shared cache, yet show a taken seat at once, and only the events' pages
render anew for it; the cached event page still gives each visitor a form token of their own."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tvatakt.core.cache import FORM_TOKEN_SLOT
from tvatakt.inclusion import services

from .conftest import adult, contact, make_event
from .test_views import form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "i"}}
    caches["default"].clear()


def get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def rendered(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


def test_a_taken_seat_shows_at_once_and_leaves_other_cached_pages_alone(client, django_capture_on_commit_callbacks):
    event = make_event(capacity=5)
    pages = ["/en/aktiviteter/", f"/en/aktiviteter/{event.slug}/", "/en/organisationer/"]
    for url in pages:
        assert rendered(client, url) > 0
        assert rendered(client, url) == 0, url  # the second visitor's page is the first one's
    assert "5 seats free" in get(client, pages[0]) and "5 seats free" in get(client, pages[1])
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event=event, people=[adult()], language="en", **contact())
    assert "4 seats free" in get(client, pages[0]) and "4 seats free" in get(client, pages[1])
    assert rendered(client, "/en/organisationer/") == 0  # a seat taken is no reason to render the rest anew


def test_the_events_pages_are_at_most_a_minute_behind_the_clock(client, monkeypatch):
    import django.core.cache.backends.locmem as locmem

    make_event()
    rendered(client, "/en/aktiviteter/")
    assert rendered(client, "/en/aktiviteter/") == 0
    later = locmem.time.time() + 61
    monkeypatch.setattr(locmem.time, "time", lambda: later)
    assert rendered(client, "/en/aktiviteter/") > 0
    assert rendered(client, "/en/organisationer/") > 0  # (the rest of the site keeps its pages 5 minutes)


def token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_the_cached_event_page_gives_every_visitor_a_form_token_of_their_own(django_capture_on_commit_callbacks):
    event = make_event()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    url = f"/en/aktiviteter/{event.slug}/"
    first_token = token(get(first, url))
    assert rendered(second, url) == 0
    html = get(second, url)
    assert FORM_TOKEN_SLOT not in html and token(html) != first_token
    assert second.cookies["csrftoken"].value
    # Another visitor's token is refused against this visitor's cookie; their own is taken.
    assert second.post(url, form(csrfmiddlewaretoken=first_token)).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = second.post(url, form(csrfmiddlewaretoken=token(html)))
    assert response.status_code == 302 and event.registrations.count() == 1

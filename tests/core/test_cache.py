import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tvatakt.organisation import services
from tvatakt.organisation.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}}
    from django.core.cache import caches

    caches["default"].clear()


def queries(client, url):
    """The queries of the answer, besides any rate counter's (a form's upsert; an API read's tally, when added)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len([q for q in captured if "core_ratecounter" not in q["sql"]]), response.content.decode()


def test_an_anonymous_visitor_gets_the_second_view_from_the_cache(client):
    first, html = queries(client, "/organisationer/")
    second, cached_html = queries(client, "/organisationer/")
    assert first > 0 and second == 0
    assert cached_html == html


def test_a_change_through_a_service_shows_at_once(client, person, django_capture_on_commit_callbacks):
    queries(client, "/organisationer/utbildningsforvaltningen/")
    organisation = Organisation.objects.get(slug="utbildningsforvaltningen")
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(actor=person("it-direktor"), organisation=organisation, short_name="UTB-NY")
    _, html = queries(client, "/organisationer/utbildningsforvaltningen/")
    assert "UTB-NY" in html


def test_a_change_outside_the_services_also_shows_at_once(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        passing = Organisation.objects.create(slug="tillfalliga-verket", name="Tillfälliga verket", kind="company")
    _, html = queries(client, "/organisationer/")
    assert "Tillfälliga verket" in html
    with django_capture_on_commit_callbacks(execute=True):
        passing.delete()  # as the admin would
    _, html = queries(client, "/organisationer/")
    assert "Tillfälliga verket" not in html


def test_logged_in_people_are_never_served_a_cached_page(client_as):
    anonymous = Client()
    queries(anonymous, "/organisationer/utbildningsforvaltningen/")
    client = client_as("ambassador")
    count, html = queries(client, "/organisationer/utbildningsforvaltningen/")
    assert count > 0 and "/redigera/" in html and "Logga ut" in html


def test_each_language_has_its_own_cached_page(client):
    queries(client, "/kluster/")
    _, html = queries(client, "/en/kluster/")
    assert '<html lang="en">' in html


def test_the_public_api_is_cached_and_refreshed_on_change(client, django_capture_on_commit_callbacks):
    first, body = queries(client, "/api/v1/organisations?limit=100")
    second, cached = queries(client, "/api/v1/organisations?limit=100")
    assert first > 0 and second == 0 and cached == body
    with django_capture_on_commit_callbacks(execute=True):
        Organisation.objects.filter(slug="stadsarkivet").update(short_name="x")  # update() sends no signal
        Organisation.objects.get(slug="stadsarkivet").save()
    _, fresh = queries(client, "/api/v1/organisations?limit=100")
    assert fresh != body


def test_a_cached_download_is_still_a_download(client):
    first = client.get("/radet/moten.ics")
    second = client.get("/radet/moten.ics")
    assert second.content == first.content and second["Content-Type"] == first["Content-Type"]
    assert (
        second["Content-Disposition"]
        == first["Content-Disposition"]
        == 'attachment; filename="digitaliseringsradet.ics"'
    )


def test_a_new_release_does_not_serve_pages_cached_by_the_old_one(client, monkeypatch):
    from tvatakt.core import cache

    queries(client, "/organisationer/")
    monkeypatch.setattr(cache, "_release", lambda: "next-release")
    count, _ = queries(client, "/organisationer/")
    assert count > 0


def test_rows_saved_in_one_bump_mark_each_scope_stale_once(monkeypatch, django_capture_on_commit_callbacks):
    from tvatakt.core import cache

    bumped = []
    monkeypatch.setattr(cache.transaction, "on_commit", lambda hook: bumped.append(hook.bumps))
    with cache.one_bump():
        Organisation.objects.create(slug="ett-verk", name="Ett verk", kind="company")
        Organisation.objects.create(slug="ett-till", name="Ett verk till", kind="company")
        with cache.one_bump():  # inside another: the outer one bumps
            cache.bump_content_version("inclusion")
        assert bumped == []  # nothing until the end
    assert sorted(bumped) == [cache.CONTENT, "inclusion"]
    bumped.clear()
    with pytest.raises(RuntimeError), cache.one_bump():  # rows written and then an error: still marked stale
        Organisation.objects.create(slug="ett-tredje", name="Ett tredje verk", kind="company")
        raise RuntimeError
    assert bumped == [cache.CONTENT]
    bumped.clear()
    Organisation.objects.create(slug="ett-fjarde", name="Ett fjärde verk", kind="company")
    Organisation.objects.create(slug="ett-femte", name="Ett femte verk", kind="company")
    assert len(bumped) >= 2 and set(bumped) == {cache.CONTENT}  # outside one, each row's save bumps as before

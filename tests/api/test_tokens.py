import datetime
import hashlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tvatakt.api import api as api_module
from tvatakt.api import services
from tvatakt.api.models import ApiToken
from tvatakt.api.selectors import tokens_for
from tvatakt.core.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db

KEYS_URL = "/konto/api-nycklar/"


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def make_key(owner, name="skript", **kwargs) -> tuple[ApiToken, str]:
    return services.api_token_create(actor=owner, name=name, **kwargs)


# Services


def test_a_new_key_is_returned_once_and_only_its_hash_and_start_are_stored(person):
    token, key = make_key(person("ambassador"), name="  Rapportskript  ")
    token.refresh_from_db()
    assert key.startswith("tvt_") and len(key) > 40
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:12] and token.name == "Rapportskript"
    assert key not in {str(value) for value in vars(token).values()}
    assert abs(token.expires_at - (timezone.now() + datetime.timedelta(days=365))) < datetime.timedelta(minutes=1)
    assert list(tokens_for(person("ambassador"))) == [token]


def test_two_keys_are_never_the_same(person):
    (_, first), (_, second) = make_key(person("ambassador")), make_key(person("ambassador"))
    assert first != second


def test_the_eleventh_live_key_is_refused_on_the_name(person):
    owner = person("ambassador")
    tokens = [make_key(owner, name=f"nyckel {n}")[0] for n in range(10)]
    with pytest.raises(DomainError) as refused:
        make_key(owner)
    assert "name" in refused.value.error_dict
    assert ApiToken.objects.filter(person=owner).count() == 10
    services.api_token_revoke(actor=owner, token=tokens[0])
    ApiToken.objects.filter(pk=tokens[1].pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    make_key(owner)
    make_key(owner)  # revoked and expired keys do not count


def test_the_limit_is_per_person(person):
    for n in range(10):
        make_key(person("ambassador"), name=f"nyckel {n}")
    make_key(person("enhetschef"))


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_a_key_needs_a_name_of_at_most_100_characters(person, name):
    with pytest.raises(ValidationError) as refused:
        make_key(person("ambassador"), name=name)
    assert "name" in refused.value.error_dict
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("days", [-1, 0, 367])
def test_an_expiry_in_the_past_or_more_than_a_year_ahead_is_refused(person, days):
    with pytest.raises(DomainError) as refused:
        make_key(person("ambassador"), expires_at=timezone.now() + datetime.timedelta(days=days))
    assert "expires_at" in refused.value.error_dict


def test_nobody_but_an_active_person_may_make_a_key(person):
    inactive = person("medborgare")
    inactive.is_active = False
    inactive.save()
    for actor in [None, AnonymousUser(), inactive]:
        with pytest.raises(NotAllowed):
            make_key(actor)
    assert not ApiToken.objects.exists()


def test_someone_elses_key_cannot_be_revoked(person):
    token, _ = make_key(person("ambassador"))
    with pytest.raises(NotAllowed):
        services.api_token_revoke(actor=person("it-direktor"), token=token)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_owner_and_a_superuser_may_revoke(person):
    own, _ = make_key(person("ambassador"))
    other, _ = make_key(person("ambassador"))
    assert services.api_token_revoke(actor=person("ambassador"), token=own).is_revoked
    assert services.api_token_revoke(actor=person("admin"), token=other).is_revoked


def test_revoking_twice_is_harmless_and_keeps_the_first_time(person):
    token, _ = make_key(person("ambassador"))
    first = services.api_token_revoke(actor=person("ambassador"), token=token).revoked_at
    again = services.api_token_revoke(actor=person("ambassador"), token=ApiToken.objects.get(pk=token.pk))
    assert again.revoked_at == first and again.is_revoked


# The bearer authentication, through GET /api/v1/me


def test_a_key_lets_a_client_ask_whose_it_is(client, person):
    owner = person("ambassador")
    token, key = make_key(owner, name="Rapportskript")
    response = client.get("/api/v1/me", headers=bearer(key))
    assert response.status_code == 200
    body = response.json()
    expires_at = datetime.datetime.fromisoformat(body["key"].pop("expires_at"))
    assert body == {"id": owner.pk, "name": "Jonas Ekholm", "key": {"name": "Rapportskript", "prefix": key[:12]}}
    assert abs(expires_at - token.expires_at) < datetime.timedelta(milliseconds=1)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_last_use_is_written_at_most_once_a_minute(client, person):
    token, key = make_key(person("ambassador"))

    def writes() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/me", headers=bearer(key)).status_code == 200
        return sum(query["sql"].startswith('UPDATE "api_apitoken"') for query in captured)

    assert writes() == 1
    assert writes() == 0
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - datetime.timedelta(minutes=2))
    assert writes() == 1


def _revoked(owner, key_token):
    services.api_token_revoke(actor=owner, token=key_token)


def _expired(owner, key_token):
    ApiToken.objects.filter(pk=key_token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))


def _inactive(owner, key_token):
    owner.is_active = False
    owner.save()


@pytest.mark.parametrize("spoil", [_revoked, _expired, _inactive])
def test_a_revoked_or_expired_key_or_an_inactive_person_gets_401(client, person, spoil):
    owner = person("ambassador")
    token, key = make_key(owner)
    assert client.get("/api/v1/me", headers=bearer(key)).status_code == 200
    spoil(owner, token)
    response = client.get("/api/v1/me", headers=bearer(key))
    assert response.status_code == 401 and "detail" in response.json()


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer garbage", "Bearer tvt_" + "A" * 43, "Bearer tvt_" + "A" * 5000, "Basic dXNlcjpwYXNz"],
)
def test_a_missing_or_unknown_key_gets_401_as_json(client, person, header):
    make_key(person("ambassador"))  # a key exists, but not this one
    response = client.get("/api/v1/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json") and response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_key_with_a_wrong_letter_gets_401(client, person):
    _, key = make_key(person("ambassador"))
    wrong = key[:-1] + ("a" if key[-1] != "a" else "b")
    assert client.get("/api/v1/me", headers=bearer(wrong)).status_code == 401


def test_a_logged_in_browser_without_a_key_gets_401(client_as):
    assert client_as("ambassador").get("/api/v1/me").status_code == 401


def test_the_openapi_document_says_me_needs_a_bearer_key(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["paths"]["/api/v1/me"]["get"]["security"]
    assert client.get("/api/v1/organisations").status_code == 200  # reading still needs no key


def test_service_refusals_become_json_in_the_api():
    request = RequestFactory().post("/api/v1/x")
    refused = api_module.not_allowed(request, NotAllowed("Nej."))
    assert refused.status_code == 403 and b"Nej." in refused.content
    broken = api_module.rule_broken(request, DomainError({"name": "Fel namn."}))
    assert broken.status_code == 422 and broken.content.decode() == '{"detail": {"name": ["Fel namn."]}}'
    unnamed = api_module.rule_broken(request, ValidationError("Fel."))
    assert unnamed.status_code == 422 and b"Fel." in unnamed.content


# The shared cache must never hold what a key was shown


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tok"}}
    caches["default"].clear()


def count_queries(client, url, **kwargs) -> int:
    """The queries of the answer, besides any rate counter's (a form's upsert; an API read's tally, when added)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **kwargs).status_code == 200
    return len([q for q in captured if "core_ratecounter" not in q["sql"]])


def test_a_request_with_a_key_is_not_served_from_the_cache(real_cache, client, person):
    _, key = make_key(person("ambassador"))
    count_queries(client, "/api/v1/organisations")
    assert count_queries(client, "/api/v1/organisations") == 0
    assert count_queries(client, "/api/v1/organisations", headers=bearer(key)) > 0
    assert count_queries(client, "/api/v1/organisations", headers={"Authorization": "Bearer nonsense"}) > 0


def test_an_answer_given_to_a_key_is_not_stored_for_others(real_cache, client, person):
    _, key = make_key(person("ambassador"))
    assert client.get("/api/v1/me", headers=bearer(key)).status_code == 200
    assert client.get("/api/v1/me").status_code == 401
    count_queries(client, "/api/v1/units", headers=bearer(key))
    assert count_queries(client, "/api/v1/units") > 0


# The web pages


def test_the_keys_page_needs_a_login(client):
    response = client.get(KEYS_URL)
    assert response.status_code == 302 and response["Location"].startswith("/logga-in/")


def test_the_account_page_links_to_the_keys_page(client_as):
    assert f'href="{KEYS_URL}"' in client_as("medborgare").get("/konto/").content.decode()


def test_the_keys_page_lists_own_keys_in_an_accessible_table(client_as, person):
    token, key = make_key(person("ambassador"), name="Rapportskript")
    make_key(person("enhetschef"), name="Någon annans")
    html = client_as("ambassador").get(KEYS_URL).content.decode()
    assert "Rapportskript" in html and token.prefix in html and "Någon annans" not in html
    assert key not in html
    assert "<caption" in html and 'scope="col"' in html and '<label for="id_name"' in html
    assert f'href="/konto/api-nycklar/{token.pk}/aterkalla/"' in html


def test_making_a_key_on_the_page_shows_it_once_and_it_works(client_as, client, person):
    browser = client_as("ambassador")
    response = browser.post(KEYS_URL, {"name": "Rapportskript", "valid_days": "90"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "messages" not in response.cookies
    token = ApiToken.objects.get(person=person("ambassador"))
    key = response.context["key"]
    assert key in response.content.decode() and token.prefix == key[:12]
    assert key not in str(dict(browser.session))
    assert abs(token.expires_at - (timezone.now() + datetime.timedelta(days=90))) < datetime.timedelta(minutes=1)
    assert key not in browser.get(KEYS_URL).content.decode()
    assert client.get("/api/v1/me", headers=bearer(key)).json()["name"] == "Jonas Ekholm"


def test_the_page_shows_the_limit_next_to_the_name(client_as, person):
    for n in range(10):
        make_key(person("ambassador"), name=f"nyckel {n}")
    response = client_as("ambassador").post("/en" + KEYS_URL, {"name": "en till", "valid_days": "365"})
    assert response.status_code == 200
    assert "Revoke one before you make another" in response.content.decode()
    assert response.context["form"].errors["name"]
    assert ApiToken.objects.filter(person=person("ambassador")).count() == 10


def test_an_empty_name_is_refused_on_the_page(client_as):
    response = client_as("ambassador").post(KEYS_URL, {"name": "", "valid_days": "365"})
    assert response.status_code == 200 and response.context["form"].errors["name"]
    assert not ApiToken.objects.exists()


def test_revoking_on_the_page_asks_first_then_revokes(client_as, person):
    token, _ = make_key(person("ambassador"))
    browser = client_as("ambassador")
    url = f"/konto/api-nycklar/{token.pk}/aterkalla/"
    confirm = browser.get(url)
    assert confirm.status_code == 200 and 'method="post"' in confirm.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    response = browser.post(url)
    assert response.status_code == 302 and response["Location"] == KEYS_URL
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_someone_elses_key_cannot_be_revoked_on_the_page(client_as, person):
    token, _ = make_key(person("ambassador"))
    browser = client_as("it-direktor")
    url = f"/konto/api-nycklar/{token.pk}/aterkalla/"
    assert browser.get(url).status_code == 403
    assert browser.post(url).status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


# The administration site


def test_the_admin_shows_keys_but_never_makes_one(client_as, person):
    token, _ = make_key(person("ambassador"))
    admin = client_as("admin")
    assert admin.get("/admin/api/apitoken/add/").status_code == 403
    change = admin.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert token.key_hash in change and 'name="key_hash"' not in change


def test_the_admin_revokes_through_the_service(client_as, person):
    token, _ = make_key(person("ambassador"))
    response = client_as("admin").post(
        "/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}, follow=True
    )
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None


# Scopes: what a key may change


def test_a_key_made_on_the_page_only_reads_unless_a_part_is_ticked(client_as, client, person):
    """Checked by taking the scope check out of TokenAuth: the read-only key's check-in was let through."""
    browser = client_as("initiativledare")
    reader = browser.post(KEYS_URL, {"name": "Läsare", "valid_days": "30"}).context["key"]
    writer = browser.post(KEYS_URL, {"name": "Skrivare", "valid_days": "30", "write_scopes": ["portfolio"]})
    writer_key = writer.context["key"]
    assert "portföljen: initiativ" in writer.content.decode()  # what the new key may change, in Swedish
    assert client.get("/api/v1/me", headers=bearer(reader)).status_code == 200  # every key reads
    slug = "digital-ko-till-simskolan"
    body = {"health": "green", "text": "Allt går enligt plan."}
    refused = client.post(f"/api/v1/initiatives/{slug}/check-ins", body, content_type="application/json",
                          headers=bearer(reader))  # fmt: skip
    assert refused.status_code == 403
    assert "bara läsa" in refused.json()["detail"]
    allowed = client.post(f"/api/v1/initiatives/{slug}/check-ins", body, content_type="application/json",
                          headers=bearer(writer_key))  # fmt: skip
    assert allowed.status_code != 403, allowed.content


def test_a_key_for_one_part_cannot_change_another(client, person):
    _token, key = make_key(person("ambassador"), write_scopes=["portfolio"])
    report = client.post("/api/v1/adoptions/1/reports", {}, content_type="application/json", headers=bearer(key))
    assert report.status_code == 403


def test_an_unknown_part_is_refused_and_a_key_from_code_keeps_every_part_by_default(person):
    with pytest.raises(DomainError) as refused:
        make_key(person("ambassador"), write_scopes=["portfolio", "allt"])
    assert "write_scopes" in refused.value.message_dict
    token, _key = make_key(person("ambassador"))
    assert sorted(token.write_scopes) == ["council", "innovation", "portfolio"]


def test_the_keys_page_says_what_each_key_may_change(client_as, person):
    make_key(person("ambassador"), name="Läsaren", write_scopes=[])
    page = client_as("ambassador").get(KEYS_URL).content.decode()
    assert "Läsaren" in page and "den bara läser" in page

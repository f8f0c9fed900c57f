"""Consultations in the JSON API: the public reads show published ideas only, with what became of each; giving an
idea and supporting one need an API key and reach the same services as the web forms."""

import json

import pytest
from django.test import Client

from tvatakt.api.services import api_token_create
from tvatakt.innovation import services
from tvatakt.innovation.choices import IdeaState, Outcome, Phase
from tvatakt.innovation.models import Idea, Support
from tvatakt.portfolio.models import Initiative

from .conftest import idea_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def keyed(person):
    def make(username: str) -> Client:
        _token, key = api_token_create(actor=person(username), name="test")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}")

    return make


def _post(client: Client, url: str, data: dict | None = None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def swedish(message: str) -> str:
    """The API answers in the site's language (its paths have no language prefix): Swedish."""
    from django.utils import translation

    with translation.override("sv"):
        return translation.gettext(message)


def test_consultations_are_listed_with_their_published_ideas_counted(client):
    body = client.get("/api/v1/consultations").json()
    slugs = {item["slug"] for item in body["items"]}
    assert {"framtidens-stockholm", "digitala-vardagen"} <= slugs and body["count"] == len(slugs)
    one = client.get("/api/v1/consultations/framtidens-stockholm").json()
    assert one["phase"] == Phase.IDEAS and one["organisation"] == "stadsledningskontoret"
    assert one["strategy_url"].startswith("https://")
    assert one["ideas"] == Idea.objects.filter(consultation__slug="framtidens-stockholm", state="published").count()
    assert client.get("/api/v1/consultations/finns-inte").status_code == 404


def test_only_published_ideas_are_shown_and_no_e_mail_address_ever(client):
    body = client.get("/api/v1/consultations/framtidens-stockholm/ideas", {"limit": 200}).json()
    published = Idea.objects.filter(consultation__slug="framtidens-stockholm", state=IdeaState.PUBLISHED)
    assert body["count"] == published.count() == len(body["items"])
    hidden = Idea.objects.filter(state=IdeaState.HIDDEN).first()
    pending = Idea.objects.filter(state=IdeaState.PENDING).first()
    assert client.get(f"/api/v1/ideas/{hidden.pk}").status_code == 404
    assert client.get(f"/api/v1/ideas/{pending.pk}").status_code == 404
    everything = client.get("/api/v1/consultations/digitala-vardagen/ideas", {"limit": 200}).content.decode()
    assert "@" not in json.dumps(body) and "@" not in everything
    assert "age_group" not in body["items"][0] and "district" not in body["items"][0]  # for the reach figures only


def test_ideas_filter_by_outcome_and_kind_and_are_paginated(client):
    url = "/api/v1/consultations/digitala-vardagen/ideas"
    initiatives = client.get(url, {"outcome": "initiative", "limit": 200}).json()
    assert initiatives["count"] > 0 and all(item["initiative"] for item in initiatives["items"])
    unanswered = client.get("/api/v1/consultations/framtidens-stockholm/ideas", {"outcome": "unanswered"}).json()
    assert unanswered["count"] > 0 and {item["outcome"] for item in unanswered["items"]} == {""}
    startups = client.get(url, {"kind": "startup", "limit": 200}).json()
    assert startups["count"] > 0 and {item["kind"] for item in startups["items"]} == {"startup"}
    first = client.get(url, {"limit": 5}).json()
    second = client.get(url, {"limit": 5, "offset": 5}).json()
    assert len(first["items"]) == len(second["items"]) == 5
    assert not {item["id"] for item in first["items"]} & {item["id"] for item in second["items"]}
    by_support = client.get(url, {"sort": "support", "limit": 200}).json()["items"]
    assert [item["supports"] for item in by_support] == sorted((item["supports"] for item in by_support), reverse=True)
    assert client.get(url, {"outcome": "maybe"}).status_code == 422
    assert client.get(url, {"kind": "king"}).status_code == 422


def test_an_idea_shows_what_became_of_it(client):
    idea = Idea.objects.filter(outcome=Outcome.INITIATIVE, state=IdeaState.PUBLISHED).select_related("initiative")[0]
    body = client.get(f"/api/v1/ideas/{idea.pk}").json()
    assert body["outcome"] == "initiative" and body["initiative"] == idea.initiative.slug
    assert body["outcome_text"] == idea.outcome_text and body["answered_at"]
    assert body["url"].endswith(f"/dialog/{idea.consultation.slug}/ideer/{idea.pk}/")
    on_behalf = Idea.objects.filter(state=IdeaState.PUBLISHED).exclude(entered_by=None)[0]
    assert client.get(f"/api/v1/ideas/{on_behalf.pk}").json()["entered_on_behalf"] is True


def test_a_confidential_initiative_is_not_named(client, consultation, person):
    idea = services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields())
    initiative = Initiative.objects.filter(is_confidential=False).first()
    services.answer(idea=idea, actor=None, outcome=Outcome.INITIATIVE, initiative=initiative)
    Initiative.objects.filter(pk=initiative.pk).update(is_confidential=True)
    assert client.get(f"/api/v1/ideas/{idea.pk}").json()["initiative"] is None


def test_giving_an_idea_needs_a_key_and_the_key_s_person_is_the_author(client, keyed, person, consultation):
    url = f"/api/v1/consultations/{consultation.slug}/ideas"
    payload = {"title": "Cykelkarta 🚲 för Årsta", "body": "<b>Fler</b> cykelbanor på kartan", "kind": "citizen",
               "age_group": "65-74", "district": "enskede-arsta-vantor-stadsdelsforvaltning"}  # fmt: skip
    assert _post(client, url, payload).status_code == 401
    response = _post(keyed("medborgare"), url, payload)
    assert response.status_code == 201
    body = response.json()
    idea = Idea.objects.get(pk=body["id"])
    assert idea.author == person("medborgare") and idea.state == IdeaState.PUBLISHED
    assert body["title"] == "Cykelkarta 🚲 för Årsta" and body["body"] == "<b>Fler</b> cykelbanor på kartan"
    assert idea.age_group == "65-74" and idea.district.slug == "enskede-arsta-vantor-stadsdelsforvaltning"
    assert body["author_name"] == person("medborgare").display_name


@pytest.mark.parametrize(
    "changes, field",
    [({"title": " "}, "title"), ({"kind": "king"}, "kind"), ({"district": "atlantis"}, "district"),
     ({"body": "x" * 4001}, "body")],
)  # fmt: skip
def test_a_bad_idea_is_refused_with_the_reason_and_nothing_is_saved(keyed, consultation, changes, field):
    before = Idea.objects.count()
    response = _post(keyed("medborgare"), f"/api/v1/consultations/{consultation.slug}/ideas",
                     idea_fields(**changes))  # fmt: skip
    assert response.status_code == 422 and field in json.dumps(response.json()["detail"])
    assert Idea.objects.count() == before


def test_a_closed_consultation_takes_no_idea_through_the_api(keyed):
    response = _post(keyed("medborgare"), "/api/v1/consultations/digitala-vardagen/ideas", idea_fields())
    assert response.status_code == 422
    assert swedish("This consultation does not take new ideas now.") in response.json()["detail"]["__all__"]


def test_supporting_twice_is_a_409_and_the_count_stays(client, keyed, consultation, person):
    idea = services.submit_idea(consultation=consultation, actor=person("ambassador"), **idea_fields())
    url = f"/api/v1/ideas/{idea.pk}/supports"
    assert _post(client, url).status_code == 401
    supporter = keyed("medborgare")
    first = _post(supporter, url)
    assert first.status_code == 201 and first.json()["supports"] == 1
    second = _post(supporter, url)
    assert second.status_code == 409
    assert second.json() == {"detail": {"__all__": [swedish("You already support this idea.")]}}
    idea.refresh_from_db()
    assert idea.supports == 1 == Support.objects.filter(idea=idea).count()


def test_an_idea_that_is_not_published_or_not_open_for_support_cannot_be_supported(keyed, consultation, person):
    supporter = keyed("medborgare")
    hidden = services.submit_idea(consultation=consultation, actor=person("ambassador"), **idea_fields())
    services.hide_idea(idea=hidden, actor=None, reason="Reklam")
    assert _post(supporter, f"/api/v1/ideas/{hidden.pk}/supports").status_code == 404
    closed = Idea.objects.filter(consultation__slug="digitala-vardagen", state=IdeaState.PUBLISHED).first()
    before = closed.supports
    response = _post(supporter, f"/api/v1/ideas/{closed.pk}/supports")
    assert response.status_code == 422
    assert swedish("This consultation does not take support now.") in response.json()["detail"]["__all__"]
    closed.refresh_from_db()
    assert closed.supports == before


def test_the_endpoints_are_in_the_openapi_document_and_the_docs(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/consultations", "/api/v1/consultations/{slug}", "/api/v1/consultations/{slug}/ideas",
                 "/api/v1/ideas/{idea_id}", "/api/v1/ideas/{idea_id}/supports"):  # fmt: skip
        assert path in paths, path
    assert "security" in paths["/api/v1/ideas/{idea_id}/supports"]["post"]
    assert "/api/v1/consultations/{slug}/ideas" in client.get("/api/v1/docs").content.decode()

"""Events in the API: reading them, and registering with an Idempotency-Key so that a retry is safe."""

import json

import pytest

from tvatakt.inclusion.choices import EventState, Status
from tvatakt.inclusion.models import Registration

from .conftest import make_event

pytestmark = pytest.mark.django_db
BODY = {"contact_name": "Aisha Ali", "email": "aisha@example.se", "participants": [{"name": "Aisha Ali",
        "age_group": "30-49", "first_time": True}], "needs": ["hearing_loop"]}  # fmt: skip


def post(client, slug: str, body: dict, key: str = ""):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(f"/api/v1/events/{slug}/registrations", json.dumps(body), content_type="application/json",
                       **headers)  # fmt: skip


def test_events_are_listed_filtered_and_shown(client):
    make_event(slug="test-api-alla")
    make_event(slug="test-api-seniorer", age_min=65, age_max=85)
    slugs = [item["slug"] for item in client.get("/api/v1/events", {"age": "30-49", "limit": 200}).json()["items"]]
    assert "test-api-alla" in slugs and "test-api-seniorer" not in slugs
    event = client.get("/api/v1/events/test-api-alla").json()
    assert event["seats_free"] == 5 and event["place"]["step_free"] and not event["online"]
    assert client.get("/api/v1/events/finns-inte").status_code == 404
    unknown = client.get("/api/v1/events", {"district": "finns-inte"})
    assert unknown.status_code == 422 and "district" in unknown.json()["detail"]
    assert client.get("/api/v1/events", {"age": "200"}).status_code == 422


def test_a_retry_with_the_same_key_gets_the_same_registration(client):
    make_event(slug="test-api-kort")
    first = post(client, "test-api-kort", BODY, key="7f1c-retry")
    assert first.status_code == 201 and first.json()["status"] == Status.CONFIRMED
    again = post(client, "test-api-kort", BODY, key="7f1c-retry")
    assert again.status_code == 200 and again.json()["code"] == first.json()["code"]
    assert Registration.objects.filter(event__slug="test-api-kort").count() == 1
    assert "/anmalan/" in first.json()["manage_url"]


def test_the_event_registered_for_is_read_as_the_orm_reads_it_and_a_draft_is_not_found(client):
    """The event is read through a statement written once (selectors.event_to_register): its values come typed as
    the model's, on both databases, and a draft is as unknown as a slug that is not there."""
    from tvatakt.inclusion import selectors

    made = make_event(slug="test-api-las", languages=["sv", "sv-easy"])
    read = selectors.event_to_register("test-api-las")
    assert [(f.attname, getattr(read, f.attname)) for f in read._meta.concrete_fields] == [
        (f.attname, getattr(made, f.attname)) for f in made._meta.concrete_fields
    ]
    make_event(slug="test-api-utkast", state=EventState.DRAFT)
    assert selectors.event_to_register("test-api-utkast") is None
    assert post(client, "test-api-utkast", BODY).status_code == 404
    assert post(client, "finns-inte", BODY).status_code == 404
    assert not Registration.objects.filter(event__slug="test-api-utkast").exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [({**BODY, "email": ""}, "email"), ({**BODY, "participants": []}, "participants"),
     ({**BODY, "participants": [{"name": "Elsa", "age_group": "7-12"}]}, "guardian_name"),
     ({**BODY, "district": "atlantis"}, "district")],
)  # fmt: skip
def test_a_broken_rule_is_a_422_at_its_field_and_saves_nothing(client, body, field):
    make_event(slug="test-api-fel")
    response = post(client, "test-api-fel", body)
    assert response.status_code == 422 and field in response.json()["detail"]
    assert not Registration.objects.filter(event__slug="test-api-fel").exists()


@pytest.mark.parametrize("body", ["not json", json.dumps({"participants": "x"}), json.dumps([[[[]]]] * 3)])
def test_malformed_input_is_a_4xx(client, body):
    make_event(slug="test-api-trasig")
    response = client.post("/api/v1/events/test-api-trasig/registrations", body, content_type="application/json")
    assert 400 <= response.status_code < 500

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


def test_a_process_keeps_an_event_read_for_a_second_and_reads_it_afresh_when_it_changes(client, monkeypatch):
    """A rush registers for one event: its row is read once a second a process, not at every registration."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tvatakt.inclusion import selectors

    clock = [1000.0]
    monkeypatch.setattr(selectors.time, "monotonic", lambda: clock[0])
    made = make_event(slug="test-api-rusning")
    with CaptureQueriesContext(connection) as queries:
        first = selectors.event_to_register("test-api-rusning")
        second = selectors.event_to_register("test-api-rusning")
    assert len(queries) == 1 and first is not second and first.pk == second.pk == made.pk
    second.title = "Changed by its caller"  # each caller's instance is its own
    assert selectors.event_to_register("test-api-rusning").title == made.title
    second.languages.append("ar")  # and so are its lists
    assert selectors.event_to_register("test-api-rusning").languages == made.languages
    made.title = "Nytt namn"
    made.save()  # a save in this process: read afresh at once
    with CaptureQueriesContext(connection) as queries:
        assert selectors.event_to_register("test-api-rusning").title == "Nytt namn"
    assert len(queries) == 1
    type(made).objects.filter(pk=made.pk).update(title="Ändrat utan signal")  # as another process would change it
    assert selectors.event_to_register("test-api-rusning").title == "Nytt namn"
    assert selectors.event_to_register("test-api-rusning", fresh=True).title == "Ändrat utan signal"
    type(made).objects.filter(pk=made.pk).update(title="Ändrat igen")
    clock[0] += selectors.RECENT_SECONDS
    assert selectors.event_to_register("test-api-rusning").title == "Ändrat igen"  # a second later, as it is


@pytest.mark.parametrize("full", [False, True], ids=["seats-free", "waiting-list"])
def test_an_event_cancelled_after_it_was_read_takes_no_registration(client, full):
    """Another process cancelled the event less than a second ago, and this one still has it as published: the
    registration's statement finds it cancelled, writes nothing and takes no seat, and the answer says why."""
    from tvatakt.inclusion import selectors
    from tvatakt.inclusion.models import Event

    event = make_event(slug="test-api-installt", capacity=1, waiting_list=True)
    if full:
        assert post(client, "test-api-installt", {**BODY, "email": "forsta@example.se"}).json()["status"] == "confirmed"
    assert selectors.event_to_register("test-api-installt").state == EventState.PUBLISHED  # kept by this process
    Event.objects.filter(pk=event.pk).update(state=EventState.CANCELLED)  # no signal: as another process's
    answer = post(client, "test-api-installt", BODY)
    assert answer.status_code == 422  # in the request's language, Swedish: the event is not open for registration
    assert answer.json()["detail"] == {"__all__": ["Det går inte att anmäla sig till den här aktiviteten."]}
    event.refresh_from_db()
    assert event.seats_taken == (1 if full else 0)
    assert not Registration.objects.filter(event=event, email="aisha@example.se").exists()


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

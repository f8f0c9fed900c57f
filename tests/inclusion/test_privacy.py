"""Personal data is erased a set time after the event, by the sweep, leaving only what the reach figures count."""

import datetime

import pytest
from django.core.management import call_command

from tvatakt.inclusion import privacy, services
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Participant, Registration

from .conftest import adult, child, contact, make_event

pytestmark = pytest.mark.django_db


def test_personal_data_is_erased_after_the_retention_period_with_a_moved_clock(settings):
    settings.INCLUSION_RETENTION_DAYS = 90
    event = make_event()
    kept = make_event(slug="test-senare")
    guardian = {"guardian_name": "Sara Lind", "guardian_email": "sara@example.se", "needs_text": "Jag hör dåligt.",
                "needs": ["hearing_loop"]}  # fmt: skip
    erased = services.register(event=event, people=[child(), adult("Sara Lind")], **contact(1, **guardian))
    later = services.register(event=kept, people=[adult()], **contact(2))
    kept.ends_at = event.ends_at + datetime.timedelta(days=30)
    kept.save()

    privacy.erase_after_events(now=event.ends_at + datetime.timedelta(days=89))
    erased.refresh_from_db()
    assert erased.erased_at is None
    privacy.erase_after_events(now=event.ends_at + datetime.timedelta(days=91))
    assert privacy.erase_after_events(now=event.ends_at + datetime.timedelta(days=91)) == 0  # each once
    erased.refresh_from_db()
    assert erased.erased_at and (erased.contact_name, erased.email, erased.guardian_email, erased.needs_text) == (
        "",
        "",
        "",
        "",
    )
    assert erased.code != contact(1)["email"] and erased.code.startswith("X")
    # What a need or a consent said about one person goes too: the privacy page says only counts are kept.
    assert (erased.needs, erased.consent_version, erased.consent_deadline) == ([], "", None)
    assert not erased.photos_allowed
    people = Participant.objects.filter(registration=erased)
    assert set(people.values_list("name", flat=True)) == {""}
    assert sorted(people.values_list("age_group", flat=True)) == ["30-49", "7-12"]  # the counts stay
    assert erased.status == Status.PENDING_CONSENT and erased.district_id == contact(1).get("district")
    later.refresh_from_db()
    assert later.erased_at is None and later.email == "deltagare2@example.se"


def test_the_sweep_command_passes_on_offers_and_erases(capsys):
    call_command("inclusion_sweep")
    assert "Registrations erased" in capsys.readouterr().out


def test_an_erased_registrations_link_no_longer_works(client):
    from tvatakt.inclusion import tokens

    event = make_event()
    registration = services.register(event=event, people=[adult()], **contact(1))
    token = tokens.make(registration, tokens.MANAGE)
    privacy.erase(Registration.objects.filter(pk=registration.pk))
    assert client.get(f"/en/anmalan/{token}/").status_code == 400


def test_a_participant_sees_everything_kept_and_erases_it_through_the_link(client, django_capture_on_commit_callbacks):
    from tvatakt.inclusion import tokens

    event = make_event(capacity=1)
    mine = services.register(event=event, people=[adult("Aisha Ali")], **contact(1, needs_text="Hörselslinga"))
    waiting = services.register(event=event, people=[adult()], **contact(2))
    token = tokens.make(mine, tokens.MANAGE)
    assert "mina-uppgifter.json" in client.get(f"/en/anmalan/{token}/").content.decode()
    data = client.get(f"/en/anmalan/{token}/mina-uppgifter.json").json()
    assert data["email"] == "deltagare1@example.se" and data["participants"][0]["name"] == "Aisha Ali"
    assert data["needs_text"] == "Hörselslinga" and data["erased_after"] == 90

    assert "This cannot be undone." in client.get(f"/en/anmalan/{token}/radera/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/anmalan/{token}/radera/")
    assert "Your details are erased" in response.content.decode()
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.erased_at and mine.status == Status.CANCELLED and mine.email == ""
    assert waiting.status == Status.OFFERED  # the seat went on
    assert client.get(f"/en/anmalan/{token}/").status_code == 400
    assert client.get(f"/en/anmalan/{token}/mina-uppgifter.json").status_code == 400

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
    guardian = {"guardian_name": "Sara Lind", "guardian_email": "sara@example.se", "needs_text": "Jag hör dåligt."}
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

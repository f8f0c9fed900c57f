"""The reach figures, the survey after an event, and the population file they are measured against."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tvatakt.core.errors import DomainError
from tvatakt.core.tabular import ImportFailed
from tvatakt.inclusion import services, tokens
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Feedback, Participant, Population, Registration
from tvatakt.inclusion.population import import_population
from tvatakt.inclusion.reach import reach
from tvatakt.organisation.models import Organisation

from .conftest import adult, contact, make_event

pytestmark = pytest.mark.django_db


def came(event, age_group: str, district, *, first_time=False, status=Status.ATTENDED) -> Registration:
    number = Registration.objects.count()
    registration = Registration.objects.create(
        event=event, code=f"T{number}", status=status, email=f"x{number}@example.se", district=district
    )
    Participant.objects.create(registration=registration, name="X", age_group=age_group, first_time=first_time)
    return registration


def test_reach_counts_by_quarter_age_and_district_and_finds_the_under_reached():
    Registration.objects.all().delete()  # the demo's history: this test counts its own
    today = timezone.localdate()
    jarva, farsta = Organisation.objects.filter(kind="district_administration").order_by("name")[:2]
    past = make_event(slug="test-forra", starts_at=timezone.now() - datetime.timedelta(days=3),
                      ends_at=timezone.now() - datetime.timedelta(days=3) + datetime.timedelta(hours=2),
                      registration_opens=timezone.now() - datetime.timedelta(days=30),
                      registration_closes=timezone.now() - datetime.timedelta(days=4))  # fmt: skip
    for _ in range(30):
        came(past, "75-85", jarva, first_time=True)
    came(past, "75-85", farsta)
    came(past, "30-49", farsta, status=Status.NO_SHOW)
    figures = reach(today)
    quarter = f"{today.year} Q{(today.month - 1) // 3 + 1}"
    assert figures.quarters[-1] == quarter
    assert figures.by_age["75–85 years"][-1] == 31
    assert figures.first_time[-1] == round(100 * 30 / 31, 1)
    assert figures.no_show[-1] == round(100 / 32, 1)
    assert figures.by_district[0] == (jarva.name, 30)
    assert figures.population_year == 2025 and figures.estimate
    assert f"{farsta.name.removesuffix(' stadsdelsförvaltning')}, 75–85 years" in figures.under


def test_the_dashboard_shows_charts_with_tables_and_marks_the_under_reached(client):
    page = client.get("/en/aktiviteter/rackvidd/").content.decode()
    assert page.count("<svg") >= 3 and page.count("<table") >= 4
    assert "Estimate:" in page and "under-reached" in page


def test_feedback_only_from_those_who_came_and_asked_for_once(client, django_capture_on_commit_callbacks):
    from django.core import mail

    event = make_event()
    registration = services.register(event=event, people=[adult()], **contact(1))
    with pytest.raises(DomainError, match="Only those who came"):
        services.give_feedback(registration=registration, sure_before=2, sure_after=4)
    Registration.objects.filter(pk=registration.pk).update(status=Status.ATTENDED)
    registration.refresh_from_db()
    with pytest.raises(DomainError):
        services.give_feedback(registration=registration, sure_before=9)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.ask_for_feedback(now=event.ends_at + datetime.timedelta(hours=1)) >= 1
        assert services.ask_for_feedback(now=event.ends_at + datetime.timedelta(hours=2)) == 0
    mine = [message for message in mail.outbox if message.to == ["deltagare1@example.se"]]
    assert len(mine) == 1 and "/tyck-till/" in mine[0].body

    token = tokens.make(registration, tokens.MANAGE)
    answers = {"sure_before": "2", "sure_after": "4", "learned": ["bankid"], "comment": "Bra!"}
    response = client.post(f"/en/anmalan/{token}/tyck-till/", answers)
    assert response.status_code == 302
    answer = Feedback.objects.get(registration=registration)
    assert (answer.sure_before, answer.sure_after, answer.learned, answer.comment) == (2, 4, ["bankid"], "Bra!")


def test_a_population_file_loads_all_or_nothing():
    before = Population.objects.count()
    good = "district,age_group,year,people,estimate\nFarsta,7-12,2026,4000,nej\nJärva,75-85,2026,3000,ja\n"
    assert import_population(SimpleUploadedFile("p.csv", good.encode())) == 2
    assert Population.objects.count() == before + 2
    bad = "district,age_group,year,people\nAtlantis,7-12,2026,4000\nFarsta,100+,20x6,många\n"
    with pytest.raises(ImportFailed) as refused:
        import_population(SimpleUploadedFile("p.csv", bad.encode()))
    where = {(error.row, error.column) for error in refused.value.errors}
    assert {(2, "district"), (3, "age_group"), (3, "year"), (3, "people")} <= where
    assert Population.objects.count() == before + 2


def test_the_import_command_reports_rows_and_fails(tmp_path, capsys):
    from django.core.management import CommandError, call_command

    path = tmp_path / "befolkning.csv"
    path.write_text("district,age_group,year,people\nAtlantis,7-12,2026,10\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_population", str(path))
    assert "Row 2, column district" in capsys.readouterr().err

"""The pages of those who run a consultation: the moderation queue (hide with a reason, dismiss, show again), the
city's answer to an idea, and the phase. Only those with innovation.run get in; every refusal says why, at its
field, with a 422."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tvatakt.core.errors import NotAllowed
from tvatakt.core.management.commands import worker
from tvatakt.innovation import services, tasks
from tvatakt.innovation.choices import IdeaState, Outcome, Phase
from tvatakt.innovation.models import Comment, Consultation, Idea, Report
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Organisation, RoleAssignment
from tvatakt.portfolio.models import Initiative

from .conftest import idea_fields, make_consultation

pytestmark = pytest.mark.django_db
QUEUE = "/en/dialog/moderering/"
DB_TASKS = {"default": {"BACKEND": "tvatakt.core.taskqueue.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def idea(consultation, person):
    return services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields())


def _url(idea: Idea, what: str) -> str:
    return f"/en/dialog/{idea.consultation.slug}/ideer/{idea.pk}/{what}/"


def test_a_citizen_is_refused_every_staff_page_and_changes_nothing(client_as, client, idea):
    citizen = client_as("medborgare")
    pages = [QUEUE, _url(idea, "svar"), _url(idea, "dolj"), f"/en/dialog/{idea.consultation.slug}/fas/"]
    for url in pages:
        assert citizen.get(url).status_code == 403, url
        assert client.get(url).status_code == 302, url  # to the log-in
    assert citizen.post(_url(idea, "dolj"), {"reason": "Jag gillar den inte"}).status_code == 403
    assert citizen.post(_url(idea, "svar"), {"outcome": "not_taken", "text": "Nej"}).status_code == 403
    idea.refresh_from_db()
    assert idea.state == IdeaState.PUBLISHED and idea.outcome == Outcome.NONE


def test_the_it_director_has_the_queue_before_there_is_any_consultation(client_as):
    Consultation.objects.all().delete()
    assert client_as("it-direktor").get(QUEUE).status_code == 200
    assert client_as("medborgare").get(QUEUE).status_code == 403


def test_an_innovation_lead_runs_only_their_organisation_s_consultations(client_as, person, idea):
    lead = person("datapublicerare")
    RoleAssignment.objects.create(person=lead, role=Role.INNOVATION_LEAD, valid_from=datetime.date(2026, 1, 1),
                                  organisation=Organisation.objects.get(name="Serviceförvaltningen"))  # fmt: skip
    other = make_consultation(slug="fran-service", organisation=Organisation.objects.get(name="Serviceförvaltningen"))
    browser = client_as("datapublicerare")
    page = browser.get(QUEUE).content.decode()
    assert "/dialog/fran-service/" in page and f"/dialog/{idea.consultation.slug}/" not in page
    assert browser.get(f"/en/dialog/{idea.consultation.slug}/fas/").status_code == 403
    assert browser.get(f"/en/dialog/{other.slug}/fas/").status_code == 200


def test_hiding_a_reported_idea_needs_a_reason_its_author_sees(client_as, idea):
    report = services.report(idea=idea, reason="Reklam")
    director = client_as("it-direktor")
    assert "Reklam" in director.get(QUEUE).content.decode()
    refused = director.post(QUEUE, {"report": report.pk, "action": "hide", f"report-{report.pk}-reason": " "})
    assert refused.status_code == 422
    assert f'id="id_report-{report.pk}-reason_error"' in refused.content.decode()
    idea.refresh_from_db()
    assert idea.state == IdeaState.PUBLISHED
    response = director.post(QUEUE, {"report": report.pk, "action": "hide", f"report-{report.pk}-reason": "Reklam."})
    assert response.status_code == 302
    idea.refresh_from_db()
    report.refresh_from_db()
    assert idea.state == IdeaState.HIDDEN and idea.hidden_reason == "Reklam."
    assert report.handled_at is not None
    assert "Reklam." in client_as("medborgare").get(idea.get_absolute_url()).content.decode()  # the author sees why


def test_a_reported_comment_is_hidden_and_a_dismissed_report_leaves_the_idea_as_it_was(client_as, person, idea):
    rude = services.comment(idea=idea, actor=person("ambassador"), body="Dumt förslag 🙄")
    on_comment = services.report(idea=idea, comment=rude, reason="Elakt")
    on_idea = services.report(idea=idea, actor=person("vard"), reason="Finns redan")
    director = client_as("it-direktor")
    director.post(QUEUE, {"report": on_comment.pk, "action": "hide", f"report-{on_comment.pk}-reason": "Ovänligt"})
    assert Comment.objects.get(pk=rude.pk).hidden_reason == "Ovänligt"
    response = director.post(QUEUE, {"report": on_idea.pk, "action": "dismiss"}, follow=True)
    assert "The report is dismissed" in response.content.decode()
    on_idea.refresh_from_db()
    idea.refresh_from_db()
    assert on_idea.handled_at is not None and on_idea.handled_by == person("it-direktor")
    assert idea.state == IdeaState.PUBLISHED
    again = director.post(QUEUE, {"report": on_idea.pk, "action": "dismiss"}, follow=True)  # handled meanwhile
    assert "already been handled" in again.content.decode()


def test_dismissing_a_report_is_for_those_who_run_the_consultation(person, idea):
    report = services.report(idea=idea, reason="Konstigt")
    with pytest.raises(NotAllowed):
        services.dismiss_report(report=report, actor=person("medborgare"))
    assert Report.objects.get(pk=report.pk).handled_at is None


def test_an_idea_is_hidden_with_a_reason_and_shown_again(client_as, idea):
    director = client_as("it-direktor")
    assert director.get(_url(idea, "dolj")).status_code == 200
    refused = director.post(_url(idea, "dolj"), {"reason": ""})
    assert refused.status_code == 422 and 'id="id_reason_error"' in refused.content.decode()
    assert director.post(_url(idea, "dolj"), {"reason": "Personuppgifter om någon annan"}).status_code == 302
    idea.refresh_from_db()
    assert idea.state == IdeaState.HIDDEN and idea.hidden_reason == "Personuppgifter om någon annan"
    assert "Personuppgifter om någon annan" in director.get(QUEUE).content.decode()  # in the hidden list
    assert "Show the idea again" in director.get(_url(idea, "dolj")).content.decode()
    response = director.post(_url(idea, "dolj"), {"restore": "1", "from": "moderation"})
    assert response.status_code == 302 and response["Location"].endswith("/dialog/moderering/")
    idea.refresh_from_db()
    assert idea.state == IdeaState.PUBLISHED and idea.hidden_reason == ""


@pytest.mark.parametrize(
    "data, field",
    [({}, "outcome"), ({"outcome": "not_taken"}, "text"), ({"outcome": "in_strategy"}, "url"),
     ({"outcome": "in_strategy", "url": "inte en länk"}, "url"), ({"outcome": "initiative"}, "initiative"),
     ({"outcome": "initiative", "initiative": "999999"}, "initiative"), ({"outcome": "maybe"}, "outcome")],
)  # fmt: skip
def test_an_answer_missing_what_its_outcome_needs_is_refused_at_that_field(client_as, idea, data, field):
    response = client_as("it-direktor").post(_url(idea, "svar"), data)
    assert response.status_code == 422
    assert f'id="id_{field}_error"' in response.content.decode()
    idea.refresh_from_db()
    assert idea.outcome == Outcome.NONE and idea.answered_at is None


def test_an_answer_is_saved_and_the_idea_leaves_the_waiting_list(client_as, person, idea):
    director = client_as("it-direktor")
    assert f"/ideer/{idea.pk}/svar/" in director.get(QUEUE, {"dialog": idea.consultation.slug}).content.decode()
    response = director.post(_url(idea, "svar"), {"outcome": "not_taken", "text": "Det finns redan wifi 📶"})
    assert response.status_code == 302 and response["Location"].endswith("/dialog/moderering/#unanswered")
    idea.refresh_from_db()
    assert idea.outcome == Outcome.NOT_TAKEN and idea.outcome_text == "Det finns redan wifi 📶"
    assert idea.answered_by == person("it-direktor")
    assert f"/ideer/{idea.pk}/svar/" not in director.get(QUEUE, {"dialog": idea.consultation.slug}).content.decode()


def test_find_narrows_the_initiatives_and_keeps_what_was_written(client_as, idea):
    director = client_as("it-direktor")
    swim = Initiative.objects.get(slug="digital-ko-till-simskolan")
    found = director.post(_url(idea, "svar"), {"outcome": "initiative", "text": "Tack för idén!",
                                              "initiative_search": "simskolan", "find": "1"})  # fmt: skip
    page = found.content.decode()
    assert found.status_code == 200 and "errorlist" not in page
    assert f'<option value="{swim.pk}">' in page and "Chattbot för frågor om bygglov" not in page
    assert "Tack för idén!" in page
    idea.refresh_from_db()
    assert idea.outcome == Outcome.NONE  # finding saves nothing
    saved = director.post(_url(idea, "svar"), {"outcome": "initiative", "text": "Tack!", "initiative": swim.pk})
    assert saved.status_code == 302
    idea.refresh_from_db()
    assert idea.outcome == Outcome.INITIATIVE and idea.initiative == swim


def test_a_confidential_initiative_is_neither_listed_nor_accepted(client_as, idea):
    secret = Initiative.objects.get(slug="digital-ko-till-simskolan")
    Initiative.objects.filter(pk=secret.pk).update(is_confidential=True)
    director = client_as("it-direktor")
    page = director.post(_url(idea, "svar"), {"initiative_search": "simskolan", "find": "1"}).content.decode()
    assert f'<option value="{secret.pk}"' not in page
    response = director.post(_url(idea, "svar"), {"outcome": "initiative", "initiative": secret.pk})
    assert response.status_code == 422
    assert Idea.objects.get(pk=idea.pk).initiative is None


def test_closing_a_consultation_needs_its_results(client_as, consultation):
    director = client_as("it-direktor")
    url = f"/en/dialog/{consultation.slug}/fas/"
    assert director.get(url).status_code == 200
    refused = director.post(url, {"phase": "closed", "results": "  "})
    assert refused.status_code == 422 and 'id="id_results_error"' in refused.content.decode()
    consultation.refresh_from_db()
    assert consultation.phase == Phase.IDEAS
    assert director.post(url, {"phase": "bogus"}).status_code == 422
    response = director.post(url, {"phase": "closed", "results": "Tre idéer blev initiativ. Tack! 🎉"})
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.phase == Phase.CLOSED and consultation.results == "Tre idéer blev initiativ. Tack! 🎉"


def test_the_queue_lists_the_longest_waiting_idea_first_and_escapes_what_people_wrote(client_as, person, consultation):
    older = services.submit_idea(consultation=consultation, actor=person("medborgare"),
                                 **idea_fields(title="<script>alert(1)</script> Äldst"))  # fmt: skip
    Idea.objects.filter(pk=older.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    newer = services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields(title="Nyast"))
    page = client_as("it-direktor").get(QUEUE, {"dialog": consultation.slug}).content.decode()
    assert page.index(f"/ideer/{older.pk}/svar/") < page.index(f"/ideer/{newer.pk}/svar/")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_the_queue_costs_the_same_number_of_queries_however_many_reports(client_as, person, idea,
                                                                           django_assert_max_num_queries):  # fmt: skip
    director = client_as("it-direktor")
    for number in range(30):
        comment = services.comment(idea=idea, actor=person("ambassador"), body=f"Kommentar {number}")
        services.report(idea=idea, comment=comment, reason="Titta på den här")
        services.report(idea=idea, actor=person("vard") if number == 0 else None, reason=f"Anmälan {number}")
    with django_assert_max_num_queries(25):
        assert director.get(QUEUE).status_code == 200


def test_the_sweep_erases_old_unconfirmed_ideas(consultation):
    idea = services.submit_idea(consultation=consultation, email="glomsk@example.se", **idea_fields())
    Idea.objects.filter(pk=idea.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    call_command("innovation_sweep")
    assert not Idea.objects.filter(pk=idea.pk).exists()


@override_settings(TASKS=DB_TASKS)
def test_the_worker_books_the_daily_sweep_once_however_often_it_starts(db, monkeypatch):
    monkeypatch.setattr(worker, "call_command", lambda *args: None)
    call_command("worker")
    call_command("worker")
    waiting = DBTaskResult.objects.filter(task_path=tasks.sweep.module_path, status=TaskResultStatus.READY)
    assert waiting.count() == 1
    assert "tvatakt.innovation.tasks.sweep_book" in settings.WORKER_STARTUP

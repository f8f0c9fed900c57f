import datetime
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tvatakt.core.management.commands import worker
from tvatakt.council import services, tasks
from tvatakt.council.models import Adoption, Reminder
from tvatakt.council.services.reminders import reminders_send_due
from tvatakt.organisation.models import Organisation, Person, RoleAssignment

pytestmark = pytest.mark.django_db

SCHOOL = "Utbildningsförvaltningen"  # its ambassador is the demo's "ambassador"
DEADLINE = timezone.localdate() + datetime.timedelta(days=60)
DB_TASKS = {"default": {"BACKEND": "tvatakt.core.taskqueue.DatabaseBackend", "QUEUES": ["default"]}}


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@pytest.fixture
def decide(council, item, person):
    """A decision for the given organisations (the school administration by default), with its deadline."""

    def make(deadline=DEADLINE, names=(SCHOOL,), title="Gemensam e-legitimation"):
        return services.decision_record(
            actor=person("sekreterare"), item=item(title=title), text=f"Beslut: {title}.", deadline=deadline,
            method="consensus", scope="list", organisations=Organisation.objects.filter(name__in=names),
        )  # fmt: skip

    return make


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Run the sweep on a day, with the e-mail tasks it queues on commit run at once (tasks run inline in tests)."""

    def run(today: datetime.date) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_send_due(today=today)

    return run


def test_the_before_reminder_goes_once_from_the_first_day_of_its_window(decide, sweep, person):
    decision = decide()
    assert sweep(DEADLINE - days(15)) == 0
    assert mail.outbox == []
    assert sweep(DEADLINE - days(14)) == 1
    assert [m.to for m in mail.outbox] == [[person("ambassador").email]]
    assert decision.reference in mail.outbox[0].body
    assert sweep(DEADLINE - days(14)) == 0 and sweep(DEADLINE - days(3)) == 0 and sweep(DEADLINE) == 0
    assert len(mail.outbox) == 1
    assert list(Reminder.objects.values_list("kind", "sent_on")) == [("before", DEADLINE - days(14))]


def test_a_late_sweep_still_reminds_on_the_deadline_day_but_never_before_a_passed_deadline(decide, sweep):
    due_today = decide(deadline=DEADLINE, title="I dag")
    decide(deadline=DEADLINE - days(1), title="I går")
    assert sweep(DEADLINE) == 1
    assert list(Reminder.objects.values_list("adoption__decision", "kind")) == [(due_today.pk, "before")]


def test_the_after_reminder_goes_once_a_set_number_of_days_after_the_deadline(decide, sweep):
    decide()
    assert sweep(DEADLINE + days(6)) == 0
    assert sweep(DEADLINE + days(7)) == 1
    assert sweep(DEADLINE + days(7)) == 0 and sweep(DEADLINE + days(40)) == 0
    assert len(mail.outbox) == 1
    assert list(Reminder.objects.values_list("kind", flat=True)) == ["after"]


def test_a_missed_after_reminder_goes_on_the_next_sweep_however_late(decide, sweep):
    decide()
    assert sweep(DEADLINE + days(200)) == 1
    assert list(Reminder.objects.values_list("kind", flat=True)) == ["after"]


def test_running_the_sweep_twice_sends_nothing_new(decide, sweep):
    decide(names=[SCHOOL, "Stadsarkivet"])
    assert sweep(DEADLINE - days(1)) == 2
    assert sweep(DEADLINE - days(1)) == 0
    assert len(mail.outbox) == 2
    assert Reminder.objects.count() == 2


def test_implemented_and_exempted_adoptions_get_no_reminder_but_a_requested_exemption_does(decide, sweep):
    names = [SCHOOL, "Stadsarkivet", "Kulturförvaltningen"]
    decision = decide(names=names)
    Adoption.objects.filter(decision=decision, organisation__name=names[0]).update(state="implemented")
    Adoption.objects.filter(decision=decision, organisation__name=names[1]).update(state="exempted")
    Adoption.objects.filter(decision=decision, organisation__name=names[2]).update(state="exemption_requested")
    assert sweep(DEADLINE - days(1)) == 1
    assert sweep(DEADLINE + days(7)) == 1
    assert set(Reminder.objects.values_list("adoption__organisation__name", flat=True)) == {names[2]}


def test_zero_days_turns_that_reminder_off(decide, sweep, council):
    council.remind_days_before = 0
    council.save()
    decide()
    assert sweep(DEADLINE - days(1)) == 0 and sweep(DEADLINE) == 0
    assert sweep(DEADLINE + days(7)) == 1
    council.remind_days_after = 0
    council.save()
    decide(title="Andra")
    assert sweep(DEADLINE + days(100)) == 0
    assert list(Reminder.objects.values_list("kind", flat=True)) == ["after"]


def test_the_councils_number_of_days_sets_the_window(decide, sweep, council):
    council.remind_days_before, council.remind_days_after = 30, 1
    council.save()
    decide()
    assert sweep(DEADLINE - days(31)) == 0 and sweep(DEADLINE - days(30)) == 1
    assert sweep(DEADLINE) == 0 and sweep(DEADLINE + days(1)) == 1


def test_an_organisation_whose_ambassador_has_no_email_gets_none_and_the_sweep_goes_on(decide, sweep, person, caplog):
    Person.objects.filter(pk=person("ambassador").pk).update(email="")
    decide(names=[SCHOOL, "Stadsarkivet"])
    with caplog.at_level(logging.WARNING, logger="tvatakt.council.tasks"):
        assert sweep(DEADLINE - days(1)) == 2
    assert [m.to for m in mail.outbox] == [[person("amb-stadsarkivet").email]]
    assert SCHOOL in caplog.text and "no active ambassador with an e-mail address" in caplog.text


def test_an_organisation_without_an_ambassador_gets_none(decide, sweep, person):
    RoleAssignment.objects.filter(organisation__name=SCHOOL, role="ambassador").update(
        valid_until=timezone.localdate() - days(1)
    )
    decide()
    assert sweep(DEADLINE - days(1)) == 1
    assert mail.outbox == []


def test_the_deputies_get_it_too_but_not_a_former_deputy_nor_one_without_email(decide, sweep, person):
    school = Organisation.objects.get(name=SCHOOL)
    deputies = [
        Person.objects.create(username=f"ersattare{n}", first_name="Ersättare", last_name=str(n), email=email)
        for n, email in enumerate(["deputy@example.org", "former@example.org", ""])
    ]
    ended = {"valid_from": datetime.date(2020, 1, 1), "valid_until": timezone.localdate() - days(1)}
    for deputy, dates in zip(deputies, [{}, ended, {}], strict=True):
        RoleAssignment.objects.create(person=deputy, role="ambassador", organisation=school, is_deputy=True, **dates)
    decide()
    sweep(DEADLINE - days(1))
    assert [m.to for m in mail.outbox] == [[person("ambassador").email], ["deputy@example.org"]]
    assert "Jonas" in mail.outbox[0].body.splitlines()[0]
    assert "Ersättare" in mail.outbox[1].body.splitlines()[0]


def test_one_email_per_organisation_lists_all_its_due_decisions_soonest_deadline_first(decide, sweep, person):
    later = decide(deadline=DEADLINE + days(5), title="Senare", names=[SCHOOL, "Stadsarkivet"])
    soonest = decide(deadline=DEADLINE, title="Först")
    between = decide(deadline=DEADLINE + days(2), title="Mitt emellan")
    outside = decide(deadline=DEADLINE + days(40), title="Utanför fönstret")
    assert sweep(DEADLINE - days(9)) == 4
    school, archive = sorted(mail.outbox, key=lambda m: m.to != [person("ambassador").email])
    assert archive.to == [person("amb-stadsarkivet").email]
    assert later.reference in archive.body and soonest.reference not in archive.body
    body = school.body
    positions = [body.index(d.reference) for d in (soonest, between, later)]
    assert positions == sorted(positions)
    assert outside.reference not in body
    assert SCHOOL in school.subject and "3" in school.subject and "\n" not in school.subject
    for decision in (soonest, between, later):
        assert f"{settings.SITE_URL}/radet/beslut/{decision.reference}/" in body
    assert f"{settings.SITE_URL}/radet/mitt-inforande/" in body
    assert "Först" in body and "{{" not in body and "{%" not in body


def reminded(adoptions, kind="before") -> list[int]:
    """Reminder rows for these adoptions, as a sweep records them."""
    rows = Reminder.objects.bulk_create(
        Reminder(adoption=adoption, kind=kind, sent_on=timezone.localdate()) for adoption in adoptions
    )
    return list(
        Reminder.objects.filter(adoption__in=[r.adoption for r in rows], kind=kind).values_list("pk", flat=True)
    )


@override_settings(TASKS=DB_TASKS)
def test_the_email_leaves_out_a_decision_reported_done_since_the_sweep(decide):
    first, second = decide(title="Första"), decide(title="Andra")
    reminders_send_due(today=DEADLINE - days(1))
    queued = DBTaskResult.objects.get(task_path=tasks.send_reminder.module_path)
    Adoption.objects.filter(decision=first).update(state="implemented")
    tasks.send_reminder.call(**queued.args_kwargs["kwargs"])
    assert len(mail.outbox) == 1
    assert second.reference in mail.outbox[0].body and first.reference not in mail.outbox[0].body


def test_an_email_whose_decisions_are_all_done_is_not_sent(decide):
    decision = decide()
    adoption = decision.adoptions.get()
    Adoption.objects.filter(pk=adoption.pk).update(state="implemented")
    sent = tasks.send_reminder.call(
        organisation_pk=adoption.organisation_id, kind="before", reminder_pks=reminded([adoption])
    )
    assert sent == 0 and mail.outbox == []


def test_the_email_task_run_twice_sends_once(decide):
    adoption = decide().adoptions.get()
    pks = reminded([adoption])
    for _ in range(2):
        tasks.send_reminder.call(organisation_pk=adoption.organisation_id, kind="before", reminder_pks=pks)
    assert len(mail.outbox) == 1


def test_a_failed_email_is_given_back_and_the_next_days_sweep_sends_it(decide, monkeypatch):
    adoption = decide().adoptions.get()

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    assert reminders_send_due(today=DEADLINE - days(1)) == 1  # the task failed; the reminder is recorded
    assert Reminder.objects.get(adoption=adoption).emailed_at is None
    monkeypatch.undo()
    assert reminders_send_due(today=DEADLINE - days(1)) == 0 and mail.outbox == []  # not twice the same day
    assert reminders_send_due(today=DEADLINE) == 0 and len(mail.outbox) == 1  # the next day it goes
    assert Reminder.objects.get(adoption=adoption).emailed_at is not None


@override_settings(TASKS=DB_TASKS)
def test_a_reminder_whose_email_failed_in_the_worker_is_queued_again_the_next_day(decide, monkeypatch):
    adoption = decide().adoptions.get()
    assert reminders_send_due(today=DEADLINE - days(2)) == 1
    queued = DBTaskResult.objects.get(task_path=tasks.send_reminder.module_path)

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    with pytest.raises(ConnectionRefusedError):
        tasks.send_reminder.call(**queued.args_kwargs["kwargs"])
    assert Reminder.objects.get(adoption=adoption).emailed_at is None
    monkeypatch.undo()
    assert reminders_send_due(today=DEADLINE - days(2)) == 0  # the same day: nothing queued twice
    assert DBTaskResult.objects.filter(task_path=tasks.send_reminder.module_path).count() == 1
    reminders_send_due(today=DEADLINE - days(1))
    again = DBTaskResult.objects.filter(task_path=tasks.send_reminder.module_path).order_by("-enqueued_at").first()
    tasks.send_reminder.call(**again.args_kwargs["kwargs"])
    assert len(mail.outbox) == 1


def test_the_sweep_costs_the_same_number_of_queries_for_3_as_for_30_adoptions(decide, council, monkeypatch):
    council.remind_days_after = 0
    council.save()
    names = list(Organisation.objects.filter(is_active=True).order_by("name").values_list("name", flat=True)[:30])
    assert len(names) == 30
    decide(names=names[:3])
    decide(deadline=DEADLINE + days(100), names=names, title="Trettio")
    queued = []

    class Queue:  # the e-mail tasks are counted, not sent: their queries are the task's, not the sweep's
        enqueue = staticmethod(lambda **kwargs: queued.append(kwargs))

    monkeypatch.setattr(tasks, "send_reminder", Queue)
    counts = []
    for today, expected in ((DEADLINE - days(1), 3), (DEADLINE + days(99), 30)):
        queued.clear()
        with CaptureQueriesContext(connection) as queries:
            assert reminders_send_due(today=today) == expected
        assert len(queued) == expected  # one e-mail task for each organisation
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_email_costs_the_same_number_of_queries_for_3_as_for_30_decisions(decide):
    decisions = [decide(title=f"Beslut {n}") for n in range(33)]
    school = Organisation.objects.get(name=SCHOOL)
    adoptions = list(Adoption.objects.filter(decision__in=decisions).order_by("pk"))
    counts = []
    for chosen in (adoptions[:3], adoptions[3:]):
        pks = reminded(chosen, kind="after")
        with CaptureQueriesContext(connection) as queries:
            tasks.send_reminder.call(organisation_pk=school.pk, kind="after", reminder_pks=pks)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert [len(m.body.split("/radet/beslut/")) - 1 for m in mail.outbox] == [3, 30]


def test_the_command_sweeps_the_given_day(decide, capsys, django_capture_on_commit_callbacks):
    decide()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--date", (DEADLINE - days(1)).isoformat())
    assert "Reminders queued: 1." in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_the_command_refuses_a_date_that_is_not_a_day(db):
    before = Reminder.objects.count()
    for bad in ("2025-02-30", "31/03/2025", "tomorrow"):
        with pytest.raises(CommandError) as exc:
            call_command("send_reminders", "--date", bad)
        assert "YYYY-MM-DD" in str(exc.value) and bad in str(exc.value)
        assert exc.value.returncode == 1
    assert Reminder.objects.count() == before


def test_the_command_line_says_what_is_wrong_with_the_date_and_exits_with_an_error(tmp_path):
    env = os.environ | {"TVATAKT_DATA_DIR": str(tmp_path), "TVATAKT_SECRET_KEY": "x" * 50}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "tvatakt", "send-reminders", "--date", "2025-13-01"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "2025-13-01" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_with_tasks_run_inline_nothing_books_a_daily_sweep(db):
    assert tasks.reminders_sweep_book() is False


@override_settings(TASKS=DB_TASKS)
def test_the_worker_books_the_daily_sweep_once_however_often_it_starts(db, monkeypatch):
    started = []
    monkeypatch.setattr(worker, "call_command", lambda *args: started.append(args))
    call_command("worker", "--batch")
    call_command("worker")
    waiting = DBTaskResult.objects.filter(task_path=tasks.reminders_sweep.module_path, status=TaskResultStatus.READY)
    assert waiting.count() == 1
    assert [args[0] for args in started] == ["db_worker", "db_worker"] and "--batch" in started[0]


@override_settings(TASKS=DB_TASKS)
def test_the_sweep_queues_the_emails_and_books_itself_for_tomorrow_morning(decide, django_capture_on_commit_callbacks):
    decide(deadline=timezone.localdate() + days(3))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.reminders_sweep.call() == 1
    emails = DBTaskResult.objects.filter(task_path=tasks.send_reminder.module_path, status=TaskResultStatus.READY)
    assert emails.count() == 1 and mail.outbox == []  # the worker sends it
    booked = DBTaskResult.objects.get(task_path=tasks.reminders_sweep.module_path, status=TaskResultStatus.READY)
    tomorrow = timezone.localdate() + days(1)
    assert timezone.localtime(booked.run_after) == timezone.make_aware(
        datetime.datetime.combine(tomorrow, tasks.SWEEP_AT)
    )
    with django_capture_on_commit_callbacks(execute=True):
        tasks.reminders_sweep.call()  # a second sweep, as by a second worker: nothing new, and no second booking
    assert emails.count() == 1
    assert DBTaskResult.objects.filter(task_path=tasks.reminders_sweep.module_path).count() == 1

"""A task that fails is tried again later and later, and each failure stays visible to administrators.

Checked by taking the re-queueing out of core.tasks._again: the first test found no second attempt queued."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from tvatakt.core.tasks import RETRY_DELAYS, retried

DATABASE_TASKS = {"default": {"BACKEND": "tvatakt.core.taskqueue.DatabaseBackend", "QUEUES": ["default"]}}


@task()
@retried
def send_to_a_server_that_is_down(*, number: int) -> bool:
    raise ConnectionRefusedError("the e-mail server does not answer")


def waiting():
    path = f"{__name__}.send_to_a_server_that_is_down"
    return DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY).order_by("-enqueued_at")


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_a_failed_attempt_is_queued_again_after_a_growing_delay():
    for attempt, delay in enumerate(RETRY_DELAYS, start=1):
        before = timezone.now()
        with pytest.raises(ConnectionRefusedError):  # raised, so the worker records this attempt as failed
            send_to_a_server_that_is_down.call(number=7, attempt=attempt)
        again = waiting().first()
        assert again.args_kwargs["kwargs"] == {"number": 7, "attempt": attempt + 1}
        assert again.run_after - before >= datetime.timedelta(seconds=delay)
        assert again.run_after - before < datetime.timedelta(seconds=delay + 30)
        again.delete()


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_after_the_last_attempt_it_stays_failed_and_is_not_queued_again():
    with pytest.raises(ConnectionRefusedError):
        send_to_a_server_that_is_down.call(number=7, attempt=len(RETRY_DELAYS) + 1)
    assert not waiting().exists()


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_the_admin_lists_failed_tasks_with_their_error(client_as):
    DBTaskResult.objects.create(
        task_path="tvatakt.inclusion.tasks.send_mail", status=TaskResultStatus.FAILED, args_kwargs={"args": [],
        "kwargs": {}}, exception_class_path="builtins.ConnectionRefusedError", traceback="ConnectionRefusedError: no",
        queue_name="default", backend_name="default", priority=0, run_after=timezone.now(),
    )  # fmt: skip
    admin = client_as("admin")
    listing = admin.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert listing.status_code == 200 and "send_mail" in listing.content.decode()

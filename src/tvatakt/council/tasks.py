"""The council's background work: deadline reminders to ambassadors, and the daily sweep that finds them."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from tvatakt.council.choices import DONE_STATES
from tvatakt.council.models import Adoption
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Person, RoleAssignment

logger = logging.getLogger(__name__)

SWEEP_AT = datetime.time(7, 15)  # local time: the reminders arrive at the start of the working day


def _recipients(organisation_pk: int) -> list[Person]:
    """The organisation's active ambassador, then its deputies, each once, if they have an e-mail address."""
    assignments = (
        RoleAssignment.objects.active()
        .filter(role=Role.AMBASSADOR, organisation_id=organisation_pk, person__is_active=True)
        .exclude(person__email="")
        .select_related("person")
        .order_by("is_deputy", "person__last_name", "person__first_name", "pk")
    )
    return list({assignment.person_id: assignment.person for assignment in assignments}.values())


def _message(person: Person, kind: str, adoptions: list[Adoption]) -> EmailMessage:
    # Person has no language preference yet, so everyone gets the site's first language, Swedish.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "person": person,
            "kind": kind,
            "organisation": adoptions[0].organisation,
            "adoptions": [
                {
                    "adoption": adoption,
                    "title": adoption.decision.item.display_title,
                    "url": settings.SITE_URL + adoption.decision.get_absolute_url(),
                }
                for adoption in adoptions
            ],
            "my_adoptions_url": settings.SITE_URL + reverse("council:my_adoptions"),
        }
        subject = "".join(loader.render_to_string("council/email/reminder_subject.txt", context).splitlines())
        body = loader.render_to_string("council/email/reminder_body.txt", context)
    return EmailMessage(subject=subject, body=body, to=[person.email])


@task()
def send_reminder(*, organisation_pk: int, kind: str, adoption_pks: list[int]) -> int:
    """E-mail one reminder to an organisation's ambassador and deputies: its decisions, soonest deadline first.
    Returns how many e-mails went out.

    Decisions reported done since the sweep are left out. Run twice, it sends twice: nothing can record that
    a mail left the server in the same step as sending it. The worker runs each queued task once, so that
    happens only when someone queues it again by hand."""
    adoptions = list(
        Adoption.objects.filter(pk__in=adoption_pks, organisation_id=organisation_pk)
        .exclude(state__in=DONE_STATES)
        .select_related("decision__item", "organisation")
        .order_by("decision__deadline", "decision__reference")
    )
    if not adoptions:
        return 0
    recipients = _recipients(organisation_pk)
    if not recipients:
        logger.warning(
            "No %s reminder for %s: it has no active ambassador with an e-mail address (%s decisions).",
            kind,
            adoptions[0].organisation,
            len(adoptions),
        )
        return 0
    messages = [_message(person, kind, adoptions) for person in recipients]
    return get_connection().send_messages(messages) or 0


def _tomorrow_morning() -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, SWEEP_AT))


def reminders_sweep_book(*, run_after: datetime.datetime | None = None) -> bool:
    """Queue the daily sweep (now, or at `run_after`) unless one is already waiting. Returns whether it did.

    Each sweep books the next, even when it fails; `tvatakt worker` calls this on start, which begins the chain
    on a first start and mends it if a booking was ever lost, while restarts never add to it. Two workers starting
    in the same instant on PostgreSQL may both book one; the next sweep then books only if none waits, so the
    two fold back into one, and a doubled sweep sends nothing twice. Only a backend that can run tasks later
    (the database one) keeps a daily sweep; with tasks run inline, run `tvatakt send-reminders` from cron."""
    if not send_reminder.get_backend().supports_defer:
        return False
    with transaction.atomic():
        waiting = DBTaskResult.objects.filter(task_path=reminders_sweep.module_path, status=TaskResultStatus.READY)
        if waiting.exists():
            return False
        (reminders_sweep.using(run_after=run_after) if run_after else reminders_sweep).enqueue()
    return True


@task()
def reminders_sweep() -> int:
    """The daily sweep, run by the worker: queue the reminders due today, then book tomorrow's sweep."""
    from tvatakt.council import services  # here, not above: the service queues this module's send_reminder

    try:
        return services.reminders_send_due()
    finally:
        reminders_sweep_book(run_after=_tomorrow_morning())

"""The council's background work: deadline reminders to ambassadors, and the daily sweep that finds them."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from tvatakt.core.tasks import book_once
from tvatakt.council.choices import DONE_STATES
from tvatakt.council.models import Adoption, Council, Reminder
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


def _claim(reminder_pks: list[int]) -> list[int]:
    """Mark these reminders as being e-mailed, and return those that no other run had claimed."""
    with transaction.atomic():
        # The lock makes a second run of the same task wait here, then find nothing left to claim.
        claimed = list(
            Reminder.objects.select_for_update()
            .filter(pk__in=reminder_pks, emailed_at__isnull=True)
            .values_list("pk", flat=True)
        )
        Reminder.objects.filter(pk__in=claimed).update(emailed_at=timezone.now())
    return claimed


@task()
def send_reminder(*, organisation_pk: int, kind: str, reminder_pks: list[int]) -> int:
    """E-mail one reminder to an organisation's ambassador and deputies: its decisions, soonest deadline first.
    Returns how many e-mails went out.

    Safe to run twice: a run first claims its reminders, and a second run finds them claimed and sends nothing.
    If the mail server fails, the claim is given back and the next sweep queues the reminder again (so it is not
    @retried: that would queue it twice). Decisions
    reported done since the sweep are left out."""
    claimed = _claim(reminder_pks)
    adoptions = list(
        Adoption.objects.filter(reminders__pk__in=claimed, organisation_id=organisation_pk)
        .exclude(state__in=DONE_STATES)
        .select_related("decision__item", "organisation")
        .order_by("decision__deadline", "decision__reference")
        .distinct()
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
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:
        Reminder.objects.filter(pk__in=claimed).update(emailed_at=None)
        raise


def _tomorrow_morning() -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, SWEEP_AT))


def reminders_sweep_book(*, run_after: datetime.datetime | None = None) -> bool:
    """Queue the daily sweep (now, or at `run_after`) unless one is already waiting. Returns whether it did.

    Each sweep books the next, even when it fails; `tvatakt worker` calls this on start, which begins the chain
    on a first start and mends it if a booking was ever lost, while restarts never add to it. Two workers starting
    at once queue behind the council row lock, so the second finds the first one's booking. Only a backend that
    can run tasks later (the database one) keeps a daily sweep; with tasks run inline, run `tvatakt
    send-reminders` from cron."""
    return book_once(reminders_sweep, run_after=run_after, lock=Council.objects.all())


@task()
def reminders_sweep() -> int:
    """The daily sweep, run by the worker: queue the reminders due today, then book tomorrow's sweep."""
    from tvatakt.council import services  # here, not above: the service queues this module's send_reminder

    try:
        return services.reminders_send_due()
    finally:
        reminders_sweep_book(run_after=_tomorrow_morning())

"""E-mails the sweep sends at their time: a reminder the day before the event, and the short survey after it,
answered through the link."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Feedback, Learned, Registration
from tvatakt.inclusion.tasks import mail_with_change


def give_feedback(
    *, registration: Registration, smiley=None, sure_before=None, sure_after=None, learned=(), comment: str = ""
) -> Feedback:
    """Save (or change) the registration's answers. Only for those who came, and only once the event has begun."""
    if registration.status != Status.ATTENDED:
        raise DomainError(_("Only those who came to the event can tell us how it was."))
    if registration.erased_at is not None:
        raise DomainError(_("This registration's details are erased."))
    errors = {}
    for field, value, top in (("smiley", smiley, 3), ("sure_before", sure_before, 5), ("sure_after", sure_after, 5)):
        if value is not None and not (1 <= int(value) <= top):
            errors[field] = [_("Choose one of the answers.")]
    if set(learned) - set(Learned.values):
        errors["learned"] = [_("Choose among the answers listed.")]
    if errors:
        raise DomainError(errors)
    values = {"smiley": smiley, "sure_before": sure_before, "sure_after": sure_after,
              "learned": sorted(set(learned)), "comment": comment.strip()[:2000]}  # fmt: skip
    feedback, _created = Feedback.objects.update_or_create(registration=registration, defaults=values)
    return feedback


def ask_for_feedback(*, now: datetime.datetime | None = None) -> int:
    """E-mail those who came to an event that has ended, once each. Returns how many were asked."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Status.ATTENDED, feedback_asked_at__isnull=True, erased_at__isnull=True, event__ends_at__lte=now,
        event__ends_at__gte=now - datetime.timedelta(days=14),  # not for events long past (a first run, say)
    )  # fmt: skip
    asked = 0
    for registration in due:
        with transaction.atomic():
            if Registration.objects.filter(pk=registration.pk, feedback_asked_at__isnull=True).update(
                feedback_asked_at=now
            ):
                mail_with_change(registration, "feedback")
                asked += 1
    return asked


def remind(*, now: datetime.datetime | None = None) -> int:
    """E-mail those confirmed a reminder once, within a day before the event starts. Returns how many."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Status.CONFIRMED, reminded_at__isnull=True, event__starts_at__gt=now,
        event__starts_at__lte=now + datetime.timedelta(days=1),
    )  # fmt: skip
    reminded = 0
    for registration in due:
        with transaction.atomic():
            if Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(reminded_at=now):
                mail_with_change(registration, "reminder")
                reminded += 1
    return reminded

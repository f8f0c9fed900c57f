"""Personal data of participants is kept only as long as the event needs it: a set number of days after it
(INCLUSION_RETENTION_DAYS, 90 by default), then erased by a scheduled task. What is left is anonymous: the age
groups, districts, first-time answers and statuses that the reach figures count."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tvatakt.inclusion.models import Feedback, Participant, Registration

PERSONAL = {
    "contact_name": "", "email": "", "phone": "", "needs_text": "", "guardian_name": "", "guardian_email": "",
    "guardian_phone": "", "idempotency_key": "", "cancel_reason": "", "needs": [], "photos_allowed": False,
}  # fmt: skip
# The guardian's part: what they told us and when they answered. Erased with the rest, or on its own when a
# guardian takes the consent back once the event has begun.
GUARDIAN = {
    "guardian_name": "", "guardian_email": "", "guardian_phone": "", "consent_version": "", "consent_given_at": None,
    "consent_deadline": None, "photos_allowed": False,
}  # fmt: skip


def retention_days() -> int:
    return int(getattr(settings, "INCLUSION_RETENTION_DAYS", 90))


def erase(registrations) -> int:
    """Erase the personal data of `registrations` (a queryset). Returns how many were erased."""
    with transaction.atomic():
        pks = list(registrations.filter(erased_at__isnull=True).values_list("pk", flat=True))
        Participant.objects.filter(registration_id__in=pks).update(name="")
        Feedback.objects.filter(registration_id__in=pks).update(comment="")  # free text can name people
        # The code goes too: with the name gone, it would only serve to link the rest back to a person.
        for pk in pks:
            Registration.objects.filter(pk=pk).update(
                erased_at=timezone.now(), code=f"X{pk}", consent_withdrawn_at=None, **(PERSONAL | GUARDIAN)
            )
    return len(pks)


def erase_children(registration: Registration) -> None:
    """Erase the children's names and the guardian's details from a registration, and nothing else: the
    adults' part is theirs, and whether the child came still counts (without a name)."""
    from tvatakt.inclusion.choices import CHILD_GROUPS

    with transaction.atomic():
        registration.participants.filter(age_group__in=CHILD_GROUPS).update(name="")
        Registration.objects.filter(pk=registration.pk).update(**GUARDIAN)


def erase_after_events(*, now: datetime.datetime | None = None) -> int:
    """Erase the personal data of every registration whose event ended more than the retention period ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_days())
    return erase(Registration.objects.filter(event__ends_at__lt=cutoff))


def export(registration: Registration) -> dict:
    """Everything kept about the registration, for the person it is about (GDPR art. 15)."""
    feedback = getattr(registration, "feedback", None)
    return {
        "event": {"title": registration.event.title, "starts_at": registration.event.starts_at.isoformat()},
        "code": registration.code, "status": registration.status, "registered_at": registration.created_at.isoformat(),
        "contact_name": registration.contact_name, "email": registration.email, "phone": registration.phone,
        "district": registration.district.name if registration.district else None, "language": registration.language,
        "needs": registration.needs, "needs_text": registration.needs_text,
        "guardian": {"name": registration.guardian_name, "email": registration.guardian_email,
                     "phone": registration.guardian_phone, "consent_version": registration.consent_version,
                     "consent_given_at": registration.consent_given_at.isoformat()
                     if registration.consent_given_at else None,
                     "consent_withdrawn_at": registration.consent_withdrawn_at.isoformat()
                     if registration.consent_withdrawn_at else None},
        "photos_allowed": registration.photos_allowed,
        "participants": [{"name": person.name, "age_group": person.age_group, "first_time": person.first_time}
                         for person in registration.participants.all()],
        "feedback": {"smiley": feedback.smiley, "sure_before": feedback.sure_before, "sure_after": feedback.sure_after,
                     "learned": feedback.learned, "comment": feedback.comment} if feedback else None,
        "erased_after": retention_days(),
    }  # fmt: skip


def erase_now(registration: Registration) -> None:
    """The person asked: cancel if it still holds or waits for a seat (the seat goes on), then erase at once."""
    from tvatakt.inclusion import services

    services.cancel(registration=registration, reason="")
    erase(Registration.objects.filter(pk=registration.pk))

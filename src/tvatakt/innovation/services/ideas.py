"""Giving an idea: with an account (published at once), without one (published when the e-mailed link is
followed), or at a help desk on someone's behalf (published, and the record says by whom). Every rule is
checked here, for the form and the API alike."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.core.tasks import enqueue_with_change
from tvatakt.inclusion.choices import AgeGroup
from tvatakt.innovation.choices import IdeaState, ParticipantKind
from tvatakt.innovation.models import Consultation, Idea

PER_ADDRESS_A_DAY = 5  # ideas from one e-mail address in 24 hours, without an account: more is a robot


def _check(consultation: Consultation, fields: dict) -> None:
    if not consultation.takes_ideas:
        raise DomainError(_("This consultation does not take new ideas now."))
    errors = {}
    if not fields["title"]:
        errors["title"] = _("Give your idea a short title.")
    elif len(fields["title"]) > Idea._meta.get_field("title").max_length:
        errors["title"] = _("The title can be at most 150 characters long.")
    if not fields["body"]:
        errors["body"] = _("Tell us your idea.")
    elif len(fields["body"]) > Idea._meta.get_field("body").max_length:
        errors["body"] = _("The idea can be at most 4,000 characters long.")
    if fields["kind"] not in ParticipantKind.values:
        errors["kind"] = _("Choose who you are.")
    if fields["age_group"] and fields["age_group"] not in AgeGroup.values:
        errors["age_group"] = _("Choose an age group from the list, or none.")
    if errors:
        raise DomainError(errors)


def submit_idea(
    *, consultation: Consultation, actor=None, title: str, body: str, kind: str, age_group: str = "",
    district=None, name: str = "", email: str = "", on_behalf: bool = False, now: datetime.datetime | None = None,
) -> Idea:  # fmt: skip
    """A new idea. `on_behalf`: entered by `actor` at a help desk for `name`, who is not online."""
    now = now or timezone.now()
    fields = {
        "title": " ".join(title.split()), "body": body.strip(), "kind": kind, "age_group": age_group or "",
        "district": district, "author_name": " ".join(name.split())[:100], "email": email.strip().lower(),
    }  # fmt: skip
    _check(consultation, fields)
    signed_in = actor is not None and actor.is_authenticated
    if on_behalf:
        require(actor, "innovation.enter_on_behalf")
        if not fields["author_name"]:
            raise DomainError({"name": _("Write the name of the person you enter the idea for.")})
        fields |= {"state": IdeaState.PUBLISHED, "entered_by": actor, "confirmed_at": now}
    elif signed_in:
        fields |= {"state": IdeaState.PUBLISHED, "author": actor, "confirmed_at": now,
                   "author_name": fields["author_name"] or actor.display_name}  # fmt: skip
    else:
        if not fields["email"]:
            raise DomainError({"email": _("Write your e-mail address: we send you a link to confirm the idea.")})
        recent = Idea.objects.filter(email=fields["email"], created_at__gte=now - datetime.timedelta(days=1))
        if recent.count() >= PER_ADDRESS_A_DAY:
            raise DomainError({"email": _("Many ideas have come from this address today. Try again tomorrow.")})
        fields["state"] = IdeaState.PENDING
    with transaction.atomic():
        idea = Idea.objects.create(consultation=consultation, **fields)
        if idea.state == IdeaState.PENDING:
            from tvatakt.innovation.tasks import send_confirmation

            enqueue_with_change(send_confirmation, idea_pk=idea.pk)
    return idea


def confirm_idea(*, idea: Idea, now: datetime.datetime | None = None) -> Idea:
    """The link in the e-mail was followed: the idea is published (once; again changes nothing)."""
    now = now or timezone.now()
    if not idea.consultation.takes_ideas and idea.state == IdeaState.PENDING:
        raise DomainError(_("The consultation closed for ideas before this one was confirmed."))
    Idea.objects.filter(pk=idea.pk, state=IdeaState.PENDING).update(state=IdeaState.PUBLISHED, confirmed_at=now)
    idea.refresh_from_db()
    return idea


def erase_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Ideas never confirmed are erased after INNOVATION_UNCONFIRMED_DAYS: no one said they were theirs."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.INNOVATION_UNCONFIRMED_DAYS)
    unconfirmed = Idea.objects.filter(state=IdeaState.PENDING, created_at__lt=cutoff)
    count = unconfirmed.count()
    unconfirmed.delete()
    return count

"""Supporting an idea (one support per person, counted on the idea in the same transaction) and commenting."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.innovation.choices import IdeaState
from tvatakt.innovation.models import Comment, Idea, Support


def _signed_in(actor) -> None:
    if actor is None or not actor.is_authenticated:
        raise NotAllowed(_("Log in to do this."))


def _open(idea: Idea) -> None:
    if idea.state != IdeaState.PUBLISHED:
        raise DomainError(_("This idea is not published."))


def support(*, idea: Idea, actor) -> Idea:
    """The actor supports the idea. A second time is refused, and the count stays as it was."""
    _signed_in(actor)
    _open(idea)
    if not idea.consultation.takes_support:
        raise DomainError(_("This consultation does not take support now."))
    try:
        with transaction.atomic():
            Support.objects.create(idea=idea, person=actor)
            Idea.objects.filter(pk=idea.pk).update(supports=F("supports") + 1)
    except IntegrityError as exc:  # the unique constraint: two at the same instant, or a second click
        raise DomainError(_("You already support this idea.")) from exc
    idea.refresh_from_db(fields=["supports"])
    return idea


def withdraw_support(*, idea: Idea, actor) -> Idea:
    _signed_in(actor)
    if not idea.consultation.takes_support:
        raise DomainError(_("This consultation does not take support now."))
    with transaction.atomic():
        removed, _rows = Support.objects.filter(idea=idea, person=actor).delete()
        if removed:
            Idea.objects.filter(pk=idea.pk).update(supports=F("supports") - 1)
    idea.refresh_from_db(fields=["supports"])
    return idea


def comment(*, idea: Idea, actor, body: str) -> Comment:
    _signed_in(actor)
    _open(idea)
    body = body.strip()
    if not body:
        raise DomainError({"body": _("Write your comment.")})
    if len(body) > Comment._meta.get_field("body").max_length:
        raise DomainError({"body": _("A comment can be at most 2,000 characters long.")})
    return Comment.objects.create(idea=idea, author=actor, body=body)

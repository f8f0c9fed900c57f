"""The city's side: moving a consultation through its phases, answering every idea, and moderation (reports,
hiding with a reason the author can see). Only those who run the consultation may do it (innovation.run)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.innovation.choices import IdeaState, Outcome, Phase
from tvatakt.innovation.models import Comment, Consultation, Idea, Report


def set_phase(*, consultation: Consultation, actor, phase: str, results: str = "") -> Consultation:
    require(actor, "innovation.run", consultation)
    if phase not in Phase.values:
        raise DomainError({"phase": _("Choose a phase from the list.")})
    results = results.strip() or consultation.results
    if phase == Phase.CLOSED and not results:
        raise DomainError({"results": _("Write the results before closing: everyone who took part reads them.")})
    Consultation.objects.filter(pk=consultation.pk).update(phase=phase, results=results, updated_at=timezone.now())
    consultation.refresh_from_db()
    return consultation


def answer(*, idea: Idea, actor, outcome: str, text: str = "", url: str = "", initiative=None) -> Idea:
    """The city's answer to an idea: what became of it. Each outcome needs what tells the reader more."""
    require(actor, "innovation.run", idea.consultation)
    text, url = text.strip(), url.strip()
    errors = {}
    if outcome not in Outcome.values or outcome == Outcome.NONE:
        errors["outcome"] = _("Choose what became of the idea.")
    elif outcome == Outcome.NOT_TAKEN and not text:
        errors["text"] = _("Say why the idea is not taken forward: its author reads it.")
    elif outcome == Outcome.IN_STRATEGY and not url:
        errors["url"] = _("Link to where the idea is in the strategy.")
    elif outcome == Outcome.INITIATIVE and initiative is None:
        errors["initiative"] = _("Choose the initiative the idea became.")
    if errors:
        raise DomainError(errors)
    idea.outcome, idea.outcome_text, idea.outcome_url = outcome, text, url
    idea.initiative = initiative if outcome == Outcome.INITIATIVE else None
    idea.answered_at, idea.answered_by = timezone.now(), actor
    idea.save(update_fields=["outcome", "outcome_text", "outcome_url", "initiative", "answered_at", "answered_by",
                             "updated_at"])  # fmt: skip
    return idea


def report(*, idea: Idea, actor=None, reason: str, comment: Comment | None = None) -> Report:
    """Anyone may ask moderation to look; the same person once per thing."""
    reason = " ".join(reason.split())
    if not reason:
        raise DomainError({"reason": _("Say what is wrong, so moderation knows what to look for.")})
    reporter = actor if actor is not None and actor.is_authenticated else None
    if reporter and Report.objects.filter(idea=idea, comment=comment, reporter=reporter, handled_at=None).exists():
        raise DomainError(_("You have already reported this. Moderation will look at it."))
    return Report.objects.create(idea=idea, comment=comment, reporter=reporter, reason=reason[:500])


def _handled(actor, **target) -> None:
    Report.objects.filter(handled_at=None, **target).update(handled_at=timezone.now(), handled_by=actor)


def hide_idea(*, idea: Idea, actor, reason: str) -> Idea:
    require(actor, "innovation.run", idea.consultation)
    reason = " ".join(reason.split())
    if not reason:
        raise DomainError({"reason": _("Say why it is hidden: the author can see it.")})
    with transaction.atomic():
        Idea.objects.filter(pk=idea.pk).update(state=IdeaState.HIDDEN, hidden_reason=reason[:300], hidden_by=actor)
        _handled(actor, idea=idea, comment=None)
    idea.refresh_from_db()
    return idea


def restore_idea(*, idea: Idea, actor) -> Idea:
    require(actor, "innovation.run", idea.consultation)
    if idea.state != IdeaState.HIDDEN:
        return idea
    Idea.objects.filter(pk=idea.pk).update(state=IdeaState.PUBLISHED, hidden_reason="", hidden_by=None)
    idea.refresh_from_db()
    return idea


def hide_comment(*, comment: Comment, actor, reason: str) -> Comment:
    require(actor, "innovation.run", comment.idea.consultation)
    reason = " ".join(reason.split())
    if not reason:
        raise DomainError({"reason": _("Say why it is hidden: the author can see it.")})
    with transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(hidden_reason=reason[:300])
        _handled(actor, comment=comment)
    comment.refresh_from_db()
    return comment


def dismiss_report(*, report: Report, actor) -> Report:
    """Moderation looked and found nothing to hide: the report leaves the queue, and what it was about stays."""
    require(actor, "innovation.run", report.idea.consultation)
    Report.objects.filter(pk=report.pk, handled_at=None).update(handled_at=timezone.now(), handled_by=actor)
    report.refresh_from_db()
    return report

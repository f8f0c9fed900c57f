"""Reads for those who run consultations: which ones they run, the moderation queue, the hidden ideas, the ideas
still waiting for the city's answer, and the initiatives an idea can be said to have become."""

from django.db.models import Q, QuerySet

from tvatakt.innovation.choices import IdeaState, Outcome
from tvatakt.innovation.models import Consultation, Idea, Report
from tvatakt.portfolio.models import Initiative

INITIATIVES_SHOWN = 100  # a city has thousands: the list offers this many, and a search narrows it


def consultations_run_by(user) -> list[Consultation]:
    """The consultations `user` may run (innovation.run), newest first. A city has a handful, so each is asked;
    the rule itself stays in permissions.py."""
    consultations = Consultation.objects.select_related("organisation").order_by("-created_at", "pk")
    return [consultation for consultation in consultations if user.has_perm("innovation.run", consultation)]


def open_reports(consultations: list[Consultation]) -> QuerySet[Report]:
    """Reports not handled yet, oldest first, with the idea or comment they are about."""
    return (
        Report.objects.filter(handled_at=None, idea__consultation__in=consultations)
        .select_related("idea__consultation", "comment__author", "reporter")
        .order_by("created_at", "pk")
    )


def hidden_ideas(consultations: list[Consultation]) -> QuerySet[Idea]:
    return (
        Idea.objects.filter(state=IdeaState.HIDDEN, consultation__in=consultations)
        .select_related("consultation", "hidden_by")
        .order_by("-updated_at", "-pk")
    )


def unanswered_ideas(consultations: list[Consultation]) -> QuerySet[Idea]:
    """Published ideas the city has not answered yet, oldest first: every idea gets an answer, the longest-waiting
    first."""
    return (
        Idea.objects.filter(state=IdeaState.PUBLISHED, outcome=Outcome.NONE, consultation__in=consultations)
        .select_related("consultation")
        .order_by("created_at", "pk")
    )


def initiatives_to_link(search: str = "", current: Initiative | None = None) -> list[Initiative]:
    """The public initiatives an idea can have become: those matching `search` (title, short name or
    organisation), or else the newest; the one already linked always among them. Confidential ones are never
    offered, as an idea's page is public."""
    initiatives = Initiative.objects.public().select_related("organisation")
    words = search.split()[:8]
    for word in words:
        initiatives = initiatives.filter(
            Q(title__icontains=word) | Q(slug__icontains=word) | Q(organisation__name__icontains=word)
        )
    shown = list(initiatives.order_by("-created_at", "-pk")[:INITIATIVES_SHOWN])
    if current is not None and current not in shown and not current.is_confidential:
        shown.insert(0, current)
    return sorted(shown, key=lambda initiative: initiative.title.lower())


def public_initiatives() -> QuerySet[Initiative]:
    """What the answer form accepts: any public initiative (the list shown is narrower)."""
    return Initiative.objects.public()

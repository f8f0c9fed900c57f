"""Reads for the public pages: the consultations, a consultation's ideas (filtered, sorted, searched), an idea's
page, and a consultation's statistics. Each costs a fixed number of queries, however many ideas there are."""

import dataclasses

from django.db import connection
from django.db.models import CharField, Count, F, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils.translation import gettext as _

from tvatakt.inclusion.choices import AgeGroup
from tvatakt.innovation.choices import IdeaState, Outcome, ParticipantKind
from tvatakt.innovation.models import Comment, Consultation, Idea, Support

UNANSWERED = "unanswered"  # the outcome filter's value for ideas the city has not answered yet
SORTS = {
    "new": ("-created_at", "-pk"),
    "support": ("-supports", "-created_at", "-pk"),
    "answered": (F("answered_at").desc(nulls_last=True), "-created_at", "-pk"),
}
DEFAULT_SORT = "new"


def consultation_list() -> QuerySet[Consultation]:
    """Every consultation, newest first, with how many ideas are published in each."""
    published = Count("ideas", filter=Q(ideas__state=IdeaState.PUBLISHED))
    consultations = Consultation.objects.select_related("organisation").annotate(idea_count=published)
    return consultations.order_by("-created_at", "pk")  # a grouped query leaves Meta.ordering out


def consultation_page(slug: str) -> Consultation | None:
    return Consultation.objects.select_related("organisation", "cluster").filter(slug=slug).first()


def idea_list(consultation: Consultation, filters: dict) -> QuerySet[Idea]:
    """The consultation's published ideas, narrowed by the filter form's cleaned data (outcome, kind, age group,
    district, a search), in the order it chose."""
    ideas = consultation.ideas.filter(state=IdeaState.PUBLISHED)
    outcome = filters.get("outcome")
    if outcome == UNANSWERED:
        ideas = ideas.filter(outcome=Outcome.NONE)
    elif outcome:
        ideas = ideas.filter(outcome=outcome)
    if filters.get("kind"):
        ideas = ideas.filter(kind=filters["kind"])
    if filters.get("age"):
        ideas = ideas.filter(age_group=filters["age"])
    if filters.get("district"):
        ideas = ideas.filter(district=filters["district"])
    ideas = search(ideas, filters.get("q") or "")
    order = SORTS.get(filters.get("sort") or DEFAULT_SORT, SORTS[DEFAULT_SORT])
    return ideas.select_related("district").order_by(*order)


def search(ideas: QuerySet[Idea], q: str) -> QuerySet[Idea]:
    """Ideas whose title or text match `q`. On PostgreSQL: full text with Swedish stemming, so "skolor" finds
    "skola", and the web search syntax ("a or b", -word, "a phrase"). Elsewhere: every word as a substring."""
    q = " ".join(q.split())[:200]
    if not q:
        return ideas
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector("title", "body", config="swedish")
        return ideas.annotate(search=vector).filter(search=SearchQuery(q, config="swedish", search_type="websearch"))
    for word in q.split()[:16]:
        ideas = ideas.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return ideas


def may_see(idea: Idea, user) -> bool:
    """A published idea is everyone's; a hidden one only its author's and theirs who run the consultation (both
    see the reason); one waiting for its e-mail confirmation only theirs who run it."""
    if idea.state == IdeaState.PUBLISHED:
        return True
    if not user.is_authenticated:
        return False
    if idea.state == IdeaState.HIDDEN and idea.author_id == user.pk:
        return True
    return user.has_perm("innovation.run", idea.consultation)


def idea_page(slug: str, pk: int) -> Idea | None:
    """An idea with what its page shows: its consultation, who gave it, the city's answer, and the comments with
    their authors."""
    comments = Prefetch("comments", queryset=Comment.objects.select_related("author").order_by("created_at", "pk"))
    return (
        Idea.objects.select_related("consultation", "district", "entered_by", "initiative")
        .prefetch_related(comments)
        .filter(consultation__slug=slug, pk=pk)
        .first()
    )


def supports(idea: Idea, user) -> bool:
    """Whether `user` supports the idea."""
    return user.is_authenticated and Support.objects.filter(idea=idea, person=user).exists()


@dataclasses.dataclass
class Statistics:
    ideas: int
    supports: int
    supporters: int
    comments: int
    by_kind: list[tuple[str, int]]  # (the kind's label, people)
    by_age: list[tuple[str, int]]
    by_district: list[tuple[str, int]]
    by_outcome: list[tuple[str, int]]  # (the outcome's label, ideas)


def _participant() -> Coalesce:
    """Who gave an idea, as one text: the account, or the e-mail address, or the name a help desk wrote. The same
    person giving three ideas counts once."""
    return Coalesce(
        Cast("author_id", CharField()),
        NullIf("email", Value("")),
        Concat(Value("desk:"), "author_name", Value(":"), Cast("entered_by_id", CharField())),
        output_field=CharField(),
    )


def statistics(consultation: Consultation) -> Statistics:
    """Who took part and what became of the ideas, counted in SQL, grouped: no names, no rows of people."""
    ideas = consultation.ideas.filter(state=IdeaState.PUBLISHED)
    people = Count(_participant(), distinct=True)
    totals = ideas.aggregate(ideas=Count("pk"), supports=Coalesce(Sum("supports"), 0))
    supporters = Support.objects.filter(idea__in=ideas).aggregate(n=Count("person", distinct=True))["n"]
    comments = Comment.objects.filter(idea__in=ideas, hidden_reason="").count()
    kinds = dict(ideas.order_by().values_list("kind").annotate(n=people))
    ages = dict(ideas.order_by().values_list("age_group").annotate(n=people))
    districts = ideas.order_by().values_list("district__name").annotate(n=people).order_by("-n", "district__name")
    outcomes = dict(ideas.order_by().values_list("outcome").annotate(n=Count("pk")))
    not_given = _("Not given")
    return Statistics(
        ideas=totals["ideas"], supports=totals["supports"], supporters=supporters, comments=comments,
        by_kind=[(str(label), kinds.get(value, 0)) for value, label in ParticipantKind.choices],
        by_age=[*((str(label), ages.get(value, 0)) for value, label in AgeGroup.choices),
                (not_given, ages.get("", 0))],
        by_district=[(name or not_given, n) for name, n in districts],
        by_outcome=[(str(label), outcomes.get(value, 0)) for value, label in Outcome.choices],
    )  # fmt: skip

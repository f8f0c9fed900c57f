"""Reads for the recognition pages, shaped so that each costs a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from tvatakt.core.i18n import swedish_order
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, Unit
from tvatakt.organisation.permissions import active_roles
from tvatakt.portfolio.choices import Mode, Outcome, Status
from tvatakt.portfolio.dates import add_quarters, quarter_label
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import LessonState, Tempo
from tvatakt.recognition.models import AwardRound, Event, Lesson, LessonUse, Nomination, Policy, Tag

# -- Recognition events and balance ----------------------------------------------------------------------------

LEVELS = ("unit", "organisation", "cluster")
BALANCED = 0.5  # from here on, neither tempo has more than twice the other's points


def balance_index(stability: int, exploration: int) -> float | None:
    """min ÷ max of the two scores: 1.0 when both tempos are rewarded equally, 0.0 when only one is, None
    when there is nothing to compare."""
    high = max(stability, exploration)
    if high <= 0:
        return None
    return min(stability, exploration) / high


@dataclass
class Balance:
    """A unit's, organisation's or cluster's points in one quarter (or several), by tempo."""

    stability: int = 0
    exploration: int = 0

    def __add__(self, other: "Balance") -> "Balance":
        return Balance(self.stability + other.stability, self.exploration + other.exploration)

    @property
    def total(self) -> int:
        return self.stability + self.exploration

    @property
    def index(self) -> float | None:
        return balance_index(self.stability, self.exploration)

    @property
    def verdict(self) -> str:
        """The index in words, so that no one needs the colour or the number to read it."""
        index = self.index
        if index is None:
            return str(_("no points"))
        if index >= BALANCED:
            return str(_("in balance"))
        return str(_("mostly stability") if self.stability > self.exploration else _("mostly exploration"))

    @property
    def leaning(self) -> str:
        """A class name for the verdict: balanced, stability, exploration or none."""
        index = self.index
        if index is None:
            return "none"
        if index >= BALANCED:
            return "balanced"
        return "stability" if self.stability > self.exploration else "exploration"


def _add(found: dict, key, tempo: str, points: int | None) -> None:
    balance = found.setdefault(key, Balance())
    if tempo == Tempo.STABILITY:
        balance.stability += points or 0
    else:
        balance.exploration += points or 0


def _grouped(events: QuerySet, field: str) -> dict:
    """{key: Balance} summed in one GROUP BY query over `field` and the tempo."""
    found: dict = {}
    rows = events.exclude(**{f"{field}__isnull": True}).values_list(field, "tempo").annotate(points=Sum("points"))
    for key, tempo, points in rows.order_by():
        _add(found, key, tempo, points)
    return found


def _counted() -> QuerySet[Event]:
    """The events the public figures count. A confidential initiative's points stay out of every total until it
    is no longer confidential: otherwise a total minus the events listed would give it away."""
    return Event.objects.exclude(initiative__is_confidential=True)


def quarters_with_events() -> list[datetime.date]:
    """The quarters anything was recognised in, newest first."""
    return list(_counted().order_by("-quarter").values_list("quarter", flat=True).distinct())


def balances(
    level: str, quarter: datetime.date, quarters: int = 1
) -> list[tuple[Unit | Organisation | Cluster, Balance]]:
    """Every unit, active organisation or cluster with its balance over the `quarters` quarters up to `quarter`:
    most points first. A cluster's balance is the sum of its member organisations'. Two queries, however many
    events."""
    events = _counted().filter(quarter__gte=add_quarters(quarter, 1 - quarters), quarter__lte=quarter)
    if level == "unit":
        found = _grouped(events, "unit_id")
        rows = [(unit, found.get(unit.pk, Balance())) for unit in Unit.objects.order_by("number")]
    elif level == "organisation":
        found = _grouped(events, "organisation_id")
        organisations = Organisation.objects.filter(Q(is_active=True) | Q(pk__in=list(found)))
        rows = [(organisation, found.get(organisation.pk, Balance())) for organisation in organisations]
    elif level == "cluster":
        found = _grouped(events, "organisation__clusters")
        rows = [(cluster, found.get(cluster.pk, Balance())) for cluster in Cluster.objects.order_by("name")]
    else:
        raise ValueError(f"unknown level {level!r}")
    return sorted(rows, key=lambda row: (-row[1].total, swedish_order(str(row[0]))))


def trend(last: datetime.date, quarters: int = 8, **scope) -> list[tuple[str, Balance]]:
    """(label, Balance) for each of the `quarters` quarters up to `last`, city-wide or for one `organisation=`."""
    first = add_quarters(last, 1 - quarters)
    events = _counted().filter(quarter__gte=first, quarter__lte=last, **scope)
    found: dict = {}
    for quarter, tempo, points in events.values_list("quarter", "tempo").annotate(points=Sum("points")).order_by():
        _add(found, quarter, tempo, points)
    days = [add_quarters(first, n) for n in range(quarters)]
    return [(quarter_label(day), found.get(day, Balance())) for day in days]


def history(user, **scope) -> QuerySet[Event]:
    """A person's or an organisation's events, newest first. Events about confidential initiatives are shown
    only to those who may see the initiative."""
    visible = Q(initiative__isnull=True) | Q(initiative__in=Initiative.objects.visible_to(user).values("pk"))
    return (
        Event.objects.filter(**scope)
        .filter(visible)
        .select_related("initiative", "organisation", "unit", "person", "policy")
        .order_by("-occurred_on", "-pk")
    )


def events(user, *, kind: str = "", organisation: str = "", unit: str = "", quarter=None) -> QuerySet[Event]:
    """Events for the API, filtered, newest first."""
    found = history(user)
    if kind:
        found = found.filter(kind=kind)
    if organisation:
        found = found.filter(organisation__slug=organisation)
    if unit:
        found = found.filter(unit__slug=unit)
    if quarter:
        found = found.filter(quarter=quarter)
    return found


def policies() -> QuerySet[Policy]:
    return Policy.objects.select_related("created_by").order_by("-version")


# -- Lessons and awards ----------------------------------------------------------------------------------------

LESSON_FIELDS = ("title", "tried", "expected", "happened", "learned", "advice")


def _lesson_rows(qs: QuerySet[Lesson]) -> QuerySet[Lesson]:
    return qs.select_related("initiative__organisation", "author", "reviewed_by").prefetch_related("tags")


def lesson_search(qs: QuerySet[Lesson], q: str) -> QuerySet[Lesson]:
    """Lessons matching `q` in their title, their five parts or their tags. On PostgreSQL: full text with Swedish
    stemming, best match first ("upphandlingar" finds "upphandling"), over the stored vector of migration 0002
    (title and learning weigh most). Elsewhere: every word as a substring."""
    q = q.strip()
    if not q:
        return qs
    tagged = Lesson.tags.through.objects.filter(tag__name__icontains=q).values("lesson_id")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

        # A fixed column name, no input: the column is the database's own (see the migration).
        vector = RawSQL('"recognition_lesson"."search"', [], output_field=SearchVectorField())  # noqa: S611
        query = SearchQuery(q, config="swedish", search_type="websearch")
        return (
            qs.annotate(search=vector, rank=SearchRank(vector, query))
            .filter(Q(search=query) | Q(pk__in=tagged))
            .order_by("-rank", "-published_on", "-pk")
        )
    for word in q.split():
        matches = Q(pk__in=Lesson.tags.through.objects.filter(tag__name__icontains=word).values("lesson_id"))
        for field in LESSON_FIELDS:
            matches |= Q(**{f"{field}__icontains": word})
        qs = qs.filter(matches)
    return qs


def lesson_list(*, q: str = "", tag: str = "") -> QuerySet[Lesson]:
    """The public lessons, newest first, or best match first when searching."""
    qs = _lesson_rows(Lesson.objects.public())
    if tag:
        qs = qs.filter(pk__in=Lesson.tags.through.objects.filter(tag__slug=tag).values("lesson_id"))
    return lesson_search(qs, q)


def lesson_tags() -> QuerySet[Tag]:
    """The tags of public lessons, with how many each has."""
    public = Q(lessons__state=LessonState.PUBLISHED, lessons__initiative__is_confidential=False)
    return Tag.objects.annotate(count=Count("lessons", filter=public)).filter(count__gt=0).order_by("name")


def lesson_detail(*, user, pk: int) -> Lesson:
    """One lesson `user` may read, with what the page shows. Raises Lesson.DoesNotExist."""
    uses = LessonUse.objects.filter(initiative__in=Initiative.objects.visible_to(user)).select_related(
        "initiative__organisation"
    )
    return (
        _lesson_rows(Lesson.objects.visible_to(user))
        .select_related("initiative__unit")
        .prefetch_related("initiative__team", Prefetch("uses", queryset=uses.order_by("initiative__title")))
        .get(pk=pk)
    )


def lessons_unpublished(*, user) -> QuerySet[Lesson]:
    """Drafts and lessons in review of the initiatives `user` leads or is on the team of, or wrote."""
    if not user.is_authenticated:
        return Lesson.objects.none()
    team = Initiative.team.through.objects.filter(person_id=user.pk).values("initiative_id")
    return (
        Lesson.objects.exclude(state=LessonState.PUBLISHED)
        .filter(Q(author_id=user.pk) | Q(initiative__lead_id=user.pk) | Q(initiative_id__in=team))
        .select_related("initiative")
        .order_by("-updated_at")
    )


def owing_lesson() -> QuerySet[Initiative]:
    """Stopped or pivoted sprints, and stopped marathons, that have no lesson yet, not even a draft."""
    ended = Q(process_type__mode=Mode.SPRINT, outcome__in=[Outcome.STOPPED, Outcome.PIVOTED]) | Q(
        process_type__mode=Mode.MARATHON, status=Status.STOPPED
    )
    return Initiative.objects.filter(ended).filter(~Exists(Lesson.objects.filter(initiative=OuterRef("pk"))))


def lessons_owed_by(*, user) -> QuerySet[Initiative]:
    """The initiatives `user` leads or is on the team of that still owe a lesson."""
    if not user.is_authenticated:
        return Initiative.objects.none()
    team = Initiative.team.through.objects.filter(person_id=user.pk).values("initiative_id")
    return (
        owing_lesson()
        .filter(Q(lead_id=user.pk) | Q(pk__in=team))
        .select_related("organisation")
        .order_by("-outcome_on", "-actual_end")
    )


def review_queue(*, user) -> QuerySet[Lesson]:
    """Lessons waiting for `user`'s review: in the units they head (all, for the IT director), not their own."""
    qs = Lesson.objects.filter(state=LessonState.IN_REVIEW).exclude(author_id=user.pk)
    roles = active_roles(user)
    if not (user.is_superuser or any(row[0] == Role.IT_DIRECTOR for row in roles)):
        qs = qs.filter(initiative__unit_id__in=[row[1] for row in roles if row[0] == Role.UNIT_HEAD])
    return qs.select_related("initiative__unit", "author").order_by("updated_at")


def initiative_lessons(*, user, initiative: Initiative) -> dict:
    """For the initiative's page: its own lessons `user` may read, and the lessons it read first."""
    return {
        "own": list(Lesson.objects.visible_to(user).filter(initiative=initiative).order_by("-pk")),
        "read": list(
            LessonUse.objects.filter(initiative=initiative, lesson__in=Lesson.objects.public())
            .select_related("lesson__initiative__organisation")
            .order_by("lesson__title")
        ),
    }


def lessons_to_read(*, initiative: Initiative) -> QuerySet[Lesson]:
    """Published lessons the initiative could note as read: not its own, not noted yet."""
    return (
        Lesson.objects.public()
        .exclude(initiative=initiative)
        .exclude(uses__initiative=initiative)
        .only("pk", "title")
        .order_by("title")
    )


def award_rounds() -> QuerySet[AwardRound]:
    return AwardRound.objects.select_related(
        "winner__initiative__organisation", "winner__lesson__initiative__organisation"
    ).annotate(nomination_count=Count("nominations"))


def award_round_detail(*, pk: int) -> AwardRound:
    """A round with its jury and its nominations, each with its score count and mean. Raises DoesNotExist."""
    nominations = (
        Nomination.objects.select_related(
            "initiative__organisation", "lesson__initiative__organisation", "nominated_by"
        )
        .prefetch_related("initiative__team", "lesson__initiative__team")
        # Nominations are public: one whose initiative has since become confidential drops out.
        .exclude(initiative__is_confidential=True)
        .exclude(lesson__initiative__is_confidential=True)
        .annotate(mean=Avg("scores__score"), score_count=Count("scores"))
        .order_by("pk")
    )
    return (
        AwardRound.objects.select_related("winner")
        .prefetch_related(Prefetch("nominations", queryset=nominations), "jury")
        .get(pk=pk)
    )

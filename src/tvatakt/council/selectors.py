"""Reads for the council's pages, shaped so that each costs a fixed number of queries."""

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from tvatakt.council.choices import DONE_STATES
from tvatakt.council.models import Adoption, AgendaItem, Council, Decision, Meeting
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import RoleAssignment


def council() -> Council | None:
    return Council.objects.order_by("pk").first()


def council_members() -> QuerySet[RoleAssignment]:
    roles = [Role.COUNCIL_CHAIR, Role.IT_DIRECTOR, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY]
    return (
        RoleAssignment.objects.active()
        .filter(role__in=roles)
        .select_related("person", "organisation", "cluster")
        .order_by("role", "person__last_name")
    )


def voting_members() -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.active()
        .filter(role__in=[Role.COUNCIL_CHAIR, Role.COUNCIL_MEMBER])
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )


def meetings(*, upcoming: bool) -> QuerySet[Meeting]:
    now = timezone.now()
    qs = Meeting.objects.select_related("council").annotate(item_count=Count("items"))
    return qs.filter(starts_at__gte=now).order_by("starts_at") if upcoming else qs.filter(starts_at__lt=now)


def meeting_detail(*, pk: int) -> Meeting:
    decisions = Decision.objects.prefetch_related("votes__member").select_related("corrects")
    items = AgendaItem.objects.select_related("raised_by").prefetch_related(
        Prefetch("decision", queryset=decisions), "initiatives"
    )
    return (
        Meeting.objects.select_related("council", "approved_by_chair", "adjuster")
        .prefetch_related(Prefetch("items", queryset=items.order_by("order", "pk")))
        .get(pk=pk)
    )


def _with_progress(qs: QuerySet[Decision]) -> QuerySet[Decision]:
    today = timezone.localdate()
    return qs.annotate(
        organisations=Count("adoptions"),
        done=Count("adoptions", filter=Q(adoptions__state__in=DONE_STATES)),
        overdue=Count("adoptions", filter=~Q(adoptions__state__in=DONE_STATES) & Q(deadline__lt=today)),
    )


def decision_log(*, q: str = "", year: int | None = None, organisation: str = "", status: str = "") -> QuerySet:
    qs = Decision.objects.select_related("item__meeting", "scope_cluster", "corrects")
    if q:
        qs = qs.filter(
            Q(text__icontains=q) | Q(text_en__icontains=q) | Q(item__title__icontains=q) | Q(reference__iexact=q)
        )
    if year:
        qs = qs.filter(decided_on__year=year)
    if organisation:
        # A subquery, not a join: a join on adoptions would make the counts below count only this one.
        qs = qs.filter(pk__in=Adoption.objects.filter(organisation__slug=organisation).values("decision_id"))
    qs = _with_progress(qs)
    if status == "overdue":
        qs = qs.filter(overdue__gt=0)
    elif status == "done":
        qs = qs.filter(done=F("organisations"))
    elif status == "in_progress":
        qs = qs.exclude(done=F("organisations"))
    return qs.order_by("-decided_on", "-reference")


def decision_detail(*, reference: str) -> Decision:
    adoptions = Adoption.objects.select_related("organisation").order_by("organisation__name")
    return (
        _with_progress(Decision.objects.all())
        .select_related("item__meeting__council", "item__raised_by", "scope_cluster", "corrects")
        .prefetch_related(Prefetch("adoptions", queryset=adoptions), "votes__member", "corrections")
        .get(reference=reference)
    )


def adoptions_for_ambassador(user) -> QuerySet[Adoption]:
    """What the organisations `user` is ambassador (or deputy) for must still act on, soonest deadline first."""
    organisations = (
        RoleAssignment.objects.active().filter(person_id=user.pk, role=Role.AMBASSADOR).values("organisation_id")
    )
    return (
        Adoption.objects.filter(organisation_id__in=organisations)
        .exclude(state__in=DONE_STATES)
        .select_related("decision", "organisation")
        .prefetch_related("steps")
        .order_by("decision__deadline", "decision__reference", "organisation__name")
    )


def decision_years() -> list[int]:
    return [d.year for d in Decision.objects.dates("decided_on", "year", order="DESC")]

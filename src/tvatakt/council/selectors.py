"""Reads for the council's pages, shaped so that each costs a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from tvatakt.council.choices import DONE_STATES, MeetingStatus, ProposalState
from tvatakt.council.models import (
    Adoption,
    AgendaItem,
    ClusterMeeting,
    Council,
    Decision,
    Meeting,
    Post,
    Proposal,
    Thread,
)
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, RoleAssignment
from tvatakt.portfolio.models import Initiative


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
    decisions = Decision.objects.prefetch_related("votes__member").select_related("corrects", "scope_cluster")
    items = AgendaItem.objects.select_related("raised_by", "proposal__cluster").prefetch_related(
        Prefetch("decision", queryset=decisions),
        # An initiative made confidential after it was put on an agenda drops off the public page.
        Prefetch("initiatives", queryset=Initiative.objects.public()),
        "attachments",
    )
    return (
        Meeting.objects.select_related("council", "approved_by_chair", "adjuster")
        .prefetch_related(Prefetch("items", queryset=items.order_by("order", "pk")))
        .get(pk=pk)
    )


@dataclass
class Rate:
    """How many adoption records there are, how many are done (implemented or exempted), how many are late."""

    total: int = 0
    done: int = 0
    overdue: int = 0

    @property
    def share(self) -> float | None:
        return self.done / self.total if self.total else None

    def __add__(self, other: "Rate") -> "Rate":
        return Rate(self.total + other.total, self.done + other.done, self.overdue + other.overdue)


def adoption_rates(adoptions: QuerySet[Adoption], *, by: str, today=None) -> dict[int, Rate]:
    """The records counted per `by` (e.g. "decision_id", "organisation_id") in two grouped queries. Lateness is
    counted apart, over the decisions past their deadline, so the totals need no join and read only the index."""
    today = today or timezone.localdate()
    rates = {
        row[by]: Rate(row["total"], row["done"])
        for row in adoptions.values(by)
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(state__in=DONE_STATES)))
        .order_by()
    }
    past_deadline = Decision.objects.filter(deadline__lt=today).values("pk")
    late = adoptions.filter(decision__in=past_deadline).exclude(state__in=DONE_STATES)
    for key, n in late.values_list(by).annotate(n=Count("pk")).order_by():
        rates[key].overdue = n
    return rates


def progress(decisions: list[Decision], today=None) -> list[Decision]:
    """Give each decision its counts (organisations, done, overdue) for the decisions shown only, never for the
    whole log: one grouped query."""
    rates = adoption_rates(Adoption.objects.filter(decision__in=decisions), by="decision_id", today=today)
    for decision in decisions:
        rate = rates.get(decision.pk, Rate())
        decision.organisations, decision.done, decision.overdue = rate.total, rate.done, rate.overdue
    return decisions


def decision_log(*, q: str = "", year: int | None = None, organisation: str = "", status: str = "") -> QuerySet:
    """The decisions, newest first. Pass the page shown to `progress()` for its counts."""
    qs = Decision.objects.select_related("item__meeting", "scope_cluster", "corrects")
    if q:
        qs = qs.filter(
            Q(text__icontains=q) | Q(text_en__icontains=q) | Q(item__title__icontains=q) | Q(reference__iexact=q)
        )
    if year:
        qs = qs.filter(decided_on__year=year)
    if organisation:
        qs = qs.filter(Exists(Adoption.objects.filter(decision=OuterRef("pk"), organisation__slug=organisation)))
    # Status by existence, not by counting every decision's records: an open record is one not yet done.
    still_open = Exists(Adoption.objects.filter(decision=OuterRef("pk")).exclude(state__in=DONE_STATES))
    if status == "overdue":
        qs = qs.filter(still_open, deadline__lt=timezone.localdate())
    elif status == "done":
        qs = qs.filter(~still_open)
    elif status == "in_progress":
        qs = qs.filter(still_open)
    return qs.order_by("-decided_on", "-reference")


def decision_detail(*, reference: str) -> Decision:
    adoptions = Adoption.objects.select_related("organisation").order_by("organisation__name")
    decision = (
        Decision.objects.select_related("item__meeting__council", "item__raised_by", "scope_cluster", "corrects")
        .prefetch_related(Prefetch("adoptions", queryset=adoptions), "votes__member", "corrections")
        .get(reference=reference)
    )
    return progress([decision])[0]


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


# Cluster forum


def forum_cluster(*, slug: str) -> Cluster:
    return Cluster.objects.get(slug=slug)


def cluster_meetings(*, cluster: Cluster, upcoming: bool) -> QuerySet[ClusterMeeting]:
    now = timezone.now()
    qs = ClusterMeeting.objects.filter(cluster=cluster)
    return qs.filter(ends_at__gte=now).order_by("starts_at") if upcoming else qs.filter(ends_at__lt=now)


def forum_threads(*, cluster: Cluster) -> QuerySet[Thread]:
    """The cluster's threads, latest activity first, with who started them and how many replies they have."""
    return (
        Thread.objects.filter(cluster=cluster)
        .select_related("cluster", "created_by", "hidden_by")
        .annotate(reply_count=Count("posts") - 1)
        .order_by("-last_activity", "-pk")
    )


def forum_thread(*, cluster: Cluster, pk: int) -> Thread:
    return Thread.objects.select_related("cluster", "created_by", "hidden_by").get(cluster=cluster, pk=pk)


def thread_posts(*, thread: Thread) -> QuerySet[Post]:
    return Post.objects.filter(thread=thread).select_related("author", "hidden_by").order_by("created_at", "pk")


def proposals(*, cluster: str = "", state: str = "") -> QuerySet[Proposal]:
    """Proposals from the clusters, newest first; by cluster slug and state when given."""
    qs = Proposal.objects.select_related("cluster", "raised_by", "decided_by", "agenda_item__meeting__council")
    if cluster:
        qs = qs.filter(cluster__slug=cluster)
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-created_at", "-pk")


def proposals_waiting() -> QuerySet[Proposal]:
    """What the secretary has still to schedule or decline, oldest first."""
    return proposals(state=ProposalState.SUBMITTED).order_by("created_at", "pk")


def planned_meetings() -> QuerySet[Meeting]:
    """The council meetings a proposal can still be put on."""
    return Meeting.objects.filter(status=MeetingStatus.PLANNED).select_related("council").order_by("starts_at")


def proposals_decided() -> QuerySet[Proposal]:
    """Proposals the secretary has scheduled or declined, latest decision first."""
    return proposals().exclude(state=ProposalState.SUBMITTED).order_by("-decided_at", "-pk")

"""The generator's council step: hundreds of decisions over five years, each with every organisation's adoption.

The rows skip the services for speed, so this module keeps their rules itself: references DR-YYYY-NNN numbered
per year after those already used, a deadline on or after the decision, votes only by members in office that
day, with quorum and a majority, one adoption per decision and organisation, steps in an allowed order (pending,
informed, planned, implemented with evidence; or an exemption asked for, then granted or refused), and each
adoption's state and date those of its last step. Decision N draws from its own seeded random generator.

The generated meetings are the demo council's, on the second Thursday of each month (no meetings in July and
August) in the five years before the demo's own year of meetings, so their references never meet the demo's.
"""

import calendar
import datetime
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from tvatakt.council.choices import AdoptionState, ItemKind, MeetingStatus, Method, Scope, VoteChoice
from tvatakt.council.models import Adoption, AdoptionStep, AgendaItem, Council, Decision, Meeting, Vote
from tvatakt.demo.council import record_past_reminders
from tvatakt.demo.generated_portfolio import TOPICS
from tvatakt.demo.generator import Advance, batched
from tvatakt.demo.meetings import COMMENTS, EVIDENCE, PACE, SLUG
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, RoleAssignment

SEED = 20261201
YEARS = 5
MONTHS = [month for month in range(1, 13) if month not in (7, 8)]
SLOTS = YEARS * len(MONTHS)  # meeting days; decision N is taken at meeting N % SLOTS
BATCH = 100  # decisions per transaction; each brings about 45 adoptions and 120 steps
MARKER = "Syntetiska data för att pröva skalan."

KINDS = [
    (
        "Gemensam lösning för {topic}",
        "A shared solution for {topic_en}",
        "Förvaltningar och bolag använder stadens gemensamma lösning för {topic}.",
        "Administrations and companies use the city's shared solution for {topic_en}.",
    ),
    (
        "Riktlinjer för {topic}",
        "Guidelines for {topic_en}",
        "Staden antar riktlinjer för {topic}. De gäller i alla nya projekt.",
        "The city adopts guidelines for {topic_en}. They apply to all new projects.",
    ),
    (
        "Försök med {topic}",
        "A trial of {topic_en}",
        "Organisationerna i beslutet prövar {topic} i ett halvår och rapporterar vad de har lärt sig.",
        "The organisations in the decision try {topic_en} for six months and report what they learned.",
    ),
    (
        "Krav på {topic} i nya avtal",
        "Requirements on {topic_en} in new contracts",
        "Nya avtal ställer krav på {topic}. Leverantören visar hur kraven uppfylls.",
        "New contracts set requirements on {topic_en}. The supplier shows how it meets them.",
    ),
    (
        "Egna lösningar för {topic} avvecklas",
        "Retiring own solutions for {topic_en}",
        "Egna lösningar för {topic} avvecklas när avtalen löper ut. Staden använder den gemensamma i stället.",
        "Own solutions for {topic_en} are retired when their contracts end. The city uses the shared one instead.",
    ),
]
OTHER_ITEMS = [
    (ItemKind.INFORMATION, "Lägesrapport om införandet av rådets beslut", "Status report on adopting the decisions"),
    (ItemKind.DISCUSSION, "Frågor från klustren", "Questions from the clusters"),
]
EXEMPTION_REASONS = [
    "Vi har redan en egen lösning med avtal som gäller i flera år.",
    "Beslutet passar inte vår verksamhet.",
    "Vi har inga system som beslutet gäller.",
]
ANSWERS = {True: "Beviljas. Frågan prövas igen när avtalet löper ut.", False: "Avslås. Beslutet gäller er också."}


@dataclass
class _World:
    today: datetime.date
    council: Council
    slots: list[datetime.date]
    organisations: list[Organisation]
    clusters: dict[int, list[int]]  # cluster id -> active member organisation ids
    voters: list[tuple[int, datetime.date, datetime.date | None]]  # council chair and members, with their terms
    raisers: list[int]
    chair: int
    secretary: int
    ambassadors: dict[int, int]
    numbers: dict[int, int] = field(default_factory=dict)  # year -> the last reference number used

    def reference(self, year: int) -> str:
        if year not in self.numbers:
            used = Decision.objects.filter(reference__startswith=f"DR-{year}-").values_list("reference", flat=True)
            self.numbers[year] = max((int(ref.rsplit("-", 1)[1]) for ref in used if ref[8:].isdigit()), default=0)
        self.numbers[year] += 1
        return f"DR-{year}-{self.numbers[year]:03d}"

    def in_office(self, day: datetime.date) -> list[int]:
        people = {person for person, start, end in self.voters if start <= day and (end is None or day <= end)}
        return sorted(people)


@dataclass
class _Row:
    slot: int
    item: AgendaItem
    decision: Decision
    votes: list[Vote]
    adoptions: list[tuple[Adoption, list[AdoptionStep]]]


def done() -> int:
    return Decision.objects.filter(item__background__endswith=MARKER).count()


def generate(start: int, stop: int, advance: Advance) -> None:
    world = _world()
    for chunk in batched(range(start, stop), BATCH):
        rows = [_Maker(world, index).make() for index in chunk]
        with transaction.atomic():
            _insert(world, rows)
        advance(len(chunk))
    record_past_reminders(world.council)


def _world() -> _World:
    today = timezone.localdate()
    first_year = (today - datetime.timedelta(days=400)).year - YEARS  # the demo's year starts at most 400 days ago
    slots = [_second_thursday(first_year + n // len(MONTHS), MONTHS[n % len(MONTHS)]) for n in range(SLOTS)]
    clusters: dict[int, list[int]] = {}
    members = Cluster.members.through.objects.filter(organisation__is_active=True).order_by("organisation_id")
    for cluster_id, organisation_id in members.values_list("cluster_id", "organisation_id"):
        clusters.setdefault(cluster_id, []).append(organisation_id)
    roles = RoleAssignment.objects.filter(role__in=[Role.COUNCIL_CHAIR, Role.COUNCIL_MEMBER]).order_by("pk")
    voters = list(roles.values_list("person_id", "valid_from", "valid_until"))
    # In both, the newest holder of the role wins.
    city_roles = dict(
        RoleAssignment.objects.filter(role__in=[Role.COUNCIL_CHAIR, Role.COUNCIL_SECRETARY, Role.IT_DIRECTOR])
        .order_by("valid_from", "pk")
        .values_list("role", "person_id")
    )
    ambassadors = dict(
        RoleAssignment.objects.active(today)
        .filter(role=Role.AMBASSADOR, is_deputy=False)
        .order_by("valid_from", "pk")
        .values_list("organisation_id", "person_id")
    )
    members = sorted({person for person, _, _ in voters} - {city_roles[Role.COUNCIL_CHAIR]})
    return _World(
        today=today,
        council=Council.objects.get(slug=SLUG),
        slots=slots,
        organisations=[
            organisation
            for organisation in Organisation.objects.filter(is_active=True).order_by("pk")
            if organisation.pk in ambassadors
        ],
        clusters=clusters,
        voters=voters,
        raisers=[city_roles[Role.IT_DIRECTOR]] * 3 + members,
        chair=city_roles[Role.COUNCIL_CHAIR],
        secretary=city_roles[Role.COUNCIL_SECRETARY],
        ambassadors=ambassadors,
    )


def _second_thursday(year: int, month: int) -> datetime.date:
    eighth = datetime.date(year, month, 8)
    return eighth + datetime.timedelta(days=(calendar.THURSDAY - eighth.weekday()) % 7)


def _starts(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


class _Maker:
    """One generated decision with its item, votes and adoptions, built in memory from its own generator."""

    def __init__(self, world: _World, index: int) -> None:
        self.world, self.index = world, index
        self.rng = random.Random(SEED + index)  # noqa: S311 - synthetic data, not security
        self.slot = index % SLOTS
        self.day = world.slots[self.slot]

    def after(self, day: datetime.date, days: float) -> datetime.date:
        return day + datetime.timedelta(days=max(1, round(days)))

    def make(self) -> _Row:
        rng, world, day = self.rng, self.world, self.day
        title, title_en, text, text_en = rng.choice(KINDS)
        topic, topic_en = rng.choice(TOPICS)
        item = AgendaItem(
            order=len(OTHER_ITEMS) + 1 + self.index // SLOTS,
            kind=ItemKind.DECISION,
            title=title.format(topic=topic)[:200],
            title_en=title_en.format(topic_en=topic_en)[:200],
            background=f"Förslaget gäller {topic}. {MARKER}",
            background_en=f"The proposal concerns {topic_en}. Synthetic data to test scale.",
            raised_by_id=rng.choice(world.raisers),
        )
        organisations, scope, cluster = self._scope()
        decision = Decision(
            reference="",  # numbered when inserted, in order
            text=text.format(topic=topic),
            text_en=text_en.format(topic_en=topic_en),
            decided_on=day,
            method=Method.CONSENSUS,
            deadline=day + datetime.timedelta(days=rng.randint(30, 270)),
            scope=scope,
            scope_cluster_id=cluster,
        )
        votes = self._votes() if rng.random() < 0.15 else []
        if votes:
            decision.method = Method.VOTE
        adoptions = [self._adoption(decision, organisation, title) for organisation in organisations]
        return _Row(self.slot, item, decision, votes, adoptions)

    def _scope(self) -> tuple[list[Organisation], str, int | None]:
        rng, world = self.rng, self.world
        roll = rng.random()
        if roll < 0.06 and world.clusters:
            cluster = rng.choice(sorted(world.clusters))
            wanted = set(world.clusters[cluster])
            return [org for org in world.organisations if org.pk in wanted], Scope.CLUSTER, cluster
        if roll < 0.09:
            return rng.sample(world.organisations, k=min(len(world.organisations), rng.randint(2, 8))), Scope.LIST, None
        return world.organisations, Scope.ALL, None

    def _votes(self) -> list[Vote]:
        rng, quorum = self.rng, self.world.council.quorum
        present = self.world.in_office(self.day)
        if len(present) < quorum:
            return []  # too few members in office that day to vote: decided by consensus
        voters = rng.sample(present, k=rng.randint(quorum, min(len(present), 11)))
        options = [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN]
        choices = rng.choices(options, (0.65, 0.2, 0.15), k=len(voters))
        while choices.count(VoteChoice.FOR) <= choices.count(VoteChoice.AGAINST):
            choices[choices.index(VoteChoice.AGAINST)] = VoteChoice.FOR
        return [Vote(member_id=voter, choice=choice) for voter, choice in zip(voters, choices, strict=True)]

    def _adoption(self, decision: Decision, organisation: Organisation, title: str) -> tuple:
        rng, today, start = self.rng, self.world.today, decision.decided_on
        window = max(30, (decision.deadline - start).days)
        pace = PACE.get(organisation.name, 1.0) * rng.uniform(0.55, 1.3)
        informed = self.after(start, rng.uniform(1, 25))
        planned = max(self.after(informed, 3), self.after(start, window * pace * rng.uniform(0.3, 0.5)))
        implemented = max(self.after(planned, 7), self.after(start, window * pace))
        ambassador, secretary = self.world.ambassadors[organisation.pk], self.world.secretary
        roll = rng.random()
        events: list[tuple[datetime.date, str, int, str]] = []  # (day, state, reporter, comment)
        if roll < 0.03:
            grant = rng.random() < 0.8
            asked = self.after(informed, rng.randint(3, 20))
            answered = self.after(asked, rng.randint(7, 30))
            events = [
                (informed, AdoptionState.INFORMED, ambassador, rng.choice(COMMENTS["informed"])),
                (asked, AdoptionState.EXEMPTION_REQUESTED, ambassador, rng.choice(EXEMPTION_REASONS)),
                (answered, AdoptionState.EXEMPTED if grant else AdoptionState.INFORMED, secretary, ANSWERS[grant]),
            ]
            if not grant:
                planned = self.after(answered, rng.randint(10, 30))
                implemented = self.after(planned, rng.randint(30, 90))
        elif roll > 0.07:
            events = [(informed, AdoptionState.INFORMED, ambassador, rng.choice(COMMENTS["informed"]))]
        if events and events[-1][1] == AdoptionState.INFORMED:
            events.append((planned, AdoptionState.PLANNED, ambassador, rng.choice(COMMENTS["planned"])))
            if roll < 0.03 or roll > 0.13:  # the rest stay stuck after planning
                events.append((implemented, AdoptionState.IMPLEMENTED, ambassador, rng.choice(COMMENTS["implemented"])))
        steps = []
        for day, state, reporter, comment in events:
            if day > today:
                break
            finished = state == AdoptionState.IMPLEMENTED
            evidence = f"{EVIDENCE}/{organisation.slug}/beslut-{self.index}" if finished else ""
            steps.append(
                AdoptionStep(state=state, date=day, comment=comment, evidence=evidence, reported_by_id=reporter)
            )
        adoption = Adoption(
            organisation=organisation,
            state=steps[-1].state if steps else AdoptionState.PENDING,
            state_since=steps[-1].date if steps else start,
        )
        return adoption, steps


def _meetings(world: _World, slots: set[int]) -> dict[int, Meeting]:
    """The meetings for these slots: those made by an earlier run, and the rest made now, held and approved."""
    starts = {slot: _starts(world.slots[slot]) for slot in slots}
    existing = {
        meeting.starts_at: meeting
        for meeting in Meeting.objects.filter(council=world.council, starts_at__in=starts.values())
    }
    meetings = {slot: existing[moment] for slot, moment in starts.items() if moment in existing}
    members = sorted(set(world.raisers) - {world.chair}) or [world.chair]
    new = []
    for slot in sorted(set(slots) - set(meetings)):
        day = world.slots[slot]
        meeting = Meeting(
            council=world.council,
            starts_at=starts[slot],
            ends_at=starts[slot] + datetime.timedelta(hours=3),
            place="Stadshuset, Rådssalen",
            status=MeetingStatus.APPROVED,
            approved_by_chair_id=world.chair,
            adjuster_id=members[slot % len(members)],
            approved_on=day + datetime.timedelta(days=7),
        )
        meetings[slot] = meeting
        new.append(meeting)
    Meeting.objects.bulk_create(new)
    if new and not new[0].pk:  # backends that do not return keys from bulk_create
        keys = dict(
            Meeting.objects.filter(council=world.council, starts_at__in=[m.starts_at for m in new]).values_list(
                "starts_at", "pk"
            )
        )
        for meeting in new:
            meeting.pk = keys[meeting.starts_at]
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            order=order,
            kind=kind,
            title=title,
            title_en=title_en,
            background=MARKER,
            raised_by_id=world.secretary,
        )
        for meeting in new
        for order, (kind, title, title_en) in enumerate(OTHER_ITEMS, start=1)
    )
    return meetings


def _insert(world: _World, rows: list[_Row]) -> None:
    meetings = _meetings(world, {row.slot for row in rows})
    for row in rows:
        row.item.meeting = meetings[row.slot]
        row.decision.reference = world.reference(row.decision.decided_on.year)
    items = AgendaItem.objects.bulk_create([row.item for row in rows])
    if items and not items[0].pk:
        found = AgendaItem.objects.filter(meeting__in=set(meetings.values()), kind=ItemKind.DECISION)
        keys = {(meeting, order): pk for meeting, order, pk in found.values_list("meeting_id", "order", "pk")}
        for item in items:
            item.pk = keys[(item.meeting_id, item.order)]
    for row in rows:
        row.decision.item = row.item
    decisions = Decision.objects.bulk_create([row.decision for row in rows])
    if decisions and not decisions[0].pk:
        found = Decision.objects.filter(reference__in=[decision.reference for decision in decisions])
        keys = dict(found.values_list("reference", "pk"))
        for decision in decisions:
            decision.pk = keys[decision.reference]
    for row in rows:
        for vote in row.votes:
            vote.decision = row.decision
        for adoption, _ in row.adoptions:
            adoption.decision = row.decision
    Vote.objects.bulk_create(vote for row in rows for vote in row.votes)
    pairs = [pair for row in rows for pair in row.adoptions]
    adoptions = Adoption.objects.bulk_create(adoption for adoption, _ in pairs)
    if adoptions and not adoptions[0].pk:
        keys = {
            (decision, organisation): pk
            for decision, organisation, pk in Adoption.objects.filter(decision__in=decisions).values_list(
                "decision_id", "organisation_id", "pk"
            )
        }
        for adoption in adoptions:
            adoption.pk = keys[(adoption.decision_id, adoption.organisation_id)]
    for adoption, steps in pairs:
        for step in steps:
            step.adoption = adoption
    AdoptionStep.objects.bulk_create(step for _, steps in pairs for step in steps)

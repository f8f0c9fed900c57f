"""Load the demo council: a year of meetings and decisions, and how each organisation adopted each decision.

Everything goes through the council's services, done by the person with the authority for it: the secretary
schedules, records and decides exemptions, a member adjusts the minutes, the chair approves them, and each
organisation's ambassador reports its adoption. History is dated on the day each step happened.

Idempotent: once the council's decisions are on record, a second load adds nothing.
"""

import calendar
import datetime
import random

from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from tvatakt.council import services
from tvatakt.council.choices import DONE_STATES, AdoptionState, Method, ReminderKind, Scope, VoteChoice
from tvatakt.council.models import Adoption, AdoptionStep, AgendaItem, Council, Decision, Meeting, Reminder
from tvatakt.demo import city
from tvatakt.demo.meetings import (
    ADJUSTERS,
    COMMENTS,
    COUNCIL,
    EVIDENCE,
    MEMBERS,
    PACE,
    PAST,
    PLANNED,
    SLUG,
    Exemption,
    Item,
)
from tvatakt.demo.portfolio import _dated_history
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment
from tvatakt.portfolio.models import Initiative

VOTING_ROLES = [Role.COUNCIL_CHAIR, Role.COUNCIL_MEMBER]
DECISION_TEXTS = [item.text for meeting in PAST for item in meeting.items if item.text]


def load_demo_council(password: str = "") -> int:
    """The council, its members and its year. Returns how many decisions were added."""
    council, _ = Council.objects.get_or_create(slug=SLUG, defaults=COUNCIL)
    _members(password)
    if Decision.objects.filter(item__meeting__council=council, text__in=DECISION_TEXTS).exists():
        return 0
    with _dated_history() as clock:
        year = _Year(council, clock)
        year.meet()
        year.adopt()
    record_past_reminders(council)
    return len(year.decisions)


def record_past_reminders(council: Council) -> None:
    """The demo's past has passed: the deadline reminders it called for went out on their days. Without them
    the demo's worker would send a year of reminders on its first sweep. Idempotent."""
    today = timezone.localdate()
    before = datetime.timedelta(days=council.remind_days_before)
    after = datetime.timedelta(days=council.remind_days_after)
    reminders = []
    open_adoptions = Adoption.objects.filter(decision__item__meeting__council=council).exclude(state__in=DONE_STATES)
    for pk, deadline, decided in open_adoptions.values_list("pk", "decision__deadline", "decision__decided_on"):
        if council.remind_days_before and deadline - before <= today:
            reminders.append(_sent(pk, ReminderKind.BEFORE, min(max(deadline - before, decided), today)))
        if council.remind_days_after and deadline + after <= today:
            reminders.append(_sent(pk, ReminderKind.AFTER, deadline + after))
    Reminder.objects.bulk_create(reminders, ignore_conflicts=True)


def _sent(adoption_pk: int, kind: str, day: datetime.date) -> Reminder:
    emailed = timezone.make_aware(datetime.datetime.combine(day, datetime.time(7, 15)))
    return Reminder(adoption_id=adoption_pk, kind=kind, sent_on=day, emailed_at=emailed)


def _members(password: str) -> None:
    for username, first, last, title, scope_kind, scope_key, since in MEMBERS:
        person = Person.objects.filter(username=username).first()
        if person is None:
            password = password or make_password(city.DEMO_PASSWORD)  # hashed once, and only when needed
            person = Person.objects.create(
                username=username,
                first_name=first,
                last_name=last,
                title=title,
                email=f"{username}@demo.example.org",
                password=password,
            )
        if RoleAssignment.objects.filter(person=person, role=Role.COUNCIL_MEMBER).exists():
            continue  # the demo does not overrule a change made in the app
        if scope_kind == "organisation":
            scope = {"organisation": Organisation.objects.get(name=scope_key)}
        else:
            scope = {"cluster": Cluster.objects.get(slug=scope_key)}
        assignment = RoleAssignment(
            person=person, role=Role.COUNCIL_MEMBER, valid_from=datetime.date.fromisoformat(since), **scope
        )
        assignment.full_clean()
        assignment.save()


def meeting_days(today: datetime.date, past: int, planned: int) -> tuple[list[datetime.date], list[datetime.date]]:
    """The council meets on the second Tuesday of each month, except in July and August. Returns the last
    `past` meeting days before today (oldest first) and the next `planned` ones from today on."""

    def second_tuesday(year: int, month: int) -> datetime.date:
        eighth = datetime.date(year, month, 8)
        return eighth + datetime.timedelta(days=(calendar.TUESDAY - eighth.weekday()) % 7)

    def months(step: int):
        index = today.year * 12 + today.month - 1
        while True:
            year, month = divmod(index, 12)
            if month + 1 not in (7, 8):
                yield second_tuesday(year, month + 1)
            index += step

    before = [day for day in _take(months(-1), lambda day: day < today, past)]
    after = [day for day in _take(months(1), lambda day: day >= today, planned)]
    return sorted(before), after


def _take(days, wanted, count: int) -> list[datetime.date]:
    found = []
    for day in days:
        if len(found) == count:
            break
        if wanted(day):
            found.append(day)
    return found


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class _Year:
    """The council's year, replayed meeting by meeting, then each organisation's adoption of each decision."""

    def __init__(self, council: Council, clock) -> None:
        self.council, self.clock = council, clock
        self.today = timezone.localdate()
        usernames = {"sekreterare", "radsordforande", *ADJUSTERS, *(member[0] for member in MEMBERS)}
        usernames |= {item.raised_by for meeting in PAST + PLANNED for item in meeting.items}
        self.people = {person.username: person for person in Person.objects.filter(username__in=usernames)}
        self.secretary, self.chair = self.people["sekreterare"], self.people["radsordforande"]
        self.voters = ["radsordforande", "radsledamot", *(member[0] for member in MEMBERS)]
        self.organisations = {organisation.name: organisation for organisation in Organisation.objects.all()}
        self.clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
        titles = {title for meeting in PAST + PLANNED for item in meeting.items for title in item.initiatives}
        self.initiatives = {
            initiative.title: initiative for initiative in Initiative.objects.filter(title__in=titles).order_by("pk")
        }
        self.ambassadors: dict[int, Person] = {}
        self.deputies: dict[int, Person] = {}
        roles = RoleAssignment.objects.active().filter(role=Role.AMBASSADOR).select_related("person")
        for role in roles.order_by("valid_from", "pk"):
            (self.deputies if role.is_deputy else self.ambassadors).setdefault(role.organisation_id, role.person)
        self.decisions: list[tuple[Decision, Item]] = []
        self.by_key: dict[str, Decision] = {}

    # -- Meetings -----------------------------------------------------------------------------------------

    def meet(self) -> None:
        past_days, planned_days = meeting_days(self.today, len(PAST), len(PLANNED))
        for number, (plan, day) in enumerate(zip(PAST, past_days, strict=True)):
            meeting, items = self._schedule(plan, day)
            self.clock.at(day)
            services.meeting_mark_held(actor=self.secretary, meeting=meeting)
            for item_plan, item in zip(plan.items, items, strict=True):
                if item_plan.text:
                    self._decide(item, item_plan, day)
            if number < len(PAST) - 1:  # the latest minutes are still being written
                adjuster = self.people[ADJUSTERS[number % len(ADJUSTERS)]]
                self.clock.at(min(self.today, day + datetime.timedelta(days=5)))
                meeting = services.minutes_adjust(actor=adjuster, meeting=meeting)
                approved = min(self.today, day + datetime.timedelta(days=8))
                self.clock.at(approved)
                services.minutes_approve(actor=self.chair, meeting=meeting, on=approved)
        for plan, day in zip(PLANNED, planned_days, strict=True):
            self._schedule(plan, day)
        self.clock.at(None)

    def _schedule(self, plan, day: datetime.date) -> tuple[Meeting, list[AgendaItem]]:
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(plan.hour)))
        self.clock.at(min(self.today, day - datetime.timedelta(days=21)))
        meeting = services.meeting_schedule(
            actor=self.secretary,
            council=self.council,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            place=plan.place,
        )
        items = [
            services.agenda_item_add(
                actor=self.secretary,
                meeting=meeting,
                kind=item.kind,
                title=item.title,
                title_en=item.title_en,
                background=item.background,
                background_en=item.background_en,
                raised_by=self.people[item.raised_by],
                initiatives=[self.initiatives[title] for title in item.initiatives if title in self.initiatives],
            )
            for item in plan.items
        ]
        for plan_item, item in zip(plan.items, items, strict=True):
            if plan_item.kind == "decision" and plan_item.background:
                memo = f"Beslutsunderlag: {plan_item.title}\n\n{plan_item.background}\n".encode()
                services.attachment_add(
                    actor=self.secretary,
                    item=item,
                    title="Beslutsunderlag",
                    file=SimpleUploadedFile(f"beslutsunderlag-{slugify(plan_item.title)[:40]}.txt", memo),
                )
        return meeting, items

    def _decide(self, item: AgendaItem, plan: Item, day: datetime.date) -> None:
        fields = {
            "text": plan.text,
            "text_en": plan.text_en,
            "decided_on": day,
            "deadline": add_months(day, plan.months),
            "method": Method.VOTE if plan.ballot else Method.CONSENSUS,
        }
        if plan.ballot:
            fields["votes"] = self._votes(plan, day)
        if plan.corrects:
            decision = services.decision_correct(
                actor=self.secretary, decision=self.by_key[plan.corrects], item=item, **fields
            )
        else:
            decision = services.decision_record(actor=self.secretary, item=item, **fields, **self._scope(plan))
        self.decisions.append((decision, plan))
        self.by_key[plan.key] = decision

    def _scope(self, plan: Item) -> dict:
        if plan.scope == "all":
            return {"scope": Scope.ALL}
        if isinstance(plan.scope, str):
            return {"scope": Scope.CLUSTER, "scope_cluster": self.clusters[plan.scope]}
        return {"scope": Scope.LIST, "organisations": [self.organisations[name] for name in plan.scope]}

    def _votes(self, plan: Item, day: datetime.date) -> dict[Person, str]:
        """Every member in office on the day votes, except those away; for, unless the ballot says otherwise."""
        ballot = plan.ballot
        in_office = set(
            RoleAssignment.objects.active(day)
            .filter(role__in=VOTING_ROLES, person__username__in=self.voters)
            .values_list("person__username", flat=True)
        )
        votes = {}
        for username in self.voters:
            if username not in in_office or username in ballot.absent:
                continue
            choice = VoteChoice.FOR
            if username in ballot.against:
                choice = VoteChoice.AGAINST
            elif username in ballot.abstain:
                choice = VoteChoice.ABSTAIN
            votes[self.people[username]] = choice
        return votes

    # -- Adoption ---------------------------------------------------------------------------------------------

    def adopt(self) -> None:
        for decision, plan in self.decisions:
            exemptions = {exemption.organisation: exemption for exemption in plan.exemptions}
            for adoption in decision.adoptions.select_related("organisation").order_by("organisation__name"):
                name = adoption.organisation.name
                rng = random.Random(f"{plan.key}/{name}")  # noqa: S311 - demo data, the same on every load
                self._replay(decision, plan, adoption, rng, exemptions.get(name))
        self.clock.at(None)

    def _replay(self, decision: Decision, plan: Item, adoption: Adoption, rng, exemption: Exemption | None) -> None:
        state = AdoptionState.PENDING
        organisation = adoption.organisation
        for day, event, detail in self._course(decision, plan, organisation.name, rng, exemption):
            if day > self.today:
                break
            self.clock.at(day)
            if event == "decide":
                step = services.adoption_exemption_decide(
                    actor=self.secretary, adoption=adoption, grant=detail.grant, reason=detail.answer
                )
                self._back_date(adoption, step, day)
                state = step.state
                continue
            ambassador = self.ambassadors[organisation.pk]
            deputy = self.deputies.get(organisation.pk)
            actor = deputy if deputy and event == AdoptionState.INFORMED and rng.random() < 0.4 else ambassador
            if event == AdoptionState.EXEMPTION_REQUESTED:
                comment, evidence = detail.reason, ""
            else:
                comment = rng.choice(COMMENTS[event.value])
                evidence = ""
                if event == AdoptionState.IMPLEMENTED:
                    evidence = f"{EVIDENCE}/{organisation.slug}/{slugify(plan.title)[:60]}"
            services.adoption_report(
                actor=actor,
                adoption=adoption,
                state=event,
                seen_state=state,
                comment=comment,
                evidence=evidence,
                date=day,
            )
            state = event

    def _course(self, decision: Decision, plan: Item, name: str, rng, exemption: Exemption | None) -> list[tuple]:
        """What the organisation did, and when: (day, state or "decide", detail), in order."""

        def after(day: datetime.date, days: float) -> datetime.date:
            return day + datetime.timedelta(days=max(1, round(days)))

        start = decision.decided_on
        window = max(30, (decision.deadline - start).days)
        pace = PACE.get(name, 0.8 + 0.5 * random.Random(name).random()) * plan.pace  # noqa: S311
        factor = pace * rng.uniform(0.55, 1.25)
        informed = after(start, rng.uniform(1, 20) * pace)
        planned = max(after(informed, 3), after(start, window * factor * rng.uniform(0.3, 0.5)))
        implemented = max(after(planned, 7), after(start, window * factor))
        roll = rng.random()
        if exemption:
            asked = after(informed, rng.randint(3, 10))
            events = [(informed, AdoptionState.INFORMED, None), (asked, AdoptionState.EXEMPTION_REQUESTED, exemption)]
            if exemption.grant is not None:
                answered = after(asked, rng.randint(7, 21))
                events.append((answered, "decide", exemption))
                if not exemption.grant:
                    planned = after(answered, rng.randint(10, 25))
                    implemented = after(planned, rng.randint(30, 60))
                    events += [(planned, AdoptionState.PLANNED, None), (implemented, AdoptionState.IMPLEMENTED, None)]
            return events
        if roll < 0.04:
            return []  # no word from them
        events = [(informed, AdoptionState.INFORMED, None), (planned, AdoptionState.PLANNED, None)]
        if roll >= 0.1:  # some get stuck after planning
            events.append((implemented, AdoptionState.IMPLEMENTED, None))
        return events

    def _back_date(self, adoption: Adoption, step: AdoptionStep, day: datetime.date) -> None:
        """The secretary's answer is dated today by the service; in the demo's past it came on `day`."""
        AdoptionStep.objects.filter(pk=step.pk).update(date=day)
        Adoption.objects.filter(pk=adoption.pk).update(state_since=day)
        latest = Adoption.history.filter(id=adoption.pk).order_by("-history_id").values_list("history_id").first()
        if latest:
            Adoption.history.filter(history_id=latest[0]).update(state_since=day)

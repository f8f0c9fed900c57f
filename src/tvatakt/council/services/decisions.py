"""Recording council decisions: quorum and votes, reference numbers, scope, and corrections."""

import datetime
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.council.choices import ItemKind, Method, Scope, VoteChoice
from tvatakt.council.models import Adoption, AgendaItem, Council, Decision, Vote
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment

VOTING_ROLES = [Role.COUNCIL_CHAIR, Role.COUNCIL_MEMBER]
EDITABLE = {"text", "text_en", "deadline"}


def _next_reference(year: int) -> str:
    """DR-YYYY-NNN: the year's next number. Called with the council row locked, so numbers never repeat."""
    numbers = [
        int(match.group(1))
        for reference in Decision.objects.filter(reference__startswith=f"DR-{year}-").values_list(
            "reference", flat=True
        )
        if (match := re.fullmatch(rf"DR-{year}-(\d+)", reference))
    ]
    return f"DR-{year}-{max(numbers, default=0) + 1:03d}"


def _check_votes(council: Council, votes: dict[Person, str], day: datetime.date) -> None:
    members = set(RoleAssignment.objects.active(day).filter(role__in=VOTING_ROLES).values_list("person_id", flat=True))
    outsiders = [person for person in votes if person.pk not in members]
    if outsiders:
        names = ", ".join(str(person) for person in outsiders)
        raise DomainError({"votes": _("Only council members vote. Not members: %(names)s.") % {"names": names}})
    if any(choice not in VoteChoice.values for choice in votes.values()):
        raise DomainError({"votes": _("Each vote must be for, against or abstain.")})
    counts = {choice: list(votes.values()).count(choice) for choice in VoteChoice.values}
    shown = {"for": counts["for"], "against": counts["against"], "abstain": counts["abstain"], "quorum": council.quorum}
    if len(votes) < council.quorum:
        raise DomainError(
            {"votes": _("No quorum: %(for)s for, %(against)s against, %(abstain)s abstaining; %(quorum)s must "
                        "take part.") % shown}
        )  # fmt: skip
    if counts["for"] <= counts["against"]:
        raise DomainError(
            {"votes": _("The proposal did not pass: %(for)s for, %(against)s against, %(abstain)s abstaining.") % shown}
        )


def _in_scope(scope: str, cluster: Cluster | None, organisations) -> list[Organisation]:
    if scope == Scope.ALL:
        return list(Organisation.objects.filter(is_active=True))
    if scope == Scope.CLUSTER:
        return list(cluster.members.filter(is_active=True)) if cluster else []
    return list(organisations)


def decision_record(
    *,
    actor: Person | None,
    item: AgendaItem,
    text: str,
    deadline: datetime.date,
    method: str,
    scope: str,
    text_en: str = "",
    decided_on: datetime.date | None = None,
    scope_cluster: Cluster | None = None,
    organisations=(),
    votes: dict[Person, str] | None = None,
    corrects: Decision | None = None,
) -> Decision:
    """Record the council's decision on an agenda item, and an adoption record for each organisation it
    applies to, as they are on the decision date."""
    require(actor, "council.manage")
    decided_on = decided_on or item.meeting.starts_at.date()
    if item.kind != ItemKind.DECISION:
        raise DomainError(_("Only an item for decision can have a decision."))
    if method == Method.VOTE:
        _check_votes(item.meeting.council, votes or {}, decided_on)
    elif votes:
        raise DomainError({"votes": _("A decision by consensus has no votes.")})
    affected = _in_scope(scope, scope_cluster, organisations)
    if not affected:
        raise DomainError({"scope": _("The decision must apply to at least one organisation.")})
    with transaction.atomic():
        council = Council.objects.select_for_update().get(pk=item.meeting.council_id)
        if item.meeting.minutes_approved and corrects is None:
            raise DomainError(_("The minutes of this meeting are approved. Record a correction instead."))
        if Decision.objects.filter(item=item).exists():
            raise DomainError(_("This item already has a decision."))
        decision = Decision(
            item=item, reference=_next_reference(decided_on.year), text=text, text_en=text_en,
            decided_on=decided_on, method=method, deadline=deadline, scope=scope, scope_cluster=scope_cluster,
            corrects=corrects,
        )  # fmt: skip
        decision.full_clean()
        save_as(decision, actor)
        Vote.objects.bulk_create(
            Vote(decision=decision, member=person, choice=c) for person, c in (votes or {}).items()
        )
        Adoption.objects.bulk_create(
            Adoption(decision=decision, organisation=organisation, state_since=decided_on) for organisation in affected
        )
        council.save(update_fields=["updated_at"])  # the lock's row; touching it orders concurrent numbering
    return decision


def decision_update(*, actor: Person | None, decision: Decision, **fields) -> Decision:
    """Fix the wording or deadline while the minutes are a draft. After approval, only a correction can."""
    require(actor, "council.manage")
    if set(fields) - EDITABLE:
        raise ValueError(f"not editable: {sorted(set(fields) - EDITABLE)}")
    with transaction.atomic():
        decision = Decision.objects.select_for_update().select_related("item__meeting").get(pk=decision.pk)
        if decision.item.meeting.minutes_approved:
            raise DomainError(
                _("%(reference)s is a public record: its minutes are approved. Record a correction that refers to it.")
                % {"reference": decision.reference}
            )
        for name, value in fields.items():
            setattr(decision, name, value)
        decision.full_clean()
        save_as(decision, actor)
    return decision


def decision_correct(*, actor: Person | None, decision: Decision, item: AgendaItem, **fields) -> Decision:
    """A new decision, on a new agenda item, that corrects an earlier one. The earlier one stays as it was."""
    fields.setdefault("scope", decision.scope)
    fields.setdefault("scope_cluster", decision.scope_cluster)
    fields.setdefault("method", decision.method)
    fields.setdefault("deadline", max(decision.deadline, timezone.localdate()))
    if fields["scope"] == Scope.LIST:
        fields.setdefault("organisations", [a.organisation for a in decision.adoptions.select_related("organisation")])
    return decision_record(actor=actor, item=item, corrects=decision, **fields)

"""Each unit's process catalogue. Editing a type's phases never disturbs initiatives under way."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.organisation.models import Person, Unit
from tvatakt.organisation.services import unique_slug
from tvatakt.portfolio.models import GateDecision, Initiative, Phase, ProcessType
from tvatakt.portfolio.services.common import save_as


@dataclass
class PhaseSpec:
    """A phase as the editor wants it. `pk` is None for a new phase."""

    name: str
    default_days: int
    name_en: str = ""
    gate: str = ""
    gate_en: str = ""
    rule: str = ""
    pk: int | None = None


def process_type_create(
    *,
    actor: Person | None,
    unit: Unit,
    name: str,
    mode: str,
    phases: list[PhaseSpec],
    name_en: str = "",
    description: str = "",
    description_en: str = "",
) -> ProcessType:
    require(actor, "portfolio.manage_process_types", unit)
    process_type = ProcessType(
        unit=unit, name=name, name_en=name_en, description=description, description_en=description_en, mode=mode
    )
    process_type.slug = unique_slug(ProcessType, name)
    process_type.full_clean()
    with transaction.atomic():
        save_as(process_type, actor)
        _write_phases(actor, process_type, phases)
    return process_type


def process_type_update(
    *,
    actor: Person | None,
    process_type: ProcessType,
    name: str,
    phases: list[PhaseSpec],
    name_en: str = "",
    description: str = "",
    description_en: str = "",
    is_active: bool = True,
) -> ProcessType:
    """Rename, describe, retire or re-phase a process type.

    A phase left out is deleted if no initiative was ever in it, and retired otherwise: initiatives in
    it stay there until their next gate, and past gate decisions keep pointing at it.
    """
    require(actor, "portfolio.manage_process_types", process_type)
    process_type.name, process_type.name_en = name, name_en
    process_type.description, process_type.description_en = description, description_en
    process_type.is_active = is_active
    process_type.full_clean()
    with transaction.atomic():
        save_as(process_type, actor)
        _write_phases(actor, process_type, phases)
    return process_type


def _write_phases(actor, process_type: ProcessType, specs: list[PhaseSpec]) -> None:
    if not specs:
        raise DomainError({"phases": _("A process type needs at least one phase.")})
    existing = {phase.pk: phase for phase in process_type.phases.all()}
    for order, spec in enumerate(specs, start=1):
        if spec.pk is not None and spec.pk not in existing:
            raise DomainError({"phases": _("A phase in the form does not belong to this process type.")})
        phase = existing.pop(spec.pk) if spec.pk is not None else Phase(process_type=process_type)
        for field in ("name", "name_en", "gate", "gate_en", "default_days", "rule"):
            setattr(phase, field, getattr(spec, field))
        phase.order, phase.is_active = order, True
        try:
            phase.full_clean(exclude=["process_type"])
        except ValidationError as exc:
            problem = "; ".join(exc.messages)
            raise DomainError({"phases": _("Phase %(n)s: %(problem)s") % {"n": order, "problem": problem}}) from exc
        save_as(phase, actor)
    for phase in existing.values():
        used = (
            Initiative.objects.filter(current_phase=phase).exists() or GateDecision.objects.filter(phase=phase).exists()
        )
        if used:
            phase.is_active = False
            save_as(phase, actor)
        else:
            phase._history_user = actor
            phase.delete()

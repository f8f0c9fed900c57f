"""Load the demo city's process catalogue and portfolio. Idempotent, like the rest of the demo."""

from tvatakt.demo.processes import PROCESS_TYPES
from tvatakt.organisation.models import Unit
from tvatakt.portfolio.models import Phase, ProcessType


def load_process_types() -> dict[str, ProcessType]:
    """The catalogue, created once. A unit head's later edits are kept: existing types are not touched."""
    units = {unit.slug: unit for unit in Unit.objects.all()}
    types = {}
    for slug, unit, name, name_en, mode, description, description_en, phases in PROCESS_TYPES:
        process_type, created = ProcessType.objects.get_or_create(
            slug=slug,
            defaults={
                "unit": units[unit],
                "name": name,
                "name_en": name_en,
                "mode": mode,
                "description": description,
                "description_en": description_en,
            },
        )
        if created:
            Phase.objects.bulk_create(
                Phase(
                    process_type=process_type,
                    order=order,
                    name=phase_name,
                    name_en=phase_name_en,
                    gate=gate,
                    gate_en=gate_en,
                    default_days=days,
                    rule=rule,
                )
                for order, (phase_name, phase_name_en, gate, gate_en, days, rule) in enumerate(phases, start=1)
            )
        types[slug] = process_type
    return types

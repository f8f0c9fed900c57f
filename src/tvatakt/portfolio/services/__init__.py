"""Every change to the portfolio goes through these functions, whichever door it came in by."""

from tvatakt.portfolio.services.benefits import benefit_create, benefit_follow_up
from tvatakt.portfolio.services.gates import gate_decide, overrun_resolve, sprint_outcome_decide
from tvatakt.portfolio.services.initiatives import initiative_check_in, initiative_create, initiative_update
from tvatakt.portfolio.services.process_types import process_type_create, process_type_update

__all__ = [
    "benefit_create",
    "benefit_follow_up",
    "gate_decide",
    "initiative_check_in",
    "initiative_create",
    "initiative_update",
    "overrun_resolve",
    "process_type_create",
    "process_type_update",
    "sprint_outcome_decide",
]

from tvatakt.portfolio.models.initiative import Initiative
from tvatakt.portfolio.models.process import Phase, ProcessType
from tvatakt.portfolio.models.tracking import Benefit, BenefitFollowUp, CheckIn, GateDecision

__all__ = ["Benefit", "BenefitFollowUp", "CheckIn", "GateDecision", "Initiative", "Phase", "ProcessType"]

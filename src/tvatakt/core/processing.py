"""The record of processing (GDPR art. 30): each purpose the platform holds personal data for, its legal basis,
what data, whose, and how long. Apps add their purposes when they start (their AppConfig.ready); the privacy page
shows them all, so what it says is what the code registered, next to the code that does it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    PUBLIC_TASK = "public_task", _("Public task: the city's work (GDPR art. 6.1 e)")
    CONSENT = "consent", _("Consent: only if you say yes, and you can take it back (GDPR art. 6.1 a)")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation: a law requires it (GDPR art. 6.1 c)")


@dataclass(frozen=True)
class Purpose:
    area: str  # the part of the service, as readers know it
    name: str
    basis: LegalBasis
    data: tuple[str, ...]
    whose: str
    retention: Callable[[], str]  # a function: the period may follow settings


_PURPOSES: dict[tuple[str, str], Purpose] = {}


def register(*purposes: Purpose) -> None:
    for purpose in purposes:
        _PURPOSES[(str(purpose.area), str(purpose.name))] = purpose  # registering twice (tests reload) is once


def purposes() -> list[Purpose]:
    return list(_PURPOSES.values())

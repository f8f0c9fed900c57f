"""Choices for digital-inclusion events and their registrations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    DIALOGUE = "dialogue", _("Dialogue meeting")
    CODING_PARTY = "coding_party", _("Coding party for children")
    SENIOR_CAFE = "senior_cafe", _("Senior café")
    MANAGERS = "managers", _("Workshop for managers")


class EventState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", pgettext_lazy("an event", "Cancelled")


class Language(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    EASY_SWEDISH = "sv-easy", _("Easy Swedish (lättläst)")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    SOMALI = "so", _("Somali")
    FINNISH = "fi", _("Finnish")


CONSENT_AGE = 13  # under it a guardian consents (dataskyddslagen 2018:218, 2 kap. 4 §)


class AgeGroup(models.TextChoices):
    CHILD = "7-12", _("7–12 years")
    TEEN = "13-17", _("13–17 years")
    YOUNG = "18-29", _("18–29 years")
    ADULT = "30-49", _("30–49 years")
    MIDDLE = "50-64", _("50–64 years")
    SENIOR = "65-74", _("65–74 years")
    ELDER = "75-85", _("75–85 years")


def age_bounds(code: str) -> tuple[int, int]:
    """An age group's youngest and oldest age: "13-17" is (13, 17)."""
    low, high = code.split("-")
    return int(low), int(high)


def needs_guardian(code: str) -> bool:
    return age_bounds(code)[0] < CONSENT_AGE


CHILD_GROUPS = [code for code in AgeGroup.values if needs_guardian(code)]


class Need(models.TextChoices):
    SIGN_LANGUAGE = "sign_language", _("Sign-language interpreter")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    WHEELCHAIR = "wheelchair", _("Wheelchair access")
    EASY_READ = "easy_read", _("Easy-to-read material")
    COMPANION = "companion", _("A companion (who comes free)")


class RegistrationStatus(models.TextChoices):
    PENDING_CONSENT = "pending_consent", _("Waiting for a guardian's consent")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Offered a seat")
    CANCELLED = "cancelled", pgettext_lazy("a registration", "Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


# The API's schema names enums by their class name, and another app has a Status too: the longer name keeps both.
Status = RegistrationStatus


# Statuses that hold seats: the event's seat count is the sum of their seats.
HOLDS_SEATS = (Status.PENDING_CONSENT, Status.CONFIRMED, Status.OFFERED, Status.ATTENDED)
ACTIVE = (*HOLDS_SEATS, Status.WAITING)


class Audience(models.TextChoices):
    """To whom a host's message goes."""

    COMING = "coming", _("Those coming")
    WAITING = "waiting", _("The waiting list")
    EVERYONE = "everyone", _("Everyone: those coming and the waiting list")


# Who each audience is. Those checked in are still coming: a message on the day reaches them too.
AUDIENCE_STATUSES = {Audience.COMING: HOLDS_SEATS, Audience.WAITING: (Status.WAITING,), Audience.EVERYONE: ACTIVE}

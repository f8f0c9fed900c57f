"""Recognition events and the policy that weighs them. Events are made by the portfolio's and the council's
services when something recognisable happens; nobody types one in, least of all the one it rewards."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tvatakt.core.models import TimeStampedModel
from tvatakt.recognition.choices import EventKind, Tempo


class Policy(TimeStampedModel):
    """A version of the points each kind of event is worth. Never edited: a change is a new version, and an
    event keeps the points of the version in force when it was earned."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    weights = models.JSONField(_("points per kind of event"))
    note = models.CharField(_("why it changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("set by"), on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("recognition policy")
        verbose_name_plural = _("recognition policies")
        ordering = ["-version"]

    def __str__(self) -> str:
        return str(_("Policy %(version)s") % {"version": self.version})

    def points(self, kind: str) -> int:
        return int(self.weights.get(kind, 0))


class Event(TimeStampedModel):
    """Something recognisable that happened: who it rewards (initiative, organisation, unit, person), how many
    points it earned and under which policy. One per kind and subject, however often it is reported."""

    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    # What the event is about, e.g. "gate:12" or "adoption:345": with the kind, it makes the event idempotent.
    subject = models.CharField(_("subject"), max_length=60)
    tempo = models.CharField(_("tempo"), max_length=12, choices=Tempo.choices)
    points = models.PositiveSmallIntegerField(_("points"))
    policy = models.ForeignKey(Policy, verbose_name=_("policy"), on_delete=models.PROTECT, related_name="events")
    occurred_on = models.DateField(_("date"))
    quarter = models.DateField(_("quarter"), help_text=_("The first day of the quarter it happened in."))
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="recognition_events",
    )  # fmt: skip
    organisation = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, null=True,
        blank=True, related_name="recognition_events",
    )  # fmt: skip
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="recognition_events",
    )  # fmt: skip
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="recognition_events",
    )  # fmt: skip

    class Meta:
        verbose_name = _("recognition event")
        verbose_name_plural = _("recognition events")
        ordering = ["-occurred_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "subject"], name="one_event_per_kind_and_subject")]
        indexes = [
            models.Index(fields=["quarter", "tempo"]),
            models.Index(fields=["organisation", "quarter"]),
            models.Index(fields=["unit", "quarter"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.subject})"

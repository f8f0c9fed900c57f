"""What happens to an initiative over time: gate decisions, check-ins and the benefits it should realise."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.i18n import localized
from tvatakt.core.models import TimeStampedModel
from tvatakt.portfolio.choices import GateChoice, Health


class GateDecision(TimeStampedModel):
    """A decision to leave, keep, redo or stop a phase. A public record: it is never edited."""

    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="gate_decisions"
    )
    sequence = models.PositiveIntegerField(_("number"))
    phase = models.ForeignKey("portfolio.Phase", verbose_name=_("phase"), on_delete=models.PROTECT, related_name="+")
    # The phase's name when decided: renaming a phase later must not rewrite what was decided.
    phase_name = models.CharField(_("phase name"), max_length=120)
    decision = models.CharField(_("decision"), max_length=10, choices=GateChoice.choices)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(_("decided on"))
    due_on = models.DateField(_("gate due on"), help_text=_("When the phase should have been done, by its plan."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gate decision")
        verbose_name_plural = _("gate decisions")
        ordering = ["initiative", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "sequence"], name="one_gate_decision_per_revision"),
        ]

    def __str__(self) -> str:
        return f"{self.phase_name}: {self.get_decision_display()}"

    @property
    def on_time(self) -> bool:
        return self.decided_on <= self.due_on


class CheckIn(TimeStampedModel):
    """A dated status update: how the initiative is doing and why."""

    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="check_ins"
    )
    date = models.DateField(_("date"))
    health = models.CharField(_("health"), max_length=5, choices=Health.choices)
    text = models.TextField(_("status"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["initiative", "-date", "-pk"]
        indexes = [models.Index(fields=["initiative", "-date"])]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_health_display()}"


class Benefit(TimeStampedModel):
    """A measurable gain a marathon initiative should realise (DIGG's nyttorealisering)."""

    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="benefits"
    )
    name = models.CharField(_("benefit (Swedish)"), max_length=200)
    name_en = models.CharField(_("benefit (English)"), max_length=200, blank=True)
    measure = models.CharField(_("measured as"), max_length=120, help_text=_("For example: hours per year, or %."))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("benefit owner"), on_delete=models.PROTECT, related_name="+"
    )
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    due_on = models.DateField(_("to be realised by"))
    latest_value = models.DecimalField(_("latest value"), max_digits=14, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        ordering = ["initiative", "due_on", "pk"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return localized(self, "name")

    @property
    def is_realised(self) -> bool:
        """Has the latest follow-up reached the target, in whichever direction the target lies?"""
        if self.latest_value is None:
            return False
        if self.target >= self.baseline:
            return self.latest_value >= self.target
        return self.latest_value <= self.target

    def clean(self) -> None:
        if self.baseline is not None and self.baseline == self.target:
            raise ValidationError(
                {"target": _("The target must differ from the baseline, or there is nothing to gain.")}
            )


class BenefitFollowUp(TimeStampedModel):
    """A measurement of a benefit on a date."""

    benefit = models.ForeignKey(Benefit, verbose_name=_("benefit"), on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("benefit follow-up")
        verbose_name_plural = _("benefit follow-ups")
        ordering = ["benefit", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.date}: {self.value}"

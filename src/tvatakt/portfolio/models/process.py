"""The process catalogue: each unit's process types, marathon or sprint, and their phases."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.i18n import localized
from tvatakt.core.models import BilingualModel, TimeStampedModel
from tvatakt.portfolio.choices import Mode, PhaseRule


class ProcessType(BilingualModel):
    """A way of working that a unit has chosen, such as a procurement under LOU or a fast project."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="process_types"
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("New initiatives can only use process types that are in use.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("process type")
        verbose_name_plural = _("process types")
        ordering = ["mode", "name"]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("portfolio:process_type_detail", kwargs={"slug": self.slug})


class Phase(TimeStampedModel):
    """One step of a process type. Leaving it needs a gate decision.

    A phase that initiatives have been in is never deleted, only retired, so that an initiative under
    way and every gate decided in the past keep pointing at the phase they concerned.
    """

    process_type = models.ForeignKey(
        ProcessType, verbose_name=_("process type"), on_delete=models.CASCADE, related_name="phases"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    gate = models.CharField(
        _("gate (Swedish)"), max_length=300, blank=True, help_text=_("The decision needed to leave this phase.")
    )
    gate_en = models.CharField(_("gate (English)"), max_length=300, blank=True)
    default_days = models.PositiveIntegerField(
        _("default duration (days)"), validators=[MinValueValidator(1), MaxValueValidator(3650)]
    )
    rule = models.CharField(_("special rule"), max_length=20, choices=PhaseRule.choices, blank=True, default="")
    is_active = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["process_type", "order", "pk"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return localized(self, "name")

    @property
    def display_gate(self) -> str:
        return localized(self, "gate")

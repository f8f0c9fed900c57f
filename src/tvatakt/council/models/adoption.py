"""Adoption: each affected organisation's progress on a decision, reported by its ambassador."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.models import TimeStampedModel
from tvatakt.council.choices import DONE_STATES, AdoptionState


class AdoptionQuerySet(models.QuerySet):
    def overdue(self, today=None) -> "AdoptionQuerySet":
        today = today or timezone.localdate()
        return self.exclude(state__in=DONE_STATES).filter(decision__deadline__lt=today)


class Adoption(TimeStampedModel):
    """One organisation's way from informed to implemented (or exempted) on one decision.

    The organisations are fixed on the decision date: a cluster that changes later does not change them.
    """

    decision = models.ForeignKey(
        "council.Decision", verbose_name=_("decision"), on_delete=models.CASCADE, related_name="adoptions"
    )
    organisation = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="adoptions"
    )
    state = models.CharField(_("state"), max_length=20, choices=AdoptionState.choices, default=AdoptionState.PENDING)
    state_since = models.DateField(_("in this state since"))
    history = HistoricalRecords()

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["decision", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "organisation"], name="one_adoption_per_organisation")
        ]
        indexes = [models.Index(fields=["organisation", "state"])]

    def __str__(self) -> str:
        return f"{self.decision}: {self.organisation}"

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.state not in DONE_STATES and self.decision.deadline < today


class AdoptionStep(TimeStampedModel):
    """A step on the way, with its date, a comment, and evidence when implemented. Never edited."""

    adoption = models.ForeignKey(Adoption, verbose_name=_("adoption"), on_delete=models.CASCADE, related_name="steps")
    state = models.CharField(_("state"), max_length=20, choices=AdoptionState.choices)
    date = models.DateField(_("date"))
    comment = models.TextField(_("comment"), blank=True)
    evidence = models.URLField(_("evidence"), blank=True, help_text=_("A link that shows it is done."))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("adoption step")
        verbose_name_plural = _("adoption steps")
        ordering = ["adoption", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_state_display()}"

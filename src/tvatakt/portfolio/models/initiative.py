"""Initiatives: one piece of work in the portfolio, run at marathon or sprint tempo."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.models import TimeStampedModel, TitledInTwoLanguages
from tvatakt.portfolio.choices import CHECK_IN_CADENCE_DAYS, OPEN_STATUSES, Health, Mode, Outcome, Status
from tvatakt.portfolio.dates import quarter_end, quarter_label, quarter_start, standstill_end

MONEY = {"max_digits": 14, "decimal_places": 0, "validators": [MinValueValidator(0)]}


class InitiativeQuerySet(models.QuerySet):
    def public(self) -> "InitiativeQuerySet":
        return self.filter(is_confidential=False)

    def visible_to(self, user) -> "InitiativeQuerySet":
        """What `user` may see: everything public, and the confidential ones they have a part in."""
        from tvatakt.organisation.choices import Role
        from tvatakt.organisation.permissions import active_roles

        if not getattr(user, "is_authenticated", False):
            return self.public()
        roles = active_roles(user)
        if user.is_superuser or any(row[0] == Role.IT_DIRECTOR for row in roles):
            return self
        headed = [row[1] for row in roles if row[0] == Role.UNIT_HEAD]
        on_team = Initiative.team.through.objects.filter(person_id=user.pk).values("initiative_id")
        return self.filter(Q(is_confidential=False) | Q(unit_id__in=headed) | Q(lead_id=user.pk) | Q(pk__in=on_team))

    def open(self) -> "InitiativeQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def overrun(self, today: datetime.date | None = None) -> "InitiativeQuerySet":
        today = today or timezone.localdate()
        return self.open().filter(process_type__mode=Mode.SPRINT, outcome="", timebox_end__lt=today)

    def stale(self, today: datetime.date | None = None) -> "InitiativeQuerySet":
        """Open initiatives whose last check-in (or start, if none yet) is older than their cadence."""
        today = today or timezone.localdate()
        conditions = Q()
        for mode, days in CHECK_IN_CADENCE_DAYS.items():
            since = today - datetime.timedelta(days=days)
            conditions |= Q(process_type__mode=mode) & (
                Q(last_check_in_on__lt=since) | Q(last_check_in_on__isnull=True, start_date__lt=since)
            )
        return self.filter(status=Status.ACTIVE).filter(conditions)


class Initiative(TitledInTwoLanguages, TimeStampedModel):
    """One piece of work in the portfolio, following the phases of its process type."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    title = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    process_type = models.ForeignKey(
        "portfolio.ProcessType", verbose_name=_("process type"), on_delete=models.PROTECT, related_name="initiatives"
    )
    current_phase = models.ForeignKey(
        "portfolio.Phase", verbose_name=_("current phase"), on_delete=models.PROTECT, related_name="+"
    )
    phase_entered_on = models.DateField(_("in this phase since"))
    organisation = models.ForeignKey(
        "organisation.Organisation",
        verbose_name=_("owning organisation"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="initiatives"
    )
    clusters = models.ManyToManyField(
        "organisation.Cluster", verbose_name=_("clusters"), blank=True, related_name="initiatives"
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead"),
        on_delete=models.PROTECT,
        related_name="led_initiatives",
        null=True,
        blank=True,
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("team"), blank=True, related_name="initiative_teams"
    )
    start_date = models.DateField(_("start date"))
    planned_end = models.DateField(_("planned end"))
    baseline_end = models.DateField(
        _("baseline end"), help_text=_("The planned end when the initiative started, to measure slip against.")
    )
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    health = models.CharField(_("health"), max_length=5, choices=Health.choices, default=Health.GREEN)
    health_reason = models.TextField(_("reason for the health"), blank=True)
    budget_planned = models.DecimalField(_("planned budget (SEK)"), default=0, **MONEY)
    budget_spent = models.DecimalField(_("spent so far (SEK)"), default=0, **MONEY)
    is_confidential = models.BooleanField(
        _("confidential"), default=False, help_text=_("Confidential initiatives are not shown to the public.")
    )
    last_check_in_on = models.DateField(_("last check-in"), null=True, blank=True)
    # Bumped by every gate decision, so that two people deciding the same gate at once cannot both win.
    gate_revision = models.PositiveIntegerField(_("gate revision"), default=0)
    # Sprint initiatives only.
    hypothesis = models.TextField(_("hypothesis"), blank=True)
    quarter = models.DateField(_("timeboxed to quarter"), null=True, blank=True)
    timebox_end = models.DateField(_("timebox ends"), null=True, blank=True)
    extended = models.BooleanField(_("extended once"), default=False)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True, default="")
    outcome_on = models.DateField(_("outcome decided on"), null=True, blank=True)
    learning = models.TextField(_("learning"), blank=True)
    # Procurements: when the award decision was sent, which starts the standstill period.
    award_sent_on = models.DateField(_("award decision sent on"), null=True, blank=True)
    award_sent_electronically = models.BooleanField(_("award decision sent electronically"), default=True)
    history = HistoricalRecords(m2m_fields=[clusters])

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-start_date", "title"]
        indexes = [
            models.Index(fields=["status", "start_date"]),
            models.Index(fields=["timebox_end"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__gte=models.F("start_date")), name="initiative_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(budget_planned__gte=0, budget_spent__gte=0), name="initiative_budget_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("portfolio:initiative_detail", kwargs={"slug": self.slug})

    @property
    def mode(self) -> str:
        return self.process_type.mode

    @property
    def is_sprint(self) -> bool:
        return self.mode == Mode.SPRINT

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def quarter_label(self) -> str:
        return quarter_label(self.quarter) if self.quarter else ""

    def is_overrun(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.is_sprint
            and self.is_open
            and not self.outcome
            and self.timebox_end is not None
            and self.timebox_end < today
        )

    def is_stale(self, today: datetime.date | None = None) -> bool:
        if self.status != Status.ACTIVE:
            return False
        today = today or timezone.localdate()
        since = today - datetime.timedelta(days=CHECK_IN_CADENCE_DAYS[self.mode])
        return (self.last_check_in_on or self.start_date) < since

    @property
    def standstill_ends(self) -> datetime.date | None:
        if self.award_sent_on is None:
            return None
        return standstill_end(self.award_sent_on, electronically=self.award_sent_electronically)

    @property
    def budget_variance(self):
        return self.budget_spent - self.budget_planned

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.planned_end and self.planned_end < self.start_date:
            errors["planned_end"] = _("The planned end cannot come before the start date.")
        if self.health in (Health.AMBER, Health.RED) and not self.health_reason.strip():
            errors["health_reason"] = _("Say why the initiative is amber or red.")
        if self.outcome and not self.learning.strip():
            errors["learning"] = _("Write down what was learned. Every outcome needs a learning, also a stop.")
        if self.quarter and self.quarter != quarter_start(self.quarter):
            errors["quarter"] = _("A quarter starts on 1 January, 1 April, 1 July or 1 October.")
        if self.process_type_id and self.process_type.mode == Mode.SPRINT:
            if not self.quarter:
                errors["quarter"] = _("A sprint initiative must be timeboxed to a quarter.")
            if self.timebox_end and self.planned_end and self.planned_end > self.timebox_end and not self.outcome:
                errors["planned_end"] = _("A sprint ends within its timebox, by %(day)s at the latest.") % {
                    "day": date_format(self.timebox_end)
                }
            if not self.hypothesis.strip():
                errors["hypothesis"] = _("A sprint initiative needs a hypothesis: we believe … will … measured by …")
        if (
            self.current_phase_id
            and self.process_type_id
            and self.current_phase.process_type_id != self.process_type_id
        ):
            errors["current_phase"] = _("The phase must belong to the initiative's process type.")
        if errors:
            raise ValidationError(errors)

    def default_timebox_end(self) -> datetime.date | None:
        return quarter_end(self.quarter) if self.quarter else None

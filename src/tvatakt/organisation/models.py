"""Units, organisations, clusters, people and the roles people hold in them."""

import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from stdnum.se import orgnr

from tvatakt.core.models import BilingualModel, TimeStampedModel
from tvatakt.organisation.choices import ROLE_SCOPES, OrganisationKind, Role, Scope


def validate_orgnr(value: str) -> None:
    if value and not orgnr.is_valid(value):
        raise ValidationError(
            _("%(value)s is not a valid Swedish organisation number (NNNNNN-NNNN)."), params={"value": value}
        )


class Person(AbstractUser):
    """Someone who can log in: city staff, council members, ambassadors, startups, citizens."""

    title = models.CharField(_("job title"), max_length=150, blank=True)
    # Set when the person's data was erased (organisation.erasure): the row stays, for the public records that
    # point at it, but says nothing about who it was.
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name shown to others. Never the user name, which may be an e-mail address."""
        if self.erased_at:
            return str(_("Removed person"))
        return self.get_full_name() or str(_("(no name given)"))


class Unit(BilingualModel):
    """One of the units of the city's digitalisation department."""

    slug = models.SlugField(_("slug"), unique=True)
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("organisation:unit_detail", kwargs={"slug": self.slug})


class Organisation(TimeStampedModel):
    """A city administration, district administration or municipal company."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    org_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        validators=[validate_orgnr],
        help_text=_("Swedish organisation number, NNNNNN-NNNN. Administrations share the municipality's number."),
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation:organisation_detail", kwargs={"slug": self.slug})


class Cluster(BilingualModel):
    """A group of organisations that work on digitalisation together."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(_("name (Swedish)"), max_length=200, unique=True)
    members = models.ManyToManyField(
        Organisation, verbose_name=_("member organisations"), related_name="clusters", blank=True
    )
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("organisation:cluster_detail", kwargs={"slug": self.slug})


class RoleAssignmentQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None) -> "RoleAssignmentQuerySet":
        """Assignments in force on `on` (today by default). `valid_until` is the last day, inclusive."""
        on = on or timezone.localdate()
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on), valid_from__lte=on)

    def public(self) -> "RoleAssignmentQuerySet":
        return self.exclude(role=Role.CITIZEN)


class RoleAssignment(TimeStampedModel):
    """A person holds a role in a scope (the city, a unit, an organisation or a cluster) for a time."""

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, null=True, blank=True, related_name="roles"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, null=True, blank=True, related_name="roles"
    )
    is_deputy = models.BooleanField(_("deputy"), default=False)
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True, help_text=_("The last day, inclusive."))
    history = HistoricalRecords()

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["role", "valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(unit__isnull=False, organisation__isnull=False)
                & ~Q(unit__isnull=False, cluster__isnull=False)
                & ~Q(organisation__isnull=False, cluster__isnull=False),
                name="role_at_most_one_scope",
                violation_error_message=_("Choose only one of unit, organisation or cluster."),
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="role_valid_until_after_from",
                violation_error_message=_("The end date cannot come before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(is_deputy=False) | Q(role=Role.AMBASSADOR),
                name="role_only_ambassadors_have_deputies",
                violation_error_message=_("Only ambassadors have deputies."),
            ),
            models.CheckConstraint(
                condition=~Q(role__in=[Role.AMBASSADOR, Role.DATA_PUBLISHER]) | Q(organisation__isnull=False),
                name="role_ambassador_and_publisher_need_organisation",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.UNIT_HEAD) | Q(unit__isnull=False), name="role_unit_head_needs_unit"
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.CLUSTER_CONVENER) | Q(cluster__isnull=False),
                name="role_convener_needs_cluster",
            ),
            # One active ambassador per organisation: the database refuses a second open-ended one,
            # whichever door it comes in by. Overlapping bounded terms are refused in clean().
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(role=Role.AMBASSADOR, is_deputy=False, valid_until__isnull=True),
                name="one_open_ambassador_per_organisation",
                violation_error_message=_("This organisation already has an ambassador."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()} ({self.scope_object or _('the whole city')})"

    @property
    def scope(self) -> str:
        if self.unit_id:
            return Scope.UNIT
        if self.organisation_id:
            return Scope.ORGANISATION
        if self.cluster_id:
            return Scope.CLUSTER
        return Scope.CITY

    @property
    def scope_object(self):
        return self.unit or self.organisation or self.cluster

    def is_active_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or self.valid_until >= day)

    def clean(self) -> None:
        super().clean()
        if sum(bool(scope) for scope in (self.unit_id, self.organisation_id, self.cluster_id)) > 1:
            raise ValidationError({"role": _("Choose only one of unit, organisation or cluster.")})
        allowed = ROLE_SCOPES.get(self.role, set())
        if self.role and self.scope not in allowed:
            names = ", ".join(str(Scope(scope).label).lower() for scope in sorted(allowed))
            raise ValidationError(
                {"role": _("A %(role)s is held in: %(scopes)s.") % {"role": self.get_role_display(), "scopes": names}}
            )
        if self.is_deputy and self.role != Role.AMBASSADOR:
            raise ValidationError({"is_deputy": _("Only ambassadors have deputies.")})
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date cannot come before the start date.")})
        if self.role == Role.AMBASSADOR and not self.is_deputy and self.organisation_id and self.valid_from:
            self._refuse_overlapping_ambassador()

    def _refuse_overlapping_ambassador(self) -> None:
        others = RoleAssignment.objects.filter(
            role=Role.AMBASSADOR, is_deputy=False, organisation_id=self.organisation_id
        ).exclude(pk=self.pk)
        others = others.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=self.valid_from))
        if self.valid_until:
            others = others.filter(valid_from__lte=self.valid_until)
        current = others.select_related("person").first()
        if current:
            raise ValidationError(
                {
                    "person": _(
                        "%(organisation)s already has an ambassador for that time: %(person)s. "
                        "End that assignment first."
                    )
                    % {"organisation": self.organisation, "person": current.person}
                }
            )


class ErasureRecord(models.Model):
    """That a person's data was erased, when, by whom, and how much in each part of the service. It keeps nothing
    that was erased: no name, no e-mail address, no user name; the person row it points at is the anonymised one."""

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+")
    erased_at = models.DateTimeField(_("erased"), default=timezone.now)
    by_self = models.BooleanField(_("asked by the person"), default=True)
    actor = models.ForeignKey(
        Person, verbose_name=_("done by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    counts = models.JSONField(_("how much, in each part"), default=dict)

    class Meta:
        verbose_name = _("erasure record")
        verbose_name_plural = _("erasure records")
        ordering = ["-erased_at", "-pk"]

    def __str__(self) -> str:
        return str(_("Erasure of person %(id)s") % {"id": self.person_id})

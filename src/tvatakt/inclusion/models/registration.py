"""A registration: one booking of one or more seats (a parent with two children books three, all or none), by
a contact who gets the e-mails, with a guardian's consent when a participant is under 13."""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tvatakt.core.models import TimeStampedModel
from tvatakt.inclusion.choices import ACTIVE, AgeGroup, Status
from tvatakt.inclusion.models.event import Event


class Registration(TimeStampedModel):
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations")
    code = models.CharField(_("code"), max_length=12, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    # Whether its seats count in the event's seats_taken: every change of status changes both at once.
    holds_seats = models.BooleanField(_("holds its seats"), default=False)
    contact_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(_("language"), max_length=8, default="sv")
    district = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("district"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    needs = models.JSONField(_("accessibility needs"), default=list, blank=True)
    needs_text = models.TextField(_("other needs"), blank=True, max_length=1000)
    guardian_name = models.CharField(_("guardian's name"), max_length=200, blank=True)
    guardian_email = models.EmailField(_("guardian's e-mail"), blank=True)
    guardian_phone = models.CharField(_("guardian's phone"), max_length=30, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_deadline = models.DateTimeField(_("consent needed by"), null=True, blank=True)
    # A guardian may take their consent back (or say no at once): the registration is cancelled, and this says when.
    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn"), null=True, blank=True)
    # Optional, and only by consent: whoever registers may allow photos in which their group can be seen.
    photos_allowed = models.BooleanField(_("photos allowed"), default=False)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=100, blank=True)
    cancel_reason = models.CharField(_("why cancelled"), max_length=200, blank=True)
    # When the personal data was erased (privacy.erase_after_events): what is left counts for the reach figures.
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    feedback_asked_at = models.DateTimeField(_("feedback asked for"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="registration_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "idempotency_key"], condition=~Q(idempotency_key=""), name="one_registration_per_key"
            ),
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone="") | Q(erased_at__isnull=False), name="registration_has_a_contact"
            ),
            models.CheckConstraint(condition=Q(seats__gte=1), name="registration_has_a_seat"),
            # One registration in play per e-mail address (in any case) and per phone number at an event: the
            # database refuses the second even when both come at the same moment, which a check before saving
            # cannot (a double click on the form once made two).
            models.UniqueConstraint(
                F("event"),
                Lower("email"),
                condition=Q(status__in=ACTIVE) & ~Q(email=""),
                name="one_active_registration_per_email",
            ),
            models.UniqueConstraint(
                fields=["event", "phone"],
                condition=Q(status__in=ACTIVE) & ~Q(phone=""),
                name="one_active_registration_per_phone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.event})"


class Participant(models.Model):
    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("name"), max_length=200)
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices)
    first_time = models.BooleanField(_("first event"), default=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["registration", "pk"]

    def __str__(self) -> str:
        return self.name

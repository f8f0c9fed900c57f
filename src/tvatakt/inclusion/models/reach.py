"""What the reach figures need besides registrations: participants' feedback, and the city's population by
district and age group (loaded from CSV) to count coverage per 1,000 inhabitants."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tvatakt.inclusion.choices import AgeGroup
from tvatakt.inclusion.models.registration import Registration

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class Learned(models.TextChoices):
    BANKID = "bankid", _("Logging in with BankID")
    E_SERVICES = "e_services", _("Using the city's e-services")
    VIDEO = "video", _("Video calls")
    SAFETY = "safety", _("Staying safe from fraud")
    CODING = "coding", _("Coding")
    OTHER = "other", _("Something else")


class Feedback(models.Model):
    """A short survey after the event, one per registration: a smiley (for children), how sure one feels using
    digital services before and after (1–5), what one learned, and a comment. Anonymous once the registration's
    personal data is erased (the comment goes with it)."""

    registration = models.OneToOneField(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="feedback"
    )
    smiley = models.PositiveSmallIntegerField(_("how it was"), null=True, blank=True, validators=[MaxValueValidator(3)])
    sure_before = models.PositiveSmallIntegerField(_("sure before"), null=True, blank=True, validators=SCALE)
    sure_after = models.PositiveSmallIntegerField(_("sure after"), null=True, blank=True, validators=SCALE)
    learned = models.JSONField(_("learned"), default=list, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return str(self.registration)


class Population(models.Model):
    """How many live in a district in an age group, a given year: SCB's figures, or a modelled estimate."""

    district = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("district"), on_delete=models.CASCADE, related_name="+"
    )
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    people = models.PositiveIntegerField(_("inhabitants"))
    estimate = models.BooleanField(_("modelled estimate"), default=False)

    class Meta:
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        constraints = [models.UniqueConstraint(fields=["district", "age_group", "year"], name="one_population_figure")]

    def __str__(self) -> str:
        return f"{self.district} {self.age_group} {self.year}: {self.people}"

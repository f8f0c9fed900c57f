"""A hackathon on the city's data: its windows (registration, submission, judging), the challenges with the open
datasets they rest on, the questions a team answers when it registers, and the jury's rubric."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tvatakt.core.i18n import localized
from tvatakt.core.models import TimeStampedModel, TitledInTwoLanguages
from tvatakt.innovation.models import reserved
from tvatakt.innovation.models.reserved import NotReserved

PERSON = settings.AUTH_USER_MODEL


class Hackathon(TitledInTwoLanguages, TimeStampedModel):
    slug = models.SlugField(_("slug"), unique=True, max_length=80, validators=[NotReserved(reserved.HACKATHON)])
    title = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Swedish)"), max_length=4000)
    description_en = models.TextField(_("description (English)"), max_length=4000, blank=True)
    organisation = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("organiser"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    online = models.BooleanField(_("online"), default=False)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    registration_opens = models.DateTimeField(_("registration opens"))
    registration_closes = models.DateTimeField(_("registration closes"))
    submission_opens = models.DateTimeField(_("submissions open"))
    submission_closes = models.DateTimeField(_("submission deadline"))
    judging_closes = models.DateTimeField(_("judging ends"))
    rules = models.TextField(_("rules"), max_length=8000, blank=True)
    prizes = models.TextField(_("prizes"), max_length=4000, blank=True)
    # Set when the results are published: from then on the ranking is the one frozen on the submissions.
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    created_by = models.ForeignKey(
        PERSON, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("hackathon")
        verbose_name_plural = _("hackathons")
        ordering = ["-starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="hackathon_ends_after_start"),
            models.CheckConstraint(
                condition=Q(registration_closes__gt=F("registration_opens")), name="hackathon_registration_window"
            ),
            models.CheckConstraint(
                condition=Q(submission_closes__gt=F("submission_opens")), name="hackathon_submission_window"
            ),
            models.CheckConstraint(
                condition=Q(judging_closes__gt=F("submission_closes")), name="hackathon_judging_after_submission"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("innovation:hackathon", kwargs={"slug": self.slug})

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.registration_opens <= now < self.registration_closes

    def submission_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.submission_opens <= now < self.submission_closes

    def judging_open(self, now=None) -> bool:
        """The jury scores after the deadline, when no submission can change any more."""
        now = now or timezone.now()
        return self.submission_closes <= now < self.judging_closes and self.results_published_at is None


class Challenge(TitledInTwoLanguages, models.Model):
    """A problem to solve, owned by an organisation, resting on open datasets in the catalogue."""

    hackathon = models.ForeignKey(
        Hackathon, verbose_name=_("hackathon"), on_delete=models.CASCADE, related_name="challenges"
    )
    slug = models.SlugField(_("slug"), max_length=80, validators=[NotReserved(reserved.CHALLENGE)])
    title = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("problem statement (Swedish)"), max_length=4000)
    description_en = models.TextField(_("problem statement (English)"), max_length=4000, blank=True)
    organisation = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    datasets = models.ManyToManyField(
        "opendata.Dataset", verbose_name=_("datasets"), blank=True, related_name="challenges"
    )

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["hackathon", "pk"]
        constraints = [models.UniqueConstraint(fields=["hackathon", "slug"], name="one_challenge_slug_per_hackathon")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("innovation:challenge", kwargs={"slug": self.hackathon.slug, "challenge": self.slug})


class Question(models.Model):
    """What the organiser asks every team at registration (for example: "Do you need a place to sleep?")."""

    hackathon = models.ForeignKey(
        Hackathon, verbose_name=_("hackathon"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("question (Swedish)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    required = models.BooleanField(_("an answer is needed"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def display_text(self) -> str:
        return localized(self, "text")


class Criterion(models.Model):
    """A line of the jury's rubric. Weights are relative (40, 30, 30, or 2, 1, 1): each counts as its share of
    the sum, so they need not add up to anything in particular."""

    hackathon = models.ForeignKey(
        Hackathon, verbose_name=_("hackathon"), on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("criterion (Swedish)"), max_length=150)
    name_en = models.CharField(_("criterion (English)"), max_length=150, blank=True)
    description = models.CharField(_("what the jury looks for"), max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["order", "pk"]
        constraints = [models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight_positive")]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return localized(self, "name")

"""Teams, their members (a guardian consents for one under 18), and what they hand in. Teams need no account: a
signed link in the contact's e-mail lets them change their submission until the deadline."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tvatakt.core.models import TimeStampedModel
from tvatakt.innovation.choices import MemberKind
from tvatakt.innovation.models.hackathon import Challenge, Hackathon

PERSON = settings.AUTH_USER_MODEL


class Team(TimeStampedModel):
    hackathon = models.ForeignKey(
        Hackathon, verbose_name=_("hackathon"), on_delete=models.CASCADE, related_name="teams"
    )
    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.PROTECT, related_name="teams"
    )
    name = models.CharField(_("team name"), max_length=100)
    contact_name = models.CharField(_("contact person"), max_length=100)
    contact_email = models.EmailField(_("contact e-mail"))
    language = models.CharField(_("language"), max_length=5, default="sv")
    # The answers to the hackathon's questions, by the question's id.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(Lower("name"), "hackathon", name="one_team_name_per_hackathon")]

    def __str__(self) -> str:
        return self.name

    @property
    def waiting_for_consent(self) -> bool:
        """A member under 18 whose guardian has not said yes: the team cannot hand anything in yet."""
        return any(member.under_18 and member.consent_given_at is None for member in self.members.all())


class TeamMember(models.Model):
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("who you are"), max_length=10, choices=MemberKind.choices)
    # Where they work or study: what a juror's conflict of interest is about.
    affiliation = models.CharField(_("works or studies at"), max_length=150, blank=True)
    under_18 = models.BooleanField(_("under 18"), default=False)
    guardian_name = models.CharField(_("guardian's name"), max_length=100, blank=True)
    guardian_email = models.EmailField(_("guardian's e-mail"), blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    consent_given_at = models.DateTimeField(_("guardian consented"), null=True, blank=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["team", "pk"]

    def __str__(self) -> str:
        return self.name


class Submission(TimeStampedModel):
    team = models.OneToOneField(Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="submission")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("what you built"), max_length=6000)
    hypothesis = models.TextField(_("what it would change for the city"), max_length=2000, blank=True)
    repository_url = models.URLField(_("code repository"), blank=True)
    demo_url = models.URLField(_("demo"), blank=True)
    datasets = models.ManyToManyField(
        "opendata.Dataset", verbose_name=_("datasets used"), blank=True, related_name="submissions"
    )
    # Frozen when the results are published: the place, the normalised score, and the jury's words.
    rank = models.PositiveSmallIntegerField(_("place"), null=True, blank=True)
    score = models.FloatField(_("normalised score"), null=True, blank=True)
    motivation = models.TextField(_("the jury's motivation"), max_length=2000, blank=True)
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="hackathon_submissions",
    )  # fmt: skip

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["rank", "created_at", "pk"]

    def __str__(self) -> str:
        return self.title


def _upload_to(instance: "SubmissionFile", filename: str) -> str:
    # The stored name is ours, so an uploaded name can never choose where the file lands.
    return f"innovation/submissions/{instance.submission_id}-{uuid.uuid4().hex[:12]}{PurePath(filename).suffix.lower()}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("file"), upload_to=_upload_to, max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["submission", "pk"]

    def __str__(self) -> str:
        return self.filename

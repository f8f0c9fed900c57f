"""The jury: its members, the conflicts of interest they declare (which keep them from scoring those teams), and
their scores, one per criterion of the rubric, 1 to 5."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tvatakt.innovation.models.hackathon import Criterion, Hackathon
from tvatakt.innovation.models.team import Submission, Team

PERSON = settings.AUTH_USER_MODEL


class Juror(models.Model):
    hackathon = models.ForeignKey(
        Hackathon, verbose_name=_("hackathon"), on_delete=models.CASCADE, related_name="jurors"
    )
    person = models.ForeignKey(PERSON, verbose_name=_("person"), on_delete=models.PROTECT, related_name="juries")
    conflicts = models.ManyToManyField(Team, verbose_name=_("conflicts of interest"), through="Conflict", blank=True)

    class Meta:
        verbose_name = _("jury member")
        verbose_name_plural = _("jury members")
        ordering = ["hackathon", "pk"]
        constraints = [models.UniqueConstraint(fields=["hackathon", "person"], name="one_seat_per_jury")]

    def __str__(self) -> str:
        return str(self.person)


class Conflict(models.Model):
    """ "I work for the startup": declared by the juror, and from then on they do not score that team."""

    juror = models.ForeignKey(
        Juror, verbose_name=_("jury member"), on_delete=models.CASCADE, related_name="conflict_rows"
    )
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("why"), max_length=300)
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["declared_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["juror", "team"], name="one_conflict_per_juror_team")]

    def __str__(self) -> str:
        return f"{self.juror} ≠ {self.team}"


class Score(models.Model):
    juror = models.ForeignKey(Juror, verbose_name=_("jury member"), on_delete=models.CASCADE, related_name="scores")
    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.CharField(_("comment"), max_length=1000, blank=True)
    updated_at = models.DateTimeField(_("scored"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["submission", "juror", "criterion"]
        constraints = [
            models.UniqueConstraint(fields=["juror", "submission", "criterion"], name="one_jury_score_per_criterion"),
            models.CheckConstraint(condition=Q(value__gte=1, value__lte=5), name="jury_score_from_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.juror} → {self.submission}: {self.value}"

"""Council decisions and the votes behind them. Public records: fixed once the minutes are approved."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.i18n import localized
from tvatakt.core.models import TimeStampedModel
from tvatakt.council.choices import Method, Scope, VoteChoice


class Decision(TimeStampedModel):
    """What the council decided on an agenda item, which organisations it applies to, and by when."""

    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    item = models.OneToOneField(
        "council.AgendaItem", verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="decision"
    )
    text = models.TextField(_("decision (Swedish)"))
    text_en = models.TextField(_("decision (English)"), blank=True)
    decided_on = models.DateField(_("decided on"))
    method = models.CharField(_("reached by"), max_length=10, choices=Method.choices)
    deadline = models.DateField(_("to be implemented by"))
    scope = models.CharField(_("applies to"), max_length=10, choices=Scope.choices)
    scope_cluster = models.ForeignKey(
        "organisation.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.PROTECT,
        related_name="corrections",
        null=True,
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-reference"]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("council:decision_detail", kwargs={"reference": self.reference})

    @property
    def display_text(self) -> str:
        return localized(self, "text")

    @property
    def tally(self) -> list[tuple[str, int]]:
        """How many voted each way, from the prefetched votes: (label, count) in the order for, against, abstain."""
        votes = [vote.choice for vote in self.votes.all()]
        return [(label, votes.count(choice)) for choice, label in VoteChoice.choices]

    def clean(self) -> None:
        errors = {}
        if self.decided_on and self.deadline and self.deadline < self.decided_on:
            errors["deadline"] = _("The deadline cannot come before the decision.")
        if (self.scope == Scope.CLUSTER) != (self.scope_cluster_id is not None):
            errors["scope_cluster"] = _("Choose the cluster when, and only when, the decision applies to a cluster.")
        if errors:
            raise ValidationError(errors)


class Vote(models.Model):
    """One member's vote on a decision reached by voting."""

    decision = models.ForeignKey(Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    choice = models.CharField(_("vote"), max_length=10, choices=VoteChoice.choices)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["decision", "member"]
        constraints = [models.UniqueConstraint(fields=["decision", "member"], name="one_vote_per_member")]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_choice_display()}"

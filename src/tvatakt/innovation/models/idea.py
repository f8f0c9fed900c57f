"""Ideas given to a consultation, with their supports (one per person), comments, and reports to moderation.
Every idea gets an answer from the city (the outcome), and its page always shows what became of it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tvatakt.core.models import TimeStampedModel
from tvatakt.inclusion.choices import AgeGroup
from tvatakt.innovation.choices import IdeaState, Outcome, ParticipantKind
from tvatakt.innovation.models.consultation import Consultation

PERSON = settings.AUTH_USER_MODEL


class Idea(TimeStampedModel):
    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="ideas"
    )
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("the idea"), max_length=4000)
    state = models.CharField(_("state"), max_length=12, choices=IdeaState.choices, default=IdeaState.PENDING)
    # Who gave it, as much as they chose to say: the kind, and for the reach figures an age group and a district.
    kind = models.CharField(_("who you are"), max_length=12, choices=ParticipantKind.choices)
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices, blank=True)
    district = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("district"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    author = models.ForeignKey(
        PERSON, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, blank=True, related_name="ideas"
    )
    author_name = models.CharField(_("name shown"), max_length=100, blank=True)
    # Without an account: the address the confirmation link went to (and the answer will go to).
    email = models.EmailField(_("e-mail"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # Entered at a help desk for someone who is not online: the record says so, and by whom.
    entered_by = models.ForeignKey(
        PERSON, verbose_name=_("entered on their behalf by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    supports = models.PositiveIntegerField(_("supports"), default=0)
    hidden_reason = models.CharField(_("why hidden"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        PERSON, verbose_name=_("hidden by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True, default=Outcome.NONE)
    outcome_text = models.TextField(_("the city's answer"), max_length=4000, blank=True)
    outcome_url = models.URLField(_("link"), blank=True)
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="ideas",
    )  # fmt: skip
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        PERSON, verbose_name=_("answered by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["consultation", "state", "-supports"], name="idea_by_support")]
        constraints = [
            models.CheckConstraint(
                condition=Q(author__isnull=False) | ~Q(email="") | Q(entered_by__isnull=False) | Q(state="hidden"),
                name="idea_has_a_way_back",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("innovation:idea", kwargs={"slug": self.consultation.slug, "pk": self.pk})


class Support(models.Model):
    idea = models.ForeignKey(Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="support_rows")
    person = models.ForeignKey(PERSON, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["idea", "person"], name="one_support_per_person")]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.idea_id}"


class Comment(TimeStampedModel):
    idea = models.ForeignKey(Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(PERSON, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"), max_length=2000)
    hidden_reason = models.CharField(_("why hidden"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:50]


class Report(models.Model):
    """Someone asks moderation to look at an idea or a comment."""

    idea = models.ForeignKey(Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="reports")
    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    reporter = models.ForeignKey(
        PERSON, verbose_name=pgettext_lazy("moderation", "reported by"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    reason = models.CharField(_("why"), max_length=500)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        PERSON, verbose_name=_("handled by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.reason[:50]

"""The cluster forum: a cluster's own meetings, its members' discussion threads, and its proposals to the council.

Meetings and proposals are public, like the council's. Threads are staff talking among themselves: only the
cluster's members read them. The convener moderates by hiding, with a reason that everyone sees; nothing is
deleted.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.i18n import localized
from tvatakt.core.models import TimeStampedModel
from tvatakt.council.choices import ProposalState

TITLE_MAX = 200
BODY_MAX = 5000
REASON_MAX = 300


class ClusterMeeting(TimeStampedModel):
    """A meeting of a cluster's organisations, called by the convener: when, where, and what it is about."""

    cluster = models.ForeignKey(
        "organisation.Cluster", verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="forum_meetings"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200)
    agenda = models.TextField(_("agenda and notes"), blank=True, validators=[MaxLengthValidator(BODY_MAX)])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("scheduled by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("cluster meeting")
        verbose_name_plural = _("cluster meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="cluster_meeting_ends_after_start",
                violation_error_message=_("A meeting ends after it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster} {self.starts_at:%Y-%m-%d}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A meeting ends after it starts.")})


class Moderated(TimeStampedModel):
    """Something the convener can hide. Hidden is never deleted: the text stays, and everyone sees the reason."""

    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=REASON_MAX, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True, hidden_by__isnull=True, hidden_reason="")
                | (Q(hidden_at__isnull=False, hidden_by__isnull=False) & ~Q(hidden_reason="")),
                name="%(class)s_hidden_with_reason",
                violation_error_message=_("Hiding needs a time, the convener who hid it, and a reason."),
            )
        ]

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Thread(Moderated):
    """A discussion among a cluster's members. Its first post says what it is about."""

    cluster = models.ForeignKey(
        "organisation.Cluster", verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+"
    )
    last_activity = models.DateTimeField(_("last activity"))

    class Meta(Moderated.Meta):
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-last_activity", "-pk"]
        indexes = [models.Index(fields=["cluster", "-last_activity"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:thread_detail", kwargs={"slug": self.cluster.slug, "pk": self.pk})


class Post(Moderated):
    """One message in a thread: plain text, where links become clickable and nothing else is markup."""

    thread = models.ForeignKey(Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("text"), validators=[MaxLengthValidator(BODY_MAX)])

    class Meta(Moderated.Meta):
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["thread", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.thread}: {self.author}"


class Proposal(TimeStampedModel):
    """A question a cluster raises to the council. The secretary puts it on a meeting's agenda, or declines it."""

    cluster = models.ForeignKey(
        "organisation.Cluster", verbose_name=_("cluster"), on_delete=models.PROTECT, related_name="proposals"
    )
    title = models.CharField(_("title (Swedish)"), max_length=TITLE_MAX)
    title_en = models.CharField(_("title (English)"), max_length=TITLE_MAX, blank=True)
    background = models.TextField(_("background (Swedish)"), validators=[MaxLengthValidator(BODY_MAX)])
    background_en = models.TextField(_("background (English)"), blank=True, validators=[MaxLengthValidator(BODY_MAX)])
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("raised by"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=ProposalState.choices, default=ProposalState.SUBMITTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    agenda_item = models.OneToOneField(
        "council.AgendaItem",
        verbose_name=_("agenda item"),
        on_delete=models.PROTECT,
        related_name="proposal",
        null=True,
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state=ProposalState.SUBMITTED, decided_by__isnull=True, decided_at__isnull=True)
                | (~Q(state=ProposalState.SUBMITTED) & Q(decided_by__isnull=False, decided_at__isnull=False)),
                name="proposal_decided_by_someone",
                violation_error_message=_("A scheduled or declined proposal says who decided it, and when."),
            ),
            models.CheckConstraint(
                condition=Q(state=ProposalState.SCHEDULED, agenda_item__isnull=False)
                | (~Q(state=ProposalState.SCHEDULED) & Q(agenda_item__isnull=True)),
                name="proposal_scheduled_on_an_agenda_item",
                violation_error_message=_("A proposal is on an agenda when, and only when, it is scheduled."),
            ),
            models.CheckConstraint(
                condition=(Q(state=ProposalState.DECLINED) & ~Q(decline_reason=""))
                | (~Q(state=ProposalState.DECLINED) & Q(decline_reason="")),
                name="proposal_declined_with_reason",
                violation_error_message=_("A declined proposal says why."),
            ),
        ]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("council:forum_home", kwargs={"slug": self.cluster.slug}) + f"#proposal-{self.pk}"

    @property
    def display_title(self) -> str:
        return localized(self, "title")

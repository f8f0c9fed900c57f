"""The council, its meetings and their agendas. Members are people holding council roles (organisation app)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.i18n import localized
from tvatakt.core.models import BilingualModel, TimeStampedModel
from tvatakt.council.choices import ItemKind, MeetingStatus


class Council(BilingualModel):
    """The digitalisation council. Who sits on it is said by council roles, with their terms."""

    slug = models.SlugField(_("slug"), unique=True)
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        validators=[MinValueValidator(1)],
        help_text=_("How many members must take part for a vote to decide anything."),
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind days before the deadline"),
        default=14,
        help_text=_("Ambassadors get an e-mail this many days before a deadline they have not met. 0: no reminder."),
    )
    remind_days_after = models.PositiveSmallIntegerField(
        _("remind days after the deadline"),
        default=7,
        help_text=_("Ambassadors get an e-mail this many days after a deadline they missed. 0: no reminder."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.display_name


class Meeting(TimeStampedModel):
    """A meeting of the council, with its agenda and, once held, its minutes."""

    council = models.ForeignKey(Council, verbose_name=_("council"), on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    approved_by_chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by the chair"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    adjuster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adjuster"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    approved_on = models.DateField(_("minutes approved on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.council} {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("council:meeting_detail", kwargs={"pk": self.pk})

    @property
    def minutes_approved(self) -> bool:
        return self.status == MeetingStatus.APPROVED

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A meeting ends after it starts.")})


class AgendaItem(TimeStampedModel):
    """A question on a meeting's agenda: for information, discussion or decision."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=12, choices=ItemKind.choices)
    title = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    background = models.TextField(_("background (Swedish)"), blank=True)
    background_en = models.TextField(_("background (English)"), blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("raised by"), on_delete=models.PROTECT, related_name="+"
    )
    initiatives = models.ManyToManyField(
        "portfolio.Initiative", verbose_name=_("initiatives"), blank=True, related_name="agenda_items"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return localized(self, "title")

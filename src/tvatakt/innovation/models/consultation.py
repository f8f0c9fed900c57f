"""A consultation (medborgardialog): a question the city asks everyone, moving through phases from ideas to
results."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tvatakt.core.models import TimeStampedModel, TitledInTwoLanguages
from tvatakt.innovation.choices import Phase
from tvatakt.innovation.models import reserved
from tvatakt.innovation.models.reserved import NotReserved


class Consultation(TitledInTwoLanguages, TimeStampedModel):
    slug = models.SlugField(_("slug"), unique=True, max_length=80, validators=[NotReserved(reserved.CONSULTATION)])
    title = models.CharField(_("question (Swedish)"), max_length=200)
    title_en = models.CharField(_("question (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Swedish)"), max_length=4000)
    description_en = models.TextField(_("description (English)"), max_length=4000, blank=True)
    audience = models.CharField(_("who it is for"), max_length=300, blank=True)
    phase = models.CharField(_("phase"), max_length=12, choices=Phase.choices, default=Phase.IDEAS)
    organisation = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("asked by"), on_delete=models.PROTECT, related_name="+"
    )
    cluster = models.ForeignKey(
        "organisation.Cluster", verbose_name=_("cluster"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    strategy_title = models.CharField(_("strategy"), max_length=200, blank=True)
    strategy_url = models.URLField(_("link to the strategy"), blank=True)
    results = models.TextField(_("results"), max_length=8000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("innovation:consultation", kwargs={"slug": self.slug})

    @property
    def takes_ideas(self) -> bool:
        return self.phase == Phase.IDEAS

    @property
    def takes_support(self) -> bool:
        return self.phase in (Phase.IDEAS, Phase.SUPPORT)

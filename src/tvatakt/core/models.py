"""Base models shared by every app. No domain models live here."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tvatakt.core.i18n import localized


class TimeStampedModel(models.Model):
    """Adds creation and modification times."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class BilingualModel(TimeStampedModel):
    """A name and a description kept in Swedish (always filled) and English (falls back to Swedish)."""

    name = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return localized(self, "name")

    @property
    def display_description(self) -> str:
        return localized(self, "description")


class TitledInTwoLanguages:
    """`display_title` and `display_description` for a model with title/title_en (and description/description_en)
    fields: the active language's text, falling back to the Swedish, which is always filled."""

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_description(self) -> str:
        return localized(self, "description")


class RateCounter(models.Model):
    """Hits in one window of one rate limit (see core.ratelimit), when the counters are not in Redis.

    `key` is a hash of the limit's scope and the client address or person: the table holds no addresses."""

    key = models.CharField(max_length=40)
    window = models.BigIntegerField()
    hits = models.PositiveIntegerField(default=0)
    expires_at = models.BigIntegerField(db_index=True)  # seconds since the epoch: when the sweep may delete it

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window"], name="core_ratecounter_key_window")]

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.hits}"

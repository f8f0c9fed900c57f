"""A dataset in the catalogue (dcat:Dataset), its themes and keywords, and the initiatives that use it."""

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.models import TimeStampedModel, TitledInTwoLanguages
from tvatakt.opendata import vocab
from tvatakt.opendata.choices import ACCESS_RIGHTS_CHOICES, FREQUENCY_CHOICES, LICENCE_CHOICES, DatasetState, _label

# CKAN's rule for a dataset's name: lowercase letters, digits, - and _, 2 to 100 characters.
NAME_RULE = RegexValidator(
    r"^[a-z0-9_-]{2,100}$",
    _("Use 2 to 100 lowercase letters (a–z), digits, hyphens or underscores, e.g. “luftkvalitet-2024”."),
)


class Theme(models.Model):
    """One of the 13 EU data themes. The rows are made by the migration; the labels come from the vocabulary."""

    code = models.CharField(_("code"), max_length=4, primary_key=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opendata:theme_detail", kwargs={"slug": self.slug})

    @property
    def term(self) -> vocab.Term:
        return vocab.THEME[self.code]

    @property
    def title(self) -> str:
        return _label(self.term)

    @property
    def slug(self) -> str:
        return self.term.slug

    @property
    def iri(self) -> str:
        return vocab.theme_iri(self.code)


class Keyword(models.Model):
    """A free keyword (dcat:keyword; a tag in CKAN)."""

    name = models.CharField(_("keyword"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DatasetQuerySet(models.QuerySet):
    def public(self) -> "DatasetQuerySet":
        return self.filter(state=DatasetState.PUBLIC)


class Dataset(TitledInTwoLanguages, TimeStampedModel):
    """A dataset an organisation publishes. `created_at`/`updated_at` are the metadata's own dates (CKAN's
    metadata_created/modified); `issued`/`modified` are the data's (dct:issued/modified).

    On PostgreSQL the table has a generated `search` column and on SQLite an FTS5 table follows it (migration
    0002): a migration that alters or removes a text they read, or that makes SQLite remake the table (as 0003 did),
    must re-create them."""

    identifier = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("short name"), max_length=100, unique=True, validators=[NAME_RULE])
    title = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Swedish)"))
    description_en = models.TextField(_("description (English)"), blank=True)
    publisher = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("publisher"), on_delete=models.PROTECT, related_name="datasets"
    )
    contact_name = models.CharField(_("contact"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    keywords = models.ManyToManyField(Keyword, verbose_name=_("keywords"), blank=True, related_name="datasets")
    # The keywords as one text, kept by the services, so that the search column can read them.
    keywords_text = models.TextField(editable=False, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="datasets")
    licence = models.CharField(_("licence"), max_length=100, choices=LICENCE_CHOICES, default=vocab.CC_BY)
    access_rights = models.CharField(_("access"), max_length=12, choices=ACCESS_RIGHTS_CHOICES, default="PUBLIC")
    frequency = models.CharField(_("update frequency"), max_length=12, choices=FREQUENCY_CHOICES, blank=True)
    temporal_start = models.DateField(_("covers from"), null=True, blank=True)
    temporal_end = models.DateField(_("covers until"), null=True, blank=True)
    spatial = models.URLField(
        _("place (web address)"), blank=True,
        help_text=_("The place the data covers, as a web address from a place register, e.g. GeoNames."),
    )  # fmt: skip
    issued = models.DateField(_("first published"), null=True, blank=True)
    modified = models.DateField(_("data last changed"), null=True, blank=True)
    conforms_to = models.URLField(_("follows the standard (web address)"), blank=True)
    landing_page = models.URLField(_("web page about the data"), blank=True)
    state = models.CharField(_("state"), max_length=8, choices=DatasetState.choices, default=DatasetState.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    # A harvested dataset: where it came from and its identifier there, so the next harvest updates it.
    harvest_source = models.ForeignKey(
        "opendata.HarvestSource", verbose_name=_("harvested from"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="datasets",
    )  # fmt: skip
    harvest_ref = models.CharField(_("identifier at the source"), max_length=500, blank=True)
    history = HistoricalRecords(excluded_fields=["keywords_text"])

    objects = DatasetQuerySet.as_manager()

    class Meta:
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        ordering = ["title"]
        indexes = [models.Index(fields=["state", "-updated_at"], name="dataset_state_modified")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(temporal_start__isnull=True)
                | models.Q(temporal_end__isnull=True)
                | models.Q(temporal_start__lte=models.F("temporal_end")),
                name="dataset_coverage_in_order",
                violation_error_message=_("The coverage cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["harvest_source", "harvest_ref"],
                condition=models.Q(harvest_source__isnull=False),
                name="one_dataset_per_harvested_identifier",
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("opendata:dataset_detail", kwargs={"name": self.name})

    @property
    def is_public(self) -> bool:
        return self.state == DatasetState.PUBLIC


class DatasetUse(TimeStampedModel):
    """An initiative that uses the dataset: the dataset page's "used by"."""

    dataset = models.ForeignKey(Dataset, verbose_name=_("dataset"), on_delete=models.CASCADE, related_name="uses")
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="datasets_used"
    )
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("noted by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("use of a dataset")
        verbose_name_plural = _("uses of datasets")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["dataset", "initiative"], name="one_use_per_dataset_initiative")]

    def __str__(self) -> str:
        return f"{self.initiative} → {self.dataset}"

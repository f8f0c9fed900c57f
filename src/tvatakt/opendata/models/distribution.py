"""A dataset's distributions (files or links: dcat:Distribution) and the APIs that serve datasets
(dcat:DataService)."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.models import TimeStampedModel, TitledInTwoLanguages
from tvatakt.opendata import vocab
from tvatakt.opendata.choices import ACCESS_RIGHTS_CHOICES, AVAILABILITY_CHOICES, FILE_TYPE_CHOICES, LICENCE_CHOICES
from tvatakt.opendata.models.dataset import NAME_RULE, Dataset


class Distribution(TitledInTwoLanguages, TimeStampedModel):
    """One form of a dataset: a link to where the data is (access URL), a direct download, or a file uploaded
    here. An uploaded file is served from the platform, which is then its access and download URL."""

    identifier = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    dataset = models.ForeignKey(
        Dataset, verbose_name=_("dataset"), on_delete=models.CASCADE, related_name="distributions"
    )
    title = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    access_url = models.URLField(_("access address"), max_length=500, blank=True)
    download_url = models.URLField(_("download address"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="opendata/%Y/", blank=True, max_length=300)
    format = models.CharField(_("format"), max_length=12, choices=FILE_TYPE_CHOICES)
    media_type = models.CharField(_("media type"), max_length=100, blank=True)
    byte_size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    licence = models.CharField(_("licence"), max_length=100, choices=LICENCE_CHOICES, blank=True)
    availability = models.CharField(_("availability"), max_length=12, choices=AVAILABILITY_CHOICES, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")
        ordering = ["dataset", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(access_url="") | ~models.Q(file=""),
                name="distribution_has_an_address_or_a_file",
                violation_error_message=_("Give the address of the data, or upload a file."),
            )
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def file_path(self) -> str:
        """Where an uploaded file is served from (the media directory is not served as such)."""
        filename = PurePath(self.file.name).name
        return reverse("opendata:distribution_file", kwargs={"identifier": self.identifier, "filename": filename})

    @property
    def absolute_access_url(self) -> str:
        """dcat:accessURL (CKAN's resource url): the address given, else the uploaded file here."""
        return self.access_url or (settings.SITE_URL + self.file_path if self.file else "")

    @property
    def absolute_download_url(self) -> str:
        """dcat:downloadURL: the direct address given, else the uploaded file here, else none."""
        return self.download_url or (settings.SITE_URL + self.file_path if self.file else "")

    @property
    def file_type(self) -> vocab.FileType:
        return vocab.FILE_TYPE[self.format]

    @property
    def effective_licence(self) -> str:
        return self.licence or self.dataset.licence


class DataService(TitledInTwoLanguages, TimeStampedModel):
    """An API that serves one or more datasets."""

    identifier = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("short name"), max_length=100, unique=True, validators=[NAME_RULE])
    title = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    publisher = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("publisher"), on_delete=models.PROTECT,
        related_name="data_services",
    )  # fmt: skip
    endpoint_url = models.URLField(_("endpoint address"), max_length=500)
    endpoint_description = models.URLField(_("endpoint description (web address)"), max_length=500, blank=True)
    datasets = models.ManyToManyField(Dataset, verbose_name=_("serves"), blank=True, related_name="services")
    licence = models.CharField(_("licence"), max_length=100, choices=LICENCE_CHOICES, blank=True)
    access_rights = models.CharField(_("access"), max_length=12, choices=ACCESS_RIGHTS_CHOICES, default="PUBLIC")
    history = HistoricalRecords(m2m_fields=[datasets])

    class Meta:
        verbose_name = _("data service")
        verbose_name_plural = _("data services")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.display_title

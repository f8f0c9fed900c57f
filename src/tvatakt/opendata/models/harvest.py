"""Where a publisher's datasets come from when they are not typed in: another catalogue harvested (DCAT RDF or
a CKAN's Action API), or a CSV file imported. Each run is a job, with its progress and a log a person can read."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.models import TimeStampedModel


class SourceKind(models.TextChoices):
    DCAT = "dcat", _("DCAT RDF file (RDF/XML, Turtle or JSON-LD)")
    CKAN = "ckan", _("CKAN catalogue (its Action API)")


class Schedule(models.TextChoices):
    MANUAL = "manual", _("Only when someone starts it")
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")


SCHEDULE_INTERVAL = {Schedule.DAILY: datetime.timedelta(days=1), Schedule.WEEKLY: datetime.timedelta(days=7)}


class HarvestSource(TimeStampedModel):
    """Another catalogue whose datasets this publisher copies into Tvåtakt. The datasets become the publisher's,
    whatever publisher the source names: a publisher can only publish for their own organisation."""

    publisher = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("publisher"), on_delete=models.PROTECT,
        related_name="harvest_sources",
    )  # fmt: skip
    title = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of source"), max_length=8, choices=SourceKind.choices)
    url = models.URLField(
        _("web address"), max_length=500,
        help_text=_("For an RDF file, the address of the file. For CKAN, the catalogue's address, e.g. "
                    "https://ckan.example.se (the API is found from there)."),
    )  # fmt: skip
    remote_organisation = models.CharField(
        _("organisation at the source"), max_length=100, blank=True,
        help_text=_("CKAN only: fetch only this organisation's datasets (its short name at the source)."),
    )  # fmt: skip
    schedule = models.CharField(_("how often"), max_length=8, choices=Schedule.choices, default=Schedule.MANUAL)
    is_active = models.BooleanField(_("in use"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")
        ordering = ["publisher", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opendata:harvest_source", kwargs={"pk": self.pk})


class JobKind(models.TextChoices):
    HARVEST = "harvest", _("Harvest")
    CSV = "csv", _("CSV import")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Done")
    FAILED = "failed", _("Failed: nothing was changed")


class JobStage(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    FETCHING = "fetching", _("Fetching")
    CHECKING = "checking", _("Checking")
    SAVING = "saving", _("Saving")
    FINISHED = "finished", _("Finished")


class HarvestJobQuerySet(models.QuerySet):
    def unfinished(self) -> "HarvestJobQuerySet":
        return self.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])


class HarvestJob(models.Model):
    """One harvest or import. It changes the catalogue all at once when it succeeds, or not at all. The log holds
    what a person needs to put the source right: each entry says where (a dataset, a row) and what."""

    kind = models.CharField(_("kind"), max_length=8, choices=JobKind.choices)
    source = models.ForeignKey(
        HarvestSource, verbose_name=_("source"), on_delete=models.CASCADE, null=True, blank=True, related_name="jobs"
    )
    publisher = models.ForeignKey(
        "organisation.Organisation", verbose_name=_("publisher"), on_delete=models.PROTECT, related_name="+"
    )
    # A CSV import's file waits here for the worker, and is removed when the job ends (or is found stopped).
    file = models.FileField(_("file"), upload_to="opendata/imports/", blank=True, max_length=300)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    stage = models.CharField(_("stage"), max_length=10, choices=JobStage.choices, default=JobStage.WAITING)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    created = models.PositiveIntegerField(_("new datasets"), default=0)
    updated = models.PositiveIntegerField(_("changed datasets"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged datasets"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn datasets"), default=0)
    log = models.JSONField(_("log"), default=list, blank=True)
    # The language the log is written in: the requester's, since the worker has no request to ask.
    language = models.CharField(_("language"), max_length=8, default="sv")
    scheduled = models.BooleanField(_("started by the schedule"), default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    # When the run last said it was alive: a job whose worker died is found by its silence, and ended.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = HarvestJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("harvest or import job")
        verbose_name_plural = _("harvest and import jobs")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["source", "-requested_at"], name="harvestjob_source_recent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("opendata:harvest_job", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else (100 if self.is_finished else 0)

    @property
    def problems(self) -> list[dict]:
        return [entry for entry in self.log if entry.get("level") == "error"]

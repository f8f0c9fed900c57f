"""Harvest sources and jobs: a publisher describes a source of their own organisation's datasets, and starts a
harvest or a CSV import, which the worker runs (tasks.run_harvest_job). One job per source runs at a time."""

import datetime
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.core.tasks import enqueue_with_change
from tvatakt.opendata.harvest import run
from tvatakt.opendata.harvest.fetch import check_address
from tvatakt.opendata.harvest.records import SourceError
from tvatakt.opendata.models import HarvestJob, HarvestSource, JobKind, Schedule
from tvatakt.opendata.models.harvest import SCHEDULE_INTERVAL

SOURCE_FIELDS = ("title", "kind", "url", "remote_organisation", "schedule", "is_active")


def _check(source: HarvestSource) -> None:
    try:
        check_address(source.url, unknown_host_ok=True)
    except SourceError as exc:
        raise DomainError({"url": str(exc)}) from exc
    try:
        source.full_clean(exclude=["publisher", "created_by"])
    except ValidationError as exc:
        raise DomainError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from exc


def source_create(*, actor, publisher, **fields) -> HarvestSource:
    require(actor, "opendata.publish", publisher)
    source = HarvestSource(publisher=publisher, created_by=actor, **{key: fields[key] for key in SOURCE_FIELDS
                                                                     if key in fields})  # fmt: skip
    _check(source)
    save_as(source, actor)
    return source


def source_update(*, actor, source: HarvestSource, **fields) -> HarvestSource:
    require(actor, "opendata.publish", source.publisher)
    for key in SOURCE_FIELDS:
        if key in fields:
            setattr(source, key, fields[key])
    _check(source)
    save_as(source, actor)
    return source


def _enqueue(job: HarvestJob) -> None:
    from tvatakt.opendata import tasks  # here: the task module runs the harvest, which uses these services

    enqueue_with_change(tasks.run_harvest_job, job_pk=job.pk)


def harvest_start(*, actor, source: HarvestSource) -> HarvestJob:
    """Queue a harvest of `source`. Refused while one is waiting or running, and for a source not in use."""
    require(actor, "opendata.publish", source.publisher)
    return _queue(source, actor, scheduled=False)


def _queue(source: HarvestSource, requested_by, scheduled: bool) -> HarvestJob:
    run.expire_stale()  # a job whose worker died must not block the source for ever
    with transaction.atomic():
        current = HarvestSource.objects.select_for_update().get(pk=source.pk)  # one start at a time
        if not current.is_active:
            raise DomainError(_("The source is not in use. Turn it on first."))
        if current.jobs.unfinished().exists():
            raise DomainError(_("A harvest of this source is already waiting or running."))
        job = HarvestJob.objects.create(
            kind=JobKind.HARVEST, source=current, publisher=current.publisher, requested_by=requested_by,
            scheduled=scheduled, language=translation.get_language() or "sv",
        )  # fmt: skip
        _enqueue(job)
    return job


def import_start(*, actor, publisher, file: UploadedFile, max_bytes: int) -> HarvestJob:
    """Queue an import of a CSV file of datasets for `publisher`. The file is checked when the job runs."""
    require(actor, "opendata.publish", publisher)
    if not file.size:
        raise DomainError({"file": _("The file is empty.")})
    if file.size > max_bytes:
        raise DomainError({"file": _("The file is larger than %(size)s.") % {"size": filesizeformat(max_bytes)}})
    name = get_valid_filename(PurePath(file.name or "import.csv").name)[-150:]
    job = HarvestJob(
        kind=JobKind.CSV, publisher=publisher, requested_by=actor, file_name=name,
        language=translation.get_language() or "sv",
    )  # fmt: skip
    job.file.save(name, file, save=False)
    try:
        with transaction.atomic():
            job.save()
            _enqueue(job)
    except Exception:
        job.file.delete(save=False)  # no job to read it: not left on disk
        raise
    return job


def harvests_due(*, now: datetime.datetime | None = None) -> list[HarvestJob]:
    """Queue a harvest of every scheduled source whose interval has passed since its last harvest began."""
    now = now or timezone.now()
    run.expire_stale(now=now)
    started = []
    sources = (
        HarvestSource.objects.filter(is_active=True)
        .exclude(schedule=Schedule.MANUAL)
        .select_related("publisher", "created_by")
        .annotate(last=Max("jobs__requested_at"))
    )
    for source in sources:
        last = source.last
        # A little early is on time: a daily sweep that runs at 03:00:05 must not push the next to the day after.
        if last is not None and now - last < SCHEDULE_INTERVAL[source.schedule] - datetime.timedelta(minutes=30):
            continue
        # The job runs as the person who set the source up: if they may no longer publish, its log says so.
        with translation.override("sv"):
            try:
                started.append(_queue(source, source.created_by, scheduled=True))
            except DomainError:
                continue  # one is already waiting or running
    return started

"""Running one harvest or import job, start to end: claim it, fetch or read, check, save, and write down how it
went. A job that fails for any reason ends as failed with a readable log; the catalogue is then as it was."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tvatakt.core.permissions import require
from tvatakt.opendata.harvest import apply, ckan, dcat, table
from tvatakt.opendata.harvest.fetch import fetch
from tvatakt.opendata.harvest.records import Problem, SourceError
from tvatakt.opendata.models import HarvestJob, JobKind, JobStage, JobStatus, SourceKind

logger = logging.getLogger(__name__)
STALE_AFTER = datetime.timedelta(hours=2)  # longer than the largest harvest takes to save, in one transaction
LOG_MAX = 500  # entries kept in a job's log; a source with more problems than that has one cause to fix first


class _Progress:
    """Writes the job's stage and counts as it goes, outside any transaction, so its page shows them live."""

    def __init__(self, job: HarvestJob):
        self.job = job

    def __call__(self, done: int, total: int, stage: str = JobStage.FETCHING) -> None:
        HarvestJob.objects.filter(pk=self.job.pk).update(
            stage=stage, done=done, total=total, heartbeat_at=timezone.now()
        )


def claim(job_pk: int) -> HarvestJob | None:
    """The job, now running; None when another run has it or it has ended (a task delivered twice runs once)."""
    now = timezone.now()
    claimed = HarvestJob.objects.filter(pk=job_pk, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, stage=JobStage.FETCHING
    )
    return HarvestJob.objects.select_related("source", "publisher", "requested_by").get(pk=job_pk) if claimed else None


def run(job_pk: int) -> str | None:
    """Run the job if it is still waiting. Returns its final status."""
    job = claim(job_pk)
    if job is None:
        return None
    with translation.override(job.language):
        log: list[Problem] = []
        try:
            outcome = _run(job, log)
        except apply.Refused as exc:
            _finish(job, JobStatus.FAILED, log + exc.problems, None)
        except SourceError as exc:
            _finish(job, JobStatus.FAILED, [*log, Problem(_("the source"), str(exc))], None)
        except PermissionDenied:
            message = _("%(person)s may not publish for %(publisher)s, so nothing was saved.") % {
                "person": job.requested_by or _("No one"),
                "publisher": job.publisher,
            }
            _finish(job, JobStatus.FAILED, [*log, Problem(_("permission"), message)], None)
        except Exception:
            logger.exception("Harvest job %s failed", job.pk)
            message = _("Something went wrong on our side. Nothing was saved. The error is in the server log.")
            _finish(job, JobStatus.FAILED, [*log, Problem(_("the job"), message)], None)
        else:
            _finish(job, JobStatus.SUCCEEDED, log + outcome.notes, outcome)
        finally:
            if job.file:
                job.file.delete(save=False)  # an import's file is not kept once read
                HarvestJob.objects.filter(pk=job.pk).update(file="")
    return HarvestJob.objects.filter(pk=job.pk).values_list("status", flat=True).first()


def _run(job: HarvestJob, log: list[Problem]) -> apply.Outcome:
    progress = _Progress(job)
    if job.requested_by is None and job.scheduled:
        raise PermissionDenied  # the person who set up the schedule is gone: no one to run it as
    require(job.requested_by, "opendata.publish", job.publisher)  # None: an operator's command
    problems: list[Problem] = []
    try:
        records, reason = _read(job, problems, progress)
    except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as exc:  # a shape no reader expects
        logger.info("Harvest job %s: unreadable source", job.pk, exc_info=True)
        raise SourceError(_("The source’s data has a shape the harvest cannot read: %(error)s")
                          % {"error": " ".join(str(exc).split())[:200]}) from exc  # fmt: skip
    log += [problem for problem in problems if problem.level != "error"]
    errors = [problem for problem in problems if problem.level == "error"]
    progress(0, len(records), JobStage.SAVING)
    return apply.apply(
        records=records, publisher=job.publisher, actor=job.requested_by, source=job.source, reason=reason,
        found=errors,
    )  # fmt: skip


def _read(job: HarvestJob, problems: list[Problem], progress) -> tuple[list, str]:
    if job.kind == JobKind.CSV:
        progress(0, 0, JobStage.CHECKING)
        with job.file.open("rb") as file:
            records = table.read(file, problems, max_bytes=settings.OPENDATA_IMPORT_MAX_BYTES)
        reason = _("Imported from %(file)s") % {"file": job.file_name}
    elif job.source.kind == SourceKind.CKAN:
        records = ckan.read(job.source.url, job.source.remote_organisation, problems, progress)
        reason = _("Harvested from %(source)s") % {"source": job.source.title}
    else:
        progress(0, 0)
        graph = dcat.parse(fetch(job.source.url, accept=dcat.ACCEPT))
        progress(0, 0, JobStage.CHECKING)
        records = dcat.read(graph, problems)
        reason = _("Harvested from %(source)s") % {"source": job.source.title}
    return records, reason


def expire_stale(*, now=None) -> int:
    """End as failed the jobs whose worker stopped (a restart, a crash): running and silent for STALE_AFTER, or
    still waiting a day after they were asked for (their task was lost). Whatever they had begun to save was
    rolled back with their transaction. Returns how many."""
    now = now or timezone.now()
    stale = HarvestJob.objects.filter(
        Q(status=JobStatus.RUNNING, heartbeat_at__lt=now - STALE_AFTER)
        | Q(status=JobStatus.QUEUED, requested_at__lt=now - datetime.timedelta(days=1))
    ).select_related("requested_by")
    count = 0
    for job in stale:
        with translation.override(job.language):
            message = _("The job stopped without finishing, perhaps when the server restarted. Nothing was "
                        "saved. Start it again.")  # fmt: skip
            entries = [*job.log, Problem(_("the job"), message).entry()]
        ended = HarvestJob.objects.filter(pk=job.pk, status=job.status).update(
            status=JobStatus.FAILED, stage=JobStage.FINISHED, finished_at=now, log=entries, file=""
        )
        if ended and job.file:
            job.file.delete(save=False)
        count += ended
    return count


def _finish(job: HarvestJob, status: str, log: list[Problem], outcome: apply.Outcome | None) -> None:
    entries = [problem.entry() for problem in log[:LOG_MAX]]
    if len(log) > LOG_MAX:
        more = _("… and %(count)s more.") % {"count": len(log) - LOG_MAX}
        entries.append(Problem("", more, "warning").entry())
    counts = _counts(outcome)
    HarvestJob.objects.filter(pk=job.pk).update(
        status=status, stage=JobStage.FINISHED, finished_at=timezone.now(), log=entries,
        done=F("total") if outcome else F("done"), **counts,
    )  # fmt: skip


def _counts(outcome: apply.Outcome | None) -> dict[str, int]:
    if outcome is None:
        return {"created": 0, "updated": 0, "unchanged": 0, "withdrawn": 0}
    return {key: getattr(outcome, key) for key in ("created", "updated", "unchanged", "withdrawn")}

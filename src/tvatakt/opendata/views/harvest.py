"""The publishers' harvest sources and imports: describe a source, start a harvest, import a CSV file, and follow
each job's progress and log. Every change goes through a service, which checks who may."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.errors import DomainError
from tvatakt.core.forms import call_service, render_form_page
from tvatakt.core.tabular import tabular_response
from tvatakt.opendata import services
from tvatakt.opendata.forms import HarvestSourceForm, ImportForm
from tvatakt.opendata.harvest import table
from tvatakt.opendata.models import HarvestJob, HarvestSource
from tvatakt.opendata.views.publish import _publishers

JOBS_SHOWN = 20


def _mine(request):
    publishers = _publishers(request.user)
    if not publishers.exists():
        raise PermissionDenied
    return publishers


def _own_source(request, pk: int) -> HarvestSource:
    source = get_object_or_404(HarvestSource.objects.select_related("publisher"), pk=pk)
    if not request.user.has_perm("opendata.publish", source.publisher):
        raise PermissionDenied
    return source


@login_required
def harvest_list(request):
    publishers = _mine(request)
    sources = HarvestSource.objects.filter(publisher__in=publishers).select_related("publisher")
    jobs = (
        HarvestJob.objects.filter(publisher__in=publishers)
        .select_related("source", "publisher", "requested_by")
        .defer("log")[:JOBS_SHOWN]
    )
    return render(request, "opendata/harvest_list.html", {"sources": sources, "jobs": jobs})


@login_required
def source_create(request):
    publishers = _mine(request)
    form = HarvestSourceForm(request.POST or None, publishers=publishers)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        source = call_service(form, services.source_create, actor=request.user, **data)
        if source:
            messages.success(request, _("The source is saved. Start a harvest when you are ready."))
            return redirect(source)
    return render_form_page(
        request, form, title=_("Add a harvest source"), cancel_url=reverse("opendata:harvest_list"),
        intro=_("Tvåtakt copies the datasets from the source into the catalogue, as your organisation's. "
                "A later harvest updates them, and withdraws those the source no longer has."),
        status=422 if form.errors else 200,
    )  # fmt: skip


@login_required
def source_detail(request, pk: int):
    source = _own_source(request, pk)
    jobs = source.jobs.select_related("requested_by").defer("log")[:JOBS_SHOWN]
    datasets = source.datasets.count()
    context = {"source": source, "jobs": jobs, "datasets": datasets, "busy": source.jobs.unfinished().exists()}
    return render(request, "opendata/harvest_source.html", context)


@login_required
def source_edit(request, pk: int):
    source = _own_source(request, pk)
    initial = {key: getattr(source, key) for key in services.harvest.SOURCE_FIELDS}
    form = HarvestSourceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.source_update, actor=request.user, source=source, **form.cleaned_data):
            messages.success(request, _("The source is saved."))
            return redirect(source)
    title = _("Change %(source)s") % {"source": source.title}
    return render_form_page(
        request, form, title=title, cancel_url=source.get_absolute_url(), status=422 if form.errors else 200
    )


@login_required
@require_POST
def source_harvest(request, pk: int):
    source = _own_source(request, pk)
    try:
        job = services.harvest_start(actor=request.user, source=source)
    except DomainError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(source)
    return redirect(job)


@login_required
def job_detail(request, pk: int):
    job = get_object_or_404(HarvestJob.objects.select_related("source", "publisher", "requested_by"), pk=pk)
    if not request.user.has_perm("opendata.publish", job.publisher):
        raise PermissionDenied
    return render(request, "opendata/harvest_job.html", {"job": job})


@login_required
def import_csv(request):
    publishers = _mine(request)
    form = ImportForm(request.POST or None, request.FILES or None, publishers=publishers)
    if request.method == "POST" and form.is_valid():
        job = call_service(
            form, services.import_start, actor=request.user, publisher=form.cleaned_data["publisher"],
            file=form.cleaned_data["file"], max_bytes=settings.OPENDATA_IMPORT_MAX_BYTES,
        )  # fmt: skip
        if job:
            return redirect(job)
    context = {"form": form, "columns": table.COLUMNS, "required": table.REQUIRED}
    return render(request, "opendata/harvest_import.html", context, status=422 if form.errors else 200)


@login_required
def import_template(request):
    _mine(request)
    headers, rows = table.template_rows()
    return tabular_response(filename="datamangder-mall", headers=headers, rows=rows, fmt="csv")

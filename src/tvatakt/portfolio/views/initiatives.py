"""The initiative list, its exports and import, and the initiative page with its create and edit forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tvatakt.core.cache import public_page
from tvatakt.core.forms import call_service
from tvatakt.core.tabular import tabular_response
from tvatakt.portfolio import exports, importer, selectors, services
from tvatakt.portfolio.forms import ImportForm, InitiativeForm
from tvatakt.portfolio.history import initiative_history
from tvatakt.portfolio.views.common import get_initiative, read_filters


@public_page
def initiative_list(request):
    form, filters = read_filters(request)
    initiatives = selectors.initiative_list(user=request.user, filters=filters)
    page = Paginator(initiatives, 50).get_page(request.GET.get("page"))
    context = {"form": form, "filters": filters, "page": page, "today": timezone.localdate()}
    return render(request, "portfolio/initiative_list.html", context)


def initiative_export(request, fmt):
    _form, filters = read_filters(request)
    initiatives = selectors.initiative_list(user=request.user, filters=filters)
    try:
        return tabular_response(
            filename=f"initiativ-{timezone.localdate():%Y-%m-%d}.{fmt}",
            headers=exports.headers(),
            rows=exports.rows(initiatives),
            fmt=fmt,
        )
    except ValueError as exc:
        raise Http404 from exc


@public_page
def initiative_detail(request, slug):
    initiative = get_initiative(request, slug)
    context = {
        "initiative": initiative,
        "history": initiative_history(initiative),
        "today": timezone.localdate(),
        "may": _permissions(request.user, initiative),
    }
    return render(request, "portfolio/initiative_detail.html", context)


def _permissions(user, initiative) -> dict[str, bool]:
    if not user.is_authenticated:
        return {}
    names = ("change_initiative", "check_in", "decide_gate", "decide_outcome", "manage_benefits")
    return {name: user.has_perm(f"portfolio.{name}", initiative) for name in names}


@login_required
def initiative_create(request):
    if not request.user.has_perm("portfolio.create_initiative"):
        raise PermissionDenied
    form = InitiativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        initiative = call_service(form, services.initiative_create, actor=request.user, **fields)
        if initiative:
            messages.success(request, _("The initiative was created."))
            return redirect(initiative)
    return _form(request, form, _("New initiative"), reverse("portfolio:initiative_list"), _("Create"))


@login_required
def initiative_edit(request, slug):
    initiative = get_initiative(request, slug)
    if not request.user.has_perm("portfolio.change_initiative", initiative):
        raise PermissionDenied
    governs = request.user.has_perm("portfolio.govern_initiative", initiative)
    form = InitiativeForm(request.POST or None, instance=initiative, governs=governs)
    if request.method == "POST" and form.is_valid():
        initiative.refresh_from_db()  # the form wrote onto the instance; the service compares with the stored row
        if call_service(
            form, services.initiative_update, actor=request.user, initiative=initiative, **form.service_fields()
        ):
            messages.success(request, _("The initiative was saved."))
            return redirect(initiative)
    return _form(request, form, _("Edit %(name)s") % {"name": initiative}, initiative.get_absolute_url(), _("Save"))


def _form(request, form, title: str, cancel_url: str, submit: str):
    context = {"form": form, "title": title, "cancel_url": cancel_url, "submit_label": submit}
    return render(request, "portfolio/initiative_form.html", context)


@login_required
def initiative_import(request):
    if not request.user.has_perm("portfolio.import_initiatives"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            created = importer.import_initiatives(form.cleaned_data["file"], actor=request.user)
        except importer.ImportFailed as exc:
            errors = exc.errors
        else:
            message = ngettext("%(count)s initiative was imported.", "%(count)s initiatives were imported.", created)
            messages.success(request, message % {"count": created})
            return redirect("portfolio:initiative_list")
    context = {"form": form, "errors": errors, "required": importer.REQUIRED}
    return render(request, "portfolio/initiative_import.html", context, status=422 if errors else 200)

"""The process catalogue: each unit's process types and their phases."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tvatakt.core.cache import public_page
from tvatakt.core.forms import add_errors
from tvatakt.portfolio import selectors, services
from tvatakt.portfolio.forms import PhaseFormSet, ProcessTypeForm
from tvatakt.portfolio.models import ProcessType
from tvatakt.portfolio.services.process_types import PhaseSpec


@public_page
def process_type_list(request):
    may_create = request.user.is_authenticated and selectors.units_managed_by(request.user).exists()
    context = {"process_types": selectors.process_type_list(), "may_create": may_create}
    return render(request, "portfolio/process_type_list.html", context)


@public_page
def process_type_detail(request, slug):
    try:
        process_type = selectors.process_type_detail(slug=slug)
    except ProcessType.DoesNotExist as exc:
        raise Http404 from exc
    may_edit = request.user.is_authenticated and request.user.has_perm("portfolio.manage_process_types", process_type)
    return render(request, "portfolio/process_type_detail.html", {"process_type": process_type, "may_edit": may_edit})


def _specs(formset) -> list[PhaseSpec]:
    kept = [f for f in formset.ordered_forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
    fields = ("pk", "name", "name_en", "gate", "gate_en", "default_days", "rule")
    return [
        PhaseSpec(**{name: form.cleaned_data.get(name) or ("" if name != "pk" else None) for name in fields})
        for form in kept
    ]


def _save(request, form, formset, process_type=None):
    data = {name: form.cleaned_data[name] for name in form.fields}
    try:
        if process_type is None:
            return services.process_type_create(actor=request.user, phases=_specs(formset), **data)
        return services.process_type_update(
            actor=request.user, process_type=process_type, phases=_specs(formset), **data
        )
    except ValidationError as exc:  # shown on the form; nothing was saved
        add_errors(form, exc)
        return None


def _page(request, form, formset, title, cancel_url):
    context = {"form": form, "formset": formset, "title": title, "cancel_url": cancel_url}
    return render(request, "portfolio/process_type_form.html", context)


@login_required
def process_type_create(request):
    units = selectors.units_managed_by(request.user)
    if not units:
        raise PermissionDenied
    form = ProcessTypeForm(request.POST or None, units=units)
    formset = PhaseFormSet(request.POST or None, prefix="phases")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        process_type = _save(request, form, formset)
        if process_type:
            messages.success(request, _("The process type was created."))
            return redirect(process_type)
    return _page(request, form, formset, _("New process type"), reverse("portfolio:process_type_list"))


@login_required
def process_type_edit(request, slug):
    try:
        process_type = selectors.process_type_detail(slug=slug)
    except ProcessType.DoesNotExist as exc:
        raise Http404 from exc
    if not request.user.has_perm("portfolio.manage_process_types", process_type):
        raise PermissionDenied
    form = ProcessTypeForm(request.POST or None, instance=process_type)
    initial = [
        {"pk": p.pk, "name": p.name, "name_en": p.name_en, "gate": p.gate, "gate_en": p.gate_en,
         "default_days": p.default_days, "rule": p.rule, "ORDER": p.order}
        for p in process_type.phases.all() if p.is_active
    ]  # fmt: skip
    formset = PhaseFormSet(request.POST or None, prefix="phases", initial=initial)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        process_type.refresh_from_db()
        if _save(request, form, formset, process_type):
            messages.success(request, _("The process type was saved."))
            return redirect(process_type)
    return _page(request, form, formset, _("Edit %(name)s") % {"name": process_type}, process_type.get_absolute_url())

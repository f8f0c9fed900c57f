from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.cache import public_page
from tvatakt.core.forms import call_service, render_form_page
from tvatakt.organisation import selectors, services
from tvatakt.organisation.forms import ClusterForm, OrganisationFilterForm, OrganisationForm, RoleAssignForm, UnitForm
from tvatakt.organisation.models import Cluster, Organisation, RoleAssignment, Unit


def _get(selector, **kwargs):
    try:
        return selector(**kwargs)
    except (Organisation.DoesNotExist, Unit.DoesNotExist, Cluster.DoesNotExist) as exc:
        raise Http404 from exc


def _form_page(request, form, obj):
    return render_form_page(request, form, title=_("Edit %(name)s") % {"name": obj}, cancel_url=obj.get_absolute_url())


@public_page
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None, clusters=selectors.cluster_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.organisation_list(
        kind=filters.get("kind", ""), cluster=filters.get("cluster", ""), q=filters.get("q", "")
    )
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(request, "organisation/organisation_list.html", {"form": form, "page": page})


@public_page
def organisation_detail(request, slug):
    organisation = _get(selectors.organisation_detail, slug=slug)
    return render(request, "organisation/organisation_detail.html", {"organisation": organisation})


@login_required
def organisation_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("organisation.edit_organisation", organisation):
        raise PermissionDenied
    identity = request.user.has_perm("organisation.edit_organisation_identity", organisation)
    form = OrganisationForm(request.POST or None, instance=organisation, identity=identity)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields}
        organisation.refresh_from_db()  # the form wrote onto the instance; the service compares with the stored row
        if call_service(form, services.organisation_update, actor=request.user, organisation=organisation, **fields):
            messages.success(request, _("The organisation was saved."))
            return redirect(organisation)
    return _form_page(request, form, organisation)


@public_page
def unit_list(request):
    return render(request, "organisation/unit_list.html", {"units": selectors.unit_list()})


@public_page
def unit_detail(request, slug):
    return render(request, "organisation/unit_detail.html", {"unit": _get(selectors.unit_detail, slug=slug)})


@login_required
def unit_edit(request, slug):
    unit = get_object_or_404(Unit, slug=slug)
    if not request.user.has_perm("organisation.edit_unit", unit):
        raise PermissionDenied
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.unit_update, actor=request.user, unit=unit, **form.cleaned_data):
            messages.success(request, _("The unit was saved."))
            return redirect(unit)
    return _form_page(request, form, unit)


@public_page
def cluster_list(request):
    return render(request, "organisation/cluster_list.html", {"clusters": selectors.cluster_list()})


@public_page
def cluster_detail(request, slug):
    cluster = _get(selectors.cluster_detail, slug=slug)
    return render(request, "organisation/cluster_detail.html", {"cluster": cluster})


@login_required
def cluster_edit(request, slug):
    cluster = get_object_or_404(Cluster, slug=slug)
    if not request.user.has_perm("organisation.edit_cluster", cluster):
        raise PermissionDenied
    form = ClusterForm(request.POST or None, instance=cluster)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "members": list(form.cleaned_data["members"])}
        if call_service(form, services.cluster_update, actor=request.user, cluster=cluster, **data):
            messages.success(request, _("The cluster was saved."))
            return redirect(cluster)
    return _form_page(request, form, cluster)


@login_required
def role_list(request):
    if not request.user.has_perm("organisation.manage_roles"):
        raise PermissionDenied
    form = RoleAssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.role_assign, actor=request.user, **form.cleaned_data):
            messages.success(request, _("The role was given."))
            return redirect("organisation:role_list")
    include_ended = request.GET.get("ended") == "1"
    page = Paginator(selectors.role_admin_list(include_ended=include_ended), 100).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "include_ended": include_ended, "today": timezone.localdate()}
    return render(request, "organisation/role_list.html", context)


@login_required
@require_POST
def role_end(request, pk):
    assignment = get_object_or_404(RoleAssignment, pk=pk)
    try:
        services.role_end(actor=request.user, assignment=assignment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The role was ended: %(role)s.") % {"role": assignment})
    return redirect("organisation:role_list")

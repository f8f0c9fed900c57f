"""The data publishers' pages: their datasets with what each is missing, and the forms to describe, add
distributions, publish and withdraw. Every form calls a service, which checks who may."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.forms import button_action, call_service, render_form_page
from tvatakt.opendata import services
from tvatakt.opendata.forms import DatasetForm, DistributionForm, ReasonForm
from tvatakt.opendata.models import Dataset, Distribution
from tvatakt.opendata.quality import quality
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Organisation
from tvatakt.organisation.permissions import active_roles


def _publishers(user):
    """The organisations `user` publishes data for (a superuser: all)."""
    if user.is_superuser:
        return Organisation.objects.filter(is_active=True).order_by("name")
    ids = [organisation for role, _unit, organisation, _cluster in active_roles(user) if role == Role.DATA_PUBLISHER]
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def _own(request, name: str) -> Dataset:
    dataset = get_object_or_404(Dataset.objects.select_related("publisher"), name=name)
    if not request.user.has_perm("opendata.publish", dataset):
        raise PermissionDenied
    return dataset


@login_required
def my_datasets(request):
    publishers = _publishers(request.user)
    if not publishers.exists():
        raise PermissionDenied
    datasets = (
        Dataset.objects.filter(publisher__in=publishers)
        .select_related("publisher")
        .prefetch_related("themes", "keywords", Prefetch("distributions", queryset=Distribution.objects.order_by("pk")))
        .order_by("state", "title", "pk")
    )
    rows = [(dataset, quality(dataset)) for dataset in datasets]
    return render(request, "opendata/my_datasets.html", {"rows": rows, "publishers": publishers})


def _dataset_fields(data: dict) -> dict:
    fields = {key: value for key, value in data.items() if key not in ("publisher", "keywords", "themes")}
    return fields | {"frequency": data.get("frequency") or ""}


@login_required
def dataset_create(request):
    publishers = _publishers(request.user)
    if not publishers.exists():
        raise PermissionDenied
    form = DatasetForm(request.POST or None, publishers=publishers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        dataset = call_service(
            form, services.dataset_create, actor=request.user, publisher=data["publisher"],
            keywords=data["keywords"], themes=data["themes"], **_dataset_fields(data),
        )  # fmt: skip
        if dataset:
            messages.success(request, _("The dataset is saved as a draft. Add a distribution, then publish it."))
            return redirect(dataset)
    return render_form_page(
        request, form, title=_("Describe a new dataset"), cancel_url=reverse("opendata:my_datasets"),
        intro=_("It is saved as a draft. Only you and your organisation's publishers see it until you publish it."),
        status=_status(form),
    )  # fmt: skip


@login_required
def dataset_edit(request, name: str):
    dataset = _own(request, name)
    initial = {field: getattr(dataset, field) for field in services.datasets.FIELDS} | {
        "keywords": ", ".join(dataset.keywords.values_list("name", flat=True)),
        "themes": list(dataset.themes.values_list("code", flat=True)),
    }
    form = DatasetForm(request.POST or None, initial=initial)
    if dataset.is_public:
        form.fields["name"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = call_service(
            form, services.dataset_update, actor=request.user, dataset=dataset, keywords=data["keywords"],
            themes=data["themes"], **_dataset_fields(data),
        )  # fmt: skip
        if saved:
            messages.success(request, _("The description is saved."))
            return redirect(saved)
    title = _("Change the description of %(title)s") % {"title": dataset.display_title}
    return render_form_page(request, form, title=title, cancel_url=dataset.get_absolute_url(), status=_status(form))


@login_required
def distribution_create(request, name: str):
    dataset = _own(request, name)
    form = DistributionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        upload = fields.pop("file")
        if call_service(form, services.distribution_add, actor=request.user, dataset=dataset, file=upload, **fields):
            messages.success(request, _("The distribution is added."))
            return redirect(dataset)
    title = _("Add a distribution to %(title)s") % {"title": dataset.display_title}
    return render_form_page(request, form, title=title, cancel_url=dataset.get_absolute_url(), status=_status(form))


@login_required
def distribution_remove(request, name: str, identifier):
    dataset = _own(request, name)
    distribution = dataset.distributions.filter(identifier=identifier).first()
    if distribution is None:
        raise Http404
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        removed = call_service(
            form, services.distribution_remove, actor=request.user, distribution=distribution, reason=reason
        )
        if removed:
            messages.success(request, _("The distribution is removed."))
            return redirect(dataset)
    title = _("Remove %(title)s") % {"title": distribution.display_title}
    return render_form_page(
        request, form, title=title, cancel_url=dataset.get_absolute_url(), submit=_("Remove"), status=_status(form)
    )


@login_required
@require_POST
def dataset_publish(request, name: str):
    dataset = _own(request, name)
    return button_action(request, services.dataset_publish, _("The dataset is published."), dataset, dataset=dataset)


@login_required
def dataset_withdraw(request, name: str):
    dataset = _own(request, name)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        if call_service(form, services.dataset_withdraw, actor=request.user, dataset=dataset, reason=reason):
            messages.success(request, _("The dataset is withdrawn. It is a draft again."))
            return redirect(dataset)
    title = _("Withdraw %(title)s") % {"title": dataset.display_title}
    intro = _(
        "It becomes a draft: it leaves the catalogue, the national portal and the API until you publish it again."
    )
    return render_form_page(
        request, form, title=title, intro=intro, cancel_url=dataset.get_absolute_url(), submit=_("Withdraw"),
        status=_status(form),
    )  # fmt: skip


def _status(form) -> int:
    return 422 if form.errors else 200

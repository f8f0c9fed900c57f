"""The hosts' forms: a new event (or a copy of an earlier one as a template), changes, and cancelling."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from tvatakt.core.forms import call_service, render_form_page
from tvatakt.inclusion import services
from tvatakt.inclusion.forms import CancelForm, EventForm
from tvatakt.inclusion.models import Event
from tvatakt.inclusion.permissions import host_organisation_ids
from tvatakt.inclusion.views.host import hosted_event
from tvatakt.organisation.models import Organisation


def _host_organisations(user):
    ids = host_organisation_ids(user)
    everyone = ids is None
    organisations = Organisation.objects.filter(is_active=True) if everyone else Organisation.objects.filter(pk__in=ids)
    return organisations.order_by("name")


@login_required
def event_create(request):
    hosts = _host_organisations(request.user)
    if not hosts.exists():
        raise PermissionDenied
    template = Event.objects.filter(slug=request.GET.get("fran", "")).first()
    may_copy = template is not None and request.user.has_perm("inclusion.host", template)
    initial = services.template_fields(template) if may_copy else None
    form = EventForm(request.POST or None, initial=initial, hosts=hosts)
    if request.method == "POST" and form.is_valid():
        event = call_service(form, services.event_create, actor=request.user, **form.cleaned_data)
        if event:
            published = event.state == "published"
            messages.success(request, _("The event is published.") if published else _("The event is saved."))
            return redirect("inclusion:participants", slug=event.slug)
    title = _("Copy %(title)s") % {"title": template.display_title} if initial else _("A new event")
    return render_form_page(request, form, title=title, cancel_url=reverse("inclusion:my_events"),
                            status=422 if form.errors else 200)  # fmt: skip


@login_required
def event_edit(request, slug: str):
    event = hosted_event(request, slug)
    initial = {key: getattr(event, key) for key in services.planning.FIELDS} | {"capacity": event.capacity}
    form = EventForm(request.POST or None, initial=initial)
    form.fields["publish"].initial = event.state == "published"
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.event_update, actor=request.user, event=event, **form.cleaned_data):
            messages.success(request, _("The event is saved."))
            return redirect("inclusion:participants", slug=event.slug)
    title = _("Change %(title)s") % {"title": event.display_title}
    return render_form_page(request, form, title=title, cancel_url=reverse("inclusion:participants", args=[slug]),
                            status=422 if form.errors else 200)  # fmt: skip


@login_required
def event_cancel(request, slug: str):
    event = hosted_event(request, slug)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        if call_service(form, services.cancel_event, actor=request.user, event=event, reason=reason):
            messages.success(request, _("The event is cancelled, and everyone registered is told."))
            return redirect("inclusion:participants", slug=event.slug)
    title = _("Cancel %(title)s") % {"title": event.display_title}
    return render_form_page(
        request, form, title=title, cancel_url=reverse("inclusion:participants", args=[slug]),
        submit=_("Cancel the event"), intro=_("Everyone registered is told by e-mail, and no one stays confirmed."),
        status=422 if form.errors else 200,
    )  # fmt: skip

"""The secretary's tools: schedule meetings, build agendas, record decisions and votes; and the minutes'
approval by an adjuster and the chair. Every form calls the same services as the API."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.forms import button_action, call_service, render_form_page
from tvatakt.core.permissions import require
from tvatakt.council import selectors, services
from tvatakt.council.forms import AgendaItemForm, AttachmentForm, DecisionForm, MeetingForm
from tvatakt.council.models import AgendaItem, Attachment, Meeting


@login_required
def meeting_create(request):
    require(request.user, "council.manage")
    council = selectors.council()
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = call_service(
            form, services.meeting_schedule, actor=request.user, council=council, **form.cleaned_data
        )
        if meeting:
            messages.success(request, _("The meeting was scheduled."))
            return redirect(meeting)
    return render_form_page(
        request, form, title=_("Schedule a meeting"), cancel_url=reverse("council:council_home"), submit=_("Schedule")
    )


@login_required
def item_add(request, pk: int):
    require(request.user, "council.manage")
    meeting = get_object_or_404(Meeting, pk=pk)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.agenda_item_add, actor=request.user, meeting=meeting, **form.cleaned_data):
            messages.success(request, _("The item was added to the agenda."))
            return redirect(meeting)
    return render_form_page(
        request, form, title=_("Add an agenda item"), cancel_url=meeting.get_absolute_url(), submit=_("Add")
    )


@login_required
def attachment_add(request, pk: int):
    require(request.user, "council.manage")
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.attachment_add, actor=request.user, item=item, **form.cleaned_data):
            messages.success(request, _("The paper was attached."))
            return redirect(item.meeting)
    title = _("Attach a paper to: %(item)s") % {"item": item}
    return render_form_page(request, form, title=title, cancel_url=item.meeting.get_absolute_url(), submit=_("Attach"))


@login_required
@require_POST
def attachment_remove(request, pk: int):
    require(request.user, "council.manage")
    attachment = get_object_or_404(Attachment.objects.select_related("item__meeting"), pk=pk)
    done = _("The paper was removed from the agenda.")
    return button_action(request, services.attachment_remove, done, attachment.item.meeting, attachment=attachment)


@login_required
def decision_record(request, pk: int):
    require(request.user, "council.manage")
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__council"), pk=pk)
    voters = [assignment.person for assignment in selectors.voting_members()]
    initial = {"decided_on": item.meeting.starts_at.date(), "method": "consensus", "scope": "all"}
    form = DecisionForm(request.POST or None, voters=voters, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        if call_service(form, services.decision_record, actor=request.user, item=item, **fields):
            messages.success(request, _("The decision was recorded."))
            return redirect(item.meeting)
    title = _("Decision on: %(item)s") % {"item": item}
    return render_form_page(
        request, form, title=title, cancel_url=item.meeting.get_absolute_url(), submit=_("Record the decision")
    )


@login_required
@require_POST
def meeting_step(request, pk: int, step: str):
    """Mark a meeting held, adjust its minutes (a member) or approve them (the chair)."""
    meeting = get_object_or_404(Meeting, pk=pk)
    service = {
        "held": services.meeting_mark_held,
        "adjust": services.minutes_adjust,
        "approve": services.minutes_approve,
    }.get(step)
    if service is None:
        raise PermissionDenied
    return button_action(request, service, _("Saved."), meeting, meeting=meeting)

"""Forms that record what happens to an initiative: check-ins, gates, outcomes, overruns and benefits."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.forms import call_service
from tvatakt.core.forms import render_form_page as form_page
from tvatakt.portfolio import services
from tvatakt.portfolio.forms import BenefitForm, CheckInForm, FollowUpForm, GateDecisionForm, OutcomeForm, OverrunForm
from tvatakt.portfolio.models import Benefit, Phase
from tvatakt.portfolio.views.common import get_initiative


def _guarded(request, slug, perm):
    initiative = get_initiative(request, slug)
    if not request.user.has_perm(perm, initiative):
        raise PermissionDenied
    return initiative


def _done(request, initiative, message):
    messages.success(request, message)
    return redirect(initiative)


@login_required
def check_in(request, slug):
    initiative = _guarded(request, slug, "portfolio.check_in")
    form = CheckInForm(request.POST or None, initial={"date": timezone.localdate(), "health": initiative.health})
    if request.method == "POST" and form.is_valid():
        if call_service(
            form, services.initiative_check_in, actor=request.user, initiative=initiative, **form.cleaned_data
        ):
            return _done(request, initiative, _("The check-in was saved."))
    title = _("Check-in: %(name)s") % {"name": initiative}
    return form_page(request, form, title=title, cancel_url=initiative.get_absolute_url())


@login_required
def gate_decision(request, slug):
    initiative = _guarded(request, slug, "portfolio.decide_gate")
    phase = initiative.current_phase
    initial = {"phase": phase.pk, "revision": initiative.gate_revision, "decided_on": timezone.localdate()}
    form = GateDecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["phase"] = Phase.objects.filter(pk=data["phase"]).first()
        if data["phase"] is None:
            form.add_error(None, _("This phase no longer exists. Reload the page and decide again."))
        elif call_service(form, services.gate_decide, actor=request.user, initiative=initiative, **data):
            return _done(request, initiative, _("The gate decision was saved."))
    title = _("Gate decision: %(phase)s, %(name)s") % {"phase": phase, "name": initiative}
    intro = _("The gate: %(gate)s") % {"gate": phase.display_gate} if phase.gate else ""
    return form_page(
        request, form, title=title, intro=intro, cancel_url=initiative.get_absolute_url(), submit=_("Decide")
    )


@login_required
def outcome(request, slug):
    initiative = _guarded(request, slug, "portfolio.decide_outcome")
    form = OutcomeForm(request.POST or None, initial={"decided_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        if call_service(
            form, services.sprint_outcome_decide, actor=request.user, initiative=initiative, **form.cleaned_data
        ):
            return _done(request, initiative, _("The outcome was saved."))
    title = _("Outcome: %(name)s") % {"name": initiative}
    return form_page(request, form, title=title, cancel_url=initiative.get_absolute_url(), submit=_("Decide"))


@login_required
def overrun(request, slug):
    initiative = _guarded(request, slug, "portfolio.decide_outcome")
    form = OverrunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.overrun_resolve, actor=request.user, initiative=initiative, **form.cleaned_data):
            return _done(request, initiative, _("The decision was saved."))
    title = _("Past its timebox: %(name)s") % {"name": initiative}
    intro = _("The quarter is over and this sprint has no outcome. Stop it, extend it once, or make it a marathon.")
    return form_page(
        request, form, title=title, intro=intro, cancel_url=initiative.get_absolute_url(), submit=_("Decide")
    )


@login_required
def benefit_create(request, slug):
    initiative = _guarded(request, slug, "portfolio.manage_benefits")
    form = BenefitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.benefit_create, actor=request.user, initiative=initiative, **form.cleaned_data):
            return _done(request, initiative, _("The benefit was added."))
    title = _("New benefit: %(name)s") % {"name": initiative}
    return form_page(request, form, title=title, cancel_url=initiative.get_absolute_url(), submit=_("Add"))


@login_required
def benefit_follow_up(request, pk):
    benefit = get_object_or_404(Benefit.objects.select_related("initiative"), pk=pk)
    initiative = _guarded(request, benefit.initiative.slug, "portfolio.manage_benefits")
    form = FollowUpForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.benefit_follow_up, actor=request.user, benefit=benefit, **form.cleaned_data):
            return _done(request, initiative, _("The follow-up was saved."))
    title = _("Follow up: %(name)s") % {"name": benefit}
    return form_page(request, form, title=title, cancel_url=initiative.get_absolute_url())

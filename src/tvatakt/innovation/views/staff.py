"""The pages of those who run a consultation: the moderation queue (reports, hidden ideas, and the ideas waiting for
the city's answer), the answer to an idea, hiding an idea and showing it again, and the consultation's phase. Every
change goes through a service, which checks innovation.run; a refusal is a 403. No page needs JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tvatakt.core.forms import call_service, render_form_page
from tvatakt.core.permissions import require
from tvatakt.innovation import services, staff_selectors
from tvatakt.innovation.choices import IdeaState
from tvatakt.innovation.forms import AnswerForm, HideForm, PhaseForm, RestoreForm
from tvatakt.innovation.models import Consultation, Idea

PER_PAGE = 25
SHOWN = 50  # reports and hidden ideas on the page; handling them brings the next ones up


def _idea(request, slug: str, pk: int) -> Idea:
    related = ("consultation__organisation", "initiative__organisation", "entered_by", "hidden_by")
    idea = get_object_or_404(Idea.objects.select_related(*related), consultation__slug=slug, pk=pk)
    require(request.user, "innovation.run", idea.consultation)
    return idea


def _posted(request):
    """The form's data on a POST, even an empty one (which then fails as such), else None for a fresh form."""
    return request.POST if request.method == "POST" else None


def _back(request, idea: Idea) -> str:
    """Back to the moderation queue when that is where the button was pressed, else to the idea."""
    return reverse("innovation:moderation") if request.POST.get("from") == "moderation" else idea.get_absolute_url()


@login_required
def moderation(request):
    runs = staff_selectors.consultations_run_by(request.user)
    if not runs and not request.user.has_perm("innovation.run"):  # city-wide: the page, even before a consultation
        raise PermissionDenied
    chosen = [consultation for consultation in runs if consultation.slug == request.GET.get("dialog")] or runs
    refused = None  # (report, form) when hiding was refused: that form is shown again, with the reason why
    if request.method == "POST":
        refused = _act_on_report(request, chosen)
        if refused is None:
            return redirect(request.get_full_path())
    reports = staff_selectors.open_reports(chosen)
    hidden = staff_selectors.hidden_ideas(chosen)
    context = {
        "consultations": runs, "chosen": chosen[0] if len(chosen) == 1 and len(runs) > 1 else None,
        "reports": [(report, _hide_form(report, refused)) for report in reports[:SHOWN]],
        "report_count": reports.count(), "hidden": hidden[:SHOWN], "hidden_count": hidden.count(),
        "unanswered": Paginator(staff_selectors.unanswered_ideas(chosen), PER_PAGE).get_page(request.GET.get("page")),
    }  # fmt: skip
    return render(request, "innovation/staff_moderation.html", context, status=422 if refused else 200)


def _act_on_report(request, consultations) -> tuple | None:
    """Hide what a report is about, or dismiss the report. None when done (or done already by someone else);
    else the report and its form with the reason the hiding was refused."""
    number = request.POST.get("report", "")
    report = staff_selectors.open_reports(consultations).filter(pk=int(number) if number.isdigit() else None).first()
    if report is None:
        messages.info(request, _("The report has already been handled."))
        return None
    if request.POST.get("action") == "dismiss":
        services.dismiss_report(report=report, actor=request.user)
        messages.success(request, _("The report is dismissed. What it was about is shown as before."))
        return None
    form = HideForm(request.POST, prefix=f"report-{report.pk}")
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        if report.comment_id:
            done = call_service(form, services.hide_comment, comment=report.comment, actor=request.user, reason=reason)
        else:
            done = call_service(form, services.hide_idea, idea=report.idea, actor=request.user, reason=reason)
        if done:
            messages.success(request, _("It is hidden. Its author sees your reason."))
            return None
    return report, form


def _hide_form(report, refused) -> HideForm:
    if refused is not None and refused[0].pk == report.pk:
        return refused[1]
    return HideForm(prefix=f"report-{report.pk}")


@login_required
def answer(request, slug: str, pk: int):
    idea = _idea(request, slug, pk)
    finding = request.method == "POST" and "find" in request.POST
    search = request.POST.get("initiative_search", "") if request.method == "POST" else ""
    initiatives = staff_selectors.initiatives_to_link(search, current=idea.initiative)
    if finding:  # only the list of initiatives changes: what was written stays, and nothing is checked or saved
        form = AnswerForm(initial=request.POST.dict(), initiatives=initiatives)
    else:
        initial = {"outcome": idea.outcome or None, "text": idea.outcome_text, "url": idea.outcome_url,
                   "initiative": idea.initiative_id}  # fmt: skip
        form = AnswerForm(_posted(request), initial=initial, initiatives=initiatives)
    if request.method == "POST" and not finding and form.is_valid():
        data = form.cleaned_data
        if call_service(form, services.answer, idea=idea, actor=request.user, outcome=data["outcome"],
                        text=data["text"], url=data["url"], initiative=data["initiative"]):  # fmt: skip
            messages.success(request, _("Your answer to “%(title)s” is saved and shown with the idea.") % {
                "title": idea.title})  # fmt: skip
            return redirect(reverse("innovation:moderation") + "#unanswered")
    context = {"idea": idea, "form": form, "found": search if finding else None}
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "innovation/staff_answer.html", context, status=status)


@login_required
def hide(request, slug: str, pk: int):
    """Hide the idea with a reason its author sees; or, when asked (a hidden idea's page), show it again."""
    idea = _idea(request, slug, pk)
    if request.method == "POST" and "restore" in request.POST:
        services.restore_idea(idea=idea, actor=request.user)
        messages.success(request, _("The idea “%(title)s” is shown again.") % {"title": idea.title})
        return redirect(_back(request, idea))
    if request.method == "GET" and idea.state == IdeaState.HIDDEN:
        intro = _("Hidden because: %(reason)s. Showing it again publishes it, without the reason.") % {
            "reason": idea.hidden_reason}  # fmt: skip
        title = _("Show “%(title)s” again") % {"title": idea.title}
        return render_form_page(request, RestoreForm(), title=title, intro=intro, cancel_url=idea.get_absolute_url(),
                                submit=_("Show the idea again"))  # fmt: skip
    form = HideForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.hide_idea, idea=idea, actor=request.user, reason=form.cleaned_data["reason"]):
            messages.success(request, _("The idea is hidden. Its author sees your reason."))
            return redirect(_back(request, idea))
    intro = _("“%(title)s”. The idea is kept, but only its author and those who run the consultation can open it, "
              "and they see your reason.") % {"title": idea.title}  # fmt: skip
    return render_form_page(request, form, title=_("Hide an idea"), intro=intro, cancel_url=idea.get_absolute_url(),
                            submit=_("Hide the idea"), status=422 if form.errors else 200)  # fmt: skip


@login_required
def phase(request, slug: str):
    consultation = get_object_or_404(Consultation.objects.select_related("organisation"), slug=slug)
    require(request.user, "innovation.run", consultation)
    form = PhaseForm(_posted(request), initial={"phase": consultation.phase, "results": consultation.results})
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.set_phase, consultation=consultation, actor=request.user, **form.cleaned_data):
            messages.success(request, _("The consultation is now: %(phase)s.") % {
                "phase": consultation.get_phase_display()})  # fmt: skip
            return redirect(consultation)
    intro = _("Open for ideas: everyone can give ideas and support them. Open for support: no new ideas, but they "
              "can still be supported. Being reviewed: the city answers the ideas. Closed, with results: everyone "
              "who took part can read what came of it.")  # fmt: skip
    return render_form_page(
        request, form, title=_("The phase of “%(title)s”") % {"title": consultation.title}, intro=intro,
        cancel_url=reverse("innovation:moderation"), submit=_("Save the phase"), status=422 if form.errors else 200,
    )  # fmt: skip

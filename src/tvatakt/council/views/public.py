"""The public council pages: the council, its meetings (with calendar files) and its decision log."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tvatakt.core.cache import public_page, remembered
from tvatakt.core.charts import bar_chart
from tvatakt.council import calendar, dashboard, selectors
from tvatakt.council.choices import MeetingStatus
from tvatakt.council.forms import DecisionFilterForm
from tvatakt.council.minutes import PdfUnavailable, minutes_pdf
from tvatakt.council.models import Attachment, Decision, Meeting
from tvatakt.organisation.models import Organisation


@public_page
def council_home(request):
    context = {
        "council": selectors.council(),
        "members": selectors.council_members(),
        "upcoming": selectors.meetings(upcoming=True)[:5],
        "past": selectors.meetings(upcoming=False)[:12],
        "decisions": selectors.progress(list(selectors.decision_log()[:10])),
        "may_manage": request.user.is_authenticated and request.user.has_perm("council.manage"),
    }
    return render(request, "council/council_home.html", context)


def _meeting(pk: int) -> Meeting:
    try:
        return selectors.meeting_detail(pk=pk)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc


@public_page
def meeting_detail(request, pk: int):
    user = request.user
    may = {}
    if user.is_authenticated:
        names = ("manage", "adjust_minutes", "approve_minutes", "read_draft_minutes")
        may = {name: user.has_perm(f"council.{name}") for name in names}
    return render(request, "council/meeting_detail.html", {"meeting": _meeting(pk), "may": may})


def _minutes(request, pk: int) -> Meeting:
    meeting = _meeting(pk)
    if meeting.status == MeetingStatus.PLANNED:  # no minutes before the meeting is held
        raise Http404
    if not meeting.minutes_approved and not request.user.has_perm("council.read_draft_minutes"):
        raise Http404  # a draft is not yet a public record
    return meeting


@public_page
def meeting_minutes(request, pk: int):
    return render(request, "council/meeting_minutes.html", {"meeting": _minutes(request, pk)})


@public_page
def meeting_minutes_pdf(request, pk: int):
    meeting = _minutes(request, pk)
    try:
        # Drawing a PDF takes about a second: one per meeting and language until anything changes, whoever asks.
        pdf = remembered(f"minutes-pdf-{pk}-{get_language()}", lambda: minutes_pdf(meeting, base_url=""))
    except PdfUnavailable:
        message = _("The minutes cannot be made into a PDF on this server just now. Read them on the web page.")
        context = {"title": _("No PDF"), "message": message, "back_url": reverse("council:meeting_minutes", args=[pk])}
        return render(request, "web/error.html", context, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    state = "" if meeting.minutes_approved else "-utkast"
    response["Content-Disposition"] = f'attachment; filename="protokoll-{meeting.starts_at:%Y-%m-%d}{state}.pdf"'
    return response


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@public_page
def meeting_ics(request, pk: int):
    meeting = _meeting(pk)
    url = request.build_absolute_uri(reverse("council:meeting_detail", kwargs={"pk": pk}))
    return _ics(calendar.meeting_ics(meeting, url), f"radsmote-{meeting.starts_at:%Y-%m-%d}.ics")


@public_page
def meetings_feed(request):
    meetings = Meeting.objects.select_related("council").prefetch_related("items").order_by("starts_at")
    url_for = lambda m: request.build_absolute_uri(reverse("council:meeting_detail", kwargs={"pk": m.pk}))  # noqa: E731
    return _ics(calendar.meetings_feed(meetings, url_for), "digitaliseringsradet.ics")


def attachment_download(request, pk: int, filename: str):
    """A paper on the agenda. Always a download, never shown inline: a file cannot run as our page."""
    attachment = get_object_or_404(Attachment.objects.select_related("item__meeting"), pk=pk, filename=filename)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=attachment.filename)
    response["Content-Type"] = attachment.content_type
    # Fixed once the minutes are approved; until then a paper may still be taken off the agenda.
    approved = attachment.item.meeting.status == MeetingStatus.APPROVED
    response["Cache-Control"] = "public, max-age=86400" if approved else "no-cache"
    return response


@public_page
def decision_list(request):
    organisations = Organisation.objects.filter(is_active=True).order_by("name").values_list("slug", "name")
    form = DecisionFilterForm(request.GET or None, years=selectors.decision_years(), organisations=organisations)
    filters = form.cleaned_data if form.is_valid() else {}
    decisions = selectors.decision_log(
        q=filters.get("q", ""),
        year=filters.get("year"),
        organisation=filters.get("organisation", ""),
        status=filters.get("status", ""),
    )
    page = Paginator(decisions, 25).get_page(request.GET.get("page"))
    page.object_list = selectors.progress(list(page.object_list))
    return render(request, "council/decision_list.html", {"form": form, "page": page})


@public_page
def decision_detail(request, reference: str):
    try:
        decision = selectors.decision_detail(reference=reference)
    except Decision.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "council/decision_detail.html", {"decision": decision})


@public_page
def adoption_dashboard(request):
    decisions = Paginator(selectors.decision_log(), 10).get_page(request.GET.get("page"))
    rates = dashboard.organisation_rates()
    trend = dashboard.trend()
    chart = bar_chart(
        title=_("Share implemented or exempted, at the end of each quarter"),
        categories=[label for label, _share in trend],
        series=[(_("Implemented or exempted"), [round(100 * s) if s is not None else None for _l, s in trend])],
        unit="%",
        category_label=_("Quarter"),
        html_id="chart-adoption-trend",
    )
    context = {
        "page": decisions,
        "rows": dashboard.matrix(list(decisions), rates),
        "clusters": dashboard.cluster_rates(rates),
        "chart": chart,
        "legend": dashboard.SHORT.items(),
    }
    return render(request, "council/adoption_dashboard.html", context)

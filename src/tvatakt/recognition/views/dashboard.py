"""The recognition dashboard, the histories of organisations and people, and the policy."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.cache import public_page
from tvatakt.core.charts import bar_chart
from tvatakt.core.forms import call_service, render_form_page
from tvatakt.organisation.models import Organisation, Person
from tvatakt.portfolio.dates import add_quarters, quarter_label, quarter_start
from tvatakt.recognition import selectors
from tvatakt.recognition.choices import EventKind
from tvatakt.recognition.forms import PolicyForm, QuarterForm
from tvatakt.recognition.services import events as services

PER_PAGE = 25


def _chart(trend, title: str, html_id: str):
    return bar_chart(
        title=title,
        categories=[label for label, _balance in trend],
        series=[
            (_("Stability"), [balance.stability for _label, balance in trend]),
            (_("Exploration"), [balance.exploration for _label, balance in trend]),
        ],
        unit=_("points"),
        category_label=_("Quarter"),
        html_id=html_id,
    )


YEAR = 4  # quarters


def _chosen_period(request, quarters: list[datetime.date]) -> tuple[QuarterForm, datetime.date, int]:
    """The quarter chosen (the latest with events unless another is asked for) and how many quarters up to it:
    one, or four for a year, where a long process's steady points and a sprint's burst can meet."""
    form = QuarterForm(request.GET or None, quarters=quarters)
    form.is_valid()  # each field that is valid counts on its own: a quarter that is gone keeps the year view
    cleaned = getattr(form, "cleaned_data", {})
    chosen = cleaned.get("quarter") or ""
    span = YEAR if cleaned.get("span") == "year" else 1
    if chosen:
        return form, datetime.date.fromisoformat(chosen), span
    return form, quarters[0] if quarters else quarter_start(timezone.localdate()), span


def period_label(quarter: datetime.date, span: int) -> str:
    if span == 1:
        return quarter_label(quarter)
    return _("%(first)s to %(last)s") % {
        "first": quarter_label(add_quarters(quarter, 1 - span)),
        "last": quarter_label(quarter),
    }


@public_page
def recognition_dashboard(request):
    form, quarter, span = _chosen_period(request, selectors.quarters_with_events())
    trend = selectors.trend(quarter)
    context = {
        "form": form,
        "quarter": quarter,
        "quarter_label": period_label(quarter, span),
        "levels": [
            # (html id, heading, column heading, rows, whether a row links to the organisation's history)
            ("units", _("Units"), _("Unit"), selectors.balances("unit", quarter, span), False),
            (
                "organisations",
                _("Organisations"),
                _("Organisation"),
                selectors.balances("organisation", quarter, span),
                True,
            ),
            ("clusters", _("Clusters"), _("Cluster"), selectors.balances("cluster", quarter, span), False),
        ],
        "chart": _chart(trend, _("The whole city: stability and exploration points per quarter"), "chart-balance"),
        "may_edit_policy": request.user.is_authenticated and request.user.has_perm("recognition.edit_policy"),
    }
    return render(request, "recognition/dashboard.html", context)


@public_page
def organisation_history(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    page = Paginator(selectors.history(request.user, organisation=organisation), PER_PAGE)
    last = (selectors.quarters_with_events() or [quarter_start(datetime.date.today())])[0]  # noqa: DTZ011
    trend = selectors.trend(last, organisation=organisation)
    context = {
        "subject": organisation,
        "page": page.get_page(request.GET.get("page")),
        "chart": _chart(trend, _("%(name)s: points per quarter") % {"name": organisation}, "chart-history"),
    }
    return render(request, "recognition/history.html", context)


@public_page
def person_history(request, username: str):
    person = get_object_or_404(Person, username=username, is_active=True)
    events = selectors.history(request.user, person=person)
    if not events.exists():  # only people the city has recognised have a page: no way to look up everyone
        raise Http404
    context = {"subject": person, "page": Paginator(events, PER_PAGE).get_page(request.GET.get("page"))}
    return render(request, "recognition/history.html", context)


@public_page
def policy_detail(request):
    policy = services.policy_current()
    context = {
        "policy": policy,
        "versions": selectors.policies(),
        "weights": [(label, policy.points(kind)) for kind, label in EventKind.choices],
        "may_edit": request.user.is_authenticated and request.user.has_perm("recognition.edit_policy"),
    }
    return render(request, "recognition/policy.html", context)


@login_required
def policy_edit(request):
    if not request.user.has_perm("recognition.edit_policy"):
        raise PermissionDenied
    current = services.policy_current()
    initial = {kind: current.points(kind) for kind in EventKind.values} | {"seen_version": current.version}
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {"weights": form.weights(), "note": data["note"], "seen_version": data["seen_version"]}
        if call_service(form, services.policy_update, actor=request.user, **fields):
            messages.success(request, _("The new points apply from now on. Earlier events keep theirs."))
            return redirect("recognition:policy")
    return render_form_page(
        request,
        form,
        title=_("Change the recognition policy"),
        intro=_("The points apply to events from now on. Events already recorded keep the points they earned."),
        cancel_url=reverse("recognition:policy"),
        submit=_("Save as a new version"),
    )

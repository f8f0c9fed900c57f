"""The public pages: the events with filters, an event with its registration form, and the pages behind the
signed links (manage a registration, a guardian's consent). No account is needed for any of them."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tvatakt.core.cache import public_page
from tvatakt.core.errors import DomainError
from tvatakt.core.forms import add_errors
from tvatakt.core.ratelimit import limit
from tvatakt.core.tabular import attachment
from tvatakt.inclusion import selectors, services, tokens
from tvatakt.inclusion.calendar import events_ics
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.forms import EventFilterForm, ParticipantFormSet, RegistrationForm
from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import holds

PER_PAGE = 20
MONTH_MOST = 200  # a city-wide month can hold more than a page should: then the first 200, and a word to choose
# The events' pages, shared by anonymous visitors: new as soon as a seat is taken (the inclusion scope), and at most
# a minute behind the clock (registration opens at ten, an event ends and leaves the list).
events_page = public_page(scopes=("inclusion",), timeout=60)


@events_page
def event_list(request):
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(selectors.upcoming(filters), PER_PAGE).get_page(request.GET.get("page"))
    hosting = request.user.is_superuser or holds(request.user, Role.EVENT_HOST)
    return render(request, "inclusion/event_list.html", {"form": form, "page": page, "hosting": hosting})


@events_page
def event_calendar(request):
    """The events of one month, day by day (?manad=2026-12; anything else shows this month), with the list's
    filters, kept in the links to the months before and after."""
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    first = _month(request.GET.get("manad", ""))
    days: dict = {}
    events = list(selectors.in_month(filters, first)[: MONTH_MOST + 1])
    for event in events[:MONTH_MOST]:
        days.setdefault(timezone.localtime(event.starts_at).date(), []).append(event)
    keep = request.GET.copy()
    keep.pop("manad", None)
    before = (first - datetime.timedelta(days=1)).replace(day=1)
    after = (first + datetime.timedelta(days=32)).replace(day=1)
    context = {
        "form": form, "first": first, "days": days, "today": timezone.localdate(), "keep": keep.urlencode(),
        "before": before, "after": after, "cut": len(events) > MONTH_MOST, "most": MONTH_MOST,
    }  # fmt: skip
    return render(request, "inclusion/event_calendar.html", context)


def _month(text: str) -> datetime.date:
    """YYYY-MM as the month's first day; this month for anything else (a typo is not an error page)."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in text.split("-"))
        if abs(year - today.year) <= 10:
            return datetime.date(year, month, 1)
    except ValueError:
        pass
    return today.replace(day=1)


@events_page
def event_feed(request):
    """The events the list's filters find, as a calendar to subscribe to."""
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    body = events_ics(selectors.upcoming(filters)[:500], _("Events"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = attachment("aktiviteter.ics")
    return response


@limit("registration")
@public_page(scopes=("inclusion",), timeout=60, form=True)
def event_detail(request, slug: str):
    event = selectors.event_page(slug)
    if event is None:
        raise Http404
    form = RegistrationForm(request.POST or None, prefix="r")
    people = ParticipantFormSet(request.POST or None, prefix="p")
    if request.method == "POST":
        registration = _register(request, event, form, people)
        if registration is not None:
            return redirect("inclusion:manage", token=tokens.make(registration, tokens.MANAGE))
    context = {"event": event, "form": form, "people": people, "open": _open(event)}
    return render(request, "inclusion/event_detail.html", context, status=422 if form.errors or people.errors else 200)


def _open(event) -> bool:
    now = timezone.now()
    return event.state == "published" and event.registration_opens <= now < event.registration_closes


def _register(request, event, form, people):
    if not (form.is_valid() and people.is_valid()):
        return None
    data = form.cleaned_data
    if data.get("website"):  # the honeypot was filled in: a robot. Said as if for a person, saved never.
        form.add_error(None, _("Something went wrong. Please try again."))
        return None
    coming = [
        services.Person(name=row["name"], age_group=row["age_group"], first_time=row.get("first_time", False))
        for row in people.cleaned_data
        if row.get("name")
    ]
    try:
        registration = services.register(
            event=event, people=coming, language=(get_language() or "sv")[:2],
            **{key: data.get(key) for key in ("contact_name", "email", "phone", "district", "needs", "needs_text",
                                              "guardian_name", "guardian_email", "photos_allowed")},
        )  # fmt: skip
    except DomainError as exc:
        participants = exc.message_dict.pop("participants", None) if hasattr(exc, "error_dict") else None
        if participants:
            people._non_form_errors = people.error_class(participants)
        remaining = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        if remaining:
            add_errors(form, DomainError(remaining))
        return None
    messages.success(request, _message(registration))
    return registration


def _message(registration) -> str:
    return {
        Status.CONFIRMED: _("You are registered. We have sent a confirmation."),
        Status.WAITING: _("The event is full, so you are on the waiting list. We will tell you if a seat is free."),
        Status.PENDING_CONSENT: _("Almost done: the guardian confirms by the link we have e-mailed."),
    }.get(registration.status, _("Your registration is saved."))

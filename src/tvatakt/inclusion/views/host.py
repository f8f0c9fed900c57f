"""The hosts' pages: their events, each event's participants with what they need (phone-sized, for the door),
check-in by code or name, no-shows after the event, and the list as CSV. Every change goes through a service."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.forms import button_action
from tvatakt.core.tabular import tabular_response
from tvatakt.inclusion import services
from tvatakt.inclusion.choices import Need, Status
from tvatakt.inclusion.models import Event, Participant, Registration
from tvatakt.inclusion.permissions import host_organisation_ids

SHOWN = (Status.CONFIRMED, Status.ATTENDED, Status.PENDING_CONSENT, Status.OFFERED, Status.WAITING, Status.NO_SHOW)


def _hosted(user):
    """The events `user` may host: of the organisations they host for, or all (a city-wide host, a superuser)."""
    ids = host_organisation_ids(user)
    return Event.objects.all() if ids is None else Event.objects.filter(host_id__in=ids)


def hosted_event(request, slug: str) -> Event:
    event = get_object_or_404(Event.objects.select_related("place", "host"), slug=slug)
    if not request.user.has_perm("inclusion.host", event):
        raise PermissionDenied
    return event


@login_required
def my_events(request):
    hosted = _hosted(request.user).select_related("place")
    now = timezone.now()
    # The coming ones first, soonest first (the door is next); then the past, latest first.
    events = [*hosted.filter(ends_at__gte=now).order_by("starts_at")[:50],
              *hosted.filter(ends_at__lt=now).order_by("-starts_at")[:50]]  # fmt: skip
    if not events and host_organisation_ids(request.user) == []:
        raise PermissionDenied
    return render(request, "inclusion/my_events.html", {"events": events})


@login_required
def participants(request, slug: str):
    event = hosted_event(request, slug)
    query = request.GET.get("q", "").strip()[:100]
    registrations = (
        event.registrations.filter(status__in=SHOWN)
        .prefetch_related(Prefetch("participants", queryset=Participant.objects.order_by("pk")))
        .select_related("district")
        .order_by("status", "created_at", "pk")
    )
    if query:
        registrations = registrations.filter(
            Q(code__iexact=query) | Q(contact_name__icontains=query) | Q(participants__name__icontains=query)
        ).distinct()
    needs = dict(Need.choices)
    rows = [(registration, [needs.get(code, code) for code in registration.needs]) for registration in registrations]
    context = {"event": event, "rows": rows, "query": query, "ended": event.has_ended}
    return render(request, "inclusion/participants.html", context)


@login_required
@require_POST
def check_in(request, slug: str, code: str):
    event = hosted_event(request, slug)
    registration = get_object_or_404(Registration, event=event, code=code)
    done = _("%(code)s is checked in. Welcome!") % {"code": registration.code}
    return button_action(request, services.check_in, done, _back(event), registration=registration)


@login_required
@require_POST
def no_shows(request, slug: str):
    event = hosted_event(request, slug)
    return button_action(request, services.mark_no_shows, _("The no-shows are marked."), _back(event), event=event)


def _back(event) -> str:
    return reverse("inclusion:participants", kwargs={"slug": event.slug})


@login_required
def export(request, slug: str):
    event = hosted_event(request, slug)
    headers = [_("Code"), _("Status"), _("Name"), _("Age group"), _("First time"), _("Contact"), _("E-mail"),
               _("Phone"), _("Needs"), _("Other needs"), _("Photos allowed")]  # fmt: skip
    needs = dict(Need.choices)
    rows = (
        [
            registration.code,
            registration.get_status_display(),
            person.name,
            person.get_age_group_display(),
            _("yes") if person.first_time else _("no"),
            registration.contact_name,
            registration.email,
            registration.phone,
            "; ".join(str(needs.get(code, code)) for code in registration.needs),
            registration.needs_text,
            _("yes") if registration.photos_allowed else _("no"),
        ]  # fmt: skip
        for registration in event.registrations.filter(status__in=SHOWN).prefetch_related("participants")
        for person in registration.participants.all()
    )
    return tabular_response(filename=f"deltagare-{event.slug}", headers=headers, rows=rows, fmt="csv")

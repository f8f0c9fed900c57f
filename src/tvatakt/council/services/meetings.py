"""Scheduling meetings, building agendas, and approving minutes (the chair and one adjuster)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.council.choices import MeetingStatus
from tvatakt.council.models import AgendaItem, Council, Meeting
from tvatakt.organisation.models import Person


def meeting_schedule(
    *, actor: Person | None, council: Council, starts_at: datetime.datetime, ends_at: datetime.datetime, place: str
) -> Meeting:
    require(actor, "council.manage")
    meeting = Meeting(council=council, starts_at=starts_at, ends_at=ends_at, place=place)
    meeting.full_clean()
    with transaction.atomic():
        save_as(meeting, actor)
    return meeting


def agenda_item_add(
    *,
    actor: Person | None,
    meeting: Meeting,
    kind: str,
    title: str,
    raised_by: Person,
    title_en: str = "",
    background: str = "",
    background_en: str = "",
    initiatives=(),
) -> AgendaItem:
    require(actor, "council.manage")
    confidential = [initiative for initiative in initiatives if initiative.is_confidential]
    if confidential:  # the agenda is public: it may not name what is confidential
        names = ", ".join(initiative.slug for initiative in confidential)
        raise DomainError({"initiatives": _("No public initiative is called: %(names)s.") % {"names": names}})
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.minutes_approved:
            raise DomainError(_("The minutes of this meeting are approved. Its agenda can no longer change."))
        last = meeting.items.order_by("-order").values_list("order", flat=True).first() or 0
        item = AgendaItem(
            meeting=meeting,
            order=last + 1,
            kind=kind,
            title=title,
            title_en=title_en,
            background=background,
            background_en=background_en,
            raised_by=raised_by,
        )
        item.full_clean()
        save_as(item, actor)
        item.initiatives.set(initiatives)
    return item


def meeting_mark_held(*, actor: Person | None, meeting: Meeting) -> Meeting:
    require(actor, "council.manage")
    if meeting.starts_at > timezone.now():
        raise DomainError(_("A meeting cannot be held before it starts."))
    if meeting.status != MeetingStatus.PLANNED:
        raise DomainError(_("This meeting has already been held."))
    meeting.status = MeetingStatus.HELD
    with transaction.atomic():
        save_as(meeting, actor)
    return meeting


def minutes_adjust(*, actor: Person, meeting: Meeting) -> Meeting:
    """A council member other than the chair checks the minutes and signs them as adjuster (justerare)."""
    require(actor, "council.adjust_minutes")
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.status != MeetingStatus.HELD:
            raise DomainError(_("Only the minutes of a held meeting that are not yet approved can be adjusted."))
        meeting.adjuster = actor
        save_as(meeting, actor, reason=_("Minutes adjusted"))
    return meeting


def minutes_approve(*, actor: Person, meeting: Meeting, on: datetime.date | None = None) -> Meeting:
    """The chair approves the adjusted minutes. From then on the meeting's decisions are fixed public records."""
    require(actor, "council.approve_minutes")
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.status != MeetingStatus.HELD:
            raise DomainError(_("Only the minutes of a held meeting that are not yet approved can be approved."))
        if meeting.adjuster_id is None:
            raise DomainError(_("An adjuster must check the minutes before the chair approves them."))
        meeting.status, meeting.approved_by_chair, meeting.approved_on = (
            MeetingStatus.APPROVED,
            actor,
            on or timezone.localdate(),
        )
        save_as(meeting, actor, reason=_("Minutes approved"))
    return meeting

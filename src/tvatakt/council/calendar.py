"""Council and cluster meetings as iCalendar (RFC 5545): one meeting to download, or a feed to subscribe to."""

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from tvatakt.council.models import Meeting

PRODID = "-//Tvåtakt//Digitaliseringsrådet//SV"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(*, uid: str, meeting, summary: str, description: str, url: str) -> Event:
    event = Event()
    # A stable UID lets calendar apps update a moved meeting instead of adding a second one.
    event.add("uid", f"{uid}@tvatakt")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", summary)
    event.add("location", meeting.place)
    if description:
        event.add("description", description)
    event.add("url", url)
    event.add("status", "CONFIRMED")
    return event


def _council_event(meeting: Meeting, url: str) -> Event:
    return _event(
        uid=f"council-meeting-{meeting.pk}",
        meeting=meeting,
        summary=_("%(council)s: meeting") % {"council": meeting.council},
        description="\n".join(f"{item.order}. {item.display_title}" for item in meeting.items.all()),
        url=url,
    )


def meeting_ics(meeting: Meeting, url: str) -> bytes:
    calendar = _calendar(str(meeting.council))
    calendar.add_component(_council_event(meeting, url))
    return calendar.to_ical()


def meetings_feed(meetings, url_for) -> bytes:
    """All the given meetings in one calendar; `url_for(meeting)` gives each its page's address."""
    meetings = list(meetings)
    calendar = _calendar(str(meetings[0].council) if meetings else _("The digitalisation council"))
    for meeting in meetings:
        calendar.add_component(_council_event(meeting, url_for(meeting)))
    return calendar.to_ical()


def cluster_meetings_feed(cluster, meetings, url: str) -> bytes:
    """A cluster's meetings, each linking to the cluster's forum, where its agenda is."""
    calendar = _calendar(_("Cluster forum: %(name)s") % {"name": cluster.display_name})
    for meeting in meetings:
        summary = _("%(cluster)s: cluster meeting") % {"cluster": cluster.display_name}
        calendar.add_component(
            _event(
                uid=f"cluster-meeting-{meeting.pk}",
                meeting=meeting,
                summary=summary,
                description=meeting.agenda,
                url=url,
            )
        )
    return calendar.to_ical()

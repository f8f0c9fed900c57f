"""What the activities hold about a person with an account: the events they host, the messages they sent, and the
registrations made with their account's e-mail address (registrations need no account: the address is the link)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from tvatakt.core import subject
from tvatakt.inclusion import privacy
from tvatakt.inclusion.models import Event, HostMessage, Participant, Registration


def _registrations(person):
    if not person.email:  # an empty address would match every erased registration
        return Registration.objects.none()
    return (
        Registration.objects.filter(email__iexact=person.email, erased_at=None)
        .select_related("event", "district")
        .prefetch_related(Prefetch("participants", queryset=Participant.objects.order_by("pk")))
        .order_by("-created_at", "pk")
    )


def export(person) -> list[subject.Section]:
    hosted = Event.objects.filter(hosts=person).order_by("-starts_at", "pk")
    sent = HostMessage.objects.filter(sent_by=person).select_related("event").order_by("-sent_at", "pk")
    return [
        subject.section(
            "registrations", _("Your registrations for activities"), _registrations(person),
            [(_("activity"), lambda row: row.event.display_title), (_("starts"), lambda row: row.event.starts_at),
             (_("code"), lambda row: row.code), (_("status"), lambda row: row.get_status_display()),
             (_("name"), lambda row: row.contact_name), (_("e-mail"), lambda row: row.email),
             (_("phone"), lambda row: row.phone), (_("part of the city"), lambda row: str(row.district or "")),
             (_("what would help you take part"), lambda row: ", ".join([*row.needs, row.needs_text]).strip(", ")),
             (_("those coming"), lambda row: ", ".join(
                 f"{p.name} ({p.get_age_group_display()})" for p in row.participants.all()))],
            on_erasure=_("Erased, and a registration that still holds a seat is cancelled, so the seat goes on. "
                         "That someone of that age came, from that part of the city, is kept without a name."),
        ),
        subject.section(
            "hosted", _("Activities you host"), hosted,
            [(_("activity"), lambda event: event.display_title), (_("starts"), lambda event: event.starts_at)],
            on_erasure=_("Kept, without your name: the city's record of what it has done."),
        ),
        subject.section(
            "host_messages", _("Messages you sent to those registered"), sent,
            [(_("activity"), lambda message: message.event.display_title),
             (_("sent"), lambda message: message.sent_at), (_("subject"), lambda message: message.subject),
             (_("message"), lambda message: message.body)],
            on_erasure=_("Kept with the activity, without your name."),
        ),
    ]  # fmt: skip


def erase(person, *, reason: str) -> dict[str, int]:
    registrations = list(_registrations(person))
    for registration in registrations:  # the same as the registration's own "erase my details" link
        privacy.erase_now(registration)
    return {
        "registrations_erased": len(registrations),
        "hosted_kept": Event.objects.filter(hosts=person).count(),
        "messages_kept": HostMessage.objects.filter(sent_by=person).count(),
    }


subject.register(
    subject.Part(
        key="inclusion", area=_("Activities: workshops, dialogue meetings and coding parties"), order=60,
        export=export, erase=erase, covers=("inclusion.Event.hosts", "inclusion.HostMessage.sent_by"),
    )
)  # fmt: skip

"""Events in the JSON API: read the published events, and register for one, without an account. A client that
timed out can retry with the same Idempotency-Key header and gets the same registration back, never a second."""

import datetime

from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Header, Query, Router, Schema
from ninja import Status as Answer
from ninja.pagination import paginate

from tvatakt.core import ratelimit
from tvatakt.core.errors import DomainError
from tvatakt.inclusion import mails, selectors, services
from tvatakt.inclusion.choices import AgeGroup, EventKind, Language, Need, Status
from tvatakt.inclusion.services.registrations import MAX_SEATS
from tvatakt.organisation import selectors as organisation_selectors

router = Router(tags=["events"])
KEY_MAX = 100


class PlaceOut(Schema):
    name: str
    address: str
    district: str | None = Field(None, alias="district.slug")
    step_free: bool
    hearing_loop: bool
    quiet_room: bool


class EventOut(Schema):
    slug: str
    kind: EventKind
    title: str
    title_en: str
    description: str
    description_en: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    age_min: int
    age_max: int
    languages: list[str]
    place: PlaceOut | None
    online: bool
    capacity: int
    seats_free: int
    waiting_list: bool
    registration_opens: datetime.datetime
    registration_closes: datetime.datetime

    @staticmethod
    def resolve_online(obj) -> bool:
        return obj.place_id is None


class EventFilter(Schema):
    age: AgeGroup | None = None
    district: str = Field("", description="A district administration's short name (slug).")
    kind: EventKind | None = None
    language: Language | None = None
    free: bool = False


@router.get("/events", response=list[EventOut], summary="Upcoming events, soonest first")
@paginate
def list_events(request, filters: Query[EventFilter]):
    values = filters.dict()
    if values["district"]:
        slug_given, values["district"] = values["district"], organisation_selectors.district(values["district"])
        if values["district"] is None:  # a mistyped filter is the client's to mend, as in a registration
            raise DomainError({"district": _("No district is called “%(value)s”.") % {"value": slug_given}})
    return selectors.upcoming(values).select_related("place__district")  # each place's district gives its slug


@router.get("/events/{slug}", response=EventOut, summary="One event")
def get_event(request, slug: str):
    event = selectors.event_page(slug)
    if event is None:
        raise Http404
    return event


class PersonIn(Schema):
    name: str = Field(..., max_length=200)
    age_group: AgeGroup
    first_time: bool = False


class RegistrationIn(Schema):
    contact_name: str = Field(..., max_length=200)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=30)
    district: str = Field("", description="The district the contact lives in (a slug); for reach figures only.")
    needs: list[Need] = []
    needs_text: str = Field("", max_length=1000)
    guardian_name: str = Field("", max_length=200)
    guardian_email: str = Field("", max_length=254)
    photos_allowed: bool = Field(False, description="Consent to photos in which the group can be seen (optional).")
    participants: list[PersonIn] = Field(..., max_length=MAX_SEATS)


class RegistrationOut(Schema):
    code: str
    status: Status
    seats: int
    manage_url: str = Field(..., description="The link to see, accept an offer for, or cancel the registration.")

    @staticmethod
    def resolve_manage_url(obj) -> str:
        return mails.manage_url(obj)


@router.post(
    "/events/{slug}/registrations", response={200: RegistrationOut, 201: RegistrationOut},
    summary="Register for an event (no account needed)",
    description="Send an Idempotency-Key header (any unique text, at most 100 characters) to retry safely: the same "
    "key gives the same registration back (200), never a second seat.",
)  # fmt: skip
def register(request, slug: str, payload: RegistrationIn, idempotency_key: str = Header("", alias="Idempotency-Key")):
    event = selectors.event_to_register(slug)
    if event is None:
        raise Http404
    data = payload.dict()
    slug_given = data.pop("district")
    district = organisation_selectors.district(slug_given) if slug_given else None
    if slug_given and district is None:
        raise DomainError({"district": _("No district is called “%(value)s”.") % {"value": slug_given}})
    people = [services.Person(**person) for person in data.pop("participants")]
    registration, made = services.register_once(
        event=event, people=people, idempotency_key=idempotency_key.strip()[:KEY_MAX], district=district,
        language=(get_language() or "sv")[:2],
        # As the form's limit, checked before anything is written; a retry counts too.
        admit=lambda: ratelimit.check(request, "registration"), **data,
    )  # fmt: skip
    if not made:
        return Answer(200, registration)
    return Answer(201, registration)

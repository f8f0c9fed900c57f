from tvatakt.inclusion.services.events import cancel_event, check_in, mark_no_shows, set_capacity
from tvatakt.inclusion.services.feedback import ask_for_feedback, give_feedback, remind
from tvatakt.inclusion.services.messages import send_message
from tvatakt.inclusion.services.planning import event_create, event_update, template_fields
from tvatakt.inclusion.services.registrations import (
    Person,
    accept_offer,
    cancel,
    confirm_consent,
    expire_consents,
    expire_offers,
    offer_next,
    register,
    register_once,
    set_photos,
    withdraw_consent,
)

__all__ = [
    "Person",
    "ask_for_feedback",
    "give_feedback",
    "accept_offer",
    "cancel",
    "cancel_event",
    "check_in",
    "confirm_consent",
    "event_create",
    "event_update",
    "expire_consents",
    "expire_offers",
    "mark_no_shows",
    "offer_next",
    "register",
    "register_once",
    "remind",
    "send_message",
    "set_capacity",
    "set_photos",
    "template_fields",
    "withdraw_consent",
]

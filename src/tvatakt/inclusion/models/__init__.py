from tvatakt.inclusion.models.event import Event, Place
from tvatakt.inclusion.models.registration import Participant, Registration

__all__ = ["Event", "Participant", "Place", "Registration"]

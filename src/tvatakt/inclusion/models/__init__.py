from tvatakt.inclusion.models.event import Event, Place
from tvatakt.inclusion.models.message import HostMessage
from tvatakt.inclusion.models.reach import Feedback, Learned, Population
from tvatakt.inclusion.models.registration import Participant, Registration

__all__ = ["Event", "Feedback", "HostMessage", "Learned", "Participant", "Place", "Population", "Registration"]

"""Every change to recognition goes through these functions, whichever door it came in by."""

from tvatakt.recognition.services.events import event_record, policy_current, policy_update

__all__ = ["event_record", "policy_current", "policy_update"]

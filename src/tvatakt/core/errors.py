"""Domain errors: a broken rule, with a message the user can read in their own language."""

from django.core.exceptions import PermissionDenied, ValidationError


class DomainError(ValidationError):
    """A business rule said no. Views show the message next to the field it concerns."""


class NotAllowed(PermissionDenied):
    """The acting user may not do this. Raised by services, so every door is guarded."""

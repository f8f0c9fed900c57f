"""A message from an event's hosts to its participants ("the room has changed"), sent by e-mail. Only the message
and how many it reached are kept: not who got it, which the registrations already say while they exist."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tvatakt.inclusion.choices import Audience
from tvatakt.inclusion.models.event import Event


class HostMessage(models.Model):
    """One message sent to an event's participants, or its waiting list, or both."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="messages")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=4000)
    audience = models.CharField(_("to whom"), max_length=10, choices=Audience.choices)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("e-mails sent"), default=0)
    # Registered with a phone number only: the host calls them.
    unreachable = models.PositiveIntegerField(_("only by phone"), default=0)

    class Meta:
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["event", "sent_at"], name="inclusion_message_sent")]

    def __str__(self) -> str:
        return self.subject

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusionConfig(AppConfig):
    name = "tvatakt.inclusion"
    label = "inclusion"
    verbose_name = _("Digital inclusion")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from tvatakt.core.cache import watch_content
        from tvatakt.inclusion import (
            permissions,  # noqa: F401  (registers the rules)
            subject,  # noqa: F401 - registers its part of a person's data
        )
        from tvatakt.inclusion.models import Event
        from tvatakt.inclusion.processing import register_purposes
        from tvatakt.inclusion.selectors import forget_events

        register_purposes()
        # The event rows a process keeps for registrations are read afresh after its own change of an event.
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(forget_events, sender=Event, dispatch_uid=f"tvatakt-forget-events-{name}")
        # A scope of its own: every registration takes a seat, and should not make the whole site render anew.
        watch_content(["inclusion"], scope="inclusion")

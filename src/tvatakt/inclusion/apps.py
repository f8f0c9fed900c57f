from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusionConfig(AppConfig):
    name = "tvatakt.inclusion"
    label = "inclusion"
    verbose_name = _("Digital inclusion")

    def ready(self) -> None:
        from tvatakt.core.cache import watch_content
        from tvatakt.inclusion import (
            permissions,  # noqa: F401  (registers the rules)
            subject,  # noqa: F401 - registers its part of a person's data
        )
        from tvatakt.inclusion.processing import register_purposes

        register_purposes()
        # A scope of its own: every registration takes a seat, and should not make the whole site render anew.
        watch_content(["inclusion"], scope="inclusion")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationConfig(AppConfig):
    name = "tvatakt.innovation"
    label = "innovation"
    verbose_name = _("Open innovation")

    def ready(self) -> None:
        from tvatakt.innovation import (
            permissions,  # noqa: F401  (registers the rules)
            subject,  # noqa: F401 - registers its part of a person's data
        )
        from tvatakt.innovation.processing import register_purposes

        register_purposes()

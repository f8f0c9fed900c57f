from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "tvatakt.council"
    label = "council"
    verbose_name = _("Digitalisation council")

    def ready(self) -> None:
        from tvatakt.council import (
            permissions,  # noqa: F401  (registers the rules)
            subject,  # noqa: F401 - registers its part of a person's data
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "tvatakt.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from tvatakt.opendata import (
            permissions,  # noqa: F401  (registers the rules)
            subject,  # noqa: F401 - registers its part of a person's data
        )

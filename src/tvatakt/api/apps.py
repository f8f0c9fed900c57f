from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "tvatakt.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from tvatakt.api import (
            permissions,  # noqa: F401 - registers the rules
            subject,  # noqa: F401 - registers its part of a person's data
        )

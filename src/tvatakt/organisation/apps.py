from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "tvatakt.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from tvatakt.organisation import (
            permissions,  # noqa: F401 - registers the rules
            subject,  # noqa: F401 - registers its part of a person's data
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "tvatakt.recognition"
    label = "recognition"
    verbose_name = _("Recognition")

    def ready(self) -> None:
        from tvatakt.recognition import (
            permissions,  # noqa: F401  (registers the rules)
            subject,  # noqa: F401 - registers its part of a person's data
        )

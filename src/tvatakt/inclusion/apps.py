from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusionConfig(AppConfig):
    name = "tvatakt.inclusion"
    label = "inclusion"
    verbose_name = _("Digital inclusion")

    def ready(self) -> None:
        from tvatakt.inclusion import permissions  # noqa: F401  (registers the rules)
        from tvatakt.inclusion.processing import register_purposes

        register_purposes()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tvatakt.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from tvatakt.core import ratelimit  # noqa: F401 - registers its check of the configured rates
        from tvatakt.core.cache import watch_content

        watch_content(["organisation", "portfolio", "council", "recognition", "opendata", "innovation"])

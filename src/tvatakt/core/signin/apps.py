from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    name = "tvatakt.core.signin"
    label = "signin"
    verbose_name = _("Log-in security")

    def ready(self) -> None:
        from tvatakt.core.signin import subject  # noqa: F401 - registers its part of a person's data
        from tvatakt.core.signin.processing import register_purposes

        register_purposes()

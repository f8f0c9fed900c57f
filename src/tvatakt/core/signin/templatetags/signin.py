"""Whether the log-in page offers the city's identity provider (core.signin.oidc)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def oidc_enabled() -> bool:
    return settings.TVATAKT_OIDC_ENABLED

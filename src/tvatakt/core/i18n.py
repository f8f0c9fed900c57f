"""Helpers for content kept in Swedish and English columns side by side."""

from django.utils.translation import get_language


def localized(obj, field: str) -> str:
    """`field` in the active language, falling back to Swedish, which is always filled."""
    if (get_language() or "sv").startswith("en"):
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value
    return getattr(obj, field)

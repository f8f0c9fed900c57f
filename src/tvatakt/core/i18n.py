"""Helpers for content kept in Swedish and English columns side by side."""

from django.utils.translation import get_language


def localized(obj, field: str) -> str:
    """`field` in the active language, falling back to Swedish, which is always filled."""
    return localized_with_language(obj, field)[0]


def localized_with_language(obj, field: str) -> tuple[str, str]:
    """`field` in the active language, and the language the text is in ("sv" when it fell back)."""
    if (get_language() or "sv").startswith("en"):
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value, "en"
    return getattr(obj, field), "sv"

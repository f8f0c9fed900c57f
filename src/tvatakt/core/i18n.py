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


# Swedish alphabetical order puts å, ä and ö after z (and reads æ as ä, ø as ö, ü as y, é as e).
# The three come out as the characters just after "z" in code-point order.
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y", "é": "e"})


def swedish_order(text: str) -> str:
    """A sort key that puts names in Swedish alphabetical order, as a reader here expects them."""
    return text.casefold().translate(_SWEDISH)

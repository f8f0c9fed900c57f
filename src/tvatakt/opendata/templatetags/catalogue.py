"""Template filters for the catalogue's search results."""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()
STEM = 4  # a word's first letters that must match: "förskolan" is marked for "förskolor", as the search finds it


@register.filter
def highlight(text: str, words: list[str]):
    """`text`, escaped, with each word that starts like a searched word marked, so that the reader sees why the
    result matched. Matching ignores case and is done on the text before escaping, so it never cuts an entity."""
    text = text or ""
    stems = {word[: max(STEM, len(word) - 2)].lower() for word in words or [] if len(word) >= 2}
    if not stems:
        return conditional_escape(text)
    longest_first = sorted(stems, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in longest_first) + r")\w*", re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [conditional_escape(text[last : match.start()]), format_html("<mark>{}</mark>", match.group(0))]
        last = match.end()
    parts.append(conditional_escape(text[last:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every part is escaped


@register.filter
def shorten(text: str, length: int = 220) -> str:
    """The first `length` characters, cut at a word."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + " …"

"""Showing what people wrote in the cluster forum: plain text, where only web addresses become links."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import Urlizer
from django.utils.safestring import mark_safe

register = template.Library()


class _ForumUrlizer(Urlizer):
    # Links that people post: no search-engine credit (nofollow, ugc), and no hold on this page (noopener).
    url_template = '<a href="{href}" rel="nofollow noopener ugc">{url}</a>'


_urlize = _ForumUrlizer()


@register.filter(is_safe=True)
def plain_text(value: str) -> str:
    """Escape everything, turn web addresses into links (shortened, so a long one cannot widen the page), and
    keep the line breaks."""
    # With autoescape, the urlizer escapes every word it does not make a link of, and each link's parts.
    html = mark_safe(_urlize(str(value), trim_url_limit=60, autoescape=True))  # noqa: S308
    return linebreaksbr(html, autoescape=True)

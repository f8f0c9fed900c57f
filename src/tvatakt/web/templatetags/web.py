from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language

from tvatakt.core.i18n import localized_with_language

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, url_name: str, label: str) -> str:
    """A navigation link that tells screen readers (aria-current) and sighted users which section is open."""
    url = reverse(url_name)
    path = context["request"].path
    current = path == url if url_name == "web:home" else path.startswith(url)
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)


@register.simple_tag
def widget(field) -> str:
    """Render a field's widget tied to its help text and errors, so screen readers read them with it."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag
def text(obj, field: str, linebreaks: bool = False) -> str:
    """A bilingual field in the page's language. Swedish shown on an English page says so (lang="sv"),
    so that screen readers pronounce it as Swedish (WCAG 3.1.2, language of parts)."""
    value, language = localized_with_language(obj, field)
    html = linebreaksbr(value, autoescape=True) if linebreaks else conditional_escape(value)
    if not (get_language() or "sv").startswith(language):
        return format_html('<span lang="{}">{}</span>', language, html)
    return format_html("{}", html)

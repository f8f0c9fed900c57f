from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value) -> str:
    """0.375 → '38 %'; None → '–'."""
    return "–" if value is None else f"{number_format(round(100 * value))} %"


@register.filter
def kronor(value) -> str:
    """Whole kronor with thin grouping, as Swedish readers expect: 1 250 000 kr."""
    if value is None:
        return "–"
    return f"{number_format(int(value), force_grouping=True)} kr"


@register.filter
def days(value) -> str:
    return "–" if value is None else number_format(round(value))

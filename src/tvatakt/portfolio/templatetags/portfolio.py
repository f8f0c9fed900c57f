from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def percent(value) -> str:
    """0.375 → '38 %'; None → '–'."""
    return "–" if value is None else f"{number_format(round(100 * value))} %"


@register.filter
def kronor(value) -> str:
    """Whole kronor, grouped: 250 000 kr. Ten million and more in millions, as budgets are read: 308,2 mnkr."""
    if value is None:
        return "–"
    if abs(value) >= 10_000_000:
        millions = number_format(round(value / 1_000_000, 1), decimal_pos=1, force_grouping=True)
        return _("%(amount)s million kr") % {"amount": millions}
    return _("%(amount)s kr") % {"amount": number_format(int(value), force_grouping=True)}


@register.filter
def days(value) -> str:
    return "–" if value is None else number_format(round(value))

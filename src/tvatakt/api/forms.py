from django import forms
from django.utils.translation import gettext_lazy as _

LIFETIMES = [(30, _("30 days")), (90, _("90 days")), (365, _("One year"))]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the key is for, so you can tell your keys apart. For example: report script."),
    )
    valid_days = forms.TypedChoiceField(label=_("Valid for"), choices=LIFETIMES, coerce=int, initial=365)

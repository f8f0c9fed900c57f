from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.api.models import WriteScope

LIFETIMES = [(30, _("30 days")), (90, _("90 days")), (365, _("One year"))]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the key is for, so you can tell your keys apart. For example: report script."),
    )
    valid_days = forms.TypedChoiceField(label=_("Valid for"), choices=LIFETIMES, coerce=int, initial=365)
    # None ticked by default: a key that only reads cannot do harm if it leaks.
    write_scopes = forms.MultipleChoiceField(
        label=_("The key may also change"),
        choices=WriteScope.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every key may read. Tick only what the program must change; it can change no more than you may."),
    )

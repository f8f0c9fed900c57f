"""The form that asks a person to confirm the erasure of their account with their password."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    understood = forms.BooleanField(
        label=_("I understand that my account is erased and cannot be brought back."),
        error_messages={"required": _("Tick the box to show that you understand.")},
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("So that no one else can erase your account from a computer you left logged in."),
        error_messages={"required": _("Write your password.")},
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right. Nothing was erased."), code="password")
        return password

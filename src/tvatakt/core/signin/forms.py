from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """The six-digit code from an authenticator app. Spaces are allowed: some apps show "123 456"."""

    code = forms.CharField(
        label=_("Code from your app"),
        help_text=_("6 digits. The code changes every 30 seconds."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8, "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "").replace("-", "")
        if len(code) != 6 or not code.isascii() or not code.isdigit():
            raise forms.ValidationError(_("Write the 6 digits your app shows, without letters."), code="format")
        return code

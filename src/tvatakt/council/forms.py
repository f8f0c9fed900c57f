from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import DateInput
from tvatakt.council.choices import NEXT_STATES, AdoptionState


class DecisionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the decisions"), required=False, max_length=100)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All")),
            ("in_progress", _("Not yet implemented everywhere")),
            ("overdue", _("Overdue somewhere")),
            ("done", _("Implemented or exempted everywhere")),
        ],
    )

    def __init__(self, *args, years=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *[(y, y) for y in years]]
        self.fields["organisation"].choices = [("", _("All organisations")), *organisations]


class AdoptionReportForm(forms.Form):
    seen_state = forms.CharField(widget=forms.HiddenInput)
    state = forms.ChoiceField(label=_("Next step"), widget=forms.RadioSelect)
    date = forms.DateField(label=_("Date"), widget=DateInput)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you ask for an exemption: say why."),
    )  # fmt: skip
    evidence = forms.URLField(
        label=_("Evidence"), required=False, assume_scheme="https",
        help_text=_("Needed for implemented: a link that shows it is done."),
    )  # fmt: skip

    def __init__(self, *args, adoption, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [
            (state.value, state.label) for state in AdoptionState if state in NEXT_STATES[adoption.state]
        ]
        self.initial.setdefault("seen_state", adoption.state)

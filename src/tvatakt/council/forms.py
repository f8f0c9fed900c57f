from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import DateInput, PersonField
from tvatakt.council.choices import NEXT_STATES, AdoptionState, ItemKind, Method, Scope, VoteChoice
from tvatakt.organisation.models import Cluster, Organisation


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
        help_text=_("Needed when you report it as implemented: a link that shows it is done."),
    )  # fmt: skip

    def __init__(self, *args, adoption, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [
            (state.value, state.label) for state in AdoptionState if state in NEXT_STATES[adoption.state]
        ]
        self.initial.setdefault("seen_state", adoption.state)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput)
    place = forms.CharField(label=_("Place"), max_length=200)


class AgendaItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title (Swedish)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    background = forms.CharField(
        label=_("Background (Swedish)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    background_en = forms.CharField(
        label=_("Background (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    raised_by = PersonField(label=_("Raised by"))


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision (Swedish)"), widget=forms.Textarea(attrs={"rows": 4}))
    text_en = forms.CharField(label=_("Decision (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)
    deadline = forms.DateField(label=_("To be implemented by"), widget=DateInput)
    scope = forms.ChoiceField(label=_("Applies to"), choices=Scope.choices, widget=forms.RadioSelect)
    scope_cluster = forms.ModelChoiceField(
        label=_("Cluster"), required=False, queryset=Cluster.objects.order_by("name"),
        help_text=_("When it applies to a cluster."),
    )  # fmt: skip
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Organisation.objects.filter(is_active=True).order_by("name"),
        help_text=_("When it applies to chosen organisations."),
    )  # fmt: skip
    method = forms.ChoiceField(label=_("Reached by"), choices=Method.choices, widget=forms.RadioSelect)

    def __init__(self, *args, voters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.voters = list(voters)
        choices = [("", _("Did not vote")), *VoteChoice.choices]
        for person in self.voters:
            self.fields[f"vote_{person.pk}"] = forms.ChoiceField(
                label=_("Vote: %(name)s") % {"name": person.display_name}, required=False, choices=choices
            )

    def votes(self) -> dict:
        return {p: self.cleaned_data[f"vote_{p.pk}"] for p in self.voters if self.cleaned_data.get(f"vote_{p.pk}")}

    def service_fields(self) -> dict:
        names = ("text", "text_en", "decided_on", "deadline", "scope", "scope_cluster", "organisations", "method")
        fields = {name: self.cleaned_data[name] for name in names}
        fields["votes"] = self.votes() if fields["method"] == Method.VOTE else None
        return fields

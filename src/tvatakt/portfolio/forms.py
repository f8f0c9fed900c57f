import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import DateInput, PeopleField, PersonField
from tvatakt.organisation.models import Cluster, Organisation, Unit
from tvatakt.portfolio.choices import SETTABLE, GateChoice, Health, Mode, Outcome, OverrunDecision, PhaseRule, Status
from tvatakt.portfolio.dates import add_quarters, parse_quarter, quarter_label, quarter_start
from tvatakt.portfolio.models import Initiative, ProcessType


class InitiativeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by title"), required=False, max_length=100)
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    cluster = forms.ChoiceField(label=_("Cluster"), required=False)
    mode = forms.ChoiceField(label=_("Tempo"), required=False, choices=[("", _("Both tempos")), *Mode.choices])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All statuses")), *Status.choices])
    health = forms.ChoiceField(label=_("Health"), required=False, choices=[("", _("All health")), *Health.choices])
    flag = forms.ChoiceField(
        label=_("Needs attention"),
        required=False,
        choices=[("", _("Show all")), ("stale", _("Stale: check-in overdue")), ("overrun", _("Overrun sprints"))],
    )

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All units")), *choices["units"]]
        self.fields["organisation"].choices = [("", _("All organisations")), *choices["organisations"]]
        self.fields["cluster"].choices = [("", _("All clusters")), *choices["clusters"]]


def quarter_choices(today: datetime.date | None = None) -> list[tuple[str, str]]:
    start = quarter_start(today or timezone.localdate())
    quarters = [add_quarters(start, n) for n in range(5)]
    return [(quarter_label(q), quarter_label(q)) for q in quarters]


class InitiativeForm(forms.ModelForm):
    quarter = forms.ChoiceField(
        label=_("Timeboxed to quarter"), required=False, help_text=_("Sprints only. A sprint must land in one quarter.")
    )
    lead = PersonField(label=_("Lead"), required=False, help_text=_("User name or e-mail. Empty: you lead it."))
    team = PeopleField(label=_("Team"), required=False)

    class Meta:
        model = Initiative
        fields = [
            "title", "title_en", "description", "description_en", "process_type", "organisation", "unit",
            "clusters", "lead", "team", "start_date", "planned_end", "status", "health", "health_reason",
            "budget_planned", "budget_spent", "is_confidential", "hypothesis", "quarter", "award_sent_on",
            "award_sent_electronically",
        ]  # fmt: skip
        widgets = {
            "start_date": DateInput,
            "planned_end": DateInput,
            "award_sent_on": DateInput,
            "clusters": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "hypothesis": forms.Textarea(attrs={"rows": 3}),
            "health_reason": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "hypothesis": _("Sprints only: we believe … will … measured by …"),
            "award_sent_on": _("Procurements only. Starts the standstill period."),
        }

    def __init__(self, *args, governs: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["team"] = list(self.instance.team.all())
        self.fields["process_type"].queryset = ProcessType.objects.filter(is_active=True).select_related("unit")
        self.fields["organisation"].queryset = Organisation.objects.filter(is_active=True).order_by("name")
        self.fields["unit"].queryset = Unit.objects.all()
        self.fields["clusters"].queryset = Cluster.objects.order_by("name")
        self.fields["status"].choices = [c for c in Status.choices if c[0] in SETTABLE]
        current = self.instance.quarter_label if self.instance.pk else ""
        choices = quarter_choices()
        if current and current not in dict(choices):
            choices.insert(0, (current, current))
        self.fields["quarter"].choices = [("", _("Not a sprint")), *choices]
        self.initial["quarter"] = current
        for name in ("budget_planned", "budget_spent"):
            self.fields[name].widget.attrs.update(min=0, step=1)
        if self.instance.pk:
            del self.fields["process_type"]  # a sprint becomes a marathon through its overrun decision
            self._fix_for(self.instance, governs)
        else:
            del self.fields["award_sent_on"]  # an award comes late in a procurement, never at its start
            del self.fields["award_sent_electronically"]

    # Groups the long form into parts a reader can take one at a time (rendered as fieldsets).
    GROUPS = [
        (_("What"), ["title", "title_en", "description", "description_en", "process_type"]),
        (_("Who"), ["organisation", "unit", "clusters", "lead", "team", "is_confidential"]),
        (_("When and how it goes"), ["start_date", "planned_end", "status", "health", "health_reason"]),
        (_("Money"), ["budget_planned", "budget_spent"]),
        (_("Sprints only"), ["hypothesis", "quarter"]),
        (_("Procurements only"), ["award_sent_on", "award_sent_electronically"]),
    ]

    def groups(self):
        for legend, names in self.GROUPS:
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                yield legend, fields

    def _fix_for(self, initiative: Initiative, governs: bool) -> None:
        """Show what may not change here as fixed, so a lead's form never offers a change the service refuses."""
        if not initiative.is_sprint:
            del self.fields["quarter"]
        elif initiative.status != Status.PROPOSED:
            self.fields["quarter"].disabled = True
            self.fields["quarter"].help_text = _("Fixed once work starts. After its end, decide what happens to it.")
        if not governs:
            for name in ("unit", "lead", "is_confidential", "budget_planned", "quarter", "award_sent_on"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _("The unit head or the IT director changes this.")

    def clean_quarter(self):
        return parse_quarter(self.cleaned_data["quarter"]) if self.cleaned_data["quarter"] else None

    def _post_clean(self):
        pass  # the service validates the model, with the rules that need the database and the actor

    def service_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.fields}
        fields["clusters"] = list(fields["clusters"])
        fields["team"] = list(fields["team"])
        return fields


class CheckInForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    health = forms.ChoiceField(label=_("Health"), choices=Health.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("How is it going?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was done, what is next, and what is in the way. Amber and red need a reason."),
    )


class GateDecisionForm(forms.Form):
    phase = forms.IntegerField(widget=forms.HiddenInput)
    revision = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label=_("Decision"), choices=GateChoice.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect)
    learning = forms.CharField(
        label=_("What did you learn?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed for every outcome. A stop with a learning is a result, not a failure."),
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)


class OverrunForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=OverrunDecision.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))
    new_end = forms.DateField(
        label=_("New end of the timebox"),
        required=False,
        widget=DateInput,
        help_text=_("Only when extending. At most one quarter later. Empty means the end of the next quarter."),
    )
    process_type = forms.ModelChoiceField(
        label=_("Marathon process type"),
        required=False,
        queryset=ProcessType.objects.filter(is_active=True, mode=Mode.MARATHON),
        help_text=_("Only when converting."),
    )


class BenefitForm(forms.Form):
    name = forms.CharField(label=_("Benefit (Swedish)"), max_length=200)
    name_en = forms.CharField(label=_("Benefit (English)"), max_length=200, required=False)
    measure = forms.CharField(label=_("Measured as"), max_length=120, help_text=_("For example: hours per year, or %."))
    owner = PersonField(label=_("Benefit owner"))
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)
    due_on = forms.DateField(label=_("To be realised by"), widget=DateInput)


class FollowUpForm(forms.Form):
    value = forms.DecimalField(label=_("Measured value"), max_digits=14, decimal_places=2)
    date = forms.DateField(label=_("Date"), widget=DateInput)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8 or Excel CSV, comma or semicolon separated."))


class ProcessTypeForm(forms.ModelForm):
    class Meta:
        model = ProcessType
        fields = ["name", "name_en", "description", "description_en", "unit", "mode", "is_active"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        if self.instance.pk:
            del self.fields["unit"]
            del self.fields["mode"]

    def _post_clean(self):
        pass


class PhaseForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Phase (Swedish)"), max_length=120)
    name_en = forms.CharField(label=_("Phase (English)"), max_length=120, required=False)
    gate = forms.CharField(label=_("Gate: what must be true to leave it"), max_length=300, required=False)
    gate_en = forms.CharField(label=_("Gate (English)"), max_length=300, required=False)
    default_days = forms.IntegerField(label=_("Default duration (days)"), min_value=1, max_value=3650)
    rule = forms.ChoiceField(label=_("Special rule"), choices=PhaseRule.choices, required=False)


PhaseFormSet = forms.formset_factory(PhaseForm, extra=2, can_delete=True, can_order=True)

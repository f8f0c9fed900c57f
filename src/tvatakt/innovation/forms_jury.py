"""The jury's forms: the scores for a submission (one 1 to 5 per criterion of the rubric, with an optional comment),
a conflict of interest, the jury's motivations when the results are published, and a winner made an initiative.
The rules are the services'; a missing field here says the same words the service would."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import PersonField
from tvatakt.innovation.models import Conflict, Score, Submission
from tvatakt.innovation.services.judging import shares
from tvatakt.organisation.models import Unit
from tvatakt.portfolio.choices import Mode
from tvatakt.portfolio.dates import parse_quarter
from tvatakt.portfolio.forms import quarter_choices
from tvatakt.portfolio.models import ProcessType

SCORE_CHOICES = [(1, _("1 (weak)")), (2, "2"), (3, "3"), (4, "4"), (5, _("5 (strong)"))]


class ScoreForm(forms.Form):
    """A field c<id> (the score) and n<id> (the comment) for each criterion: the service's errors come back keyed
    c<id>, so they show next to the criterion."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        give = _("Give a score from 1 to 5.")
        for criterion, percent in shares(self.criteria):
            self.fields[f"c{criterion.pk}"] = forms.TypedChoiceField(
                label=_("%(criterion)s (counts for %(percent)s %%)") % {"criterion": criterion.display_name,
                                                                        "percent": percent},
                help_text=criterion.description, choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": give, "invalid_choice": give},
            )  # fmt: skip
            self.fields[f"n{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.display_name}, required=False,
                max_length=Score._meta.get_field("comment").max_length, widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip

    def rows(self):
        """Each criterion's score and comment fields, for the template to keep them together."""
        return [(self[f"c{criterion.pk}"], self[f"n{criterion.pk}"]) for criterion in self.criteria]

    def values(self) -> dict[int, int]:
        return {criterion.pk: self.cleaned_data[f"c{criterion.pk}"] for criterion in self.criteria}

    def comments(self) -> dict[int, str]:
        return {criterion.pk: self.cleaned_data[f"n{criterion.pk}"] for criterion in self.criteria}

    @staticmethod
    def initial_from(scores: dict) -> dict:
        """The juror's earlier scores, by the criterion's id, as the form's initial values."""
        initial = {}
        for criterion_id, row in scores.items():
            initial[f"c{criterion_id}"] = row.value
            initial[f"n{criterion_id}"] = row.comment
        return initial


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you cannot judge this team fairly"), max_length=Conflict._meta.get_field("reason").max_length,
        help_text=_("For example “I work for the startup”. You will not score the team, and scores you gave it are "
                    "taken away."),
        error_messages={"required": _("Say in a few words what the conflict is: “I work for the startup”, say.")},
    )  # fmt: skip

    def __init__(self, *args, team=None, **kwargs):
        """With `team`, the label names it: the jury's page has one of these forms for each team."""
        super().__init__(*args, **kwargs)
        if team is not None:
            self.fields["reason"].label = _("Why you cannot judge the team %(team)s fairly") % {"team": team.name}


class PublishForm(forms.Form):
    """A motivation m<submission id> for each of the first places: the service's errors come back keyed the same."""

    def __init__(self, *args, places, **kwargs):
        """`places`: (standing, submission) for each place the jury motivates."""
        super().__init__(*args, **kwargs)
        self.places = list(places)
        for standing, submission in self.places:
            self.fields[f"m{standing.submission_id}"] = forms.CharField(
                label=_("Place %(place)s: “%(title)s”, the team %(team)s") % {
                    "place": standing.rank, "title": submission.title, "team": submission.team.name},
                max_length=Submission._meta.get_field("motivation").max_length,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": _("Write the jury's motivation for this place.")},
            )  # fmt: skip

    def motivations(self) -> dict[int, str]:
        return {standing.submission_id: self.cleaned_data[f"m{standing.submission_id}"] for standing, _s in self.places}


class InitiativeForm(forms.Form):
    process_type = forms.ModelChoiceField(
        label=_("Process type"), queryset=ProcessType.objects.none(),
        help_text=_("A winner is tried within a quarter, so only sprint process types are offered."),
        error_messages={"required": _("Choose a sprint process type."),
                        "invalid_choice": _("Choose a sprint process type.")},
    )  # fmt: skip
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.none(), help_text=_("The unit that runs the sprint."),
        error_messages={"required": _("Choose the unit."), "invalid_choice": _("Choose the unit.")},
    )  # fmt: skip
    lead = PersonField(label=_("Lead"), required=False, help_text=_("User name or e-mail. Empty: you lead it."))
    quarter = forms.ChoiceField(label=_("Quarter"), required=False, help_text=_("The quarter the sprint runs in."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process_type"].queryset = ProcessType.objects.filter(mode=Mode.SPRINT, is_active=True)
        self.fields["unit"].queryset = Unit.objects.all()
        choices = quarter_choices()
        self.fields["quarter"].choices = choices
        self.fields["quarter"].initial = choices[0][0]

    def clean_quarter(self):
        return parse_quarter(self.cleaned_data["quarter"]) if self.cleaned_data["quarter"] else None

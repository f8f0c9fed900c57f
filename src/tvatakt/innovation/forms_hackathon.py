"""The forms a team fills in without an account: registering (with the organiser's questions and the members,
a guardian for each under 18), the submission, and a file. The rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.innovation.choices import MemberKind
from tvatakt.innovation.forms import _honeypot
from tvatakt.innovation.models import Hackathon, Submission, Team
from tvatakt.innovation.services.teams import ANSWER_LENGTH, MOST_MEMBERS
from tvatakt.opendata.models import Dataset


class TeamForm(forms.Form):
    name = forms.CharField(label=_("The team's name"), max_length=Team._meta.get_field("name").max_length,
                           error_messages={"required": _("Give the team a name.")})  # fmt: skip
    challenge = forms.ModelChoiceField(
        label=_("Which challenge do you take on?"), queryset=None, widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": _("Choose one of this hackathon's challenges."),
                        "invalid_choice": _("Choose one of this hackathon's challenges.")},
    )  # fmt: skip
    contact_name = forms.CharField(
        label=_("Contact person"), max_length=100,
        error_messages={"required": _("Write the name of the team's contact person.")},
    )  # fmt: skip
    contact_email = forms.EmailField(
        label=_("The contact's e-mail"), help_text=_("We send the team's own link here: with it you hand in."),
        error_messages={"required": _("Write an e-mail address we can send the team's link to."),
                        "invalid": _("Write an e-mail address we can send the team's link to.")},
    )  # fmt: skip
    website = _honeypot()

    def __init__(self, *args, hackathon: Hackathon, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = hackathon.challenges.all()
        self.questions = list(hackathon.questions.all())
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=question.display_text, required=question.required, max_length=ANSWER_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"required": _("This question needs an answer.")},
            )  # fmt: skip

    def answers(self) -> dict:
        return {question.pk: self.cleaned_data.get(f"q{question.pk}", "") for question in self.questions}


class MemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Who they are"), choices=[("", _("Choose")), *MemberKind.choices], required=False)
    affiliation = forms.CharField(label=_("Works or studies at"), max_length=150, required=False,
                                  help_text=_("So that a juror who knows you can step aside."))  # fmt: skip
    under_18 = forms.BooleanField(label=_("Under 18"), required=False)
    guardian_name = forms.CharField(label=_("Guardian's name (under 18)"), max_length=100, required=False)
    guardian_email = forms.EmailField(label=_("Guardian's e-mail (under 18)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("kind"):
            self.add_error("kind", _("Choose who they are."))
        return data


MemberFormSet = forms.formset_factory(
    MemberForm, extra=MOST_MEMBERS - 1, min_num=1, validate_min=True, max_num=MOST_MEMBERS, absolute_max=MOST_MEMBERS
)


class SubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=Submission._meta.get_field("title").max_length,
                            error_messages={"required": _("Give the submission a title.")})  # fmt: skip
    description = forms.CharField(
        label=_("What you built"), max_length=6000, widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Tell the jury what you built.")},
    )  # fmt: skip
    hypothesis = forms.CharField(
        label=_("What would it change for the city, and how would you know?"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("If you win, this is the hypothesis of the city's sprint that tries it."),
    )  # fmt: skip
    repository_url = forms.CharField(label=_("Code repository (address)"), max_length=200, required=False)
    demo_url = forms.CharField(label=_("Demo (address)"), max_length=200, required=False)
    datasets = forms.ModelMultipleChoiceField(
        label=_("The challenge's datasets you used"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    other_datasets = forms.CharField(
        label=_("Other datasets from the catalogue"), required=False, max_length=2000,
        help_text=_("Their short names from the catalogue's addresses (/oppna-data/…/), separated by commas."),
    )  # fmt: skip

    def __init__(self, *args, challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datasets"].queryset = challenge.datasets.public()

    def clean_other_datasets(self) -> list[Dataset]:
        names = [name.strip() for name in self.cleaned_data["other_datasets"].replace("\n", ",").split(",")]
        names = [name for name in names if name]
        found = {dataset.name: dataset for dataset in Dataset.objects.public().filter(name__in=names[:50])}
        unknown = [name for name in names if name not in found]
        if unknown:
            raise forms.ValidationError(_("Not in the open catalogue: %(names)s.") % {"names": ", ".join(unknown[:5])})
        return list(found.values())

    def chosen(self) -> list[Dataset]:
        return list({d.pk: d for d in [*self.cleaned_data["datasets"], *self.cleaned_data["other_datasets"]]}.values())


class FileForm(forms.Form):
    file = forms.FileField(label=_("Add a file"), help_text=_("Slides, a report or pictures: PDF, office files, PNG or "
                                                              "JPEG, at most 10 MB."))  # fmt: skip

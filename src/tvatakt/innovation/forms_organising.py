"""The forms that set up a consultation and a hackathon: the texts (Swedish first, English optional), the
hackathon's windows, a challenge with its datasets, the rubric, the questions for the teams, and the jury.

Plain forms, not model forms: a model form writes what was posted onto the object before the service has checked
it (the organisation among it, which the service asks permission for), and says its own words about a taken slug.
The rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import DateTimeInput, PersonField
from tvatakt.innovation.models import Challenge, Consultation, Hackathon
from tvatakt.innovation.services.organising import MOST_CRITERIA, MOST_QUESTIONS, MOST_WEIGHT, WINDOWS, QuestionLine
from tvatakt.organisation.models import Cluster, Organisation

SLUG_HELP = _("The last part of the page's address, such as trygg-skolvag: the letters a–z, digits and hyphens. "
              "Left empty, it is made from the title. Changing it changes the address.")  # fmt: skip


def _text(label, model, name: str, *, required: bool = False, rows: int = 0, help_text="") -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(label=label, max_length=model._meta.get_field(name).max_length, required=required,
                           widget=widget, help_text=help_text, strip=True)  # fmt: skip


def _slug() -> forms.CharField:
    return forms.CharField(label=_("Address"), max_length=80, required=False, help_text=SLUG_HELP)


def _organisation(label, help_text="") -> forms.ModelChoiceField:
    wrong = _("Choose one of the organisations in the list.")
    return forms.ModelChoiceField(label=label, queryset=Organisation.objects.none(), help_text=help_text,
                                  error_messages={"invalid_choice": wrong})  # fmt: skip


def initial_from(instance, names) -> dict:
    return {name: getattr(instance, name) for name in names}


class ConsultationForm(forms.Form):
    title = _text(_("The question, in Swedish"), Consultation, "title", required=True)
    title_en = _text(_("The question, in English"), Consultation, "title_en")
    description = _text(_("Description, in Swedish"), Consultation, "description", required=True, rows=6,
                        help_text=_("What the city asks, why, and what happens with the ideas."))  # fmt: skip
    description_en = _text(_("Description, in English"), Consultation, "description_en", rows=6)
    audience = _text(_("Who it is for"), Consultation, "audience", help_text=_("For example: everyone who lives in "
                                                                               "Rinkeby-Kista."))  # fmt: skip
    organisation = _organisation(_("The organisation that asks"))
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.all(), required=False)
    strategy_title = _text(_("The strategy it feeds"), Consultation, "strategy_title")
    strategy_url = forms.CharField(label=_("Link to the strategy"), max_length=200, required=False)
    slug = _slug()

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])


class HackathonForm(forms.Form):
    title = _text(_("Title, in Swedish"), Hackathon, "title", required=True)
    title_en = _text(_("Title, in English"), Hackathon, "title_en")
    description = _text(_("Description, in Swedish"), Hackathon, "description", required=True, rows=6)
    description_en = _text(_("Description, in English"), Hackathon, "description_en", rows=6)
    organisation = _organisation(_("Organiser"))
    place = _text(_("Place"), Hackathon, "place", help_text=_("The address, or the name of the place."))
    online = forms.BooleanField(label=_("Online, too (or only)"), required=False)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput)
    registration_opens = forms.DateTimeField(label=_("Registration opens"), widget=DateTimeInput)
    registration_closes = forms.DateTimeField(label=_("Registration closes"), widget=DateTimeInput)
    submission_opens = forms.DateTimeField(label=_("Submissions open"), widget=DateTimeInput)
    submission_closes = forms.DateTimeField(
        label=_("Submission deadline"), widget=DateTimeInput,
        help_text=_("After it, the submissions are locked and the jury scores."),
    )  # fmt: skip
    judging_closes = forms.DateTimeField(label=_("Judging ends"), widget=DateTimeInput)
    rules = _text(_("Rules"), Hackathon, "rules", rows=5)
    prizes = _text(_("Prizes"), Hackathon, "prizes", rows=3)
    slug = _slug()

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        date_time = _("A date and a time, such as 2027-03-31T14:00.")
        for name in WINDOWS:
            self.fields[name].error_messages |= {"required": _("Give the date and time."), "invalid": date_time}

    def windows(self):
        return [self[name] for name in WINDOWS]


class ChallengeForm(forms.Form):
    """The datasets are named by their short names: the catalogue has thousands. A search (the Find button, in
    the same form, so nothing written is lost) offers the matching ones as boxes to tick."""

    title = _text(_("Title, in Swedish"), Challenge, "title", required=True)
    title_en = _text(_("Title, in English"), Challenge, "title_en")
    description = _text(_("The problem, in Swedish"), Challenge, "description", required=True, rows=6)
    description_en = _text(_("The problem, in English"), Challenge, "description_en", rows=6)
    organisation = _organisation(_("The organisation that owns the problem"))
    datasets = forms.CharField(
        label=_("Datasets"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Their short names from the catalogue's addresses (/oppna-data/…/), separated by commas."),
    )  # fmt: skip
    dataset_search = forms.CharField(label=_("Find open datasets by words"), required=False, max_length=200)
    found = forms.MultipleChoiceField(label=_("Add these datasets"), required=False,
                                      widget=forms.CheckboxSelectMultiple)  # fmt: skip
    slug = _slug()

    def __init__(self, *args, owners, found=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = owners
        self.fields["found"].choices = [(d.name, f"{d.display_title} ({d.name})") for d in found]

    @staticmethod
    def names(text: str) -> list[str]:
        return [name.strip() for name in text.replace("\n", ",").replace(";", ",").split(",") if name.strip()]

    def chosen(self) -> list[str]:
        """The short names written and ticked, each once."""
        return list(dict.fromkeys([*self.names(self.cleaned_data["datasets"]), *self.cleaned_data["found"]]))

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in ("title", "title_en", "description", "description_en", "organisation",
                                              "slug")}  # fmt: skip


class RubricForm(forms.Form):
    """A row of fields per criterion, numbered from 1: the service's errors come back keyed by the same names."""

    def __init__(self, *args, rows: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = min(MOST_CRITERIA, rows)
        weighs = _("A whole number from 1 to %(most)s, relative to the others: 2, 1, 1 counts as 50, 25, 25.") % {
            "most": MOST_WEIGHT}  # fmt: skip
        for n in range(1, self.count + 1):
            self.fields[f"name_{n}"] = forms.CharField(label=_("Criterion, in Swedish"), max_length=150,
                                                       required=False)  # fmt: skip
            self.fields[f"name_en_{n}"] = forms.CharField(label=_("Criterion, in English"), max_length=150,
                                                          required=False)  # fmt: skip
            self.fields[f"description_{n}"] = forms.CharField(label=_("What the jury looks for"), max_length=500,
                                                              required=False)  # fmt: skip
            self.fields[f"weight_{n}"] = forms.IntegerField(label=_("Weight"), required=False, help_text=weighs)

    @staticmethod
    def initial_from(criteria) -> dict:
        initial = {}
        for n, criterion in enumerate(criteria, start=1):
            initial |= {f"name_{n}": criterion.name, f"name_en_{n}": criterion.name_en,
                        f"description_{n}": criterion.description, f"weight_{n}": criterion.weight}  # fmt: skip
        return initial

    def rows(self):
        names = ("name", "name_en", "description", "weight")
        return [(n, [self[f"{name}_{n}"] for name in names]) for n in range(1, self.count + 1)]

    def criteria(self) -> list[tuple]:
        data = self.cleaned_data
        return [(data[f"name_{n}"], data[f"name_en_{n}"], data[f"weight_{n}"], data[f"description_{n}"])
                for n in range(1, self.count + 1)]  # fmt: skip


class QuestionsForm(forms.Form):
    """A row per question, numbered from 1, with the id of a question already asked, so its answers stay."""

    def __init__(self, *args, rows: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = min(MOST_QUESTIONS, rows)
        for n in range(1, self.count + 1):
            self.fields[f"question_{n}"] = forms.IntegerField(required=False, widget=forms.HiddenInput)
            self.fields[f"text_{n}"] = forms.CharField(label=_("Question, in Swedish"), max_length=300,
                                                       required=False)  # fmt: skip
            self.fields[f"text_en_{n}"] = forms.CharField(label=_("Question, in English"), max_length=300,
                                                          required=False)  # fmt: skip
            self.fields[f"required_{n}"] = forms.BooleanField(label=_("An answer is needed"), required=False)

    @staticmethod
    def initial_from(questions) -> dict:
        initial = {}
        for n, question in enumerate(questions, start=1):
            initial |= {f"question_{n}": question.pk, f"text_{n}": question.text, f"text_en_{n}": question.text_en,
                        f"required_{n}": question.required}  # fmt: skip
        return initial

    def rows(self):
        return [(n, self[f"question_{n}"], [self[f"{name}_{n}"] for name in ("text", "text_en", "required")])
                for n in range(1, self.count + 1)]  # fmt: skip

    def questions(self) -> list[QuestionLine]:
        data = self.cleaned_data
        return [QuestionLine(data[f"text_{n}"], data[f"text_en_{n}"], data[f"required_{n}"], data[f"question_{n}"])
                for n in range(1, self.count + 1)]  # fmt: skip


class JurorForm(forms.Form):
    person = PersonField(label=_("The person to add"))

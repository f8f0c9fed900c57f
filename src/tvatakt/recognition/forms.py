"""Forms for the recognition pages. None of them makes an event: points come only from the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import DateInput, PeopleField
from tvatakt.portfolio.dates import quarter_label
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import AwardCategory, EventKind, RoundPeriod
from tvatakt.recognition.services.events import MAX_POINTS

# -- Recognition dashboard and policy ---------------------------------------------------------------------------


class QuarterForm(forms.Form):
    quarter = forms.ChoiceField(label=_("Quarter"), required=False)  # the latest with events when not given
    span = forms.ChoiceField(
        label=_("Period"),
        choices=[("quarter", _("Only that quarter")), ("year", _("Four quarters up to it"))],
        required=False,
        widget=forms.RadioSelect,
        initial="quarter",
    )

    def __init__(self, *args, quarters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [(day.isoformat(), quarter_label(day)) for day in quarters]


class PolicyForm(forms.Form):
    """One number per kind of event, and why it changes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in EventKind.choices:
            self.fields[kind] = forms.IntegerField(label=label, min_value=0, max_value=MAX_POINTS)
        self.fields["note"] = forms.CharField(
            label=_("Why the points change"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
        )
        self.fields["seen_version"] = forms.IntegerField(widget=forms.HiddenInput)

    def weights(self) -> dict[str, int]:
        return {kind: self.cleaned_data[kind] for kind in EventKind.values}


# -- Lessons and awards -----------------------------------------------------------------------------------------


class LessonForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("The lesson in one sentence."))
    tried = forms.CharField(label=_("What we tried"), widget=forms.Textarea(attrs={"rows": 4}))
    expected = forms.CharField(label=_("What we expected"), widget=forms.Textarea(attrs={"rows": 4}))
    happened = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 4}))
    learned = forms.CharField(label=_("What we learned"), widget=forms.Textarea(attrs={"rows": 4}))
    advice = forms.CharField(label=_("What others should do"), widget=forms.Textarea(attrs={"rows": 4}))
    tags = forms.CharField(
        label=_("Tags"), required=False, max_length=300,
        help_text=_("Words to find the lesson by, separated by commas, e.g. “upphandling, e-tjänst”."),
    )  # fmt: skip

    @staticmethod
    def initial_for(lesson) -> dict:
        fields = ("title", "tried", "expected", "happened", "learned", "advice")
        return {name: getattr(lesson, name) for name in fields} | {
            "tags": ", ".join(tag.name for tag in lesson.tags.all())
        }


class LessonReviewForm(forms.Form):
    publish = forms.TypedChoiceField(
        label=_("Your decision"), widget=forms.RadioSelect, coerce=lambda value: value == "yes",
        choices=[("yes", _("Publish it")), ("no", _("Send it back to the writers"))],
    )  # fmt: skip
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you send it back: say what should change."),
    )  # fmt: skip


class LessonSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the lessons"), required=False, max_length=100)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("All tags")), *[(t.slug, f"{t.name} ({t.count})") for t in tags]]


class LessonUseForm(forms.Form):
    lesson = forms.TypedChoiceField(label=_("A lesson we read first"), coerce=int)

    def __init__(self, *args, lessons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lesson"].choices = [("", _("Choose a lesson")), *[(lesson.pk, lesson.title) for lesson in lessons]]


class AwardRoundForm(forms.Form):
    category = forms.ChoiceField(label=_("Award"), choices=AwardCategory.choices, widget=forms.RadioSelect)
    period = forms.ChoiceField(label=_("Period"), choices=RoundPeriod.choices, widget=forms.RadioSelect)
    starts_on = forms.DateField(
        label=_("Period starts"), widget=DateInput, help_text=_("1 January, or the first day of a quarter.")
    )
    nominations_close = forms.DateField(label=_("Nominations close"), widget=DateInput)
    jury = PeopleField(label=_("Jury"))


class NominationForm(forms.Form):
    motivation = forms.CharField(
        label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Why it deserves the award. The motivation is public, and is published with the winner."),
    )  # fmt: skip

    def __init__(self, *args, award_round, lessons=(), **kwargs):
        super().__init__(*args, **kwargs)
        if award_round.category == AwardCategory.LESSON:
            self.fields["lesson"] = forms.TypedChoiceField(
                label=_("Lesson"), coerce=int,
                choices=[("", _("Choose a lesson")), *[(lesson.pk, lesson.title) for lesson in lessons]],
            )  # fmt: skip
        else:
            self.fields["initiative"] = forms.CharField(
                label=_("Initiative"), max_length=300,
                help_text=_("Its web address or short name, e.g. “hyresavin-i-appen”."),
            )  # fmt: skip
        self.order_fields(["lesson", "initiative", "motivation"])

    def clean_initiative(self) -> Initiative:
        slug = self.cleaned_data["initiative"].strip().rstrip("/").rsplit("/", 1)[-1]
        found = Initiative.objects.public().filter(slug=slug).first()
        if found is None:
            raise forms.ValidationError(_("No public initiative is called “%(name)s”.") % {"name": slug})
        return found


class ScoreForm(forms.Form):
    """One juror's scores: a choice from 1 to 5 for each nomination they may score."""

    def __init__(self, *args, nominations=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, str(n)) for n in range(1, 6)]
        for nomination in nominations:
            self.fields[f"n{nomination.pk}"] = forms.TypedChoiceField(
                label=str(nomination), choices=choices, coerce=int, required=False, widget=forms.RadioSelect,
                help_text=_("1 is lowest, 5 is highest."),
            )  # fmt: skip
        self.nominations = {f"n{nomination.pk}": nomination for nomination in nominations}

    def clean(self):
        # A juror may score some nominees now and the rest later, but a save with none would say "saved" for nothing.
        if self.nominations and not any(self.cleaned_data.get(name) for name in self.nominations):
            raise forms.ValidationError(_("Choose a score for at least one nominee."))
        return self.cleaned_data

    def scores(self):
        for name, nomination in self.nominations.items():
            if self.cleaned_data.get(name):
                yield name, nomination, self.cleaned_data[name]

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tvatakt.core.forms import DateInput, PersonField
from tvatakt.council.choices import NEXT_STATES, AdoptionState, ItemKind, Method, Scope, VoteChoice
from tvatakt.council.models import Meeting
from tvatakt.council.models.forum import BODY_MAX, REASON_MAX, TITLE_MAX
from tvatakt.organisation.models import Cluster, Organisation
from tvatakt.portfolio.models import Initiative


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
    initiatives = forms.CharField(
        label=_("Initiatives"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The initiatives the item concerns: their web addresses or short names, one per line."),
    )

    def clean_initiatives(self) -> list[Initiative]:
        # The agenda is public, so only public initiatives can be named on it.
        wanted = [line.strip().rstrip("/").rsplit("/", 1)[-1] for line in self.cleaned_data["initiatives"].splitlines()]
        wanted = [slug for slug in dict.fromkeys(wanted) if slug]
        found = {i.slug: i for i in Initiative.objects.public().filter(slug__in=wanted)}
        missing = [slug for slug in wanted if slug not in found]
        if missing:
            raise forms.ValidationError(_("No public initiative is called: %(names)s.") % {"names": ", ".join(missing)})
        return [found[slug] for slug in wanted]


class AttachmentForm(forms.Form):
    title = forms.CharField(
        label=pgettext_lazy("a heading", "Title"),
        max_length=200,
        help_text=_("What the paper is, e.g. “Background memo”."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, an office document, a picture or a text file, at most 20 MB. It will be public."),
    )


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


# Cluster forum

PLAIN_TEXT = _("Plain text. Web addresses become links.")


class ThreadForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("a heading", "Title"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Your post"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 8}), help_text=PLAIN_TEXT
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 5}), help_text=PLAIN_TEXT
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone who reads the forum sees this reason instead of the text. The text itself is kept."),
    )  # fmt: skip


class ClusterMeetingForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput)
    place = forms.CharField(label=_("Place"), max_length=200)
    agenda = forms.CharField(
        label=_("Agenda and notes"), required=False, max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Public, like the meeting itself."),
    )  # fmt: skip


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title (Swedish)"), max_length=TITLE_MAX)
    title_en = forms.CharField(label=_("Title (English)"), max_length=TITLE_MAX, required=False)
    background = forms.CharField(
        label=_("Background (Swedish)"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the council should take up, and why. Public, like the council’s agenda."),
    )  # fmt: skip
    background_en = forms.CharField(
        label=_("Background (English)"), max_length=BODY_MAX, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class ProposalScheduleForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Council meeting"), queryset=Meeting.objects.all())
    kind = forms.ChoiceField(
        label=_("Kind of item"), choices=ItemKind.choices, initial=ItemKind.DECISION, widget=forms.RadioSelect
    )

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Choices from a list read once, so that a page of these forms does not query once per form.
        self.fields["meeting"].choices = [
            ("", _("Choose a meeting")),
            *[(m.pk, f"{date_format(timezone.localtime(m.starts_at), 'j F Y, H:i')}, {m.place}") for m in meetings],
        ]


class ProposalDeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=BODY_MAX,
        help_text=_("Public: the cluster, and everyone else, can read it."),
    )  # fmt: skip

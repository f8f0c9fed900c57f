"""The registration form, in plain Swedish: who registers, who comes (up to six people, all or none), and what
would help them take part. A child's guardian is asked for only when a child comes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import DateTimeInput
from tvatakt.inclusion.choices import AgeGroup, Audience, EventKind, Language, Need
from tvatakt.inclusion.models import Learned, Place
from tvatakt.inclusion.services.registrations import MAX_SEATS
from tvatakt.organisation.selectors import districts


class RegistrationForm(forms.Form):
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), required=False, help_text=_("We send the confirmation here."))
    phone = forms.CharField(
        label=_("Phone"), max_length=30, required=False, help_text=_("If you have no e-mail. We call if needed.")
    )
    district = forms.ModelChoiceField(
        label=_("Where do you live?"), queryset=districts(), required=False, empty_label=_("I would rather not say"),
        help_text=_("Only so we know which parts of the city we reach."),
    )  # fmt: skip
    needs = forms.MultipleChoiceField(
        label=_("What would help you take part?"), choices=Need.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    needs_text = forms.CharField(
        label=_("Anything else we should know?"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    guardian_name = forms.CharField(
        label=_("Guardian's name"), max_length=200, required=False,
        help_text=_("Only if a child under 13 comes. The guardian confirms by e-mail."),
    )  # fmt: skip
    guardian_email = forms.EmailField(label=_("Guardian's e-mail"), required=False)
    photos_allowed = forms.BooleanField(
        label=_("You may take photos in which we can be seen"), required=False,
        help_text=_("Optional. Without a yes, no one takes photos of you or your group."),
    )  # fmt: skip
    website = forms.CharField(label=_("Leave this empty"), required=False)  # a honeypot: people never see it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts()


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    age_group = forms.ChoiceField(label=_("Age"), choices=[("", _("Choose")), *AgeGroup.choices], required=False)
    first_time = forms.BooleanField(label=_("First time at one of our events"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.empty_permitted:  # the first person: someone must come
            self.fields["name"].required = self.fields["age_group"].required = True

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("age_group"):
            self.add_error("age_group", _("Choose an age group."))
        if data.get("age_group") and not data.get("name"):
            self.add_error("name", _("Write a name."))
        return data


ParticipantFormSet = forms.formset_factory(
    ParticipantForm, extra=2, min_num=1, validate_min=True, max_num=MAX_SEATS, absolute_max=MAX_SEATS
)


class EventFilterForm(forms.Form):
    age = forms.ChoiceField(label=_("Age"), choices=[("", _("All ages")), *AgeGroup.choices], required=False)
    district = forms.ModelChoiceField(
        label=_("District"), queryset=districts(), required=False, empty_label=_("All districts"), to_field_name="slug"
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *EventKind.choices], required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages")), *Language.choices], required=False
    )
    access = forms.MultipleChoiceField(
        label=_("The place has"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[("step_free", _("Step-free access")), ("hearing_loop", _("Hearing loop")),
                 ("quiet_room", _("A quiet room"))],
    )  # fmt: skip
    free = forms.BooleanField(label=_("Only events with free seats"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts()


class FeedbackForm(forms.Form):
    smiley = forms.TypedChoiceField(
        label=_("How was it?"), required=False, coerce=int, empty_value=None, widget=forms.RadioSelect,
        choices=[(3, _("😀 Fun")), (2, _("😐 OK")), (1, _("🙁 Not fun"))],
    )  # fmt: skip
    sure_before = forms.TypedChoiceField(
        label=_("Before: how sure did you feel using digital services?"), required=False, coerce=int,
        empty_value=None, widget=forms.RadioSelect, choices=[(n, str(n)) for n in range(1, 6)],
        help_text=_("1 is not at all sure, 5 is very sure."),
    )  # fmt: skip
    sure_after = forms.TypedChoiceField(
        label=_("Now: how sure do you feel?"), required=False, coerce=int, empty_value=None,
        widget=forms.RadioSelect, choices=[(n, str(n)) for n in range(1, 6)],
    )  # fmt: skip
    learned = forms.MultipleChoiceField(
        label=_("What did you learn?"), choices=Learned.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    comment = forms.CharField(
        label=_("Anything you want to tell us?"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title (Swedish)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description (Swedish)"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain Swedish: short sentences, everyday words. Say what happens and what to bring."),
    )  # fmt: skip
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    target_group = forms.CharField(label=_("For whom"), max_length=200, required=False)
    age_min = forms.IntegerField(label=_("Youngest age"), min_value=7, max_value=85, initial=7)
    age_max = forms.IntegerField(label=_("Oldest age"), min_value=7, max_value=85, initial=85)
    place = forms.ModelChoiceField(label=_("Place"), queryset=None, required=False, empty_label=_("Online only"))
    online_url = forms.URLField(label=_("Online meeting address"), required=False, assume_scheme="https")
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, widget=forms.CheckboxSelectMultiple, initial=["sv"]
    )
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput)
    capacity = forms.IntegerField(label=_("Seats"), min_value=1, max_value=10_000)
    registration_opens = forms.DateTimeField(label=_("Registration opens"), widget=DateTimeInput)
    registration_closes = forms.DateTimeField(label=_("Registration closes"), widget=DateTimeInput)
    waiting_list = forms.BooleanField(label=_("Waiting list when full"), required=False, initial=True)
    offer_hours = forms.IntegerField(label=_("Hours to accept a seat offered"), min_value=1, max_value=336, initial=48)
    consent_hours = forms.IntegerField(
        label=_("Hours a child's seat waits for the guardian"), min_value=1, max_value=336, initial=72
    )
    publish = forms.BooleanField(label=_("Publish now"), required=False)

    def __init__(self, *args, hosts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.order_by("name")
        if hosts is not None:  # a new event: for which of the host's organisations
            self.fields["host"] = forms.ModelChoiceField(label=_("Host organisation"), queryset=hosts, empty_label=None)
            self.order_fields(["host"])


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why"), max_length=200, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone registered is told, with this reason."),
    )  # fmt: skip


class HostMessageForm(forms.Form):
    """A host's message to the participants. The audience's choices say how many each reaches, and how many of
    them only by phone."""

    subject = forms.CharField(
        label=_("Subject"), max_length=150, help_text=_("The e-mail's subject; the event's name is added to it.")
    )
    body = forms.CharField(
        label=_("Message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text, sent as you write it. Everyone chosen gets the same text, and it is kept with the "
                    "event: write nothing about one person. The e-mail also gives the event's time and place, and "
                    "the link to change or cancel the registration."),
    )  # fmt: skip
    audience = forms.ChoiceField(
        label=_("To whom"), choices=Audience.choices, initial=Audience.COMING, widget=forms.RadioSelect
    )

    def __init__(self, *args, counts: dict[str, tuple[int, int]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [
            (value, _audience_label(label, *counts[value])) for value, label in Audience.choices
        ]


def _audience_label(label, people: int, phones: int) -> str:
    if phones:
        return _("%(label)s (%(people)s, of whom %(phones)s only by phone)") % {
            "label": label, "people": people, "phones": phones,
        }  # fmt: skip
    return _("%(label)s (%(people)s)") % {"label": label, "people": people}

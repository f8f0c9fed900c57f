"""The forms of the public pages, in plain words: giving an idea (with or without an account, or at a help desk for
someone else), a comment, a report to moderation, and the choices over a consultation's ideas. The rules are the
services'; a missing field here says the same words the service would."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.inclusion.choices import AgeGroup
from tvatakt.innovation.choices import Outcome, ParticipantKind, Phase
from tvatakt.innovation.models import Comment, Consultation, Idea, Report
from tvatakt.innovation.selectors import UNANSWERED
from tvatakt.organisation.selectors import districts


def _honeypot() -> forms.CharField:
    return forms.CharField(label=_("Leave this empty"), required=False)  # people never see it; robots fill it in


class IdeaForm(forms.Form):
    """An idea. Without an account the e-mail address is asked for: the link that publishes the idea goes there."""

    title = forms.CharField(
        label=_("Your idea in a few words"), max_length=Idea._meta.get_field("title").max_length,
        error_messages={"required": _("Give your idea a short title.")},
    )  # fmt: skip
    body = forms.CharField(
        label=_("Tell us more"), max_length=Idea._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 6}), error_messages={"required": _("Tell us your idea.")},
        help_text=_("What would make things better, and for whom? Write as you would say it."),
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Who are you?"), choices=ParticipantKind.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose who you are."), "invalid_choice": _("Choose who you are.")},
    )  # fmt: skip
    age_group = forms.ChoiceField(
        label=_("Age"), choices=[("", _("I would rather not say")), *AgeGroup.choices], required=False,
        help_text=_("For the statistics of who takes part, and so that ideas can be chosen by age. It is not "
                    "shown with your idea."),
    )  # fmt: skip
    district = forms.ModelChoiceField(
        label=_("Where do you live?"), queryset=districts(), required=False, empty_label=_("I would rather not say"),
        help_text=_("For the statistics of who takes part, and so that ideas can be chosen by district. It is not "
                    "shown with your idea."),
    )  # fmt: skip
    name = forms.CharField(
        label=_("Name shown with the idea"), max_length=100, required=False,
        help_text=_("Leave it empty, and no name is shown."),
    )  # fmt: skip
    email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages={"required": _("Write your e-mail address: we send you a link to confirm the idea.")},
        help_text=_("Needed when you are not logged in. We send you a link: your idea is published when you follow "
                    "it. The address is never shown."),
    )  # fmt: skip
    website = _honeypot()

    def __init__(self, *args, signed_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts()
        if signed_in:  # the account is the way back: no address, and the name defaults to the account's
            del self.fields["email"]
            self.fields["name"].help_text = _("Leave it empty, and your name is shown.")


class OnBehalfForm(IdeaForm):
    """A help desk enters an idea for someone who is not online: their name is required, no e-mail is asked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, signed_in=True, **kwargs)
        name = self.fields["name"]
        name.label, name.required = _("The person's name"), True
        name.help_text = _("Shown with the idea, as they want it, for example “Greta, 85”.")
        name.error_messages["required"] = _("Write the name of the person you enter the idea for.")
        self.fields["kind"].label = _("Who are they?")
        self.fields["age_group"].label = _("Their age")
        self.fields["district"].label = _("Where do they live?")
        self.order_fields(["name"])


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), max_length=Comment._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 4}), error_messages={"required": _("Write your comment.")},
        help_text=_("Shown with your name. Be kind: others have written these ideas."),
    )  # fmt: skip


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"), max_length=Report._meta.get_field("reason").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what is wrong, so moderation knows what to look for.")},
        help_text=_("For example: it is advertising, it is hurtful, or it gives someone's personal details."),
    )  # fmt: skip
    website = _honeypot()


class IdeaFilterForm(forms.Form):
    """The choices over a consultation's ideas. A value that is not on the list is left out, never an error page."""

    q = forms.CharField(label=_("Search the ideas"), required=False, max_length=200)
    outcome = forms.ChoiceField(
        label=_("What became of it"), required=False,
        choices=[("", _("All")), (UNANSWERED, _("Not answered yet")),
                 *((value, label) for value, label in Outcome.choices if value)],
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Given by"), required=False, choices=[("", _("Everyone")), *ParticipantKind.choices]
    )
    age = forms.ChoiceField(label=_("Age"), required=False, choices=[("", _("All ages")), *AgeGroup.choices])
    district = forms.ModelChoiceField(
        label=_("District"), queryset=districts(), required=False, empty_label=_("All districts"), to_field_name="slug"
    )
    sort = forms.ChoiceField(
        label=_("Order"), required=False,
        choices=[("new", _("Newest first")), ("support", _("Most supported first")),
                 ("answered", _("Recently answered first"))],
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts()

    def filters(self) -> dict:
        """The choices that are valid; the others are as if not made."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.cleaned_data


# The forms of those who run a consultation (views/staff.py): hiding, the city's answer to an idea, and the phase.


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it hidden?"), max_length=Idea._meta.get_field("hidden_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why it is hidden: the author can see it.")},
        help_text=_("The idea leaves the public pages. Its author sees this reason on its page. The text is kept, "
                    "and it can be shown again."),
    )  # fmt: skip


class RestoreForm(forms.Form):
    """Showing a hidden idea again: a button, nothing to fill in."""

    restore = forms.CharField(widget=forms.HiddenInput, initial="1")


class AnswerForm(forms.Form):
    """The city's answer to an idea. Which outcome needs which field is the service's rule (services.answer); the
    initiatives listed are a search's (the Find button), as a city has thousands."""

    outcome = forms.ChoiceField(
        label=_("What became of the idea?"), widget=forms.RadioSelect,
        choices=[(value, label) for value, label in Outcome.choices if value],
        error_messages={"required": _("Choose what became of the idea."),
                        "invalid_choice": _("Choose what became of the idea.")},
    )  # fmt: skip
    text = forms.CharField(
        label=_("The city's answer"), required=False, max_length=Idea._meta.get_field("outcome_text").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Shown with the idea, and read by its author. When the idea is not taken forward, say why."),
    )  # fmt: skip
    url = forms.URLField(
        label=_("Link"), required=False, assume_scheme="https",
        help_text=_("When the idea is taken into the strategy: where in the strategy it is."),
    )  # fmt: skip
    initiative_search = forms.CharField(
        label=_("Find an initiative"), required=False, max_length=100,
        help_text=_("A word from its title or its organisation's name, then press “Find”."),
    )  # fmt: skip
    initiative = forms.ModelChoiceField(
        label=_("The initiative it became"), required=False, queryset=None, empty_label=_("None"),
        help_text=_("When the idea became an initiative. Only public initiatives are listed."),
        error_messages={"invalid_choice": _("Choose the initiative the idea became.")},
    )  # fmt: skip

    def __init__(self, *args, initiatives=(), **kwargs):
        from tvatakt.innovation.staff_selectors import public_initiatives

        super().__init__(*args, **kwargs)
        field = self.fields["initiative"]
        field.queryset = public_initiatives()  # any public one is accepted; `initiatives` are the ones listed
        field.widget.choices = [("", field.empty_label)] + [
            (initiative.pk, f"{initiative.display_title} ({initiative.organisation})") for initiative in initiatives
        ]


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(
        label=_("Phase"), choices=Phase.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose a phase from the list."),
                        "invalid_choice": _("Choose a phase from the list.")},
    )  # fmt: skip
    results = forms.CharField(
        label=_("Results"), required=False, max_length=Consultation._meta.get_field("results").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What came of the consultation, for everyone who took part. Needed to close it."),
    )  # fmt: skip

"""Forms for the catalogue: the search with its facets, the publishers' dataset and distribution forms, and their
harvest sources and imports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import DateInput
from tvatakt.opendata import vocab
from tvatakt.opendata.choices import (
    ACCESS_RIGHTS_CHOICES,
    AVAILABILITY_CHOICES,
    FILE_TYPE_CHOICES,
    FREQUENCY_CHOICES,
    LICENCE_CHOICES,
    term_label,
)
from tvatakt.opendata.models.dataset import NAME_RULE
from tvatakt.opendata.models.harvest import Schedule, SourceKind
from tvatakt.opendata.selectors import FACETS

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("title", _("Title, A to Ö")),
    ("modified", _("Last changed")),
]


class SearchForm(forms.Form):
    """The search box, the sort order, and a checkbox group per facet with the values the results have."""

    q = forms.CharField(label=_("Search the data"), required=False, max_length=200)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    FACET_LABELS = {
        "publisher": _("Publisher"),
        "theme": _("Theme"),
        "format": _("Format"),
        "licence": _("Licence"),
        "keyword": _("Keyword"),
    }

    def __init__(self, *args, facets=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FACETS:
            items = (facets or {}).get(name, [])
            chosen = self.data.getlist(name) if hasattr(self.data, "getlist") else []
            choices = [(item.value, f"{item.label} ({item.count})") for item in items]
            # A value chosen earlier stays a choice even when no result has it any more, so it can be unticked.
            choices += [(value, value) for value in chosen if value not in {item.value for item in items}]
            self.fields[name] = forms.MultipleChoiceField(
                label=self.FACET_LABELS[name], choices=choices, required=False, widget=forms.CheckboxSelectMultiple
            )

    def search_fields(self):
        return [self["q"], self["sort"]]

    def facet_fields(self):
        return [self[name] for name in FACETS if self.fields[name].choices]


class DatasetForm(forms.Form):
    name = forms.CharField(
        label=_("Short name"), max_length=100, validators=[NAME_RULE],
        help_text=_("Part of the dataset's web address, e.g. “luftkvalitet-2024”. It cannot change once published."),
    )  # fmt: skip
    title = forms.CharField(label=_("Title (Swedish)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    description = forms.CharField(label=_("Description (Swedish)"), widget=forms.Textarea(attrs={"rows": 5}))
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    keywords = forms.CharField(
        label=_("Keywords"), max_length=500, required=False,
        help_text=_("Words to find the data by, separated by commas, e.g. “luft, kvävedioxid”."),
    )  # fmt: skip
    themes = forms.MultipleChoiceField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(theme.code, term_label(theme)) for theme in vocab.THEMES],
    )  # fmt: skip
    contact_name = forms.CharField(label=_("Contact"), max_length=200, help_text=_("A name, or a function."))
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    licence = forms.ChoiceField(label=_("Licence"), choices=LICENCE_CHOICES, widget=forms.RadioSelect)
    access_rights = forms.ChoiceField(label=_("Access"), choices=ACCESS_RIGHTS_CHOICES, initial="PUBLIC")
    frequency = forms.ChoiceField(
        label=_("Update frequency"), choices=[("", _("Not given")), *FREQUENCY_CHOICES], required=False
    )
    temporal_start = forms.DateField(label=_("Covers from"), required=False, widget=DateInput)
    temporal_end = forms.DateField(label=_("Covers until"), required=False, widget=DateInput)
    spatial = forms.URLField(label=_("Place (web address)"), required=False, assume_scheme="https")
    conforms_to = forms.URLField(label=_("Follows the standard (web address)"), required=False, assume_scheme="https")
    landing_page = forms.URLField(label=_("Web page about the data"), required=False, assume_scheme="https")

    def __init__(self, *args, publishers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if publishers is not None:  # a new dataset: for which of the user's organisations
            self.fields["publisher"] = forms.ModelChoiceField(
                label=_("Publisher"), queryset=publishers, empty_label=None
            )
            self.order_fields(["publisher"])


class DistributionForm(forms.Form):
    title = forms.CharField(label=_("Title (Swedish)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description (Swedish)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    format = forms.ChoiceField(label=_("Format"), choices=[("", _("Choose a format")), *FILE_TYPE_CHOICES])
    access_url = forms.URLField(
        label=_("Address of the data"), required=False, max_length=500, assume_scheme="https",
        help_text=_("Where the data can be reached: a web page, an API or the file. Leave empty when you upload."),
    )  # fmt: skip
    download_url = forms.URLField(
        label=_("Direct download address"), required=False, max_length=500, assume_scheme="https"
    )
    file = forms.FileField(
        label=_("Or upload the file"), required=False,
        help_text=_("The file is checked against the format you choose."),
    )  # fmt: skip
    licence = forms.ChoiceField(
        label=_("Licence"), choices=[("", _("The same as the dataset")), *LICENCE_CHOICES], required=False
    )
    availability = forms.ChoiceField(
        label=_("Availability"), choices=[("", _("Not given")), *AVAILABILITY_CHOICES], required=False
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why"), max_length=300, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the history, where anyone can read it."),
    )  # fmt: skip


class HarvestSourceForm(forms.Form):
    title = forms.CharField(label=_("Name"), max_length=200, help_text=_("So you know the source in the list."))
    kind = forms.ChoiceField(label=_("Kind of source"), choices=SourceKind.choices, widget=forms.RadioSelect)
    url = forms.URLField(
        label=_("Web address"), max_length=500, assume_scheme="https",
        help_text=_("For an RDF file, the address of the file. For CKAN, the catalogue's address, e.g. "
                    "https://ckan.example.se."),
    )  # fmt: skip
    remote_organisation = forms.CharField(
        label=_("Organisation at the source"), max_length=100, required=False,
        help_text=_("CKAN only: fetch only this organisation's datasets (its short name at the source)."),
    )  # fmt: skip
    schedule = forms.ChoiceField(label=_("How often"), choices=Schedule.choices, initial=Schedule.MANUAL)
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args, publishers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if publishers is not None:  # a new source: for which of the user's organisations
            self.fields["publisher"] = forms.ModelChoiceField(
                label=_("Publisher"), queryset=publishers, empty_label=None,
                help_text=_("The datasets become this organisation's, whoever the source names as publisher."),
            )  # fmt: skip
            self.order_fields(["publisher"])


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"), help_text=_("UTF-8, with a header row. Commas or semicolons between the columns.")
    )

    def __init__(self, *args, publishers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publisher"] = forms.ModelChoiceField(label=_("Publisher"), queryset=publishers, empty_label=None)
        self.order_fields(["publisher"])

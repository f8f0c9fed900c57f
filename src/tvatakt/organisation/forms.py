from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tvatakt.core.forms import DateInput
from tvatakt.organisation.choices import OrganisationKind, Role
from tvatakt.organisation.models import Cluster, Organisation, Unit


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    cluster = forms.ChoiceField(label=_("Cluster"), required=False)

    def __init__(self, *args, clusters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *OrganisationKind.choices]
        self.fields["cluster"].choices = [("", _("All clusters")), *clusters]


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "short_name", "org_number", "website", "is_active"]

    def __init__(self, *args, identity: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not identity:
            for name in ("name", "kind", "org_number", "is_active"):
                del self.fields[name]


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["description", "description_en"]


class ClusterForm(forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ["description", "description_en", "members"]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Organisation.objects.filter(is_active=True).order_by("name")


class RoleAssignForm(forms.Form):
    person = forms.CharField(
        label=_("Person"), max_length=254, help_text=_("The person's user name or e-mail address.")
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("Choose a role")), *Role.choices])
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.all(), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.filter(is_active=True), required=False
    )
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.all(), required=False)
    is_deputy = forms.BooleanField(label=_("Deputy ambassador"), required=False)
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DateInput)
    valid_until = forms.DateField(
        label=_("Valid until"), required=False, widget=DateInput, help_text=_("The last day. Leave empty if open.")
    )

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        people = get_user_model().objects.filter(Q(username__iexact=value) | Q(email__iexact=value))
        if len(people[:2]) != 1:
            raise forms.ValidationError(_("No single person has that user name or e-mail address."))
        return people[0]

"""What the portfolio's views share: reading the filters, and finding an initiative the user may see."""

from django.http import Http404

from tvatakt.organisation.models import Cluster, Organisation, Unit
from tvatakt.portfolio import selectors
from tvatakt.portfolio.filters import InitiativeFilter
from tvatakt.portfolio.forms import InitiativeFilterForm
from tvatakt.portfolio.models import Initiative


def filter_choices() -> dict:
    return {
        "units": list(Unit.objects.values_list("slug", "name")),
        "organisations": list(Organisation.objects.filter(is_active=True).order_by("name").values_list("slug", "name")),
        "clusters": list(Cluster.objects.order_by("name").values_list("slug", "name")),
    }


def read_filters(request) -> tuple[InitiativeFilterForm, InitiativeFilter]:
    """The filter form, and the filters from its valid fields. An invalid value is ignored, and shown."""
    form = InitiativeFilterForm(request.GET or None, choices=filter_choices())
    if not form.is_bound:
        return form, InitiativeFilter()
    form.is_valid()
    valid = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    return form, InitiativeFilter.from_data(valid)


def get_initiative(request, slug: str) -> Initiative:
    try:
        return selectors.initiative_detail(user=request.user, slug=slug)
    except Initiative.DoesNotExist as exc:
        raise Http404 from exc

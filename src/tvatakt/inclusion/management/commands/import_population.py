from django.utils.translation import gettext as _

from tvatakt.core.management.importing import ImportCommand
from tvatakt.inclusion.population import import_population


class Command(ImportCommand):
    help = (
        "Load the population by district and age group from a CSV file (district, age_group, year, people, "
        "estimate), for the reach dashboard's coverage per 1,000 inhabitants. The whole file loads, or nothing does."
    )

    def load(self, data: bytes) -> int:
        return import_population(data)

    def done(self, result: int) -> str:
        return _("Population figures loaded: %(count)s.") % {"count": result}

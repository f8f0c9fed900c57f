from django.utils.translation import ngettext

from tvatakt.core.management.importing import ImportCommand
from tvatakt.portfolio.importer import import_initiatives


class Command(ImportCommand):
    help = "Load initiatives from a CSV file. The whole file loads, or nothing does."

    def load(self, data: bytes) -> int:
        return import_initiatives(data, actor=None)

    def done(self, result: int) -> str:
        return ngettext("Imported %(count)s initiative.", "Imported %(count)s initiatives.", result) % {"count": result}

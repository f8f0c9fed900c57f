from django.utils.translation import gettext as _

from tvatakt.core.management.importing import ImportCommand
from tvatakt.organisation.importer import organisations_import


class Command(ImportCommand):
    help = "Load organisations and clusters from a CSV file. The whole file loads, or nothing does."

    def load(self, data: bytes):
        return organisations_import(actor=None, data=data)

    def done(self, result) -> str:
        return _("Imported: %(created)s new, %(updated)s updated organisations; %(clusters)s new clusters.") % {
            "created": result.created, "updated": result.updated, "clusters": result.clusters_created,
        }  # fmt: skip

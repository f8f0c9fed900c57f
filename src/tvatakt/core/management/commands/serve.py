from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tvatakt.core import server


class Command(BaseCommand):
    help = "Migrate, then serve Tvåtakt with granian (WSGI, several workers)."

    def add_arguments(self, parser):
        server.add_server_arguments(parser)

    def handle(self, *args, host, port, workers, **options):
        server.prepare()
        self.stdout.write(_("Data directory: %(path)s") % {"path": settings.DATA_DIR})
        self.stdout.write(
            _("Tvåtakt runs at http://%(host)s:%(port)s/ (stop with Ctrl+C)") % {"host": host, "port": port}
        )
        server.run_granian(host=host, port=port, workers=workers)

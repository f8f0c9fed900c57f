from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tvatakt.core import server


class Command(BaseCommand):
    help = "Migrate, then serve Tvåtakt with granian (WSGI, several workers)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=server.default_workers())

    def handle(self, *args, host, port, workers, **options):
        server.prepare()
        self.stdout.write(_("Data directory: %(path)s") % {"path": settings.DATA_DIR})
        self.stdout.write(
            _("Tvåtakt runs at http://%(host)s:%(port)s/ (stop with Ctrl+C)") % {"host": host, "port": port}
        )
        server.run_granian(host=host, port=port, workers=workers)

import os

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tvatakt.core import server
from tvatakt.demo import city
from tvatakt.demo.loader import load_demo_city, summary
from tvatakt.organisation.choices import Role


class Command(BaseCommand):
    help = "Set up the demo city in the embedded database and serve it, with a background worker."

    def add_arguments(self, parser):
        server.add_server_arguments(parser)

    def handle(self, *args, host, port, workers, **options):
        if "TVATAKT_REQUIRE_TWO_FACTOR" not in os.environ:
            # The demo's staff log in with the printed password alone. The server's workers read the environment.
            os.environ["TVATAKT_REQUIRE_TWO_FACTOR"] = "false"
            settings.TVATAKT_REQUIRE_TWO_FACTOR = False
        server.prepare()
        counts = load_demo_city()
        url = f"http://{host}:{port}/"
        self.stdout.write(_("Data directory: %(path)s") % {"path": settings.DATA_DIR})
        self.stdout.write(summary(counts))
        self.stdout.write("")
        self.stdout.write(_("Demo log-ins (password for all: %(password)s):") % {"password": city.DEMO_PASSWORD})
        if not settings.TVATAKT_REQUIRE_TWO_FACTOR:
            self.stdout.write(
                _(
                    "Two-factor log-in is off in the demo. In production, staff and the council's officers must "
                    "give a code from an app (TVATAKT_REQUIRE_TWO_FACTOR)."
                )
            )
        for username, first, last, _title, _label, role, *_scope in city.LOGINS:
            label = Role(role).label if role else _("Administrator (staff)")
            self.stdout.write(f"  {username:<16} {first} {last} – {label}")
        self.stdout.write("")
        self.stdout.write(_("Tvåtakt runs at %(url)s (stop with Ctrl+C)") % {"url": url})
        worker = server.start_worker_process()
        try:
            server.run_granian(host=host, port=port, workers=workers)
        finally:
            worker.terminate()
            worker.wait(timeout=10)

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tvatakt.demo.loader import load_demo_city


class Command(BaseCommand):
    help = "Load the demo city (Stockholm's organisations, invented people). Safe to run again."

    def handle(self, *args, **options):
        counts = load_demo_city()
        self.stdout.write(
            _("Demo city: %(units)s units, %(organisations)s organisations, %(clusters)s clusters, %(people)s people.")
            % counts
        )

from django.core.management.base import BaseCommand

from tvatakt.demo.loader import load_demo_city, summary


class Command(BaseCommand):
    help = "Load the demo city (Stockholm's organisations, invented people). Safe to run again."

    def handle(self, *args, **options):
        counts = load_demo_city()
        self.stdout.write(summary(counts))

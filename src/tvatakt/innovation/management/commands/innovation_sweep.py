from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tvatakt.innovation import services


class Command(BaseCommand):
    help = (
        "Erase the ideas given without an account whose e-mail link was never followed (after "
        "TVATAKT_INNOVATION_UNCONFIRMED_DAYS, 30), and the people in hackathon teams after the hackathon (after "
        "TVATAKT_INNOVATION_TEAM_RETENTION_DAYS, 90). `tvatakt worker` does this every day; without a worker, run it "
        "from cron."
    )

    def handle(self, *args, **options):
        erased = services.erase_unconfirmed()
        self.stdout.write(_("Unconfirmed ideas erased: %(count)s.") % {"count": erased})
        teams = services.erase_teams()
        self.stdout.write(_("Hackathon teams whose members were erased: %(count)s.") % {"count": teams})

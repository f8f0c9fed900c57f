from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tvatakt.core.signin import services


class Command(BaseCommand):
    help = (
        "Delete the failed log-ins whose lock-out time is over (TVATAKT_LOGIN_COOLOFF_MINUTES), with the addresses "
        "they came from. `tvatakt worker` does this every day; without a worker, run it from cron."
    )

    def handle(self, *args, **options):
        deleted = services.forget_failed_logins()
        self.stdout.write(_("Failed log-ins forgotten: %(count)s.") % {"count": deleted})

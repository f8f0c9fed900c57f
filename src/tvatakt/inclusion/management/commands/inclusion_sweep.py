from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tvatakt.inclusion import privacy, services


class Command(BaseCommand):
    help = (
        "Pass on the seat offers not accepted in time and the children's seats whose guardian did not confirm, "
        "and erase participants' personal data once the retention period after their event has run out. "
        "`tvatakt worker` does this every 15 minutes; without a worker, run it from cron."
    )

    def handle(self, *args, **options):
        offers, consents = services.expire_offers(), services.expire_consents()
        erased = privacy.erase_after_events()
        self.stdout.write(
            _(
                "Offers passed on: %(offers)s. Children's seats given back: %(consents)s. Registrations erased: "
                "%(erased)s."
            )
            % {"offers": offers, "consents": consents, "erased": erased}  # fmt: skip
        )

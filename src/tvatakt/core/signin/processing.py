"""What log-in security keeps about people, and why: its part of the record of processing."""

from axes.helpers import get_cool_off
from django.utils.translation import gettext_lazy as _

from tvatakt.core.processing import LegalBasis, Purpose, register

AREA = _("Logging in")


def _until_the_lock_out_ends() -> str:
    minutes = int(get_cool_off().total_seconds() // 60)
    return str(_("A failed log-in is kept until %(minutes)s minutes after the last one with that user name from that "
                 "address, then deleted. The app's key is kept until the app is removed from your account.")
               % {"minutes": minutes})  # fmt: skip


def register_purposes() -> None:
    register(
        Purpose(
            area=AREA, name=_("Protecting accounts from password guessing, and the second log-in step of staff"),
            basis=LegalBasis.PUBLIC_TASK,
            data=(_("for a failed log-in: the user name tried, the address it came from, the browser's name and "
                    "the time"),
                  _("for those who must use two-step log-in: the key of their authenticator app, and when a code "
                    "was last used")),
            whose=_("those who log in"), retention=_until_the_lock_out_ends,
        ),
        Purpose(
            area=AREA, name=_("Logging in with the city's identity provider"), basis=LegalBasis.PUBLIC_TASK,
            data=(_("which identity provider, and its identifier for your account there; when it was linked and "
                    "last used"),),
            whose=_("those who log in with the city's identity provider"), retention=_linked,
        ),
    )  # fmt: skip


def _linked() -> str:
    return str(_("As long as the account is used; deleted if you ask us to erase your data."))

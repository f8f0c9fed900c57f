"""What the consultations hold about people, and why: the innovation app's part of the record of processing."""

from django.utils.translation import gettext_lazy as _

from tvatakt.core.processing import LegalBasis, Purpose, register

AREA = _("Consultations: ideas for the city")


def _with_the_consultation() -> str:
    return str(_("Kept with the consultation, as the city's record of what people said. An idea that is never "
                 "confirmed is erased after 30 days."))  # fmt: skip


def register_purposes() -> None:
    register(
        Purpose(
            area=AREA, name=_("Your ideas, support and comments, and the city's answer to each idea"),
            basis=LegalBasis.PUBLIC_TASK,
            data=(_("the idea, and the name you chose to show"), _("your e-mail address, if you have no account"),
                  _("who you are (resident, startup, company, research), and your age group and part of the city, "
                    "if you tell us"),
                  _("which ideas you support"), _("who entered an idea for someone at a help desk")),
            whose=_("those who take part"), retention=_with_the_consultation,
        ),
    )  # fmt: skip

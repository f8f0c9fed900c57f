"""What the consultations hold about people, and why: the innovation app's part of the record of processing."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tvatakt.core.processing import LegalBasis, Purpose, register

AREA = _("Consultations: ideas for the city")


def _with_the_consultation() -> str:
    return str(_("Kept with the consultation, as the city's record of what people said. An idea that is never "
                 "confirmed is erased after %(days)s days.")
               % {"days": settings.INNOVATION_UNCONFIRMED_DAYS})  # fmt: skip


HACKATHONS = _("Hackathons: teams, and what they hand in")


def _after_the_hackathon() -> str:
    return str(_("The members' names, contacts, guardians and answers are erased %(days)s days after the hackathon "
                 "ends. The team's name and its submission stay with the results.")
               % {"days": settings.INNOVATION_TEAM_RETENTION_DAYS})  # fmt: skip


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
        Purpose(
            area=HACKATHONS, name=_("Your team, its members, and what it hands in"), basis=LegalBasis.CONSENT,
            data=(_("the members' names, who they are and where they work or study"),
                  _("the contact person's name and e-mail address"),
                  _("for a member under 18: the guardian's name and e-mail, and the consent with its time and text"),
                  _("the answers to the organiser's questions"), _("the submission, its links and files")),
            whose=_("the teams' members, and the guardians of those under 18"), retention=_after_the_hackathon,
        ),
    )  # fmt: skip

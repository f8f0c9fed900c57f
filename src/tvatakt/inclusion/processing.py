"""What the events hold about people, and why: the inclusion app's part of the record of processing."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tvatakt.core.processing import LegalBasis, Purpose, register
from tvatakt.inclusion.privacy import retention_days

AREA = _("Activities: workshops, dialogue meetings and coding parties")


def _with_the_registration() -> str:
    days = retention_days()
    return ngettext(
        "Erased %(days)d day after the event. Only anonymous counts are kept.",
        "Erased %(days)d days after the event. Only anonymous counts are kept.",
        days,
    ) % {"days": days}


def _with_the_event() -> str:
    return str(_("Kept with the event, in the city's records of what it has done."))


def _answers() -> str:
    days = retention_days()
    return ngettext(
        "What you write yourself is erased %(days)d day after the event. The other answers are kept without names.",
        "What you write yourself is erased %(days)d days after the event. The other answers are kept without names.",
        days,
    ) % {"days": days}


def _anonymous() -> str:
    return str(_("Kept, without names: they cannot be traced to a person."))


def register_purposes() -> None:
    register(
        Purpose(
            area=AREA, name=_("Running the event: your seat, e-mails about it, and check-in at the door"),
            basis=LegalBasis.PUBLIC_TASK,
            data=(_("the name of everyone coming and their age group"), _("your e-mail address or phone number"),
                  _("what would help you take part, if you tell us"),
                  _("the part of the city you live in, if you tell us"), _("your language"),
                  _("your code, and whether you came")),
            whose=_("those who come, and whoever registers them"), retention=_with_the_registration,
        ),
        Purpose(
            area=AREA, name=_("A guardian's consent for a child under 13"), basis=LegalBasis.CONSENT,
            data=(_("the guardian's name and e-mail address"), _("which version of the consent text they read"),
                  _("when they said yes, or no, or took the yes back")),
            whose=_("guardians"), retention=_with_the_registration,
        ),
        Purpose(
            area=AREA, name=_("Photos at the event"), basis=LegalBasis.CONSENT,
            data=(_("whether you allow photos in which you can be seen"),),
            whose=_("those who come"), retention=_with_the_registration,
        ),
        Purpose(
            area=AREA, name=_("The questions after the event, to make the next one better"),
            basis=LegalBasis.PUBLIC_TASK,
            data=(_("your answers: a smiley, how sure you feel with digital services, what you learned"),
                  _("what you write in your own words")),
            whose=_("those who came and answer"), retention=_answers,
        ),
        Purpose(
            area=AREA, name=_("Who we reach: ages and parts of the city, to find those we miss"),
            basis=LegalBasis.PUBLIC_TASK,
            data=(_("age groups, parts of the city, first time or not, whether people came"),),
            whose=_("those who come"), retention=_anonymous,
        ),
        Purpose(
            area=AREA, name=_("Messages from the host to those registered"), basis=LegalBasis.PUBLIC_TASK,
            data=(_("the message, and which host sent it"),), whose=_("the city's staff who host events"),
            retention=_with_the_event,
        ),
    )  # fmt: skip

"""Signed links that need no account: one confirms an idea, one lets a team change what it hands in, one lets a
guardian consent for a member under 18. Each names its record and the address it went to, and expires."""

from django.core import signing
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.innovation.models import Idea

SALT = "tvatakt.innovation.idea"
MAX_AGE = 60 * 60 * 24 * 7  # a week: after that the idea is not published, and is erased (see services.sweep)


def make(idea: Idea) -> str:
    return signing.dumps({"i": idea.pk, "e": idea.email}, salt=SALT)


def read(token: str) -> Idea:
    data = _loads(token, SALT, MAX_AGE)
    idea = Idea.objects.select_related("consultation").filter(pk=data.get("i"), email=data.get("e")).first()
    if idea is None:
        raise _invalid()
    return idea


TEAM_SALT = "tvatakt.innovation.team"
CONSENT_SALT = "tvatakt.innovation.guardian"
TEAM_MAX_AGE = 60 * 60 * 24 * 180  # the team's own link: through the hackathon and its results
CONSENT_MAX_AGE = 60 * 60 * 24 * 14  # a guardian's link: two weeks, and a new one can be sent


def make_team(team) -> str:
    return signing.dumps({"t": team.pk, "e": team.contact_email}, salt=TEAM_SALT)


def read_team(token: str):
    from tvatakt.innovation.models import Team

    data = _loads(token, TEAM_SALT, TEAM_MAX_AGE)
    team = Team.objects.select_related("hackathon", "challenge").filter(pk=data.get("t"), erased_at=None).first()
    if team is None or team.contact_email != data.get("e"):
        raise _invalid()
    return team


def make_consent(member) -> str:
    return signing.dumps({"m": member.pk, "e": member.guardian_email}, salt=CONSENT_SALT)


def read_consent(token: str):
    from tvatakt.innovation.models import TeamMember

    data = _loads(token, CONSENT_SALT, CONSENT_MAX_AGE)
    member = TeamMember.objects.select_related("team__hackathon").filter(pk=data.get("m")).first()
    if member is None or not member.guardian_email or member.guardian_email != data.get("e"):
        raise _invalid()
    return member


def _invalid() -> DomainError:
    return DomainError(_("The link is not valid. It may be incomplete, or too old. Nothing was changed."))


def _loads(token: str, salt: str, max_age: int) -> dict:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature as exc:  # SignatureExpired is one too
        raise _invalid() from exc
    if not isinstance(data, dict):
        raise _invalid()
    return data

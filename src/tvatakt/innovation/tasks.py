"""E-mails and the daily sweep of the consultations."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from tvatakt.core.tasks import book_once, retried

SWEEP_EVERY = datetime.timedelta(days=1)


@task()
@retried
def send_confirmation(*, idea_pk: int) -> bool:
    """The link that publishes an idea given without an account."""
    from tvatakt.innovation import tokens
    from tvatakt.innovation.models import Idea

    idea = Idea.objects.select_related("consultation").filter(pk=idea_pk, state="pending").first()
    if idea is None or not idea.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL + reverse("innovation:confirm", kwargs={"token": tokens.make(idea)})
        context = {"idea": idea, "link": link, "days": tokens.MAX_AGE // 86400}
        subject = " ".join(render_to_string("innovation/email/confirm_subject.txt", context).split())
        body = render_to_string("innovation/email/confirm_body.txt", context)
    return bool(EmailMessage(subject=subject, body=body, to=[idea.email]).send())


def _send(template: str, context: dict, to: str, language: str) -> bool:
    with translation.override(language):
        subject = " ".join(render_to_string(f"innovation/email/{template}_subject.txt", context).split())
        body = render_to_string(f"innovation/email/{template}_body.txt", context)
    return bool(EmailMessage(subject=subject, body=body, to=[to]).send())


@task()
@retried
def send_team_welcome(*, team_pk: int) -> bool:
    """The team's own link, to hand in and change the submission until the deadline."""
    from tvatakt.innovation import tokens
    from tvatakt.innovation.models import Team

    team = Team.objects.select_related("hackathon", "challenge").filter(pk=team_pk, erased_at=None).first()
    if team is None:
        return False
    with translation.override(team.language):
        link = settings.SITE_URL + reverse("innovation:team", kwargs={"token": tokens.make_team(team)})
    return _send("team", {"team": team, "link": link}, team.contact_email, team.language)


@task()
@retried
def send_guardian_request(*, member_pk: int) -> bool:
    """A guardian's link to consent, or not, for a member under 18."""
    from tvatakt.innovation import tokens
    from tvatakt.innovation.models import TeamMember

    member = TeamMember.objects.select_related("team__hackathon").filter(pk=member_pk, consent_given_at=None).first()
    if member is None or not member.guardian_email:
        return False
    language = member.team.language
    with translation.override(language):
        link = settings.SITE_URL + reverse("innovation:guardian", kwargs={"token": tokens.make_consent(member)})
    context = {"member": member, "team": member.team, "link": link, "days": tokens.CONSENT_MAX_AGE // 86400}
    return _send("guardian", context, member.guardian_email, language)


@task()
def sweep() -> int:
    """Erase the ideas never confirmed and the people of teams long past, then book tomorrow's sweep (even when
    this one failed)."""
    from tvatakt.innovation import services

    try:
        return services.erase_unconfirmed() + services.erase_teams()
    finally:
        sweep_book(run_after=timezone.now() + SWEEP_EVERY)


def sweep_book(*, run_after: datetime.datetime | None = None) -> bool:
    """Queue the sweep unless one is waiting; `tvatakt worker` calls this on start, and each sweep books the next,
    a day later. With tasks run inline, run `tvatakt innovation-sweep` from cron."""
    from tvatakt.innovation.models import Consultation

    return book_once(sweep, run_after=run_after, lock=Consultation.objects.all())

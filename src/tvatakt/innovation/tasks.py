"""E-mails and the daily sweep of the consultations."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from tvatakt.core.tasks import book_once

SWEEP_EVERY = datetime.timedelta(days=1)


@task()
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


@task()
def sweep() -> int:
    """Erase the ideas never confirmed, then book tomorrow's sweep (even when this one failed)."""
    from tvatakt.innovation import services

    try:
        return services.erase_unconfirmed()
    finally:
        sweep_book(run_after=timezone.now() + SWEEP_EVERY)


def sweep_book(*, run_after: datetime.datetime | None = None) -> bool:
    """Queue the sweep unless one is waiting; `tvatakt worker` calls this on start, and each sweep books the next,
    a day later. With tasks run inline, run `tvatakt innovation-sweep` from cron."""
    from tvatakt.innovation.models import Consultation

    return book_once(sweep, run_after=run_after, lock=Consultation.objects.all())

"""From winner to initiative: one action makes a placed submission a sprint initiative in the portfolio, carrying
the team, the datasets and the hypothesis over, with links both ways."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.innovation.models import Submission
from tvatakt.innovation.services.judging import PLACES
from tvatakt.opendata.models import DatasetUse
from tvatakt.organisation.models import Person, Unit
from tvatakt.portfolio.choices import Mode
from tvatakt.portfolio.dates import quarter_end, quarter_start
from tvatakt.portfolio.models import Initiative, ProcessType
from tvatakt.portfolio.services import initiative_create


def _description(submission: Submission) -> str:
    team = submission.team
    kinds = ", ".join(sorted({member.get_kind_display() for member in team.members.all()}))
    lines = [
        submission.description,
        "",
        _("From the hackathon “%(hackathon)s”, challenge “%(challenge)s”: place %(rank)s for the team %(team)s "
          "(%(kinds)s).") % {"hackathon": team.hackathon.title, "challenge": team.challenge.title,
                             "rank": submission.rank, "team": team.name, "kinds": kinds},
    ]  # fmt: skip
    if submission.repository_url:
        lines.append(_("Code: %(url)s") % {"url": submission.repository_url})
    if submission.motivation:
        lines.append(_("The jury: %(motivation)s") % {"motivation": submission.motivation})
    return "\n".join(lines)


def make_initiative(
    *, actor: Person, submission: Submission, process_type: ProcessType, unit: Unit, lead: Person | None = None,
    quarter: datetime.date | None = None, today: datetime.date | None = None,
) -> Initiative:  # fmt: skip
    """A sprint initiative for the challenge's owner, from a submission placed in published results."""
    today = today or timezone.localdate()
    hackathon = submission.team.hackathon
    require(actor, "innovation.run", hackathon)
    if hackathon.results_published_at is None or submission.rank is None or submission.rank > PLACES:
        raise DomainError(_("Only a submission placed in the published results can become an initiative."))
    if process_type.mode != Mode.SPRINT:
        raise DomainError({"process_type": _("Choose a sprint process type: a winner is tried within a quarter.")})
    quarter = quarter_start(quarter or today)
    with transaction.atomic():
        current = Submission.objects.select_for_update().select_related("team__challenge").get(pk=submission.pk)
        if current.initiative_id is not None:
            raise DomainError(_("This submission is already an initiative."))
        initiative = initiative_create(
            actor=actor, title=current.title, description=_description(current), process_type=process_type,
            organisation=current.team.challenge.organisation, unit=unit, lead=lead, start_date=today,
            planned_end=quarter_end(quarter), hypothesis=current.hypothesis or current.description[:2000],
            quarter=quarter, today=today,
        )  # fmt: skip
        DatasetUse.objects.bulk_create(
            [DatasetUse(dataset=dataset, initiative=initiative, noted_by=actor) for dataset in current.datasets.all()]
        )
        current.initiative = initiative
        current.save(update_fields=["initiative", "updated_at"])
    submission.initiative = initiative
    return initiative

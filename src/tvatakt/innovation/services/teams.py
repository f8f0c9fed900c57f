"""Teams register for a hackathon without an account, with the answers the organiser asks for; a guardian
consents for each member under 18 by an e-mailed link. A team hands in one submission, which it may change until
the deadline and not after. Every rule is checked here, for the forms and any other door."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.uploads import DOCUMENTS, checked
from tvatakt.innovation.choices import MemberKind
from tvatakt.innovation.models import Challenge, Hackathon, Submission, SubmissionFile, Team, TeamMember
from tvatakt.opendata.models import Dataset

CONSENT_VERSION = "2026-1"  # the version of the consent text a guardian confirms; change it with the text
MOST_MEMBERS = 6
MOST_DATASETS = 20
MOST_FILES = 5
FILE_SIZE = 10 * 1024 * 1024
ANSWER_LENGTH = 1000


@dataclass(frozen=True)
class Member:
    name: str
    kind: str
    affiliation: str = ""
    under_18: bool = False
    guardian_name: str = ""
    guardian_email: str = ""


def _email_ok(address: str) -> bool:
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


def _check_members(members: list[Member]) -> list[Member]:
    people = [
        Member(
            name=" ".join(m.name.split())[:100], kind=m.kind, affiliation=" ".join(m.affiliation.split())[:150],
            under_18=bool(m.under_18), guardian_name=" ".join(m.guardian_name.split())[:100],
            guardian_email=m.guardian_email.strip().lower(),
        )
        for m in members
        if m.name.strip()
    ]  # fmt: skip
    if not people:
        raise DomainError({"members": _("Name at least one member of the team.")})
    if len(people) > MOST_MEMBERS:
        raise DomainError({"members": _("A team has at most %(most)s members.") % {"most": MOST_MEMBERS}})
    for number, person in enumerate(people, start=1):
        if person.kind not in MemberKind.values:
            raise DomainError({"members": _("Member %(n)s: choose who they are.") % {"n": number}})
        if person.under_18 and not (person.guardian_name and _email_ok(person.guardian_email)):
            raise DomainError(
                {"members": _("Member %(n)s is under 18: give a guardian's name and e-mail, so they can consent.")
                 % {"n": number}}
            )  # fmt: skip
    return people


def _check_answers(hackathon: Hackathon, answers: dict) -> dict:
    kept, errors = {}, {}
    for question in hackathon.questions.all():
        text = str(answers.get(question.pk) or answers.get(str(question.pk)) or "").strip()
        if question.required and not text:
            errors[f"q{question.pk}"] = _("This question needs an answer.")
        elif len(text) > ANSWER_LENGTH:
            errors[f"q{question.pk}"] = _("An answer can be at most 1,000 characters long.")
        elif text:
            kept[str(question.pk)] = text
    if errors:
        raise DomainError(errors)
    return kept


def register_team(
    *, hackathon: Hackathon, challenge: Challenge, name: str, contact_name: str, contact_email: str,
    members: list[Member], answers: dict | None = None, language: str = "sv", now: datetime.datetime | None = None,
) -> Team:  # fmt: skip
    """A new team. Its contact gets the link to the team's page; each guardian the link to consent."""
    now = now or timezone.now()
    if not hackathon.registration_open(now):
        raise DomainError(_("Registration for this hackathon is not open now."))
    if challenge.hackathon_id != hackathon.pk:
        raise DomainError({"challenge": _("Choose one of this hackathon's challenges.")})
    name = " ".join(name.split())
    contact_email = contact_email.strip().lower()
    errors = {}
    if not name:
        errors["name"] = _("Give the team a name.")
    elif len(name) > Team._meta.get_field("name").max_length:
        errors["name"] = _("The name can be at most 100 characters long.")
    if not contact_name.strip():
        errors["contact_name"] = _("Write the name of the team's contact person.")
    if not _email_ok(contact_email):
        errors["contact_email"] = _("Write an e-mail address we can send the team's link to.")
    if errors:
        raise DomainError(errors)
    people = _check_members(members)
    kept = _check_answers(hackathon, answers or {})
    try:
        with transaction.atomic():
            team = Team.objects.create(
                hackathon=hackathon, challenge=challenge, name=name, contact_name=" ".join(contact_name.split())[:100],
                contact_email=contact_email, language=language[:2], answers=kept,
            )  # fmt: skip
            TeamMember.objects.bulk_create(
                TeamMember(team=team, consent_version=CONSENT_VERSION if p.under_18 else "", **vars(p)) for p in people
            )
    except IntegrityError as exc:  # the name, taken by another team between the check and now
        raise DomainError({"name": _("Another team already has this name. Choose another.")}) from exc
    transaction.on_commit(lambda: _welcome(team))
    return team


def _welcome(team: Team) -> None:
    from tvatakt.innovation.tasks import send_guardian_request, send_team_welcome

    send_team_welcome.enqueue(team_pk=team.pk)
    for member in team.members.filter(under_18=True, consent_given_at=None):
        send_guardian_request.enqueue(member_pk=member.pk)


def answer_consent(*, member: TeamMember, yes: bool, now: datetime.datetime | None = None) -> TeamMember | None:
    """The guardian's answer. Yes: recorded with its time and the text's version. No: the member leaves the team,
    and what was kept about them goes with them."""
    now = now or timezone.now()
    with transaction.atomic():
        current = TeamMember.objects.select_for_update().filter(pk=member.pk).first()
        if current is None:
            raise DomainError(_("This member is no longer in the team."))
        if yes:
            if current.consent_given_at is None:
                current.consent_given_at, current.consent_version = now, CONSENT_VERSION
                current.save(update_fields=["consent_given_at", "consent_version"])
            return current
        if current.team.members.count() == 1:
            current.team.withdrawn_at = now
            current.team.save(update_fields=["withdrawn_at", "updated_at"])
        current.delete()
        return None


def _clean_url(value: str, field: str, errors: dict) -> str:
    value = value.strip()
    if value:
        try:
            URLValidator(schemes=["https", "http"])(value)
        except ValidationError:
            errors[field] = _("Write a whole web address, starting with https://.")
    return value


def _open_for(team: Team, now: datetime.datetime) -> None:
    if team.withdrawn_at is not None:
        raise DomainError(_("This team has withdrawn."))
    if now >= team.hackathon.submission_closes:
        raise DomainError(_("The deadline has passed, so the submission is locked."))
    if now < team.hackathon.submission_opens:
        opens = timezone.localtime(team.hackathon.submission_opens).strftime("%Y-%m-%d %H:%M")
        raise DomainError(_("Submissions open %(when)s.") % {"when": opens})
    if team.waiting_for_consent:
        raise DomainError(_("A member under 18 is waiting for a guardian’s consent. The team can hand in after it."))


def save_submission(
    *, team: Team, title: str, description: str, hypothesis: str = "", repository_url: str = "", demo_url: str = "",
    datasets: list[Dataset] = (), now: datetime.datetime | None = None,
) -> Submission:  # fmt: skip
    """Hand in, or change what was handed in, until the deadline."""
    now = now or timezone.now()
    _open_for(team, now)
    title, description, hypothesis = " ".join(title.split()), description.strip(), hypothesis.strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the submission a title.")
    elif len(title) > Submission._meta.get_field("title").max_length:
        errors["title"] = _("The title can be at most 150 characters long.")
    if not description:
        errors["description"] = _("Tell the jury what you built.")
    elif len(description) > Submission._meta.get_field("description").max_length:
        errors["description"] = _("The description can be at most 6,000 characters long.")
    if len(hypothesis) > Submission._meta.get_field("hypothesis").max_length:
        errors["hypothesis"] = _("Say it in at most 2,000 characters.")
    urls = {field: _clean_url(value, field, errors) for field, value in
            (("repository_url", repository_url), ("demo_url", demo_url))}  # fmt: skip
    datasets = list(datasets)
    if len(datasets) > MOST_DATASETS:
        errors["datasets"] = _("Choose at most %(most)s datasets.") % {"most": MOST_DATASETS}
    elif any(not dataset.is_public for dataset in datasets):
        errors["datasets"] = _("Choose datasets from the open catalogue.")
    if errors:
        raise DomainError(errors)
    with transaction.atomic():
        Team.objects.select_for_update().get(pk=team.pk)  # one hand-in at a time per team
        submission, _created = Submission.objects.update_or_create(
            team=team, defaults={"title": title, "description": description, "hypothesis": hypothesis, **urls}
        )
        submission.datasets.set(datasets)
    return submission


def add_file(*, team: Team, file: UploadedFile, now: datetime.datetime | None = None) -> SubmissionFile:
    """A file with the submission (slides, a report, a screenshot), checked by its content."""
    now = now or timezone.now()
    _open_for(team, now)
    submission = Submission.objects.filter(team=team).first()
    if submission is None:
        raise DomainError({"file": _("Hand in the submission first; then add files to it.")})
    if submission.files.count() >= MOST_FILES:
        raise DomainError({"file": _("A submission has at most %(most)s files.") % {"most": MOST_FILES}})
    filename, content_type = checked(file, kinds=DOCUMENTS, max_size=FILE_SIZE)
    row = SubmissionFile(submission=submission, filename=filename, content_type=content_type, size=file.size)
    row.file.save(filename, file, save=False)  # written before the transaction: no lock held while it is
    try:
        row.save()
    except Exception:
        row.file.delete(save=False)
        raise
    return row


def remove_file(*, team: Team, file: SubmissionFile, now: datetime.datetime | None = None) -> None:
    now = now or timezone.now()
    _open_for(team, now)
    if file.submission.team_id != team.pk:
        raise DomainError(_("This file belongs to another team."))
    stored = file.file.name
    file.delete()
    transaction.on_commit(lambda: file.file.storage.delete(stored))


def erase_teams(*, now: datetime.datetime | None = None) -> int:
    """Erase the people in the teams of hackathons that ended INNOVATION_TEAM_RETENTION_DAYS days ago. The team's
    name and submission stay: they are the results. Returns the number of teams erased."""
    now = now or timezone.now()
    teams = Team.objects.filter(
        erased_at=None, hackathon__ends_at__lt=now - datetime.timedelta(days=settings.INNOVATION_TEAM_RETENTION_DAYS)
    )
    ids = list(teams.values_list("pk", flat=True))
    with transaction.atomic():
        TeamMember.objects.filter(team__in=ids).update(
            name="", affiliation="", guardian_name="", guardian_email="", consent_version="", consent_given_at=None
        )
        Team.objects.filter(pk__in=ids).update(contact_name="", contact_email="", answers={}, erased_at=now)
    return len(ids)

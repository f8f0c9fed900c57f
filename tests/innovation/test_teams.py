"""Teams register without an account, answer the organiser's questions, wait for a guardian's consent for a member
under 18, and hand in one submission, which they may change until the deadline and not after."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tvatakt.core.errors import DomainError
from tvatakt.innovation import services, tokens
from tvatakt.innovation.models import Question, Submission, Team, TeamMember
from tvatakt.opendata.models import Dataset

from .conftest import make_hackathon, make_team, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def hackathon():
    return make_hackathon()


def test_a_team_registers_and_its_contact_gets_the_teams_link(hackathon, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        team = make_team(hackathon, name="Trygga <script>alert(1)</script> 🚸 Åsa", members=[
            member("Åsa Öberg", "student", affiliation="KTH"), member("Li Wei", "startup", affiliation="Skolväg AB"),
        ])  # fmt: skip
    assert team.name == "Trygga <script>alert(1)</script> 🚸 Åsa"  # kept as written; the pages escape it
    assert [m.affiliation for m in team.members.all()] == ["KTH", "Skolväg AB"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [team.contact_email]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/hackathon/lag/" in line)
    assert tokens.read_team(link.rsplit("/lag/", 1)[1].strip("/")) == team


def test_bad_registrations_say_what_is_wrong_and_save_nothing(hackathon):
    question = Question.objects.create(hackathon=hackathon, text="Behöver ni el?", required=True)
    make_team(hackathon, name="Team Ett", answers={question.pk: "Ja"})
    cases = [
        ({"name": "team ETT"}, "name"),  # the same name in other letters
        ({"name": "  "}, "name"),
        ({"contact_email": "inte-en-adress"}, "contact_email"),
        ({"members": [member("  ")]}, "members"),
        ({"members": [member("Kim", "alien")]}, "members"),
        ({"members": [member(f"M{n}") for n in range(7)]}, "members"),
        ({"members": [member("Elsa", "student", under_18=True)]}, "members"),  # no guardian
        ({"answers": {}}, f"q{question.pk}"),
        ({"answers": {question.pk: "x" * 1001}}, f"q{question.pk}"),
    ]
    for fields, field in cases:
        with pytest.raises(DomainError) as caught:
            make_team(hackathon, name=fields.pop("name", "Team Två"), **({"answers": {question.pk: "Ja"}} | fields))
        assert field in caught.value.message_dict, fields
    assert Team.objects.filter(hackathon=hackathon).count() == 1 and TeamMember.objects.filter(
        team__hackathon=hackathon).count() == 1  # fmt: skip


def test_registration_is_only_open_in_its_window(hackathon):
    hackathon.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    hackathon.registration_opens = timezone.now() - datetime.timedelta(days=3)
    hackathon.save()
    with pytest.raises(DomainError, match="not open"):
        make_team(hackathon)


def test_a_member_under_18_waits_for_a_guardian_who_may_say_yes_or_no(hackathon, django_capture_on_commit_callbacks):
    young = member("Elsa Lind", "student", under_18=True, guardian_name="Sara Lind", guardian_email="Sara@Example.se")
    with django_capture_on_commit_callbacks(execute=True):
        team = make_team(hackathon, members=[member(), young, member("Nils Berg", "student", under_18=True,
                         guardian_name="Per Berg", guardian_email="per@example.se")])  # fmt: skip
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [team.contact_email, "sara@example.se", "per@example.se"])  # fmt: skip
    with pytest.raises(DomainError, match="guardian"):
        services.save_submission(team=team, title="App", description="Den hjälper.")
    elsa, nils = team.members.filter(under_18=True).order_by("name")
    services.answer_consent(member=tokens.read_consent(tokens.make_consent(elsa)), yes=True)
    elsa.refresh_from_db()
    assert elsa.consent_given_at is not None and elsa.consent_version == services.teams.CONSENT_VERSION
    services.answer_consent(member=nils, yes=False)  # no: Nils leaves the team, and his data with him
    assert not TeamMember.objects.filter(pk=nils.pk).exists()
    with pytest.raises(DomainError):
        tokens.read_consent(tokens.make_consent(nils))
    assert services.save_submission(team=team, title="App", description="Den hjälper.").pk


def test_a_submission_changes_until_the_deadline_and_is_locked_after(hackathon):
    team = make_team(hackathon)
    datasets = list(Dataset.objects.filter(state="public").order_by("pk")[:2])
    services.save_submission(team=team, title="Skolvägen", description="Version 1", datasets=datasets,
                             repository_url="https://git.example.se/skolvag")  # fmt: skip
    services.save_submission(team=team, title="Skolvägen 2", description="Version 2", datasets=datasets[:1])
    submission = Submission.objects.get(team=team)
    assert (submission.title, submission.description) == ("Skolvägen 2", "Version 2")
    assert list(submission.datasets.all()) == datasets[:1]
    late = hackathon.submission_closes + datetime.timedelta(seconds=1)
    with pytest.raises(DomainError, match="deadline has passed"):
        services.save_submission(team=team, title="Sent", description="Efter tiden", now=late)
    with pytest.raises(DomainError, match="deadline has passed"):
        services.add_file(team=team, file=SimpleUploadedFile("bilder.pdf", b"%PDF-1.7 x"), now=late)
    submission.refresh_from_db()
    assert submission.title == "Skolvägen 2" and submission.files.count() == 0


def test_bad_submissions_say_what_is_wrong_and_change_nothing(hackathon):
    team = make_team(hackathon)
    services.save_submission(team=team, title="Skolvägen", description="Bra")
    draft = Dataset.objects.exclude(state="public").first() or Dataset.objects.first()
    cases = [
        ({"title": ""}, "title"), ({"title": "x" * 151}, "title"), ({"description": ""}, "description"),
        ({"description": "x" * 6001}, "description"), ({"repository_url": "javascript:alert(1)"}, "repository_url"),
        ({"demo_url": "ftp://example.se"}, "demo_url"),
    ]  # fmt: skip
    if draft.state != "public":
        cases.append(({"datasets": [draft]}, "datasets"))
    for fields, field in cases:
        with pytest.raises(DomainError) as caught:
            services.save_submission(team=team, **({"title": "Ny", "description": "Ny"} | fields))
        assert field in caught.value.message_dict, fields
    assert Submission.objects.get(team=team).title == "Skolvägen"


def test_files_are_checked_by_their_content(hackathon, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    team = make_team(hackathon)
    with pytest.raises(DomainError, match="first"):
        services.add_file(team=team, file=SimpleUploadedFile("a.pdf", b"%PDF-1.7"))
    services.save_submission(team=team, title="Skolvägen", description="Bra")
    with pytest.raises(DomainError, match="does not match"):
        services.add_file(team=team, file=SimpleUploadedFile("virus.pdf", b"MZ\x90\x00program"))
    with pytest.raises(DomainError, match="cannot be attached"):
        services.add_file(team=team, file=SimpleUploadedFile("run.exe", b"MZ\x90\x00"))
    kept = services.add_file(team=team, file=SimpleUploadedFile("../../Bilder å ö.pdf", b"%PDF-1.7 slides"))
    assert kept.filename == "Bilder_å_ö.pdf" and kept.content_type == "application/pdf"
    assert "/" not in kept.file.name.removeprefix("innovation/submissions/")


def test_the_people_of_teams_are_erased_90_days_after_the_hackathon(hackathon):
    team = make_team(hackathon, members=[member("Elsa Lind", "student", under_18=True, guardian_name="Sara Lind",
                                                guardian_email="sara@example.se")])  # fmt: skip
    services.answer_consent(member=team.members.get(), yes=True)
    services.save_submission(team=team, title="Skolvägen", description="Bra")
    services.erase_teams(now=hackathon.ends_at + datetime.timedelta(days=89))
    team.refresh_from_db()
    assert team.erased_at is None and team.members.get().name == "Elsa Lind"
    services.erase_teams(now=hackathon.ends_at + datetime.timedelta(days=91))
    team.refresh_from_db()
    kept = team.members.get()
    assert (team.contact_email, team.contact_name, kept.name, kept.guardian_email) == ("", "", "", "")
    assert team.name == "Team Trygg" and team.submission.title == "Skolvägen"  # the results stay
    with pytest.raises(DomainError):
        tokens.read_team(tokens.make_team(team))


def test_how_long_a_teams_people_are_kept_is_the_operators_to_set(hackathon, settings):
    settings.INNOVATION_TEAM_RETENTION_DAYS = 10
    team = make_team(hackathon, members=[member("Elsa Lind", "student")])
    services.erase_teams(now=hackathon.ends_at + datetime.timedelta(days=9))
    team.refresh_from_db()
    assert team.erased_at is None
    services.erase_teams(now=hackathon.ends_at + datetime.timedelta(days=11))
    team.refresh_from_db()
    assert team.erased_at is not None and team.members.get().name == ""

"""The hackathons' public pages and the forms of a team without an account: registering, the team's own page behind
its link (hand in, change, add a file, locked after the deadline), and a guardian's consent."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tvatakt.innovation import services, tokens
from tvatakt.innovation.models import Question, Submission, Team
from tvatakt.opendata.models import Dataset

from .conftest import make_hackathon, make_team, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def hackathon():
    hackathon = make_hackathon()
    hackathon.challenges.first().datasets.set(Dataset.objects.public().filter(name__in=["grundskolor", "utegym"]))
    return hackathon


def registration(hackathon, **fields) -> dict:
    data = {
        "t-name": "Team Trygg 🚸", "t-challenge": str(hackathon.challenges.first().pk), "t-contact_name": "Åsa Öberg",
        "t-contact_email": "asa@example.se", "m-TOTAL_FORMS": "6", "m-INITIAL_FORMS": "0", "m-MIN_NUM_FORMS": "1",
        "m-MAX_NUM_FORMS": "6", "m-0-name": "Åsa Öberg", "m-0-kind": "startup", "m-0-affiliation": "Skolväg AB",
    }  # fmt: skip
    return data | fields


def test_the_hackathon_pages_show_challenges_datasets_and_the_rubric(client, hackathon):
    page = client.get(f"/en/hackathon/{hackathon.slug}/").content.decode()
    assert "Trygg skolväg" in page and "Register a team" in page
    assert "75 %" in page and "25 %" in page  # weights 3 and 1, as shares
    challenge = client.get(f"/en/hackathon/{hackathon.slug}/trygg-skolvag/").content.decode()
    grundskolor = Dataset.objects.get(name="grundskolor")
    assert grundskolor.get_absolute_url() in challenge
    assert "/api/3/action/package_show?id=grundskolor" in challenge or "utegym" in challenge
    assert client.get("/en/hackathon/").status_code == 200
    assert client.get(f"/en/hackathon/{hackathon.slug}/ingen-sadan/").status_code == 404


def test_a_team_registers_through_the_form_and_gets_its_link(client, hackathon, django_capture_on_commit_callbacks):
    question = Question.objects.create(hackathon=hackathon, text="Behöver ni el?", required=True)
    url = f"/en/hackathon/{hackathon.slug}/anmal-lag/"
    response = client.post(url, registration(hackathon))
    assert response.status_code == 422 and f'id="id_t-q{question.pk}_error"' in response.content.decode()
    assert not Team.objects.filter(hackathon=hackathon).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, registration(hackathon, **{f"t-q{question.pk}": "Ja, två uttag"}))
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    team = Team.objects.get(hackathon=hackathon)
    assert team.answers == {str(question.pk): "Ja, två uttag"} and team.language == "en"
    assert mail.outbox[0].to == ["asa@example.se"] and "/hackathon/lag/" in mail.outbox[0].body


def test_a_bad_registration_says_what_is_wrong_next_to_it(client, hackathon):
    make_team(hackathon, name="Team Trygg 🚸")
    url = f"/en/hackathon/{hackathon.slug}/anmal-lag/"
    taken = client.post(url, registration(hackathon)).content.decode()
    assert 'id="id_t-name_error"' in taken and "Another team already has this name" in taken
    young = client.post(url, registration(hackathon, **{"t-name": "Nya", "m-0-under_18": "on"})).content.decode()
    assert 'id="members_error"' in young and "guardian" in young
    robot = client.post(url, registration(hackathon, **{"t-name": "Robot", "t-website": "http://spam"}))
    assert robot.status_code == 200 and not Team.objects.filter(name="Robot").exists()
    assert Team.objects.filter(hackathon=hackathon).count() == 1


def test_the_team_hands_in_changes_and_adds_a_file_by_its_link(client, hackathon, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    team = make_team(hackathon, name="<script>alert(1)</script>")
    url = f"/en/hackathon/lag/{tokens.make_team(team)}/"
    page = client.get(url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    grundskolor = Dataset.objects.get(name="grundskolor")
    other = Dataset.objects.public().exclude(challenges=hackathon.challenges.first()).first()
    data = {"s-title": "Trygga stråket", "s-description": "En karta.", "s-datasets": [str(grundskolor.pk)],
            "s-other_datasets": f"{other.name}, finns-inte"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 422 and "finns-inte" in response.content.decode()
    assert not Submission.objects.filter(team=team).exists()
    response = client.post(url, data | {"s-other_datasets": other.name})
    assert response.status_code == 302
    submission = Submission.objects.get(team=team)
    assert set(submission.datasets.all()) == {grundskolor, other}
    client.post(url, {"f-file": SimpleUploadedFile("bilder.pdf", b"%PDF-1.7 slides")})
    assert submission.files.count() == 1
    bad = client.post(url, {"f-file": SimpleUploadedFile("bilder.pdf", b"MZ program")})
    assert bad.status_code == 422 and "does not match" in bad.content.decode() and submission.files.count() == 1
    page = client.get(url).content.decode()
    assert 'value="Trygga stråket"' in page and other.name in page


def test_after_the_deadline_the_page_shows_the_submission_locked_and_the_files_are_public(client, hackathon, settings,
                                                                                         tmp_path):  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    team = make_team(hackathon)
    services.save_submission(team=team, title="Trygga stråket", description="En karta.")
    file = services.add_file(team=team, file=SimpleUploadedFile("bilder.pdf", b"%PDF-1.7 slides"))
    download = f"/en/hackathon/filer/{file.pk}/{file.filename}"
    assert client.get(download).status_code == 404  # not before the deadline
    hackathon.submission_closes = timezone.now() - datetime.timedelta(minutes=1)
    hackathon.submission_opens = timezone.now() - datetime.timedelta(days=2)
    hackathon.save()
    url = f"/en/hackathon/lag/{tokens.make_team(team)}/"
    page = client.get(url).content.decode()
    assert "the submission is locked" in page and 'name="s-title"' not in page
    response = client.post(url, {"s-title": "Sent", "s-description": "Sent"})
    assert response.status_code == 422 and Submission.objects.get(team=team).title == "Trygga stråket"
    got = client.get(download)
    assert got.status_code == 200 and got["Content-Type"] == "application/pdf"
    assert got["Content-Disposition"].startswith("attachment") and got["X-Content-Type-Options"] == "nosniff"
    assert "Trygga stråket" in client.get(f"/en/hackathon/{hackathon.slug}/").content.decode()


def test_a_guardian_says_yes_by_the_link_and_a_broken_link_changes_nothing(client, hackathon):
    team = make_team(hackathon, members=[member("Elsa", "student", under_18=True, guardian_name="Sara",
                                                guardian_email="sara@example.se")])  # fmt: skip
    elsa = team.members.get()
    url = f"/en/hackathon/samtycke/{tokens.make_consent(elsa)}/"
    assert "Yes, I agree" in client.get(url).content.decode()
    elsa.refresh_from_db()
    assert elsa.consent_given_at is None  # opening the link says nothing
    client.post(url, {"answer": "yes"})
    elsa.refresh_from_db()
    assert elsa.consent_given_at is not None
    broken = client.get(re.sub(r"/samtycke/.{5}", "/samtycke/xxxxx", url))
    assert broken.status_code == 400 and "All hackathons" in broken.content.decode()
    assert client.get("/en/hackathon/lag/inte-en-lank/").status_code == 400

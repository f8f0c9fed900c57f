"""The hackathons' pages cost the same number of queries with one team and with many: the hackathon with its
challenges, submissions and results, a challenge with its datasets, a team's own page, the jury's page, and the
API."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.innovation.conftest import make_hackathon, make_team, member
from tvatakt.innovation import services, tokens
from tvatakt.innovation.models import Juror
from tvatakt.opendata.models import Dataset
from tvatakt.organisation.models import Person

pytestmark = pytest.mark.django_db
CEILING = 15


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(hackathon, start: int, n: int) -> None:
    """`n` more teams of three, each handing in with two datasets and a file, scored by two jurors."""
    datasets = list(Dataset.objects.public().order_by("pk")[:6])
    for number in range(start, start + n):
        team = make_team(hackathon, name=f"Lag {number}", members=[member(f"M{number}-{i}") for i in range(3)])
        services.save_submission(team=team, title=f"Bidrag {number}", description="En app.",
                                 datasets=datasets[number % 3: number % 3 + 2])  # fmt: skip


def close(hackathon) -> None:
    now = timezone.now()
    hackathon.submission_opens, hackathon.submission_closes = now - datetime.timedelta(days=2), now
    hackathon.save()


@pytest.fixture
def hackathon():
    hackathon = make_hackathon()
    hackathon.challenges.first().datasets.set(Dataset.objects.public().order_by("pk")[:8])
    for username in ("jurymedlem", "radsledamot"):
        Juror.objects.create(hackathon=hackathon, person=Person.objects.get(username=username))
    return hackathon


@pytest.mark.parametrize("page", ["hackathon", "challenge", "api", "list"])
def test_the_public_pages_and_the_api_stay_flat(client, hackathon, page):
    url = {
        "hackathon": f"/en/hackathon/{hackathon.slug}/", "challenge": f"/en/hackathon/{hackathon.slug}/trygg-skolvag/",
        "api": f"/api/v1/hackathons/{hackathon.slug}", "list": "/en/hackathon/",
    }[page]  # fmt: skip
    grow(hackathon, 0, 2)
    close(hackathon)
    small = count(client, url)
    hackathon.submission_closes = timezone.now() + datetime.timedelta(days=1)
    hackathon.save()
    grow(hackathon, 2, 12)
    close(hackathon)
    large = count(client, url)
    assert small == large <= CEILING, (small, large)


def test_a_teams_own_page_stays_flat(client, hackathon):
    grow(hackathon, 0, 1)
    team = hackathon.teams.get(name="Lag 0")
    url = f"/en/hackathon/lag/{tokens.make_team(team)}/"
    small = count(client, url)
    grow(hackathon, 1, 10)
    services.save_submission(team=team, title="Bidrag 0", description="En app.",
                             datasets=list(Dataset.objects.public().order_by("pk")[:10]))  # fmt: skip
    assert count(client, url) == small <= CEILING

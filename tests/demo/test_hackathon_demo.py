"""The demo's hackathons: two finished, with results and the jury's words; one winner became a sprint initiative,
which shows on both sides; a third is open for teams to register."""

import pytest
from django.utils import timezone, translation

from tvatakt.innovation.models import Conflict, Hackathon, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def test_two_finished_hackathons_with_results_and_one_open():
    finished = Hackathon.objects.filter(slug__in=["hacka-skolvagen", "digital-vardag-alla-aldrar"])
    assert finished.count() == 2 and not finished.filter(results_published_at=None).exists()
    for hackathon in finished:
        placed = Submission.objects.filter(team__hackathon=hackathon, rank__lte=3).order_by("rank")
        assert [s.rank for s in placed] == [1, 2, 3] and all(s.motivation for s in placed)
    assert Conflict.objects.filter(team__hackathon__slug="hacka-skolvagen").exists()
    coming = Hackathon.objects.get(slug="hacka-klimatet")
    assert coming.registration_open() and coming.teams.count() == 2 and coming.starts_at > timezone.now()


def test_the_winner_is_a_sprint_initiative_shown_on_both_sides(client):
    winner = Submission.objects.select_related("initiative").get(team__hackathon__slug="hacka-skolvagen", rank=1)
    initiative = winner.initiative
    assert initiative is not None and initiative.is_sprint and initiative.datasets_used.exists()
    hackathon_page = client.get("/hackathon/hacka-skolvagen/").content.decode()
    assert initiative.get_absolute_url() in hackathon_page
    initiative_page = client.get(initiative.get_absolute_url()).content.decode()
    assert "/hackathon/hacka-skolvagen/" in initiative_page and winner.team.name in initiative_page
    other = Submission.objects.get(team__hackathon__slug="digital-vardag-alla-aldrar", rank=1)
    assert other.initiative is None
    assert "staden har inte bestämt" in client.get("/hackathon/digital-vardag-alla-aldrar/").content.decode()

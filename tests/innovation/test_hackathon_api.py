"""The hackathons in the API: read-only, with the challenges' datasets, the rubric's shares, and the results (the
demo's "Hacka skolvägen", whose winner became a sprint initiative)."""

import pytest

from tvatakt.innovation.models import Hackathon

from .conftest import make_hackathon

pytestmark = pytest.mark.django_db


def test_the_list_and_a_finished_hackathon_with_its_results(client):
    listed = client.get("/api/v1/hackathons?limit=100").json()
    assert {"hacka-skolvagen", "digital-vardag-alla-aldrar"} <= {row["slug"] for row in listed["items"]}
    body = client.get("/api/v1/hackathons/hacka-skolvagen").json()
    assert body["results_published_at"] and body["teams"] == 4
    assert [c["share"] for c in body["criteria"]] == [40, 30, 30]
    trygg = next(c for c in body["challenges"] if c["slug"] == "trygg-skolvag")
    assert "grundskolor" in trygg["datasets"]
    places = [row["place"] for row in body["submissions"]]
    assert places == sorted(places) and places[0] == 1
    winner = body["submissions"][0]
    assert winner["motivation"] and winner["initiative"] and winner["score"] is not None
    assert client.get(f"/api/v1/initiatives/{winner['initiative']}").status_code == 200


def test_nothing_handed_in_shows_before_the_deadline(client):
    hackathon = make_hackathon()
    body = client.get(f"/api/v1/hackathons/{hackathon.slug}").json()
    assert body["submissions"] == [] and body["results_published_at"] is None
    assert client.get("/api/v1/hackathons/finns-inte").status_code == 404
    assert client.post("/api/v1/hackathons", {}).status_code == 405
    assert Hackathon.objects.filter(slug=hackathon.slug).exists()

import pytest
from django.test import Client

from tvatakt.api.services import api_token_create

from .test_services import decide

pytestmark = pytest.mark.django_db


def test_decisions_and_adoption_are_public_and_filterable(item, person, meeting):
    decision = decide(item(), person)
    data = Client().get("/api/v1/decisions?limit=200").json()
    assert decision.reference in {row["reference"] for row in data["items"]}
    one = Client().get(f"/api/v1/decisions/{decision.reference}").json()
    assert one["organisations"] == decision.adoptions.count() and one["done"] == 0
    rows = Client().get(f"/api/v1/adoptions?decision={decision.reference}&organisation=stadsarkivet").json()["items"]
    assert [row["state"] for row in rows] == ["pending"]
    assert Client().get("/api/v1/meetings").json()["count"] >= 1
    assert Client().get("/api/v1/decisions?status=weird").status_code == 422


def test_an_ambassador_reports_with_a_key_for_their_organisation_only(item, person):
    decision = decide(item(), person)
    _token, key = api_token_create(actor=person("ambassador"), name="k")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    own = decision.adoptions.get(organisation__name="Utbildningsförvaltningen")
    other = decision.adoptions.get(organisation__name="Stadsarkivet")
    body = {"state": "informed", "seen_state": "pending"}
    response = client.post(f"/api/v1/adoptions/{own.pk}/reports", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["state"] == "informed"
    assert client.post(f"/api/v1/adoptions/{own.pk}/reports", body, content_type="application/json").status_code == 422
    assert (
        client.post(f"/api/v1/adoptions/{other.pk}/reports", body, content_type="application/json").status_code == 403
    )
    assert (
        Client().post(f"/api/v1/adoptions/{own.pk}/reports", body, content_type="application/json").status_code == 401
    )

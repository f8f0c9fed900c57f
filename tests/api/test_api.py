import pytest

from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Organisation, RoleAssignment

pytestmark = pytest.mark.django_db


def test_api_root_lists_the_resources(db, client):
    body = client.get("/api/v1/").json()
    assert set(body["resources"]) == {
        "units",
        "organisations",
        "clusters",
        "roles",
        "initiatives",
        "meetings",
        "decisions",
        "adoptions",
    }


def test_organisations_are_paginated(db, client):
    first = client.get("/api/v1/organisations", {"limit": 10}).json()
    second = client.get("/api/v1/organisations", {"limit": 10, "offset": 10}).json()
    assert first["count"] == Organisation.objects.filter(is_active=True).count() == 45
    assert len(first["items"]) == len(second["items"]) == 10
    assert not {o["slug"] for o in first["items"]} & {o["slug"] for o in second["items"]}


def test_organisations_filter_by_kind_and_cluster(db, client):
    body = client.get("/api/v1/organisations", {"kind": "company", "cluster": "teknik-och-infrastruktur"}).json()
    assert {o["name"] for o in body["items"]} == {
        "AB Stokab",
        "Stockholm Vatten och Avfall AB",
        "Stockholms Hamn AB",
        "Stockholm Parkering AB",
    }
    districts = client.get("/api/v1/organisations", {"kind": "district_administration", "limit": 100}).json()
    assert districts["count"] == 11


def test_an_unknown_kind_is_a_422_with_a_reason(db, client):
    response = client.get("/api/v1/organisations", {"kind": "planet"})
    assert response.status_code == 422
    assert "kind" in str(response.json())


def test_an_organisation_shows_its_ambassador_and_clusters(db, client):
    body = client.get("/api/v1/organisations/utbildningsforvaltningen").json()
    assert body["ambassador"]["name"] == "Jonas Ekholm"
    assert "skola-och-forskola" in body["clusters"]
    assert client.get("/api/v1/organisations/finns-inte").status_code == 404


def test_units_and_clusters_are_listed(db, client):
    units = client.get("/api/v1/units").json()
    assert units["count"] == 5
    assert units["items"][2]["heads"][0]["name"] == "Omar Haddad"
    cluster = client.get("/api/v1/clusters/teknik-och-infrastruktur").json()
    assert "ab-stokab" in cluster["members"] and cluster["conveners"][0]["name"] == "Sara Öberg"


def test_roles_filter_by_role_and_never_show_citizens(db, client):
    ambassadors = client.get("/api/v1/roles", {"role": "ambassador", "limit": 200}).json()
    assert ambassadors["count"] == RoleAssignment.objects.filter(role=Role.AMBASSADOR).count()
    everything = client.get("/api/v1/roles", {"limit": 200, "offset": 0}).json()
    assert all(item["role"] != "citizen" for item in everything["items"])
    assert client.get("/api/v1/roles", {"role": "citizen"}).json()["count"] == 0


def test_roles_filter_by_cluster(db, client):
    body = client.get("/api/v1/roles", {"cluster": "teknik-och-infrastruktur"}).json()
    assert {item["role"] for item in body["items"]} == {"cluster_convener"}


def test_the_api_never_shows_email_addresses(db, client):
    assert "@" not in client.get("/api/v1/roles", {"limit": 200}).content.decode()


def test_openapi_document_and_readable_docs(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/organisations" in schema["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "/api/v1/organisations" in docs and "<main" in docs

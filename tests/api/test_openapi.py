"""The OpenAPI document tells the truth: one schema per name, the refusals every operation can give, and faults
answered in JSON. The fuzzing run (tests/e2e/test_api_fuzz.py) found each of these; these tests keep them found
without a live server."""

import enum
import json
import typing

import pydantic
import pytest
from django.test import Client

from tvatakt.api.api import api


def _named_types(annotation, found: dict[str, set[str]], seen: set) -> None:
    if annotation in seen:
        return
    seen.add(annotation)
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel | enum.Enum):
        found.setdefault(annotation.__name__, set()).add(f"{annotation.__module__}.{annotation.__qualname__}")
        if issubclass(annotation, pydantic.BaseModel):
            for field in annotation.model_fields.values():
                _named_types(field.annotation, found, seen)
    for argument in typing.get_args(annotation):
        _named_types(argument, found, seen)


def test_no_two_types_share_a_schema_name():
    """The document keeps one schema a name: a second class of the same name silently took the first one's place
    (registrations' statuses described initiatives' statuses), so clients read valid answers as invalid."""
    found: dict[str, set[str]] = {}
    seen: set = set()
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in [*operation.response_models.values(), *operation.models]:
                    _named_types(model, found, seen)
    assert {name: places for name, places in found.items() if len(places) > 1} == {}


def test_every_operation_documents_the_refusals_it_can_give():
    paths = json.loads(json.dumps(api.get_openapi_schema()))["paths"]  # as served: status codes as text
    reports = paths["/api/v1/adoptions/{adoption_id}/reports"]["post"]["responses"]
    assert {"400", "401", "403", "404", "422", "429"} <= set(reports)
    assert reports["401"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert set(paths["/api/v1/units"]["get"]["responses"]) == {"200", "422"}  # no key, no body, no path value
    assert "401" not in paths["/api/v1/units/{slug}"]["get"]["responses"]


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/units?offset=247353387563428222225874944",  # past any database integer: SQLite's OverflowError
        "/api/v1/decisions?offset=99999999999999999999999",  # the council's own pagination
        "/api/v1/events?offset=99999999999999999999999",  # the events' list named ninja's unbounded one
        "/api/v1/decisions?year=-1",  # date(-1, 1, 1): ValueError
        "/api/v1/decisions?year=99999",
    ],
)
def test_values_out_of_range_are_refused_not_a_fault(client, db, address):
    response = client.get(address)
    assert response.status_code == 422, response.content


def test_a_fault_in_the_api_is_json_with_the_code_that_finds_it_in_the_log(db, monkeypatch):
    from tvatakt.organisation import api as organisation_api

    def broken():
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(organisation_api.selectors, "unit_list", broken)
    response = Client(raise_request_exception=False).get("/api/v1/units")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["X-Request-ID"] in response.json()["detail"]


@pytest.mark.parametrize("body", ['"a new title"', "[null, null]", "3", "null"])
def test_a_body_that_is_not_an_object_is_refused_and_changes_nothing(client, db, body):
    """Ninja reads input schemas from attributes too: the body "x" once renamed an initiative to "X" (str.title)."""
    from tvatakt.api.services import api_token_create
    from tvatakt.organisation.models import Person
    from tvatakt.portfolio.models import Initiative

    key = api_token_create(actor=Person.objects.get(username="it-direktor"), name="test")[1]
    initiative = Initiative.objects.get(slug="ar-guide-i-kulturhuset")
    response = client.patch(
        f"/api/v1/initiatives/{initiative.slug}",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 400
    assert Initiative.objects.get(pk=initiative.pk).title == initiative.title


def test_a_deeply_nested_body_is_refused_not_a_fault(client, db):
    deep = "[" * 100_000 + "]" * 100_000  # json.loads raises RecursionError here, not ValueError
    response = client.post(
        "/api/v1/events/demo-kodkalas-i-stadshuset/registrations", deep, content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.parametrize("quarter", ["0", "1700000000", "2026-4-1"])
def test_a_date_is_written_as_a_date(client, db, quarter):
    """A number was read as seconds since 1970: ?quarter=0 meant 1 January 1970 without a word."""
    response = client.get("/api/v1/recognition/balances", {"quarter": quarter})
    assert response.status_code == 422
    assert "ÅÅÅÅ-MM-DD" in str(response.json()["detail"])  # in the reader's language
    assert client.get("/api/v1/recognition/balances", {"quarter": "2026-04-01"}).status_code == 200


def test_a_null_clears_what_can_be_empty_and_is_refused_where_it_cannot(client, db):
    """A null hypothesis reached the model's rules as None and was a 500 (found by fuzzing)."""
    from tvatakt.api.services import api_token_create
    from tvatakt.organisation.models import Person
    from tvatakt.portfolio.models import Initiative

    key = api_token_create(actor=Person.objects.get(username="it-direktor"), name="test")[1]
    address = "/api/v1/initiatives/ar-guide-i-kulturhuset"
    patch = {"content_type": "application/json", "HTTP_AUTHORIZATION": f"Bearer {key}"}
    cleared = client.patch(address, {"description_en": None}, **patch)
    assert cleared.status_code == 200, cleared.content
    assert Initiative.objects.get(slug="ar-guide-i-kulturhuset").description_en == ""
    ruled = client.patch(address, {"hypothesis": None}, **patch)  # a sprint needs one: the rule says so
    assert ruled.status_code == 422 and "hypothesis" in ruled.json()["detail"]
    refused = client.patch(address, {"organisation": None, "is_confidential": None}, **patch)
    assert refused.status_code == 422
    assert set(refused.json()["detail"]) & {"organisation", "is_confidential"}


def test_a_nul_character_in_a_search_is_refused_not_a_fault(client, db):
    """The fuzzing run found a 500 for ?q= with a NUL in it (databases refuse the character)."""
    assert client.get("/api/v1/initiatives", {"q": "a\x00b"}).status_code == 422
    assert client.get("/portfolj/", {"q": "a\x00b"}).status_code == 400

"""The CKAN Action API over HTTP: CKAN 2.10/2.11's envelope, errors, parameters and dictionaries, so that
clients written for CKAN read the catalogue unchanged."""

import datetime
import json
import uuid

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tvatakt.opendata import selectors, services, vocab
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.ckan import search
from tvatakt.opendata.ckan.dicts import organisation_id, theme_id
from tvatakt.opendata.models import Dataset
from tvatakt.organisation.models import Organisation, Person

pytestmark = pytest.mark.django_db

JSON = "application/json;charset=utf-8"
PACKAGE_KEYS = [
    "author", "author_email", "creator_user_id", "id", "isopen", "license_id", "license_title", "license_url",
    "maintainer", "maintainer_email", "metadata_created", "metadata_modified", "name", "notes", "num_resources",
    "num_tags", "organization", "owner_org", "private", "state", "title", "type", "url", "version", "extras",
    "groups", "resources", "tags", "relationships_as_subject", "relationships_as_object",
]  # fmt: skip
RESOURCE_KEYS = {
    "cache_last_updated", "cache_url", "created", "datastore_active", "description", "format", "hash", "id",
    "last_modified", "metadata_modified", "mimetype", "mimetype_inner", "name", "package_id", "position",
    "resource_type", "size", "state", "url", "url_type",
}  # fmt: skip
ORGANIZATION_KEYS = {
    "id", "name", "title", "type", "description", "image_url", "created", "is_organization", "approval_status",
    "state",
}  # fmt: skip
GROUP_SHOW_KEYS = {
    "approval_status", "created", "description", "display_name", "id", "image_display_url", "image_url",
    "is_organization", "name", "num_followers", "package_count", "state", "title", "type",
}  # fmt: skip
ALL_FACETS = '["organization", "groups", "tags", "res_format", "license_id"]'
TEXTS = {
    "contact_name": "Miljöförvaltningen, miljöanalys",
    "contact_email": "miljoanalys@example.org",
    "description": "Halter av kvävedioxid och partiklar, mätta varje timme.",
}


def call(action: str, /, client: Client | None = None, path: str = "/api/3/action/", **data):
    """GET an action with a query string; the response and its JSON."""
    response = (client or Client()).get(path + action, data)
    return response, json.loads(response.content)


def post(name: str, data, client: Client | None = None, path: str = "/api/action/"):
    """POST a JSON body, as ckanapi does."""
    response = (client or Client()).post(path + name, json.dumps(data), content_type="application/json")
    return response, json.loads(response.content)


def result(action: str, /, **data):
    response, body = call(action, **data)
    assert response.status_code == 200, body
    return body["result"]


@pytest.fixture
def admin(db):
    return Person.objects.create(username="ckan-test-admin", is_superuser=True)


@pytest.fixture
def publish(admin):
    """Publish a dataset of `organisation` with links (format, address) and uploaded files (format, name, bytes)."""

    def make(name, organisation, *, links=(("CSV", "https://example.org/data.csv"),), files=(), draft=False, **fields):
        dataset = services.dataset_create(
            actor=admin, publisher=Organisation.objects.get(name=organisation), name=name, **(TEXTS | fields)
        )
        for code, url in links:
            services.distribution_add(actor=admin, dataset=dataset, title=f"{code}-fil", access_url=url, format=code)
        for code, filename, content in files:
            upload = SimpleUploadedFile(filename, content)
            services.distribution_add(actor=admin, dataset=dataset, title=filename, file=upload, format=code)
        return dataset if draft else services.dataset_publish(actor=admin, dataset=dataset)

    return make


@pytest.fixture
def catalogue(publish, settings, tmp_path):
    """Three public datasets and a draft. The demo catalogue's datasets are made drafts for the test (and back
    after it), so that only these are visible."""
    settings.MEDIA_ROOT = tmp_path
    Dataset.objects.update(state=DatasetState.DRAFT)
    return {
        "luft": publish(
            "luftkvalitet", "Miljöförvaltningen", title="Luftkvalitet i Stockholm", keywords="luft, kvävedioxid",
            themes=["ENVI"], licence=vocab.CC0, frequency="HOURLY",
            files=[("JSON", "matningar.json", b'{"no2": 12}')],
        ),
        "skolor": publish(
            "forskolor", "Utbildningsförvaltningen", title="Förskolor i Stockholm", keywords="förskola, skola",
            description="Adresser och antal platser i stadens förskolor.", themes=["EDUC", "SOCI"],
            licence=vocab.CC_BY, landing_page="https://example.org/forskolor", conforms_to="https://example.org/std",
            spatial="https://sws.geonames.org/2673730/", temporal_start=datetime.date(2020, 1, 1),
            temporal_end=datetime.date(2024, 12, 31), issued=datetime.date(2021, 3, 1),
            links=[("CSV", "https://example.org/f.csv"), ("GEOJSON", "https://example.org/f.geojson")],
        ),
        "trafik": publish(
            "trafikfloden", "Trafikkontoret", title="Trafikflöden på infarterna", keywords="trafik, fordon",
            description="Antal fordon per timme.", themes=["TRAN", "REGI"], licence=vocab.CC0,
            links=[("XLSX", "https://example.org/t.xlsx"), ("CSV", "https://example.org/t.csv")],
        ),
        "utkast": publish("utkast", "Stadsarkivet", title="Luft i utkast", keywords="luft, hemligt", draft=True),
    }  # fmt: skip


def names(body) -> list[str]:
    return [package["name"] for package in body["result"]["results"]]


def search_names(**data) -> list[str]:
    response, body = call("package_search", **data)
    assert response.status_code == 200, body
    return names(body)


# The envelope and the requests CKAN takes


def test_an_answer_is_the_envelope_with_an_absolute_v3_help_link_on_both_paths(catalogue):
    for path in ("/api/3/action/", "/api/action/"):
        response, body = call("package_list", path=path)
        assert response.status_code == 200
        assert response["Content-Type"] == JSON
        assert list(body) == ["help", "success", "result"]
        assert body["help"] == f"{settings.SITE_URL}/api/3/action/help_show?name=package_list"
        assert body["success"] is True


def test_an_unknown_action_is_a_bare_json_string_with_400():
    response, body = call("package_create")
    assert response.status_code == 400
    assert response["Content-Type"] == JSON
    assert body == "Bad request - Action name not known: package_create"


def test_the_paths_never_redirect_and_other_methods_are_refused(catalogue):
    assert Client().get("/api/3/action/package_list/").status_code == 404  # no slash appended
    assert Client().put("/api/3/action/package_list").status_code == 405
    assert Client().delete("/api/action/package_show").status_code == 405


def test_the_api_roots_give_their_version_as_ckan_does():
    assert json.loads(Client().get("/api/3").content) == {"version": 3}
    assert json.loads(Client().get("/api").content) == {"version": 1}  # CKAN's root is the old REST API's


def test_a_json_post_needs_no_csrf_token(catalogue):
    client = Client(enforce_csrf_checks=True)
    response, body = post("package_show", {"id": "forskolor", "include_datasets": False}, client=client)
    assert response.status_code == 200
    assert body["result"]["name"] == "forskolor"


def test_form_data_and_a_json_body_posted_as_a_form_are_read(catalogue):
    response = Client().post("/api/action/package_show", {"id": "forskolor"})
    assert json.loads(response.content)["result"]["name"] == "forskolor"
    legacy = Client().post(
        "/api/action/package_show", json.dumps({"id": "trafikfloden"}) + "=1",
        content_type="application/x-www-form-urlencoded",
    )  # fmt: skip
    assert json.loads(legacy.content)["result"]["name"] == "trafikfloden"


def test_the_query_string_wins_over_a_posted_body_as_in_ckan(catalogue):
    response = Client().post(
        "/api/3/action/package_show?id=forskolor", json.dumps({"id": "trafikfloden"}), content_type="application/json"
    )
    assert json.loads(response.content)["result"]["name"] == "forskolor"


def test_a_get_with_a_json_body_and_no_query_string_reads_the_body(catalogue):
    response = Client().generic("GET", "/api/3/action/package_show", json.dumps({"id": "forskolor"}))
    assert json.loads(response.content)["result"]["name"] == "forskolor"


@pytest.mark.parametrize(
    ("body", "start"),
    [
        ("{not json", "Bad request - JSON Error: Error decoding JSON data."),
        ("[1, 2]", "Bad request - JSON Error: Request data JSON decoded to [1, 2] but it needs to be a dictionary."),
    ],
)
def test_a_body_that_is_not_a_json_object_is_a_bare_400(body, start):
    response = Client().post("/api/action/package_search", body, content_type="application/json")
    assert response.status_code == 400
    assert json.loads(response.content).startswith(start)


def test_a_get_with_a_callback_is_jsonp_with_the_callback_escaped(catalogue):
    response = Client().get("/api/3/action/package_list", {"callback": "cb<x>"})
    assert response["Content-Type"] == "application/javascript;charset=utf-8"
    text = response.content.decode()
    assert text.startswith("cb&lt;x&gt;(") and text.endswith(");")
    assert json.loads(text[len("cb&lt;x&gt;(") : -2])["result"] == ["forskolor", "luftkvalitet", "trafikfloden"]


# package_list, package_show, resource_show


def test_package_list_is_every_public_name_in_order_and_ignores_ckanapis_flags(catalogue):
    assert result("package_list") == ["forskolor", "luftkvalitet", "trafikfloden"]
    assert result("package_list", limit=2, offset=1) == ["luftkvalitet", "trafikfloden"]
    assert result("package_list", limit=0) == ["forskolor", "luftkvalitet", "trafikfloden"]  # 0: no limit
    _response, body = post("package_list", {"include_private": False, "include_drafts": False})
    assert body["result"] == ["forskolor", "luftkvalitet", "trafikfloden"]


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"limit": "abc"}, {"limit": ["Invalid integer"]}),
        ({"limit": "-1"}, {"limit": ["Must be a natural number"]}),
        ({"limit": "x", "offset": "-2"}, {"limit": ["Invalid integer"], "offset": ["Must be a natural number"]}),
    ],
)
def test_package_list_refuses_bad_paging_as_ckan_does(catalogue, data, errors):
    response, body = call("package_list", **data)
    assert response.status_code == 409
    assert body["success"] is False
    assert body["error"] == errors | {"__type": "Validation Error"}


def test_package_show_gives_exactly_ckans_keys_and_the_catalogues_values(catalogue):
    skolor = catalogue["skolor"]
    package = result("package_show", id="forskolor")
    assert list(package) == PACKAGE_KEYS
    assert package["id"] == str(skolor.identifier)
    assert result("package_show", id=str(skolor.identifier)) == package  # by id as well as by name
    assert package["title"] == "Förskolor i Stockholm"
    assert package["notes"] == "Adresser och antal platser i stadens förskolor."
    assert package["maintainer"] == package["author"] == "Miljöförvaltningen, miljöanalys"
    assert package["maintainer_email"] == "miljoanalys@example.org"
    assert package["license_id"] == "cc-by"
    assert package["license_title"] == "Creative Commons Attribution 4.0"
    assert package["isopen"] is True
    assert package["url"] == "https://example.org/forskolor"
    assert (package["private"], package["state"], package["type"]) == (False, "active", "dataset")
    utbildning = Organisation.objects.get(name="Utbildningsförvaltningen")
    assert package["owner_org"] == package["organization"]["id"] == organisation_id(utbildning.pk)
    assert set(package["organization"]) == ORGANIZATION_KEYS
    assert (package["organization"]["name"], package["organization"]["title"]) == (utbildning.slug, utbildning.name)
    assert [group["name"] for group in package["groups"]] == ["utbildning-kultur-och-sport", "befolkning-och-samhalle"]
    assert package["groups"][0]["id"] == theme_id("EDUC")
    assert [tag["name"] for tag in package["tags"]] == ["förskola", "skola"]
    assert set(package["tags"][0]) == {"display_name", "id", "name", "state", "vocabulary_id"}
    assert (package["num_tags"], package["num_resources"]) == (2, 2)
    extras = {extra["key"]: extra["value"] for extra in package["extras"]}
    assert [extra["key"] for extra in package["extras"]] == sorted(extras)
    assert extras["identifier"] == str(skolor.identifier)
    assert extras["temporal_start"] == "2020-01-01" and extras["temporal_end"] == "2024-12-31"
    assert extras["spatial_uri"] == "https://sws.geonames.org/2673730/"
    assert extras["conforms_to"] == "https://example.org/std"
    assert extras["access_rights"] == "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
    assert extras["issued"] == "2021-03-01"
    assert "frequency" not in extras  # only what is set


def test_dates_are_naive_utc_in_iso_format_as_ckan_writes_them(catalogue):
    package = result("package_show", id="forskolor")
    skolor = Dataset.objects.get(name="forskolor")
    expected = skolor.updated_at.astimezone(datetime.UTC).replace(tzinfo=None)
    assert datetime.datetime.fromisoformat(package["metadata_modified"]) == expected
    assert not package["metadata_created"].endswith(("Z", "+00:00"))


def test_resources_have_ckans_keys_and_a_url_to_fetch(catalogue):
    luft = catalogue["luft"]
    link, upload = result("package_show", id="luftkvalitet")["resources"]
    for resource in (link, upload):
        assert RESOURCE_KEYS <= set(resource)
        assert resource["package_id"] == str(luft.identifier)
        assert resource["datastore_active"] is False
        assert resource["state"] == "active"
    assert (link["position"], link["format"], link["url"], link["url_type"]) == (
        0, "CSV", "https://example.org/data.csv", None,
    )  # fmt: skip
    assert (upload["position"], upload["format"], upload["url_type"], upload["size"]) == (1, "JSON", "upload", 11)
    assert upload["url"].startswith(settings.SITE_URL + "/") and upload["url"].endswith("/matningar.json")
    assert upload["mimetype"] == "application/json"
    assert result("resource_show", id=upload["id"]) == upload


def test_a_draft_is_refused_as_ckan_refuses_a_private_dataset_and_is_found_nowhere_else(catalogue):
    utkast = catalogue["utkast"]
    response, body = call("package_show", id="utkast")
    assert response.status_code == 403
    assert body["error"] == {
        "__type": "Authorization Error",
        "message": f"Access denied: User  not authorized to read package {utkast.identifier}",
    }
    resource = utkast.distributions.get()
    response, body = call("resource_show", id=str(resource.identifier))
    assert response.status_code == 403
    assert body["error"]["message"] == f"Access denied: User  not authorized to read resource {resource.identifier}"
    assert "utkast" not in result("package_list")
    assert search_names(q="utkast") == []
    assert "hemligt" not in result("tag_list")


@pytest.mark.parametrize(
    ("action", "data", "status", "error"),
    [
        ("package_show", {}, 409, {"name_or_id": ["Missing value"], "__type": "Validation Error"}),
        ("package_show", {"id": "finns-inte"}, 404, {"__type": "Not Found Error", "message": "Not found"}),
        ("resource_show", {}, 409, {"id": ["Missing value"], "__type": "Validation Error"}),
        ("resource_show", {"id": str(uuid.uuid4())}, 404, {"__type": "Not Found Error", "message": "Not found"}),
        ("resource_show", {"id": "nej"}, 404, {"__type": "Not Found Error", "message": "Not found"}),
        ("organization_show", {}, 409, {"id": ["Missing value"], "__type": "Validation Error"}),
        ("group_show", {"id": "finns-inte"}, 404, {"__type": "Not Found Error", "message": "Not found"}),
        ("help_show", {"name": "x"}, 404, {"__type": "Not Found Error",
                                           "message": "Not found: Action function not found"}),
    ],
)  # fmt: skip
def test_missing_and_unknown_ids_give_ckans_errors(catalogue, action, data, status, error):
    response, body = call(action, **data)
    assert response.status_code == status
    assert (body["success"], body["error"]) == (False, error)


# package_search


def test_package_search_answers_as_ckan_with_the_same_dicts_as_package_show(catalogue):
    found = result("package_search")
    assert list(found) == ["count", "facets", "results", "sort", "search_facets"]
    assert found["count"] == 3
    assert found["sort"] == "score desc, metadata_modified desc"
    assert (found["facets"], found["search_facets"]) == ({}, {})  # no facet.field, no facets
    by_name = {package["name"]: package for package in found["results"]}
    assert by_name["forskolor"] == result("package_show", id="forskolor")


def test_the_default_order_is_the_last_modified_first(catalogue, admin):
    services.dataset_update(actor=admin, dataset=catalogue["luft"], title="Luftkvalitet, uppdaterad")
    assert search_names()[0] == "luftkvalitet"


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("förskolor", ["forskolor"]),
        ("fordon", ["trafikfloden"]),
        ("tags:trafik", ["trafikfloden"]),
        ("tags:luft", ["luftkvalitet"]),  # the draft's keyword too, but not the draft
        ("res_format:GEOJSON", ["forskolor"]),
        ("res_format:geojson", []),  # exact, as Solr's string field
        ("groups:miljo", ["luftkvalitet"]),
        ("license_id:cc-by", ["forskolor"]),
        ("name:trafikfloden", ["trafikfloden"]),
        ("organization:trafikkontoret", ["trafikfloden"]),
        ("tags:förskola förskolor", ["forskolor"]),  # a field and words, both required
        ('tags:"förskola"', ["forskolor"]),
        ("okänt_fält:x", []),  # a field CKAN's index does not have matches nothing
        ("*:*", ["forskolor", "luftkvalitet", "trafikfloden"]),
        ("", ["forskolor", "luftkvalitet", "trafikfloden"]),
    ],
)
def test_q_takes_words_and_simple_fielded_terms(catalogue, q, expected):
    assert sorted(search_names(q=q)) == expected


@pytest.mark.parametrize(
    ("fq", "expected"),
    [
        ("res_format:CSV", ["forskolor", "luftkvalitet", "trafikfloden"]),
        ("res_format:CSV +license_id:cc-zero", ["luftkvalitet", "trafikfloden"]),
        ('+groups:"regioner-och-stader" +tags:fordon', ["trafikfloden"]),
        ("organization:trafikkontoret organization:miljoforvaltningen", []),  # both required
        ("(organization:trafikkontoret OR tags:skola)", ["forskolor", "trafikfloden"]),
        ("tags:(trafik OR luft)", ["luftkvalitet", "trafikfloden"]),
        ("-license_id:cc-zero", ["forskolor"]),
        ("res_format:CSV AND NOT tags:luft", ["forskolor", "trafikfloden"]),
        ("tags:förs*", ["forskolor"]),
        ("groups:*", ["forskolor", "luftkvalitet", "trafikfloden"]),
        ("capacity:public +state:active", ["forskolor", "luftkvalitet", "trafikfloden"]),
        ("capacity:private", []),
        ("metadata_modified:[2000-01-01T00:00:00Z TO *]", ["forskolor", "luftkvalitet", "trafikfloden"]),
        ("metadata_modified:[* TO NOW-1YEAR]", []),
        ("metadata_created:[NOW/DAY-1DAY TO NOW+1DAY]", ["forskolor", "luftkvalitet", "trafikfloden"]),
    ],
)
def test_fq_filters_with_solrs_simple_syntax(catalogue, fq, expected):
    assert sorted(search_names(fq=fq)) == expected


def test_a_harvesters_incremental_query_finds_what_changed_since(catalogue, admin):
    # ckanext-harvest's CKAN harvester: fq=(metadata_modified:[<last run>Z TO *]), sort=id asc, pages of 100.
    since = (timezone.now() + datetime.timedelta(seconds=1)).astimezone(datetime.UTC).replace(tzinfo=None)
    Dataset.objects.filter(name="trafikfloden").update(updated_at=timezone.now() + datetime.timedelta(minutes=5))
    fq = f"(metadata_modified:[{since.isoformat()}Z TO *])"
    assert search_names(fq=fq, sort="id asc", rows="100", start="0") == ["trafikfloden"]


def test_fq_list_adds_filters_and_everything_is_and_ed(catalogue):
    _response, body = post("package_search", {"fq": "res_format:CSV", "fq_list": ["license_id:cc-zero", "tags:luft"]})
    assert names(body) == ["luftkvalitet"]
    assert search_names(fq_list=["license_id:cc-zero", "tags:trafik"]) == ["trafikfloden"]  # repeated in a GET


@pytest.mark.parametrize(
    "q",
    ['"', ":", "*", "-", "luft:", 'NOT "', "AND OR", "(", ")", "ö*ö", "😀", "'; DROP TABLE x;--", "a:b:c", "[x TO",
     "\\", "tags:(", "{!lucene}x", "title:", "a AND", "&&", "?"],
)  # fmt: skip
def test_special_characters_in_q_never_break_the_search(catalogue, q):
    response, body = call("package_search", q=q, **{"facet.field": ALL_FACETS})
    # Words without a colon always search; a colon makes it Solr's syntax, where nonsense is CKAN's 409.
    assert response.status_code in (200, 409), body
    assert response.status_code == 200 or body["error"]["__type"] == "Search Error"
    if ":" not in q:
        assert response.status_code == 200


@pytest.mark.parametrize(
    "fq",
    [
        "metadata_modified:[2024-13-45T00:00:00Z TO *]",
        "metadata_modified:[NOW+99999YEARS TO *]",
        "metadata_modified:[igår TO *]",
        "tags:[a TO b]",
        "(" * 100 + "tags:x" + ")" * 100,
        " ".join(["tags:x"] * 1100),
        "tags:lu?t",
        "tags:x)",
    ],
)
def test_filters_that_cannot_be_read_are_a_search_error_not_a_crash(catalogue, fq):
    response, body = call("package_search", fq=fq)
    assert response.status_code == 409
    assert body["error"]["__type"] == "Search Error"


def test_paging_is_stable_and_a_start_past_the_end_is_empty(catalogue):
    pages = [search_names(rows=1, start=start, sort="name asc") for start in range(3)]
    assert pages == [["forskolor"], ["luftkvalitet"], ["trafikfloden"]]
    _response, body = call("package_search", start=3)
    assert (body["result"]["count"], body["result"]["results"]) == (3, [])
    assert search_names(rows=0) == []


def test_rows_default_to_ten_and_are_cut_to_the_maximum_silently(catalogue, monkeypatch):
    monkeypatch.setattr(search, "ROWS_MAX", 2)
    response, body = call("package_search", rows=5000)
    assert response.status_code == 200
    assert (body["result"]["count"], len(body["result"]["results"])) == (3, 2)
    assert len(search_names(rows="")) == 3  # blank is the default, 10


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"rows": "abc"}, {"rows": ["Invalid integer"]}),
        ({"rows": "1.5"}, {"rows": ["Invalid integer"]}),
        ({"start": "-1"}, {"start": ["Must be a natural number"]}),
        ({"facet.limit": "x"}, {"facet.limit": ["Invalid integer"]}),
        ({"facet.mincount": "-3"}, {"facet.mincount": ["Must be a natural number"]}),
        ({"facet.field": "tags"}, {"facet.field": ["Could not parse as valid JSON"]}),
        ({"facet.field": '{"tags": 1}'}, {"facet.field": ["Not a list"]}),
        ({"rows": "-1", "start": "x"}, {"rows": ["Must be a natural number"], "start": ["Invalid integer"]}),
    ],
)
def test_bad_parameters_give_ckans_validation_messages(catalogue, data, errors):
    response, body = call("package_search", **data)
    assert response.status_code == 409
    assert body["error"] == errors | {"__type": "Validation Error"}


def test_json_numbers_are_taken_as_ckan_takes_them(catalogue):
    response, body = post("package_search", {"rows": 1.0, "start": 0, "facet.field": ["tags"]})
    assert response.status_code == 200
    assert len(body["result"]["results"]) == 1
    response, body = post("package_search", {"rows": 1.5})
    assert body["error"] == {"rows": ["Invalid integer"], "__type": "Validation Error"}


def test_unknown_search_parameters_are_a_search_query_error(catalogue):
    response, body = call("package_search", q="luft", foo="1")
    assert response.status_code == 400
    assert body["error"] == {
        "__type": "Search Query Error",
        "message": "Search Query is invalid: \"Invalid search parameters: ['foo']\"",
    }
    # what CKAN takes out or passes on to Solr is accepted
    allowed = {"include_private": "True", "include_drafts": "false", "ext_bbox": "1,2,3,4", "wt": "json", "qf": "x"}
    assert call("package_search", **allowed)[0].status_code == 200


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name asc", ["forskolor", "luftkvalitet", "trafikfloden"]),
        ("name desc", ["trafikfloden", "luftkvalitet", "forskolor"]),
        ("title_string asc", ["forskolor", "luftkvalitet", "trafikfloden"]),
        ("metadata_created asc, name desc", ["luftkvalitet", "forskolor", "trafikfloden"]),
        ("rank", None),
    ],
)
def test_sort_maps_ckans_sort_fields(catalogue, sort, expected):
    found = search_names(sort=sort)
    if expected is not None:
        assert found == expected
    else:
        assert len(found) == 3


def test_a_bad_sort_is_refused_as_ckan_refuses_it(catalogue):
    for sort in ("name up", "name", "name asc,title_string"):
        response, body = call("package_search", sort=sort)
        assert response.status_code == 400
        assert body["error"] == {
            "__type": "Search Query Error",
            "message": "Search Query is invalid: 'Invalid \"sort\" parameter'",
        }
    response, body = call("package_search", sort="popularity desc")
    assert response.status_code == 409
    assert body["error"]["__type"] == "Search Error"


def test_words_rank_the_best_match_first(catalogue, publish):
    publish("skolor-och-forskolor", "Utbildningsförvaltningen", title="Förskolor och skolor: förskolor",
            keywords="förskolor", description="Förskolor.")  # fmt: skip
    found = search_names(q="förskolor")
    assert set(found) == {"forskolor", "skolor-och-forskolor"}
    assert search_names(q="förskolor", sort="score desc, name asc")[0] == found[0]


def test_facets_count_the_matches_and_search_facets_are_sorted_as_ckan_sorts_them(catalogue):
    found = result("package_search", **{"facet.field": ALL_FACETS})
    facets, search_facets = found["facets"], found["search_facets"]
    assert list(facets) == list(search_facets) == ["organization", "groups", "tags", "res_format", "license_id"]
    assert facets["res_format"] == {"CSV": 3, "GEOJSON": 1, "JSON": 1, "XLSX": 1}
    assert list(facets["res_format"]) == ["CSV", "GEOJSON", "JSON", "XLSX"]  # most first, then by value
    assert facets["license_id"] == {"cc-zero": 2, "cc-by": 1}
    assert facets["groups"] == {
        "befolkning-och-samhalle": 1, "miljo": 1, "regioner-och-stader": 1, "transport": 1,
        "utbildning-kultur-och-sport": 1,
    }  # fmt: skip
    trafikkontoret = Organisation.objects.get(name="Trafikkontoret")
    organizations = search_facets["organization"]
    assert organizations["title"] == "organization"
    assert {"name": trafikkontoret.slug, "display_name": "Trafikkontoret", "count": 1} in organizations["items"]
    for field in facets:
        shown = [item["display_name"] for item in search_facets[field]["items"]]
        assert shown == sorted(shown, reverse=True)
    licences = {item["name"]: item["display_name"] for item in search_facets["license_id"]["items"]}
    assert licences == {"cc-zero": "Creative Commons CCZero", "cc-by": "Creative Commons Attribution 4.0"}
    narrowed = result("package_search", fq="groups:transport", **{"facet.field": '["tags"]'})
    assert narrowed["facets"] == {"tags": {"fordon": 1, "trafik": 1}}


def test_facet_limit_mincount_and_switch_are_read(catalogue):
    found = result("package_search", **{"facet.field": '["res_format", "nonsense"]', "facet.limit": "1"})
    assert found["facets"] == {"res_format": {"CSV": 3}, "nonsense": {}}
    found = result("package_search", **{"facet.field": '["res_format"]', "facet.mincount": "2"})
    assert found["facets"] == {"res_format": {"CSV": 3}}
    found = result("package_search", **{"facet.field": '["res_format"]', "facet.limit": "-1"})
    assert len(found["facets"]["res_format"]) == 4
    assert result("package_search", **{"facet.field": '["tags"]', "facet": "false"})["facets"] == {}
    repeated = Client().get("/api/3/action/package_search?facet.field=tags&facet.field=groups&rows=0")
    assert list(json.loads(repeated.content)["result"]["facets"]) == ["tags", "groups"]


def test_fl_returns_only_the_fields_asked_for(catalogue):
    found = result("package_search", q="name:forskolor", fl="id,name,tags,extras_issued")
    assert found["results"] == [
        {"id": str(catalogue["skolor"].identifier), "name": "forskolor", "tags": ["förskola", "skola"],
         "issued": "2021-03-01"},
    ]  # fmt: skip


# Organizations, groups, tags, status


def test_organization_list_names_the_publishers_and_all_fields_gives_their_dicts(catalogue):
    slugs = dict(Organisation.objects.filter(
        name__in=["Miljöförvaltningen", "Trafikkontoret", "Utbildningsförvaltningen"]
    ).values_list("name", "slug"))  # fmt: skip
    assert result("organization_list") == [slugs[name] for name in sorted(slugs)]  # by title
    assert result("organization_list", sort="name desc") == sorted(slugs.values(), reverse=True)
    assert result("organization_list", q="trafik") == [slugs["Trafikkontoret"]]
    detailed = result("organization_list", all_fields="true", limit=1)
    assert len(detailed) == 1 and set(detailed[0]) == GROUP_SHOW_KEYS
    assert detailed[0]["package_count"] == 1 and detailed[0]["is_organization"] is True


def test_organization_show_by_name_or_id_with_its_count_and_datasets(catalogue):
    trafikkontoret = Organisation.objects.get(name="Trafikkontoret")
    shown = result("organization_show", id=trafikkontoret.slug)
    assert set(shown) == GROUP_SHOW_KEYS | {"extras", "tags", "groups", "users"}
    assert (shown["id"], shown["title"], shown["package_count"]) == (
        organisation_id(trafikkontoret.pk), "Trafikkontoret", 1,
    )  # fmt: skip
    assert result("organization_show", id=shown["id"], include_users="false")["name"] == trafikkontoret.slug
    with_datasets = result("organization_show", id=shown["id"], include_datasets="true")
    assert [package["name"] for package in with_datasets["packages"]] == ["trafikfloden"]
    response, body = call("organization_show", id=trafikkontoret.slug, include_tags="maybe")
    assert (response.status_code, body["error"]["message"]) == (409, "Parameter is not an bool")
    assert call("group_show", id=trafikkontoret.slug)[0].status_code == 404  # an organization is not a group


def test_groups_are_the_thirteen_eu_themes_named_by_their_swedish_slugs(catalogue):
    assert result("group_list", sort="name") == sorted(theme.slug for theme in vocab.THEMES)
    by_count = result("group_list", sort="package_count", all_fields="true")
    assert len(by_count) == 13
    assert [group["name"] for group in by_count if group["package_count"]] == [
        "utbildning-kultur-och-sport", "transport", "regioner-och-stader", "miljo", "befolkning-och-samhalle",
    ]  # fmt: skip
    shown = result("group_show", id="miljo", include_datasets="true")
    assert (shown["id"], shown["title"], shown["package_count"]) == (theme_id("ENVI"), "Miljö", 1)
    assert [package["name"] for package in shown["packages"]] == ["luftkvalitet"]
    assert result("group_show", id=theme_id("TRAN"))["name"] == "transport"
    response, body = call("group_list", sort="nonsense")
    assert body["error"] == {"message": "Cannot sort by field `nonsense`", "__type": "Validation Error"}


def test_tag_list_gives_the_keywords_of_public_datasets(catalogue):
    tags = result("tag_list")
    assert {"luft", "kvävedioxid", "förskola", "skola", "trafik", "fordon"} == set(tags)
    assert result("tag_list", query="SKOL") == ["förskola", "skola"]
    assert set(result("tag_list", all_fields="1")[0]) == {"id", "name", "vocabulary_id", "display_name"}
    response, body = call("tag_list", vocabulary_id="färger")
    assert (response.status_code, body["error"]["message"]) == (404, "Not found: could not find vocabulary 'färger'")


def test_status_show_and_help_show(catalogue):
    status = result("status_show")
    assert status["site_url"] == settings.SITE_URL
    assert status["ckan_version"].startswith("2.1")
    assert isinstance(status["extensions"], list)
    assert "datasets" in result("help_show", name="package_search")


# Cost


def _search_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(
            "/api/3/action/package_search", {"rows": 10, "facet.field": ALL_FACETS, "q": "Stockholm"}
        )
    assert response.status_code == 200
    return len(queries)


def test_package_search_costs_the_same_queries_whatever_the_catalogue_size(catalogue, publish):
    small = _search_queries()
    for i in range(12):
        publish(f"extra-{i}", "Trafikkontoret", title=f"Mätning {i} i Stockholm", keywords=f"extra{i}, mätning",
                themes=["TRAN"], links=[("CSV", f"https://example.org/{i}.csv")])  # fmt: skip
    large = _search_queries()
    assert len(result("package_search")["results"]) == 10  # CKAN's default rows, of 15
    # count with the facets, the page, its keywords, themes and distributions; on SQLite also the three that
    # compute the ranks once into a temporary table. (The API's read limit counts in the process's tally, which a
    # worker adds to the database once a second: no query of the request's own.)
    assert small == large == (5 if connection.vendor == "postgresql" else 8)


def test_facets_within_counts_as_the_catalogues_own_facets_do(catalogue):
    count, found = selectors.facets_within(Dataset.objects.public())
    expected = selectors.facets(selectors.Filters())
    assert count == 3
    for name in selectors.FACETS:
        assert sorted(found[name], key=repr) == sorted(expected[name], key=repr)

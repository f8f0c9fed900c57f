"""CKAN's own client, the `ckanapi` package, against a running server over the demo catalogue: its dump and
search commands and its RemoteCKAN calls must work unchanged, as against a CKAN 2.10/2.11 site."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ckanapi import CKANAPIError, NotFound, RemoteCKAN, SearchQueryError, ValidationError

CKANAPI = Path(sys.executable).parent / "ckanapi"
FACETS = ["organization", "groups", "tags", "res_format", "license_id"]


def ckanapi(*args: str) -> list[dict]:
    """Run the ckanapi command; its JSON lines. Its dump starts workers as `ckanapi`, found on the PATH."""
    env = {**os.environ, "PATH": f"{CKANAPI.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run([str(CKANAPI), *args], capture_output=True, text=True, timeout=300, check=False, env=env)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def site(server) -> str:
    return server.rstrip("/")


@pytest.fixture(scope="module")
def ckan(site):
    with RemoteCKAN(site, user_agent="tvatakt-e2e") as remote:
        yield remote


@pytest.fixture(scope="module")
def names(ckan) -> list[str]:
    found = ckan.action.package_list()
    assert found, "the demo catalogue has public datasets"
    return found


def test_dump_datasets_all_gives_every_public_dataset_as_package_show_does(site, ckan, names):
    dumped = ckanapi("dump", "datasets", "--all", "-r", site)
    assert [dataset["name"] for dataset in dumped] == names  # in package_list's order
    assert dumped[0] == ckan.action.package_show(id=names[0])
    for dataset in dumped:
        assert dataset["state"] == "active" and dataset["private"] is False and dataset["type"] == "dataset"
        assert dataset["num_resources"] == len(dataset["resources"]) >= 1
        assert all(resource["datastore_active"] is False for resource in dataset["resources"])
        assert dataset["organization"]["id"] == dataset["owner_org"]


def test_search_datasets_pages_through_every_match(site, ckan, names):
    everything = ckanapi("search", "datasets", "-r", site)
    assert sorted(dataset["name"] for dataset in everything) == sorted(names)
    dataset = ckan.action.package_show(id=names[0])
    tag = dataset["tags"][0]["name"]
    tagged = ckanapi("search", "datasets", f'fq=tags:"{tag}"', "-r", site)
    assert dataset["name"] in {found["name"] for found in tagged}
    assert all(tag in {t["name"] for t in found["tags"]} for found in tagged)
    word = next(word for word in dataset["title"].split() if len(word) > 3 and word.isalpha())
    by_word = ckanapi("search", "datasets", f"q={word}", "-r", site)
    assert dataset["name"] in {found["name"] for found in by_word}
    assert len(by_word) == ckan.action.package_search(q=word, rows=0)["count"]


def test_search_datasets_with_rows_makes_one_call_and_json_arguments_are_typed(site):
    page = ckanapi("search", "datasets", "rows=2", "sort=name asc", "-r", site)
    assert len(page) == 2 and page[0]["name"] < page[1]["name"]
    faceted = ckanapi("search", "datasets", "rows:1", 'facet.field:["tags"]', "-r", site)
    assert len(faceted) == 1


def test_package_search_answers_with_facets_and_pages_as_ckan(ckan, names):
    found = ckan.action.package_search(rows=5, sort="name asc", **{"facet.field": FACETS, "facet.limit": 5})
    assert found["count"] == len(names)
    assert [dataset["name"] for dataset in found["results"]] == sorted(names)[:5]
    assert list(found["search_facets"]) == FACETS
    for facet in found["search_facets"].values():
        shown = [item["display_name"] for item in facet["items"]]
        assert shown == sorted(shown, reverse=True) and len(shown) <= 5
    assert ckan.action.package_search(start=len(names))["results"] == []
    csv = ckan.action.package_search(fq="res_format:CSV", rows=1000)
    assert csv["count"] == found["facets"]["res_format"].get("CSV", csv["count"])


def test_get_only_clients_send_lists_as_repeated_keys(site, names):
    with RemoteCKAN(site, get_only=True) as remote:
        found = remote.action.package_search(rows=1, **{"facet.field": ["groups", "tags"]})
    assert found["count"] == len(names)
    assert list(found["facets"]) == ["groups", "tags"]


def test_organizations_groups_tags_and_resources_read_as_in_ckan(ckan, names):
    dataset = ckan.action.package_show(id=names[0])
    organization = ckan.action.organization_show(id=dataset["owner_org"], include_datasets=True)
    assert organization["name"] == dataset["organization"]["name"]
    assert organization["name"] in ckan.action.organization_list()
    assert organization["package_count"] >= 1 and organization["packages"]
    groups = ckan.action.group_list(all_fields=True)
    assert len(groups) == 13
    if dataset["groups"]:
        group = ckan.action.group_show(id=dataset["groups"][0]["name"])
        assert group["id"] == dataset["groups"][0]["id"] and group["package_count"] >= 1
    assert dataset["tags"][0]["name"] in ckan.action.tag_list()
    resource = dataset["resources"][0]
    assert ckan.action.resource_show(id=resource["id"]) == resource
    assert ckan.action.status_show()["ckan_version"].startswith("2.1")


def test_errors_become_ckanapis_exceptions(ckan):
    with pytest.raises(NotFound):
        ckan.action.package_show(id="finns-inte")
    with pytest.raises(ValidationError) as invalid:
        ckan.action.package_search(rows="många")
    assert invalid.value.error_dict["rows"] == ["Invalid integer"]
    with pytest.raises(SearchQueryError):
        ckan.action.package_search(sortera="name asc")
    with pytest.raises(CKANAPIError):
        ckan.call_action("package_create", {"name": "ny"})

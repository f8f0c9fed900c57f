"""The actions by name, and those that read one thing: package_show, package_list, resource_show, tag_list,
status_show, help_show (which the `help` link of every answer points to)."""

import inspect
from collections.abc import Callable
from typing import Any

from django.conf import settings

from tvatakt.opendata import selectors
from tvatakt.opendata.ckan import dicts, groups, params
from tvatakt.opendata.ckan import selectors as ckan_selectors
from tvatakt.opendata.ckan.search import package_search

ANONYMOUS = ""  # how CKAN names the anonymous user in a refusal: "User  not authorized…"
CKAN_VERSION = "2.10.11"  # the release whose behaviour this API follows (2.11 answers these actions alike)


def package_show(data: dict[str, Any]) -> dict[str, Any]:
    """Returns a dataset by id (or name_or_id): its id or its name."""
    name_or_id = data.get("id") or params.required(data, "name_or_id")
    dataset = ckan_selectors.dataset(params.text(name_or_id))
    if dataset is None:
        raise params.NotFound()
    if not dataset.is_public:  # a draft is CKAN's private dataset: refused, not denied to exist
        raise params.NotAuthorized(f"User {ANONYMOUS} not authorized to read package {dataset.identifier}")
    return dicts.package_dict(dataset)


def package_list(data: dict[str, Any]) -> list[str]:
    """Returns the names of the public datasets, in order; limit and offset page them (no limit by default)."""
    paging = params.validated(data, {"limit": params.natural, "offset": params.natural})
    return ckan_selectors.dataset_names(paging.get("limit"), paging.get("offset"))


def resource_show(data: dict[str, Any]) -> dict[str, Any]:
    """Returns a resource (a distribution of a public dataset) by id."""
    identifier = params.text(params.required(data, "id"))
    distribution = ckan_selectors.distribution(identifier)
    if distribution is None:
        raise params.NotFound()
    if not distribution.dataset.is_public:
        raise params.NotAuthorized(f"User {ANONYMOUS} not authorized to read resource {distribution.identifier}")
    return dicts.resource_dict(distribution, distribution.dataset)


def tag_list(data: dict[str, Any]) -> list:
    """Returns the keywords of public datasets (CKAN's free tags), those holding query (or q) if given;
    all_fields gives dicts. There are no tag vocabularies."""
    query = params.text(data.get("query") or data.get("q")).strip()
    vocabulary = data.get("vocabulary_id")
    if vocabulary:
        if query:
            return []
        raise params.NotFound(f"could not find vocabulary '{vocabulary}'")
    keywords = selectors.keyword_names(query)
    if data.get("all_fields"):  # CKAN does not read it as a boolean: any non-empty value asks for dicts
        return [
            {"id": dicts.keyword_id(k.pk), "name": k.name, "vocabulary_id": None, "display_name": k.name}
            for k in keywords
        ]
    return [keyword.name for keyword in keywords]


def status_show(data: dict[str, Any]) -> dict[str, Any]:
    """Returns what the site is: its title, address, default language and the CKAN version it answers as."""
    return {
        "site_title": "Tvåtakt",
        "site_description": None,
        "site_url": settings.SITE_URL,
        "error_emails_to": None,
        "locale_default": settings.LANGUAGE_CODE,
        "extensions": [],
        "ckan_version": CKAN_VERSION,
    }


def help_show(data: dict[str, Any]) -> str:
    """Returns an action's documentation, by name."""
    function = ACTIONS.get(params.text(params.required(data, "name")))
    if function is None:
        raise params.NotFound("Action function not found")
    return inspect.getdoc(function) or ""


ACTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "package_search": package_search,
    "package_show": package_show,
    "package_list": package_list,
    "resource_show": resource_show,
    "organization_list": groups.organization_list,
    "organization_show": groups.organization_show,
    "group_list": groups.group_list,
    "group_show": groups.group_show,
    "tag_list": tag_list,
    "status_show": status_show,
    "help_show": help_show,
}

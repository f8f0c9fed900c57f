"""package_search: CKAN's parameters, validation and result (count, facets, results, sort, search_facets)."""

import hashlib
import re
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.utils.translation import get_language

from tvatakt.core.cache import remembered
from tvatakt.opendata import selectors, vocab
from tvatakt.opendata.ckan import dicts, params, query
from tvatakt.opendata.ckan import selectors as ckan_selectors

ROWS_DEFAULT, ROWS_MAX = 10, 1000  # CKAN's default rows and ckan.search.rows_max
FACET_LIMIT = 50  # CKAN's search.facets.limit
SCHEMA = {
    "q": params.text,
    "fq": params.text,
    "rows": params.natural,
    "sort": params.text,
    "start": params.natural,
    "facet": params.text,
    "facet.mincount": params.natural,
    "facet.limit": params.integer,
    "facet.field": params.json_list,
    "fl": lambda value: [value] if isinstance(value, str) else value,
}
# What CKAN passes on to Solr, and what it takes out first; any other key is refused, as CKAN refuses it.
SOLR_PARAMETERS = {
    "q", "fl", "fq", "rows", "sort", "start", "wt", "qf", "bf", "boost", "facet", "facet.mincount", "facet.limit",
    "facet.field", "extras", "fq_list", "tie", "defType", "mm", "df",
}  # fmt: skip
TAKEN_OUT = {"include_private", "include_drafts", "include_deleted", "use_default_schema", "include_plugin_data"}
# CKAN's facet fields, and the catalogue's facets they are.
FACETS = {
    "organization": "publisher",
    "groups": "theme",
    "tags": "keyword",
    "res_format": "format",
    "license_id": "licence",
}


def package_search(data: dict[str, Any]) -> dict[str, Any]:
    """Searches for datasets: q (words, or Solr's field:value syntax), fq and fq_list (filters in the same
    syntax), sort, rows (10 by default, at most 1000), start, facet.field, facet.limit, facet.mincount, fl."""
    clean = params.validated(data, SCHEMA)
    unknown = sorted(key for key in data if key not in SOLR_PARAMETERS | TAKEN_OUT and not key.startswith("ext_"))
    if unknown:
        raise params.SearchQueryError(f"Invalid search parameters: {unknown}")
    rows = ROWS_DEFAULT if clean.get("rows") is None else min(clean["rows"], ROWS_MAX)  # clamped silently
    start = clean.get("start") or 0
    # fq_list as a list; one string is taken whole (CKAN would split it into characters)
    fq_list = data.get("fq_list") or []
    filters = ([clean["fq"]] if clean.get("fq") else []) + (fq_list if isinstance(fq_list, list) else [fq_list])
    sort = clean.get("sort")
    if sort in (None, "rank"):
        sort = query.DEFAULT_SORT
    condition, words = query.condition(clean.get("q", ""), [params.text(text) for text in filters])
    order, uses_rank = query.ordering(sort or query.DEFAULT_SORT, ranked=bool(selectors.words(words)))

    datasets = ckan_selectors.public(condition)
    fields = list(dict.fromkeys(clean.get("facet.field") or []))
    if clean.get("facet", "true").strip().lower() in ("false", "off", "no"):
        fields = []
    limit = clean.get("facet.limit")
    limit = FACET_LIMIT if limit is None else None if limit < 0 else limit
    count, found = _aggregates(datasets, tuple(FACETS[field] for field in fields if field in FACETS), limit)
    results = []
    if rows and start < count:
        page = (selectors.ranked(datasets, words) if uses_rank else datasets).order_by(*order)
        results = [dicts.package_dict(dataset) for dataset in ckan_selectors.with_record(page)[start : start + rows]]
    if clean.get("fl"):
        results = [_fields(result, clean["fl"]) for result in results]
    facets, search_facets = _facets(fields, found, mincount=max(clean.get("facet.mincount") or 1, 1))
    return {"count": count, "facets": facets, "results": results, "sort": sort, "search_facets": search_facets}


def _aggregates(datasets, wanted: tuple[str, ...], limit: int | None) -> tuple[int, dict]:
    """The number of matches and their facets, in one query over every match. On a large catalogue that costs
    tens of milliseconds, so it is kept in the shared cache until the content changes (the page never is)."""
    try:
        sql, values = datasets.values("pk").query.sql_with_params()
    except EmptyResultSet:  # nothing can match: nothing to keep
        return selectors.facets_within(datasets, limit=limit, only=wanted)
    key = hashlib.sha256(repr((sql, values, wanted, limit, get_language())).encode()).hexdigest()[:40]

    return remembered(f"ckan-search:{key}", lambda: selectors.facets_within(datasets, limit=limit, only=wanted))


def _facets(fields: list[str], found: dict, mincount: int) -> tuple[dict, dict]:
    """The deprecated {field: {name: count}} (most first) and search_facets, whose items CKAN sorts by
    display name, descending. A field the catalogue has no facet for has no values, as in Solr."""
    facets, search_facets = {}, {}
    for field in fields:
        items = [_item(field, item) for item in found.get(FACETS.get(field), []) if item.count >= mincount]
        facets[field] = {item["name"]: item["count"] for item in items}
        ordered = sorted(items, key=lambda item: item["display_name"], reverse=True)
        search_facets[field] = {"title": field, "items": ordered}
    return facets, search_facets


def _item(field: str, item: selectors.FacetItem) -> dict[str, Any]:
    name, display_name = item.value, item.label
    if field == "groups":
        name = vocab.THEME[item.value].slug
    elif field == "license_id":
        licence = dicts.licence(item.value)
        name, display_name = licence["license_id"], licence["license_title"]
    elif field == "res_format":
        display_name = name
    return {"name": name, "display_name": display_name or name, "count": item.count}


def _fields(package: dict[str, Any], fl: list[str]) -> dict[str, Any]:
    """Only the fields asked for, as Solr stores them: organization, groups and tags by name, res_* lists,
    extras_<key> under <key> (CKAN moves them so)."""
    stored = {key: value for key, value in package.items() if not isinstance(value, (list, dict))}
    stored |= {
        "organization": package["organization"]["name"],
        "groups": [group["name"] for group in package["groups"]],
        "tags": [tag["name"] for tag in package["tags"]],
        "res_format": [resource["format"] for resource in package["resources"]],
        "res_name": [resource["name"] for resource in package["resources"]],
        "res_url": [resource["url"] for resource in package["resources"]],
    }
    stored |= {f"extras_{extra['key']}": extra["value"] for extra in package["extras"]}
    names = [name for item in fl for name in re.split(r"[\s,]+", str(item)) if name]
    return {name.removeprefix("extras_"): stored[name] for name in names if name in stored}

"""organization_list/_show and group_list/_show. Organizations are the catalogue's publishers; groups are the
13 EU data themes, named by their Swedish slugs and titled in the language asked for."""

from typing import Any

from tvatakt.opendata import selectors, vocab
from tvatakt.opendata.ckan import dicts, params
from tvatakt.opendata.ckan import selectors as ckan_selectors
from tvatakt.opendata.ckan.search import package_search

LIST_MAX, ALL_FIELDS_MAX = 1000, 25  # ckan.group_and_organization_list_max and its all_fields_max
SORTABLE = ("name", "title", "packages", "package_count")
# group_show's include_* flags and their defaults; users are never published, so the list is empty.
SHOW_FLAGS = {
    "include_datasets": False,
    "include_dataset_count": True,
    "include_extras": True,
    "include_tags": True,
    "include_groups": True,
    "include_users": True,
    "include_followers": True,
}
PAGING = {"limit": params.natural, "offset": params.natural}
LIST_FLAGS = SHOW_FLAGS | {key: False for key in ("include_extras", "include_tags", "include_users", "include_groups")}


def _sort(text: str) -> tuple[str, bool]:
    """CKAN's _unpick_search for one criterion: the field and whether it is descending."""
    if text.strip() in ("packages", "package_count"):
        text = "package_count desc"
    parts = [part.split() for part in text.split(",") if part.strip()] or [["title"]]
    for bits in parts:
        if bits[0] not in SORTABLE:
            raise params.ValidationError({"message": f"Cannot sort by field `{bits[0]}`"})
        if len(bits) > 1 and bits[1].lower() not in ("asc", "desc"):
            raise params.ValidationError({"message": f"Invalid sort direction `{bits[1].lower()}`"})
    if len(parts) > 1:
        raise params.ValidationError("Too many sort criteria provided only 1 allowed")
    field = "package_count" if parts[0][0] == "packages" else parts[0][0]
    return field, len(parts[0]) > 1 and parts[0][1].lower() == "desc"


def _flags(data: dict[str, Any], defaults: dict[str, bool]) -> dict[str, bool]:
    try:
        return {key: params.as_bool(data.get(key), default) for key, default in defaults.items()}
    except params.Invalid as exc:
        raise params.ValidationError({"message": str(exc)}) from None


def _names(value: Any) -> list[str] | None:
    if not value:
        return None
    return [name.strip() for name in value.split(",")] if isinstance(value, str) else [str(name) for name in value]


def _list(data: dict[str, Any], is_org: bool) -> list:
    paging = params.validated({key: data[key] for key in ("limit", "offset") if data.get(key)}, PAGING)
    field, descending = _sort(params.text(data.get("sort")) or "title")
    q = params.text(data.get("q")).strip()
    flags = _flags(data, LIST_FLAGS | {"all_fields": False})
    most = ALL_FIELDS_MAX if flags["all_fields"] else LIST_MAX
    limit = most if paging.get("limit") is None or paging["limit"] > most else paging["limit"]
    offset = paging.get("offset") or 0
    if data.get("type", "organization" if is_org else "group") != ("organization" if is_org else "group"):
        return []
    names = _names(data.get("organizations" if is_org else "groups"))
    if is_org:
        key = {"name": "slug", "title": "name", "package_count": "count"}[field]
        found = list(ckan_selectors.publishers(q, names, (f"-{key}" if descending else key,)))
        rows = [(dicts.organization_dict(organisation), organisation.count) for organisation in found]
    else:
        rows = [(dicts.theme_row(theme.code), theme.count) for theme in selectors.themes_with_counts()]
        rows = [row for row in rows if (names is None or row[0]["name"] in names) and _holds(row[0], q)]
        key = {"name": "name", "title": "title"}.get(field)
        rows.sort(key=lambda row: (row[0][key] if key else row[1], row[0]["name"]), reverse=descending)
    rows = rows[offset : offset + limit] if limit else rows[offset:]
    if not flags["all_fields"]:
        return [row["name"] for row, _count in rows]
    return [dicts.group_show_dict(row, count if flags["include_dataset_count"] else None, flags) for row, count in rows]


def _holds(row: dict[str, Any], q: str) -> bool:
    q = q.casefold()
    return not q or any(q in row[key].casefold() for key in ("name", "title", "description"))


def _show(data: dict[str, Any], is_org: bool) -> dict[str, Any]:
    key = params.text(params.required(data, "id"))
    flags = _flags(data, SHOW_FLAGS)
    if is_org:
        organisation = ckan_selectors.organisation(key)
        if organisation is None:
            raise params.NotFound()
        row, count, fq = (
            dicts.organization_dict(organisation),
            organisation.count,
            f'+organization:"{organisation.slug}"',
        )
    else:
        theme = vocab.THEME_BY_SLUG.get(key) or next((t for t in vocab.THEMES if dicts.theme_id(t.code) == key), None)
        if theme is None:
            raise params.NotFound()
        counts = {found.code: found.count for found in selectors.themes_with_counts()}
        row, count, fq = dicts.theme_row(theme.code), counts[theme.code], f'+groups:"{theme.slug}"'
    counted = flags["include_datasets"] or flags["include_dataset_count"]
    shown = dicts.group_show_dict(row, count if counted else None, flags)
    if flags["include_datasets"]:
        shown["packages"] = package_search({"fq": fq})["results"]
    return shown


def organization_list(data: dict[str, Any]) -> list:
    """Returns the names of the organizations that publish datasets (all_fields=true: their dicts); sort by name,
    title (the default) or package_count; q, organizations, limit, offset."""
    return _list(data, is_org=True)


def organization_show(data: dict[str, Any]) -> dict[str, Any]:
    """Returns an organization by id or name; include_datasets=true adds its first 10 datasets."""
    return _show(data, is_org=True)


def group_list(data: dict[str, Any]) -> list:
    """Returns the names of the groups, the 13 EU data themes (all_fields=true: their dicts); sort by name,
    title (the default) or package_count; q, groups, limit, offset."""
    return _list(data, is_org=False)


def group_show(data: dict[str, Any]) -> dict[str, Any]:
    """Returns a group (an EU data theme) by id or name; include_datasets=true adds its first 10 datasets."""
    return _show(data, is_org=False)

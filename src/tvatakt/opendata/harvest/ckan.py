"""Reading a remote CKAN's public datasets through its Action API (package_search, page by page) into records.

CKAN keeps DCAT's extra properties under ckanext-dcat's keys in `extras`; those are read where present."""

import json
from collections.abc import Callable
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from tvatakt.opendata import vocab
from tvatakt.opendata.harvest import records
from tvatakt.opendata.harvest.fetch import fetch, looks_like_html
from tvatakt.opendata.harvest.records import DatasetRecord, DistributionRecord, Problem, SourceError

PAGE = 100  # rows per request: well under every CKAN's cap (1000 by default)
MAX_DATASETS = 50_000


def api_base(url: str) -> str:
    """The Action API's address from the catalogue's (the site, or an address already inside /api/)."""
    base = url.split("?")[0].rstrip("/")
    for marker in ("/api/3/action", "/api/action", "/api/3", "/api"):
        if marker in base:
            base = base.split(marker)[0]
            break
    return base + "/api/3/action/"


def search_page(url: str, start: int, organisation: str) -> dict:
    params = {"q": "*:*", "rows": PAGE, "start": start, "sort": "id asc", "include_private": "false"}
    if organisation:
        params["fq"] = f'organization:"{organisation}"'
    fetched = fetch(api_base(url) + "package_search?" + urlencode(params), accept="application/json")
    if looks_like_html(fetched):
        raise SourceError(_("The source answered with a web page (HTML), not CKAN's API. Check the address."))
    try:
        answer = json.loads(fetched.body)
    except (ValueError, RecursionError) as exc:
        raise SourceError(_("The source’s answer is not JSON, so it is not CKAN’s API.")) from exc
    if not isinstance(answer, dict) or not answer.get("success") or not isinstance(answer.get("result"), dict):
        error = answer.get("error") if isinstance(answer, dict) else None
        message = error.get("message") if isinstance(error, dict) else ""
        shown = " ".join(str(message or answer).split())[:300]
        raise SourceError(_("The CKAN API refused the search: %(error)s") % {"error": shown})
    result = answer["result"]
    if not isinstance(result.get("results"), list) or not _is_count(result.get("count")):
        raise SourceError(_("The source’s answer is not a CKAN search result."))
    return result


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def read(url: str, organisation: str, problems: list[Problem], progress: Callable[[int, int], None]) -> list:
    """Every public dataset at the source, as records. `progress(done, total)` is told after each page."""
    first = search_page(url, 0, organisation)
    total = first["count"]
    if total == 0:
        # Rather than withdraw every dataset harvested before, on what may be a wrong organisation or a bad day.
        raise SourceError(_("The source has no public datasets (to harvest) at all. Check the address and the "
                            "organisation."))  # fmt: skip
    if total > MAX_DATASETS:
        raise SourceError(_("The source has more than %(count)s datasets.") % {"count": MAX_DATASETS})
    packages = list(first["results"])
    progress(len(packages), total)
    while len(packages) < total:
        page = search_page(url, len(packages), organisation)["results"]
        if not page:
            # A harvest that got less than all would withdraw the rest: better none than that.
            raise SourceError(
                _("The source said it has %(count)s datasets but gave %(given)s.")
                % {"count": total, "given": len(packages)}
            )
        packages += page
        progress(len(packages), total)
    seen, found = set(), []
    for package in packages:
        if not isinstance(package, dict):
            raise SourceError(_("The source’s answer is not a CKAN search result."))
        key = _text(package.get("id")) or _text(package.get("name"))
        if key not in seen:  # a dataset changed while paging can come twice
            seen.add(key)
            found.append(_dataset(package, problems))
    return found


def _list(value) -> list[dict]:
    """A list of objects (extras, tags, groups, resources), whatever the source sent instead."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _extras(package: dict) -> dict[str, str]:
    return {_text(extra.get("key")): _text(extra.get("value")) for extra in _list(package.get("extras"))}


_text = records.text_value


def _dataset(package: dict, problems: list[Problem]) -> DatasetRecord:
    ref, name = _text(package.get("id")), _text(package.get("name"))
    location = _("dataset %(name)s") % {"name": name or ref}

    def problem(message: str) -> None:
        problems.append(Problem(location, message))

    extras = _extras(package)
    fields = {
        "title": _text(package.get("title")) or name,
        "description": _text(package.get("notes")),
        "contact_name": _text(package.get("maintainer") or package.get("author")),
        "contact_email": _text(package.get("maintainer_email") or package.get("author_email")),
        "landing_page": _text(package.get("url")),
        "issued": records.date_value(extras.get("issued") or package.get("metadata_created")),
        "modified": records.date_value(extras.get("modified") or package.get("metadata_modified")),
        "temporal_start": records.date_value(extras.get("temporal_start")),
        "temporal_end": records.date_value(extras.get("temporal_end")),
        "spatial": extras.get("spatial_uri", ""),
        "conforms_to": extras.get("conforms_to", ""),
    }
    licence = _text(package.get("license_id")) or _text(package.get("license_url"))
    if licence:
        fields["licence"] = records.licence_code(licence) or records.licence_code(_text(package.get("license_url")))
        if not fields["licence"]:
            problem(_("Its licence (%(licence)s) is not CC0 or CC BY 4.0.") % {"licence": licence})
    for field, key, terms in (
        ("access_rights", "access_rights", vocab.ACCESS_RIGHTS),
        ("frequency", "frequency", vocab.FREQUENCIES),
    ):
        if extras.get(key):
            fields[field] = records.term_code(extras[key], terms) or ""
            if not fields[field]:
                problem(_("“%(value)s” is not a term the catalogue knows.") % {"value": extras[key]})
    themes = []
    for group in _list(package.get("groups")):
        code = records.theme_code(_text(group.get("name")))
        if code and code not in themes:
            themes.append(code)
    keywords = [_text(tag.get("name")) for tag in _list(package.get("tags"))]
    distributions = [_distribution(resource, problem) for resource in _list(package.get("resources"))]
    return DatasetRecord(
        ref=ref[:500] or name, location=location, name=name, fields=fields, keywords=keywords, themes=themes,
        distributions=distributions,
    )  # fmt: skip


def _distribution(resource: dict, problem) -> DistributionRecord:
    url = _text(resource.get("url"))
    access = _text(resource.get("access_url")) or url
    download = _text(resource.get("download_url")) or (url if resource.get("url_type") == "upload" else "")
    code = records.format_code(_text(resource.get("format")), _text(resource.get("mimetype")), download or access)
    if code is None:
        problem(
            _("The format of the distribution %(address)s (%(format)s) is not one the catalogue takes.")
            % {"address": access or _text(resource.get("id")), "format": _text(resource.get("format")) or "?"}
        )
    return DistributionRecord(
        title=_text(resource.get("name")) or (vocab.FILE_TYPE[code].label if code else ""),
        description=_text(resource.get("description")), access_url=access, download_url=download,
        format=code or "", byte_size=records.size_value(resource.get("size")),
    )  # fmt: skip

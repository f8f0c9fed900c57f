"""CKAN's dictionaries for the catalogue's objects, with exactly the keys CKAN 2.10/2.11 show to an anonymous
client (its show schemas drop every other key), in the order CKAN's validation leaves them."""

import datetime
import functools
import uuid
from typing import Any

from django.conf import settings
from django.utils import translation

from tvatakt.opendata import vocab
from tvatakt.opendata.choices import _label
from tvatakt.opendata.models import Dataset, Distribution
from tvatakt.organisation.models import Organisation

# Where the organisations' and keywords' ids come from (see __init__): fixed, so that an id never changes.
NAMESPACE = uuid.UUID("5b0f7a7e-3c1d-4d5e-9a8b-74766174616b")


@functools.cache
def organisation_id(pk: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"organisation:{pk}"))


def keyword_id(pk: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"keyword:{pk}"))


@functools.cache
def theme_id(code: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, vocab.theme_iri(code)))


def timestamp(moment: datetime.datetime | None) -> str | None:
    """CKAN's form: naive UTC in ISO 8601, the fraction dropped when it is zero."""
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).replace(tzinfo=None).isoformat()


def licence(iri: str) -> dict[str, Any]:
    """license_id, license_title, license_url (only when known) and isopen, as CKAN's licence register gives."""
    known = vocab.LICENCE.get(iri)
    if known is None:
        return {"isopen": False, "license_id": iri, "license_title": iri}
    return {"isopen": True, "license_id": known.ckan_id, "license_title": known.title, "license_url": known.url}


def organization_dict(organisation: Organisation) -> dict[str, Any]:
    """The owner organization inside a dataset: the bare group row, as CKAN embeds it."""
    return {
        "id": organisation_id(organisation.pk),
        "name": organisation.slug,
        "title": organisation.name,
        "type": "organization",
        "description": "",
        "image_url": "",
        "created": timestamp(organisation.created_at),
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
    }


def theme_row(code: str) -> dict[str, Any]:
    """A theme as CKAN's group row. Themes have no creation time of their own."""
    theme = vocab.THEME[code]
    return {
        "id": theme_id(code),
        "name": theme.slug,
        "title": _label(theme),
        "type": "group",
        "description": "",
        "image_url": "",
        "created": None,
        "is_organization": False,
        "approval_status": "approved",
        "state": "active",
    }


def group_dict(code: str) -> dict[str, Any]:
    """A theme as one of a dataset's groups (CKAN's package-show group subschema)."""
    row = theme_row(code)
    return {
        "description": row["description"],
        "display_name": row["title"],
        "id": row["id"],
        "image_display_url": row["image_url"],
        "name": row["name"],
        "title": row["title"],
    }


def tag_dict(keyword) -> dict[str, Any]:
    return {
        "display_name": keyword.name,
        "id": keyword_id(keyword.pk),
        "name": keyword.name,
        "state": "active",
        "vocabulary_id": None,
    }


def resource_dict(distribution: Distribution, dataset: Dataset) -> dict[str, Any]:
    """A distribution as a CKAN resource. `url` is what a client fetches: the download address, else the file
    served here, else the access address; both addresses are also kept under ckanext-dcat's extra keys."""
    with translation.override(settings.LANGUAGE_CODE):  # a file's address is the same whoever asks
        access, download = distribution.absolute_access_url, distribution.absolute_download_url
    resource = {
        "cache_last_updated": None,
        "cache_url": None,
        "created": timestamp(distribution.created_at),
        "datastore_active": False,  # so that ckanapi's dump -d never asks for a datastore
        "description": distribution.description,
        "format": distribution.format,
        "hash": "",
        "id": str(distribution.identifier),
        # CKAN's last_modified is when the data changed: known only for a file uploaded here.
        "last_modified": timestamp(distribution.created_at) if distribution.file else None,
        "metadata_modified": timestamp(distribution.updated_at),
        "mimetype": distribution.media_type or None,
        "mimetype_inner": None,
        "name": distribution.title,
        "package_id": str(dataset.identifier),
        "position": distribution.position,
        "resource_type": None,
        "size": distribution.byte_size,
        "state": "active",
        "url": download or access,
        "url_type": "upload" if distribution.file else None,
    }
    if access:
        resource["access_url"] = access
    if download:
        resource["download_url"] = download
    return resource


def extras(dataset: Dataset) -> list[dict[str, str]]:
    """DCAT properties CKAN has no column for, under ckanext-dcat's keys (so `spatial_uri`: ckanext-spatial
    reads `spatial` as GeoJSON), sorted by key as CKAN sorts them; only those that are set."""
    values = {
        "access_rights": vocab.access_rights_iri(dataset.access_rights) if dataset.access_rights else "",
        "conforms_to": dataset.conforms_to,
        "frequency": vocab.frequency_iri(dataset.frequency) if dataset.frequency else "",
        "identifier": str(dataset.identifier),
        "issued": dataset.issued.isoformat() if dataset.issued else "",
        "modified": dataset.modified.isoformat() if dataset.modified else "",
        "spatial_uri": dataset.spatial,
        "temporal_end": dataset.temporal_end.isoformat() if dataset.temporal_end else "",
        "temporal_start": dataset.temporal_start.isoformat() if dataset.temporal_start else "",
    }
    return [{"key": key, "value": value} for key, value in sorted(values.items()) if value]


def package_dict(dataset: Dataset) -> dict[str, Any]:
    """A public dataset as CKAN's package_show gives it. Needs with_record()'s prefetching."""
    keywords, distributions = dataset.record_keywords, dataset.record_distributions
    return {
        "author": dataset.contact_name,
        "author_email": None,
        "creator_user_id": None,  # who typed it in is not published
        "id": str(dataset.identifier),
        **licence(dataset.licence),
        "maintainer": dataset.contact_name,
        "maintainer_email": dataset.contact_email,
        "metadata_created": timestamp(dataset.created_at),
        "metadata_modified": timestamp(dataset.updated_at),
        "name": dataset.name,
        "notes": dataset.description,
        "num_resources": len(distributions),
        "num_tags": len(keywords),
        "organization": organization_dict(dataset.publisher),
        "owner_org": organisation_id(dataset.publisher_id),
        "private": False,
        "state": "active",
        "title": dataset.title.strip(),
        "type": "dataset",
        "url": dataset.landing_page or None,
        "version": None,
        "extras": extras(dataset),
        "groups": [group_dict(theme.code) for theme in dataset.record_themes],
        "resources": [resource_dict(distribution, dataset) for distribution in distributions],
        "tags": [tag_dict(keyword) for keyword in keywords],
        "relationships_as_subject": [],
        "relationships_as_object": [],
    }


def group_show_dict(row: dict[str, Any], count: int | None, flags: dict[str, bool]) -> dict[str, Any]:
    """organization_show / group_show (and all_fields list items) for a row from organization_dict() or
    theme_row(): the row, CKAN's computed keys, and extras, tags, groups and users as the include_* flags ask
    (empty here: no extras or sub-groups, and members are not published)."""
    shown = {
        **{key: row[key] for key in ("approval_status", "created", "description")},
        "display_name": row["title"] or row["name"],
        "id": row["id"],
        "image_display_url": row["image_url"],
        **{key: row[key] for key in ("image_url", "is_organization", "name")},
        "num_followers": 0,
        "package_count": count,
        **{key: row[key] for key in ("state", "title", "type")},
    }
    if count is None:
        del shown["package_count"]
    for key in ("extras", "tags", "groups", "users"):
        if flags.get(f"include_{key}"):
            shown[key] = []
    return shown

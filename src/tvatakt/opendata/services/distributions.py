"""A dataset's distributions: links to the data, or files uploaded here. An upload is checked against the
format it claims before anything is saved."""

from pathlib import PurePath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.opendata import vocab
from tvatakt.opendata.models import Dataset, Distribution

FIELDS = (
    "title", "title_en", "description", "description_en", "access_url", "download_url", "format", "licence",
    "availability",
)  # fmt: skip
SNIFF = 4096
# The bytes a file of each format starts with (after any byte-order mark and white space, for the text formats).
BINARY_START = {"PDF": (b"%PDF-",), "XLSX": (b"PK\x03\x04",), "ZIP": (b"PK\x03\x04",), "SHP": (b"\x00\x00\x27\x0a",)}
TEXT_START = {
    "JSON": (b"{", b"["), "GEOJSON": (b"{",), "JSON_LD": (b"{", b"["), "XML": (b"<",), "RDF_XML": (b"<",),
    "HTML": (b"<",),
}  # fmt: skip


def max_upload() -> int:
    return getattr(settings, "OPENDATA_UPLOAD_MAX_BYTES", 100 * 1024 * 1024)


def _check_url(field: str, url: str) -> None:
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise DomainError({field: _("Give an address that starts with http:// or https://.")})


def content_matches(code: str, head: bytes) -> bool:
    """Do the file's first bytes look like the format it claims? Text formats must hold no NUL byte."""
    if code in BINARY_START:
        return head.startswith(BINARY_START[code])
    if b"\x00" in head:
        return False
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return not start or code not in TEXT_START or start.startswith(TEXT_START[code])


def _check_file(upload: UploadedFile, code: str) -> str:
    """The file's safe name, or a DomainError on the file field."""
    name = get_valid_filename(PurePath(upload.name or "data").name)[-150:]
    if not upload.size:
        raise DomainError({"file": _("The file is empty.")})
    if upload.size > max_upload():
        raise DomainError({"file": _("The file is larger than %(size)s.") % {"size": filesizeformat(max_upload())}})
    upload.seek(0)
    head = upload.read(SNIFF)
    upload.seek(0)
    if not content_matches(code, head):
        label = vocab.FILE_TYPE[code].label
        raise DomainError({"file": _("The file’s content is not %(format)s, the format chosen.") % {"format": label}})
    return name


def distribution_add(
    *,
    actor,
    dataset: Dataset,
    file: UploadedFile | None = None,
    byte_size: int | None = None,
    reason: str = "",
    **fields,
) -> Distribution:
    """A link to the data (whose size a harvest may know), or a file to serve from here. The file is checked, then
    written, then the row saved: if the row is refused, the file goes again."""
    require(actor, "opendata.publish", dataset)
    values = {key: (fields.get(key) or "") for key in FIELDS}
    if values["format"] not in vocab.FILE_TYPE:
        raise DomainError({"format": _("Choose a format.")})
    for field in ("access_url", "download_url"):
        _check_url(field, values[field])
    if file is None and not values["access_url"]:
        raise DomainError({"access_url": _("Give the address of the data, or upload a file.")})
    distribution = Distribution(dataset=dataset, **values)
    distribution.media_type = vocab.FILE_TYPE[values["format"]].media_type
    distribution.byte_size = byte_size
    if file is not None:
        name = _check_file(file, values["format"])
        distribution.byte_size = file.size
    try:
        distribution.full_clean(exclude=["dataset", "file"])
    except ValidationError as exc:
        raise DomainError(exc.message_dict) from exc
    if file is not None:
        distribution.file.save(name, file, save=False)
    try:
        with transaction.atomic():
            Dataset.objects.select_for_update().filter(pk=dataset.pk).exists()  # one position at a time
            last = dataset.distributions.aggregate(last=Max("position"))["last"]
            distribution.position = 0 if last is None else last + 1
            save_as(distribution, actor, reason=reason)
            touched(dataset.pk)
    except Exception:
        if distribution.file:
            distribution.file.delete(save=False)
        raise
    return distribution


def distribution_remove(*, actor, distribution: Distribution, reason: str) -> Dataset:
    """Take a distribution off a dataset, with the reason in its history. A published dataset keeps at least one."""
    require(actor, "opendata.publish", distribution.dataset)
    if not reason.strip():
        raise DomainError({"reason": _("Say why the distribution is removed.")})
    with transaction.atomic():
        dataset = Dataset.objects.select_for_update().get(pk=distribution.dataset_id)
        if dataset.is_public and dataset.distributions.count() <= 1:
            raise DomainError(_("A published dataset needs at least one distribution. Add another first."))
        distribution._change_reason = reason.strip()[:100]
        distribution._history_user = actor
        distribution.delete()
        touched(dataset.pk)
    return dataset


def touched(dataset_pk: int) -> None:
    """The dataset's metadata changed with its distributions (CKAN's metadata_modified, harvesters' cue)."""
    Dataset.objects.filter(pk=dataset_pk).update(updated_at=timezone.now())

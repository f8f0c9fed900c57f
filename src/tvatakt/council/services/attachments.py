"""Attachments to agenda items. They are part of the public record, so they are fixed with the minutes."""

from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.council.models import AgendaItem, Attachment, Meeting
from tvatakt.organisation.models import Person

MAX_SIZE = 20 * 1024 * 1024

# What a council paper may be, and the bytes each kind starts with. The first bytes are checked so that
# a program renamed to .pdf is refused; the office formats are zip files.
KINDS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (b"PK\x03\x04",)),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    ".odp": ("application/vnd.oasis.opendocument.presentation", (b"PK\x03\x04",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".csv": ("text/csv", ()),
    ".txt": ("text/plain", ()),
}


def _check_file(upload: UploadedFile) -> tuple[str, str]:
    """The safe file name and content type, or a DomainError on the file field."""
    name = get_valid_filename(PurePath(upload.name or "").name)[-150:] if upload.name else ""
    suffix = PurePath(name).suffix.lower()
    if suffix not in KINDS:
        allowed = ", ".join(sorted(k.lstrip(".").upper() for k in KINDS))
        raise DomainError(
            {"file": _("This kind of file cannot be attached. Use one of: %(kinds)s.") % {"kinds": allowed}}
        )
    if upload.size == 0:
        raise DomainError({"file": _("The file is empty.")})
    if upload.size > MAX_SIZE:
        raise DomainError({"file": _("The file is larger than %(mb)s MB.") % {"mb": MAX_SIZE // (1024 * 1024)}})
    content_type, signatures = KINDS[suffix]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if signatures and not head.startswith(signatures):
        raise DomainError({"file": _("The file’s content does not match its name (%(suffix)s).") % {"suffix": suffix}})
    if not signatures and b"\x00" in head:
        raise DomainError({"file": _("The file’s content does not match its name (%(suffix)s).") % {"suffix": suffix}})
    return name, content_type


def _fixed(meeting_pk: int, *, lock: bool = False) -> None:
    meetings = Meeting.objects.select_for_update() if lock else Meeting.objects
    if meetings.get(pk=meeting_pk).minutes_approved:
        raise DomainError(_("The minutes of this meeting are approved. Its papers can no longer change."))


def attachment_add(*, actor: Person | None, item: AgendaItem, title: str, file: UploadedFile) -> Attachment:
    require(actor, "council.manage")
    filename, content_type = _check_file(file)
    _fixed(item.meeting_id)
    attachment = Attachment(
        item=item, title=title.strip(), filename=filename, content_type=content_type, size=file.size, uploaded_by=actor
    )
    attachment.full_clean(exclude=["file"])
    # The file is written before the transaction, so a 20 MB write never holds the database's lock; if the
    # row is then refused, the file goes again: nothing half-saved.
    attachment.file.save(filename, file, save=False)
    try:
        with transaction.atomic():
            _fixed(item.meeting_id, lock=True)  # approved while the file was being written?
            save_as(attachment, actor)
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


def attachment_remove(*, actor: Person | None, attachment: Attachment) -> None:
    """Take a paper off a draft agenda (a wrong file, say); its history says who. Once the minutes are approved
    it stays."""
    require(actor, "council.manage")
    with transaction.atomic():
        _fixed(attachment.item.meeting_id, lock=True)
        stored = attachment.file.name
        attachment._history_user = actor
        attachment.delete()
        transaction.on_commit(lambda: attachment.file.storage.delete(stored))

"""Uploaded files checked by their content, not only by their name: a program renamed to .pdf is refused."""

from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError

# Suffix: (content type, the bytes a file of the kind starts with). The office formats are zip files; the text
# formats have no mark of their own, so for them a NUL byte (binary content) is what gives a wrong file away.
DOCUMENTS: dict[str, tuple[str, tuple[bytes, ...]]] = {
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


def checked(upload: UploadedFile, *, kinds: dict, max_size: int, field: str = "file") -> tuple[str, str]:
    """The safe file name and content type, or a DomainError on `field` saying what is wrong."""
    name = get_valid_filename(PurePath(upload.name or "").name)[-150:] if upload.name else ""
    suffix = PurePath(name).suffix.lower()
    if suffix not in kinds:
        allowed = ", ".join(sorted(k.lstrip(".").upper() for k in kinds))
        message = _("This kind of file cannot be attached. Use one of: %(kinds)s.") % {"kinds": allowed}
        raise DomainError({field: message})
    if upload.size == 0:
        raise DomainError({field: _("The file is empty.")})
    if upload.size > max_size:
        raise DomainError({field: _("The file is larger than %(mb)s MB.") % {"mb": max_size // (1024 * 1024)}})
    content_type, signatures = kinds[suffix]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if (signatures and not head.startswith(signatures)) or (not signatures and b"\x00" in head):
        raise DomainError({field: _("The file’s content does not match its name (%(suffix)s).") % {"suffix": suffix}})
    return name, content_type

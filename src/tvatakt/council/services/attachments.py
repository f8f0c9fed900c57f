"""Attachments to agenda items. They are part of the public record, so they are fixed with the minutes."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.core.uploads import DOCUMENTS, checked
from tvatakt.council.models import AgendaItem, Attachment, Meeting
from tvatakt.organisation.models import Person

MAX_SIZE = 20 * 1024 * 1024


def _check_file(upload: UploadedFile) -> tuple[str, str]:
    """The safe file name and content type, or a DomainError on the file field."""
    return checked(upload, kinds=DOCUMENTS, max_size=MAX_SIZE)


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

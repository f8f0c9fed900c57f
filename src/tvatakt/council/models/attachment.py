"""Attachments to agenda items: public records, like the agenda they belong to."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.models import TimeStampedModel


def _upload_to(instance: "Attachment", filename: str) -> str:
    # The stored name is ours, so an uploaded name can never choose where the file lands.
    suffix = PurePath(filename).suffix.lower()
    return f"council/attachments/{instance.item.meeting_id}/{instance.item_id}-{uuid.uuid4().hex[:12]}{suffix}"


class Attachment(TimeStampedModel):
    """A document that belongs to an agenda item: a background memo, a report, a presentation."""

    item = models.ForeignKey(
        "council.AgendaItem", verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=_upload_to, max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()  # who added or removed a paper of the public record, and when

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["item", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:attachment_download", kwargs={"pk": self.pk, "filename": self.filename})

    @property
    def extension(self) -> str:
        return PurePath(self.filename).suffix.lstrip(".").upper()

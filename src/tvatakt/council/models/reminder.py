"""Which deadline reminders have gone out, so that each is sent once however often the sweep runs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tvatakt.council.choices import ReminderKind


class Reminder(models.Model):
    """One reminder about one adoption: before the deadline, or after it was missed."""

    adoption = models.ForeignKey(
        "council.Adoption", verbose_name=_("adoption"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind.choices)
    sent_on = models.DateField(_("queued on"))
    emailed_at = models.DateTimeField(
        _("e-mailed"), null=True, blank=True, help_text=_("Empty until a task has claimed it to send.")
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["adoption", "kind"]
        constraints = [models.UniqueConstraint(fields=["adoption", "kind"], name="one_reminder_per_kind")]

    def __str__(self) -> str:
        return f"{self.adoption}: {self.get_kind_display()}"

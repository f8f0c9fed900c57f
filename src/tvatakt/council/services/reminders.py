"""Deadline reminders to ambassadors: which are due, recorded once each, and e-mailed in the background.

The windows, in whole days, with B = the council's `remind_days_before` and A = its `remind_days_after`:

- before: deadline - B <= today <= deadline. The deadline is the last day to act (an adoption is overdue from
  the day after, as in `Adoption.objects.overdue()`), so the deadline day itself still gets a "before" reminder.
  A sweep that missed days catches up while the window lasts, but never sends "before" once the deadline has
  passed. A decision recorded with less than B days left is reminded on the next sweep.
- after: today >= deadline + A. A missed sweep catches up on the next one, however late.

B or A set to 0 turns that reminder off. Implemented and exempted adoptions, and those of organisations that
are no longer active, get none. Each adoption gets at most one reminder of each kind, ever: the Reminder row
says it went, and its unique constraint holds that even against a bug.
"""

import datetime
import operator
from collections import defaultdict
from functools import reduce

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from tvatakt.council import tasks
from tvatakt.council.choices import DONE_STATES, ReminderKind
from tvatakt.council.models import Adoption, Council, Reminder


def _windows(councils: list[Council], today: datetime.date) -> dict[str, Q]:
    """Each kind's window as one condition over all councils. A kind that every council turned off is left out."""
    parts: dict[str, list[Q]] = {ReminderKind.BEFORE: [], ReminderKind.AFTER: []}
    for council in councils:
        of_council = Q(decision__item__meeting__council_id=council.pk)
        if council.remind_days_before:
            last = today + datetime.timedelta(days=council.remind_days_before)
            parts[ReminderKind.BEFORE].append(of_council & Q(decision__deadline__range=(today, last)))
        if council.remind_days_after:
            first_missed = today - datetime.timedelta(days=council.remind_days_after)
            parts[ReminderKind.AFTER].append(of_council & Q(decision__deadline__lte=first_missed))
    return {kind: reduce(operator.or_, conditions) for kind, conditions in parts.items() if conditions}


def reminders_send_due(*, today: datetime.date | None = None) -> int:
    """Record every reminder due `today` and queue one e-mail per organisation and kind. Returns how many
    reminders (adoptions) were recorded; 0 when a sweep already ran today.

    Reminders recorded earlier whose e-mail never went (the mail server failed) are queued again. The tasks are
    queued in the same transaction as the rows (the task queue is in the database), so a crash between the two
    cannot lose a reminder. Costs the same number of queries for 3 adoptions as for 3,000 (bar the insert's
    batches), and one queued task per organisation and kind."""
    today = today or timezone.localdate()
    recorded = 0
    with transaction.atomic():
        # Locking the councils makes a second sweep at the same time (a cron job and the worker) wait here,
        # then see the first one's reminders and record nothing twice. SQLite's BEGIN IMMEDIATE does the same.
        councils = list(Council.objects.select_for_update().order_by("pk"))
        new = []
        for kind, window in _windows(councils, today).items():
            reminded = Reminder.objects.filter(adoption_id=OuterRef("pk"), kind=kind)
            due = (
                Adoption.objects.filter(window, organisation__is_active=True)
                .exclude(state__in=DONE_STATES)
                .exclude(Exists(reminded))
                .values_list("pk", flat=True)
            )
            new += [Reminder(adoption_id=pk, kind=kind, sent_on=today) for pk in due]
        last = Reminder.objects.aggregate(last=Max("pk"))["last"] or 0
        Reminder.objects.bulk_create(new)
        recorded = len(new)
        # This sweep's new rows (numbered after `last`: the lock keeps other sweeps out), and earlier ones whose
        # e-mail failed. An earlier one still waiting in the queue may be queued a second time, at most once a
        # day; the task's claim makes that second run send nothing.
        unsent = Reminder.objects.filter(Q(pk__gt=last) | Q(sent_on__lt=today), emailed_at__isnull=True)
        unsent = unsent.order_by("adoption__organisation_id", "pk")
        batches: dict[tuple[int, str], list[int]] = defaultdict(list)
        for pk, organisation_pk, kind in unsent.values_list("pk", "adoption__organisation_id", "kind"):
            batches[organisation_pk, kind].append(pk)
        for (organisation_pk, kind), reminder_pks in batches.items():
            tasks.send_reminder.enqueue(organisation_pk=organisation_pk, kind=kind, reminder_pks=reminder_pks)
    return recorded

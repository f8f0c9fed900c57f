"""What the council holds about a person: votes, minutes they approved or checked, items and proposals they
raised, reports on adoption, files, and the cluster forum. The council's documents are public records: erasure
keeps every row, and the person row they point at is anonymised, so a vote keeps the office but not the name."""

from django.utils.translation import gettext_lazy as _

from tvatakt.core import subject
from tvatakt.council.models import (
    AdoptionStep,
    AgendaItem,
    Attachment,
    ClusterMeeting,
    Meeting,
    Post,
    Proposal,
    Thread,
    Vote,
)

KEPT = _("Kept, without your name: a public record. Your role at the time stays with it.")


def export(person) -> list[subject.Section]:
    meetings = (Meeting.objects.filter(approved_by_chair=person) | Meeting.objects.filter(adjuster=person)).distinct()
    proposals = (Proposal.objects.filter(raised_by=person) | Proposal.objects.filter(decided_by=person)).distinct()
    hidden = [*Thread.objects.filter(hidden_by=person), *Post.objects.filter(hidden_by=person).select_related("thread")]
    return [
        subject.section(
            "votes", _("Your votes"), Vote.objects.filter(member=person).select_related("decision"),
            [(_("decision"), lambda row: row.decision.reference),
             (_("decided on"), lambda row: row.decision.decided_on), (_("vote"), lambda row: row.get_choice_display())],
            on_erasure=KEPT,
        ),
        subject.section(
            "minutes", _("Minutes you approved as chair or checked"), meetings.select_related("council"),
            [(_("meeting"), str), (_("approved by you as chair"), lambda row: row.approved_by_chair_id == person.pk),
             (_("checked by you"), lambda row: row.adjuster_id == person.pk)],
            on_erasure=KEPT,
        ),
        subject.section(
            "agenda_items", _("Agenda items you raised"), AgendaItem.objects.filter(raised_by=person).select_related(
                "meeting__council"),
            [(_("meeting"), lambda row: str(row.meeting)), (_("item"), lambda row: row.display_title)],
            on_erasure=KEPT,
        ),
        subject.section(
            "attachments", _("Files you added"), Attachment.objects.filter(uploaded_by=person),
            [(_("title"), lambda row: row.title), (_("file name"), lambda row: row.filename),
             (_("added"), lambda row: row.created_at)],
            on_erasure=KEPT,
        ),
        subject.section(
            "adoption_reports", _("Your reports on how decisions are carried out"),
            AdoptionStep.objects.filter(reported_by=person).select_related("adoption__decision",
                                                                           "adoption__organisation"),
            [(_("decision"), lambda row: row.adoption.decision.reference),
             (_("organisation"), lambda row: str(row.adoption.organisation)), (_("date"), lambda row: row.date),
             (_("state"), lambda row: row.get_state_display()), (_("comment"), lambda row: row.comment)],
            on_erasure=KEPT,
        ),
        subject.section(
            "proposals", _("Proposals you raised or decided on"), proposals,
            [(_("title"), lambda row: row.display_title), (_("state"), lambda row: row.get_state_display()),
             (_("raised by you"), lambda row: row.raised_by_id == person.pk),
             (_("decided by you"), lambda row: row.decided_by_id == person.pk)],
            on_erasure=KEPT,
        ),
        subject.section(
            "cluster_meetings", _("Cluster meetings you planned"),
            ClusterMeeting.objects.filter(created_by=person).select_related("cluster"),
            [(_("meeting"), str), (_("place"), lambda row: row.place)],
            on_erasure=KEPT,
        ),
        subject.section(
            "threads", _("Forum threads you started"), Thread.objects.filter(created_by=person),
            [(_("title"), lambda row: row.title), (_("started"), lambda row: row.created_at)],
            on_erasure=KEPT,
        ),
        subject.section(
            "posts", _("Your forum posts"), Post.objects.filter(author=person).select_related("thread"),
            [(_("thread"), lambda row: row.thread.title), (_("written"), lambda row: row.created_at),
             (_("text"), lambda row: row.body)],
            on_erasure=KEPT,
        ),
        subject.section(
            "moderation", _("Forum threads and posts you hid"), hidden,
            [(_("thread"), lambda row: getattr(row, "thread", row).title), (_("hidden"), lambda row: row.hidden_at),
             (_("reason for hiding"), lambda row: row.hidden_reason)],
            on_erasure=KEPT,
        ),
    ]  # fmt: skip


def erase(person, *, reason: str) -> dict[str, int]:
    # Nothing is deleted: the council's votes, minutes and reports are public records (offentlighetsprincipen).
    return {
        "votes_kept": Vote.objects.filter(member=person).count(),
        "adoption_reports_kept": AdoptionStep.objects.filter(reported_by=person).count(),
        "posts_kept": Post.objects.filter(author=person).count(),
    }


subject.register(
    subject.Part(
        key="council", area=_("The digitalisation council"), order=20, export=export, erase=erase,
        covers=("council.Vote.member", "council.Meeting.approved_by_chair", "council.Meeting.adjuster",
                "council.AgendaItem.raised_by", "council.Attachment.uploaded_by", "council.AdoptionStep.reported_by",
                "council.Proposal.raised_by", "council.Proposal.decided_by", "council.ClusterMeeting.created_by",
                "council.Thread.created_by", "council.Thread.hidden_by", "council.Post.author",
                "council.Post.hidden_by"),
    )
)  # fmt: skip

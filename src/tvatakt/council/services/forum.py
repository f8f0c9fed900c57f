"""The cluster forum: threads and replies, the convener's moderation and meetings, and the cluster's proposals,
which the council's secretary puts on a meeting's agenda or declines."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.council.choices import MeetingStatus, ProposalState
from tvatakt.council.models import ClusterMeeting, Meeting, Post, Proposal, Thread
from tvatakt.council.models.forum import REASON_MAX
from tvatakt.council.services.meetings import agenda_item_add
from tvatakt.organisation.models import Cluster, Person


def _required(**texts: str) -> dict[str, str]:
    """The texts without surrounding white space; a text that is only white space is refused next to its field."""
    messages = {
        "title": _("Give it a title."),
        "body": _("Write something first."),
        "background": _("Say what the council should take up, and why."),
        "reason": _("Give the reason. Everyone who can see it will read it."),
    }
    cleaned = {field: text.strip() for field, text in texts.items()}
    empty = {field: messages[field] for field, text in cleaned.items() if not text}
    if empty:
        raise DomainError(empty)
    return cleaned


def _reason(reason: str) -> str:
    reason = _required(reason=reason)["reason"]
    if len(reason) > REASON_MAX:
        raise DomainError({"reason": _("Keep the reason to %(max)s characters.") % {"max": REASON_MAX}})
    return reason


def thread_start(*, actor: Person, cluster: Cluster, title: str, body: str) -> Thread:
    """Start a discussion among the cluster's members, with its first post."""
    require(actor, "council.post_in_forum", cluster)
    texts = _required(title=title, body=body)
    thread = Thread(cluster=cluster, title=texts["title"], created_by=actor, last_activity=timezone.now())
    post = Post(thread=thread, author=actor, body=texts["body"])
    errors = {}
    for obj, exclude in ((thread, []), (post, ["thread"])):  # the post's thread is saved just below
        try:
            obj.full_clean(exclude=exclude)
        except ValidationError as exc:
            errors |= exc.message_dict
    if errors:
        raise DomainError(errors)
    with transaction.atomic():
        thread.save()
        post.thread = thread
        post.save()
    return thread


def post_reply(*, actor: Person, thread: Thread, body: str) -> Post:
    """Reply in a thread. A thread the convener has hidden takes no more replies."""
    require(actor, "council.post_in_forum", thread.cluster)
    text = _required(body=body)["body"]
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        if thread.is_hidden:
            raise DomainError(_("The convener has hidden this thread. It takes no more replies."))
        post = Post(thread=thread, author=actor, body=text)
        post.full_clean()
        post.save()
        thread.last_activity = post.created_at
        thread.save(update_fields=["last_activity", "updated_at"])
    return post


def _hide(obj: Thread | Post, actor: Person, reason: str) -> None:
    if obj.is_hidden:
        raise DomainError(
            _("%(name)s has already hidden it: “%(reason)s”.")
            % {"name": obj.hidden_by.display_name, "reason": obj.hidden_reason}
        )
    obj.hidden_at, obj.hidden_by, obj.hidden_reason = timezone.now(), actor, reason
    obj.full_clean()
    obj.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])


def post_hide(*, actor: Person, post: Post, reason: str) -> Post:
    """The convener hides a post. Its text is kept; everyone sees the reason in its place."""
    require(actor, "council.moderate_forum", post.thread.cluster)
    reason = _reason(reason)
    with transaction.atomic():
        post = Post.objects.select_for_update(of=("self",)).select_related("thread", "hidden_by").get(pk=post.pk)
        _hide(post, actor, reason)
    return post


def thread_hide(*, actor: Person, thread: Thread, reason: str) -> Thread:
    """The convener hides a whole thread: the reason shows instead of its title and posts, and it is closed."""
    require(actor, "council.moderate_forum", thread.cluster)
    reason = _reason(reason)
    with transaction.atomic():
        thread = Thread.objects.select_for_update(of=("self",)).select_related("hidden_by").get(pk=thread.pk)
        _hide(thread, actor, reason)
    return thread


def cluster_meeting_schedule(
    *,
    actor: Person,
    cluster: Cluster,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place: str,
    agenda: str = "",
) -> ClusterMeeting:
    require(actor, "council.schedule_cluster_meeting", cluster)
    meeting = ClusterMeeting(
        cluster=cluster, starts_at=starts_at, ends_at=ends_at, place=place.strip(), agenda=agenda.strip(),
        created_by=actor,
    )  # fmt: skip
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
    return meeting


def proposal_raise(
    *, actor: Person, cluster: Cluster, title: str, background: str, title_en: str = "", background_en: str = ""
) -> Proposal:
    """The convener raises a question to the council. It waits for the secretary to schedule or decline it."""
    require(actor, "council.raise_proposal", cluster)
    texts = _required(title=title, background=background)
    proposal = Proposal(
        cluster=cluster, title=texts["title"], title_en=title_en.strip(), background=texts["background"],
        background_en=background_en.strip(), raised_by=actor,
    )  # fmt: skip
    proposal.full_clean()
    with transaction.atomic():
        save_as(proposal, actor)
    return proposal


def _waiting(proposal: Proposal) -> Proposal:
    """The proposal, locked, if it still waits. If another secretary got there first, say who and what."""
    locked = Proposal.objects.select_for_update(of=("self",)).select_related("decided_by").get(pk=proposal.pk)
    if locked.state != ProposalState.SUBMITTED:
        raise DomainError(
            _("%(name)s has already dealt with this proposal: it is now “%(state)s”. Nothing of yours was saved.")
            % {"name": locked.decided_by.display_name, "state": locked.get_state_display()}
        )
    return locked


def proposal_schedule(*, actor: Person, proposal: Proposal, meeting: Meeting, kind: str) -> Proposal:
    """The secretary puts the proposal on a planned council meeting's agenda, raised by the one who proposed it."""
    require(actor, "council.manage")
    with transaction.atomic():
        proposal = _waiting(proposal)
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.status != MeetingStatus.PLANNED:
            raise DomainError({"meeting": _("Choose a meeting that has not been held yet.")})
        item = agenda_item_add(
            actor=actor, meeting=meeting, kind=kind, title=proposal.title, title_en=proposal.title_en,
            background=proposal.background, background_en=proposal.background_en, raised_by=proposal.raised_by,
        )  # fmt: skip
        proposal.state, proposal.agenda_item = ProposalState.SCHEDULED, item
        proposal.decided_by, proposal.decided_at = actor, timezone.now()
        proposal.full_clean()
        save_as(proposal, actor, reason=str(meeting))
    return proposal


def proposal_decline(*, actor: Person, proposal: Proposal, reason: str) -> Proposal:
    """The secretary declines the proposal, with a reason the cluster (and the public) can read."""
    require(actor, "council.manage")
    reason = _required(reason=reason)["reason"]
    with transaction.atomic():
        proposal = _waiting(proposal)
        proposal.state, proposal.decline_reason = ProposalState.DECLINED, reason
        proposal.decided_by, proposal.decided_at = actor, timezone.now()
        proposal.full_clean()
        save_as(proposal, actor, reason=reason)
    return proposal

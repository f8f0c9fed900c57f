"""The cluster forum: a cluster's public page of meetings and proposals, its members' threads, the convener's
tools, and the secretary's list of proposals to put on an agenda or decline. Every form calls a service."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.cache import public_page
from tvatakt.core.forms import call_service, render_form_page
from tvatakt.core.permissions import require
from tvatakt.council import calendar, selectors
from tvatakt.council.forms import (
    ClusterMeetingForm,
    HideForm,
    ProposalDeclineForm,
    ProposalForm,
    ProposalScheduleForm,
    ReplyForm,
    ThreadForm,
)
from tvatakt.council.models import ClusterMeeting, Post, Proposal, Thread
from tvatakt.council.services import forum as services
from tvatakt.organisation.models import Cluster

THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 50
PROPOSALS_PER_PAGE = 20
FORUM_PERMS = ("read_forum", "post_in_forum", "moderate_forum", "schedule_cluster_meeting", "raise_proposal")


def _cluster(slug: str) -> Cluster:
    try:
        return selectors.forum_cluster(slug=slug)
    except Cluster.DoesNotExist as exc:
        raise Http404 from exc


def _may(user, cluster: Cluster) -> dict[str, bool]:
    if not user.is_authenticated:
        return {}
    return {name: user.has_perm(f"council.{name}", cluster) for name in FORUM_PERMS}


def _home(cluster: Cluster, anchor: str = "") -> str:
    return reverse("council:forum_home", kwargs={"slug": cluster.slug}) + anchor


@public_page
def forum_home(request, slug: str):
    cluster = _cluster(slug)
    may = _may(request.user, cluster)
    threads = None
    if may.get("read_forum"):
        threads = selectors.forum_threads(cluster=cluster)
        threads = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "cluster": cluster,
        "may": may,
        "upcoming": selectors.cluster_meetings(cluster=cluster, upcoming=True)[:10],
        "past": selectors.cluster_meetings(cluster=cluster, upcoming=False)[:10],
        "proposals": selectors.proposals(cluster=cluster.slug)[:20],
        "page": threads,
    }
    return render(request, "council/forum_home.html", context)


@public_page
def cluster_meetings_ics(request, slug: str):
    cluster = _cluster(slug)
    meetings = ClusterMeeting.objects.filter(cluster=cluster).order_by("starts_at")
    url = request.build_absolute_uri(reverse("council:forum_home", kwargs={"slug": slug}))
    response = HttpResponse(calendar.cluster_meetings_feed(cluster, meetings, url), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{slug}.ics"'
    return response


def _thread(cluster: Cluster, pk: int) -> Thread:
    try:
        return selectors.forum_thread(cluster=cluster, pk=pk)
    except Thread.DoesNotExist as exc:
        raise Http404 from exc


@login_required
def thread_detail(request, slug: str, pk: int):
    """A thread's posts, and at the end the form to reply."""
    cluster = _cluster(slug)
    require(request.user, "council.read_forum", cluster)
    thread = _thread(cluster, pk)
    form = ReplyForm(request.POST or None)
    posts = Paginator(selectors.thread_posts(thread=thread), POSTS_PER_PAGE)
    if request.method == "POST" and form.is_valid():
        post = call_service(form, services.post_reply, actor=request.user, thread=thread, **form.cleaned_data)
        if post:
            messages.success(request, _("Your reply was posted."))
            last = posts.num_pages  # counted after the reply, so it is the page the reply is on
            return redirect(f"{thread.get_absolute_url()}{f'?page={last}' if last > 1 else ''}#post-{post.pk}")
    number = request.GET.get("page") if request.method == "GET" else posts.num_pages
    context = {"cluster": cluster, "thread": thread, "page": posts.get_page(number), "form": form}
    context["may"] = _may(request.user, cluster)
    return render(request, "council/forum_thread.html", context, status=422 if form.errors else 200)


@login_required
def thread_create(request, slug: str):
    cluster = _cluster(slug)
    require(request.user, "council.post_in_forum", cluster)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        thread = call_service(form, services.thread_start, actor=request.user, cluster=cluster, **form.cleaned_data)
        if thread:
            messages.success(request, _("Your thread was started."))
            return redirect(thread)
    title = _("Start a thread in %(cluster)s") % {"cluster": cluster}
    intro = _("Only the cluster’s members can read it: the people who work in its organisations.")
    return render_form_page(request, form, title=title, intro=intro, cancel_url=_home(cluster), submit=_("Post"))


@login_required
def post_hide(request, slug: str, pk: int):
    cluster = _cluster(slug)
    require(request.user, "council.moderate_forum", cluster)
    post = get_object_or_404(Post.objects.select_related("thread__cluster", "author"), pk=pk, thread__cluster=cluster)
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.post_hide, actor=request.user, post=post, **form.cleaned_data):
            messages.success(request, _("The post is hidden. Everyone sees your reason instead of its text."))
            return redirect(f"{post.thread.get_absolute_url()}#post-{post.pk}")
    intro = _("The post by %(name)s: “%(start)s” The text is kept, but everyone sees your reason instead.") % {
        "name": post.author.display_name,
        "start": Truncator(post.body).chars(200),
    }
    return render_form_page(
        request, form, title=_("Hide a post"), intro=intro, cancel_url=post.thread.get_absolute_url(),
        submit=_("Hide the post"),
    )  # fmt: skip


@login_required
def thread_hide(request, slug: str, pk: int):
    cluster = _cluster(slug)
    require(request.user, "council.moderate_forum", cluster)
    thread = _thread(cluster, pk)
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.thread_hide, actor=request.user, thread=thread, **form.cleaned_data):
            messages.success(request, _("The thread is hidden and closed. Everyone sees your reason instead."))
            return redirect(_home(cluster, "#threads"))
    intro = _("The thread “%(title)s”. Its posts are kept, but everyone sees your reason instead.") % {
        "title": thread.title
    }
    return render_form_page(
        request, form, title=_("Hide a thread"), intro=intro, cancel_url=thread.get_absolute_url(),
        submit=_("Hide the thread"),
    )  # fmt: skip


@login_required
def cluster_meeting_create(request, slug: str):
    cluster = _cluster(slug)
    require(request.user, "council.schedule_cluster_meeting", cluster)
    form = ClusterMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(
            form, services.cluster_meeting_schedule, actor=request.user, cluster=cluster, **form.cleaned_data
        ):
            messages.success(request, _("The meeting was scheduled."))
            return redirect(_home(cluster, "#meetings"))
    title = _("Schedule a meeting of %(cluster)s") % {"cluster": cluster}
    return render_form_page(request, form, title=title, cancel_url=_home(cluster), submit=_("Schedule"))


@login_required
def proposal_create(request, slug: str):
    cluster = _cluster(slug)
    require(request.user, "council.raise_proposal", cluster)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = call_service(form, services.proposal_raise, actor=request.user, cluster=cluster, **form.cleaned_data)
        if proposal:
            messages.success(request, _("The proposal was sent to the council’s secretary."))
            return redirect(proposal)
    title = _("Raise a proposal to the council from %(cluster)s") % {"cluster": cluster}
    intro = _("The council’s secretary puts it on a meeting’s agenda, or declines it with a reason.")
    return render_form_page(request, form, title=title, intro=intro, cancel_url=_home(cluster), submit=_("Send"))


def _proposal_page(request, bound=None):
    """The secretary's list. `bound`: the form just sent, shown with its errors where it was filled in."""
    meetings = list(selectors.planned_meetings())
    page = Paginator(selectors.proposals_waiting(), PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    sent = {bound.prefix: bound} if bound else {}

    def form(make, prefix: str):
        return sent.pop(prefix) if prefix in sent else make(prefix=prefix)

    rows = [
        (
            proposal,
            form(functools.partial(ProposalScheduleForm, meetings=meetings), f"s{proposal.pk}"),
            form(ProposalDeclineForm, f"d{proposal.pk}"),
        )
        for proposal in page
    ]
    for left in sent.values():  # its proposal left the list: someone else dealt with it meanwhile
        for error in left.non_field_errors():
            messages.error(request, error)
    context = {"rows": rows, "page": page, "meetings": meetings, "decided": selectors.proposals_decided()[:20]}
    return render(request, "council/proposal_list.html", context, status=422 if bound else 200)


@login_required
def proposal_list(request):
    require(request.user, "council.manage")
    return _proposal_page(request)


@login_required
@require_POST
def proposal_schedule(request, pk: int):
    require(request.user, "council.manage")
    proposal = get_object_or_404(Proposal, pk=pk)
    form = ProposalScheduleForm(request.POST, meetings=selectors.planned_meetings(), prefix=f"s{pk}")
    if form.is_valid():
        scheduled = call_service(
            form, services.proposal_schedule, actor=request.user, proposal=proposal, **form.cleaned_data
        )
        if scheduled:
            messages.success(
                request,
                _("“%(title)s” is on the agenda: %(meeting)s.")
                % {"title": scheduled, "meeting": scheduled.agenda_item.meeting},
            )
            return redirect("council:proposal_list")
    return _proposal_page(request, bound=form)


@login_required
@require_POST
def proposal_decline(request, pk: int):
    require(request.user, "council.manage")
    proposal = get_object_or_404(Proposal, pk=pk)
    form = ProposalDeclineForm(request.POST, prefix=f"d{pk}")
    if form.is_valid():
        if call_service(form, services.proposal_decline, actor=request.user, proposal=proposal, **form.cleaned_data):
            messages.success(request, _("“%(title)s” was declined.") % {"title": proposal})
            return redirect("council:proposal_list")
    return _proposal_page(request, bound=form)

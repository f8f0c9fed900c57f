"""The public pages of the consultations: the list, a consultation with its ideas, giving an idea (with an account,
without one by an e-mailed link, or at a help desk for someone else), an idea's page with what became of it, its
support, comments and reports, and the statistics. Every write goes through a service; no page needs JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.cache import public_page
from tvatakt.core.charts import bar_chart
from tvatakt.core.errors import DomainError
from tvatakt.core.forms import call_service
from tvatakt.core.ratelimit import limit
from tvatakt.innovation import organising_selectors, selectors, services, tokens
from tvatakt.innovation.choices import PHASE_ORDER, IdeaState
from tvatakt.innovation.forms import CommentForm, IdeaFilterForm, IdeaForm, OnBehalfForm, ReportForm

PER_PAGE = 20


def _consultation(slug: str):
    consultation = selectors.consultation_page(slug)
    if consultation is None:
        raise Http404
    return consultation


def _idea(request, slug: str, pk: int):
    idea = selectors.idea_page(slug, pk)
    if idea is None or not selectors.may_see(idea, request.user):
        raise Http404
    return idea


# The list, a consultation and its statistics are the same for every anonymous visitor: cached until the content
# changes (core.apps watches this app).
@public_page
def consultation_list(request):
    page = Paginator(selectors.consultation_list(), PER_PAGE).get_page(request.GET.get("page"))
    # Only a signed-in person may organise, and their pages are never cached: the link stays out of the shared cache.
    context = {"page": page, "organises": organising_selectors.may_organise(request.user)}
    return render(request, "innovation/consultation_list.html", context)


@public_page
def consultation_detail(request, slug: str):
    consultation = _consultation(slug)
    form = IdeaFilterForm(request.GET or None)
    page = Paginator(selectors.idea_list(consultation, form.filters()), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "consultation": consultation, "form": form, "page": page, "phases": PHASE_ORDER,
        "choosing": any(value for key, value in request.GET.items() if key != "page"),
        "runs": request.user.has_perm("innovation.run", consultation),
        "helps": request.user.has_perm("innovation.enter_on_behalf"),
    }  # fmt: skip
    return render(request, "innovation/consultation_detail.html", context)


def _idea_fields(data: dict) -> dict:
    keys = ("title", "body", "kind", "age_group", "district", "name", "email")
    return {key: data[key] for key in keys if key in data}


def _idea_form_page(request, consultation, form, *, title: str, intro: str, on_behalf: bool = False):
    context = {"consultation": consultation, "form": form, "title": title, "intro": intro, "on_behalf": on_behalf}
    return render(request, "innovation/idea_form.html", context, status=422 if form.errors else 200)


@limit("idea")
def idea_create(request, slug: str):
    consultation = _consultation(slug)
    if request.method == "POST" and request.POST.get("website"):  # the honeypot: a robot, told what a person is
        return render(request, "innovation/check_email.html", {"consultation": consultation})
    signed_in = request.user.is_authenticated
    form = IdeaForm(request.POST or None, signed_in=signed_in)
    if request.method == "POST" and form.is_valid():
        idea = call_service(form, services.submit_idea, consultation=consultation, actor=request.user,
                            **_idea_fields(form.cleaned_data))  # fmt: skip
        if idea is not None and idea.state == IdeaState.PUBLISHED:
            messages.success(request, _("Thank you! Your idea is published."))
            return redirect(idea)
        if idea is not None:
            return render(request, "innovation/check_email.html", {"consultation": consultation})
    intro = "" if signed_in else _("You need no account. We send you an e-mail with a link, and your idea is "
                                   "published when you follow it.")  # fmt: skip
    return _idea_form_page(request, consultation, form, title=_("Give an idea"), intro=intro)


@login_required
def idea_on_behalf(request, slug: str):
    consultation = _consultation(slug)
    if not request.user.has_perm("innovation.enter_on_behalf"):
        raise PermissionDenied
    form = OnBehalfForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        idea = call_service(form, services.submit_idea, consultation=consultation, actor=request.user,
                            on_behalf=True, **_idea_fields(form.cleaned_data))  # fmt: skip
        if idea is not None:
            messages.success(request, _("The idea is published. Its page says that you entered it for them."))
            return redirect(idea)
    intro = _("For staff at a help desk or a library: write down the idea of someone who is not online, in "
              "their words. The idea is published at once, and its page says that you entered it on their "
              "behalf.")  # fmt: skip
    return _idea_form_page(request, consultation, form, title=_("Enter an idea for someone else"), intro=intro,
                           on_behalf=True)  # fmt: skip


def confirm(request, token: str):
    """The link in the e-mail opens a page with a button that publishes the idea (pressing it again changes
    nothing). Opening the link alone publishes nothing: mail filters open links to check them."""
    try:
        idea = tokens.read(token)
        if request.method == "POST":
            idea = services.confirm_idea(idea=idea)
    except DomainError as exc:
        return render(request, "innovation/bad_link.html", {"message": exc.messages[0]}, status=400)
    context = {"idea": idea, "consultation": idea.consultation, "token": token}
    return render(request, "innovation/confirmed.html", context)


def _idea_page(request, idea, comment_form: CommentForm, status: int = 200):
    consultation = idea.consultation
    initiative = idea.initiative
    context = {
        "idea": idea, "consultation": consultation, "comment_form": comment_form,
        "comments": idea.comments.all(), "supported": selectors.supports(idea, request.user),
        "open": idea.state == IdeaState.PUBLISHED, "runs": request.user.has_perm("innovation.run", consultation),
        "initiative": initiative if initiative is not None and not initiative.is_confidential else None,
    }  # fmt: skip
    return render(request, "innovation/idea_detail.html", context, status=status)


# An anonymous visitor's page is the same for all (no form to post: reports are on their own page), so it is cached.
# A hidden idea is a 404 for them, and only a 200 is cached.
@public_page
def idea_detail(request, slug: str, pk: int):
    return _idea_page(request, _idea(request, slug, pk), CommentForm())


@limit("support")
@require_POST
def idea_support(request, slug: str, pk: int):
    """Support, or take the support back. The button says which; a second support is refused with a message."""
    idea = _idea(request, slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(idea.get_absolute_url())
    action = request.POST.get("action")
    if action not in ("support", "withdraw"):
        action = "withdraw" if selectors.supports(idea, request.user) else "support"
    try:
        if action == "support":
            services.support(idea=idea, actor=request.user)
            messages.success(request, _("Thank you: you support this idea."))
        else:
            services.withdraw_support(idea=idea, actor=request.user)
            messages.success(request, _("You no longer support this idea."))
    except DomainError as exc:
        messages.error(request, exc.messages[0])
    return redirect(idea.get_absolute_url() + "#support")


@limit("comment")
@require_POST
def idea_comment(request, slug: str, pk: int):
    idea = _idea(request, slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(idea.get_absolute_url())
    form = CommentForm(request.POST)
    if form.is_valid():
        done = call_service(form, services.comment, idea=idea, actor=request.user, body=form.cleaned_data["body"])
        if done is not None:
            messages.success(request, _("Your comment is published."))
            return redirect(idea.get_absolute_url() + "#comments")
    return _idea_page(request, idea, form, status=422)


@limit("report")
def idea_report(request, slug: str, pk: int):
    """Ask moderation to look at the idea, or at one of its comments (?comment=<id>). Anyone may, without an
    account."""
    idea = _idea(request, slug, pk)
    comment = None
    if "comment" in request.GET:
        comment = next((c for c in idea.comments.all() if str(c.pk) == request.GET["comment"]), None)
        if comment is None or comment.hidden_reason:
            raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        thanks = _("Thank you. Moderation will look at it.")
        if request.POST.get("website"):  # the honeypot: thanked as a person would be, and nothing saved
            messages.success(request, thanks)
            return redirect(idea)
        if form.is_valid() and call_service(form, services.report, idea=idea, actor=request.user, comment=comment,
                                            reason=form.cleaned_data["reason"]):  # fmt: skip
            messages.success(request, thanks)
            return redirect(idea)
    context = {"idea": idea, "consultation": idea.consultation, "comment": comment, "form": form}
    return render(request, "innovation/report_form.html", context, status=422 if form.errors else 200)


@public_page
def statistics(request, slug: str):
    consultation = _consultation(slug)
    figures = selectors.statistics(consultation)

    def chart(title: str, rows: list[tuple[str, int]], series: str, category: str, html_id: str):
        return bar_chart(title=title, categories=[label for label, _n in rows], category_label=category,
                         series=[(series, [n for _label, n in rows])], html_id=html_id)  # fmt: skip

    people, ideas = _("People"), _("Ideas")
    charts = [
        chart(_("Who gave ideas"), figures.by_kind, people, _("Who they are"), "stats-kind"),
        chart(_("Who gave ideas, by age"), figures.by_age, people, _("Age group"), "stats-age"),
        chart(_("Who gave ideas, by district"), figures.by_district, people, _("District"), "stats-district"),
        chart(_("What became of the ideas"), figures.by_outcome, ideas, _("Answer"), "stats-outcome"),
    ]
    context = {"consultation": consultation, "figures": figures, "charts": charts}
    return render(request, "innovation/statistics.html", context)

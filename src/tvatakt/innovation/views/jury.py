"""The jury's pages: the submissions to score (after the deadline) and the conflicts of interest, scoring one
submission by the rubric, and, for those who run the hackathon, the live ranking, publishing the results with the
jury's motivations, and making a winner an initiative. Every change goes through a service; no page needs
JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.forms import add_errors, button_action, call_service
from tvatakt.core.permissions import require
from tvatakt.innovation import jury_selectors as selectors
from tvatakt.innovation import services
from tvatakt.innovation.forms_jury import ConflictForm, InitiativeForm, PublishForm, ScoreForm
from tvatakt.innovation.models import Team
from tvatakt.innovation.services.judging import PLACES


def _hackathon(slug: str):
    hackathon = selectors.hackathon_for_jury(slug)
    if hackathon is None:
        raise Http404
    return hackathon


def _posted(request):
    """The form's data on a POST, even an empty one (which then fails as such), else None for a fresh form."""
    return request.POST if request.method == "POST" else None


def _seat(request, hackathon):
    """The user's seat on the jury (or None) and whether they run the hackathon. Someone with neither: a 403."""
    juror = selectors.juror_of(hackathon, request.user)
    runs = request.user.has_perm("innovation.run", hackathon)
    if juror is None and not runs:
        raise PermissionDenied
    return juror, runs


def _progress(given: int, criteria: int) -> str:
    """How far the juror has come with a submission: "done", "partly" (the rubric grew since), or "not"."""
    if criteria and given >= criteria:
        return "done"
    return "partly" if given else "not"


def _conflict_form(team) -> ConflictForm:
    return ConflictForm(team=team, auto_id=f"conflict-{team.pk}-%s")  # one per team on the page: ids of its own


@login_required
def jury_home(request, slug: str):
    hackathon = _hackathon(slug)
    juror, runs = _seat(request, hackathon)
    opened = timezone.now() >= hackathon.submission_closes
    handed_in = selectors.jury_submissions(hackathon, juror) if opened else []
    conflicts = selectors.conflicts_of(juror)
    criteria = len(hackathon.criteria.all())
    to_score = [
        (submission, _progress(submission.my_scores, criteria), _conflict_form(submission.team))
        for submission in handed_in
        if submission.team_id not in conflicts
    ]
    standings = selectors.standing_rows(services.ranking(hackathon)) if runs and opened else []
    context = {
        "hackathon": hackathon, "juror": juror, "runs": runs, "opened": opened, "judging": hackathon.judging_open(),
        "to_score": to_score, "places": PLACES, "standings": standings,
        "conflicted": [(s, conflicts[s.team_id]) for s in handed_in if s.team_id in conflicts],
    }  # fmt: skip
    return render(request, "innovation/jury.html", context)


@login_required
def score_submission(request, slug: str, pk: int):
    hackathon = _hackathon(slug)
    juror, _runs = _seat(request, hackathon)
    if timezone.now() < hackathon.submission_closes:  # a team may still change it
        raise Http404
    submission = selectors.submission_for_jury(hackathon, pk)
    if submission is None:
        raise Http404
    criteria = hackathon.criteria.all()
    initial = ScoreForm.initial_from(selectors.scores_given(juror, submission))
    form = ScoreForm(_posted(request), initial=initial, criteria=criteria)
    if request.method == "POST":
        if juror is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.score(actor=request.user, submission=submission, values=form.values(),
                               comments=form.comments())  # fmt: skip
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Your scores for “%(title)s” are saved.") % {"title": submission.title})
                return redirect("innovation:jury", slug=hackathon.slug)
    context = {
        "hackathon": hackathon, "submission": submission, "form": form, "juror": juror,
        "conflict": selectors.conflicts_of(juror).get(submission.team_id), "judging": hackathon.judging_open(),
    }  # fmt: skip
    return render(request, "innovation/jury_score.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def declare_conflict(request, slug: str, team: int):
    hackathon = _hackathon(slug)
    team = get_object_or_404(Team.objects.select_related("hackathon"), hackathon=hackathon, pk=team)
    if selectors.juror_of(hackathon, request.user) is None:
        raise PermissionDenied
    back = reverse("innovation:jury", kwargs={"slug": hackathon.slug})
    form = ConflictForm(request.POST)
    if not form.is_valid():
        for message in form.errors["reason"]:
            messages.error(request, message)
        return redirect(back)
    done = _("You do not score the team %(team)s. Scores you gave it are taken away.") % {"team": team.name}
    return button_action(request, services.declare_conflict, done, back, team=team, reason=form.cleaned_data["reason"])


@login_required
def publish(request, slug: str):
    hackathon = _hackathon(slug)
    require(request.user, "innovation.run", hackathon)
    published = hackathon.results_published_at is not None
    opened = timezone.now() >= hackathon.submission_closes
    standings = selectors.standing_rows(services.ranking(hackathon)) if opened else []
    form = PublishForm(_posted(request), places=standings[:PLACES])
    if request.method == "POST" and not published and form.is_valid():
        if call_service(form, services.publish_results, actor=request.user, hackathon=hackathon,
                        motivations=form.motivations()) is not None:  # fmt: skip
            messages.success(request, _("The results are published."))
            return redirect(hackathon.get_absolute_url())
    context = {
        "hackathon": hackathon, "form": form, "standings": standings, "published": published, "opened": opened,
        "places": PLACES,
    }  # fmt: skip
    return render(request, "innovation/jury_publish.html", context, status=422 if form.errors else 200)


@login_required
def make_initiative(request, slug: str, pk: int):
    hackathon = _hackathon(slug)
    require(request.user, "innovation.run", hackathon)
    submission = selectors.submission_to_promote(hackathon, pk)
    if submission is None:
        raise Http404
    form = InitiativeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        initiative = call_service(form, services.make_initiative, actor=request.user, submission=submission,
                                  **form.cleaned_data)  # fmt: skip
        if initiative is not None:
            messages.success(request, _("“%(title)s” is now a sprint initiative in the portfolio.") % {
                "title": initiative.title})  # fmt: skip
            return redirect(initiative)
    placed = hackathon.results_published_at is not None and submission.rank is not None and submission.rank <= PLACES
    context = {"hackathon": hackathon, "submission": submission, "form": form, "placed": placed}
    return render(request, "innovation/jury_initiative.html", context, status=422 if form.errors else 200)

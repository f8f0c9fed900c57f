"""The hackathons' public pages (the list, a hackathon with its challenges and results, a challenge with its
datasets), registering a team without an account, the team's own page behind its link (hand in, change until the
deadline, add files), and a guardian's consent. Every write goes through a service; no page needs JavaScript."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.cache import public_page
from tvatakt.core.errors import DomainError
from tvatakt.core.forms import add_errors, call_service
from tvatakt.core.ratelimit import limit
from tvatakt.core.tabular import attachment
from tvatakt.innovation import hackathon_selectors as selectors
from tvatakt.innovation import organising_selectors, services, tokens
from tvatakt.innovation.forms_hackathon import FileForm, MemberFormSet, SubmissionForm, TeamForm
from tvatakt.innovation.models import SubmissionFile
from tvatakt.innovation.services.judging import PLACES, shares

PER_PAGE = 20


def _hackathon(slug: str):
    hackathon = selectors.hackathon_page(slug)
    if hackathon is None:
        raise Http404
    return hackathon


# The same for every anonymous visitor, and cached until the content changes (core.apps watches this app). The
# windows open and close with the clock, so the pages are at most five minutes behind it.
@public_page
def hackathon_list(request):
    page = Paginator(selectors.hackathon_list(), PER_PAGE).get_page(request.GET.get("page"))
    # Only a signed-in person may organise, and their pages are never cached: the link stays out of the shared cache.
    context = {"page": page, "now": timezone.now(), "organises": organising_selectors.may_organise(request.user)}
    return render(request, "innovation/hackathon_list.html", context)


@public_page
def hackathon_detail(request, slug: str):
    hackathon = _hackathon(slug)
    handed_in = selectors.submissions(hackathon)
    published = hackathon.results_published_at is not None
    context = {
        "hackathon": hackathon, "submissions": handed_in, "published": published, "places": PLACES,
        "rubric": shares(hackathon.criteria.all()),
        "winners": [s for s in handed_in if published and s.rank and s.rank <= PLACES], "now": timezone.now(),
        "runs": request.user.has_perm("innovation.run", hackathon),
        "judges": request.user.is_authenticated and hackathon.jurors.filter(person=request.user).exists(),
    }  # fmt: skip
    return render(request, "innovation/hackathon_detail.html", context)


@public_page
def challenge_detail(request, slug: str, challenge: str):
    found = selectors.challenge_page(slug, challenge)
    if found is None:
        raise Http404
    context = {"challenge": found, "hackathon": found.hackathon, "now": timezone.now()}
    return render(request, "innovation/challenge_detail.html", context)


@limit("team")
def team_register(request, slug: str):
    hackathon = _hackathon(slug)
    form = TeamForm(request.POST or None, hackathon=hackathon, prefix="t")
    members = MemberFormSet(request.POST or None, prefix="m")
    if request.method == "POST":
        if request.POST.get("t-website"):  # the honeypot: a robot, told what a person is, and nothing saved
            return render(request, "innovation/team_registered.html", {"hackathon": hackathon})
        if form.is_valid() & members.is_valid():
            people = [services.Member(**{key: row.get(key) or "" for key in row if key != "under_18"},
                                      under_18=bool(row.get("under_18")))
                      for row in members.cleaned_data if row.get("name")]  # fmt: skip
            data = form.cleaned_data
            try:
                team = services.register_team(
                    hackathon=hackathon, challenge=data["challenge"], name=data["name"],
                    contact_name=data["contact_name"], contact_email=data["contact_email"], members=people,
                    answers=form.answers(), language=(get_language() or "sv")[:2],
                )  # fmt: skip
            except DomainError as exc:
                errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
                if "members" in errors:  # the service's word on the members goes above their rows
                    members._non_form_errors = members.error_class(errors.pop("members"))
                if errors:
                    add_errors(form, DomainError({key or "__all__": value for key, value in errors.items()}))
            else:
                return render(request, "innovation/team_registered.html", {"hackathon": hackathon, "team": team})
    context = {"hackathon": hackathon, "form": form, "members": members, "open": hackathon.registration_open()}
    return render(request, "innovation/team_register.html", context, status=422 if request.method == "POST" else 200)


def _bad_link(request, exc: DomainError):
    return render(request, "innovation/bad_link.html", {"message": exc.messages[0], "hackathons": True}, status=400)


def _team(token: str):
    return selectors.team_page(tokens.read_team(token))


def team_page(request, token: str):
    """The team's own page: its members, and the submission to hand in or change until the deadline."""
    try:
        team = _team(token)
    except DomainError as exc:
        return _bad_link(request, exc)
    submission = selectors.submission_of(team)
    initial = {}
    if submission is not None:
        initial = {field: getattr(submission, field) for field in
                   ("title", "description", "hypothesis", "repository_url", "demo_url")}  # fmt: skip
        offered = set(team.challenge.datasets.values_list("pk", flat=True))
        used = list(submission.datasets.all())
        initial["datasets"] = [d.pk for d in used if d.pk in offered]
        initial["other_datasets"] = ", ".join(d.name for d in used if d.pk not in offered)
    form = SubmissionForm(request.POST or None, initial=initial, challenge=team.challenge, prefix="s")
    files = FileForm(prefix="f")
    status = 200
    if request.method == "POST" and "f-file" in request.FILES:
        files = FileForm(request.POST, request.FILES, prefix="f")
        form = SubmissionForm(None, initial=initial, challenge=team.challenge, prefix="s")
        if files.is_valid() and call_service(files, services.add_file, team=team, file=files.cleaned_data["file"]):
            messages.success(request, _("The file is added."))
            return redirect("innovation:team", token=token)
        status = 422
    elif request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            saved = call_service(
                form, services.save_submission, team=team, title=data["title"], description=data["description"],
                hypothesis=data["hypothesis"], repository_url=data["repository_url"], demo_url=data["demo_url"],
                datasets=form.chosen(),
            )  # fmt: skip
            if saved is not None:
                messages.success(request, _("Your submission is saved. You can change it until the deadline."))
                return redirect("innovation:team", token=token)
        status = 422
    context = {
        "team": team, "hackathon": team.hackathon, "submission": submission, "form": form, "files": files,
        "token": token, "open": team.hackathon.submission_open() and team.withdrawn_at is None,
        "now_before": timezone.now() < team.hackathon.submission_opens,
    }  # fmt: skip
    return render(request, "innovation/team.html", context, status=status)


@require_POST
def file_remove(request, token: str, pk: int):
    try:
        team = _team(token)
        file = get_object_or_404(SubmissionFile.objects.select_related("submission"), pk=pk)
        services.remove_file(team=team, file=file)
    except DomainError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The file is removed."))
    return redirect("innovation:team", token=token)


def file_download(request, pk: int, filename: str):
    """A submission's file: for all once the deadline has passed, as the submission itself is."""
    row = SubmissionFile.objects.select_related("submission__team__hackathon").filter(pk=pk, filename=filename).first()
    if row is None or row.submission.team.withdrawn_at is not None:
        raise Http404
    hackathon = row.submission.team.hackathon
    if timezone.now() < hackathon.submission_closes and hackathon.results_published_at is None:
        raise Http404
    response = FileResponse(row.file.open("rb"), content_type=row.content_type)
    response["Content-Disposition"] = attachment(row.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def guardian(request, token: str):
    """A guardian's consent for a member under 18: the link shows the question; a button says yes or no (opening
    the link alone changes nothing: mail filters open links to check them)."""
    try:
        member = tokens.read_consent(token)
        if request.method == "POST" and request.POST.get("answer") in ("yes", "no"):
            yes = request.POST["answer"] == "yes"
            member = services.answer_consent(member=member, yes=yes)
            if not yes:
                return render(request, "innovation/guardian_done.html", {"said_no": True})
    except DomainError as exc:
        return _bad_link(request, exc)
    return render(request, "innovation/guardian.html", {"member": member, "team": member.team})

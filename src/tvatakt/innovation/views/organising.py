"""The pages that set up a consultation and a hackathon: new and edit, a hackathon's challenges, its rubric, the
questions for the teams, and its jury. Only those who run them get in (a 403 for anyone else, on a GET as on a
POST); every change goes through a service, which checks again, and a broken rule is said at its field with a
422. No page needs JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.forms import call_service
from tvatakt.core.permissions import require
from tvatakt.innovation import organising_selectors as selectors
from tvatakt.innovation import services
from tvatakt.innovation.forms_organising import (
    ChallengeForm,
    ConsultationForm,
    HackathonForm,
    JurorForm,
    QuestionsForm,
    RubricForm,
    initial_from,
)
from tvatakt.innovation.models import Consultation
from tvatakt.innovation.services.organising import CHALLENGE_FIELDS, CONSULTATION_FIELDS, HACKATHON_FIELDS

EMPTY_ROWS = 2  # rows for new criteria or questions under the present ones; after saving, two more


def _posted(request):
    """The form's data on a POST, even an empty one (which then fails as such), else None for a fresh form."""
    return request.POST if request.method == "POST" else None


def _page(request, template: str, form, **context):
    return render(request, template, {"form": form, **context}, status=422 if form.errors else 200)


def _saved(request, form, service, message: str, fields=None, **arguments):
    """What `service` saved from the posted form (its cleaned data, or `fields()`), with `message` shown on the
    next page; None on a GET or when a rule is broken (each said at its field on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    data = fields() if fields else form.cleaned_data
    saved = call_service(form, service, actor=request.user, **arguments, **data)
    if saved is not None:
        messages.success(request, message % {"title": getattr(saved, "title", "")})
    return saved


def _hackathon(request, slug: str):
    hackathon = selectors.hackathon_to_organise(slug)
    if hackathon is None:
        raise Http404
    require(request.user, "innovation.run", hackathon)
    return hackathon


def _organisations(request, current=None) -> list:
    organisations = selectors.organisations_to_run(request.user, current)
    if not organisations:
        raise PermissionDenied
    return organisations


@login_required
def consultation_create(request):
    form = ConsultationForm(_posted(request), organisations=_organisations(request))
    if consultation := _saved(request, form, services.save_consultation, _("The consultation is published, open for "
                              "ideas.")):  # fmt: skip
        return redirect(consultation)
    return _page(request, "innovation/organise_consultation.html", form, consultation=None)


@login_required
def consultation_edit(request, slug: str):
    consultation = get_object_or_404(Consultation.objects.select_related("organisation", "cluster"), slug=slug)
    require(request.user, "innovation.run", consultation)
    organisations = _organisations(request, consultation.organisation)
    initial = initial_from(consultation, CONSULTATION_FIELDS)
    form = ConsultationForm(_posted(request), initial=initial, organisations=organisations)
    if saved := _saved(request, form, services.save_consultation, _("Your changes are saved."),
                       consultation=consultation):  # fmt: skip
        return redirect(saved)
    return _page(request, "innovation/organise_consultation.html", form, consultation=consultation)


@login_required
def hackathon_create(request):
    form = HackathonForm(_posted(request), organisations=_organisations(request))
    message = _("The hackathon is published. Now add its challenges and its rubric.")
    if hackathon := _saved(request, form, services.save_hackathon, message):
        return redirect(hackathon)
    return _page(request, "innovation/organise_hackathon.html", form, hackathon=None)


@login_required
def hackathon_edit(request, slug: str):
    hackathon = _hackathon(request, slug)
    organisations = _organisations(request, hackathon.organisation)
    initial = initial_from(hackathon, HACKATHON_FIELDS)
    form = HackathonForm(_posted(request), initial=initial, organisations=organisations)
    if saved := _saved(request, form, services.save_hackathon, _("Your changes are saved."), hackathon=hackathon):
        return redirect(saved)
    return _page(request, "innovation/organise_hackathon.html", form, hackathon=hackathon)


@login_required
def challenge_create(request, slug: str):
    return _challenge_page(request, _hackathon(request, slug), None)


@login_required
def challenge_edit(request, slug: str, challenge: str):
    hackathon = _hackathon(request, slug)
    found = selectors.challenge_to_organise(hackathon, challenge)
    if found is None:
        raise Http404
    return _challenge_page(request, hackathon, found)


def _challenge_page(request, hackathon, challenge):
    """One page for a new challenge and a changed one. Find: the datasets ticked join those written, the search's
    matches are offered, and nothing is checked or saved."""
    owners = selectors.owners()
    if request.method == "POST" and "find" in request.POST:
        ticked = [d.name for d in selectors.datasets_named(request.POST.getlist("found"))]
        written = ChallengeForm.names(request.POST.get("datasets", ""))
        initial = request.POST.dict() | {"datasets": ", ".join(dict.fromkeys([*written, *ticked])), "found": []}
        search = request.POST.get("dataset_search", "").strip()
        found = selectors.datasets_matching(search)
        form = ChallengeForm(initial=initial, owners=owners, found=found)
        return _page(request, "innovation/organise_challenge.html", form, hackathon=hackathon, challenge=challenge,
                     searched=search or None, found=found)  # fmt: skip
    initial = {"organisation": hackathon.organisation}
    if challenge is not None:
        initial = initial_from(challenge, CHALLENGE_FIELDS) | {
            "datasets": ", ".join(d.name for d in challenge.datasets.all())}  # fmt: skip
    ticked = selectors.datasets_named(request.POST.getlist("found")) if request.method == "POST" else []
    form = ChallengeForm(_posted(request), initial=initial, owners=owners, found=ticked)
    message = _("The challenge “%(title)s” is saved.")
    fields = lambda: {"datasets": form.chosen(), **form.service_fields()}  # noqa: E731 - once the form is valid
    if saved := _saved(request, form, services.save_challenge, message, fields, hackathon=hackathon,
                       challenge=challenge):  # fmt: skip
        return redirect(saved)
    return _page(request, "innovation/organise_challenge.html", form, hackathon=hackathon, challenge=challenge,
                 searched=None, found=ticked)  # fmt: skip


@login_required
def rubric(request, slug: str):
    hackathon = _hackathon(request, slug)
    criteria = list(hackathon.criteria.all())
    form = RubricForm(_posted(request), initial=RubricForm.initial_from(criteria), rows=len(criteria) + EMPTY_ROWS)
    if request.method == "POST" and form.is_valid():
        criteria = form.criteria()
        if call_service(form, services.set_rubric, actor=request.user, hackathon=hackathon, criteria=criteria):
            messages.success(request, _("The rubric is saved. It shows on the hackathon's page."))
            return redirect(hackathon)
    scored = selectors.has_scores(hackathon)
    return _page(request, "innovation/organise_rubric.html", form, hackathon=hackathon, scored=scored)


@login_required
def questions(request, slug: str):
    hackathon = _hackathon(request, slug)
    asked = list(hackathon.questions.all())
    form = QuestionsForm(_posted(request), initial=QuestionsForm.initial_from(asked), rows=len(asked) + EMPTY_ROWS)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.set_questions, actor=request.user, hackathon=hackathon,
                        questions=form.questions()) is not None:  # fmt: skip
            messages.success(request, _("The questions are saved. Teams answer them when they register."))
            return redirect("innovation:organise_questions", slug=hackathon.slug)
    return _page(request, "innovation/organise_questions.html", form, hackathon=hackathon)


@login_required
def jurors(request, slug: str):
    """Add a jury member by their user name or e-mail, or take one off (button "remove", with the member's id)."""
    hackathon = _hackathon(request, slug)
    form = JurorForm(_posted(request) if "remove" not in request.POST else None)
    refused = []
    if request.method == "POST" and "remove" in request.POST:
        juror = next((j for j in hackathon.jurors.all() if str(j.pk) == request.POST["remove"]), None)
        if juror is None:
            messages.info(request, _("That person is no longer on the jury."))
            return redirect("innovation:organise_jurors", slug=hackathon.slug)
        try:
            services.remove_juror(actor=request.user, hackathon=hackathon, juror=juror)
        except DomainError as exc:
            refused = exc.messages
        else:
            messages.success(request, _("%(name)s is no longer on the jury.") % {"name": juror.person.display_name})
            return redirect("innovation:organise_jurors", slug=hackathon.slug)
    elif request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        if call_service(form, services.add_juror, actor=request.user, hackathon=hackathon, person=person):
            messages.success(request, _("%(name)s is on the jury.") % {"name": person.display_name})
            return redirect("innovation:organise_jurors", slug=hackathon.slug)
    context = {"form": form, "hackathon": hackathon, "refused": refused}
    status = 422 if form.errors or refused else 200
    return render(request, "innovation/organise_jurors.html", context, status=status)

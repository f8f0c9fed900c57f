"""Award pages: the rounds and their winners, a round's nominees, the nomination form, the jury's scoring page,
and the IT director's buttons to open a round, close its nominations and publish the winner."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.cache import public_page
from tvatakt.core.forms import button_action, call_service, render_form_page
from tvatakt.core.permissions import require
from tvatakt.recognition import selectors
from tvatakt.recognition.choices import RoundStatus
from tvatakt.recognition.forms import AwardRoundForm, NominationForm, ScoreForm
from tvatakt.recognition.models import AwardRound, Lesson, Score
from tvatakt.recognition.services import awards as services


def _round(pk: int) -> AwardRound:
    try:
        return selectors.award_round_detail(pk=pk)
    except AwardRound.DoesNotExist as exc:
        raise Http404 from exc


@public_page
def award_list(request):
    rounds = list(selectors.award_rounds())
    context = {
        "current": [r for r in rounds if r.status != RoundStatus.PUBLISHED],
        "past": [r for r in rounds if r.status == RoundStatus.PUBLISHED],
        "may_manage": request.user.is_authenticated and request.user.has_perm("recognition.manage_awards"),
    }
    return render(request, "recognition/award_list.html", context)


@public_page
def award_round(request, pk: int):
    award_round = _round(pk)
    user = request.user
    may = {}
    if user.is_authenticated:
        may = {
            "manage": user.has_perm("recognition.manage_awards"),
            "nominate": user.has_perm("recognition.nominate"),
            "score": services.is_juror(user, award_round),
        }
    published = award_round.status == RoundStatus.PUBLISHED
    context = {
        "round": award_round,
        "may": may,
        "published": published,
        "open": award_round.status == RoundStatus.NOMINATING and award_round.nominations_close >= timezone.localdate(),
        # The scores are the jury's until the winner is published.
        "missing": services.missing_scores(award_round) if may.get("manage") and not published else {},
    }
    return render(request, "recognition/award_round.html", context)


@login_required
def award_round_create(request):
    require(request.user, "recognition.manage_awards")
    form = AwardRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = call_service(form, services.award_round_open, actor=request.user, **form.cleaned_data)
        if created:
            messages.success(request, _("The round is open for nominations."))
            return redirect(created)
    intro = _("Staff nominate until the date you set. Then you close the nominations and the jury scores.")
    return render_form_page(
        request, form, title=_("Open an award round"), intro=intro, cancel_url=reverse("recognition:award_list"),
        submit=_("Open the round"),
    )  # fmt: skip


@login_required
def nomination_create(request, pk: int):
    award_round = _round(pk)
    require(request.user, "recognition.nominate")
    lessons = Lesson.objects.public().only("pk", "title").order_by("title")
    form = NominationForm(request.POST or None, award_round=award_round, lessons=lessons)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        if "lesson" in fields:
            fields["lesson"] = Lesson.objects.public().select_related("initiative").filter(pk=fields["lesson"]).first()
        if call_service(form, services.nomination_add, actor=request.user, round=award_round, **fields):
            messages.success(request, _("Thank you. The nomination is registered."))
            return redirect(award_round)
    title = _("Nominate for %(award)s") % {"award": award_round}
    return render_form_page(request, form, title=title, cancel_url=award_round.get_absolute_url(), submit=_("Nominate"))


@login_required
def award_scoring(request, pk: int):
    """The juror's page: a score for each nomination they may score, and the ones they may not, with why."""
    award_round = _round(pk)
    if not services.is_juror(request.user, award_round):
        raise PermissionDenied
    nominations = list(award_round.nominations.all())
    conflicts = [n for n in nominations if services.is_nominee(request.user, n)]
    scorable = [n for n in nominations if n not in conflicts]
    given = dict(
        Score.objects.filter(nomination__round=award_round, juror=request.user).values_list("nomination_id", "score")
    )
    form = ScoreForm(
        # Bound on every POST, even one with no radio chosen (an empty POST would otherwise show the form again).
        request.POST if request.method == "POST" else None,
        nominations=scorable,
        initial={f"n{pk}": score for pk, score in given.items()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                for _name, nomination, score in form.scores():
                    services.score_add(actor=request.user, nomination=nomination, score=score)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your scores are saved. You can change them until the winner is published."))
            return redirect(award_round)
    context = {
        "round": award_round,
        "form": form,
        "conflicts": conflicts,
        "judging": award_round.status == RoundStatus.JUDGING,
    }
    return render(request, "recognition/award_scoring.html", context, status=422 if form.errors else 200)


def _step(request, pk: int, service, done: str):
    require(request.user, "recognition.manage_awards")
    award_round = _round(pk)
    return button_action(request, service, done, award_round, round=award_round)


@login_required
@require_POST
def round_close(request, pk: int):
    return _step(request, pk, services.round_close_nominations, _("Nominations are closed. The jury can score."))


@login_required
@require_POST
def round_publish(request, pk: int):
    return _step(request, pk, services.round_publish, _("The winner is published."))

"""The lessons-learned bank: the list and search, a lesson's page, the forms to write, send and review a lesson,
the unit head's review queue, and the initiative's "we read this first". Every form calls a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.cache import public_page
from tvatakt.core.forms import button_action, call_service, render_form_page
from tvatakt.core.permissions import require
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition import selectors
from tvatakt.recognition.choices import LessonState
from tvatakt.recognition.forms import LessonForm, LessonReviewForm, LessonSearchForm, LessonUseForm
from tvatakt.recognition.models import Lesson
from tvatakt.recognition.services import lessons as services

PER_PAGE = 20


def _lesson(request, pk: int) -> Lesson:
    try:
        return selectors.lesson_detail(user=request.user, pk=pk)
    except Lesson.DoesNotExist as exc:
        raise Http404 from exc


def _initiative(request, slug: str) -> Initiative:
    return get_object_or_404(Initiative.objects.visible_to(request.user).select_related("organisation"), slug=slug)


@public_page
def lesson_list(request):
    form = LessonSearchForm(request.GET or None, tags=selectors.lesson_tags())
    filters = form.cleaned_data if form.is_valid() else {}
    lessons = selectors.lesson_list(q=filters.get("q", ""), tag=filters.get("tag", ""))
    context = {
        "form": form,
        "searching": bool(filters.get("q") or filters.get("tag")),
        "page": Paginator(lessons, PER_PAGE).get_page(request.GET.get("page")),
        "owed": selectors.lessons_owed_by(user=request.user),
        "unpublished": selectors.lessons_unpublished(user=request.user),
        "may_review": request.user.is_authenticated and selectors.review_queue(user=request.user).exists(),
    }
    return render(request, "recognition/lesson_list.html", context)


@public_page
def lesson_detail(request, pk: int):
    lesson = _lesson(request, pk)
    user = request.user
    may = {}
    if user.is_authenticated:
        may = {name: user.has_perm(f"recognition.{name}", lesson) for name in ("edit_lesson", "review_lesson")}
    context = {"lesson": lesson, "may": may, "draft": lesson.state == LessonState.DRAFT}
    return render(request, "recognition/lesson_detail.html", context)


@login_required
def lesson_create(request, slug: str):
    initiative = _initiative(request, slug)
    require(request.user, "recognition.write_lesson", initiative)
    form = LessonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        lesson = call_service(
            form, services.lesson_write, actor=request.user, initiative=initiative, **form.cleaned_data
        )
        if lesson:
            messages.success(request, _("The lesson is saved as a draft. Send it for review when it is ready."))
            return redirect(lesson)
    title = _("Write the lesson from %(initiative)s") % {"initiative": initiative}
    intro = _("Five short parts. Write for a colleague who starts something similar next year.")
    return render_form_page(request, form, title=title, intro=intro, cancel_url=initiative.get_absolute_url())


@login_required
def lesson_edit(request, pk: int):
    lesson = _lesson(request, pk)
    require(request.user, "recognition.edit_lesson", lesson)
    if lesson.state != LessonState.DRAFT:
        messages.error(request, _("Only a draft can be changed."))
        return redirect(lesson)
    form = LessonForm(request.POST or None, initial=LessonForm.initial_for(lesson))
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.lesson_update, actor=request.user, lesson=lesson, **form.cleaned_data):
            messages.success(request, _("The lesson was saved."))
            return redirect(lesson)
    title = _("Edit the lesson “%(title)s”") % {"title": lesson.title}
    return render_form_page(request, form, title=title, cancel_url=lesson.get_absolute_url())


@login_required
@require_POST
def lesson_submit(request, pk: int):
    lesson = _lesson(request, pk)
    require(request.user, "recognition.edit_lesson", lesson)
    done = _("The lesson was sent to the head of the unit for review.")
    return button_action(request, services.lesson_submit, done, lesson, lesson=lesson)


@login_required
def lesson_review(request, pk: int):
    lesson = _lesson(request, pk)
    if lesson.author_id == request.user.pk:
        messages.error(request, _("You wrote this lesson, so someone else must review it."))
        return redirect(lesson)
    require(request.user, "recognition.review_lesson", lesson)
    form = LessonReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reviewed = call_service(form, services.lesson_review, actor=request.user, lesson=lesson, **form.cleaned_data)
        if reviewed:
            if reviewed.state == LessonState.PUBLISHED:
                messages.success(request, _("The lesson is published."))
            else:
                messages.success(request, _("The lesson was sent back to its writers with your comment."))
            return redirect("recognition:lesson_review_queue")
    title = _("Review the lesson “%(title)s”") % {"title": lesson.title}
    intro = _("Read the lesson first. Publish it, or send it back with a comment that says what should change.")
    return render_form_page(
        request, form, title=title, intro=intro, cancel_url=lesson.get_absolute_url(), submit=_("Decide")
    )


@login_required
def lesson_review_queue(request):
    lessons = selectors.review_queue(user=request.user)
    return render(request, "recognition/lesson_review_queue.html", {"lessons": lessons})


@login_required
@require_POST
def lesson_use_add(request, slug: str):
    initiative = _initiative(request, slug)
    require(request.user, "recognition.note_lesson_use", initiative)
    form = LessonUseForm(request.POST, lessons=selectors.lessons_to_read(initiative=initiative))
    if form.is_valid():
        lesson = Lesson.objects.public().select_related("initiative").filter(pk=form.cleaned_data["lesson"]).first()
        if lesson is not None and call_service(
            form, services.lesson_use_add, actor=request.user, lesson=lesson, initiative=initiative
        ):
            messages.success(request, _("Noted: “%(title)s” is among the lessons you read first.") % {"title": lesson})
            return redirect(f"{initiative.get_absolute_url()}#lessons")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect(f"{initiative.get_absolute_url()}#lessons")

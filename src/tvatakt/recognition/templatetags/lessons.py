"""The lessons block on an initiative's page: its own lessons, a prompt when it owes one, and the lessons it read
first, with the lead's form to note one more."""

from django import template

from tvatakt.recognition import selectors
from tvatakt.recognition.forms import LessonUseForm

register = template.Library()


@register.inclusion_tag("recognition/partials/initiative_lessons.html", takes_context=True)
def initiative_lessons(context, initiative):
    user = context["request"].user
    lessons = selectors.initiative_lessons(user=user, initiative=initiative)
    may_write = user.is_authenticated and user.has_perm("recognition.write_lesson", initiative)
    may_note = user.is_authenticated and initiative.is_open and user.has_perm("recognition.note_lesson_use", initiative)
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "initiative": initiative,
        "own": lessons["own"],
        "read": lessons["read"],
        "owes": may_write and selectors.owing_lesson().filter(pk=initiative.pk).exists(),
        "may_write": may_write,
        "use_form": LessonUseForm(lessons=selectors.lessons_to_read(initiative=initiative)) if may_note else None,
    }

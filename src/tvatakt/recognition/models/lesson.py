"""The lessons-learned bank (lärdomsbank): what an initiative tried and learned, reviewed before it is published,
and which later initiatives read it first."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.models import TimeStampedModel
from tvatakt.recognition.choices import LessonState


class Tag(models.Model):
    """A word to find lessons by, e.g. "upphandling" or "e-tjänst"."""

    slug = models.SlugField(_("slug"), unique=True, max_length=60)
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LessonQuerySet(models.QuerySet):
    def public(self) -> "LessonQuerySet":
        """Published lessons of initiatives that are not confidential: what everyone may read."""
        return self.filter(state=LessonState.PUBLISHED, initiative__is_confidential=False)

    def visible_to(self, user) -> "LessonQuerySet":
        """What `user` may read: the public lessons, and the drafts of their initiatives and the lessons they
        review (the head of the initiative's unit, the IT director)."""
        from tvatakt.organisation.choices import Role
        from tvatakt.organisation.permissions import active_roles

        public = Q(state=LessonState.PUBLISHED, initiative__is_confidential=False)
        if not getattr(user, "is_authenticated", False):
            return self.filter(public)
        roles = active_roles(user)
        if user.is_superuser or any(row[0] == Role.IT_DIRECTOR for row in roles):
            return self
        headed = [row[1] for row in roles if row[0] == Role.UNIT_HEAD]
        Team = self.model.initiative.field.related_model.team.through  # noqa: N806
        on_team = Team.objects.filter(person_id=user.pk).values("initiative_id")
        return self.filter(
            public
            | Q(author_id=user.pk)
            | Q(initiative__lead_id=user.pk)
            | Q(initiative_id__in=on_team)
            | Q(initiative__unit_id__in=headed)
        )


class Lesson(TimeStampedModel):
    """A lesson from a stopped or pivoted sprint, or a stopped marathon: written by the lead, published only
    after someone else (the unit head) has reviewed it.

    On PostgreSQL the table has one more column, `search`, generated from the six texts (migration 0002). A
    migration that alters or removes one of those texts must drop and re-create that column around it."""

    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.PROTECT, related_name="lessons"
    )
    title = models.CharField(_("title"), max_length=200)
    tried = models.TextField(_("what we tried"))
    expected = models.TextField(_("what we expected"))
    happened = models.TextField(_("what happened"))
    learned = models.TextField(_("what we learned"))
    advice = models.TextField(_("what others should do"))
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="lessons")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("state"), max_length=12, choices=LessonState.choices, default=LessonState.DRAFT)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.PROTECT, related_name="+",
        null=True, blank=True,
    )  # fmt: skip
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = LessonQuerySet.as_manager()

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state=LessonState.PUBLISHED)
                | (
                    models.Q(reviewed_by__isnull=False, published_on__isnull=False)
                    & ~models.Q(reviewed_by=models.F("author"))
                ),
                name="lesson_published_after_review_by_another",
                violation_error_message=_(
                    "A lesson is published only after someone other than its author reviewed it."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("recognition:lesson_detail", kwargs={"pk": self.pk})


class LessonUse(TimeStampedModel):
    """ "We read this first": a later initiative that used the lesson."""

    lesson = models.ForeignKey(Lesson, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="uses")
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="lessons_used"
    )
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("noted by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("lesson used")
        verbose_name_plural = _("lessons used")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["lesson", "initiative"], name="one_use_per_initiative")]

    def __str__(self) -> str:
        return f"{self.initiative} ← {self.lesson}"

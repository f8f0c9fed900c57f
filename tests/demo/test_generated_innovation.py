"""The generator's consultations: 50,000 ideas at scale 1, every state and answer, supports that add up, and runs
that can be cut anywhere and run again."""

import pytest
from django.db.models import Count, F

from tvatakt.demo import generator
from tvatakt.demo.generator import GENERATED_PREFIX
from tvatakt.innovation.choices import IdeaState, Outcome
from tvatakt.innovation.models import Idea, Support

pytestmark = pytest.mark.django_db


def step():
    return next(step for step in generator.STEPS if step.name == "innovation")


def run(stop: int) -> None:
    step().run(step().done(), stop, lambda n: None)


def generated():
    return Idea.objects.filter(consultation__slug__startswith=GENERATED_PREFIX)


def test_the_step_makes_50000_ideas_at_scale_1():
    assert step().per_scale == 50000


def test_ideas_in_every_state_with_supports_that_add_up_and_runs_that_can_be_cut():
    run(150)
    run(400)  # a second run goes on where the first stopped
    run(400)  # and a third has nothing to do
    ideas = generated()
    assert ideas.count() == step().done() == 400
    assert {IdeaState.PENDING, IdeaState.PUBLISHED, IdeaState.HIDDEN} <= set(ideas.values_list("state", flat=True))
    assert set(Outcome.values) - {""} <= set(ideas.values_list("outcome", flat=True))
    counted = ideas.annotate(rows=Count("support_rows"))
    assert not counted.exclude(supports=F("rows")).exists()  # the count is the rows
    assert Support.objects.filter(idea__in=ideas).count() == sum(ideas.values_list("supports", flat=True)) > 1000
    assert not ideas.filter(state=IdeaState.PENDING).exclude(confirmed_at=None).exists()
    assert not ideas.filter(outcome=Outcome.INITIATIVE, initiative=None).exists()
    assert ideas.filter(created_at__lt=F("consultation__created_at")).count() < ideas.count()

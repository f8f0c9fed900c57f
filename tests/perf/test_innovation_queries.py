"""The consultations' public pages cost the same number of queries with few ideas, comments and supports and with
many: the list, a consultation with its choices, search and sorting, an idea's page, and the statistics."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.innovation.conftest import idea_fields, make_consultation
from tvatakt.innovation import services
from tvatakt.innovation.choices import Outcome
from tvatakt.innovation.models import Consultation
from tvatakt.organisation.models import Organisation, Person

pytestmark = pytest.mark.django_db
CEILING = 12
SLUG = "test-perf"
PEOPLE = ["medborgare", "ambassador", "vard", "it-direktor", "initiativledare"]


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(start: int, n: int) -> int:
    """`n` more ideas from different people, kinds, ages and districts, each with supports and comments, some
    answered, and a comment more on the first idea for each; the pk of the first idea, whose page is measured."""
    consultation = make_consultation(slug=SLUG) if start == 0 else Consultation.objects.get(slug=SLUG)
    people = list(Person.objects.filter(username__in=PEOPLE).order_by("username"))
    districts = list(Organisation.objects.filter(kind="district_administration").order_by("pk")[:4])
    director = Person.objects.get(username="it-direktor")
    first = consultation.ideas.order_by("pk").first()
    for number in range(start, start + n):
        idea = services.submit_idea(
            consultation=consultation, actor=people[number % len(people)], district=districts[number % 4],
            **idea_fields(title=f"Idé {number} om cykel", kind=["citizen", "startup", "academia"][number % 3],
                          age_group=["7-12", "65-74", ""][number % 3]),
        )  # fmt: skip
        first = first or idea
        for person in people[: 1 + number % len(people)]:
            services.support(idea=idea, actor=person)
            services.comment(idea=idea, actor=person, body=f"Kommentar {number}")
        if number % 2:
            services.answer(idea=idea, actor=director, outcome=Outcome.UNDER_REVIEW)
        services.comment(idea=first, actor=people[number % len(people)], body=f"Om den första {number}")
    return first.pk


@pytest.fixture
def sizes():
    """Measure `url` (a function of the first idea's pk) with a few ideas and with many."""

    def measure(client: Client, url) -> tuple[int, int]:
        pk = grow(0, 3)
        small = count(client, url(pk))
        grow(3, 25)
        return small, count(client, url(pk))

    return measure


@pytest.mark.parametrize(
    "url",
    [
        "/dialog/",
        f"/dialog/{SLUG}/",
        f"/dialog/{SLUG}/?sort=support&kind=citizen&age=7-12",
        f"/dialog/{SLUG}/?outcome=under_review&sort=answered&page=2",
        f"/dialog/{SLUG}/?q=cykel",
        f"/dialog/{SLUG}/statistik/",
    ],
)
def test_the_consultation_pages_cost_the_same_at_two_sizes(client, sizes, url):
    small, large = sizes(client, lambda pk: url)
    assert small == large <= CEILING, f"{url}: {small} vs {large}"


def test_an_idea_page_costs_the_same_with_few_and_many_comments_and_supports(client, sizes):
    small, large = sizes(client, lambda pk: f"/dialog/{SLUG}/ideer/{pk}/")
    assert small == large <= CEILING


def test_an_idea_page_costs_the_same_for_a_logged_in_person(client_as, sizes):
    small, large = sizes(client_as("medborgare"), lambda pk: f"/dialog/{SLUG}/ideer/{pk}/")
    assert small == large <= CEILING

"""Award rounds: who opens and publishes them, who nominates and scores, the jury conflict, and the winner."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tvatakt.organisation.models import Person, RoleAssignment
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import AwardCategory, RoundPeriod, RoundStatus
from tvatakt.recognition.models import AwardRound, Lesson, Nomination, Score
from tvatakt.recognition.services import awards as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def jurors(person):
    """The demo's jury member and two more; the last also leads initiatives, so may be a nominee."""
    made = []
    for username in ("juror-a", "juror-b"):
        juror = Person.objects.create(username=username, first_name="Juror", last_name=username[-1].upper())
        RoleAssignment.objects.create(person=juror, role="jury_member", valid_from=datetime.date(2020, 1, 1))
        made.append(juror)
    lead = person("initiativledare")
    RoleAssignment.objects.create(person=lead, role="jury_member", valid_from=datetime.date(2020, 1, 1))
    return [person("jurymedlem"), *made, lead]


@pytest.fixture
def award_round(jurors, person, today):
    return services.award_round_open(
        actor=person("it-direktor"), category=AwardCategory.EXPERIMENT, period=RoundPeriod.QUARTER,
        starts_on=datetime.date(today.year + 2, 1, 1), nominations_close=today, jury=jurors,
    )  # fmt: skip


def initiative(slug: str) -> Initiative:
    return Initiative.objects.get(slug=slug)


@pytest.fixture
def nominated(award_round, person):
    """Three nominations: the first led by a juror (initiativledare), the others not."""
    by = person("enhetschef")
    return [
        services.nomination_add(actor=by, round=award_round, initiative=initiative(slug), motivation="Bra jobbat.")
        for slug in (
            "digital-signering-av-anstallningsavtal",  # led by initiativledare, a juror here
            "oppet-api-for-lediga-parkeringsplatser",
            "sensorer-for-fyllnadsgrad-i-papperskorgar",
        )
    ]


@pytest.fixture
def judging(award_round, nominated, person):
    services.round_close_nominations(actor=person("it-direktor"), round=award_round)
    award_round.refresh_from_db()
    return award_round


def score_all(jurors, nominations, table):
    """table[j][n]: juror j's score for nomination n, or None for none."""
    for juror, row in zip(jurors, table, strict=True):
        for nomination, score in zip(nominations, row, strict=True):
            if score is not None:
                services.score_add(actor=juror, nomination=nomination, score=score)


# -- Opening ----------------------------------------------------------------------------------------------------------


def test_only_the_it_director_opens_a_round(jurors, person, today):
    before = AwardRound.objects.count()
    for who in ("enhetschef", "jurymedlem", "medborgare"):
        with pytest.raises(PermissionDenied):
            services.award_round_open(
                actor=person(who), category=AwardCategory.LESSON, period=RoundPeriod.YEAR,
                starts_on=datetime.date(today.year + 3, 1, 1), nominations_close=today, jury=jurors,
            )  # fmt: skip
    assert AwardRound.objects.count() == before


def test_a_round_needs_a_proper_start_a_future_close_and_a_jury_of_jury_members(person, today):
    with pytest.raises(ValidationError) as caught:
        services.award_round_open(
            actor=person("it-direktor"), category=AwardCategory.LESSON, period=RoundPeriod.YEAR,
            starts_on=datetime.date(today.year + 3, 2, 1), nominations_close=today - datetime.timedelta(days=1),
            jury=[person("ambassador")],
        )  # fmt: skip
    assert set(caught.value.message_dict) == {"starts_on", "nominations_close", "jury"}


# -- Nominating -------------------------------------------------------------------------------------------------------


def test_any_staff_member_nominates_with_a_motivation(award_round, person):
    nomination = services.nomination_add(
        actor=person("ambassador"), round=award_round, initiative=initiative("hyresavin-i-appen"), motivation=" Bra. "
    )
    assert nomination.motivation == "Bra." and nomination.nominated_by == person("ambassador")


def test_nominations_are_refused_when_they_break_a_rule(award_round, ordinary, person):
    before = Nomination.objects.count()
    hyresavi = initiative("hyresavin-i-appen")
    for who in (person("medborgare"), ordinary):  # a citizen, and someone with no role
        with pytest.raises(PermissionDenied):
            services.nomination_add(actor=who, round=award_round, initiative=hyresavi, motivation="Bra.")
    with pytest.raises(ValidationError) as caught:
        services.nomination_add(actor=person("ambassador"), round=award_round, initiative=hyresavi, motivation=" ")
    assert "motivation" in caught.value.message_dict
    lesson = Lesson.objects.public().first()
    with pytest.raises(ValidationError, match="for an initiative"):
        services.nomination_add(actor=person("ambassador"), round=award_round, lesson=lesson, motivation="Bra.")
    secret = Initiative.objects.filter(is_confidential=True).first()
    with pytest.raises(ValidationError, match="confidential"):
        services.nomination_add(actor=person("ambassador"), round=award_round, initiative=secret, motivation="Bra.")
    assert Nomination.objects.count() == before
    services.nomination_add(actor=person("ambassador"), round=award_round, initiative=hyresavi, motivation="Bra.")
    with pytest.raises(ValidationError, match="already nominated"):
        services.nomination_add(actor=person("enhetschef"), round=award_round, initiative=hyresavi, motivation="Ja.")
    assert Nomination.objects.count() == before + 1


def test_a_lesson_award_takes_only_a_published_lesson(jurors, person, today):
    award_round = services.award_round_open(
        actor=person("it-direktor"), category=AwardCategory.LESSON, period=RoundPeriod.YEAR,
        starts_on=datetime.date(today.year + 3, 1, 1), nominations_close=today, jury=jurors,
    )  # fmt: skip
    draft = Lesson.objects.exclude(state="published").first()
    with pytest.raises(ValidationError, match="published lesson"):
        services.nomination_add(actor=person("ambassador"), round=award_round, lesson=draft, motivation="Bra.")
    published = Lesson.objects.public().first()
    assert services.nomination_add(actor=person("ambassador"), round=award_round, lesson=published, motivation="Ja")


def test_no_nominations_after_they_close(judging, person):
    with pytest.raises(ValidationError, match="closed"):
        services.nomination_add(
            actor=person("ambassador"), round=judging, initiative=initiative("hyresavin-i-appen"), motivation="Bra."
        )
    AwardRound.objects.filter(pk=judging.pk).update(
        status=RoundStatus.NOMINATING, nominations_close=datetime.date(2020, 1, 1)
    )
    judging.refresh_from_db()
    with pytest.raises(ValidationError, match="closed"):
        services.nomination_add(
            actor=person("ambassador"), round=judging, initiative=initiative("hyresavin-i-appen"), motivation="Bra."
        )


# -- Scoring ----------------------------------------------------------------------------------------------------------


def test_only_the_rounds_jurors_score_and_only_while_judging(award_round, nominated, person):
    with pytest.raises(ValidationError, match="after the nominations close"):
        services.score_add(actor=person("jurymedlem"), nomination=nominated[1], score=4)
    services.round_close_nominations(actor=person("it-direktor"), round=award_round)
    for who in ("it-direktor", "enhetschef", "admin"):
        with pytest.raises(PermissionDenied):
            services.score_add(actor=person(who), nomination=nominated[1], score=4)
    with pytest.raises(ValidationError):
        services.score_add(actor=person("jurymedlem"), nomination=nominated[1], score=6)
    assert not Score.objects.filter(nomination__round=award_round).exists()
    services.score_add(actor=person("jurymedlem"), nomination=nominated[1], score=4)
    services.score_add(actor=person("jurymedlem"), nomination=nominated[1], score=5)  # changed, not added
    assert list(Score.objects.filter(nomination=nominated[1]).values_list("score", flat=True)) == [5]


def test_a_juror_who_is_a_nominee_cannot_score_that_nomination(judging, nominated, person):
    lead = person("initiativledare")  # leads the first nominee
    with pytest.raises(ValidationError, match="You are part of this nomination"):
        services.score_add(actor=lead, nomination=nominated[0], score=5)
    assert not Score.objects.filter(nomination=nominated[0]).exists()
    services.score_add(actor=lead, nomination=nominated[1], score=3)  # the others, yes


def test_a_team_member_and_a_lessons_author_are_nominees_too(judging, nominated, person):
    juror = Person.objects.get(username="juror-a")
    nominated[1].initiative.team.add(juror)
    with pytest.raises(ValidationError, match="You are part of this nomination"):
        services.score_add(actor=juror, nomination=nominated[1], score=5)
    lesson = Lesson.objects.public().select_related("author").first()
    nomination = Nomination(lesson=lesson)
    assert services.is_nominee(lesson.author, nomination)
    assert not services.is_nominee(juror, nomination)
    lesson.initiative.team.add(juror)  # the people behind a lesson's initiative are behind the lesson too
    assert services.is_nominee(juror, Nomination(lesson=Lesson.objects.select_related("initiative").get(pk=lesson.pk)))
    assert services.is_nominee(lesson.initiative.lead, nomination)


def test_the_scoring_page_is_for_jurors_and_lists_the_conflicts(judging, nominated, client_as, person):
    url = f"/en/erkannande/utmarkelser/{judging.pk}/poang/"
    assert client_as("enhetschef").get(url).status_code == 403
    page = client_as("initiativledare").get(url).content.decode()
    assert "You are part of these nominations" in page
    assert f'name="n{nominated[0].pk}"' not in page and f'name="n{nominated[1].pk}"' in page
    client_as("initiativledare").post(url, {f"n{nominated[1].pk}": "4", f"n{nominated[0].pk}": "5"})
    assert list(Score.objects.filter(juror=person("initiativledare")).values_list("nomination_id", "score")) == [
        (nominated[1].pk, 4)
    ]


@pytest.mark.parametrize(
    "sent, message",
    [
        ({}, "Choose a score for at least one nominee."),
        ({"n{pk}": "9"}, "Select a valid choice"),
        ({"n{pk}": "tre"}, "Select a valid choice"),
    ],
)
def test_a_scoring_with_nothing_or_nonsense_is_refused_with_a_message_and_saves_nothing(
    judging, nominated, client_as, sent, message
):
    url = f"/en/erkannande/utmarkelser/{judging.pk}/poang/"
    before = Score.objects.count()
    data = {key.format(pk=nominated[1].pk): value for key, value in sent.items()}
    response = client_as("initiativledare").post(url, data)
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert Score.objects.count() == before


# -- Publishing -------------------------------------------------------------------------------------------------------


def test_publishing_needs_every_juror_to_have_scored_and_says_who_is_missing(judging, nominated, jurors, person):
    score_all(jurors[:3], nominated, [[3, 4, 5], [3, 4, 5], [3, 4, None]])
    with pytest.raises(ValidationError) as caught:
        services.round_publish(actor=person("it-direktor"), round=judging)
    message = caught.value.messages[0]
    assert "Juror B (1)" in message and "Ali Rahimi (2)" in message and "Erik" not in message
    judging.refresh_from_db()
    assert judging.status == RoundStatus.JUDGING and judging.winner is None


def test_the_winner_has_the_highest_mean_score(judging, nominated, jurors, person, today):
    # The conflicted juror (initiativledare) scores only the other two.
    score_all(jurors, nominated, [[5, 4, 3], [5, 4, 4], [5, 5, 3], [None, 4, 4]])
    with pytest.raises(PermissionDenied):
        services.round_publish(actor=person("enhetschef"), round=judging)
    services.round_publish(actor=person("it-direktor"), round=judging)
    judging.refresh_from_db()
    assert (judging.winner, judging.status, judging.published_on) == (nominated[0], RoundStatus.PUBLISHED, today)


def test_a_tie_goes_to_more_scores_then_to_the_earliest_nomination(judging, nominated, jurors, person):
    # Means: 4.0 (three scores), 4.0 (four scores), 4.0 (four scores): the second wins on scores, before the third.
    score_all(jurors, nominated, [[4, 4, 4], [4, 4, 4], [4, 4, 4], [None, 4, 4]])
    services.round_publish(actor=person("it-direktor"), round=judging)
    judging.refresh_from_db()
    assert judging.winner == nominated[1]


def test_a_published_round_takes_no_more_scores(judging, nominated, jurors, person):
    score_all(jurors, nominated, [[4, 4, 4], [4, 4, 4], [4, 4, 4], [None, 4, 4]])
    services.round_publish(actor=person("it-direktor"), round=judging)
    with pytest.raises(ValidationError):
        services.score_add(actor=jurors[0], nomination=nominated[0], score=1)
    assert Score.objects.get(juror=jurors[0], nomination=nominated[0]).score == 4


# -- Pages ------------------------------------------------------------------------------------------------------------


def test_the_award_pages_show_rounds_winners_and_nominees(judging, nominated, jurors, person, client_as):
    score_all(jurors, nominated, [[5, 4, 3], [5, 4, 4], [5, 5, 3], [None, 4, 4]])
    director = client_as("it-direktor")
    director.post(f"/en/erkannande/utmarkelser/{judging.pk}/publicera/")
    listing = Client().get("/en/erkannande/utmarkelser/").content.decode()
    assert "Bra jobbat." in listing  # the winner's motivation
    assert "Det är bättre att stoppa i tid" in listing  # the demo's winner last year
    page = Client().get(f"/en/erkannande/utmarkelser/{judging.pk}/").content.decode()
    assert "The winner" in page and "mean score 5.0" in page


def test_the_nomination_form_registers_a_nomination(award_round, client_as):
    url = f"/en/erkannande/utmarkelser/{award_round.pk}/nominera/"
    assert client_as("medborgare").get(url).status_code == 403
    response = client_as("ambassador").post(
        url, {"initiative": "/portfolj/initiativ/hyresavin-i-appen/", "motivation": "Bra."}
    )
    assert response.status_code == 302
    assert award_round.nominations.get().initiative.slug == "hyresavin-i-appen"
    response = client_as("ambassador").post(url, {"initiative": "finns-inte", "motivation": "Bra."})
    assert response.status_code == 200 and award_round.nominations.count() == 1


def test_the_rounds_scores_are_hidden_until_published(judging, nominated, jurors):
    score_all(jurors, nominated, [[5, 4, 3], [5, 4, 4], [5, 5, 3], [None, 4, 4]])
    assert "mean score" not in Client().get(f"/en/erkannande/utmarkelser/{judging.pk}/").content.decode()

"""The jury: conflicts of interest exclude a juror from a team, scores are 1 to 5 for every criterion, the ranking
is normalised per juror (checked against a hand-computed example), ties follow the documented rule, and the
published results are final. A placed submission becomes a sprint initiative, linked both ways."""

import datetime

import pytest
from django.utils import timezone

from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.innovation import services
from tvatakt.innovation.models import Juror, Score, Submission
from tvatakt.opendata.models import Dataset
from tvatakt.organisation.models import Person, Unit
from tvatakt.portfolio.models import ProcessType

from .conftest import give, make_judged

pytestmark = pytest.mark.django_db
JURY = ["jurymedlem", "radsledamot", "sekreterare", "enhetschef"]


@pytest.fixture
def judged():
    """Three teams handed in; the deadline has passed and the jury of four scores. Returns (hackathon, {X, Y, Z})."""
    return make_judged(JURY)


def test_a_juror_with_a_conflict_cannot_score_that_team(judged):
    hackathon, s = judged
    give(hackathon, "enhetschef", s["X"], 4, 4)
    juror = Person.objects.get(username="enhetschef")
    services.declare_conflict(actor=juror, team=s["X"].team, reason="Jag jobbar på startupen")
    assert not Score.objects.filter(juror__person=juror, submission=s["X"]).exists()  # what was given goes
    with pytest.raises(DomainError, match="conflict of interest"):
        give(hackathon, "enhetschef", s["X"], 5, 5)
    assert not Score.objects.filter(juror__person=juror, submission=s["X"]).exists()
    give(hackathon, "enhetschef", s["Y"], 5, 5)  # the other teams, as before


def test_only_the_jury_scores_and_only_in_the_judging_window(judged):
    hackathon, s = judged
    with pytest.raises(DomainError, match="not on this hackathon's jury"):
        give(hackathon, "medborgare", s["X"], 3, 3)
    hackathon.judging_closes = timezone.now() - datetime.timedelta(seconds=1)
    hackathon.save()
    with pytest.raises(DomainError, match="between the submission deadline"):
        give(hackathon, "jurymedlem", s["X"], 3, 3)
    assert not Score.objects.filter(submission__team__hackathon=hackathon).exists()


@pytest.mark.parametrize("bad", [0, 6, None, "3"])
def test_a_score_outside_1_to_5_saves_nothing(judged, bad):
    hackathon, s = judged
    with pytest.raises(DomainError) as caught:
        give(hackathon, "jurymedlem", s["X"], 4, bad)
    assert "from 1 to 5" in str(caught.value.message_dict)
    assert not Score.objects.filter(submission__team__hackathon=hackathon).exists()  # not the valid first one


def test_the_ranking_is_normalised_per_juror_as_computed_by_hand(judged):
    """Weights 3 and 1: a juror's mark is (3 × first + second) ÷ 4. The marks given:

        juror        X     Y     Z      mean    standard deviation (population)
        jurymedlem   5     1     3.5    3.1667  1.6499   (wide: a generous and harsh juror at once)
        radsledamot  2     3     3      2.6667  0.4714
        sekreterare  3     4     2.5    3.1667  0.6236
        enhetschef   (conflict)  5   5  5       0        (all equal: a 0 for each)

    z = (mark − mean) ÷ deviation:
        jurymedlem   X  1.1112   Y −1.3132   Z  0.2020
        radsledamot  X −1.4142   Y  0.7071   Z  0.7071
        sekreterare  X −0.2673   Y  1.3363   Z −1.0690
        enhetschef              Y  0        Z  0
    Means: Y (0.7302 ÷ 4) = 0.1826, Z (−0.1599 ÷ 4) = −0.0400, X (−0.5703 ÷ 3) = −0.1901.
    By raw marks Z (3.5) would win over X (3.33) and Y (3.25): the one wide juror would decide."""
    hackathon, s = judged
    give(hackathon, "jurymedlem", s["X"], 5, 5)
    give(hackathon, "jurymedlem", s["Y"], 1, 1)
    give(hackathon, "jurymedlem", s["Z"], 4, 2)
    for letter, value in zip("XYZ", (2, 3, 3), strict=True):
        give(hackathon, "radsledamot", s[letter], value, value)
    give(hackathon, "sekreterare", s["X"], 3, 3)
    give(hackathon, "sekreterare", s["Y"], 4, 4)
    give(hackathon, "sekreterare", s["Z"], 2, 4)
    services.declare_conflict(actor=Person.objects.get(username="enhetschef"), team=s["X"].team, reason="Min bror")
    give(hackathon, "enhetschef", s["Y"], 5, 5)
    give(hackathon, "enhetschef", s["Z"], 5, 5)
    standings = services.ranking(hackathon)
    by_id = {row.submission_id: row for row in standings}
    assert [row.submission_id for row in standings] == [s["Y"].pk, s["Z"].pk, s["X"].pk]
    assert by_id[s["Y"].pk].score == pytest.approx(0.1826, abs=1e-4)
    assert by_id[s["Z"].pk].score == pytest.approx(-0.0400, abs=1e-4)
    assert by_id[s["X"].pk].score == pytest.approx(-0.1901, abs=1e-4)
    assert by_id[s["X"].pk].jurors == 3 and by_id[s["Y"].pk].jurors == 4
    assert by_id[s["Z"].pk].raw == pytest.approx(3.5)


def test_weights_count_as_shares_so_any_sum_ranks_the_same(judged):
    hackathon, s = judged
    give(hackathon, "jurymedlem", s["X"], 5, 1)  # good on the heavy criterion
    give(hackathon, "jurymedlem", s["Y"], 2, 5)
    before = [row.submission_id for row in services.ranking(hackathon)]
    hackathon.criteria.update(weight=10)  # 3:1 became 1:1: now Y's 3.5 beats X's 3
    assert [row.submission_id for row in services.ranking(hackathon)] == [s["Y"].pk, s["X"].pk]
    assert before == [s["X"].pk, s["Y"].pk]
    for criterion, weight in zip(hackathon.criteria.order_by("order"), (30, 10), strict=True):
        criterion.weight = weight  # 30:10 is 3:1 again
        criterion.save()
    assert [row.submission_id for row in services.ranking(hackathon)] == before


def test_a_tie_goes_to_the_higher_raw_mark_then_to_the_first_handed_in(judged):
    hackathon, s = judged
    # jurymedlem: X 4, Y 2 → z +1, −1.  radsledamot: X 1, Y 5 → z −1, +1.  Equal means (0), raw X 2.5 < Y 3.5.
    give(hackathon, "jurymedlem", s["X"], 4, 4)
    give(hackathon, "jurymedlem", s["Y"], 2, 2)
    give(hackathon, "radsledamot", s["X"], 1, 1)
    give(hackathon, "radsledamot", s["Y"], 5, 5)
    standings = services.ranking(hackathon)
    assert standings[0].score == pytest.approx(standings[1].score)
    assert [row.submission_id for row in standings] == [s["Y"].pk, s["X"].pk]
    Score.objects.filter(submission__team__hackathon=hackathon).delete()
    give(hackathon, "jurymedlem", s["Z"], 3, 3)  # all alike: equal z, equal raw, one juror each
    give(hackathon, "jurymedlem", s["X"], 3, 3)
    assert [row.submission_id for row in services.ranking(hackathon)] == [s["X"].pk, s["Z"].pk]  # X came first


def test_a_half_scored_submission_is_not_counted(judged):
    hackathon, s = judged
    nytta = hackathon.criteria.order_by("order").first()
    juror = Juror.objects.get(hackathon=hackathon, person__username="jurymedlem")
    Score.objects.create(juror=juror, submission=s["X"], criterion=nytta, value=5)  # as if half a form had come
    assert services.ranking(hackathon) == []


def publish(hackathon, s, **motivations):
    director = Person.objects.get(username="it-direktor")
    texts = {s[letter].pk: text for letter, text in motivations.items()}
    return services.publish_results(actor=director, hackathon=hackathon, motivations=texts)


def test_results_are_published_once_with_the_jurys_motivation_and_are_final(judged):
    hackathon, s = judged
    for letter, value in zip("XYZ", (5, 3, 1), strict=True):
        give(hackathon, "jurymedlem", s[letter], value, value)
    with pytest.raises(DomainError) as caught:
        publish(hackathon, s, X="Bäst <b>nytta</b> 🚸")
    assert set(caught.value.message_dict) == {f"m{s['Y'].pk}", f"m{s['Z'].pk}"}
    assert not Submission.objects.filter(team__hackathon=hackathon, rank__isnull=False).exists()
    with pytest.raises(NotAllowed):
        services.publish_results(actor=Person.objects.get(username="medborgare"), hackathon=hackathon, motivations={})
    publish(hackathon, s, X="Bäst <b>nytta</b> 🚸", Y="Modig idé.", Z="Ett bra försök.")
    winner = Submission.objects.get(pk=s["X"].pk)
    assert winner.rank == 1 and winner.motivation == "Bäst <b>nytta</b> 🚸"
    with pytest.raises(DomainError, match="between the submission deadline"):
        give(hackathon, "jurymedlem", s["Y"], 5, 5)  # the judging is over
    with pytest.raises(DomainError, match="already published"):
        publish(hackathon, s, X="Igen", Y="Igen", Z="Igen")


def test_a_winner_becomes_a_sprint_initiative_with_its_datasets_linked_both_ways(judged):
    hackathon, s = judged
    datasets = list(Dataset.objects.filter(state="public").order_by("pk")[:2])
    submission = s["X"]
    Submission.objects.filter(pk=submission.pk).update(hypothesis="Färre olyckor på skolvägen.")
    submission.datasets.set(datasets)
    for letter, value in zip("XYZ", (5, 3, 1), strict=True):
        give(hackathon, "jurymedlem", s[letter], value, value)
    hackathon.refresh_from_db()
    publish(hackathon, s, X="Bäst.", Y="Bra.", Z="Fint.")
    director = Person.objects.get(username="it-direktor")
    sprint = ProcessType.objects.get(slug="snabbprojekt")
    unit = Unit.objects.get(slug="digital-fornyelse")
    winner = Submission.objects.select_related("team__hackathon").get(pk=submission.pk)
    initiative = services.make_initiative(actor=director, submission=winner, process_type=sprint, unit=unit)
    assert initiative.is_sprint and initiative.quarter is not None
    assert initiative.hypothesis == "Färre olyckor på skolvägen."
    assert "Team X" in initiative.description and "Hacka Stockholm" in initiative.description
    assert {use.dataset_id for use in initiative.datasets_used.all()} == {d.pk for d in datasets}
    assert list(initiative.hackathon_submissions.all()) == [winner]
    assert Submission.objects.get(pk=submission.pk).initiative == initiative
    with pytest.raises(DomainError, match="already an initiative"):
        services.make_initiative(actor=director, submission=winner, process_type=sprint, unit=unit)
    program = ProcessType.objects.exclude(mode="sprint").first()
    third = Submission.objects.select_related("team__hackathon").get(pk=s["Y"].pk)
    with pytest.raises(DomainError, match="sprint"):
        services.make_initiative(actor=director, submission=third, process_type=program, unit=unit)

"""The jury's pages: only the jury and the organisers get in; a juror scores through the form (all or nothing, 1 to
5) and steps aside from a team; the organisers follow the live ranking, publish the results with the jury's
motivations, and make a winner an initiative. What the teams wrote is shown as text, never as HTML."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tvatakt.innovation import services
from tvatakt.innovation.models import Conflict, Hackathon, Juror, Score, Submission, Team
from tvatakt.organisation.models import Person, Unit
from tvatakt.portfolio.models import ProcessType

from .conftest import close_submissions, give, make_hackathon, make_judged, make_team

pytestmark = pytest.mark.django_db
JURY = ["jurymedlem", "radsledamot"]


@pytest.fixture
def judged():
    """Three teams handed in; the deadline has passed and a jury of two scores. Returns (hackathon, {X, Y, Z})."""
    return make_judged(JURY)


def criteria(hackathon):
    return list(hackathon.criteria.order_by("order"))


def scores(hackathon):
    return Score.objects.filter(submission__team__hackathon=hackathon)


def jury_url(hackathon) -> str:
    return f"/en/hackathon/{hackathon.slug}/jury/"


def score_url(hackathon, submission) -> str:
    return f"/en/hackathon/{hackathon.slug}/jury/bidrag/{submission.pk}/"


def publish_url(hackathon) -> str:
    return f"/en/hackathon/{hackathon.slug}/resultat/"


def score_data(hackathon, first, second, comment="") -> dict:
    nytta, genomforbarhet = criteria(hackathon)
    return {f"c{nytta.pk}": first, f"c{genomforbarhet.pk}": second, f"n{nytta.pk}": comment}


def test_someone_neither_on_the_jury_nor_running_the_hackathon_is_refused(judged, client_as):
    hackathon, s = judged
    citizen = client_as("medborgare")
    assert citizen.get(jury_url(hackathon)).status_code == 403
    assert citizen.get(score_url(hackathon, s["X"])).status_code == 403
    assert citizen.post(score_url(hackathon, s["X"]), score_data(hackathon, 5, 5)).status_code == 403
    conflict = citizen.post(f"{jury_url(hackathon)}jav/{s['X'].team_id}/", {"reason": "Min bror"})
    assert conflict.status_code == 403
    assert citizen.get(publish_url(hackathon)).status_code == 403
    assert citizen.get(f"/en/hackathon/{hackathon.slug}/bidrag/{s['X'].pk}/initiativ/").status_code == 403
    assert not scores(hackathon).exists() and not Conflict.objects.filter(team__hackathon=hackathon).exists()
    assert client_as("jurymedlem").get(publish_url(hackathon)).status_code == 403  # the jury does not publish
    assert client_as("jurymedlem").get("/en/hackathon/no-such-hack/jury/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(judged, client):
    hackathon, _s = judged
    response = client.get(jury_url(hackathon))
    assert response.status_code == 302 and f"?next={jury_url(hackathon)}" in response["Location"]


def test_before_the_deadline_the_jury_page_says_when_judging_opens(db, client_as):
    hackathon = make_hackathon()
    team = make_team(hackathon)
    submission = services.save_submission(team=team, title="Hemlig lösning", description="En app.")
    Juror.objects.create(hackathon=hackathon, person=Person.objects.get(username="jurymedlem"))
    juror = client_as("jurymedlem")
    response = juror.get(jury_url(hackathon))
    assert response.status_code == 200
    assert "The judging opens at the submission deadline" in response.content.decode()
    assert "Hemlig lösning" not in response.content.decode()  # the team can still change it
    assert juror.get(score_url(hackathon, submission)).status_code == 404


def test_a_juror_scores_through_the_form(judged, client_as):
    hackathon, s = judged
    nytta, genomforbarhet = criteria(hackathon)
    juror = client_as("jurymedlem")
    page = juror.get(score_url(hackathon, s["X"]))
    assert page.status_code == 200
    assert "<legend>Nytta (counts for 75 %)" in page.content.decode()
    response = juror.post(score_url(hackathon, s["X"]), score_data(hackathon, 4, 2, comment="Tydlig nytta."))
    assert response.status_code == 302 and response["Location"] == jury_url(hackathon)
    given = {row.criterion_id: row for row in scores(hackathon).filter(juror__person__username="jurymedlem")}
    assert {key: row.value for key, row in given.items()} == {nytta.pk: 4, genomforbarhet.pk: 2}
    assert given[nytta.pk].comment == "Tydlig nytta." and given[genomforbarhet.pk].submission == s["X"]
    home = juror.get(jury_url(hackathon)).content.decode()
    assert "Your scores for “Lösning X” are saved." in home
    assert "Scored" in home and "Not scored yet" in home  # X done, Y and Z waiting
    again = juror.get(score_url(hackathon, s["X"])).content.decode()  # the form shows what was given
    assert f'name="c{nytta.pk}" value="4" required id="id_c{nytta.pk}_3" checked' in again
    assert "Tydlig nytta.</textarea>" in again


@pytest.mark.parametrize("bad", ["0", "x", "6", ""])
def test_a_score_that_is_not_1_to_5_saves_nothing(judged, client_as, bad):
    hackathon, s = judged
    response = client_as("jurymedlem").post(score_url(hackathon, s["X"]), score_data(hackathon, 4, bad))
    assert response.status_code == 422
    assert "Give a score from 1 to 5." in response.content.decode()
    assert not scores(hackathon).exists()  # not the valid first score either


def test_a_conflicted_juror_is_told_why_and_nothing_is_saved(judged, client_as):
    hackathon, s = judged
    services.declare_conflict(actor=Person.objects.get(username="jurymedlem"), team=s["X"].team, reason="Min bror")
    juror = client_as("jurymedlem")
    assert (
        "You have declared a conflict of interest with this team"
        in juror.get(score_url(hackathon, s["X"])).content.decode()
    )
    response = juror.post(score_url(hackathon, s["X"]), score_data(hackathon, 5, 5))
    assert response.status_code == 422
    assert (
        "You have declared a conflict of interest with this team, so you do not score it." in response.content.decode()
    )
    assert not scores(hackathon).exists()


def test_a_juror_declares_a_conflict_through_the_form(judged, client_as):
    hackathon, s = judged
    give(hackathon, "jurymedlem", s["X"], 4, 4)
    juror = client_as("jurymedlem")
    url = f"{jury_url(hackathon)}jav/{s['X'].team_id}/"
    assert juror.get(url).status_code == 405  # a button, not a page
    refused = juror.post(url, {"reason": "   "}, follow=True)
    assert "Say in a few words what the conflict is" in refused.content.decode()
    assert not Conflict.objects.filter(team__hackathon=hackathon).exists()
    response = juror.post(url, {"reason": "Jag jobbar på startupen"})
    assert response.status_code == 302 and response["Location"] == jury_url(hackathon)
    conflict = Conflict.objects.get(team__hackathon=hackathon)
    assert conflict.team == s["X"].team and conflict.juror.person.username == "jurymedlem"
    assert not scores(hackathon).filter(submission=s["X"]).exists()  # what was given is taken away
    home = juror.get(jury_url(hackathon)).content.decode()
    assert "You do not score these" in home
    assert "(conflict of interest: Jag jobbar på startupen)" in home
    assert score_url(hackathon, s["X"]) not in home and score_url(hackathon, s["Y"]) in home


def test_the_organisers_see_the_live_ranking_and_the_jury_does_not(judged, client_as):
    hackathon, s = judged
    for letter, value in zip("XYZ", (5, 3, 1), strict=True):
        give(hackathon, "jurymedlem", s[letter], value, value)
    staff = client_as("it-direktor").get(jury_url(hackathon))
    assert staff.status_code == 200
    page = staff.content.decode()
    assert "The ranking so far" in page and "1.22" in page and "-1.22" in page  # z-scores of 5, 3, 1
    assert "5.00" in page  # X's mean mark
    assert publish_url(hackathon) in page
    assert "/jav/" not in page  # read-only: no conflict forms, since they have no seat on the jury
    juror = client_as("jurymedlem").get(jury_url(hackathon)).content.decode()
    assert "The ranking so far" not in juror and publish_url(hackathon) not in juror


def test_publishing_through_the_form_needs_every_motivation(judged, client_as):
    hackathon, s = judged
    for letter, value in zip("XYZ", (5, 3, 1), strict=True):
        give(hackathon, "jurymedlem", s[letter], value, value)
    director = client_as("it-direktor")
    page = director.get(publish_url(hackathon))
    assert page.status_code == 200 and f'name="m{s["X"].pk}"' in page.content.decode()
    response = director.post(publish_url(hackathon), {f"m{s['X'].pk}": "Bäst nytta."})
    assert response.status_code == 422
    assert "Write the jury&#x27;s motivation for this place." in response.content.decode()
    hackathon.refresh_from_db()
    assert hackathon.results_published_at is None
    assert not Submission.objects.filter(team__hackathon=hackathon, rank__isnull=False).exists()
    texts = {f"m{s['X'].pk}": "Bäst nytta.", f"m{s['Y'].pk}": "Modig idé.", f"m{s['Z'].pk}": "Ett bra försök."}
    response = director.post(publish_url(hackathon), texts)
    assert response.status_code == 302 and response["Location"] == hackathon.get_absolute_url()
    hackathon.refresh_from_db()
    assert hackathon.results_published_at is not None
    winner = Submission.objects.get(pk=s["X"].pk)
    assert winner.rank == 1 and winner.motivation == "Bäst nytta."
    after = director.get(publish_url(hackathon)).content.decode()
    assert "Published results are final." in after and 'name="m' not in after


def test_a_winner_becomes_an_initiative_through_the_form(judged, client_as):
    hackathon, s = judged
    for letter, value in zip("XYZ", (5, 3, 1), strict=True):
        give(hackathon, "jurymedlem", s[letter], value, value)
    services.publish_results(actor=Person.objects.get(username="it-direktor"), hackathon=hackathon,
                             motivations={s[letter].pk: "Bra." for letter in "XYZ"})  # fmt: skip
    director = client_as("it-direktor")
    url = f"/en/hackathon/{hackathon.slug}/bidrag/{s['X'].pk}/initiativ/"
    assert url in director.get(jury_url(hackathon)).content.decode()
    page = director.get(url)
    assert page.status_code == 200
    sprint = ProcessType.objects.get(slug="snabbprojekt")
    program = ProcessType.objects.exclude(mode="sprint").filter(is_active=True).first()
    html = page.content.decode()
    offered = html[html.index('name="process_type"') : html.index("</select>", html.index('name="process_type"'))]
    assert f'value="{sprint.pk}"' in offered
    assert f'value="{program.pk}"' not in offered  # only sprint process types are offered
    unit = Unit.objects.get(slug="digital-fornyelse")
    refused = director.post(url, {"process_type": program.pk, "unit": unit.pk})
    assert refused.status_code == 422 and Submission.objects.get(pk=s["X"].pk).initiative is None
    response = director.post(url, {"process_type": sprint.pk, "unit": unit.pk, "lead": "", "quarter": ""})
    winner = Submission.objects.select_related("initiative").get(pk=s["X"].pk)
    assert winner.initiative is not None and winner.initiative.is_sprint
    assert response.status_code == 302 and response["Location"] == winner.initiative.get_absolute_url()
    assert winner.initiative.lead.username == "it-direktor"
    assert "already an initiative" in director.get(url).content.decode()


def test_the_pages_show_a_team_name_as_text(judged, client_as):
    hackathon, s = judged
    Team.objects.filter(pk=s["X"].team_id).update(name="<script>alert(1)</script>")
    Submission.objects.filter(pk=s["X"].pk).update(title="<b>Fet</b>")
    give(hackathon, "jurymedlem", s["X"], 5, 5)
    give(hackathon, "jurymedlem", s["Y"], 1, 1)
    pages = [
        client_as("jurymedlem").get(jury_url(hackathon)),
        client_as("jurymedlem").get(score_url(hackathon, s["X"])),
        client_as("it-direktor").get(jury_url(hackathon)),
        client_as("it-direktor").get(publish_url(hackathon)),
    ]
    for response in pages:
        page = response.content.decode()
        assert response.status_code == 200
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
        assert "<b>Fet</b>" not in page


def test_the_jury_page_asks_the_database_the_same_number_of_times_for_more_teams(judged, client_as):
    hackathon, s = judged
    give(hackathon, "jurymedlem", s["X"], 4, 4)
    services.declare_conflict(actor=Person.objects.get(username="jurymedlem"), team=s["Y"].team, reason="Min bror")

    def count(username: str) -> int:
        browser = client_as(username)
        with CaptureQueriesContext(connection) as queries:
            assert browser.get(jury_url(hackathon)).status_code == 200
        return len(queries)

    before = count("jurymedlem"), count("it-direktor")
    now = timezone.now()
    Hackathon.objects.filter(pk=hackathon.pk).update(submission_closes=now + datetime.timedelta(hours=1))
    hackathon.refresh_from_db()
    for letter in "VW":
        team = make_team(hackathon, name=f"Team {letter}")
        more = services.save_submission(team=team, title=f"Lösning {letter}", description="En app.")
        s[letter] = more
    close_submissions(hackathon)
    give(hackathon, "jurymedlem", s["V"], 2, 2)
    give(hackathon, "radsledamot", s["W"], 3, 3)
    services.declare_conflict(actor=Person.objects.get(username="jurymedlem"), team=s["W"].team, reason="Kusin")
    assert (count("jurymedlem"), count("it-direktor")) == before

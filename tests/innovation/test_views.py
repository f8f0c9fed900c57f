"""The public pages of the consultations through the test client: giving an idea with and without an account (and
the e-mailed link), at a help desk for someone else, supporting, commenting, reporting, what a hidden idea shows
to whom, the list's filters, sorting and search, the statistics, and bad input of every kind."""

import time
from unittest import mock

import pytest
from django.core import mail
from django.db import connection

from tvatakt.innovation import services, tokens
from tvatakt.innovation.choices import IdeaState, Outcome, Phase
from tvatakt.innovation.models import Idea, Support
from tvatakt.organisation.models import Organisation

from .conftest import idea_fields, make_consultation

pytestmark = pytest.mark.django_db

BASE = "/en/dialog/test-dialog/"


def give(consultation, person, **fields) -> Idea:
    return services.submit_idea(consultation=consultation, actor=person, **idea_fields(**fields))


def form(**fields) -> dict:
    return {"title": "Bättre wifi på biblioteken", "body": "Det är svårt att ringa videosamtal.",
            "kind": "citizen", "age_group": "", "district": "", "name": "", "email": "astrid@example.se",
            "website": ""} | fields  # fmt: skip


def the_link(message) -> str:
    """The path of the confirmation link in an e-mail."""
    link = next(line for line in message.body.splitlines() if "/bekrafta/" in line)
    return link[link.index("/dialog/") :]


def test_an_idea_without_an_account_is_published_when_the_e_mailed_link_is_followed(
    client, consultation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(BASE + "ny-ide/", form(name="Astrid"))
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    idea = Idea.objects.get(consultation=consultation)
    assert idea.state == IdeaState.PENDING and idea.author is None and idea.author_name == "Astrid"
    assert "Bättre wifi" not in client.get(BASE).content.decode()  # not yet
    assert client.get(f"{BASE}ideer/{idea.pk}/").status_code == 404
    (message,) = [sent for sent in mail.outbox if sent.to == ["astrid@example.se"]]
    opened = client.get("/en" + the_link(message))  # as a mail filter checking links does: nothing published
    assert "Publish my idea" in opened.content.decode()
    assert Idea.objects.get(pk=idea.pk).state == IdeaState.PENDING
    for _twice in range(2):  # pressing it again changes nothing, and says the same
        page = client.post("/en" + the_link(message))
        assert page.status_code == 200 and "Your idea is published" in page.content.decode()
    idea.refresh_from_db()
    assert idea.state == IdeaState.PUBLISHED and idea.confirmed_at is not None
    assert "Bättre wifi på biblioteken" in client.get(BASE).content.decode()
    assert client.get(f"{BASE}ideer/{idea.pk}/").status_code == 200


def test_a_bad_or_expired_link_shows_a_clear_page_and_changes_nothing(client, consultation):
    idea = services.submit_idea(consultation=consultation, email="b@example.se", **idea_fields())
    good = tokens.make(idea)
    with mock.patch("django.core.signing.time.time", return_value=time.time() - tokens.MAX_AGE - 60):
        expired = tokens.make(idea)
    for token in ("nonsense", good[:-3] + "abc", expired, good.replace(":", "x", 1)):
        response = client.post(f"/en/dialog/bekrafta/{token}/")
        assert response.status_code == 400, token
        assert "The link does not work" in response.content.decode()
    idea.refresh_from_db()
    assert idea.state == IdeaState.PENDING


def test_an_idea_from_a_logged_in_person_is_published_at_once(client_as, consultation):
    response = client_as("medborgare").post(BASE + "ny-ide/", form(email=""))
    idea = Idea.objects.get(consultation=consultation)
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert idea.state == IdeaState.PUBLISHED and idea.author.username == "medborgare"
    assert idea.author_name == "Nils Persson" and idea.email == ""
    assert not mail.outbox


def test_a_filled_honeypot_says_the_same_as_for_a_person_and_saves_nothing(client, consultation):
    response = client.post(BASE + "ny-ide/", form(website="http://spam.example"))
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    assert not consultation.ideas.exists() and not mail.outbox


def test_errors_are_shown_next_to_their_fields_with_422_and_nothing_is_saved(client, consultation):
    response = client.post(BASE + "ny-ide/", form(title="", body="", kind="king", email=""))
    page = response.content.decode()
    assert response.status_code == 422 and not consultation.ideas.exists()
    expected = [("title", "Give your idea a short title."), ("body", "Tell us your idea."),
                ("kind", "Choose who you are."),
                ("email", "Write your e-mail address: we send you a link")]  # fmt: skip
    for field, message in expected:
        error = page.index(f'id="id_{field}_error"')
        assert message in page[error : error + 300], field
    assert 'aria-invalid="true"' in page and 'class="error-summary"' in page
    too_long = client.post(BASE + "ny-ide/", form(title="x" * 151))
    assert too_long.status_code == 422 and not consultation.ideas.exists()


def test_a_closed_consultation_takes_no_ideas_and_says_so(client, consultation):
    consultation.phase = Phase.REVIEW
    consultation.save()
    assert "does not take new ideas" in client.get(BASE + "ny-ide/").content.decode()
    response = client.post(BASE + "ny-ide/", form())
    assert response.status_code == 422 and not consultation.ideas.exists()
    assert "Give an idea" not in client.get(BASE).content.decode()


def test_on_behalf_is_refused_to_a_citizen_and_the_desk_s_record_is_shown(client, client_as, consultation):
    assert client_as("medborgare").get(BASE + "for-nagon-annan/").status_code == 403
    assert client_as("medborgare").post(BASE + "for-nagon-annan/", form(name="X")).status_code == 403
    assert client.get(BASE + "for-nagon-annan/")["Location"].startswith("/en/logga-in/")
    assert not consultation.ideas.exists()
    desk = client_as("vard")
    page = desk.get(BASE + "for-nagon-annan/").content.decode()
    assert "not online" in page and 'name="email"' not in page
    nameless = desk.post(BASE + "for-nagon-annan/", form(email=""))
    assert nameless.status_code == 422 and "Write the name of the person" in nameless.content.decode()
    response = desk.post(BASE + "for-nagon-annan/", form(name="Greta, 85", email="", age_group="75-85"))
    idea = Idea.objects.get(consultation=consultation)
    assert response.status_code == 302 and idea.state == IdeaState.PUBLISHED and idea.entered_by.username == "vard"
    page = client.get(idea.get_absolute_url()).content.decode()  # /en/…: the tests run in English
    assert "Entered at a help desk by Fatima Yusuf, on behalf of Greta, 85" in page


def test_supporting_twice_is_refused_and_the_button_toggles(client_as, consultation, person):
    idea = give(consultation, person("ambassador"))
    url = f"{BASE}ideer/{idea.pk}/"
    citizen = client_as("medborgare")
    response = citizen.post(url + "stod/", {"action": "support"}, follow=True)
    assert "Thank you: you support this idea." in response.content.decode()
    assert "Take back my support" in response.content.decode()
    second = citizen.post(url + "stod/", {"action": "support"}, follow=True).content.decode()
    assert "You already support this idea." in second and "1 person supports this idea." in second
    idea.refresh_from_db()
    assert idea.supports == 1 == Support.objects.filter(idea=idea).count()
    citizen.post(url + "stod/")  # no action: the button toggles
    idea.refresh_from_db()
    assert idea.supports == 0 == Support.objects.filter(idea=idea).count()
    citizen.post(url + "stod/")
    idea.refresh_from_db()
    assert idea.supports == 1


def test_support_without_an_account_leads_to_the_log_in_and_back(client, consultation, person):
    idea = give(consultation, person("medborgare"))
    response = client.post(f"{BASE}ideer/{idea.pk}/stod/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/") or response["Location"].startswith("/en/logga-in/")
    assert "next=" in response["Location"] and f"ideer/{idea.pk}/" in response["Location"]
    assert client.get(f"{BASE}ideer/{idea.pk}/stod/").status_code == 405
    assert not Support.objects.filter(idea=idea).exists()
    assert "Log in to support the idea" in client.get(f"{BASE}ideer/{idea.pk}/").content.decode()


def test_support_is_closed_when_the_phase_is_past_it(client_as, consultation, person):
    idea = give(consultation, person("ambassador"))
    consultation.phase = Phase.REVIEW
    consultation.save()
    page = client_as("medborgare").post(f"{BASE}ideer/{idea.pk}/stod/", follow=True).content.decode()
    assert "does not take support now" in page and "Support the idea" not in page
    assert not Support.objects.filter(idea=idea).exists()


def test_a_hidden_idea_is_a_404_for_others_and_shows_its_author_the_reason(client, client_as, consultation, person):
    idea = give(consultation, person("medborgare"), title="Reklam för min butik")
    services.hide_idea(idea=idea, actor=person("it-direktor"), reason="Reklam för ett företag.")
    url = f"{BASE}ideer/{idea.pk}/"
    assert client.get(url).status_code == 404
    assert client_as("ambassador").get(url).status_code == 404
    assert client.get(url + "anmal/").status_code == 404
    assert "Reklam för min butik" not in client.get(BASE).content.decode()
    for who in ("medborgare", "it-direktor"):
        response = client_as(who).get(url)
        page = response.content.decode()
        assert response.status_code == 200 and "Hidden by moderation:" in page and "Reklam för ett företag." in page


def test_markup_in_a_title_is_escaped_on_the_list_and_the_idea_page(client, consultation, person):
    idea = give(consultation, person("medborgare"), title="<script>alert(1)</script> <b>fet</b>",
                body="<img src=x onerror=alert(2)>\nrad två")  # fmt: skip
    for url in (BASE, f"{BASE}ideer/{idea.pk}/"):
        page = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in page and "<b>fet</b>" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;<br>rad två" in client.get(f"{BASE}ideer/{idea.pk}/").content.decode()


def test_emoji_and_swedish_letters_round_trip_through_the_form(client_as, consultation):
    title = "Cykelbanor åt alla 🚲 på Södermalm"
    body = "Även för äldre: 👵🏽 och 👴🏿.\nÖver bron."
    response = client_as("medborgare").post(BASE + "ny-ide/", form(title=title, body=body, email=""), follow=True)
    idea = Idea.objects.get(consultation=consultation)
    assert idea.title == title and idea.body == body
    page = response.content.decode()
    assert title in page and "Även för äldre: 👵🏽 och 👴🏿.<br>Över bron." in page
    assert title in client_as("medborgare").get(BASE, {"q": "Södermalm"}).content.decode()


def titles(client, **params) -> list[str]:
    """The ideas' titles in the list, in order."""
    import re

    page = client.get(BASE, params).content.decode()
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', page)


def test_the_search_finds_ideas_by_a_word_in_the_title_or_the_text(client, consultation, person):
    give(consultation, person("medborgare"), title="Säkrare cykel", body="Fler cykelställ vid skolorna.")
    give(consultation, person("medborgare"), title="Wifi i parken", body="Det vore bra.")
    assert titles(client, q="cykel") == ["Säkrare cykel"]
    assert titles(client, q="SKOLORNA") == ["Säkrare cykel"]
    assert titles(client, q="parken wifi") == ["Wifi i parken"]
    assert titles(client, q="tunnelbana") == []
    assert "No idea matches" in client.get(BASE, {"q": "tunnelbana"}).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Swedish stemming is PostgreSQL's")
def test_on_postgresql_the_search_finds_other_forms_of_a_word(client, consultation, person):
    # Snowball's Swedish stemmer: "skolor" and "skola" are both "skol", "cyklarna" and "cyklar" both "cykl". It does
    # not join "cykel" and "cyklar" (the e drops out), so that pair is not promised.
    give(consultation, person("medborgare"), title="Säkrare cyklar", body="Ett cykelställ vid varje skola.")
    give(consultation, person("medborgare"), title="Wifi på alla bibliotek", body="Det vore bra.")
    assert titles(client, q="cyklarna") == ["Säkrare cyklar"]
    assert titles(client, q="skolor") == ["Säkrare cyklar"]
    assert titles(client, q="biblioteken") == ["Wifi på alla bibliotek"]
    assert titles(client, q="skolor or biblioteken", sort="new") == ["Wifi på alla bibliotek", "Säkrare cyklar"]
    assert titles(client, q="skolor -cyklar") == []


def test_the_list_filters_by_outcome_kind_age_and_district_and_sorts(client, consultation, person):
    district = Organisation.objects.filter(kind="district_administration", is_active=True).order_by("pk").first()
    director = person("it-direktor")
    old = give(consultation, person("medborgare"), title="Gammal idé", kind="startup", age_group="18-29")
    liked = give(consultation, person("medborgare"), title="Populär idé", district=district)
    give(consultation, person("medborgare"), title="Ny idé", kind="academia")
    Idea.objects.filter(pk=old.pk).update(created_at=old.created_at.replace(year=2020))
    for username in ("ambassador", "vard"):
        services.support(idea=liked, actor=person(username))
    services.answer(idea=old, actor=director, outcome=Outcome.NOT_TAKEN, text="Finns redan.")
    assert titles(client) == ["Ny idé", "Populär idé", "Gammal idé"]
    assert titles(client, sort="support")[0] == "Populär idé"
    assert titles(client, sort="answered")[0] == "Gammal idé"
    assert titles(client, outcome="not_taken") == ["Gammal idé"]
    assert titles(client, outcome="unanswered") == ["Ny idé", "Populär idé"]
    assert titles(client, kind="startup") == ["Gammal idé"]
    assert titles(client, age="18-29") == ["Gammal idé"]
    assert titles(client, district=district.slug) == ["Populär idé"]
    assert titles(client, kind="citizen", sort="support") == ["Populär idé"]


@pytest.mark.parametrize(
    "params",
    [{"page": "x"}, {"page": "999"}, {"page": "-1"}, {"sort": "nonsense"}, {"outcome": "nonsense"},
     {"kind": "<script>"}, {"age": "1-2"}, {"district": "ingenstans"}, {"q": "x" * 500},
     {"q": "\"unclosed -or OR & | !: ('"}, {"q": "🚲"}],
)  # fmt: skip
def test_bad_parameters_never_give_an_error_page(client, consultation, person, params):
    give(consultation, person("medborgare"), title="Säkrare cykel")
    response = client.get(BASE, params)
    assert response.status_code == 200
    if set(params) <= {"page", "sort", "outcome", "kind", "age", "district"}:
        assert "Säkrare cykel" in response.content.decode()  # the bad choice is left out, the rest shown
    assert client.get("/en/dialog/", params).status_code == 200


def test_unknown_pages_are_404(client, consultation, person):
    idea = give(consultation, person("medborgare"))
    other = make_consultation(slug="test-annan")
    assert client.get("/en/dialog/finns-inte/").status_code == 404
    assert client.get(f"/en/dialog/{other.slug}/ideer/{idea.pk}/").status_code == 404  # another consultation's
    assert client.get(f"{BASE}ideer/{idea.pk}/anmal/", {"comment": "x"}).status_code == 404
    assert client.get(f"{BASE}ideer/999999/").status_code == 404


def test_comments_need_an_account_and_hidden_ones_show_the_reason(client, client_as, consultation, person):
    idea = give(consultation, person("ambassador"))
    url = f"{BASE}ideer/{idea.pk}/"
    assert client.post(url + "kommentar/", {"body": "Hej"})["Location"].startswith(("/logga-in/", "/en/logga-in/"))
    citizen = client_as("medborgare")
    empty = citizen.post(url + "kommentar/", {"body": "  "})
    assert empty.status_code == 422 and 'id="id_body_error"' in empty.content.decode()
    response = citizen.post(url + "kommentar/", {"body": "Bra idé! <i>Håller med</i> 👍"}, follow=True)
    page = response.content.decode()
    assert "Your comment is published." in page and "Bra idé! &lt;i&gt;Håller med&lt;/i&gt; 👍" in page
    comment = idea.comments.get()
    services.hide_comment(comment=comment, actor=person("it-direktor"), reason="Utanför ämnet")
    page = client.get(url).content.decode()
    assert "Hidden by moderation: Utanför ämnet" in page and "Håller med" not in page


def test_anyone_may_report_an_idea_or_a_comment(client, consultation, person):
    idea = give(consultation, person("ambassador"))
    comment = services.comment(idea=idea, actor=person("medborgare"), body="Köp billiga klockor här")
    url = f"{BASE}ideer/{idea.pk}/anmal/"
    assert 'for="id_reason"' in client.get(url).content.decode()
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 422 and "Say what is wrong" in empty.content.decode()
    response = client.post(url, {"reason": "Reklam"}, follow=True)
    assert "Moderation will look at it." in response.content.decode()
    page = client.get(url, {"comment": comment.pk}).content.decode()
    assert "Köp billiga klockor här" in page
    client.post(f"{url}?comment={comment.pk}", {"reason": "Spam"})
    assert set(idea.reports.values_list("comment", "reason")) == {(None, "Reklam"), (comment.pk, "Spam")}
    client.post(url, {"reason": "Robot", "website": "x"})  # the honeypot: thanked, nothing saved
    assert idea.reports.count() == 2


def test_the_idea_page_always_says_what_became_of_it(client, consultation, person):
    idea = give(consultation, person("medborgare"))
    url = f"{BASE}ideer/{idea.pk}/"
    assert "Not answered yet" in client.get(url).content.decode()
    services.answer(idea=idea, actor=person("it-direktor"), outcome=Outcome.IN_STRATEGY, text="Se avsnitt 4.",
                    url="https://example.se/strategi#4")  # fmt: skip
    page = client.get(url).content.decode()
    assert "Taken into the strategy" in page and "Se avsnitt 4." in page
    assert 'href="https://example.se/strategi#4"' in page


def test_a_consultation_shows_its_phase_results_and_the_count_of_published_ideas(client, consultation, person):
    give(consultation, person("medborgare"))
    services.submit_idea(consultation=consultation, email="x@example.se", **idea_fields())  # pending: not counted
    page = client.get("/en/dialog/").content.decode()
    assert "Hur kan digitaliseringen göra ditt liv enklare?" in page and "1 idea" in page and "Open for ideas" in page
    services.set_phase(consultation=consultation, actor=person("it-direktor"), phase=Phase.CLOSED,
                       results="Vi bygger bättre wifi.")  # fmt: skip
    page = client.get(BASE).content.decode()
    assert "Vi bygger bättre wifi." in page and 'aria-current="step"' in page and "Give an idea" not in page


def test_the_statistics_count_people_once_by_kind_age_and_district_and_ideas_by_outcome(client, consultation, person):
    district = Organisation.objects.filter(kind="district_administration", is_active=True).order_by("pk").first()
    citizen = person("medborgare")
    give(consultation, citizen, age_group="65-74", district=district)
    give(consultation, citizen, age_group="65-74", district=district)  # the same person: counted once
    answered = give(consultation, person("ambassador"), kind="startup")
    services.answer(idea=answered, actor=person("it-direktor"), outcome=Outcome.UNDER_REVIEW)
    services.support(idea=answered, actor=citizen)
    response = client.get(BASE + "statistik/")
    assert response.status_code == 200
    from tvatakt.innovation import selectors

    figures = selectors.statistics(consultation)
    assert (figures.ideas, figures.supports, figures.supporters) == (3, 1, 1)
    assert dict(figures.by_kind)["Resident"] == 1 and dict(figures.by_kind)["Startup"] == 1
    assert dict(figures.by_age)["65–74 years"] == 1 and dict(figures.by_age)["Not given"] == 1
    assert dict(figures.by_district)[district.name] == 1
    assert dict(figures.by_outcome)["Under review"] == 1 and dict(figures.by_outcome)["Not answered yet"] == 2
    page = response.content.decode()
    assert "Table: What became of the ideas" in page and district.name in page

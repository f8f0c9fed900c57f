"""Setting up a consultation and a hackathon (its challenges, rubric, questions and jury) through the staff pages.
Only those who run them get in; every rule is refused at its field with a 422, and a refusal writes nothing."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.innovation import services
from tvatakt.innovation.choices import Phase
from tvatakt.innovation.models import Challenge, Consultation, Criterion, Hackathon, Juror, Question
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.models import Dataset
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Organisation, RoleAssignment

from .conftest import give, make_consultation, make_hackathon, make_judged, make_team

pytestmark = pytest.mark.django_db
NEW_CONSULTATION = "/en/dialog/ny/"
NEW_HACKATHON = "/en/hackathon/ny/"


def _org(name="Stadsledningskontoret") -> Organisation:
    return Organisation.objects.get(name=name)


def _make_lead(person, username: str, organisation: str) -> None:
    RoleAssignment.objects.create(person=person(username), role=Role.INNOVATION_LEAD, organisation=_org(organisation),
                                  valid_from=datetime.date(2020, 1, 1))  # fmt: skip


def _consultation_post(**fields) -> dict:
    return {
        "title": "Var ska stadens nya bibliotek ligga? 📚", "title_en": "", "audience": "Alla i Kista",
        "description": "Berätta vad du saknar på ditt bibliotek.", "description_en": "", "organisation": _org().pk,
        "cluster": "", "strategy_title": "", "strategy_url": "", "slug": "",
    } | fields  # fmt: skip


def _when(days: float) -> str:
    return timezone.localtime(timezone.now() + datetime.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def _hackathon_post(**fields) -> dict:
    return {
        "title": "Hacka trafiken 🚲", "title_en": "", "description": "Bygg med trafikdata, två dagar.",
        "description_en": "", "organisation": _org().pk, "place": "Kulturhuset", "starts_at": _when(30),
        "ends_at": _when(32), "registration_opens": _when(1), "registration_closes": _when(29),
        "submission_opens": _when(30), "submission_closes": _when(32), "judging_closes": _when(40), "rules": "",
        "prizes": "", "slug": "",
    } | fields  # fmt: skip


def _dataset(name: str, state=DatasetState.PUBLIC) -> Dataset:
    return Dataset.objects.create(name=name, title=f"Cykelräkning {name}", description="Hur många cyklar.",
                                  publisher=_org(), contact_name="Lena Holm", contact_email="data@example.se",
                                  state=state)  # fmt: skip


# Consultations


def test_the_it_director_creates_a_consultation_and_it_opens_for_ideas(client_as, person):
    director = client_as("it-direktor")
    page = director.get(NEW_CONSULTATION)
    assert page.status_code == 200 and 'name="title"' in page.content.decode()
    response = director.post(NEW_CONSULTATION, _consultation_post())
    consultation = Consultation.objects.get(title="Var ska stadens nya bibliotek ligga? 📚")
    assert response.status_code == 302 and response["Location"] == consultation.get_absolute_url()
    assert consultation.slug == "var-ska-stadens-nya-bibliotek-ligga"  # from the title: å, ä and ö as a, a, o
    assert consultation.phase == Phase.IDEAS and consultation.created_by == person("it-direktor")
    public = director.get(f"/dialog/{consultation.slug}/").content.decode()
    assert "Var ska stadens nya bibliotek ligga? 📚" in public


def test_a_consultation_is_changed_and_its_page_shows_the_new_words(client_as):
    consultation = make_consultation(slug="andra-mig")
    url = f"/en/dialog/{consultation.slug}/redigera/"
    director = client_as("it-direktor")
    assert "Hur kan digitaliseringen" in director.get(url).content.decode()  # the form shows what it asks now
    response = director.post(url, _consultation_post(title="Hur når vi äldre bättre?", description="Ny text."))
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.title == "Hur når vi äldre bättre?" and consultation.slug == "andra-mig"  # the address stays
    assert "Hur når vi äldre bättre?" in client_as("medborgare").get(consultation.get_absolute_url()).content.decode()


def test_a_taken_or_reserved_address_is_refused_and_a_made_one_avoids_it(client_as):
    make_consultation(slug="bibliotek")
    director = client_as("it-direktor")
    before = Consultation.objects.count()
    for slug in ("bibliotek", "moderering", "Inte en adress!"):
        response = director.post(NEW_CONSULTATION, _consultation_post(slug=slug))
        assert response.status_code == 422, slug
        assert 'id="id_slug_error"' in response.content.decode(), slug
    assert Consultation.objects.count() == before
    director.post(NEW_CONSULTATION, _consultation_post(title="Bibliotek"))
    assert Consultation.objects.filter(slug="bibliotek-2", title="Bibliotek").exists()


def test_a_consultation_needs_its_question_and_a_whole_strategy_address(client_as):
    before = Consultation.objects.count()
    director = client_as("it-direktor")
    response = director.post(NEW_CONSULTATION, _consultation_post(title=" ", title_en="x" * 201))
    page = response.content.decode()
    assert response.status_code == 422 and 'id="id_title_error"' in page and 'id="id_title_en_error"' in page
    response = director.post(NEW_CONSULTATION, _consultation_post(strategy_url="strategi"))
    assert response.status_code == 422 and 'id="id_strategy_url_error"' in response.content.decode()
    assert Consultation.objects.count() == before


def test_a_question_too_long_for_its_column_is_refused_by_the_service(person):
    with pytest.raises(DomainError) as refused:
        services.save_consultation(actor=person("it-direktor"), organisation=_org(), title="Fråga",
                                   description="d", audience="a" * 301)  # fmt: skip
    assert "audience" in refused.value.message_dict
    assert not Consultation.objects.filter(title="Fråga").exists()


def test_html_in_a_consultation_is_shown_as_text(client_as):
    client_as("it-direktor").post(NEW_CONSULTATION, _consultation_post(
        title="<script>alert(1)</script> Idéer", description="<b>fet</b>", slug="html-test"))  # fmt: skip
    page = client_as("medborgare").get("/en/dialog/html-test/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Idéer" in page and "<script>alert(1)" not in page
    assert "&lt;b&gt;fet&lt;/b&gt;" in page


# Who may


def test_a_citizen_and_an_ambassador_are_refused_every_organising_page_and_nothing_changes(client_as, client):
    consultation = make_consultation(slug="skyddad")
    hackathon = make_hackathon(slug="skyddat-hack")
    challenge = hackathon.challenges.get()
    base = f"/en/hackathon/{hackathon.slug}/"
    pages = {
        NEW_CONSULTATION: _consultation_post(slug="inte-min"),
        f"/en/dialog/{consultation.slug}/redigera/": _consultation_post(title="Kapad"),
        NEW_HACKATHON: _hackathon_post(slug="inte-mitt"),
        base + "redigera/": _hackathon_post(title="Kapat"),
        base + "utmaningar/ny/": {"title": "Kapad", "description": "x", "organisation": _org().pk},
        base + f"utmaningar/{challenge.slug}/redigera/": {
            "title": "Kapad",
            "description": "x",
            "organisation": _org().pk,
        },  # fmt: skip
        base + "bedomning/": {"name_1": "Kapad", "weight_1": "1"},
        base + "fragor/": {"text_1": "Kapad?"},
        base + "jury-medlemmar/": {"person": "medborgare"},
    }
    for username in ("medborgare", "ambassador"):
        browser = client_as(username)
        for url, data in pages.items():
            assert browser.get(url).status_code == 403, (username, url)
            assert browser.post(url, data).status_code == 403, (username, url)
    for url in pages:
        assert client.get(url).status_code == 302, url  # to the log-in
    assert not Consultation.objects.filter(slug="inte-min").exists() and not Hackathon.objects.filter(
        slug="inte-mitt").exists()  # fmt: skip
    consultation.refresh_from_db()
    hackathon.refresh_from_db()
    challenge.refresh_from_db()
    assert (consultation.title, hackathon.title, challenge.title) == (
        "Hur kan digitaliseringen göra ditt liv enklare?", "Hacka Stockholm", "Trygg skolväg")  # fmt: skip
    assert [c.name for c in hackathon.criteria.all()] == ["Nytta", "Genomförbarhet"]
    assert not hackathon.questions.exists() and not hackathon.jurors.exists()


def test_an_innovation_lead_sets_up_only_for_their_own_organisation(client_as, person):
    _make_lead(person, "datapublicerare", "Serviceförvaltningen")
    lead = client_as("datapublicerare")
    page = lead.get(NEW_CONSULTATION).content.decode()
    assert "Serviceförvaltningen" in page and "Stadsledningskontoret" not in page  # the only choice offered
    refused = lead.post(NEW_CONSULTATION, _consultation_post(slug="fel-org"))  # posted for another organisation
    assert refused.status_code == 422 and 'id="id_organisation_error"' in refused.content.decode()
    assert not Consultation.objects.filter(slug="fel-org").exists()
    with pytest.raises(NotAllowed):
        services.save_consultation(actor=person("datapublicerare"), organisation=_org(), title="Fråga",
                                   description="Text", slug="fel-org")  # fmt: skip
    assert not Consultation.objects.filter(slug="fel-org").exists()
    own = _consultation_post(slug="ratt-org", organisation=_org("Serviceförvaltningen").pk)
    assert lead.post(NEW_CONSULTATION, own).status_code == 302
    assert Consultation.objects.get(slug="ratt-org").organisation == _org("Serviceförvaltningen")


def test_an_innovation_lead_may_not_change_another_s_nor_move_their_own_to_another_organisation(client_as, person):
    _make_lead(person, "datapublicerare", "Serviceförvaltningen")
    others = make_consultation(slug="stadens")
    own = make_consultation(slug="servicens", organisation=_org("Serviceförvaltningen"))
    lead = client_as("datapublicerare")
    assert lead.get(f"/en/dialog/{others.slug}/redigera/").status_code == 403
    assert lead.get(f"/en/dialog/{own.slug}/redigera/").status_code == 200
    with pytest.raises(NotAllowed):
        services.save_consultation(actor=person("datapublicerare"), consultation=own, organisation=_org())
    own.refresh_from_db()
    assert own.organisation == _org("Serviceförvaltningen")
    hackathon = make_hackathon(slug="stadens-hack")
    assert lead.get(f"/en/hackathon/{hackathon.slug}/redigera/").status_code == 403
    with pytest.raises(NotAllowed):
        services.save_hackathon(actor=person("datapublicerare"), **{
            k: v for k, v in _hackathon_post(slug="hack-2").items() if k not in ("organisation",)
        } | {"organisation": _org(), **_aware_windows()})  # fmt: skip
    assert not Hackathon.objects.filter(slug="hack-2").exists()


def _aware_windows() -> dict:
    now = timezone.now()
    day = datetime.timedelta(days=1)
    return {"starts_at": now + 30 * day, "ends_at": now + 32 * day, "registration_opens": now + day,
            "registration_closes": now + 29 * day, "submission_opens": now + 30 * day,
            "submission_closes": now + 32 * day, "judging_closes": now + 40 * day}  # fmt: skip


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                      "LOCATION": "test-organising-links"}})  # fmt: skip
def test_the_new_links_show_only_to_those_who_may_and_never_from_the_shared_cache(client_as, client):
    director = client_as("it-direktor")
    citizen = client_as("medborgare")
    for url, link in (("/en/dialog/", 'href="/en/dialog/ny/"'), ("/en/hackathon/", 'href="/en/hackathon/ny/"')):
        assert link in director.get(url).content.decode(), url
        assert link not in client.get(url).content.decode(), url  # anonymous, now in the cache
        assert link in director.get(url).content.decode(), url  # the director still gets a fresh page
        assert link not in client.get(url).content.decode(), url
        assert link not in citizen.get(url).content.decode(), url
    consultation = make_consultation(slug="lankar")
    hackathon = make_hackathon(slug="lankar-hack")
    for page, link in ((consultation.get_absolute_url(), "/dialog/lankar/redigera/"),
                       (hackathon.get_absolute_url(), "/hackathon/lankar-hack/bedomning/")):  # fmt: skip
        assert link in director.get(page).content.decode(), page
        assert link not in client.get(page).content.decode(), page
        assert link not in citizen.get(page).content.decode(), page


# Hackathons


def test_the_it_director_creates_a_hackathon_and_changes_it(client_as):
    director = client_as("it-direktor")
    page = director.get(NEW_HACKATHON).content.decode()
    assert 'type="datetime-local"' in page and 'name="registration_closes"' in page
    response = director.post(NEW_HACKATHON, _hackathon_post())
    hackathon = Hackathon.objects.get(title="Hacka trafiken 🚲")
    assert response.status_code == 302 and response["Location"] == hackathon.get_absolute_url()
    assert hackathon.slug == "hacka-trafiken" and hackathon.registration_closes > hackathon.registration_opens
    edit = f"/en/hackathon/{hackathon.slug}/redigera/"
    assert _when(29) in director.get(edit).content.decode()  # the windows in the form, in local time
    changed = _hackathon_post(place="", online="on", prizes="Ett år med staden <3", submission_closes=_when(33))
    assert director.post(edit, changed).status_code == 302
    hackathon.refresh_from_db()
    assert hackathon.online and hackathon.place == "" and hackathon.prizes == "Ett år med staden <3"
    assert timezone.localtime(hackathon.submission_closes).strftime("%Y-%m-%dT%H:%M") == _when(33)
    public = client_as("medborgare").get(hackathon.get_absolute_url()).content.decode()
    assert "Ett år med staden &lt;3" in public and "Hacka trafiken 🚲" in public


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("registration_closes", _when(0.5), "Registration must close after it opens."),
        ("submission_closes", _when(30), "The submission deadline must come after submissions open."),
        ("judging_closes", _when(31), "The judging must end after the submission deadline."),
        ("ends_at", _when(29), "The hackathon must end after it starts."),
    ],
)
def test_a_window_out_of_order_is_refused_at_its_field_and_nothing_is_saved(client_as, field, value, message):
    director = client_as("it-direktor")
    response = director.post(NEW_HACKATHON, _hackathon_post(**{field: value}, slug="i-fel-ordning"))
    page = response.content.decode()
    assert response.status_code == 422
    assert f'id="id_{field}_error"' in page and message in page
    assert not Hackathon.objects.filter(slug="i-fel-ordning").exists()
    hackathon = make_hackathon(slug="finns-redan")
    edited = director.post(f"/en/hackathon/{hackathon.slug}/redigera/", _hackathon_post(**{field: value}))
    assert edited.status_code == 422 and message in edited.content.decode()
    assert Hackathon.objects.get(pk=hackathon.pk).title == "Hacka Stockholm"


def test_a_date_in_year_one_is_refused_at_its_field_not_a_server_error(client_as):
    director = client_as("it-direktor")
    response = director.post(NEW_HACKATHON, _hackathon_post(registration_opens="0001-01-01T00:30", slug="ar-ett"))
    assert response.status_code == 422 and 'id="id_registration_opens_error"' in response.content.decode()
    assert not Hackathon.objects.filter(slug="ar-ett").exists()


def test_a_hackathon_needs_a_place_or_online_and_a_free_address(client_as):
    make_hackathon(slug="upptagen")
    director = client_as("it-direktor")
    response = director.post(NEW_HACKATHON, _hackathon_post(place="", slug="upptagen", starts_at="inte ett datum"))
    page = response.content.decode()
    assert response.status_code == 422 and 'id="id_starts_at_error"' in page  # the form's own check first
    response = director.post(NEW_HACKATHON, _hackathon_post(place="", slug="upptagen"))
    page = response.content.decode()
    assert response.status_code == 422 and 'id="id_place_error"' in page and 'id="id_slug_error"' in page
    assert director.post(NEW_HACKATHON, _hackathon_post(slug="lag")).status_code == 422  # /hackathon/lag/ is a team's
    assert Hackathon.objects.filter(title="Hacka trafiken 🚲").count() == 0


# Challenges


def test_a_challenge_is_added_with_open_datasets_found_by_words_and_changed(client_as):
    hackathon = make_hackathon(slug="med-data")
    _dataset("cykelflode-ostermalm")
    url = f"/en/hackathon/{hackathon.slug}/utmaningar/ny/"
    director = client_as("it-direktor")
    data = {"title": "Säkra cykelvägar", "title_en": "", "description": "Var är det farligt att cykla?",
            "description_en": "", "organisation": _org("Trafikkontoret").pk, "datasets": "", "slug": ""}  # fmt: skip
    found = director.post(url, data | {"find": "1", "dataset_search": "cykelflode-ostermalm"})
    page = found.content.decode()
    assert found.status_code == 200 and 'value="cykelflode-ostermalm"' in page and "Säkra cykelvägar" in page
    assert not Challenge.objects.filter(hackathon=hackathon, title="Säkra cykelvägar").exists()  # finding saves nothing
    response = director.post(url, data | {"found": ["cykelflode-ostermalm"]})
    challenge = Challenge.objects.get(hackathon=hackathon, title="Säkra cykelvägar")
    assert response.status_code == 302 and response["Location"] == challenge.get_absolute_url()
    assert challenge.slug == "sakra-cykelvagar" and challenge.organisation == _org("Trafikkontoret")
    assert [d.name for d in challenge.datasets.all()] == ["cykelflode-ostermalm"]
    public = client_as("medborgare").get(challenge.get_absolute_url()).content.decode()
    assert "Cykelräkning cykelflode-ostermalm" in public
    edit = f"/en/hackathon/{hackathon.slug}/utmaningar/{challenge.slug}/redigera/"
    assert "cykelflode-ostermalm" in director.get(edit).content.decode()
    assert director.post(edit, data | {"title": "Tryggare cykelvägar"}).status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "Tryggare cykelvägar" and not challenge.datasets.exists()


def test_a_challenge_refuses_datasets_not_open_and_a_taken_address(client_as):
    hackathon = make_hackathon(slug="utan-utkast")
    _dataset("utkast-data", state=DatasetState.DRAFT)
    url = f"/en/hackathon/{hackathon.slug}/utmaningar/ny/"
    director = client_as("it-direktor")
    data = {"title": "Ny", "description": "Text", "organisation": _org().pk}
    for names in ("utkast-data", "finns-inte-alls"):
        response = director.post(url, data | {"datasets": names, "slug": "ny-utmaning"})
        assert response.status_code == 422 and 'id="id_datasets_error"' in response.content.decode(), names
    for slug in ("trygg-skolvag", "jury", "bedomning"):  # another challenge's, or an address of the hackathon's pages
        response = director.post(url, data | {"slug": slug})
        assert response.status_code == 422 and 'id="id_slug_error"' in response.content.decode(), slug
    assert list(hackathon.challenges.values_list("slug", flat=True)) == ["trygg-skolvag"]


# The rubric, the questions and the jury


def test_the_rubric_is_set_and_shown_as_percentages(client_as):
    hackathon = make_hackathon(slug="ny-rubrik")
    url = f"/en/hackathon/{hackathon.slug}/bedomning/"
    director = client_as("it-direktor")
    assert 'value="Nytta"' in director.get(url).content.decode()
    response = director.post(url, {"name_1": "Nytta för invånarna", "weight_1": "2", "name_2": "Öppenhet 🔓",
                                   "name_en_2": "Openness", "weight_2": "1", "name_3": "Design", "weight_3": "1",
                                   "name_4": "", "weight_4": ""})  # fmt: skip
    assert response.status_code == 302
    rows = list(hackathon.criteria.values_list("name", "weight", "order"))
    assert rows == [("Nytta för invånarna", 2, 1), ("Öppenhet 🔓", 1, 2), ("Design", 1, 3)]
    page = client_as("medborgare").get(f"/hackathon/{hackathon.slug}/").content.decode()
    assert "Öppenhet 🔓" in page and "50 %" in page and "25 %" in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name_1": "Nytta", "weight_1": "0"}, 'id="id_weight_1_error"'),
        ({"name_1": "Nytta", "weight_1": "101"}, 'id="id_weight_1_error"'),
        ({"name_1": "", "weight_1": "3"}, 'id="id_name_1_error"'),
        ({"name_1": "Nytta", "weight_1": "1", "name_2": "nytta", "weight_2": "1"}, 'id="id_name_2_error"'),
        ({"name_1": "", "weight_1": ""}, "The rubric needs at least one criterion."),
    ],
)
def test_a_rubric_without_positive_weights_names_or_criteria_is_refused(client_as, data, error):
    hackathon = make_hackathon(slug="fel-rubrik")
    response = client_as("it-direktor").post(f"/en/hackathon/{hackathon.slug}/bedomning/", data)
    assert response.status_code == 422 and error in response.content.decode()
    assert list(hackathon.criteria.values_list("name", "weight")) == [("Nytta", 3), ("Genomförbarhet", 1)]


def test_the_rubric_stays_once_the_jury_has_scored(client_as, person):
    hackathon, handed_in = make_judged(["jurymedlem"])
    give(hackathon, "jurymedlem", handed_in["X"], 4, 2)
    url = f"/en/hackathon/{hackathon.slug}/bedomning/"
    director = client_as("it-direktor")
    assert "can no longer change" in director.get(url).content.decode()
    response = director.post(url, {"name_1": "Bara nytta", "weight_1": "1"})
    assert response.status_code == 422 and "The jury has started scoring" in response.content.decode()
    assert list(hackathon.criteria.values_list("name", flat=True)) == ["Nytta", "Genomförbarhet"]
    with pytest.raises(DomainError):
        services.set_rubric(actor=person("it-direktor"), hackathon=hackathon, criteria=[("Ny", "", 1)])
    assert Criterion.objects.filter(hackathon=hackathon).count() == 2


def test_questions_are_asked_changed_and_one_a_team_answered_stays(client_as):
    hackathon = make_hackathon(slug="fragor")
    url = f"/en/hackathon/{hackathon.slug}/fragor/"
    director = client_as("it-direktor")
    response = director.post(url, {"text_1": "Behöver ni sovplats?", "text_en_1": "Do you need a bed?",
                                    "required_1": "on", "text_2": "Allergier?"})  # fmt: skip
    assert response.status_code == 302
    sleep, allergy = hackathon.questions.order_by("order")
    assert (sleep.text, sleep.text_en, sleep.required, allergy.required) == (
        "Behöver ni sovplats?", "Do you need a bed?", True, False)  # fmt: skip
    make_team(hackathon, answers={sleep.pk: "Ja, två", allergy.pk: ""})
    page = director.get(url).content.decode()
    assert f'value="{sleep.pk}"' in page and 'value="Allergier?"' in page
    # The answered one emptied, the other one reworded, one added: the answered one is refused, nothing changes.
    refused = director.post(url, {"question_1": sleep.pk, "text_1": "", "question_2": allergy.pk,
                                  "text_2": "Några allergier?", "text_3": "Vegetariskt?"})  # fmt: skip
    assert refused.status_code == 422 and 'id="id_text_1_error"' in refused.content.decode()
    assert list(hackathon.questions.values_list("text", flat=True)) == ["Behöver ni sovplats?", "Allergier?"]
    # A form opened before the answered question was there leaves it out: refused too, not deleted.
    stale = director.post(url, {"question_1": allergy.pk, "text_1": "Allergier?"})
    assert stale.status_code == 422 and "changed meanwhile" in stale.content.decode()
    assert hackathon.questions.count() == 2
    done = director.post(url, {"question_1": sleep.pk, "text_1": "Behöver ni sovplats i natt?", "required_1": "on",
                               "question_2": allergy.pk, "text_2": "", "text_3": "Vegetariskt?"})  # fmt: skip
    assert done.status_code == 302
    assert list(hackathon.questions.values_list("pk", "text")) == [(sleep.pk, "Behöver ni sovplats i natt?"),
                                                                   (Question.objects.get(text="Vegetariskt?").pk,
                                                                    "Vegetariskt?")]  # fmt: skip
    assert not Question.objects.filter(pk=allergy.pk).exists()


def test_jury_members_are_added_by_user_name_once(client_as, person):
    hackathon = make_hackathon(slug="jury-test")
    url = f"/en/hackathon/{hackathon.slug}/jury-medlemmar/"
    director = client_as("it-direktor")
    assert director.post(url, {"person": "jurymedlem"}).status_code == 302
    assert list(hackathon.jurors.values_list("person__username", flat=True)) == ["jurymedlem"]
    again = director.post(url, {"person": "jurymedlem"})
    assert again.status_code == 422 and 'id="id_person_error"' in again.content.decode()
    unknown = director.post(url, {"person": "ingen-sadan"})
    assert unknown.status_code == 422 and 'id="id_person_error"' in unknown.content.decode()
    assert hackathon.jurors.count() == 1
    assert "Erik Virtanen" in director.get(url).content.decode()


def test_a_jury_member_who_has_scored_stays_and_one_who_has_not_is_removed(client_as):
    hackathon, handed_in = make_judged(["jurymedlem", "ambassador"])
    give(hackathon, "jurymedlem", handed_in["X"], 4, 2)
    scored, idle = Juror.objects.get(hackathon=hackathon, person__username="jurymedlem"), Juror.objects.get(
        hackathon=hackathon, person__username="ambassador")  # fmt: skip
    url = f"/en/hackathon/{hackathon.slug}/jury-medlemmar/"
    director = client_as("it-direktor")
    refused = director.post(url, {"remove": scored.pk})
    assert refused.status_code == 422 and "has scored submissions" in refused.content.decode()
    assert Juror.objects.filter(pk=scored.pk).exists()
    assert director.post(url, {"remove": idle.pk}).status_code == 302
    assert list(hackathon.jurors.values_list("pk", flat=True)) == [scored.pk]


def test_the_whole_setup_through_the_pages_shows_on_the_public_page(client_as):
    director = client_as("it-direktor")
    director.post(NEW_HACKATHON, _hackathon_post(slug="hela-vagen"))
    base = "/en/hackathon/hela-vagen/"
    detail = director.get(base).content.decode()
    for link in ("redigera/", "utmaningar/ny/", "bedomning/", "fragor/", "jury-medlemmar/"):
        assert f'href="{base}{link}"' in detail, link
    director.post(base + "utmaningar/ny/", {"title": "Färre bilar", "description": "Hur?", "organisation": _org().pk})
    director.post(base + "bedomning/", {"name_1": "Effekt", "weight_1": "1"})
    director.post(base + "jury-medlemmar/", {"person": "jurymedlem"})
    hackathon = Hackathon.objects.get(slug="hela-vagen")
    assert [c.slug for c in hackathon.challenges.all()] == ["farre-bilar"]
    assert [c.name for c in hackathon.criteria.all()] == ["Effekt"] and hackathon.jurors.count() == 1
    assert hackathon.created_by.username == "it-direktor"
    public = client_as("medborgare").get(base).content.decode()
    assert "Färre bilar" in public and "Effekt" in public
    assert f'href="{base}utmaningar/farre-bilar/redigera/"' not in public
    assert f'href="{base}utmaningar/farre-bilar/redigera/"' in director.get(base).content.decode()


def test_the_models_refuse_an_address_word_whichever_door_a_slug_comes_in_by():
    from django.core.exceptions import ValidationError

    from tvatakt.innovation.models import Challenge

    for instance in (make_consultation(slug="ok-dialog"), make_hackathon(slug="ok-hack")):
        instance.slug = "ny"
        with pytest.raises(ValidationError) as refused:
            instance.full_clean()
        assert "slug" in refused.value.message_dict
    challenge = Challenge.objects.filter(hackathon__slug="ok-hack").first()
    challenge.slug = "jury"
    with pytest.raises(ValidationError):
        challenge.full_clean()

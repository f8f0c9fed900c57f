"""The lessons-learned bank: writing, review by someone other than the author, publishing, tags, search, "we read
this first", who sees what, and the API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client

from tvatakt.portfolio import services as portfolio
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition import selectors
from tvatakt.recognition.choices import EventKind, LessonState
from tvatakt.recognition.models import Event, Lesson, LessonUse, Tag
from tvatakt.recognition.services import lessons as services

pytestmark = pytest.mark.django_db

TEXTS = {
    "title": "Ramavtal först",
    "tried": "Vi prövade att köpa in sensorer utan ramavtal.",
    "expected": "Vi trodde att en direktupphandling räckte.",
    "happened": "Upphandlingen blev för stor och vi fick stoppa.",
    "learned": "Kolla ramavtalen innan ni börjar.",
    "advice": "Fråga inköp först.",
}


@pytest.fixture
def stopped(make_initiative, person):
    """A sprint led by the demo's initiative lead, in Digital förnyelse (head: enhetschef), stopped."""
    initiative = make_initiative(title="Sensorer i källare", team=[person("datapublicerare")])
    portfolio.sprint_outcome_decide(
        actor=person("enhetschef"), initiative=initiative, outcome="stopped", learning="Det gick inte."
    )
    return Initiative.objects.get(pk=initiative.pk)


@pytest.fixture
def draft(stopped, person):
    return services.lesson_write(
        actor=person("initiativledare"), initiative=stopped, tags="Upphandling, källarsensorer", **TEXTS
    )


@pytest.fixture
def in_review(draft, person):
    return services.lesson_submit(actor=person("initiativledare"), lesson=draft)


@pytest.fixture
def published(in_review, person):
    return services.lesson_review(actor=person("enhetschef"), lesson=in_review, publish=True)


@pytest.fixture
def reader(db, person):
    """Another initiative lead, not behind the published lesson: the one who reads it first."""
    from tvatakt.portfolio.models import Initiative

    return Initiative.objects.exclude(lead=person("initiativledare")).exclude(lead=None).order_by("pk").first().lead


def state(lesson: Lesson) -> tuple:
    lesson.refresh_from_db()
    return lesson.state, lesson.reviewed_by_id, lesson.published_on, lesson.title


# -- Owing a lesson ---------------------------------------------------------------------------------------------------


def test_a_stopped_sprint_owes_a_lesson_until_one_is_written(stopped, person):
    assert stopped in selectors.owing_lesson()
    assert stopped in selectors.lessons_owed_by(user=person("initiativledare"))
    assert stopped in selectors.lessons_owed_by(user=person("datapublicerare"))  # on the team
    assert stopped not in selectors.lessons_owed_by(user=person("ambassador"))
    services.lesson_write(actor=person("initiativledare"), initiative=stopped, **TEXTS)
    assert stopped not in selectors.owing_lesson()


def test_an_open_sprint_owes_no_lesson(make_initiative):
    assert make_initiative() not in selectors.owing_lesson()


def test_the_initiative_page_prompts_its_lead_to_write_the_lesson(stopped, client_as):
    page = client_as("initiativledare").get(stopped.get_absolute_url()).content.decode()
    assert "This initiative owes a lesson." in page
    assert f"/en/erkannande/initiativ/{stopped.slug}/ny-lardom/" in page
    assert "owes a lesson" not in Client().get(stopped.get_absolute_url()).content.decode()


# -- Writing ----------------------------------------------------------------------------------------------------------


def test_the_lead_or_a_team_member_writes_a_draft_with_tags(draft, stopped, person):
    assert draft.state == LessonState.DRAFT and draft.author == person("initiativledare")
    assert sorted(draft.tags.values_list("slug", flat=True)) == ["kallarsensorer", "upphandling"]
    by_team = services.lesson_write(actor=person("datapublicerare"), initiative=stopped, tags="upphandling", **TEXTS)
    assert by_team.tags.get().pk == Tag.objects.get(slug="upphandling").pk  # reused, whatever the case


def test_tags_are_reused_case_insensitively_and_empty_ones_dropped(draft, person):
    services.lesson_update(actor=person("initiativledare"), lesson=draft, tags=" UPPHANDLING ,, ; Ny tagg", **TEXTS)
    assert sorted(draft.tags.values_list("slug", flat=True)) == ["ny-tagg", "upphandling"]
    assert Tag.objects.filter(slug="upphandling").count() == 1


def test_someone_outside_the_initiative_cannot_write_its_lesson(stopped, person):
    before = Lesson.objects.count()
    for outsider in ("ambassador", "enhetschef", "medborgare"):
        with pytest.raises(PermissionDenied):
            services.lesson_write(actor=person(outsider), initiative=stopped, **TEXTS)
    assert Lesson.objects.count() == before


def test_every_part_is_required(stopped, person):
    before = Lesson.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.lesson_write(actor=person("initiativledare"), initiative=stopped, **(TEXTS | {"learned": "  "}))
    assert set(caught.value.message_dict) == {"learned"}
    assert Lesson.objects.count() == before


def test_only_a_draft_can_be_changed(in_review, person):
    with pytest.raises(ValidationError, match="Only a draft can be changed"):
        services.lesson_update(actor=person("initiativledare"), lesson=in_review, **(TEXTS | {"title": "Nytt"}))
    assert state(in_review)[3] == TEXTS["title"]


# -- Review -----------------------------------------------------------------------------------------------------------


def test_the_unit_head_publishes_a_lesson_in_review(published, person, today):
    assert state(published)[:3] == (LessonState.PUBLISHED, person("enhetschef").pk, today)


def test_the_it_director_may_review_too(in_review, person):
    services.lesson_review(actor=person("it-direktor"), lesson=in_review, publish=True)
    assert state(in_review)[0] == LessonState.PUBLISHED


def test_a_lesson_is_sent_back_only_with_a_comment(in_review, person):
    with pytest.raises(ValidationError) as caught:
        services.lesson_review(actor=person("enhetschef"), lesson=in_review, publish=False, comment=" ")
    assert "comment" in caught.value.message_dict
    assert state(in_review)[0] == LessonState.IN_REVIEW
    services.lesson_review(actor=person("enhetschef"), lesson=in_review, publish=False, comment="Skriv mer.")
    in_review.refresh_from_db()
    assert (in_review.state, in_review.review_comment, in_review.published_on) == (
        LessonState.DRAFT,
        "Skriv mer.",
        None,
    )


def test_a_draft_cannot_be_published_without_being_sent_for_review(draft, person):
    with pytest.raises(ValidationError, match="not waiting for review"):
        services.lesson_review(actor=person("enhetschef"), lesson=draft, publish=True)
    assert state(draft)[0] == LessonState.DRAFT


def test_others_cannot_review(in_review, person):
    for who in ("datapublicerare", "ambassador", "chef-utredning-och-avtal", "medborgare"):
        with pytest.raises(PermissionDenied):
            services.lesson_review(actor=person(who), lesson=in_review, publish=True)
    assert state(in_review)[:3] == (LessonState.IN_REVIEW, None, None)


def test_the_author_cannot_review_their_own_lesson_even_as_unit_head(make_initiative, person):
    """The unit head leads this initiative and writes its lesson: they may not publish it alone."""
    head = person("enhetschef")
    initiative = make_initiative(lead=head)
    lesson = services.lesson_write(actor=head, initiative=initiative, **TEXTS)
    services.lesson_submit(actor=head, lesson=lesson)
    with pytest.raises(ValidationError, match="someone else must review it"):
        services.lesson_review(actor=head, lesson=lesson, publish=True)
    assert not head.has_perm("recognition.review_lesson", lesson)
    assert state(lesson)[:3] == (LessonState.IN_REVIEW, None, None)
    services.lesson_review(actor=person("it-direktor"), lesson=lesson, publish=True)
    assert state(lesson)[0] == LessonState.PUBLISHED


def test_a_superuser_author_cannot_review_their_own_lesson(make_initiative, person):
    admin = person("admin")
    lesson = services.lesson_write(actor=admin, initiative=make_initiative(), **TEXTS)
    services.lesson_submit(actor=admin, lesson=lesson)
    with pytest.raises(ValidationError):
        services.lesson_review(actor=admin, lesson=lesson, publish=True)
    assert state(lesson)[0] == LessonState.IN_REVIEW


def test_the_review_form_refuses_the_author(make_initiative, person, client_as):
    head = person("enhetschef")
    lesson = services.lesson_write(actor=head, initiative=make_initiative(lead=head), **TEXTS)
    services.lesson_submit(actor=head, lesson=lesson)
    url = f"/en/erkannande/lardomar/{lesson.pk}/granska/"
    response = client_as("enhetschef").post(url, {"publish": "yes", "comment": ""}, follow=True)
    assert "someone else must review it" in response.content.decode()
    assert state(lesson)[0] == LessonState.IN_REVIEW


def test_the_database_refuses_a_lesson_published_by_its_author(draft, person, today):
    with pytest.raises(IntegrityError), transaction.atomic():
        Lesson.objects.filter(pk=draft.pk).update(
            state=LessonState.PUBLISHED, reviewed_by=draft.author, published_on=today
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Lesson.objects.filter(pk=draft.pk).update(state=LessonState.PUBLISHED, published_on=today)  # nobody reviewed
    assert state(draft)[0] == LessonState.DRAFT


def test_the_review_queue_holds_the_units_lessons_but_not_the_heads_own(in_review, make_initiative, person):
    head = person("enhetschef")
    own = services.lesson_write(actor=head, initiative=make_initiative(lead=head), **TEXTS)
    services.lesson_submit(actor=head, lesson=own)
    queue = list(selectors.review_queue(user=head))
    assert in_review in queue and own not in queue
    assert list(selectors.review_queue(user=person("chef-utredning-och-avtal"))) == []
    assert set(selectors.review_queue(user=person("it-direktor"))) >= {in_review, own}


# -- Reading ----------------------------------------------------------------------------------------------------------


def test_only_published_lessons_are_public(draft, in_review, published, person):
    public = Lesson.objects.visible_to(Client().get("/").wsgi_request.user)
    assert published in public
    other = services.lesson_write(actor=person("initiativledare"), initiative=published.initiative, **TEXTS)
    assert other not in public
    assert other in Lesson.objects.visible_to(person("datapublicerare"))  # the team
    assert other in Lesson.objects.visible_to(person("enhetschef"))  # the reviewer
    assert other not in Lesson.objects.visible_to(person("ambassador"))


def test_a_draft_page_is_for_writers_and_reviewers(draft, client_as):
    url = f"/en/erkannande/lardomar/{draft.pk}/"
    assert Client().get(url).status_code == 404
    assert client_as("ambassador").get(url).status_code == 404
    for who in ("initiativledare", "datapublicerare", "enhetschef"):
        assert client_as(who).get(url).status_code == 200, who


def test_a_published_lesson_page_shows_the_parts_the_reviewer_and_its_users(published, make_initiative, person, reader):
    newer = make_initiative(title="Nya sensorer", organisation=published.initiative.organisation, lead=reader)
    services.lesson_use_add(actor=reader, lesson=published, initiative=newer)
    page = Client().get(f"/en/erkannande/lardomar/{published.pk}/").content.decode()
    for text in (*TEXTS.values(), "Omar Haddad", "Nya sensorer", "upphandling"):
        assert text in page, text


def test_the_list_shows_published_lessons_and_filters_by_tag(published, person):
    other = services.lesson_write(actor=person("initiativledare"), initiative=published.initiative, **TEXTS)
    page = Client().get("/en/erkannande/lardomar/").content.decode()
    assert published.get_absolute_url() in page and other.get_absolute_url() not in page
    tagged = Client().get("/en/erkannande/lardomar/?tag=kallarsensorer").content.decode()
    assert published.get_absolute_url() in tagged
    assert "1 lesson" in tagged


def test_the_list_shows_a_writer_their_drafts(draft, client_as):
    page = client_as("initiativledare").get("/en/erkannande/lardomar/").content.decode()
    assert draft.get_absolute_url() in page


def test_search_finds_words_in_the_parts_and_tags(published):
    assert published in selectors.lesson_list(q="ramavtal")
    assert published in selectors.lesson_list(q="sensorer")
    assert published not in selectors.lesson_list(q="blockkedja")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Swedish stemming is PostgreSQL's")
def test_search_uses_swedish_stemming_on_postgresql(published):
    assert published in selectors.lesson_list(q="upphandlingar")  # the text says "upphandlingen"
    assert published in selectors.lesson_list(q="ramavtalen")
    # The stored vector follows an edit: the column is generated by PostgreSQL from the texts (migration 0002).
    Lesson.objects.filter(pk=published.pk).update(learned="Granska leverantörerna noga.")
    assert published in selectors.lesson_list(q="leverantör")


def test_search_substring_on_sqlite(published):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's fallback")
    assert published in selectors.lesson_list(q="upphandl")


# -- We read this first -----------------------------------------------------------------------------------------------


def test_a_new_initiatives_lead_notes_a_lesson_and_another_organisation_earns_an_event(
    published, make_initiative, person, reader
):
    from tvatakt.organisation.models import Organisation

    elsewhere = Organisation.objects.get(name="Trafikkontoret")
    newer = make_initiative(title="Nya sensorer", organisation=elsewhere, lead=reader)
    services.lesson_use_add(actor=reader, lesson=published, initiative=newer)
    event = Event.objects.get(
        kind=EventKind.LESSON_REUSED, subject=f"lessonreuse:{published.pk}:{newer.organisation_id}"
    )
    assert event.initiative == published.initiative
    assert event.person == published.author


def test_a_reused_lesson_rewards_the_team_member_who_wrote_it(stopped, make_initiative, person, reader):
    from tvatakt.organisation.models import Organisation

    writer = person("datapublicerare")  # on the team, not the lead
    lesson = services.lesson_write(actor=writer, initiative=stopped, **TEXTS)
    services.lesson_submit(actor=writer, lesson=lesson)
    lesson = services.lesson_review(actor=person("enhetschef"), lesson=lesson, publish=True)
    newer = make_initiative(
        title="Nya sensorer", organisation=Organisation.objects.get(name="Trafikkontoret"), lead=reader
    )
    services.lesson_use_add(actor=reader, lesson=lesson, initiative=newer)
    event = Event.objects.get(kind=EventKind.LESSON_REUSED, subject=f"lessonreuse:{lesson.pk}:{newer.organisation_id}")
    assert (event.person, event.organisation_id) == (writer, stopped.organisation_id)


def test_a_use_within_the_same_organisation_earns_no_event(published, make_initiative, person, reader):
    newer = make_initiative(title="Nya sensorer", organisation=published.initiative.organisation, lead=reader)
    services.lesson_use_add(actor=reader, lesson=published, initiative=newer)
    assert not Event.objects.filter(subject=f"lessonreuse:{published.pk}:{newer.organisation_id}").exists()


def test_noting_a_lesson_is_refused_when_it_breaks_a_rule(draft, published, make_initiative, person, reader):
    newer = make_initiative(title="Nya sensorer", lead=reader)
    before = LessonUse.objects.count()
    with pytest.raises(PermissionDenied):  # not the lead
        services.lesson_use_add(actor=person("datapublicerare"), lesson=published, initiative=newer)
    with pytest.raises(ValidationError, match="published"):
        services.lesson_use_add(actor=reader, lesson=draft, initiative=newer)
    with pytest.raises(ValidationError, match="own lesson"):
        services.lesson_use_add(actor=person("initiativledare"), lesson=published, initiative=published.initiative)
    mine = make_initiative(title="Egna sensorer")  # led by the lesson's own lead: no points for one's own lesson
    with pytest.raises(ValidationError, match="behind this lesson"):
        services.lesson_use_add(actor=person("initiativledare"), lesson=published, initiative=mine)
    assert LessonUse.objects.count() == before
    services.lesson_use_add(actor=reader, lesson=published, initiative=newer)
    with pytest.raises(ValidationError, match="already noted"):
        services.lesson_use_add(actor=reader, lesson=published, initiative=newer)
    assert LessonUse.objects.count() == before + 1


def test_the_lead_notes_a_lesson_from_the_initiative_page(published, make_initiative, client_as, reader):
    newer = make_initiative(title="Nya sensorer", lead=reader)
    client = client_as(reader.username)
    page = client.get(newer.get_absolute_url()).content.decode()
    assert "Lessons we read first" in page and f'value="{published.pk}"' in page
    response = client.post(f"/en/erkannande/initiativ/{newer.slug}/lasta-lardomar/", {"lesson": published.pk})
    assert response.status_code == 302
    assert LessonUse.objects.filter(lesson=published, initiative=newer).exists()
    assert published.title in client.get(newer.get_absolute_url()).content.decode()


# -- Forms ------------------------------------------------------------------------------------------------------------


def test_writing_sending_and_reviewing_through_the_forms(stopped, client_as):
    lead = client_as("initiativledare")
    response = lead.post(f"/en/erkannande/initiativ/{stopped.slug}/ny-lardom/", TEXTS | {"tags": "sensorer"})
    lesson = Lesson.objects.get(initiative=stopped)
    assert response.status_code == 302 and lesson.state == LessonState.DRAFT
    lead.post(f"/en/erkannande/lardomar/{lesson.pk}/skicka/")
    assert state(lesson)[0] == LessonState.IN_REVIEW
    assert lead.get(f"/en/erkannande/lardomar/{lesson.pk}/granska/").status_code in (302, 403)
    head = client_as("enhetschef")
    assert lesson.title in head.get("/en/erkannande/lardomar/granska/").content.decode()
    response = head.post(f"/en/erkannande/lardomar/{lesson.pk}/granska/", {"publish": "no", "comment": ""})
    assert response.status_code == 200 and state(lesson)[0] == LessonState.IN_REVIEW
    head.post(f"/en/erkannande/lardomar/{lesson.pk}/granska/", {"publish": "yes", "comment": ""})
    assert state(lesson)[0] == LessonState.PUBLISHED


def test_a_stranger_cannot_open_the_write_form(stopped, client_as):
    assert client_as("ambassador").get(f"/en/erkannande/initiativ/{stopped.slug}/ny-lardom/").status_code == 403


# -- API --------------------------------------------------------------------------------------------------------------


def test_the_api_lists_published_lessons_only(draft, published, person):
    other = services.lesson_write(actor=person("initiativledare"), initiative=published.initiative, **TEXTS)
    ids = [row["id"] for row in Client().get("/api/v1/recognition/lessons?limit=100").json()["items"]]
    assert published.pk in ids and other.pk not in ids
    found = Client().get("/api/v1/recognition/lessons?q=ramavtal&tag=kallarsensorer").json()["items"]
    assert [row["id"] for row in found] == [published.pk]
    one = Client().get(f"/api/v1/recognition/lessons/{published.pk}").json()
    assert one["learned"] == TEXTS["learned"] and one["tags"] == ["kallarsensorer", "upphandling"]
    assert Client().get(f"/api/v1/recognition/lessons/{other.pk}").status_code == 404


# -- The demo ------------------------------------------------------------------------------------------------------


def test_the_demo_has_a_bank_of_published_lessons_and_a_use_across_organisations():
    from tvatakt.demo.lessons import load_demo_lessons

    states = list(Lesson.objects.values_list("state", flat=True))
    assert states.count(LessonState.PUBLISHED) >= 20
    assert LessonState.IN_REVIEW in states and LessonState.DRAFT in states
    uses = LessonUse.objects.select_related("lesson__initiative", "initiative")
    assert any(use.lesson.initiative.organisation_id != use.initiative.organisation_id for use in uses)
    assert Initiative.objects.get(slug="ar-guide-i-kulturhuset") in selectors.owing_lesson()
    assert load_demo_lessons() == 0  # a second load adds nothing
    assert Lesson.objects.count() == len(states)


def test_a_lessons_swedish_text_is_marked_as_swedish_on_the_english_page(published):
    from django.test import Client

    english = Client().get(f"/en/erkannande/lardomar/{published.pk}/").content.decode()
    assert f'<h1 lang="sv">{published.title}</h1>' in english
    swedish = Client().get(f"/erkannande/lardomar/{published.pk}/").content.decode()
    assert f"<h1>{published.title}</h1>" in swedish

"""A signed-in person sees, downloads and erases what the service holds about them (GDPR art. 15, 17 and 20)."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.forms.models import model_to_dict
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.api.models import ApiToken, hash_key
from tvatakt.core import subject
from tvatakt.core.errors import DomainError
from tvatakt.council.models import Vote
from tvatakt.demo.city import DEMO_PASSWORD
from tvatakt.inclusion.models import Registration
from tvatakt.innovation import tokens
from tvatakt.innovation.models import Idea, Support
from tvatakt.organisation.choices import Role
from tvatakt.organisation.erasure import erase_person
from tvatakt.organisation.models import ErasureRecord, Person, RoleAssignment

pytestmark = pytest.mark.django_db

PAGES = ["/konto/mina-uppgifter/", "/konto/mina-uppgifter.json", "/konto/radera/"]


def _key(person, name="Mitt skript") -> ApiToken:
    return ApiToken.objects.create(person=person, name=name, prefix="tvt_abcdefgh", key_hash=hash_key(name + "x"))


def _sections(data: dict) -> dict[str, list]:
    return {f"{area['key']}.{item['key']}": item["rows"] for area in data["areas"] for item in area["sections"]}


def test_every_reference_to_a_person_is_answered_for_by_some_part():
    """A new foreign key to Person (outside the history copies) fails here until an app's subject.py claims it,
    so what it holds is exported and erased like the rest."""
    assert subject.unclaimed() == []
    existing = {ref.label for ref in subject.references_to_person()}
    claimed = {label for part in subject.parts() for label in part.covers}
    assert sorted(claimed - existing) == [], "claims of fields that do not exist: a typo covers nothing"


def test_export_has_something_from_every_part_where_the_person_has_data(person):
    ambassador = person("ambassador")
    _key(ambassador)
    Registration.objects.filter(pk=Registration.objects.filter(erased_at=None).first().pk).update(
        email=ambassador.email
    )
    sections = _sections(subject.as_json(ambassador))
    by_part = {part.key: part for part in subject.parts()}
    for ref in subject.references_to_person():
        if not ref.model._default_manager.filter(**{ref.name: ambassador}).exists():
            continue
        part = next(part for part in by_part.values() if ref.label in part.covers)
        assert any(rows for key, rows in sections.items() if key.startswith(f"{part.key}.")), ref.label
    for key in [
        "organisation.account", "organisation.roles", "portfolio.led", "portfolio.check_ins",
        "council.adoption_reports", "council.posts", "recognition.lessons", "opendata.uses", "innovation.ideas",
        "innovation.supports", "innovation.comments", "api.api_keys", "inclusion.registrations",
    ]:  # fmt: skip
        assert sections[key], key


def test_export_holds_nothing_of_other_people_nor_any_secret(person):
    ambassador = person("ambassador")
    key = _key(ambassador)
    text = json.dumps(subject.as_json(ambassador), ensure_ascii=False, default=str)
    assert "Jonas" in text and "ambassador@demo.example.org" in text
    for other in Person.objects.exclude(pk=ambassador.pk).exclude(last_name=""):
        assert other.email not in text, other.username
        assert other.get_full_name() not in text, other.username
    assert ambassador.password not in text
    assert key.key_hash not in text


def test_json_download_is_an_attachment_in_utf8(client_as):
    response = client_as("ambassador").get("/konto/mina-uppgifter.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "charset=utf-8" in response["Content-Type"]
    raw = response.content.decode("utf-8")
    assert "Utbildningsförvaltningen" in raw  # ensure_ascii False: not \u00f6
    data = json.loads(raw)
    assert data["person_id"] == Person.objects.get(username="ambassador").pk
    assert data["areas"][0]["key"] == "organisation"


def test_the_page_shows_each_part_under_its_heading(client_as, person):
    ambassador = person("ambassador")
    idea = Idea.objects.filter(author=ambassador).first()
    response = client_as("ambassador").get("/konto/mina-uppgifter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="part-council">' in html and '<h2 id="part-innovation">' in html
    assert idea.title in html
    assert "Karin Lindqvist" not in html  # the IT director answered ideas: her name is hers, not his


def test_the_export_costs_the_same_number_of_queries_however_much_there_is(person):
    """One query per section (and one prefetch), never one per row: a person with hundreds of rows costs the same
    as one with none."""
    counts = {}
    for username in ("medborgare", "ambassador"):
        someone = person(username)
        with CaptureQueriesContext(connection) as queries:
            subject.as_json(someone)
        counts[username] = len(queries)
    assert counts["ambassador"] <= counts["medborgare"] + 2, counts
    assert counts["ambassador"] <= 60, counts


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitor_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/logga-in/" in response["Location"] or "login" in response["Location"]


def test_erasure_anonymises_the_person_and_keeps_the_public_records(client_as, person):
    """Erasing a council member: the votes stay, with the office (the role, ended today) but not the name; keys are
    revoked, supports deleted, and the record of the erasure holds nothing that was erased.

    Checked that it can fail: with `_anonymise(current)` taken out of organisation.erasure.erase_person, this test
    failed on the name (`assert member.first_name == ""`); put back, it passes."""
    member = person("radsledamot")
    old = {"first": member.first_name, "last": member.last_name, "email": member.email, "username": member.username}
    key = _key(member)
    votes = Vote.objects.filter(member=member).count()
    decision = Vote.objects.filter(member=member).select_related("decision").first().decision
    supported = list(Support.objects.filter(person=member).values_list("idea_id", "idea__supports"))
    assert votes and supported

    client = client_as("radsledamot")
    response = client.post("/konto/radera/", {"understood": "on", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"

    member.refresh_from_db()
    assert member.first_name == "" and member.last_name == "" and member.email == "" and member.title == ""
    assert old["username"] not in member.username
    assert not member.has_usable_password() and not member.is_active and member.erased_at
    assert member.display_name == _("Removed person")
    # The public record: every vote is still there, and the decision's page names no one.
    assert Vote.objects.filter(member=member).count() == votes
    page = Client().get(decision.get_absolute_url()).content.decode()
    assert old["last"] not in page and _("Removed person") in page
    # The office stays: the role held, ended today, not deleted.
    role = RoleAssignment.objects.get(person=member, role=Role.COUNCIL_MEMBER)
    assert role.valid_until == timezone.localdate() and role.cluster is not None
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert not Support.objects.filter(person=member).exists()
    for idea_id, count in supported:
        assert Idea.objects.get(pk=idea_id).supports == count - 1
    # The record: which person row, by whom, how much; not a trace of who it was.
    record = ErasureRecord.objects.get(person=member)
    assert record.by_self and record.actor_id == member.pk
    assert record.counts["api"]["keys_revoked"] == 1 and record.counts["council"]["votes_kept"] == votes
    stored = json.dumps(model_to_dict(record), default=str) + str(record)
    for value in old.values():
        assert value.lower() not in stored.lower()
    # Logged out, and the password no longer logs in.
    assert client.get("/konto/").status_code == 302
    assert not Client().login(request=HttpRequest(), username=old["username"], password=DEMO_PASSWORD)


def test_wrong_password_erases_nothing_and_says_so_next_to_the_field(client_as, person):
    response = client_as("radsledamot").post("/konto/radera/", {"understood": "on", "password": "fel"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_password_error"' in html
    assert _("The password is not right. Nothing was erased.") in html
    member = person("radsledamot")
    assert member.is_active and member.first_name == "Maria" and member.erased_at is None
    assert not ErasureRecord.objects.exists()


def test_erasure_without_the_box_ticked_erases_nothing(client_as, person):
    response = client_as("radsledamot").post("/konto/radera/", {"password": DEMO_PASSWORD})
    assert response.status_code == 422
    assert 'id="id_understood_error"' in response.content.decode()
    assert person("radsledamot").erased_at is None


def test_the_only_it_director_cannot_erase_themself(client_as, person):
    assert RoleAssignment.objects.active().filter(role=Role.IT_DIRECTOR).count() == 1
    response = client_as("it-direktor").post("/konto/radera/", {"understood": "on", "password": DEMO_PASSWORD})
    assert response.status_code == 422
    assert "Du är den enda IT-direktören." in response.content.decode()
    director = person("it-direktor")
    assert director.is_active and director.erased_at is None
    assert RoleAssignment.objects.active().filter(person=director, role=Role.IT_DIRECTOR).exists()


def test_the_only_administrator_cannot_be_erased(person):
    admin = person("admin")
    Person.objects.filter(is_superuser=True).exclude(pk=admin.pk).update(is_superuser=False)
    with pytest.raises(DomainError):
        erase_person(admin, actor=admin)
    assert person("admin").erased_at is None


def test_an_administrator_erases_someone_else_and_the_record_says_so(person):
    admin, citizen = person("admin"), person("medborgare")
    record = erase_person(citizen, actor=admin)
    assert not record.by_self and record.actor_id == admin.pk
    citizen.refresh_from_db()
    assert citizen.erased_at and citizen.email == ""


def test_no_one_else_may_erase_a_person(person):
    with pytest.raises(PermissionDenied):
        erase_person(person("medborgare"), actor=person("ambassador"))
    assert person("medborgare").erased_at is None


def test_a_failing_part_leaves_everything_as_it_was(person, monkeypatch):
    member = person("radsledamot")
    _key(member)

    def broken(person, *, reason):
        raise RuntimeError("disk full")

    monkeypatch.setitem(
        subject._PARTS, "zz", subject.Part(key="zz", area="x", covers=(), export=list, erase=broken, order=999)
    )
    with pytest.raises(RuntimeError):
        erase_person(member, actor=member)
    member.refresh_from_db()
    assert member.first_name == "Maria" and member.is_active and member.erased_at is None
    assert ApiToken.objects.filter(person=member, revoked_at=None).exists()
    assert Support.objects.filter(person=member).exists()
    assert RoleAssignment.objects.active().filter(person=member).exists()
    assert not ErasureRecord.objects.exists()


def test_admin_action_erases_through_the_same_service(person, rf, monkeypatch):
    from django.contrib import admin as django_admin

    from tvatakt.organisation.admin import PersonAdmin

    admin_user, citizen = person("admin"), person("medborgare")
    request = rf.post("/admin/")
    request.user = admin_user
    sent = []
    model_admin = PersonAdmin(Person, django_admin.site)
    monkeypatch.setattr(model_admin, "message_user", lambda request, message, level: sent.append(str(message)))
    model_admin.erase(request, Person.objects.filter(pk=citizen.pk))
    assert ErasureRecord.objects.get(person=citizen).actor_id == admin_user.pk
    assert sent and "1" in sent[0]


def test_an_ideas_own_link_gives_its_data_as_a_file(client):
    idea = Idea.objects.exclude(email="").select_related("consultation").first()
    response = client.get(f"/dialog/bekrafta/{tokens.make(idea)}/mina-uppgifter.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content.decode("utf-8"))
    assert data["email"] == idea.email and data["title"] == idea.title
    page = client.get(f"/dialog/bekrafta/{tokens.make(idea)}/").content.decode()
    assert "mina-uppgifter.json" in page


def test_a_bad_idea_link_gives_no_data(client):
    response = client.get("/dialog/bekrafta/not-a-token/mina-uppgifter.json")
    assert response.status_code == 400

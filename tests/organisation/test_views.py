import pytest
from django.test import Client

from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Organisation, RoleAssignment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/organisationer/",
        "/organisationer/?kind=company",
        "/organisationer/?cluster=skola-och-forskola&q=j%C3%A4rva",
        "/organisationer/utbildningsforvaltningen/",
        "/enheter/",
        "/enheter/digital-fornyelse/",
        "/kluster/",
        "/kluster/skola-och-forskola/",
        "/en/organisationer/",
        "/en/kluster/skola-och-forskola/",
    ],
)
def test_public_directory_pages_show_in_the_layout(db, client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<main" in html and "<h1>" in html


def test_directory_filters_by_kind_and_cluster(db, client):
    html = client.get("/organisationer/", {"kind": "company", "cluster": "teknik-och-infrastruktur"}).content.decode()
    assert "AB Stokab" in html
    assert "Trafikkontoret" not in html  # in the cluster, but not a company
    assert "AB Svenska Bostäder" not in html  # a company, but not in the cluster


def test_a_bad_filter_value_shows_a_message_not_a_crash(db, client):
    response = client.get("/organisationer/", {"kind": "planet"})
    assert response.status_code == 200
    assert "aria-invalid" in response.content.decode()


def test_organisation_page_shows_its_ambassador(db, client):
    html = client.get("/organisationer/utbildningsforvaltningen/").content.decode()
    assert "Jonas Ekholm" in html and "Ambassadör" in html


def test_unknown_organisation_is_a_404_in_the_layout(db, client):
    response = client.get("/organisationer/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan finns inte" in html and 'class="skip-link"' in html


def test_ambassador_edits_their_organisation_in_the_browser(client_as):
    client = client_as("ambassador")
    page = client.get("/organisationer/utbildningsforvaltningen/redigera/")
    assert page.status_code == 200
    assert 'name="name"' not in page.content.decode()  # identity is the IT director's
    response = client.post(
        "/organisationer/utbildningsforvaltningen/redigera/", {"short_name": "UTB", "website": "https://example.org/"}
    )
    assert response.status_code == 302
    assert Organisation.objects.get(slug="utbildningsforvaltningen").short_name == "UTB"


def test_bad_input_is_shown_next_to_the_field_and_nothing_changes(client_as):
    response = client_as("ambassador").post(
        "/organisationer/utbildningsforvaltningen/redigera/", {"short_name": "UTB", "website": "inte en adress"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_website_error"' in html and 'aria-invalid="true"' in html
    assert Organisation.objects.get(slug="utbildningsforvaltningen").short_name == ""


@pytest.mark.parametrize(
    ("username", "url", "status"),
    [
        ("ambassador", "/organisationer/stadsarkivet/redigera/", 403),
        ("medborgare", "/organisationer/utbildningsforvaltningen/redigera/", 403),
        ("it-direktor", "/organisationer/stadsarkivet/redigera/", 200),
        ("enhetschef", "/enheter/digital-fornyelse/redigera/", 200),
        ("enhetschef", "/enheter/utredning-och-avtal/redigera/", 403),
        ("sammankallande", "/kluster/teknik-och-infrastruktur/redigera/", 200),
        ("sammankallande", "/kluster/kultur-och-fritid/redigera/", 403),
        ("it-direktor", "/roller/", 200),
        ("ambassador", "/roller/", 403),
        ("radsordforande", "/roller/", 403),
    ],
)
def test_edit_pages_follow_the_roles(client_as, username, url, status):
    response = client_as(username).get(url)
    assert response.status_code == status
    if status == 403:
        assert "Du får inte göra det här" in response.content.decode()


def test_edit_pages_ask_anonymous_visitors_to_log_in(db, client):
    response = client.get("/roller/")
    assert response.status_code == 302 and response["Location"].startswith("/logga-in/")


def test_it_director_gives_and_ends_a_role_in_the_browser(client_as, person):
    client = client_as("it-direktor")
    response = client.post("/roller/", {"person": "medborgare", "role": Role.JURY_MEMBER})
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(person=person("medborgare"), role=Role.JURY_MEMBER)
    response = client.post(f"/roller/{assignment.pk}/avsluta/")
    assert response.status_code == 302
    assert not RoleAssignment.objects.filter(pk=assignment.pk).active().exists()


def test_second_ambassador_in_the_browser_gets_a_message_next_to_person(client_as):
    organisation = Organisation.objects.get(slug="utbildningsforvaltningen")
    response = client_as("it-direktor").post(
        "/roller/", {"person": "medborgare", "role": Role.AMBASSADOR, "organisation": organisation.pk}
    )
    assert response.status_code == 200
    assert 'id="id_person_error"' in response.content.decode()
    assert organisation.roles.filter(role=Role.AMBASSADOR, is_deputy=False).count() == 1


def test_role_in_the_wrong_scope_in_the_browser_gets_a_message(client_as):
    response = client_as("it-direktor").post("/roller/", {"person": "medborgare", "role": Role.AMBASSADOR})
    assert response.status_code == 200
    assert 'id="id_role_error"' in response.content.decode()


def test_only_the_it_director_may_end_roles(client_as):
    assignment = RoleAssignment.objects.filter(role=Role.AMBASSADOR).first()
    response = client_as("ambassador").post(f"/roller/{assignment.pk}/avsluta/")
    assert response.status_code == 403
    assignment.refresh_from_db()
    assert assignment.valid_until is None


def test_ending_a_role_needs_post(client_as):
    assignment = RoleAssignment.objects.filter(role=Role.AMBASSADOR).first()
    assert client_as("it-direktor").get(f"/roller/{assignment.pk}/avsluta/").status_code == 405


def test_anonymous_visitors_see_no_edit_button(db):
    html = Client().get("/organisationer/utbildningsforvaltningen/").content.decode()
    assert "/redigera/" not in html

import re

import pytest
from django.core import mail
from django.http import HttpRequest
from django.test import Client

from tvatakt.demo.city import DEMO_PASSWORD, LOGINS

pytestmark = pytest.mark.django_db


def test_home_is_in_swedish_by_default(db, client):
    html = client.get("/").content.decode()
    assert '<html lang="sv">' in html
    assert "Digital förnyelse" in html


def test_every_page_links_to_the_same_page_in_english_and_back(db, client):
    html = client.get("/kluster/skola-och-forskola/").content.decode()
    assert 'href="/en/kluster/skola-och-forskola/" hreflang="en" lang="en"' in html
    english = client.get("/en/kluster/skola-och-forskola/").content.decode()
    assert '<html lang="en">' in english and "School and preschool" in english
    assert 'href="/kluster/skola-och-forskola/" hreflang="sv" lang="sv"' in english


def test_the_language_switch_keeps_the_query(db, client):
    html = client.get("/organisationer/?kind=company").content.decode()
    assert 'href="/en/organisationer/?kind=company"' in html


def test_the_404_page_is_in_the_language_of_its_address(db, client):
    assert "Page not found" in client.get("/en/no-such-page/").content.decode()
    assert "Sidan finns inte" in client.get("/ingen-sadan-sida/").content.decode()


def test_the_accessibility_statement_is_linked_from_every_page(db, client):
    for url in ["/", "/organisationer/", "/logga-in/"]:
        assert 'href="/tillganglighet/"' in client.get(url).content.decode()
    statement = client.get("/tillganglighet/").content.decode()
    assert "digg.se/tdosanmalan" in statement


def test_the_privacy_page_shows_each_purpose_with_its_legal_basis_and_retention(db, client, settings):
    settings.INCLUSION_RETENTION_DAYS = 45
    assert 'href="/integritet/"' in client.get("/").content.decode()
    page = client.get("/en/integritet/").content.decode()
    assert "A guardian&#x27;s consent for a child under 13" in page
    # the guardian's consent and photos (events), and the hackathon teams
    assert page.count("Consent: only if you say yes") == 3
    assert "Public task: the city&#x27;s work (GDPR art. 6.1 e)" in page
    assert "Erased 45 days after the event." in page  # the period the erasure task uses
    swedish = client.get("/integritet/").content.decode()
    assert "Samtycke" in swedish and "45 dagar efter" in swedish


@pytest.mark.parametrize("username", [login[0] for login in LOGINS])
def test_each_demo_role_logs_in_and_sees_its_roles(db, username):
    client = Client()
    response = client.post("/logga-in/", {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/konto/"
    account = client.get("/konto/").content.decode()
    assert "Mitt konto" in account


@pytest.mark.parametrize(
    ("username", "link"),
    [
        ("it-direktor", "/roller/"),
        ("ambassador", "/organisationer/utbildningsforvaltningen/redigera/"),
        ("enhetschef", "/enheter/digital-fornyelse/redigera/"),
        ("sammankallande", "/kluster/teknik-och-infrastruktur/redigera/"),
        ("admin", "/admin/"),
    ],
)
def test_the_account_page_links_to_what_the_role_may_do(client_as, username, link):
    assert f'href="{link}"' in client_as(username).get("/konto/").content.decode()


def test_a_citizen_is_offered_no_editing(client_as):
    html = client_as("medborgare").get("/konto/").content.decode()
    assert "/redigera/" not in html and "/roller/" not in html


def test_wrong_password_shows_a_message_and_does_not_log_in(db, client):
    response = client.post("/logga-in/", {"username": "ambassador", "password": "fel"})
    assert response.status_code == 200
    assert "Användarnamnet eller lösenordet är fel" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_log_out_is_a_post_and_ends_the_session(client_as):
    client = client_as("ambassador")
    response = client.post("/logga-ut/")
    assert response.status_code == 302
    assert client.get("/konto/").status_code == 302


def test_forgotten_password_is_reset_by_email(db, client):
    response = client.post("/losenord/glomt/", {"email": "ambassador@demo.example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/losenord/nytt/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session and redirects
    new_password = "en-lang-ny-fras-2026"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    assert Client().login(request=HttpRequest(), username="ambassador", password=new_password)


def test_a_weak_new_password_is_refused_next_to_the_field(db, client):
    client.post("/losenord/glomt/", {"email": "ambassador@demo.example.org"})
    link = re.search(r"https?://[^/]+(/losenord/nytt/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    response = client.post(form_url, {"new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200
    assert 'id="id_new_password2_error"' in response.content.decode()


def test_reset_for_an_unknown_address_reveals_nothing(db, client):
    response = client.post("/losenord/glomt/", {"email": "ingen@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_staff_use_the_admin(client_as):
    client = client_as("admin")
    for url in ["/admin/", "/admin/organisation/organisation/", "/admin/organisation/roleassignment/"]:
        assert client.get(url).status_code == 200


def test_non_staff_cannot_use_the_admin(client_as):
    assert client_as("it-direktor").get("/admin/").status_code == 302


def test_server_error_page_is_in_the_layout(rf, db):
    from tvatakt.web.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_the_reset_task_queue_never_holds_the_token(db, client, monkeypatch):
    from tvatakt.web import forms

    queued = []

    class Recorder:
        def enqueue(self, **kwargs):
            queued.append(kwargs)

    monkeypatch.setattr(forms, "send_password_reset", Recorder())
    client.post("/losenord/glomt/", {"email": "ambassador@demo.example.org"})
    assert len(queued) == 1
    assert set(queued[0]) == {"user_pk", "domain", "use_https", "language"}


def test_a_logged_in_visitor_on_the_log_in_page_with_next_pointing_at_it_is_not_looped(client_as):
    response = client_as("ambassador").get("/logga-in/?next=/logga-in/")
    assert response.status_code == 302 and response["Location"] == "/konto/"


def test_the_log_in_page_does_not_link_to_itself_with_next(db, client):
    assert "?next=/logga-in/" not in client.get("/logga-in/").content.decode()

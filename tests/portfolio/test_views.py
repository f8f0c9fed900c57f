import datetime
import io

import openpyxl
import pytest
from django.test import Client

from tvatakt.portfolio.models import GateDecision, Initiative

pytestmark = pytest.mark.django_db


def test_board_shows_both_lanes_to_the_public(make_initiative):
    make_initiative(title="Snabb chattbot")
    make_initiative("program", title="Långt skolprogram")
    html = Client().get("/portfolj/").content.decode()
    assert "Snabb chattbot" in html and "Långt skolprogram" in html
    assert 'id="marathon-heading"' in html and 'id="sprint-heading"' in html


def test_confidential_initiatives_are_hidden_from_the_public_but_shown_to_the_lead(make_initiative, client_as):
    secret = make_initiative(title="Hemlig upphandling", is_confidential=True)
    assert "Hemlig upphandling" not in Client().get("/portfolj/initiativ/").content.decode()
    assert Client().get(secret.get_absolute_url()).status_code == 404
    assert client_as("initiativledare").get(secret.get_absolute_url()).status_code == 200
    assert client_as("ambassador").get(secret.get_absolute_url()).status_code == 404


def test_board_filters_by_health(make_initiative):
    make_initiative(title="Gröna projektet")
    make_initiative(title="Röda projektet", health="red", health_reason="Leverantören har gått i konkurs")
    html = Client().get("/portfolj/?health=red").content.decode()
    assert "Röda projektet" in html and "Gröna projektet" not in html


def test_a_bad_filter_value_is_ignored_and_the_page_still_answers(make_initiative):
    response = Client().get("/portfolj/initiativ/?health=purple&unit=nope")
    assert response.status_code == 200


def test_create_initiative_form_shows_errors_next_to_the_field_and_saves_nothing(client_as, today):
    before = Initiative.objects.count()
    response = client_as("it-direktor").post(
        "/en/portfolj/initiativ/nytt/",
        {
            "title": "Fel datum",
            "process_type": "1",
            "organisation": "1",
            "unit": "1",
            "start_date": today.isoformat(),
            "planned_end": (today - datetime.timedelta(days=5)).isoformat(),
            "status": "proposed",
            "health": "green",
            "budget_planned": "0",
            "budget_spent": "0",
        },
    )
    assert response.status_code == 200
    assert "The planned end cannot come before the start date." in response.content.decode()
    assert Initiative.objects.count() == before


def test_check_in_through_the_form(client_as, make_initiative, today):
    initiative = make_initiative()
    response = client_as("initiativledare").post(
        f"/portfolj/initiativ/{initiative.slug}/lagesrapport/",
        {"date": today.isoformat(), "health": "amber", "text": "Väntar på API-nyckel"},
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.health == "amber"


def test_the_lead_cannot_open_the_gate_form(client_as, make_initiative):
    initiative = make_initiative()
    assert client_as("initiativledare").get(f"/portfolj/initiativ/{initiative.slug}/beslutspunkt/").status_code == 403


def test_a_stale_gate_form_is_refused_with_a_message(client_as, make_initiative, today):
    initiative = make_initiative()
    form = {
        "phase": initiative.current_phase_id,
        "revision": initiative.gate_revision,
        "decision": "go",
        "reason": "Klart",
        "decided_on": today.isoformat(),
    }
    assert client_as("enhetschef").post(f"/portfolj/initiativ/{initiative.slug}/beslutspunkt/", form).status_code == 302
    response = client_as("it-direktor").post(f"/en/portfolj/initiativ/{initiative.slug}/beslutspunkt/", form)
    assert response.status_code == 200
    assert "Someone else decided this gate" in response.content.decode()
    assert GateDecision.objects.filter(initiative=initiative).count() == 1


def test_export_csv_and_xlsx_follow_the_filters(make_initiative):
    make_initiative(title='=HYPERLINK("http://evil")')
    make_initiative("program", title="Programmet")
    csv_text = Client().get("/portfolj/initiativ/export.csv?mode=sprint").getvalue().decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "Programmet" not in csv_text
    response = Client().get("/portfolj/initiativ/export.xlsx?mode=marathon")
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Programmet" in titles and not any(str(t).startswith("=") for t in titles)
    assert Client().get("/portfolj/initiativ/export.pdf").status_code == 404


def test_history_on_the_initiative_page_says_who_changed_what(client_as, make_initiative, person):
    from tvatakt.portfolio import services

    initiative = make_initiative()
    services.initiative_update(actor=person("initiativledare"), initiative=initiative, title="Nytt namn")
    html = client_as("it-direktor").get(f"/en/portfolj/initiativ/{initiative.slug}/").content.decode()
    assert "Ali Rahimi" in html and "Testinitiativ" in html and "Nytt namn" in html


def test_unit_head_edits_the_phases_of_their_process_type(client_as):
    client = client_as("enhetschef")
    page = client.get("/portfolj/processer/experiment/redigera/")
    assert page.status_code == 200
    phases = page.context["formset"].initial
    data = {"name": "Experiment", "name_en": "Experiment", "description": "", "description_en": "", "is_active": "on"}
    data |= {"phases-TOTAL_FORMS": str(len(phases)), "phases-INITIAL_FORMS": str(len(phases))}
    data |= {"phases-MIN_NUM_FORMS": "0", "phases-MAX_NUM_FORMS": "1000"}
    for n, phase in enumerate(phases):
        for key, value in phase.items():
            data[f"phases-{n}-{key}"] = value
    data["phases-0-name"] = "Frågeställning"
    response = client.post("/portfolj/processer/experiment/redigera/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get("/portfolj/processer/experiment/").content.decode().count("Frågeställning") == 1
    assert client_as("initiativledare").get("/portfolj/processer/experiment/redigera/").status_code == 403


def test_the_leads_edit_form_shows_governed_fields_as_fixed_and_saves(client_as, make_initiative):
    initiative = make_initiative()
    client = client_as("initiativledare")
    form = client.get(f"/portfolj/initiativ/{initiative.slug}/redigera/").context["form"]
    assert form.fields["is_confidential"].disabled and form.fields["quarter"].disabled
    data = {name: form[name].value() for name in form.fields if not form.fields[name].disabled}
    data = {k: v for k, v in data.items() if v is not None}
    data["clusters"] = [c.pk for c in initiative.clusters.all()]
    data["team"] = ""
    data["budget_spent"] = "4711"
    response = client.post(f"/portfolj/initiativ/{initiative.slug}/redigera/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    initiative.refresh_from_db()
    assert initiative.budget_spent == 4711


def test_swedish_text_on_an_english_page_is_marked_as_swedish(make_initiative):
    initiative = make_initiative(title="Bara svensk titel", title_en="")
    english = Client().get(f"/en/portfolj/initiativ/{initiative.slug}/").content.decode()
    assert '<span lang="sv">Bara svensk titel</span>' in english
    translated = make_initiative(title="Svensk titel", title_en="English title")
    english = Client().get(f"/en/portfolj/initiativ/{translated.slug}/").content.decode()
    assert "English title" in english and '<span lang="sv">Svensk titel' not in english
    swedish = Client().get(f"/portfolj/initiativ/{initiative.slug}/").content.decode()
    assert 'lang="sv">Bara' not in swedish

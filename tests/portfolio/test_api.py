import pytest
from django.test import Client

from tvatakt.api.services import api_token_create
from tvatakt.portfolio.models import Initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_as(person):
    def make(username):
        _token, key = api_token_create(actor=person(username), name="test")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}")

    return make


def payload(today, **extra):
    return {
        "title": "API-projekt",
        "process_type": "snabbprojekt",
        "organisation": "utbildningsforvaltningen",
        "start_date": today.isoformat(),
        "planned_end": today.isoformat(),
        "hypothesis": "Vi tror att ett API hjälper, mätt i anrop.",
        "quarter": f"{today.year} Q{(today.month - 1) // 3 + 1}",
        "clusters": ["skola-och-forskola"],
    } | extra


def test_list_and_filter_initiatives_without_a_key(make_initiative):
    make_initiative(title="Sprinten")
    make_initiative("program", title="Maratonet")
    data = Client().get("/api/v1/initiatives?mode=sprint&limit=200").json()
    titles = {item["title"] for item in data["items"]}
    assert "Sprinten" in titles and "Maratonet" not in titles
    assert Client().get("/api/v1/initiatives?health=purple").status_code == 422


def test_confidential_initiative_is_visible_with_the_leads_key_only(make_initiative, api_as):
    secret = make_initiative(title="Hemligt", is_confidential=True)
    assert Client().get(f"/api/v1/initiatives/{secret.slug}").status_code == 404
    assert api_as("initiativledare").get(f"/api/v1/initiatives/{secret.slug}").status_code == 200
    assert Client(HTTP_AUTHORIZATION="Bearer tvt_wrong").get("/api/v1/initiatives").status_code == 401


def test_create_needs_a_key_and_the_right(api_as, today):
    assert Client().post("/api/v1/initiatives", payload(today), content_type="application/json").status_code == 401
    response = api_as("medborgare").post("/api/v1/initiatives", payload(today), content_type="application/json")
    assert response.status_code == 403
    response = api_as("initiativledare").post("/api/v1/initiatives", payload(today), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["mode"] == "sprint" and body["clusters"] == ["skola-och-forskola"] and body["phase"] == "Idé"


def test_create_with_bad_input_answers_422_on_the_field_and_saves_nothing(api_as, today):
    before = Initiative.objects.count()
    client = api_as("it-direktor")
    bad_end = payload(today, planned_end="2000-01-01")
    response = client.post("/api/v1/initiatives", bad_end, content_type="application/json")
    assert response.status_code == 422 and "planned_end" in response.json()["detail"]
    response = client.post("/api/v1/initiatives", payload(today, organisation="nope"), content_type="application/json")
    assert response.status_code == 422 and "organisation" in response.json()["detail"]
    response = client.post("/api/v1/initiatives", payload(today, budget_planned=-5), content_type="application/json")
    assert response.status_code == 422
    assert Initiative.objects.count() == before


def test_update_check_in_and_gate_through_the_api(make_initiative, api_as):
    initiative = make_initiative()
    lead = api_as("initiativledare")
    response = lead.patch(
        f"/api/v1/initiatives/{initiative.slug}", {"budget_spent": 5000}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["budget_spent"] == 5000
    response = lead.post(
        f"/api/v1/initiatives/{initiative.slug}/check-ins",
        {"health": "green", "text": "Bra"},
        content_type="application/json",
    )
    assert response.status_code == 201
    gate = {"decision": "go", "reason": "Klart", "revision": 0}
    url = f"/api/v1/initiatives/{initiative.slug}/gate-decisions"
    assert lead.post(url, gate, content_type="application/json").status_code == 403  # the lead's own gate
    assert api_as("enhetschef").post(url, gate, content_type="application/json").status_code == 201
    response = api_as("it-direktor").post(url, gate, content_type="application/json")
    assert response.status_code == 422  # revision 0 is stale now


def test_the_openapi_document_lists_the_portfolio():
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/initiatives" in paths and "post" in paths["/api/v1/initiatives"]


def test_outcome_overrun_and_benefits_through_the_api(make_initiative, api_as, today):
    from tvatakt.portfolio.dates import add_quarters, quarter_end, quarter_start

    head = api_as("enhetschef")
    sprint = make_initiative()
    url = f"/api/v1/initiatives/{sprint.slug}/outcome"
    response = head.post(url, {"outcome": "scaled", "learning": ""}, content_type="application/json")
    assert response.status_code == 422 and "learning" in response.json()["detail"]
    response = head.post(url, {"outcome": "scaled", "learning": "Det funkar"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["outcome"] == "scaled"

    overrun = make_initiative(title="Försenad")
    past = add_quarters(quarter_start(today), -1)
    Initiative.objects.filter(pk=overrun.pk).update(
        quarter=past, timebox_end=quarter_end(past), start_date=past, planned_end=quarter_end(past)
    )
    url = f"/api/v1/initiatives/{overrun.slug}/overrun"
    body = {"decision": "convert", "reason": "Större", "process_type": "snabbprojekt"}
    assert head.post(url, body, content_type="application/json").status_code == 422
    response = api_as("it-direktor").post(url, body | {"process_type": "program"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["mode"] == "marathon"

    benefit = {"name": "Färre samtal", "measure": "samtal/vecka", "owner": "enhetschef", "baseline": 100,
               "target": 60, "due_on": today.isoformat()}  # fmt: skip
    url = f"/api/v1/initiatives/{overrun.slug}/benefits"
    response = api_as("it-direktor").post(url, benefit, content_type="application/json")
    assert response.status_code == 201, response.content
    benefit_id = response.json()["id"]
    follow = f"/api/v1/benefits/{benefit_id}/follow-ups"
    response = api_as("it-direktor").post(follow, {"value": 55}, content_type="application/json")
    assert response.status_code == 201 and response.json()["realised"] is True
    assert api_as("medborgare").post(follow, {"value": 1}, content_type="application/json").status_code == 403

"""The recognition pages, the policy form, the API, and the rule that no form lets anyone give themselves points."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path

from tvatakt.organisation.models import Organisation
from tvatakt.recognition.choices import EventKind
from tvatakt.recognition.models import Event, Policy
from tvatakt.recognition.services.events import event_record, policy_current

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_leaderboards_with_both_scores_and_the_balance_in_words(client):
    response = client.get("/en/erkannande/")
    assert response.status_code == 200
    page = response.content.decode()
    for heading in ("Units", "Organisations", "Clusters", "Stability", "Exploration", "Balance index", "In words"):
        assert heading in page
    assert 'id="chart-balance"' in page and "<svg" in page and "Table:" in page
    assert "mostly stability" in page  # the demo's organisations are not all in balance
    assert 'aria-current="page"' in page  # the main menu says where you are


def test_the_dashboard_shows_the_quarter_chosen_without_javascript(client):
    quarters = list(Event.objects.order_by("quarter").values_list("quarter", flat=True).distinct())
    oldest = quarters[0]
    response = client.get("/en/erkannande/", {"quarter": oldest.isoformat()})
    assert response.status_code == 200
    label = f"{oldest.year} Q{(oldest.month - 1) // 3 + 1}"
    assert f"Leaderboards, {label}" in response.content.decode()
    assert client.get("/en/erkannande/", {"quarter": "1999-01-01"}).status_code == 200  # not a choice: the latest


def test_a_year_adds_up_four_quarters_where_both_tempos_can_meet(client):
    from tvatakt.portfolio.dates import add_quarters
    from tvatakt.recognition import selectors

    last = selectors.quarters_with_events()[0]
    year = dict(selectors.balances("organisation", last, 4))
    summed: dict = {}
    for back in range(4):
        for organisation, balance in selectors.balances("organisation", add_quarters(last, -back)):
            summed[organisation] = summed.get(organisation, selectors.Balance()) + balance
    assert year == summed
    assert any(balance.verdict == "in balance" for balance in year.values())  # the demo has balanced ones ...
    assert any(balance.index == 0 for balance in year.values())  # ... and lopsided ones
    page = client.get("/en/erkannande/", {"quarter": last.isoformat(), "span": "year"}).content.decode()
    first = add_quarters(last, -3)
    assert f"Leaderboards, {first.year} Q{(first.month - 1) // 3 + 1} to {last.year} Q" in page
    assert re.search(r'value="year"[^>]*checked', page)  # the choice stays chosen
    alone = client.get("/en/erkannande/", {"span": "year"}).content.decode()  # the latest quarter, as a year
    assert f"Leaderboards, {first.year} Q{(first.month - 1) // 3 + 1} to {last.year} Q" in alone


def test_an_organisations_history_lists_its_events_newest_first(client):
    organisation = Organisation.objects.get(name="Utbildningsförvaltningen")
    event_record(
        kind=EventKind.ADOPTED_EARLY, subject="adoption:test", occurred_on=datetime.date(2026, 1, 5),
        organisation=organisation,
    )  # fmt: skip
    response = client.get(f"/en/erkannande/organisationer/{organisation.slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Recognition: Utbildningsförvaltningen" in page and "A council decision implemented" in page
    assert client.get("/en/erkannande/organisationer/finns-inte/").status_code == 404


def test_a_persons_history_and_no_page_for_people_never_recognised(client, make_initiative, ordinary):
    initiative = make_initiative()
    event_record(kind=EventKind.SCALED, subject="test:p", occurred_on=datetime.date(2026, 2, 2), initiative=initiative)
    response = client.get("/en/erkannande/personer/initiativledare/")
    assert response.status_code == 200 and "An experiment scaled" in response.content.decode()
    assert client.get(f"/en/erkannande/personer/{ordinary.username}/").status_code == 404


def test_a_confidential_initiatives_events_are_not_shown_to_the_public(client, make_initiative, client_as):
    initiative = make_initiative(title="Hemligt försök", is_confidential=True)
    event_record(kind=EventKind.SCALED, subject="test:c", occurred_on=datetime.date(2026, 2, 2), initiative=initiative)
    url = f"/en/erkannande/organisationer/{initiative.organisation.slug}/"
    assert "Hemligt försök" not in client.get(url).content.decode()
    assert "Hemligt försök" in client_as("it-direktor").get(url).content.decode()
    event_record(
        kind=EventKind.SCALED, subject="test:o", occurred_on=datetime.date(2026, 2, 2), initiative=make_initiative()
    )
    api = client.get("/api/v1/recognition/events?kind=scaled&quarter=2026-01-01&limit=100").content.decode()
    assert "test:o" in api and "test:c" not in api


def test_the_policy_page_shows_the_points_and_the_versions(client):
    response = client.get("/en/erkannande/policy/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"In force: Policy {policy_current().version}" in page and "Change the points" not in page


def test_the_it_director_changes_the_policy_with_the_form(client_as):
    client = client_as("it-direktor")
    assert "Change the points" in client.get("/en/erkannande/policy/").content.decode()
    seen = policy_current().version
    form = {kind: 10 for kind in EventKind.values} | {"scaled": 40, "note": "Skalning är svårt", "seen_version": seen}
    response = client.post("/en/erkannande/policy/andra/", form)
    assert response.status_code == 302
    assert policy_current().points("scaled") == 40 and policy_current().note == "Skalning är svårt"
    # A second editor who opened the form before that save does not silently undo it.
    stale = form | {"scaled": 5, "note": "Gammal vy"}
    response = client.post("/en/erkannande/policy/andra/", stale)
    assert response.status_code == 200 and "Someone else changed the policy" in response.content.decode()
    assert policy_current().points("scaled") == 40 and policy_current().version == seen + 1


def test_bad_points_are_shown_next_to_the_field_and_nothing_is_saved(client_as):
    count = Policy.objects.count()
    form = {kind: 10 for kind in EventKind.values} | {"scaled": "-3", "note": "Fel", "seen_version": 1}
    response = client_as("it-direktor").post("/en/erkannande/policy/andra/", form)
    assert response.status_code == 200
    assert re.search(r'id="id_scaled_error"', response.content.decode())
    assert Policy.objects.count() == count


@pytest.mark.parametrize("username", ["initiativledare", "enhetschef", "ambassador"])
def test_others_may_not_change_the_policy(client_as, username):
    count = Policy.objects.count()
    client = client_as(username)
    assert client.get("/en/erkannande/policy/andra/").status_code == 403
    form = {kind: 1000 for kind in EventKind.values} | {"note": "Själv"}
    assert client.post("/en/erkannande/policy/andra/", form).status_code == 403
    assert Policy.objects.count() == count


def test_the_api_lists_events_with_filters_and_balances_per_level(client):
    response = client.get("/api/v1/recognition/events", {"kind": "adopted_early", "limit": 5})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] > 0 and all(item["kind"] == "adopted_early" for item in body["items"])
    quarter = body["items"][0]["quarter"]
    filtered = client.get("/api/v1/recognition/events", {"quarter": quarter, "limit": 100}).json()
    assert {item["quarter"] for item in filtered["items"]} == {quarter}
    for level in ("unit", "organisation", "cluster"):
        rows = client.get("/api/v1/recognition/balances", {"level": level, "quarter": quarter}).json()
        assert rows and all(row["balance_index"] is None or 0 <= row["balance_index"] <= 1 for row in rows)
    assert client.get("/api/v1/recognition/balances", {"level": "person"}).status_code == 422
    from tvatakt.portfolio.dates import add_quarters

    last = datetime.date.fromisoformat(quarter)
    year = client.get("/api/v1/recognition/balances", {"quarter": quarter, "quarters": 4}).json()
    summed: dict = {}
    for back in range(4):
        day = add_quarters(last, -back).isoformat()
        for row in client.get("/api/v1/recognition/balances", {"quarter": day}).json():
            summed[row["slug"]] = summed.get(row["slug"], 0) + row["stability"] + row["exploration"]
    assert {row["slug"]: row["stability"] + row["exploration"] for row in year} == summed
    assert client.get("/api/v1/recognition/balances", {"quarters": 40}).status_code == 422


# -- No form lets a user give themselves points -------------------------------------------------------------------

GREEDY = {
    "kind": EventKind.SCALED,
    "subject": "self:1",
    "points": "1000",
    "tempo": "exploration",
    "occurred_on": "2026-01-01",
    "person": "vanlig",
    "organisation": "utbildningsforvaltningen",
    **{kind: "1000" for kind in EventKind.values},
    "note": "Till mig själv",
}
SAMPLE = {"int": "1", "slug": "utbildningsforvaltningen", "str": "vanlig", "path": "x", "uuid": ""}


def every_path(resolver=None, prefix=""):
    """Every URL in the project, with a plausible value for each parameter."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            yield from every_path(entry, route)
        elif isinstance(entry, URLPattern):
            yield "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "1"), route)


def posting_everywhere_adds_events(client) -> tuple[int, int]:
    before, reached = Event.objects.count(), 0
    for url in every_path():
        if "(?P<" in url or url.startswith("/admin/"):  # the admin is for staff; regex routes have no sample
            continue
        reached += client.post(url, GREEDY).status_code != 404
    return Event.objects.count() - before, reached


def test_no_form_lets_an_ordinary_user_give_themselves_points(ordinary):
    client = Client()
    client.force_login(ordinary)
    added, reached = posting_everywhere_adds_events(client)
    assert reached > 20  # the walk did reach the project's views
    assert added == 0


def greedy_view(request):  # a form that breaks the rule, to prove the walk would catch one
    from django.http import HttpResponse

    if request.method == "POST":
        event_record(kind=request.POST["kind"], subject=request.POST["subject"], occurred_on=datetime.date(2026, 1, 1))
    return HttpResponse("ok")


urlpatterns = [path("gratis-poang/", greedy_view)]


def test_the_walk_would_catch_a_form_that_gives_points(ordinary, settings):
    settings.ROOT_URLCONF = __name__
    client = Client()
    client.force_login(ordinary)
    added, _reached = posting_everywhere_adds_events(client)
    assert added == 1

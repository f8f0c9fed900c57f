import pytest

from tvatakt.portfolio.models import GateDecision, Initiative

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["processtype", "initiative", "gatedecision", "checkin", "benefit"])
def test_admin_lists_open_for_staff(client_as, model):
    assert client_as("admin").get(f"/admin/portfolio/{model}/").status_code == 200


def test_gate_decisions_are_read_only_in_the_admin(client_as):
    decision = GateDecision.objects.first()
    client = client_as("admin")
    url = f"/admin/portfolio/gatedecision/{decision.pk}/change/"
    assert client.get(url).status_code == 200  # viewable
    client.post(url, {"reason": "Ändrat i efterhand"})
    decision.refresh_from_db()
    assert decision.reason != "Ändrat i efterhand"
    assert client.post(f"/admin/portfolio/gatedecision/{decision.pk}/delete/", {"post": "yes"}).status_code == 403


def test_the_admin_cannot_move_an_initiatives_phase(client_as):
    initiative = Initiative.objects.first()
    page = client_as("admin").get(f"/admin/portfolio/initiative/{initiative.pk}/change/").content.decode()
    assert 'name="current_phase"' not in page and 'name="title"' in page

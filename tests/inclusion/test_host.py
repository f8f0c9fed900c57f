"""The hosts' pages: their events, the participants with needs shown, check-in by code at the door, no-shows
after the event, the CSV list, and the doors closed to everyone else."""

import datetime

import pytest

from tvatakt.inclusion import services
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Event

from .conftest import adult, contact, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def hosted(person):
    """An event of Kulturförvaltningen, whose event host the demo's "vard" is."""
    from tvatakt.organisation.models import Organisation

    culture = Organisation.objects.get(name="Kulturförvaltningen")
    event = make_event(slug="test-vard", host=culture)
    needs = {"needs": ["wheelchair"], "needs_text": "Behöver sitta nära dörren."}
    first = services.register(event=event, people=[adult("Aino Virtanen")], **contact(1, **needs))
    second = services.register(event=event, people=[adult("Bo Ek")], **contact(2, photos_allowed=True))
    return event, first, second


def test_a_host_sees_the_participants_with_their_needs_and_checks_in_by_code(client_as, hosted):
    event, first, second = hosted
    client = client_as("vard")
    assert "test-vard" in client.get("/en/aktiviteter/mina/").content.decode()
    page = client.get(f"/en/aktiviteter/{event.slug}/deltagare/").content.decode()
    assert "Aino Virtanen" in page and "Wheelchair access" in page and "Behöver sitta nära dörren." in page
    assert "<strong>Photos: no</strong>" in page and "Photos: yes" in page  # Aino said no, Bo yes
    page = client.get(f"/en/aktiviteter/{event.slug}/deltagare/", {"q": first.code.lower()}).content.decode()
    assert "Aino Virtanen" in page and "Bo Ek" not in page
    response = client.post(f"/en/aktiviteter/{event.slug}/deltagare/{first.code}/checka-in/", follow=True)
    assert f"{first.code} is checked in." in response.content.decode()
    first.refresh_from_db()
    assert first.status == Status.ATTENDED

    csv = b"".join(client.get(f"/aktiviteter/{event.slug}/deltagare.csv").streaming_content).decode("utf-8-sig")
    assert "Aino Virtanen" in csv and "Bo Ek" in csv and "Foton tillåtna" in csv


def test_the_qr_code_opens_the_host_s_page_at_the_registration(client_as, hosted):
    from urllib.parse import urlsplit

    from tvatakt.inclusion import qr

    event, first, second = hosted
    address = urlsplit(qr.check_in_url(first))
    page = client_as("vard").get(f"{address.path}?{address.query}").content.decode()
    assert address.path.startswith("/aktiviteter/")  # the host's page in the site's language
    assert "Aino Virtanen" in page and "Bo Ek" not in page and f"{first.code}/checka-in/" in page


def test_no_shows_are_marked_only_after_the_event(client_as, hosted):
    event, first, second = hosted
    client = client_as("vard")
    response = client.post(f"/en/aktiviteter/{event.slug}/deltagare/uteblivna/", follow=True)
    assert "after the event has ended" in response.content.decode()
    Event.objects.filter(pk=event.pk).update(
        starts_at=event.starts_at - datetime.timedelta(days=20), ends_at=event.ends_at - datetime.timedelta(days=20)
    )
    client.post(f"/en/aktiviteter/{event.slug}/deltagare/uteblivna/")
    second.refresh_from_db()
    assert second.status == Status.NO_SHOW


def test_only_the_events_hosts_see_its_participants(client_as, client, hosted):
    event, first, _second = hosted
    urls = [f"/aktiviteter/{event.slug}/deltagare/", f"/aktiviteter/{event.slug}/deltagare.csv"]
    for url in urls:
        assert client.get(url).status_code == 302  # to the log-in
        assert client_as("medborgare").get(url).status_code == 403
        assert client_as("datapublicerare").get(url).status_code == 403
    assert (
        client_as("medborgare").post(f"/aktiviteter/{event.slug}/deltagare/{first.code}/checka-in/").status_code == 403
    )
    assert client_as("medborgare").get("/aktiviteter/mina/").status_code == 403
    first.refresh_from_db()
    assert first.status == Status.CONFIRMED

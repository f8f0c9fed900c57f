"""The catalogue's pages: search with facets without JavaScript, a dataset's page, and the publishers' forms."""

import pytest

from tests.opendata.conftest import FIELDS, upload
from tvatakt.opendata.models import Dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(make_dataset):
    make_dataset(
        name="test-provtrafik", title="Provtrafik", description="Fordon per timme.", keywords="provtrafik",
        themes=["TRAN"],
    )  # fmt: skip
    return make_dataset()


def test_the_catalogue_searches_and_marks_the_words_that_matched(client, published):
    page = client.get("/oppna-data/", {"q": "provluft"}).content.decode()
    assert "1 dataset" in page and "<mark>Provluft</mark>" in page and "Provtrafik" not in page
    assert 'aria-current="page"' in page  # the main menu says where you are


def test_facets_are_checkboxes_that_narrow_and_keep_their_choice_across_pages(client, published):
    page = client.get("/oppna-data/", {"theme": "TRAN", "keyword": "provdata"}).content.decode()
    assert "Provtrafik" in page and "Provluft" not in page
    assert 'name="theme" value="TRAN"' in page and "checked" in page
    assert 'name="publisher" value="stadsarkivet"' in page


@pytest.mark.parametrize(
    "query", [{"q": '"*:-'}, {"sort": "nonsense"}, {"page": "x"}, {"theme": "NOPE"}, {"q": "ä" * 500}]
)
def test_odd_input_never_breaks_the_search(client, published, query):
    assert client.get("/en/oppna-data/", query).status_code == 200


def test_a_datasets_page_shows_its_data_facts_and_no_draft_to_the_public(client, published, make_dataset):
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Mätvärden" in page and "https://example.org/luft.csv" in page and str(published.identifier) in page
    draft = make_dataset(name="test-utkast", draft=True)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_publisher_and_theme_pages(client, published):
    assert "Provluft" in client.get("/oppna-data/utgivare/stadsarkivet/", {"q": "provluft"}).content.decode()
    assert "Provtrafik" in client.get("/oppna-data/teman/transport/", {"q": "provtrafik"}).content.decode()
    assert client.get("/en/oppna-data/teman/ingen-sadan/").status_code == 404
    assert "Stadsarkivet" in client.get("/en/oppna-data/utgivare/").content.decode()
    assert "Transport" in client.get("/en/oppna-data/teman/").content.decode()


def test_a_publisher_describes_uploads_and_publishes_through_the_forms(client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_as("datapublicerare")
    form = {key: value for key, value in FIELDS.items()} | {"name": "test-badplatser", "keywords": "bad, strand"}
    form |= {"publisher": Dataset._meta.get_field("publisher").related_model.objects.get(name="Stadsarkivet").pk}
    form |= {"themes": ["ENVI"], "access_rights": "PUBLIC"}
    response = client.post("/en/oppna-data/ny/", form)
    assert response.status_code == 302
    dataset = Dataset.objects.get(name="test-badplatser")
    csv = upload("bad.csv", "plats;temperatur\nLångholmen;21\nSmedsuddsbadet;22\n".encode())
    response = client.post(
        f"/en/oppna-data/{dataset.name}/distributioner/ny/", {"title": "Badplatser", "format": "CSV", "file": csv}
    )
    assert response.status_code == 302
    page = client.get(dataset.get_absolute_url()).content.decode()
    assert "Metadata quality" in page and "Långholmen" in page and '<th scope="col">plats</th>' in page
    assert client.post(f"/en/oppna-data/{dataset.name}/publicera/").status_code == 302
    assert Dataset.objects.get(pk=dataset.pk).is_public
    distribution = dataset.distributions.get()
    download = client.get(distribution.file_path)
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]


def test_a_wrong_upload_is_shown_next_to_the_field_and_nothing_is_saved(client_as, make_dataset, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    dataset = make_dataset(draft=True)
    response = client_as("datapublicerare").post(
        f"/en/oppna-data/{dataset.name}/distributioner/ny/",
        {"title": "Fel", "format": "PDF", "file": upload("fel.pdf", b"not a pdf")},
    )
    assert response.status_code == 422
    assert 'id="id_file_error"' in response.content.decode()
    assert not dataset.distributions.exists()


@pytest.mark.parametrize("username", ["medborgare", "ambassador"])
def test_others_get_no_publisher_forms(client_as, published, username):
    client = client_as(username)
    assert client.get("/en/oppna-data/ny/").status_code == 403
    assert client.get(f"/en/oppna-data/{published.name}/redigera/").status_code == 403
    assert client.post(f"/en/oppna-data/{published.name}/dra-tillbaka/", {"reason": "x"}).status_code == 403
    assert "For publishers" not in client.get(published.get_absolute_url()).content.decode()


def test_a_withdrawal_asks_why_and_keeps_the_reason(client_as, published):
    client = client_as("datapublicerare")
    assert client.post(f"/en/oppna-data/{published.name}/dra-tillbaka/", {"reason": ""}).status_code == 422
    assert client.post(f"/en/oppna-data/{published.name}/dra-tillbaka/", {"reason": "Fel i data"}).status_code == 302
    assert not Dataset.objects.get(pk=published.pk).is_public


def test_my_datasets_lists_drafts_with_their_quality(client_as, make_dataset):
    make_dataset(name="test-utkast", draft=True)
    page = client_as("datapublicerare").get("/en/oppna-data/mina/").content.decode()
    assert "Draft" in page and "At least one distribution" in page

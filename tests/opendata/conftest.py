import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tvatakt.opendata import services, vocab
from tvatakt.organisation.models import Organisation

FIELDS = {
    "title": "Provluft vid Testgatan",
    "title_en": "Test air at Test Street",
    "description": "Halter av kvävedioxid och partiklar, mätta varje timme vid provstationen.",
    "description_en": "Nitrogen dioxide and particles, measured hourly at the test station.",
    "contact_name": "Miljöförvaltningen",
    "contact_email": "luft@example.org",
    "licence": vocab.CC0,
    "frequency": "HOURLY",
}


@pytest.fixture(autouse=True)
def english():
    """The tests read the English messages."""
    with translation.override("en"):
        yield


@pytest.fixture
def archive(db):
    return Organisation.objects.get(name="Stadsarkivet")


@pytest.fixture
def make_dataset(person, archive):
    """A dataset of Stadsarkivet's made by its data publisher; published with one CSV link unless draft=True.
    Every one has the keyword "provdata", so that a test can tell its own datasets from the demo's."""

    def make(name="test-provluft", draft=False, keywords="provluft, kvävedioxid", themes=("ENVI",), **fields):
        actor = person("datapublicerare")
        dataset = services.dataset_create(
            actor=actor, publisher=archive, name=name, keywords=f"provdata, {keywords}", themes=themes,
            **(FIELDS | fields),
        )  # fmt: skip
        if not draft:
            services.distribution_add(
                actor=actor, dataset=dataset, title="Mätvärden", access_url="https://example.org/luft.csv",
                format="CSV",
            )  # fmt: skip
            dataset = services.dataset_publish(actor=actor, dataset=dataset)
        return dataset

    return make


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)

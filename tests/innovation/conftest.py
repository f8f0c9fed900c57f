import pytest
from django.utils import translation

from tvatakt.innovation.models import Consultation
from tvatakt.organisation.models import Organisation


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def make_consultation(slug="test-dialog", **fields) -> Consultation:
    asks = Organisation.objects.get(name="Stadsledningskontoret")
    values = {"slug": slug, "title": "Hur kan digitaliseringen göra ditt liv enklare?",
              "description": "Berätta för oss.", "organisation": asks}  # fmt: skip
    return Consultation.objects.create(**(values | fields))


@pytest.fixture
def consultation(db) -> Consultation:
    return make_consultation()


def idea_fields(**fields) -> dict:
    return {
        "title": "Bättre wifi på biblioteken",
        "body": "Det är svårt att ringa videosamtal.",
        "kind": "citizen",
    } | fields

"""The catalogue's search: words, facets and sorting in the database itself, on SQLite and PostgreSQL."""

import pytest
from django.db import connection

from tvatakt.opendata import selectors, services, vocab
from tvatakt.opendata.selectors import Filters

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(make_dataset):
    return {
        "luft": make_dataset(),
        "skolor": make_dataset(
            name="test-provskolor",
            title="Provskolor i Teststaden",
            description="Adresser och antal platser i stadens provskolor.",
            title_en="Test preschools",
            description_en="Addresses of the testpreschools.",
            keywords="provskola, skola",
            themes=["EDUC"],
            licence=vocab.CC_BY,
        ),  # fmt: skip
        "trafik": make_dataset(
            name="test-provtrafik",
            title="Provtrafik på testinfarterna",
            description="Antal provfordon per timme.",
            title_en="Test traffic counts",
            description_en="Test vehicles per hour.",
            keywords="provtrafik, provfordon",
            themes=["TRAN", "REGI"],
        ),  # fmt: skip
        "utkast": make_dataset(name="test-utkast", draft=True, title="Provluft i utkast"),
    }


def names(filters: Filters) -> list[str]:
    """The test's own datasets that match (the demo's catalogue may be there too)."""
    filters.keyword = [*filters.keyword, "provdata"]
    return [dataset.name for dataset in selectors.search(filters)]


def test_words_find_datasets_in_title_description_and_keywords_and_drafts_stay_out(catalogue):
    assert names(Filters(q="provluft")) == ["test-provluft"]
    assert names(Filters(q="provfordon")) == ["test-provtrafik"]
    assert names(Filters(q="provskolor")) == ["test-provskolor"]
    assert names(Filters(q="testpreschools")) == ["test-provskolor"]  # the English texts too
    assert "test-utkast" not in names(Filters())


def test_swedish_word_forms_match(catalogue):
    # PostgreSQL stems Swedish; SQLite matches the word as a prefix.
    query = "provskolorna" if connection.vendor == "postgresql" else "provskol"
    assert names(Filters(q=query)) == ["test-provskolor"]


@pytest.mark.parametrize("q", ['"', ":", "*", "-", "luft:", 'NOT "', "AND OR", "(", "ö*ö", "😀", "'; DROP TABLE x;--"])
def test_special_characters_never_error(catalogue, q):
    list(selectors.search(Filters(q=q)))
    selectors.facets(Filters(q=q))


def test_facets_count_the_matching_datasets_and_filters_narrow_them(catalogue):
    found = selectors.facets(Filters(keyword=["provdata"]))
    themes = {item.value: item.count for item in found["theme"]}
    assert themes == {"ENVI": 1, "EDUC": 1, "TRAN": 1, "REGI": 1}
    assert {item.value: item.count for item in found["publisher"]} == {"stadsarkivet": 3}
    assert {item.value: item.count for item in found["format"]} == {"CSV": 3}
    licences = {item.value: item.count for item in found["licence"]}
    assert licences == {vocab.CC0: 2, vocab.CC_BY: 1}
    narrowed = selectors.facets(Filters(theme=["TRAN"], keyword=["provdata"]))
    assert {item.value for item in narrowed["keyword"]} == {"provdata", "provtrafik", "provfordon"}
    assert names(Filters(theme=["TRAN"], keyword=["provfordon"])) == ["test-provtrafik"]
    assert names(Filters(theme=["TRAN", "EDUC"])) == []  # every filter of one kind must hold
    assert names(Filters(licence=[vocab.CC_BY])) == ["test-provskolor"]
    assert names(Filters(format=["PDF"])) == []


def test_sorting_by_title_and_by_last_change_is_stable(catalogue, person):
    assert names(Filters(sort="title")) == ["test-provluft", "test-provskolor", "test-provtrafik"]
    services.dataset_update(actor=person("datapublicerare"), dataset=catalogue["luft"], title="Provluft, ny")
    assert names(Filters(sort="modified"))[0] == "test-provluft"
    assert names(Filters(sort="nonsense")) == names(Filters(sort="relevance"))


def test_an_edit_is_found_at_once(catalogue, person):
    update = services.dataset_update
    update(actor=person("datapublicerare"), dataset=catalogue["trafik"], keywords="provdata, provcyklar")
    assert names(Filters(q="provcyklar")) == ["test-provtrafik"]
    assert names(Filters(q="provfordon")) == ["test-provtrafik"]  # still in the description
    update(actor=person("datapublicerare"), dataset=catalogue["trafik"], description="Bilar.")
    assert names(Filters(q="provfordon")) == []

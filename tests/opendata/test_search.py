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
            name="forskolor",
            title="Förskolor i Stockholm",
            description="Adresser och antal platser i stadens förskolor.",
            title_en="Preschools",
            description_en="Addresses of the preschools.",
            keywords="förskola, skola",
            themes=["EDUC"],
            licence=vocab.CC_BY,
        ),  # fmt: skip
        "trafik": make_dataset(
            name="trafikfloden",
            title="Trafikflöden på infarterna",
            description="Antal fordon per timme.",
            title_en="Traffic counts",
            description_en="Vehicles per hour.",
            keywords="trafik, fordon",
            themes=["TRAN", "REGI"],
        ),  # fmt: skip
        "utkast": make_dataset(name="utkast", draft=True, title="Luft i utkast"),
    }


def names(filters: Filters) -> list[str]:
    return [dataset.name for dataset in selectors.search(filters)]


def test_words_find_datasets_in_title_description_and_keywords_and_drafts_stay_out(catalogue):
    assert names(Filters(q="luft")) == ["luftkvalitet"]
    assert names(Filters(q="fordon")) == ["trafikfloden"]
    assert names(Filters(q="förskolor")) == ["forskolor"]
    assert names(Filters(q="preschools")) == ["forskolor"]  # the English texts too
    assert "utkast" not in names(Filters())


def test_swedish_word_forms_match(catalogue):
    # PostgreSQL stems Swedish; SQLite matches the word as a prefix.
    query = "förskolorna" if connection.vendor == "postgresql" else "förskol"
    assert names(Filters(q=query)) == ["forskolor"]


@pytest.mark.parametrize("q", ['"', ":", "*", "-", "luft:", 'NOT "', "AND OR", "(", "ö*ö", "😀", "'; DROP TABLE x;--"])
def test_special_characters_never_error(catalogue, q):
    list(selectors.search(Filters(q=q)))
    selectors.facets(Filters(q=q))


def test_facets_count_the_matching_datasets_and_filters_narrow_them(catalogue):
    found = selectors.facets(Filters())
    themes = {item.value: item.count for item in found["theme"]}
    assert themes == {"ENVI": 1, "EDUC": 1, "TRAN": 1, "REGI": 1}
    assert {item.value: item.count for item in found["publisher"]} == {"stadsarkivet": 3}
    assert {item.value: item.count for item in found["format"]} == {"CSV": 3}
    licences = {item.value: item.count for item in found["licence"]}
    assert licences == {vocab.CC0: 2, vocab.CC_BY: 1}
    narrowed = selectors.facets(Filters(theme=["TRAN"]))
    assert {item.value for item in narrowed["keyword"]} == {"trafik", "fordon"}
    assert names(Filters(theme=["TRAN"], keyword=["fordon"])) == ["trafikfloden"]
    assert names(Filters(theme=["TRAN", "EDUC"])) == []  # every filter of one kind must hold
    assert names(Filters(licence=[vocab.CC_BY])) == ["forskolor"]
    assert names(Filters(format=["PDF"])) == []


def test_sorting_by_title_and_by_last_change_is_stable(catalogue, person):
    assert names(Filters(sort="title")) == ["forskolor", "luftkvalitet", "trafikfloden"]
    services.dataset_update(actor=person("datapublicerare"), dataset=catalogue["luft"], title="Luftkvalitet, ny")
    assert names(Filters(sort="modified"))[0] == "luftkvalitet"
    assert names(Filters(sort="nonsense")) == names(Filters(sort="relevance"))


def test_an_edit_is_found_at_once(catalogue, person):
    services.dataset_update(actor=person("datapublicerare"), dataset=catalogue["trafik"], keywords="cyklar")
    assert names(Filters(q="cyklar")) == ["trafikfloden"]
    assert names(Filters(q="fordon")) == ["trafikfloden"]  # still in the description
    services.dataset_update(actor=person("datapublicerare"), dataset=catalogue["trafik"], description="Bilar.")
    assert names(Filters(q="fordon")) == []

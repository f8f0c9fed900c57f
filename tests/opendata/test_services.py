"""Publishing datasets and distributions: who may, what is refused, and that nothing is half-saved."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.opendata.conftest import FIELDS, upload
from tvatakt.opendata import services
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.models import Dataset, Distribution, Keyword
from tvatakt.organisation.models import Organisation

pytestmark = pytest.mark.django_db


def test_a_publisher_creates_a_draft_with_keywords_and_themes_and_publishes_it(make_dataset):
    draft = make_dataset(draft=True, keywords="Provluft, kvävedioxid, provluft", themes=["ENVI", "HEAL"])
    assert draft.state == DatasetState.DRAFT and draft.identifier
    names = sorted(draft.keywords.values_list("name", flat=True))
    assert names == ["Provluft", "kvävedioxid", "provdata"]  # "provluft" only once
    assert sorted(draft.themes.values_list("code", flat=True)) == ["ENVI", "HEAL"]
    assert Dataset.objects.get(pk=draft.pk).keywords_text == "provdata Provluft kvävedioxid"


def test_a_dataset_is_published_only_with_a_distribution(make_dataset, person):
    draft = make_dataset(draft=True)
    with pytest.raises(ValidationError, match="at least one distribution"):
        services.dataset_publish(actor=person("datapublicerare"), dataset=draft)
    assert Dataset.objects.get(pk=draft.pk).state == DatasetState.DRAFT
    published = make_dataset(name="test-andra")
    assert published.state == DatasetState.PUBLIC and published.issued is not None


@pytest.mark.parametrize("username", ["ambassador", "medborgare", "initiativledare"])
def test_only_the_organisations_own_publisher_may_publish_for_it(make_dataset, person, username, archive):
    with pytest.raises(PermissionDenied):
        services.dataset_create(actor=person(username), publisher=archive, name="x-data", **FIELDS)
    dataset = make_dataset()
    with pytest.raises(PermissionDenied):
        services.dataset_update(actor=person(username), dataset=dataset, title="Ändrad")
    assert Dataset.objects.get(pk=dataset.pk).title == FIELDS["title"]


def test_a_publisher_may_not_publish_for_another_organisation(person):
    other = Organisation.objects.get(name="Trafikkontoret")
    with pytest.raises(PermissionDenied):
        services.dataset_create(actor=person("datapublicerare"), publisher=other, name="trafik", **FIELDS)
    assert not Dataset.objects.filter(name="trafik").exists()


@pytest.mark.parametrize(
    "name, message",
    [
        ("Luft Kvalitet", "lowercase letters"),
        ("å", "lowercase letters"),
        ("a", "lowercase letters"),
        ("test-provluft", "is taken"),
    ],
)
def test_a_bad_or_taken_name_is_refused_next_to_the_field_and_nothing_is_saved(
    make_dataset, person, archive, name, message
):
    make_dataset()
    before = Dataset.objects.count(), Keyword.objects.count()
    with pytest.raises(ValidationError) as error:
        services.dataset_create(actor=person("datapublicerare"), publisher=archive, name=name, keywords="ny", **FIELDS)
    assert message in " ".join(error.value.message_dict["name"])
    assert (Dataset.objects.count(), Keyword.objects.count()) == before


def test_a_coverage_that_ends_before_it_starts_is_refused(person, archive):
    import datetime

    with pytest.raises(ValidationError, match="cannot end before it starts"):
        services.dataset_create(
            actor=person("datapublicerare"), publisher=archive, name="test-period",
            temporal_start=datetime.date(2024, 1, 1), temporal_end=datetime.date(2023, 1, 1), **FIELDS,
        )  # fmt: skip


def test_an_unknown_theme_is_refused_and_the_dataset_is_not_half_saved(person, archive):
    with pytest.raises(ValidationError, match="Unknown themes"):
        services.dataset_create(
            actor=person("datapublicerare"), publisher=archive, name="test-tema", themes=["XXXX"], **FIELDS
        )
    assert not Dataset.objects.filter(name="test-tema").exists()


def test_a_published_dataset_keeps_its_name_and_a_withdrawal_needs_a_reason(make_dataset, person):
    dataset = make_dataset()
    actor = person("datapublicerare")
    with pytest.raises(ValidationError, match="keeps its short name"):
        services.dataset_update(actor=actor, dataset=dataset, name="test-nytt-namn")
    with pytest.raises(ValidationError, match="Say why"):
        services.dataset_withdraw(actor=actor, dataset=dataset, reason=" ")
    withdrawn = services.dataset_withdraw(actor=actor, dataset=dataset, reason="Felaktiga mätvärden")
    assert withdrawn.state == DatasetState.DRAFT
    assert withdrawn.history.first().history_change_reason == "Withdrawn: Felaktiga mätvärden"


# -- Distributions ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["ftp://example.org/data.csv", "javascript:alert(1)", "file:///etc/passwd"])
def test_a_distribution_address_must_be_http_or_https(make_dataset, person, url):
    dataset = make_dataset(draft=True)
    with pytest.raises(ValidationError) as error:
        services.distribution_add(
            actor=person("datapublicerare"), dataset=dataset, title="D", access_url=url, format="CSV"
        )
    assert "access_url" in error.value.message_dict
    assert not dataset.distributions.exists()


def test_an_uploaded_file_is_checked_against_its_format(make_dataset, person, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    dataset = make_dataset(draft=True)
    actor = person("datapublicerare")
    add = lambda name, content, fmt: services.distribution_add(  # noqa: E731
        actor=actor, dataset=dataset, title=name, file=upload(name, content), format=fmt
    )
    saved = add("data.csv", "år;antal\n2024;12\n".encode(), "CSV")
    assert saved.byte_size == len("år;antal\n2024;12\n".encode()) and saved.media_type == "text/csv"
    for name, content, fmt in [
        ("data.pdf", b"MZ\x90\x00 not a pdf", "PDF"),
        ("data.json", b"<html>not json</html>", "JSON"),
        ("data.csv", b"\x00\x01\x02binary", "CSV"),
        ("data.xlsx", b"%PDF-1.7", "XLSX"),
        ("tom.csv", b"", "CSV"),
    ]:
        with pytest.raises(ValidationError) as error:
            add(name, content, fmt)
        assert "file" in error.value.message_dict, name
    assert list(dataset.distributions.values_list("title", flat=True)) == ["data.csv"]
    assert [p.name for p in (tmp_path / "opendata").rglob("*") if p.is_file()] == [saved.file.name.rsplit("/", 1)[-1]]


def test_an_upload_over_the_limit_is_refused(make_dataset, person, settings, tmp_path):
    settings.MEDIA_ROOT, settings.OPENDATA_UPLOAD_MAX_BYTES = tmp_path, 10
    dataset = make_dataset(draft=True)
    with pytest.raises(ValidationError, match="larger than"):
        services.distribution_add(
            actor=person("datapublicerare"),
            dataset=dataset,
            title="Stor",
            file=upload("s.csv", b"a,b\n" * 10),
            format="CSV",
        )


def test_the_last_distribution_of_a_published_dataset_stays(make_dataset, person):
    dataset = make_dataset()
    only = dataset.distributions.get()
    with pytest.raises(ValidationError, match="at least one distribution"):
        services.distribution_remove(actor=person("datapublicerare"), distribution=only, reason="Gammal")
    assert Distribution.objects.filter(pk=only.pk).exists()

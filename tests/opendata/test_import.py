"""Importing a CSV file of datasets: new and changed datasets, several distributions, and every kind of bad input
reported by row and column with nothing saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tvatakt.opendata import services, vocab
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.harvest import run, table
from tvatakt.opendata.models import Dataset, HarvestJob, JobStatus

HEADER = "name,title,description,contact_name,contact_email,themes,licence,publish,distribution_url,distribution_format"


def csv_file(*rows: str, header: str = HEADER, name: str = "datamängder.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ("\n".join([header, *rows]) + "\n").encode())


@pytest.fixture
def import_file(person, archive, settings):
    def go(file) -> HarvestJob:
        job = services.import_start(
            actor=person("datapublicerare"), publisher=archive, file=file, max_bytes=settings.OPENDATA_IMPORT_MAX_BYTES
        )
        run.run(job.pk)
        return HarvestJob.objects.get(pk=job.pk)

    return go


def snapshot(archive) -> list[tuple]:
    rows = Dataset.objects.filter(publisher=archive).order_by("pk")
    return [(row.pk, row.name, row.title, row.state, row.updated_at, row.history.count()) for row in rows]


def test_an_import_adds_datasets_drafts_or_published_with_several_distributions(import_file, archive):
    job = import_file(
        csv_file(
            "test-cykel,Cykelräkning,Cyklar per timme.,Trafikkontoret,trafik@example.se,TRAN;ENVI,cc-zero,ja,"
            "https://example.se/cykel.csv,CSV",
            "test-cykel,,,,,,,,https://example.se/cykel.json,json",
            'test-parker,Parker,"Parker, med ytor.",Parkenheten,park@example.se,,,nej,,',
        )
    )
    assert (job.status, job.created, job.updated) == (JobStatus.SUCCEEDED, 2, 0), job.log
    cykel = Dataset.objects.get(name="test-cykel")
    assert cykel.publisher == archive and cykel.state == DatasetState.PUBLIC and cykel.licence == vocab.CC0
    assert sorted(cykel.themes.values_list("code", flat=True)) == ["ENVI", "TRAN"]
    assert list(cykel.distributions.values_list("format", flat=True)) == ["CSV", "JSON"]
    parker = Dataset.objects.get(name="test-parker")
    assert (
        parker.state == DatasetState.DRAFT
        and parker.description == "Parker, med ytor."
        and parker.licence == vocab.CC_BY
    )
    assert parker.history.last().history_change_reason == "Imported from datamängder.csv"
    assert not job.file  # the uploaded file is not kept


def test_an_import_changes_only_the_columns_it_has(import_file, make_dataset):
    dataset = make_dataset("test-finns", landing_page="https://example.se/om")
    job = import_file(csv_file("test-finns,Ny titel,Ny text.,Arkivet,arkiv@example.se",
                               header="name,title,description,contact_name,contact_email"))  # fmt: skip
    assert (job.status, job.updated, job.created) == (JobStatus.SUCCEEDED, 1, 0), job.log
    dataset.refresh_from_db()
    assert (dataset.title, dataset.landing_page, dataset.state) == ("Ny titel", "https://example.se/om", "public")
    assert dataset.distributions.count() == 1 and dataset.keywords.filter(name="provdata").exists()


def test_a_file_with_problems_is_refused_with_each_row_and_column(import_file, archive):
    other = Dataset.objects.exclude(publisher=archive).first()
    before = snapshot(archive)
    job = import_file(
        csv_file(
            "test-bra,Bra,Bra data.,Arkivet,arkiv@example.se,,,nej,,",
            "Fel Namn!,Titel,Text.,Arkivet,arkiv@example.se,XYZ,egen-licens,kanske,ftp://x,PNG",
            f"{other.name},Titel,Text.,Arkivet,arkiv@example.se,,,nej,,",
            "test-utan,,,,,,,,,",
        )
    )
    assert job.status == JobStatus.FAILED
    where = [entry["location"] for entry in job.log]
    for expected in (
        "row 3, column themes", "row 3, column licence", "row 3, column publish", "row 3, column distribution_format",
        "row 5, column title", "row 5, column contact_email",
    ):  # fmt: skip
        assert expected in where, job.log
    assert "row 3, column name" in where and "row 3, column distribution_url" in where, job.log
    assert {"location": "row 4, column name", "level": "error",
            "message": f"The short name “{other.name}” is another organisation’s dataset."} in job.log  # fmt: skip
    assert len(where) == len(set(where)), "each problem once"
    assert snapshot(archive) == before and not Dataset.objects.filter(name="test-bra").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "The file is empty."),
        (b"PK\x03\x04excel", "Excel workbook"),
        (b"namn,titel\n", "This column is required."),
        (b"name,title,description,contact_name,contact_email,colour\n", "Unknown column."),
        (HEADER.encode() + b"\n", "no datasets"),
        ("\ufeffname;title;description;contact_name;contact_email;colour\n".encode(), "Unknown column."),
    ],
    ids=["empty", "excel", "missing-columns", "unknown-column", "header-only", "semicolons"],
)
def test_a_file_that_is_not_a_dataset_table_is_refused(import_file, person, archive, settings, content, expected):
    if not content:
        with pytest.raises(services.datasets.DomainError, match="empty"):
            services.import_start(actor=person("datapublicerare"), publisher=archive,
                                  file=SimpleUploadedFile("x.csv", content), max_bytes=100)  # fmt: skip
        return
    job = import_file(SimpleUploadedFile("x.csv", content))
    assert job.status == JobStatus.FAILED
    assert any(expected in entry["message"] for entry in job.log), job.log


def test_a_file_too_large_is_refused_at_once(person, archive):
    with pytest.raises(services.datasets.DomainError, match="larger than"):
        services.import_start(actor=person("datapublicerare"), publisher=archive,
                              file=SimpleUploadedFile("x.csv", b"a" * 200), max_bytes=100)  # fmt: skip


def test_the_template_reads_back():
    header, rows = table.template_rows()
    problems = []
    text = ",".join(header) + "\n" + ",".join(f'"{value}"' for value in rows[0]) + "\n"
    records = table.read(text.encode(), problems, max_bytes=10_000)
    assert problems == [] and records[0].name == "luftkvalitet-hornsgatan"
    assert records[0].distributions[0].format == "CSV"


def test_two_columns_for_the_same_field_are_refused(import_file):
    job = import_file(csv_file("test-x,X,Y,Z,z@example.se,test-y", header="name,title,description,contact_name,"
                                                                        "contact_email,kortnamn"))  # fmt: skip
    assert job.status == JobStatus.FAILED
    assert job.log[0]["location"] == "row 1, column kortnamn" and "same column as name" in job.log[0]["message"]


def test_a_distributions_problem_names_its_column(import_file):
    job = import_file(csv_file("test-lang,T,D,K,k@example.se,,,nej," + "https://example.se/" + "x" * 600 + ",CSV"))
    assert job.status == JobStatus.FAILED
    assert [entry["location"] for entry in job.log] == ["row 2, column distribution_url"], job.log

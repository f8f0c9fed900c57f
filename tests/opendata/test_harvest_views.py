"""The publishers' harvest and import pages: a source made, harvested and followed through the forms, a CSV file
imported through the browser's form, and the doors closed to everyone else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tvatakt.opendata.models import Dataset, HarvestJob, HarvestSource, JobStatus
from tvatakt.organisation.models import Organisation

from .harvest_server import Answer, start
from .test_harvest import PREFIXES, dataset_ttl

pytestmark = pytest.mark.django_db


@pytest.fixture
def remote(settings):
    settings.OPENDATA_HARVEST_ALLOW_PRIVATE = True
    server, source = start()
    yield source
    server.shutdown()
    server.server_close()


def test_a_publisher_adds_a_source_harvests_it_and_follows_the_job(
    client_as, remote, archive, django_capture_on_commit_callbacks
):
    remote.answers["/katalog.ttl"] = Answer((PREFIXES + dataset_ttl("luft", "Luft i Hornsgatan")).encode())
    client = client_as("datapublicerare")
    page = client.get("/en/oppna-data/mina/hamtning/").content.decode()
    assert "Stadsarkivets gamla CKAN" in page and "stadsarkivets-register.csv" in page  # the demo's

    form = {"publisher": archive.pk, "title": "Miljöns katalog", "kind": "dcat", "url": remote.url("/katalog.ttl"),
            "schedule": "weekly", "is_active": "on"}  # fmt: skip
    response = client.post("/en/oppna-data/mina/hamtning/ny/", form)
    source = HarvestSource.objects.get(title="Miljöns katalog")
    assert response.status_code == 302 and response["Location"] == f"/en/oppna-data/mina/hamtning/{source.pk}/"
    assert (source.publisher, source.schedule) == (archive, "weekly")

    with django_capture_on_commit_callbacks(execute=True):  # the worker's part, run here
        response = client.post(f"/en/oppna-data/mina/hamtning/{source.pk}/hamta/")
    job = HarvestJob.objects.get(source=source)
    assert response["Location"] == f"/en/oppna-data/mina/jobb/{job.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Harvest of Miljöns katalog" in page and "✓</span> Done" in page and "<dd>1</dd>" in page
    assert Dataset.objects.get(harvest_source=source).is_public
    page = client.get(f"/en/oppna-data/mina/hamtning/{source.pk}/").content.decode()
    assert "Harvest now" in page and "1 new, 0 changed, 0 unchanged, 0 withdrawn" in page


def test_a_source_in_another_format_or_place_is_refused_next_to_its_field(client_as, archive, settings):
    settings.OPENDATA_HARVEST_ALLOW_PRIVATE = False
    client = client_as("datapublicerare")
    form = {"publisher": archive.pk, "title": "Intern", "kind": "dcat", "url": "http://127.0.0.1/katalog.rdf",
            "schedule": "manual"}  # fmt: skip
    response = client.post("/en/oppna-data/mina/hamtning/ny/", form)
    assert response.status_code == 422 and "private network" in response.content.decode()
    assert not HarvestSource.objects.filter(title="Intern").exists()


def test_a_csv_import_through_the_form_shows_its_log(client_as, archive, django_capture_on_commit_callbacks):
    client = client_as("datapublicerare")
    page = client.get("/oppna-data/mina/importera/").content.decode()
    assert "Importera dataset från en CSV-fil" in page and "mall.csv" in page
    template = client.get("/oppna-data/mina/importera/mall.csv")
    assert template["Content-Type"].startswith("text/csv") and b"luftkvalitet-hornsgatan" in template.getvalue()

    bad = SimpleUploadedFile("fel.csv", b"name,title,description,contact_name,contact_email\n"
                                        b"Fel Namn,T,D,K,inte-en-adress\n")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/oppna-data/mina/importera/", {"publisher": archive.pk, "file": bad})
    job = HarvestJob.objects.get(file_name="fel.csv")
    assert job.status == JobStatus.FAILED
    page = client.get(response["Location"]).content.decode()
    assert "Import of fel.csv" in page and "row 2, column name" in page and "row 2, column contact_email" in page
    assert "nothing in the catalogue was changed" in page

    response = client.post("/en/oppna-data/mina/importera/", {"publisher": archive.pk})
    assert response.status_code == 422 and "This field is required." in response.content.decode()


def test_only_the_organisations_publishers_see_its_sources_and_jobs(client_as, client, person, archive):
    source = HarvestSource.objects.create(
        publisher=archive, title="Arkivets katalog", kind="dcat", url="https://example.se/k.rdf"
    )
    job = HarvestJob.objects.create(kind="harvest", source=source, publisher=archive, status="failed")
    pages = [
        "/oppna-data/mina/hamtning/", f"/oppna-data/mina/hamtning/{source.pk}/",
        f"/oppna-data/mina/hamtning/{source.pk}/andra/", f"/oppna-data/mina/jobb/{job.pk}/",
        "/oppna-data/mina/importera/", "/oppna-data/mina/importera/mall.csv",
    ]  # fmt: skip
    publisher = client_as("datapublicerare")
    for url in pages:
        assert publisher.get(url).status_code == 200, url
        assert client.get(url).status_code == 302, url  # to the log-in
        assert client_as("ambassador").get(url).status_code == 403, url
    other = Organisation.objects.exclude(pk=archive.pk).filter(datasets__isnull=False).order_by("pk").first()
    other_publisher = next(
        assignment.person.username for assignment in other.roles.filter(role="data_publisher").select_related("person")
    )
    outsider = client_as(other_publisher)
    for url in pages[1:4]:
        assert outsider.get(url).status_code == 403, url
    assert outsider.post(f"/oppna-data/mina/hamtning/{source.pk}/hamta/").status_code == 403
    assert not source.jobs.unfinished().exists()


def test_a_source_is_changed_and_a_busy_one_cannot_start_twice(client_as, archive):
    source = HarvestSource.objects.create(
        publisher=archive, title="Arkivets katalog", kind="dcat", url="https://example.se/k.rdf"
    )
    client = client_as("datapublicerare")
    form = {"title": "Arkivets nya katalog", "kind": "ckan", "url": "https://ckan.example.se", "schedule": "daily",
            "remote_organisation": "arkivet"}  # fmt: skip
    assert client.post(f"/en/oppna-data/mina/hamtning/{source.pk}/andra/", form).status_code == 302
    source.refresh_from_db()
    assert (source.title, source.kind, source.is_active) == ("Arkivets nya katalog", "ckan", False)
    response = client.post(f"/en/oppna-data/mina/hamtning/{source.pk}/hamta/", follow=True)
    assert "The source is not in use." in response.content.decode()
    assert not source.jobs.exists()

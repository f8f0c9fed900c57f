"""The catalogue's pages cost the same number of queries with few datasets and with many."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.opendata import conftest as catalogue_fixtures

pytestmark = pytest.mark.django_db
CEILING = 16
archive, make_dataset = catalogue_fixtures.archive, catalogue_fixtures.make_dataset  # the catalogue's fixtures


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(make, start: int, n: int) -> None:
    themes = ["ENVI", "TRAN", "EDUC", "HEAL"]
    for i in range(start, start + n):
        make(name=f"test-perf-{i}", keywords=f"perf{i}, provperf", themes=[themes[i % 4], themes[(i + 1) % 4]])


@pytest.mark.parametrize(
    "url",
    [
        "/oppna-data/",
        "/oppna-data/?q=provluft&theme=ENVI&format=CSV&sort=title",
        "/oppna-data/?keyword=provperf&page=2",
        "/oppna-data/utgivare/",
        "/oppna-data/utgivare/stadsarkivet/",
        "/oppna-data/teman/",
        "/oppna-data/teman/miljo/",
        "/oppna-data/test-perf-0/",
    ],
)
@pytest.mark.parametrize("who", [None, "datapublicerare"])
def test_catalogue_pages_cost_the_same_at_two_sizes(make_dataset, client_as, url, who):
    client = client_as(who) if who else Client()
    grow(make_dataset, 0, 3)
    small = count(client, url)
    grow(make_dataset, 3, 22)
    large = count(client, url)
    assert small == large <= CEILING, f"{url}: {small} vs {large}"


def test_my_datasets_costs_the_same_at_two_sizes(make_dataset, client_as):
    client = client_as("datapublicerare")
    grow(make_dataset, 0, 2)
    small = count(client, "/oppna-data/mina/")
    grow(make_dataset, 2, 10)
    assert count(client, "/oppna-data/mina/") == small <= CEILING


def test_harvest_pages_cost_the_same_at_two_sizes(archive, client_as, person):
    from tvatakt.opendata.models import HarvestJob, HarvestSource

    client = client_as("datapublicerare")
    source = HarvestSource.objects.create(publisher=archive, title="Perf", kind="dcat", url="https://example.se/k.rdf")
    log = [{"level": "error", "location": f"dataset {n}", "message": "Fel."} for n in range(3)]

    def grow(n: int) -> None:
        for number in range(n):
            HarvestSource.objects.create(publisher=archive, title=f"Perf {number}", kind="ckan",
                                         url="https://example.se/", created_by=person("datapublicerare"))  # fmt: skip
            HarvestJob.objects.create(kind="harvest", source=source, publisher=archive, status="failed", log=log,
                                      requested_by=person("datapublicerare"))  # fmt: skip

    grow(2)
    job = HarvestJob.objects.filter(source=source).first()
    urls = ["/oppna-data/mina/hamtning/", f"/oppna-data/mina/hamtning/{source.pk}/", f"/oppna-data/mina/jobb/{job.pk}/"]
    small = [count(client, url) for url in urls]
    grow(12)
    assert [count(client, url) for url in urls] == small
    assert max(small) <= CEILING, small

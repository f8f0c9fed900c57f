"""Harvesting DCAT RDF and CKAN sources served by the test itself: what is created, changed, left and withdrawn,
and each way a source can fail, after which the catalogue must be exactly as it was."""

import json

import pytest

from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.opendata import services, vocab
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.harvest import ckan, run
from tvatakt.opendata.models import Dataset, HarvestJob, HarvestSource, JobStatus
from tvatakt.organisation.models import Organisation

from .harvest_server import Answer, start

PREFIXES = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://data.example.se/> .
"""


def dataset_ttl(ref: str, title: str, *, licence="http://creativecommons.org/publicdomain/zero/1.0/", extra="") -> str:
    return f"""
ex:{ref} a dcat:Dataset ;
  dct:identifier "{ref}" ;
  dct:title "{title}"@sv, "{title} (en)"@en ;
  dct:description "Beskrivning av {title}."@sv ;
  dcat:keyword "provdata"@sv, "skörd"@sv ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/DAILY> ;
  dct:issued "2024-01-15"^^xsd:date ;
  dcat:contactPoint ex:{ref}-contact ;
  dcat:distribution ex:{ref}-csv {extra}.
ex:{ref}-contact a vcard:Organization ; vcard:fn "Miljöförvaltningen" ; vcard:hasEmail <mailto:miljo@example.se> .
ex:{ref}-csv a dcat:Distribution ;
  dct:title "Mätvärden"@sv ;
  dcat:accessURL <https://data.example.se/{ref}.csv> ;
  dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
  dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv> ;
  dct:license <{licence}> ;
  dcat:byteSize "2048"^^xsd:nonNegativeInteger .
"""


def turtle(*datasets: str) -> Answer:
    return Answer((PREFIXES + "".join(datasets)).encode())


@pytest.fixture
def remote(settings):
    settings.OPENDATA_HARVEST_ALLOW_PRIVATE = True  # the test's server is on 127.0.0.1
    settings.OPENDATA_HARVEST_TIMEOUT = 2
    server, source = start()
    yield source
    server.shutdown()
    server.server_close()


@pytest.fixture
def publisher(person):
    return person("datapublicerare")


@pytest.fixture
def make_source(publisher, archive, remote):
    def make(path="/katalog.ttl", kind="dcat", **fields) -> HarvestSource:
        return services.source_create(
            actor=publisher, publisher=archive, title="Miljöns katalog", kind=kind, url=remote.url(path), **fields
        )

    return make


@pytest.fixture
def harvest(publisher):
    def go(source: HarvestSource) -> HarvestJob:
        job = services.harvest_start(actor=publisher, source=source)
        run.run(job.pk)
        return HarvestJob.objects.get(pk=job.pk)

    return go


def state(archive) -> list[tuple]:
    """Everything a failed job must leave as it was: the publisher's datasets with their fields and histories."""
    rows = Dataset.objects.filter(publisher=archive).order_by("pk")
    return [(row.pk, row.name, row.title, row.state, row.updated_at, row.history.count()) for row in rows]


def test_a_dcat_harvest_creates_published_datasets_of_the_sources_publisher(remote, make_source, harvest, archive):
    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft i Hornsgatan"), dataset_ttl("buller", "Buller"))
    job = harvest(make_source())

    assert (job.status, job.created, job.updated, job.withdrawn) == (JobStatus.SUCCEEDED, 2, 0, 0), job.log
    dataset = Dataset.objects.get(harvest_source=job.source, harvest_ref="luft")
    assert dataset.publisher == archive and dataset.state == DatasetState.PUBLIC
    assert (dataset.title, dataset.title_en) == ("Luft i Hornsgatan", "Luft i Hornsgatan (en)")
    assert (dataset.contact_name, dataset.contact_email) == ("Miljöförvaltningen", "miljo@example.se")
    assert (dataset.licence, dataset.frequency, str(dataset.issued)) == (vocab.CC0, "DAILY", "2024-01-15")
    assert sorted(dataset.keywords.values_list("name", flat=True)) == ["provdata", "skörd"]
    assert list(dataset.themes.values_list("code", flat=True)) == ["ENVI"]
    distribution = dataset.distributions.get()
    assert (distribution.format, distribution.media_type, distribution.byte_size) == ("CSV", "text/csv", 2048)
    assert distribution.access_url == "https://data.example.se/luft.csv"
    assert dataset.name == "luft-i-hornsgatan"
    assert dataset.history.last().history_change_reason.startswith("Harvested from Miljöns katalog")
    path, _query, accept = remote.requests[-1]
    assert path == "/katalog.ttl" and "application/rdf+xml" in accept


def test_the_next_harvest_changes_what_changed_and_withdraws_what_is_gone(remote, make_source, harvest):
    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft"), dataset_ttl("buller", "Buller"))
    source = make_source()
    harvest(source)
    luft = Dataset.objects.get(harvest_ref="luft", harvest_source=source)
    history = luft.history.count()

    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft, ny titel"), dataset_ttl("vatten", "Vatten"))
    job = harvest(source)
    assert (job.created, job.updated, job.unchanged, job.withdrawn) == (1, 1, 0, 1), job.log
    luft.refresh_from_db()
    assert luft.title == "Luft, ny titel" and luft.name == "luft"  # a published dataset keeps its address
    buller = Dataset.objects.get(harvest_ref="buller", harvest_source=source)
    assert buller.state == DatasetState.DRAFT
    assert "No longer at the harvest source" in buller.history.first().history_change_reason

    job = harvest(source)  # the same again: nothing to do, and nothing added to any history
    assert (job.created, job.updated, job.unchanged, job.withdrawn) == (0, 0, 2, 0), job.log
    assert luft.history.count() == history + 1


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Answer(b"<!DOCTYPE html><html><body>Katalog</body></html>", "text/html"), "web page (HTML), not RDF"),
        (Answer(PREFIXES.encode() + b"ex:a dcat:title ;; oops", "text/turtle"), "not valid RDF"),
        (Answer(b"<rdf:RDF xmlns:rdf='x'><unclosed>", "application/rdf+xml"), "not valid RDF"),
        (Answer(b"", "text/turtle", status=500), "answered 500"),
        (Answer(PREFIXES.encode() + dataset_ttl("a", "A").encode(), delay=3), "did not answer within 2 seconds"),
        (Answer(PREFIXES.encode(), "text/turtle"), "describes no datasets"),
    ],
    ids=["html", "bad-turtle", "bad-xml", "server-error", "timeout", "empty"],
)
def test_a_failing_source_fails_the_job_cleanly_and_changes_nothing(
    remote, make_source, harvest, archive, answer, expected
):
    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft"))
    source = make_source()
    harvest(source)
    before = state(archive)

    remote.answers["/katalog.ttl"] = answer
    job = harvest(source)
    assert job.status == JobStatus.FAILED and job.finished_at is not None
    assert any(expected in entry["message"] for entry in job.log), job.log
    assert state(archive) == before


def test_a_source_with_problems_is_refused_whole_with_each_problem_where_it_is(remote, make_source, harvest, archive):
    broken = dataset_ttl("hemlig", "Hemlig", licence="https://example.se/egen-licens").replace(
        "dcat:contactPoint ex:hemlig-contact ;", ""
    )
    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft"), broken)
    before = state(archive)
    job = harvest(make_source())

    assert job.status == JobStatus.FAILED
    where = {entry["location"] for entry in job.log}
    assert "dataset hemlig" in where  # the licence
    assert any(entry["location"].startswith("dataset hemlig: contact") for entry in job.log), job.log
    assert not any(entry["location"].startswith("dataset luft") for entry in job.log)
    assert state(archive) == before  # not even the good dataset was saved


def test_harvesting_the_catalogues_own_export_reads_every_dataset(remote, make_source, harvest, client, archive):
    """The round trip: this catalogue's own DCAT-AP-SE, harvested back, reads without a single problem."""
    body = b"".join(client.get("/datasets/dcat").streaming_content)
    remote.answers["/datasets/dcat"] = Answer(body, "application/rdf+xml")
    public = Dataset.objects.public().count()
    job = harvest(make_source("/datasets/dcat"))
    assert job.status == JobStatus.SUCCEEDED, job.log[:5]
    assert job.created == public
    copy = Dataset.objects.filter(harvest_source=job.source).first()
    original = Dataset.objects.get(identifier=copy.harvest_ref)
    assert (copy.title, copy.licence, copy.frequency) == (original.title, original.licence, original.frequency)
    assert copy.distributions.count() == original.distributions.count()


def ckan_package(name: str, **fields) -> dict:
    return {
        "id": f"id-{name}", "name": name, "title": f"Titel {name}", "notes": f"Om {name}.",
        "license_id": "cc-by", "maintainer": "Trafikkontoret", "maintainer_email": "trafik@example.se",
        "url": f"https://ckan.example.se/dataset/{name}", "metadata_created": "2023-05-01T10:00:00.000000",
        "tags": [{"name": "trafik"}], "groups": [{"name": "transport"}], "private": False,
        "extras": [{"key": "frequency", "value": "http://publications.europa.eu/resource/authority/frequency/MONTHLY"}],
        "resources": [{"id": f"r-{name}", "name": "Räkningar", "url": f"https://ckan.example.se/{name}.json",
                       "format": "JSON", "mimetype": "application/json", "size": 1234}],
        **fields,
    }  # fmt: skip


def ckan_search(packages: list[dict]):
    def answer(query: dict) -> Answer:
        start, rows = int(query.get("start", 0)), int(query.get("rows", 10))
        result = {"count": len(packages), "results": packages[start : start + rows], "sort": query.get("sort")}
        return Answer(json.dumps({"success": True, "result": result}).encode(), "application/json")

    return answer


def test_a_ckan_harvest_pages_through_the_search_and_reads_ckans_fields(remote, make_source, harvest, monkeypatch):
    monkeypatch.setattr(ckan, "PAGE", 2)
    packages = [ckan_package(f"trafik-{number}") for number in range(5)]
    remote.answers["/api/3/action/package_search"] = ckan_search(packages)
    source = make_source("/", kind="ckan", remote_organisation="trafikkontoret")
    job = harvest(source)

    assert (job.status, job.created, job.total) == (JobStatus.SUCCEEDED, 5, 5), job.log
    starts = [query["start"] for path, query, _accept in remote.requests if path.endswith("package_search")]
    assert starts == ["0", "2", "4"]
    assert remote.requests[0][1]["fq"] == 'organization:"trafikkontoret"'
    dataset = Dataset.objects.get(harvest_source=source, harvest_ref="id-trafik-3")
    assert (dataset.name, dataset.licence, dataset.frequency) == ("trafik-3", vocab.CC_BY, "MONTHLY")
    assert list(dataset.themes.values_list("code", flat=True)) == ["TRAN"]
    distribution = dataset.distributions.get()
    assert (distribution.format, distribution.byte_size) == ("JSON", 1234)


def test_harvesting_the_catalogues_own_ckan_api(remote, make_source, harvest, client, monkeypatch):
    """Another Tvåtakt, or this one, is a CKAN source like any other: its package_search pages, read back."""
    monkeypatch.setattr(ckan, "PAGE", 7)

    def own(query: dict) -> Answer:
        response = client.get("/api/3/action/package_search", query)
        return Answer(response.content, "application/json", response.status_code)

    pages = {start: own({"q": "*:*", "rows": 7, "start": start, "sort": "id asc", "include_private": "false",
                         "fq": 'organization:"stadsarkivet"'}) for start in range(0, 70, 7)}  # fmt: skip
    remote.answers["/api/3/action/package_search"] = lambda query: pages[int(query["start"])]
    archive_count = Dataset.objects.public().filter(publisher__slug="stadsarkivet").count()
    job = harvest(make_source("/api/3/action/", kind="ckan", remote_organisation="stadsarkivet"))
    assert job.status == JobStatus.SUCCEEDED, job.log[:5]
    assert job.created == archive_count > 7


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Answer(b'{"success": false, "error": {"message": "Access denied", "__type": "Authorization Error"}}',
                "application/json", 403), "answered 403"),
        (Answer(b'{"success": false, "error": {"message": "Bad query"}}', "application/json"), "Bad query"),
        (Answer(b"not json", "application/json"), "not JSON"),
        (Answer(b"<html><body>Log in</body></html>", "text/html"), "web page (HTML)"),
    ],
    ids=["refused", "unsuccessful", "not-json", "html"],
)  # fmt: skip
def test_a_failing_ckan_source_fails_cleanly(remote, make_source, harvest, archive, answer, expected):
    remote.answers["/api/3/action/package_search"] = answer
    before = state(archive)
    job = harvest(make_source("/", kind="ckan"))
    assert job.status == JobStatus.FAILED
    assert any(expected in entry["message"] for entry in job.log), job.log
    assert state(archive) == before


def test_an_address_in_a_private_network_is_refused(settings, publisher, archive):
    settings.OPENDATA_HARVEST_ALLOW_PRIVATE = False
    for url in ("http://127.0.0.1:8000/katalog.ttl", "http://localhost/x.rdf", "http://10.1.2.3/x.rdf"):
        with pytest.raises(DomainError) as refused:
            services.source_create(actor=publisher, publisher=archive, title="Intern", kind="dcat", url=url)
        assert "private network" in str(refused.value.message_dict["url"])
    with pytest.raises(DomainError):
        services.source_create(actor=publisher, publisher=archive, title="Fil", kind="dcat", url="file:///etc/passwd")


def test_only_the_organisations_publishers_may_harvest_for_it(make_source, person):
    other = Organisation.objects.exclude(name="Stadsarkivet").filter(datasets__isnull=False).first()
    source = make_source()
    outsider = person("ambassador")
    with pytest.raises(NotAllowed):
        services.harvest_start(actor=outsider, source=source)
    with pytest.raises(NotAllowed):
        services.source_create(actor=person("datapublicerare"), publisher=other, title="X", kind="dcat",
                               url="https://example.se/x.rdf")  # fmt: skip


def test_one_harvest_of_a_source_at_a_time_and_a_job_runs_once(remote, make_source, publisher, archive):
    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft"))
    source = make_source()
    job = services.harvest_start(actor=publisher, source=source)
    with pytest.raises(DomainError, match="already waiting or running"):
        services.harvest_start(actor=publisher, source=source)
    assert run.run(job.pk) == JobStatus.SUCCEEDED
    assert run.run(job.pk) is None  # delivered twice: the second finds it done
    assert Dataset.objects.filter(harvest_source=source).count() == 1


def test_a_scheduled_harvest_starts_when_due_and_runs_as_its_creator(remote, make_source, publisher, archive):
    import datetime

    from django.utils import timezone

    from tvatakt.organisation.models import RoleAssignment

    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft"))
    daily = make_source(schedule="daily")
    make_source(schedule="manual")
    now = timezone.now()
    first = services.harvests_due(now=now)
    assert [job.source for job in first] == [daily] and first[0].scheduled
    run.run(first[0].pk)
    assert services.harvests_due(now=now + datetime.timedelta(hours=12)) == []
    later = services.harvests_due(now=now + datetime.timedelta(hours=24))
    assert len(later) == 1

    # The creator is no longer a publisher: the job fails, and says why.
    RoleAssignment.objects.filter(person=publisher, organisation=archive).delete()
    assert run.run(later[0].pk) == JobStatus.FAILED
    job = HarvestJob.objects.get(pk=later[0].pk)
    # A scheduled job has no one's language to write in: it writes in the site's.
    assert "får inte publicera för Stadsarkivet" in job.log[-1]["message"]


def test_the_sweep_asks_once_for_every_source_s_last_harvest(make_source):
    """The sweep reads each source's last harvest in the same query as the sources (with a query per source, a
    city with hundreds of sources would ask hundreds of times an hour)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def sweep_queries() -> int:
        services.harvests_due()  # queues every due source; the counted sweep finds them all harvested just now
        with CaptureQueriesContext(connection) as counted:
            assert services.harvests_due() == []
        return len(counted)

    make_source(schedule="daily")
    one = sweep_queries()
    for n in range(4):
        make_source(path=f"/katalog-{n}.ttl", schedule="weekly")
    assert sweep_queries() == one


def test_a_dataset_twice_in_the_source_is_a_problem_not_a_crash(remote, make_source, harvest, archive):
    twin = dataset_ttl("tvilling", "Tvilling").replace('dct:identifier "tvilling"', 'dct:identifier "dubbel"')
    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("dubbel", "Dubbel"), twin)
    before = state(archive)
    job = harvest(make_source())
    assert job.status == JobStatus.FAILED
    assert job.log == [{"level": "error", "location": "dataset dubbel",
                        "message": "The source has this dataset twice (the same identifier)."}]  # fmt: skip
    assert state(archive) == before


def test_blank_node_distributions_and_a_missing_issued_date_read_back_unchanged(remote, make_source, harvest):
    """Blank nodes are named afresh at each parse, and publishing sets a date the source never gave: neither
    may make an unchanged source look changed."""
    blank = (
        PREFIXES
        + """
ex:tom a dcat:Dataset ; dct:identifier "tom" ; dct:title "Tom"@sv ; dct:description "Utan datum."@sv ;
  dcat:contactPoint [ a vcard:Organization ; vcard:fn "Arkivet" ; vcard:hasEmail <mailto:a@example.se> ] ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://example.se/b.csv> ;
                      dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
                      dct:license <http://creativecommons.org/licenses/by/4.0/> ] ,
                    [ a dcat:Distribution ; dcat:accessURL <https://example.se/a.json> ; dct:format "JSON" ;
                      dct:license <http://creativecommons.org/licenses/by/4.0/> ] .
"""
    )
    remote.answers["/katalog.ttl"] = Answer(blank.encode())
    source = make_source()
    first = harvest(source)
    assert (first.status, first.created) == (JobStatus.SUCCEEDED, 1), first.log
    dataset = Dataset.objects.get(harvest_source=source)
    assert dataset.issued is not None  # set when published
    for _ in range(2):
        again = harvest(source)
        assert (again.unchanged, again.updated) == (1, 0), again.log
    assert list(dataset.distributions.values_list("position", flat=True)) == [0, 1]


def test_a_blank_node_dataset_without_an_identifier_is_a_problem(remote, make_source, harvest):
    anonymous = PREFIXES + '[ a dcat:Dataset ; dct:title "Namnlös"@sv ; dct:description "X"@sv ] .'
    remote.answers["/katalog.ttl"] = Answer(anonymous.encode())
    job = harvest(make_source())
    assert job.status == JobStatus.FAILED
    assert any("neither an IRI nor a dct:identifier" in entry["message"] for entry in job.log), job.log


def test_a_json_ld_source_may_not_make_the_parser_fetch_a_context(remote, make_source, harvest, settings):
    remote.answers["/kontext.jsonld"] = Answer(b'{"@context": {"dcat": "http://www.w3.org/ns/dcat#"}}',
                                               "application/ld+json")  # fmt: skip
    document = {"@context": remote.url("/kontext.jsonld"), "@id": "https://data.example.se/x", "@type": "dcat:Dataset"}
    remote.answers["/katalog.jsonld"] = Answer(json.dumps(document).encode(), "application/ld+json")
    job = harvest(make_source("/katalog.jsonld"))
    assert job.status == JobStatus.FAILED
    assert [path for path, _query, _accept in remote.requests] == ["/katalog.jsonld"]  # never the context


def test_the_address_connected_to_is_checked_too(remote, monkeypatch, settings):
    """DNS may answer differently when the connection is made than when the address was checked."""
    from tvatakt.opendata.harvest import fetch
    from tvatakt.opendata.harvest.records import SourceError

    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft"))
    settings.OPENDATA_HARVEST_ALLOW_PRIVATE = False
    monkeypatch.setattr(fetch, "check_address", lambda url, **kwargs: None)  # the first look-up said "public"
    with pytest.raises(SourceError, match="private network"):
        fetch.fetch(remote.url("/katalog.ttl"), accept="text/turtle")
    assert remote.requests == []


@pytest.mark.parametrize(
    ("count", "pages", "expected"),
    [(0, [[]], "no public datasets"), (3, [[ckan_package("a")], []], "said it has 3 datasets but gave 1")],
    ids=["empty", "short"],
)
def test_a_ckan_source_that_gives_less_than_it_says_withdraws_nothing(
    remote, make_source, harvest, archive, count, pages, expected
):
    source = make_source("/", kind="ckan")
    remote.answers["/api/3/action/package_search"] = ckan_search([ckan_package("a"), ckan_package("b")])
    assert harvest(source).created == 2
    before = state(archive)
    answers = iter(pages)

    def short(query):
        result = {"count": count, "results": next(answers)}
        return Answer(json.dumps({"success": True, "result": result}).encode(), "application/json")

    remote.answers["/api/3/action/package_search"] = short
    job = harvest(source)
    assert job.status == JobStatus.FAILED and any(expected in entry["message"] for entry in job.log), job.log
    assert state(archive) == before


def test_odd_ckan_values_are_read_or_refused_never_a_crash(remote, make_source, harvest):
    odd = ckan_package(
        "udda", title={"sv": "Udda\x00 värden", "en": "Odd values"}, tags="inte en lista", groups=[None, 3],
        extras={"key": "x"}, notes="Text med NUL\x00.",
        resources=[{"url": "https://example.se/x.csv", "format": "CSV", "size": "²"},
                   {"url": "https://example.se/y.csv", "format": "CSV", "size": 10**30}, "inte ett objekt"],
    )  # fmt: skip
    remote.answers["/api/3/action/package_search"] = ckan_search([odd])
    job = harvest(make_source("/", kind="ckan"))
    assert job.status == JobStatus.SUCCEEDED, job.log
    dataset = Dataset.objects.get(harvest_ref="id-udda")
    assert (dataset.title, dataset.description) == ("Udda värden", "Text med NUL.")
    assert list(dataset.distributions.values_list("byte_size", flat=True)) == [None, None]


def test_a_job_whose_worker_died_is_ended_and_no_longer_blocks_its_source(remote, make_source, publisher):
    import datetime

    from django.utils import timezone

    source = make_source()
    job = services.harvest_start(actor=publisher, source=source)
    run.claim(job.pk)  # the worker took it, then died
    with pytest.raises(DomainError, match="already waiting or running"):
        services.harvest_start(actor=publisher, source=source)
    HarvestJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - datetime.timedelta(hours=3))
    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft"))
    again = services.harvest_start(actor=publisher, source=source)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "stopped without finishing" in job.log[-1]["message"]
    assert run.run(again.pk) == JobStatus.SUCCEEDED


def test_a_scheduled_job_with_no_one_to_run_as_fails(remote, make_source, publisher):
    source = make_source(schedule="daily")
    HarvestSource.objects.filter(pk=source.pk).update(created_by=None)
    remote.answers["/katalog.ttl"] = turtle(dataset_ttl("luft", "Luft"))
    (job,) = services.harvests_due()
    assert run.run(job.pk) == JobStatus.FAILED

"""The demo's harvests and imports: Stadsarkivet imports three registers from a CSV file (a real run of the import,
so its datasets and job are what a publisher would get), and keeps a CKAN source whose last harvest failed, so the
job page shows a log. The demo has no network, so that failure is written down rather than run."""

import csv
import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone

from tvatakt.opendata import services
from tvatakt.opendata.harvest import run, table
from tvatakt.opendata.models import HarvestJob, HarvestSource, JobStage, JobStatus, Schedule, SourceKind
from tvatakt.organisation.models import Organisation, Person

ARCHIVE = {"contact_name": "Stadsarkivet", "contact_email": "stadsarkivet@demo.example.org", "licence": "cc-zero"}
FILES = "https://data.demo.example.org/stadsarkivet/"
# The rows of the file Stadsarkivet imports, as a publisher would fill in the template. A second row with the same
# name adds a distribution; "arkivbildare" is left a draft.
ARCHIVE_ROWS = [
    ARCHIVE | {
        "name": "dodbocker-1878-1926", "title": "Dödböcker 1878–1926", "title_en": "Death registers 1878–1926",
        "description": "Församlingarnas dödböcker, med namn, dödsdag och dödsorsak. Registret är skrivet av från "
                       "originalen.",
        "keywords": "dödböcker, släktforskning, historia", "themes": "SOCI", "frequency": "NEVER", "publish": "ja",
        "distribution_title": "Register (CSV)", "distribution_url": FILES + "dodbocker.csv",
        "distribution_format": "CSV",
    },
    ARCHIVE | {
        "name": "rotemansarkivet-adresser", "title": "Adresser i Rotemansarkivet",
        "title_en": "Addresses in the Roteman archive",
        "description": "Alla adresser som finns i Rotemansarkivet, med kvarter och församling. Med dem hittar du "
                       "rätt i folkbokföringen 1878–1926.",
        "keywords": "adresser, rotemansarkivet, kvarter", "themes": "SOCI;REGI", "frequency": "NEVER",
        "publish": "ja", "distribution_title": "Adresser (CSV)", "distribution_url": FILES + "rotemansadresser.csv",
        "distribution_format": "CSV",
    },
    {
        "name": "rotemansarkivet-adresser", "distribution_title": "Adresser (GeoJSON)",
        "distribution_url": FILES + "rotemansadresser.geojson", "distribution_format": "GEOJSON",
    },
    ARCHIVE | {
        "name": "arkivbildare", "title": "Arkivbildare i Stadsarkivet",
        "title_en": "Record creators in the City Archives",
        "description": "Förvaltningar, bolag, föreningar och personer vars arkiv Stadsarkivet förvarar, med årtal och "
                       "omfång.",
        "keywords": "arkiv, arkivbildare, förvaltningar", "themes": "GOVE", "frequency": "ANNUAL", "publish": "nej",
    },
]  # fmt: skip


def archive_csv() -> bytes:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=table.COLUMNS)
    writer.writeheader()
    writer.writerows(ARCHIVE_ROWS)
    return output.getvalue().encode()


FAILED_LOG = [
    {"level": "error", "location": "källan",
     "message": "Källan svarade inte inom 30 sekunder. Försök igen senare, eller kontrollera adressen."},
]  # fmt: skip


def load_demo_harvests() -> None:
    """Make what is missing. Needs the catalogue's publishers (load_demo_catalogue)."""
    archive = Organisation.objects.filter(name="Stadsarkivet").first()
    publisher = Person.objects.filter(username="datapublicerare").first()
    if archive is None or publisher is None:
        return
    if not HarvestJob.objects.filter(publisher=archive, file_name="stadsarkivets-register.csv").exists():
        job = services.import_start(
            actor=publisher, publisher=archive, max_bytes=1_000_000,
            file=ContentFile(archive_csv(), name="stadsarkivets-register.csv"),
        )  # fmt: skip
        run.run(job.pk)
    source, made = HarvestSource.objects.get_or_create(
        publisher=archive, title="Stadsarkivets gamla CKAN",
        defaults={"kind": SourceKind.CKAN, "url": "https://ckan.stadsarkivet.demo.example.org",
                  "remote_organisation": "stadsarkivet", "schedule": Schedule.WEEKLY, "created_by": publisher},
    )  # fmt: skip
    if made:
        ended = timezone.now() - datetime.timedelta(days=2)
        job = HarvestJob.objects.create(
            kind="harvest", source=source, publisher=archive, requested_by=publisher, scheduled=True,
            status=JobStatus.FAILED, stage=JobStage.FINISHED, started_at=ended - datetime.timedelta(seconds=30),
            finished_at=ended, log=FAILED_LOG,
        )  # fmt: skip
        HarvestJob.objects.filter(pk=job.pk).update(requested_at=job.started_at)  # two days ago, not now

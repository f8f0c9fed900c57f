"""What open data holds about a person: datasets and harvest sources they made, harvests they started, and uses
of data they noted. All of it is the catalogue's record of its work: erasure keeps it, without the name."""

from django.utils.translation import gettext_lazy as _

from tvatakt.core import subject
from tvatakt.opendata.models import Dataset, DatasetUse, HarvestJob, HarvestSource

KEPT = _("Kept, without your name: the catalogue's record of who did what.")


def export(person) -> list[subject.Section]:
    return [
        subject.section(
            "datasets", _("Datasets you made"), Dataset.objects.filter(created_by=person),
            [(_("title"), lambda row: row.display_title), (_("state"), lambda row: row.get_state_display()),
             (_("created"), lambda row: row.created_at)],
            on_erasure=KEPT,
        ),
        subject.section(
            "uses", _("Uses of data you noted"),
            DatasetUse.objects.filter(noted_by=person).select_related("dataset", "initiative"),
            [(_("dataset"), lambda row: row.dataset.display_title), (_("initiative"), lambda row: str(row.initiative))],
            on_erasure=KEPT,
        ),
        subject.section(
            "harvest_sources", _("Harvest sources you added"), HarvestSource.objects.filter(created_by=person),
            [(_("name"), lambda row: row.title), (_("created"), lambda row: row.created_at)],
            on_erasure=KEPT,
        ),
        subject.section(
            "harvest_jobs", _("Harvests and imports you started"), HarvestJob.objects.filter(requested_by=person),
            [(_("kind"), lambda row: row.get_kind_display()), (_("requested"), lambda row: row.requested_at),
             (_("status"), lambda row: row.get_status_display()), (_("file name"), lambda row: row.file_name)],
            on_erasure=KEPT,
        ),
    ]  # fmt: skip


def erase(person, *, reason: str) -> dict[str, int]:
    # Nothing is deleted or unlinked: the rows point at the anonymised person, which says who no longer.
    return {"datasets_kept": Dataset.objects.filter(created_by=person).count()}


subject.register(
    subject.Part(
        key="opendata", area=_("Open data"), order=40, export=export, erase=erase,
        covers=("opendata.Dataset.created_by", "opendata.DatasetUse.noted_by", "opendata.HarvestSource.created_by",
                "opendata.HarvestJob.requested_by"),
    )
)  # fmt: skip

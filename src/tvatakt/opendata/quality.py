"""The metadata quality score: the share of DCAT-AP-SE's mandatory and recommended properties a dataset fills,
and what is missing, so that its publisher can fill it in."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tvatakt.opendata.models import Dataset


@dataclass(frozen=True)
class Check:
    label: str
    mandatory: bool
    filled: bool


@dataclass(frozen=True)
class Quality:
    checks: list[Check]

    @property
    def score(self) -> int:
        """Percent of the properties filled, mandatory ones counting twice."""
        weight = sum(2 if check.mandatory else 1 for check in self.checks)
        filled = sum(2 if check.mandatory else 1 for check in self.checks if check.filled)
        return round(100 * filled / weight) if weight else 100

    @property
    def missing(self) -> list[Check]:
        return [check for check in self.checks if not check.filled]


def quality(dataset: Dataset) -> Quality:
    """Reads the dataset's themes, keywords and distributions: prefetch them for a list."""
    distributions = list(dataset.distributions.all())
    return Quality(
        [
            Check(str(_("Title in Swedish")), True, bool(dataset.title)),
            Check(str(_("Description in Swedish")), True, bool(dataset.description)),
            Check(str(_("Publisher")), True, dataset.publisher_id is not None),
            Check(str(_("At least one distribution")), True, bool(distributions)),
            Check(str(_("Title in English")), False, bool(dataset.title_en)),
            Check(str(_("Description in English")), False, bool(dataset.description_en)),
            Check(str(_("Contact with e-mail")), False, bool(dataset.contact_name and dataset.contact_email)),
            Check(str(_("Keywords")), False, bool(dataset.keywords.all())),
            Check(str(_("Theme")), False, bool(dataset.themes.all())),
            Check(str(_("Place the data covers")), False, bool(dataset.spatial)),
            Check(str(_("Period the data covers")), False, bool(dataset.temporal_start or dataset.temporal_end)),
            Check(str(_("Update frequency")), False, bool(dataset.frequency)),
            Check(str(_("Standard the data follows")), False, bool(dataset.conforms_to)),
            Check(str(_("Web page about the data")), False, bool(dataset.landing_page)),
            Check(
                str(_("Every distribution described, with its availability")),
                False,
                bool(distributions) and all(d.description and d.availability for d in distributions),
            ),
        ]
    )

from tvatakt.opendata.services.datasets import (
    dataset_create,
    dataset_publish,
    dataset_update,
    dataset_withdraw,
    parse_keywords,
)
from tvatakt.opendata.services.distributions import distribution_add, distribution_remove
from tvatakt.opendata.services.harvest import harvest_start, harvests_due, import_start, source_create, source_update

__all__ = [
    "dataset_create",
    "dataset_publish",
    "dataset_update",
    "dataset_withdraw",
    "distribution_add",
    "distribution_remove",
    "harvest_start",
    "harvests_due",
    "import_start",
    "parse_keywords",
    "source_create",
    "source_update",
]

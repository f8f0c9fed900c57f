from tvatakt.opendata.services.datasets import (
    dataset_create,
    dataset_publish,
    dataset_update,
    dataset_withdraw,
    parse_keywords,
)
from tvatakt.opendata.services.distributions import distribution_add, distribution_remove

__all__ = [
    "dataset_create",
    "dataset_publish",
    "dataset_update",
    "dataset_withdraw",
    "distribution_add",
    "distribution_remove",
    "parse_keywords",
]

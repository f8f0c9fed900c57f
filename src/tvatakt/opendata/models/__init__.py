from tvatakt.opendata.models.dataset import Dataset, DatasetUse, Keyword, Theme
from tvatakt.opendata.models.distribution import DataService, Distribution
from tvatakt.opendata.models.harvest import (
    HarvestJob,
    HarvestSource,
    JobKind,
    JobStage,
    JobStatus,
    Schedule,
    SourceKind,
)

__all__ = [
    "DataService",
    "Dataset",
    "DatasetUse",
    "Distribution",
    "HarvestJob",
    "HarvestSource",
    "JobKind",
    "JobStage",
    "JobStatus",
    "Keyword",
    "Schedule",
    "SourceKind",
    "Theme",
]

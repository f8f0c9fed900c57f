from tvatakt.opendata.models.dataset import Dataset, DatasetUse, Keyword, Theme
from tvatakt.opendata.models.distribution import DataService, Distribution

__all__ = ["DataService", "Dataset", "DatasetUse", "Distribution", "Keyword", "Theme"]

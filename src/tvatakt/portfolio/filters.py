"""The filters shared by the board, the dashboard, the list, the exports and the API."""

from dataclasses import dataclass, fields
from urllib.parse import urlencode

from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class InitiativeFilter:
    unit: str = ""  # slugs, so that URLs stay readable and stable
    organisation: str = ""
    cluster: str = ""
    health: str = ""
    status: str = ""
    mode: str = ""
    q: str = ""
    flag: str = ""  # "stale" or "overrun"

    @classmethod
    def from_data(cls, data) -> "InitiativeFilter":
        return cls(**{f.name: (data.get(f.name) or "") for f in fields(cls)})

    def apply(self, qs: QuerySet) -> QuerySet:
        if self.unit:
            qs = qs.filter(unit__slug=self.unit)
        if self.organisation:
            qs = qs.filter(organisation__slug=self.organisation)
        if self.cluster:
            qs = qs.filter(clusters__slug=self.cluster)  # one cluster: a join that cannot duplicate rows
        if self.health:
            qs = qs.filter(health=self.health)
        if self.status:
            qs = qs.filter(status=self.status)
        if self.mode:
            qs = qs.filter(process_type__mode=self.mode)
        if self.q:
            qs = qs.filter(Q(title__icontains=self.q) | Q(title_en__icontains=self.q))
        if self.flag == "stale":
            qs = qs.stale()
        elif self.flag == "overrun":
            qs = qs.overrun()
        return qs

    def as_query(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @property
    def querystring(self) -> str:
        """The filters as a URL query, for links that keep them (exports, the full list)."""
        return urlencode(self.as_query())

"""Reads for the catalogue: search with facets, in the database itself, at a fixed number of queries.

Full text: PostgreSQL's stored `search` vector (Swedish and English stemming), SQLite's FTS5 table, both made by
migration 0002. Every filter and facet is computed over the same matching set, so the counts add up."""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, FloatField, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from tvatakt.opendata import vocab
from tvatakt.opendata.choices import LICENCE_CHOICES, _label
from tvatakt.opendata.models import Dataset, Distribution, Keyword, Theme
from tvatakt.organisation.models import Organisation

FACETS = ("publisher", "theme", "format", "licence", "keyword")
SORTS = ("relevance", "title", "modified")
FACET_LIMIT = 50
WORD = re.compile(r"\w+", re.UNICODE)


def words(q: str) -> list[str]:
    """The words of a query, without the punctuation that search syntaxes give a meaning to."""
    return WORD.findall(q)[:32]


def _fts5_query(q: str) -> str:
    """Each word as a quoted prefix, all required: "skol"* "stockholm"*. Quoting makes any input safe syntax;
    the prefix stands in for the stemming SQLite does not have."""
    return " ".join(f'"{word}"*' for word in words(q))


def _matching(q: str) -> Q:
    """Datasets whose texts match `q`; a query with no words matches everything."""
    if not words(q):
        return Q()
    if connection.vendor == "postgresql":
        text = " ".join(words(q))
        ids = RawSQL(
            "SELECT id FROM opendata_dataset WHERE search @@ (plainto_tsquery('swedish', %s) || "
            "plainto_tsquery('english', %s))",
            [text, text],
        )
    else:
        ids = RawSQL("SELECT rowid FROM opendata_dataset_fts WHERE opendata_dataset_fts MATCH %s", [_fts5_query(q)])
    return Q(pk__in=ids)


def _rank(q: str) -> RawSQL:
    """How well each dataset matches: higher is better. Only for the top-level query (it names the table). On
    SQLite the ranks are computed now, for this connection: evaluate the query in the same request."""
    if connection.vendor == "postgresql":
        text = " ".join(words(q))
        return RawSQL(
            "ts_rank_cd(opendata_dataset.search, plainto_tsquery('swedish', %s) || plainto_tsquery('english', %s))",
            [text, text],
            output_field=FloatField(),
        )
    _sqlite_ranks(q)
    return RawSQL(
        "(SELECT rank FROM temp.opendata_fts_rank WHERE temp.opendata_fts_rank.id = opendata_dataset.id)",
        [],
        output_field=FloatField(),
    )


def _sqlite_ranks(q: str) -> None:
    """Every match's rank for `q`, computed once into a temporary table of this connection, for the query to look
    up by id. bm25() counts over all matches each time it is evaluated, so a rank computed per row (a correlated
    subquery) cost O(matches²): 39 s for a word in 19,000 of 20,000 datasets; this costs one pass. A temporary
    table is the connection's own, and writing it takes no lock on the database."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE IF NOT EXISTS opendata_fts_rank (id INTEGER PRIMARY KEY, rank REAL)")
        cursor.execute("DELETE FROM temp.opendata_fts_rank")
        # bm25 is lower for a better match: negated, so that both databases sort descending.
        cursor.execute(
            "INSERT INTO temp.opendata_fts_rank (id, rank) SELECT rowid, -bm25(opendata_dataset_fts) "
            "FROM opendata_dataset_fts WHERE opendata_dataset_fts MATCH %s",
            [_fts5_query(q)],
        )


@dataclass
class Filters:
    q: str = ""
    publisher: list[str] = field(default_factory=list)  # organisation slugs
    theme: list[str] = field(default_factory=list)  # theme codes
    format: list[str] = field(default_factory=list)  # file-type codes
    licence: list[str] = field(default_factory=list)  # licence IRIs
    keyword: list[str] = field(default_factory=list)  # keyword names
    sort: str = "relevance"


def _filtered(filters: Filters, base: QuerySet[Dataset] | None = None) -> QuerySet[Dataset]:
    """The public datasets that match, each once. Every filter of one kind is required (AND), as CKAN's fq."""
    datasets = (base if base is not None else Dataset.objects.public()).filter(_matching(filters.q))
    if filters.publisher:
        datasets = datasets.filter(publisher__slug__in=filters.publisher)
    if filters.licence:
        datasets = datasets.filter(licence__in=filters.licence)
    for code in filters.theme:
        datasets = datasets.filter(pk__in=Dataset.themes.through.objects.filter(theme_id=code).values("dataset_id"))
    for name in filters.keyword:
        through = Dataset.keywords.through.objects.filter(keyword__name=name)
        datasets = datasets.filter(pk__in=through.values("dataset_id"))
    for code in filters.format:
        datasets = datasets.filter(pk__in=Distribution.objects.filter(format=code).values("dataset_id"))
    return datasets


def ordered(datasets: QuerySet[Dataset], filters: Filters) -> QuerySet[Dataset]:
    """Relevance (when there are words), title or last modified; the id breaks ties, so pages are stable."""
    sort = filters.sort if filters.sort in SORTS else "relevance"
    if sort == "relevance" and words(filters.q):
        return datasets.annotate(rank=_rank(filters.q)).order_by(F("rank").desc(nulls_last=True), "-updated_at", "pk")
    if sort == "title":
        return datasets.order_by("title", "pk")
    return datasets.order_by("-updated_at", "pk")


@dataclass
class FacetItem:
    value: str
    label: str
    count: int


def facets(filters: Filters, limit: int = FACET_LIMIT, only: tuple[str, ...] = FACETS) -> dict[str, list[FacetItem]]:
    """For each facet, its values among the matching datasets with their counts, most first: facets_within()
    over the catalogue's filters, one query for all of them."""
    return facets_within(_filtered(filters), limit=limit, only=only)[1]


def search(filters: Filters) -> QuerySet[Dataset]:
    """The matching public datasets in the order asked for, with what a result row shows."""
    return with_listing(ordered(_filtered(filters), filters))


def with_listing(datasets: QuerySet[Dataset]) -> QuerySet[Dataset]:
    formats = Distribution.objects.only("id", "dataset_id", "format").order_by("position", "pk")
    return datasets.select_related("publisher").prefetch_related(
        "themes", Prefetch("distributions", queryset=formats, to_attr="listed_distributions")
    )


def _hackathon_uses() -> list[Prefetch]:
    """The hackathon challenges built on a dataset, and the submissions in published results that used it."""
    from tvatakt.innovation.models import Challenge, Submission

    handed_in = Submission.objects.filter(team__hackathon__results_published_at__isnull=False, team__withdrawn_at=None)
    challenges = Challenge.objects.select_related("hackathon").order_by("-hackathon__starts_at")
    return [
        Prefetch("challenges", queryset=challenges),
        Prefetch("submissions", queryset=handed_in.select_related("team__hackathon").order_by("rank", "pk")),
    ]


def dataset_detail(name: str, user) -> Dataset | None:
    """A dataset by its name: public, or a draft for those who may publish for its organisation."""
    dataset = (
        Dataset.objects.filter(name=name)
        .select_related("publisher")
        .prefetch_related(
            "themes",
            "keywords",
            Prefetch("distributions", queryset=Distribution.objects.order_by("position", "pk")),
            "services",
            "uses__initiative",
            *_hackathon_uses(),
        )
        .first()
    )
    if dataset is None:
        return None
    if dataset.is_public or (user is not None and user.has_perm("opendata.publish", dataset)):
        return dataset
    return None


def themes_with_counts() -> list[Theme]:
    return list(Theme.objects.annotate(count=Count("datasets", filter=Q(datasets__state="public"))).order_by("code"))


def publishers_with_counts() -> QuerySet[Organisation]:
    return (
        Organisation.objects.annotate(count=Count("datasets", filter=Q(datasets__state="public")))
        .filter(count__gt=0)
        .order_by("name")
    )


def keyword_names(query: str = "") -> QuerySet[Keyword]:
    keywords = Keyword.objects.filter(datasets__state="public").distinct().order_by("name")
    return keywords.filter(name__icontains=query) if query else keywords


# For callers whose query language says more than Filters can (the CKAN API's OR, NOT, names and dates): they
# build their own conditions over Dataset, and get the same full text, ranking and facets as the catalogue.


def matching(q: str) -> Q:
    """Datasets whose texts match every word of `q` (all datasets when it has none)."""
    return _matching(q)


def ranked(datasets: QuerySet[Dataset], q: str) -> QuerySet[Dataset]:
    """`datasets` with `rank`: how well each matches the words of `q`, higher is better (null for no match)."""
    return datasets.annotate(rank=_rank(q))


def facets_within(
    datasets: QuerySet[Dataset], limit: int | None = FACET_LIMIT, only: tuple[str, ...] = FACETS
) -> tuple[int, dict[str, list[FacetItem]]]:
    """How many `datasets` there are, and facets() over them (`limit=None`: every value), in one query: the
    matching set is read once, as a common table expression, and each facet groups over it. A dataset counts
    once a value. On a large catalogue this is several times faster than a query a facet."""
    from django.core.exceptions import EmptyResultSet  # here, so that this addition leaves the module's head as is

    try:
        matches, values = datasets.order_by().values("pk", "publisher_id", "licence").query.sql_with_params()
    except EmptyResultSet:  # a condition that can hold for none, such as pk__in=[]
        return 0, {name: [] for name in FACETS if name in only}
    tables = {
        "themes": Dataset.themes.through._meta.db_table,
        "keywords": Dataset.keywords.through._meta.db_table,
        "keyword": Keyword._meta.db_table,
        "distribution": Distribution._meta.db_table,
        "organisation": Organisation._meta.db_table,
    }
    groups = {
        "publisher": "SELECT o.slug AS value, o.name AS label, COUNT(*) AS n FROM m "
        "JOIN {organisation} o ON o.id = m.publisher_id GROUP BY o.slug, o.name",
        "theme": "SELECT t.theme_id AS value, NULL AS label, COUNT(*) AS n FROM {themes} t "
        "JOIN m ON m.id = t.dataset_id GROUP BY t.theme_id",
        "format": "SELECT f.format AS value, NULL AS label, COUNT(*) AS n FROM (SELECT DISTINCT d.dataset_id, d.format "
        "FROM {distribution} d JOIN m ON m.id = d.dataset_id) f GROUP BY f.format",
        "licence": "SELECT m.licence AS value, NULL AS label, COUNT(*) AS n FROM m GROUP BY m.licence",
        # counted by id, named after: hashing ints is cheaper than the names of every link
        "keyword": "SELECT k.name AS value, NULL AS label, c.n AS n FROM (SELECT dk.keyword_id, COUNT(*) AS n "
        "FROM {keywords} dk JOIN m ON m.id = dk.dataset_id GROUP BY dk.keyword_id) c "
        "JOIN {keyword} k ON k.id = c.keyword_id",
    }
    # Only table names from the models and an int are formatted in; the query's values stay parameters.
    cut = "" if limit is None else f" LIMIT {int(limit)}"
    parts = ["SELECT 'count', NULL, NULL, COUNT(*) FROM m"] + [
        f"SELECT '{name}', * FROM ({groups[name].format(**tables)} ORDER BY n DESC, value{cut}) AS {name}_values"  # noqa: S608
        for name in FACETS
        if name in only
    ]
    sql = f"WITH m (id, publisher_id, licence) AS ({matches}) " + " UNION ALL ".join(parts)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        rows = cursor.fetchall()
    count = next(n for facet, _value, _label, n in rows if facet == "count")
    licences = {code: str(label) for code, label in LICENCE_CHOICES}
    labels = {
        "theme": lambda value: _label(vocab.THEME[value]),
        "format": lambda value: vocab.FILE_TYPE[value].label,
        "licence": lambda value: licences.get(value, value),
    }
    found: dict[str, list[FacetItem]] = {name: [] for name in FACETS if name in only}
    for facet, value, label, n in sorted(rows, key=lambda row: (-row[3], row[1] or "")):
        if facet != "count":
            found[facet].append(FacetItem(value, label or labels.get(facet, str)(value), n))
    return count, found

"""Reads for the pages that set up consultations and hackathons: the organisations a person may organise for, a
hackathon with its jury setup, and the open datasets a challenge can rest on, found by words."""

from django.db.models import F, Prefetch, Q, QuerySet

from tvatakt.innovation.models import Challenge, Consultation, Hackathon, Juror, Score
from tvatakt.opendata.models import Dataset
from tvatakt.opendata.selectors import matching, ranked, words
from tvatakt.organisation.models import Organisation

FOUND = 30  # datasets offered for a search: the catalogue has thousands


def organisations_to_run(user, current: Organisation | None = None) -> list[Organisation]:
    """The active organisations `user` may set something up for, with `current` (what is being edited) always
    among them. The city has a few dozen, so each is asked: the rule itself stays in permissions.py."""
    if not getattr(user, "is_authenticated", False):
        return []
    organisations = Organisation.objects.filter(Q(is_active=True) | Q(pk=getattr(current, "pk", None)))
    probes = [Consultation(organisation=organisation) for organisation in organisations.order_by("name")]
    return [probe.organisation for probe in probes if user.has_perm("innovation.run", probe)]


def may_organise(user) -> bool:
    """May `user` set up a consultation or a hackathon for some organisation: the "new" links on the lists."""
    return bool(organisations_to_run(user))


def owners() -> QuerySet[Organisation]:
    """The organisations a challenge can come from: any active one, as problems cross the administrations."""
    return Organisation.objects.filter(is_active=True).order_by("name")


def hackathon_to_organise(slug: str) -> Hackathon | None:
    jurors = Juror.objects.select_related("person").order_by("person__first_name", "person__last_name", "pk")
    return (
        Hackathon.objects.select_related("organisation")
        .prefetch_related("criteria", "questions", Prefetch("jurors", queryset=jurors))
        .filter(slug=slug)
        .first()
    )


def has_scores(hackathon: Hackathon) -> bool:
    """Has the jury started scoring: then the rubric stays as it is."""
    return Score.objects.filter(juror__hackathon=hackathon).exists()


def challenge_to_organise(hackathon: Hackathon, slug: str) -> Challenge | None:
    return (
        Challenge.objects.select_related("organisation")
        .prefetch_related(Prefetch("datasets", queryset=Dataset.objects.only("pk", "name")))
        .filter(hackathon=hackathon, slug=slug)
        .first()
    )


def datasets_matching(q: str) -> list[Dataset]:
    """The open datasets whose texts match the words of `q`, or whose short name it is, the best matches first."""
    if not words(q):
        return []
    found = Dataset.objects.public().filter(matching(q) | Q(name=q.strip().lower()))
    found = ranked(found, q).order_by(F("rank").desc(nulls_last=True), "title", "pk")
    return list(found.only("pk", "name", "title", "title_en")[:FOUND])


def datasets_named(names: list[str]) -> list[Dataset]:
    """The open datasets with these short names: the ones ticked after a search."""
    return list(Dataset.objects.public().filter(name__in=names[:FOUND]).only("pk", "name", "title", "title_en"))

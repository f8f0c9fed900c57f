import pytest
from django.utils import translation

from tvatakt.innovation.models import Consultation
from tvatakt.organisation.models import Organisation


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def make_consultation(slug="test-dialog", **fields) -> Consultation:
    asks = Organisation.objects.get(name="Stadsledningskontoret")
    values = {"slug": slug, "title": "Hur kan digitaliseringen göra ditt liv enklare?",
              "description": "Berätta för oss.", "organisation": asks}  # fmt: skip
    return Consultation.objects.create(**(values | fields))


@pytest.fixture
def consultation(db) -> Consultation:
    return make_consultation()


def idea_fields(**fields) -> dict:
    return {
        "title": "Bättre wifi på biblioteken",
        "body": "Det är svårt att ringa videosamtal.",
        "kind": "citizen",
    } | fields


def make_hackathon(slug="test-hack", now=None, **fields):
    """A hackathon in its submission window (registration open too), with one challenge and a rubric of two
    criteria weighted 3 and 1."""
    import datetime

    from django.utils import timezone

    from tvatakt.innovation.models import Challenge, Criterion, Hackathon

    now = now or timezone.now()
    day = datetime.timedelta(days=1)
    organiser = Organisation.objects.get(name="Stadsledningskontoret")
    values = {
        "slug": slug, "title": "Hacka Stockholm", "description": "Bygg med stadens data.", "organisation": organiser,
        "place": "Stadshuset", "starts_at": now - day, "ends_at": now + 2 * day, "registration_opens": now - 10 * day,
        "registration_closes": now + day, "submission_opens": now - day, "submission_closes": now + day,
        "judging_closes": now + 5 * day,
    }  # fmt: skip
    hackathon = Hackathon.objects.create(**(values | fields))
    Challenge.objects.create(
        hackathon=hackathon, slug="trygg-skolvag", title="Trygg skolväg", description="Hur går barn säkert?",
        organisation=organiser,
    )  # fmt: skip
    Criterion.objects.create(hackathon=hackathon, name="Nytta", weight=3, order=1)
    Criterion.objects.create(hackathon=hackathon, name="Genomförbarhet", weight=1, order=2)
    return hackathon


def member(name="Sara Lind", kind="startup", **fields):
    from tvatakt.innovation.services import Member

    return Member(name=name, kind=kind, **fields)


def make_team(hackathon, name="Team Trygg", **fields):
    import hashlib

    from tvatakt.innovation import services

    address = f"lag-{hashlib.sha256(name.encode()).hexdigest()[:8]}@example.se"
    values = {"hackathon": hackathon, "challenge": hackathon.challenges.first(), "name": name,
              "contact_name": "Sara Lind", "contact_email": address, "members": [member()]}  # fmt: skip
    return services.register_team(**(values | fields))


def close_submissions(hackathon) -> None:
    """The deadline passed a minute ago: the jury's window is open."""
    import datetime

    from django.utils import timezone

    now = timezone.now()
    hackathon.submission_closes = now - datetime.timedelta(minutes=1)
    hackathon.submission_opens = now - datetime.timedelta(days=2)
    hackathon.save()


def make_judged(jury: list[str]):
    """Three teams handed in; the deadline has passed and `jury` (user names) scores. Returns (hackathon, {X, Y, Z})."""
    from tvatakt.innovation import services
    from tvatakt.innovation.models import Juror
    from tvatakt.organisation.models import Person

    hackathon = make_hackathon()
    handed_in = {}
    for letter in "XYZ":
        team = make_team(hackathon, name=f"Team {letter}")
        handed_in[letter] = services.save_submission(team=team, title=f"Lösning {letter}", description="En app.")
    close_submissions(hackathon)
    for username in jury:
        Juror.objects.create(hackathon=hackathon, person=Person.objects.get(username=username))
    return hackathon, handed_in


def give(hackathon, username, submission, first, second):
    """`username`'s scores for the two criteria of make_hackathon's rubric."""
    from tvatakt.innovation import services
    from tvatakt.organisation.models import Person

    nytta, genomforbarhet = hackathon.criteria.order_by("order")
    services.score(actor=Person.objects.get(username=username), submission=submission,
                   values={nytta.pk: first, genomforbarhet.pk: second})  # fmt: skip

"""The authorisation matrix: every address and every API operation, knocked on by nine people, reading and writing.

The table is tests/authz_table.py: one row per address of tests/routes.txt (the admin's left out) and one per
operation of the JSON API, each saying who is let in. Nine people knock: anonymous, a citizen, the ambassadors of
organisation A and of organisation B, an initiative lead, a unit head, a data publisher, the council's secretary
and the admin (authz_table.ROLES). An address is read with GET and written with POST; an API operation is called
with its own method.

Let in means the answer is not a refusal: 2xx; a redirect that is not to the log-in page; or a form's or a rule's
error (400, 409, 422): the person may try. Refused means 401 or 403; 404 for an object hidden from that person; or
a redirect to log in. NA (405) means the address does not take the method. A few views refuse by sending the
person back to the object with an error message (REFUSED_BY_REDIRECT).

Nothing changes: each request runs in a savepoint that is rolled back after it, so a write that an allowed person
makes (an empty form to a button, a body the service accepts) is undone before the next person knocks. Web writes
send an empty form. API writes send a body the schema accepts (API_BODIES), so that the request reaches the
service's permission check, and mostly one the service then refuses on its content (an empty title: 422).

Addresses need real objects: SAMPLES fills each parameter from the demo city (class Demo), chosen so that the rows
mean something: organisation A's page and adoption, a forum thread of A's cluster, the lead's own sprint (made
confidential on its pages; left open in the API, so that the services' own checks answer), the lead's draft lesson,
the publisher's own dataset, a held meeting whose minutes are a draft.

A new address or API operation fails test_every_address_and_operation_is_in_the_table until it has a row, and a
row whose address is gone fails it too.

This test was seen to fail. While it was written, the first line of portfolio.services.initiative_check_in,
`require(actor, "portfolio.check_in", initiative)`, was taken out for one run (in a scratch copy of the code): the
row "POST /api/v1/initiatives/{slug}/check-ins" failed, naming the citizen, both ambassadors, the publisher and the
secretary as let in (a 422 on the empty text instead of a 403). With the line put back exactly, the row passed.
(The web page for the same check-in did not notice: its view refuses before the service is reached.)
"""

import json
import re
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.authz_table import API_TABLE, HOLES, NA, ROLES, TABLE
from tests.test_routes import routes
from tvatakt.api import services as api_services
from tvatakt.api.api import api
from tvatakt.council.models import Attachment, Decision, Meeting, Proposal
from tvatakt.inclusion import tokens as registration_links
from tvatakt.inclusion.models import Event, Registration
from tvatakt.innovation import tokens as innovation_links
from tvatakt.innovation.models import Consultation, Hackathon, SubmissionFile, TeamMember
from tvatakt.opendata.models import Dataset, Distribution, HarvestJob, HarvestSource, Theme
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment
from tvatakt.portfolio.models import Benefit, Initiative
from tvatakt.recognition.models import AwardRound, Lesson

pytestmark = pytest.mark.django_db

PARAMETER = re.compile(r"<(?:\w+:)?\w+>|\{\w+\}")
# Views that turn a person away by redirecting back with an error message, not with a 403.
REFUSED_BY_REDIRECT = {"/erkannande/lardomar/<int:pk>/granska/"}  # "You wrote this lesson: someone else reviews it"


class Demo:
    """The demo city's objects behind the addresses' parameters, looked up when an address needs them."""

    def __init__(self):
        self.files = []  # written for the test, removed after it

    @cached_property
    def organisation_a(self):
        return Organisation.objects.get(slug="utbildningsforvaltningen")

    @cached_property
    def cluster_a(self):
        return Cluster.objects.get(slug="skola-och-forskola")

    @cached_property
    def event(self):
        upcoming = Event.objects.filter(starts_at__gt=timezone.now(), state="published")
        return upcoming.filter(host__name="Kulturförvaltningen").order_by("starts_at").first()

    @cached_property
    def registration(self):
        return self.event.registrations.filter(status="confirmed").order_by("pk").first()

    @cached_property
    def registration_with_guardian(self):
        return Registration.objects.exclude(guardian_email="").order_by("pk").first()

    @cached_property
    def consultation(self):
        return Consultation.objects.get(slug="framtidens-stockholm")

    @cached_property
    def idea(self):
        return self.consultation.ideas.filter(state="published").order_by("pk").first()

    @cached_property
    def pending_idea(self):
        return self.consultation.ideas.filter(state="pending").order_by("pk").first()

    @cached_property
    def hackathon(self):
        return Hackathon.objects.get(slug="hacka-skolvagen")  # finished; results published

    @cached_property
    def team(self):
        return self.hackathon.teams.filter(submission__isnull=False).order_by("pk").first()

    @cached_property
    def team_member_with_guardian(self):
        return TeamMember.objects.exclude(guardian_email="").order_by("pk").first()

    @cached_property
    def submission_file(self):
        row = SubmissionFile(submission=self.team.submission, filename="bilder.pdf", content_type="application/pdf")
        row.file.save("bilder.pdf", ContentFile(b"%PDF-1.7 matris"), save=False)
        self.files.append(row.file.name)
        row.size = row.file.size
        row.save()
        return row

    @cached_property
    def lesson(self):
        return Lesson.objects.filter(state="draft", author__username="initiativledare").order_by("pk").first()

    @cached_property
    def award_round(self):
        return AwardRound.objects.filter(status="nominating").order_by("pk").first()

    @cached_property
    def dataset(self):
        return Dataset.objects.filter(publisher__slug="stadsarkivet", state="public").order_by("pk").first()

    @cached_property
    def distribution(self):
        row = Distribution(dataset=self.dataset, title="Matris", format="CSV", media_type="text/csv")
        row.file.save("matris.csv", ContentFile(b"a,b\n1,2\n"), save=False)
        self.files.append(row.file.name)
        row.save()
        return row

    @cached_property
    def harvest_source(self):
        return HarvestSource.objects.filter(publisher__slug="stadsarkivet").order_by("pk").first()

    @cached_property
    def harvest_job(self):
        return HarvestJob.objects.filter(publisher__slug="stadsarkivet").order_by("pk").first()

    @cached_property
    def initiative(self):
        """The lead's active sprint in Digital förnyelse."""
        mine = Initiative.objects.filter(unit__slug="digital-fornyelse", lead__username="initiativledare")
        return mine.filter(status="active", is_confidential=False).order_by("pk").first()

    @cached_property
    def confidential_initiative(self):
        """The same sprint, made confidential: on its pages, reading is a right too (404 to the others)."""
        Initiative.objects.filter(pk=self.initiative.pk).update(is_confidential=True)
        return self.initiative

    @cached_property
    def benefit(self):
        return Benefit.objects.create(
            initiative=self.initiative,
            name="Kortare handläggning",
            measure="dagar",
            owner=self.initiative.lead,
            baseline=10,
            target=5,
            due_on=timezone.localdate(),
        )

    @cached_property
    def meeting(self):
        return Meeting.objects.filter(status="held").order_by("pk").first()  # minutes not yet approved

    @cached_property
    def item(self):
        return self.meeting.items.order_by("order").first()

    @cached_property
    def attachment(self):
        return Attachment.objects.order_by("pk").first()

    @cached_property
    def decision(self):
        return Decision.objects.order_by("pk").first()

    @cached_property
    def adoption(self):
        return self.organisation_a.adoptions.exclude(state="implemented").order_by("pk").first()

    @cached_property
    def proposal(self):
        return Proposal.objects.filter(state="submitted").order_by("pk").first()

    @cached_property
    def thread(self):
        return self.cluster_a.threads.order_by("pk").first()

    @cached_property
    def post(self):
        return self.thread.posts.order_by("pk").first()

    @cached_property
    def api_token_of_amb_a(self):
        token, _key = api_services.api_token_create(actor=Person.objects.get(username="ambassador"), name="matris")
        return token

    @cached_property
    def role_of_amb_b(self):
        return RoleAssignment.objects.get(person__username="amb-trafikkontoret", role="ambassador")

    @cached_property
    def citizen(self):
        return Person.objects.get(username="medborgare")

    @cached_property
    def theme(self):
        return Theme.objects.order_by("pk").first()


def _registration_link(registration, purpose):
    return registration_links.make(registration, purpose)


def _innovation_link(kind, obj):
    return getattr(innovation_links, kind)(obj)


# What each parameter is filled with, keyed by the address up to and including the parameter.
SAMPLES = {
    "/aktiviteter/<slug:slug>": lambda d: d.event.slug,
    "/aktiviteter/<slug:slug>/deltagare/<str:code>": lambda d: d.registration.code,
    "/anmalan/<str:token>": lambda d: _registration_link(d.registration, "manage"),
    "/anmalan/<str:token>/<slug:action>": lambda d: "avboka",
    "/samtycke/<str:token>": lambda d: _registration_link(d.registration_with_guardian, "consent"),
    "/api/3/action/<str:name>": lambda d: "package_list",
    "/api/action/<str:name>": lambda d: "package_list",
    "/catalog.<str:fmt>": lambda d: "rdf",
    "/dataset/<str:name>": lambda d: d.dataset.name,
    "/dataset/<str:name>.<str:fmt>": lambda d: "rdf",
    "/dataset/<uuid:identifier>": lambda d: d.dataset.identifier,
    "/dialog/<slug:slug>": lambda d: d.consultation.slug,
    "/dialog/<slug:slug>/ideer/<int:pk>": lambda d: d.idea.pk,
    "/dialog/bekrafta/<str:token>": lambda d: _innovation_link("make", d.pending_idea),
    "/enheter/<slug:slug>": lambda d: "digital-fornyelse",
    "/erkannande/initiativ/<slug:slug>": lambda d: d.lesson.initiative.slug,
    "/erkannande/lardomar/<int:pk>": lambda d: d.lesson.pk,
    "/erkannande/organisationer/<slug:slug>": lambda d: d.organisation_a.slug,
    "/erkannande/personer/<str:username>": lambda d: "initiativledare",
    "/erkannande/utmarkelser/<int:pk>": lambda d: d.award_round.pk,
    "/hackathon/<slug:slug>": lambda d: d.hackathon.slug,
    "/hackathon/<slug:slug>/<slug:challenge>": lambda d: d.team.challenge.slug,
    "/hackathon/<slug:slug>/utmaningar/<slug:challenge>": lambda d: d.team.challenge.slug,
    "/hackathon/<slug:slug>/bidrag/<int:pk>": lambda d: d.team.submission.pk,
    "/hackathon/<slug:slug>/jury/bidrag/<int:pk>": lambda d: d.team.submission.pk,
    "/hackathon/<slug:slug>/jury/jav/<int:team>": lambda d: d.team.pk,
    "/hackathon/filer/<int:pk>": lambda d: d.submission_file.pk,
    "/hackathon/filer/<int:pk>/<str:filename>": lambda d: d.submission_file.filename,
    "/hackathon/lag/<str:token>": lambda d: _innovation_link("make_team", d.team),
    "/hackathon/lag/<str:token>/filer/<int:pk>": lambda d: d.submission_file.pk,
    "/hackathon/samtycke/<str:token>": lambda d: _innovation_link("make_consent", d.team_member_with_guardian),
    "/kluster/<slug:slug>": lambda d: d.cluster_a.slug,
    "/konto/api-nycklar/<int:pk>": lambda d: d.api_token_of_amb_a.pk,
    "/losenord/nytt/<uidb64>": lambda d: urlsafe_base64_encode(force_bytes(d.citizen.pk)),
    "/losenord/nytt/<uidb64>/<token>": lambda d: default_token_generator.make_token(d.citizen),
    "/oppna-data/<str:name>": lambda d: d.dataset.name,
    "/oppna-data/<str:name>/distributioner/<uuid:identifier>": lambda d: d.distribution.identifier,
    "/oppna-data/filer/<uuid:identifier>": lambda d: d.distribution.identifier,
    "/oppna-data/filer/<uuid:identifier>/<str:filename>": lambda d: Path(d.distribution.file.name).name,
    "/oppna-data/mina/hamtning/<int:pk>": lambda d: d.harvest_source.pk,
    "/oppna-data/mina/jobb/<int:pk>": lambda d: d.harvest_job.pk,
    "/oppna-data/teman/<slug:slug>": lambda d: d.theme.slug,
    "/oppna-data/utgivare/<slug:slug>": lambda d: "stadsarkivet",
    "/organisationer/<slug:slug>": lambda d: d.organisation_a.slug,
    "/portfolj/initiativ/<slug:slug>": lambda d: d.confidential_initiative.slug,
    "/portfolj/initiativ/export.<str:fmt>": lambda d: "csv",
    "/portfolj/nyttor/<int:pk>": lambda d: d.benefit.pk,
    "/portfolj/processer/<slug:slug>": lambda d: "experiment",  # Digital förnyelse's
    "/radet/bilagor/<int:pk>": lambda d: d.attachment.pk,
    "/radet/bilagor/<int:pk>/<str:filename>": lambda d: d.attachment.filename,
    "/radet/beslut/<str:reference>": lambda d: d.decision.reference,
    "/radet/forslag/<int:pk>": lambda d: d.proposal.pk,
    "/radet/inforande/<int:pk>": lambda d: d.adoption.pk,
    "/radet/kluster/<slug:slug>": lambda d: d.cluster_a.slug,
    "/radet/kluster/<slug:slug>/inlagg/<int:pk>": lambda d: d.post.pk,
    "/radet/kluster/<slug:slug>/tradar/<int:pk>": lambda d: d.thread.pk,
    "/radet/moten/<int:pk>": lambda d: d.meeting.pk,
    "/radet/moten/<int:pk>/<str:step>": lambda d: "held",
    "/radet/punkter/<int:pk>": lambda d: d.item.pk,
    "/roller/<int:pk>": lambda d: d.role_of_amb_b.pk,
    "/api/v1/adoptions/{adoption_id}": lambda d: d.adoption.pk,
    "/api/v1/benefits/{benefit_id}": lambda d: d.benefit.pk,
    "/api/v1/clusters/{slug}": lambda d: d.cluster_a.slug,
    "/api/v1/consultations/{slug}": lambda d: d.consultation.slug,
    "/api/v1/decisions/{reference}": lambda d: d.decision.reference,
    "/api/v1/events/{slug}": lambda d: d.event.slug,
    "/api/v1/hackathons/{slug}": lambda d: d.hackathon.slug,
    "/api/v1/ideas/{idea_id}": lambda d: d.idea.pk,
    "/api/v1/initiatives/{slug}": lambda d: d.initiative.slug,
    "/api/v1/organisations/{slug}": lambda d: d.organisation_a.slug,
    "/api/v1/proposals/{proposal_id}": lambda d: d.proposal.pk,
    "/api/v1/recognition/lessons/{lesson_id}": lambda d: d.lesson.pk,
    "/api/v1/units/{slug}": lambda d: "digital-fornyelse",
}

# A body each API write's schema accepts, so that the service's permission check is reached; the service then
# mostly refuses it on its content (an empty title or text: 422). Whatever it accepts is rolled back.
API_BODIES = {
    "PATCH /api/v1/initiatives/{slug}": {"title": ""},
    "POST /api/v1/adoptions/{adoption_id}/reports": {"state": "pending", "seen_state": "pending"},
    "POST /api/v1/benefits/{benefit_id}/follow-ups": {"value": -1, "date": "1999-01-01"},
    "POST /api/v1/consultations/{slug}/ideas": {"title": "", "body": "", "kind": "citizen"},
    "POST /api/v1/events/{slug}/registrations": {"contact_name": "", "participants": []},
    "POST /api/v1/ideas/{idea_id}/supports": {},
    "POST /api/v1/initiatives": {
        "title": "",
        "process_type": "experiment",
        "organisation": "utbildningsforvaltningen",
        "start_date": "2026-01-01",
        "planned_end": "2026-03-31",
    },
    "POST /api/v1/initiatives/{slug}/benefits": {
        "name": "",
        "measure": "",
        "owner": "initiativledare",
        "baseline": 0,
        "target": 0,
        "due_on": "2026-12-31",
    },
    "POST /api/v1/initiatives/{slug}/check-ins": {"health": "green", "text": ""},
    # These three check the reason before the permission, so they send one.
    "POST /api/v1/initiatives/{slug}/gate-decisions": {"decision": "hold", "reason": "Matris", "revision": 0},
    "POST /api/v1/initiatives/{slug}/outcome": {"outcome": "scaled", "learning": "Matris"},
    "POST /api/v1/initiatives/{slug}/overrun": {"decision": "extend", "reason": "Matris"},
}


# The catalogue's first page draws 100 datasets in RDF, nearly a second each time; its second page has fewer.
QUERIES = {"/catalog.<str:fmt>": "?page=2"}


def address(route: str, demo: Demo) -> str:
    """The route with each parameter filled in from the demo city."""
    parts, end = [], 0
    for match in PARAMETER.finditer(route):
        parts += [route[end : match.start()], str(SAMPLES[route[: match.end()]](demo))]
        end = match.end()
    return "".join(parts) + route[end:] + QUERIES.get(route, "")


def api_operations() -> set[str]:
    """Every operation of the JSON API, as "METHOD /api/v1/path"."""
    return {
        f"{method} /api/v1{(prefix + path).replace('//', '/')}"
        for prefix, router in api._routers
        for path, view in router.path_operations.items()
        for operation in view.operations
        for method in operation.methods
    }


def web_routes() -> set[str]:
    """Every address the site answers, but the admin's and the API operations' (those are in API_TABLE)."""
    answered = {"/" + route for route in routes(get_resolver().url_patterns) if not route.startswith("admin/")}
    operated = {re.sub(r"\{(\w+)\}", r"<\1>", operation.split(" ", 1)[1]) for operation in api_operations()}
    return answered - {"/api/v1/" if path == "/api/v1" else path for path in operated}


def verdict(response, route: str) -> str:
    """ "allowed", "refused" or "n/a" (405); anything else (a 500, a 429) is named, and fails its row."""
    code, login = response.status_code, reverse("login")
    if code == 405:
        return "n/a"
    if code in (401, 403, 404):
        return "refused"
    if 300 <= code < 400:
        if urlsplit(response["Location"]).path.startswith(login):
            return "refused"
        if route in REFUSED_BY_REDIRECT and any(m.level_tag == "error" for m in _messages(response)):
            return "refused"
        return "allowed"
    if 200 <= code < 300 or code in (400, 409, 422):
        return "allowed"
    return f"answered {code}"


def _messages(response):
    return list(get_messages(response.wsgi_request))


def knock(client: Client, method: str, path: str, **extra):
    """One request, rolled back afterwards: the next person finds the city as it was."""
    with transaction.atomic():
        if method == "POST" and not extra:
            response = client.post(path)  # an empty form
        else:
            response = client.generic(method, path, **extra)
        transaction.set_rollback(True)
    return response


def expected(allowed, role: str) -> set[str]:
    """The verdicts that agree with a cell. NA: 405, though anonymous may be sent to log in before that."""
    if allowed is NA:
        return {"n/a", "refused"} if role == "anonymous" else {"n/a"}
    return {"allowed"} if role in allowed else {"refused"}


def wrong(cells: dict[str, tuple[object, str]]) -> list[str]:
    return [f"{role}: expected {sorted(want)}, got {got}" for role, (want, got) in cells.items() if got not in want]


@pytest.fixture(autouse=True)
def sessions_in_cookies(settings):
    """Nine log-ins a test: a signed cookie costs no database row."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"


@pytest.fixture
def demo():
    city = Demo()
    yield city
    for name in city.files:
        default_storage.delete(name)


@pytest.fixture
def people(django_user_model):
    return {person.username: person for person in django_user_model.objects.filter(username__in=ROLES.values())}


def _rows(rows):
    """One test per row, named by its address; a known hole is expected to fail until it is closed."""
    holes = {row[0]: [pytest.mark.xfail(strict=True, reason=HOLES[row[0]])] for row in rows if row[0] in HOLES}
    return [pytest.param(*row, id=row[0], marks=holes.get(row[0], ())) for row in rows]


def test_every_address_and_operation_is_in_the_table():
    """A new address or operation needs its row; a row whose address is gone goes too."""
    rows, api_rows = [row[0] for row in TABLE], [row[0] for row in API_TABLE]
    assert len(rows) == len(set(rows)) and len(api_rows) == len(set(api_rows)), "a row is in the table twice"
    missing = sorted(web_routes() - set(rows)) + sorted(api_operations() - set(api_rows))
    assert not missing, f"add a row to tests/authz_table.py for each of: {missing}"
    gone = sorted(set(rows) - web_routes()) + sorted(set(api_rows) - api_operations())
    assert not gone, f"remove the rows of what is no longer there: {gone}"


@pytest.mark.parametrize(("route", "read", "write"), _rows(TABLE))
def test_address(route, read, write, demo, people):
    path = address(route, demo)
    cells = {}
    for role, username in ROLES.items():
        client = Client()
        if username:
            client.force_login(people[username])
        cells[f"{role} GET"] = (expected(read, role), verdict(knock(client, "GET", path), route))
        cells[f"{role} POST"] = (expected(write, role), verdict(knock(client, "POST", path), route))
    problems = wrong(cells)
    assert not problems, f"{path}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("operation", "allowed"), _rows(API_TABLE))
def test_api_operation(operation, allowed, demo, people):
    method, route = operation.split(" ", 1)
    path, body = address(route, demo), json.dumps(API_BODIES.get(operation, {}))
    cells = {}
    for role, username in ROLES.items():
        headers = {}
        if username:
            _token, key = api_services.api_token_create(actor=people[username], name="matris")
            headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
        response = knock(Client(), method, path, data=body, content_type="application/json", **headers)
        cells[role] = (expected(allowed, role), verdict(response, route))
    problems = wrong(cells)
    assert not problems, f"{path}:\n" + "\n".join(problems)

"""Two nodes, one database: the registration rush through HTTP against two `tvatakt serve` processes that share
one PostgreSQL database, each with a data directory (and so a cache) of its own, as a deployment on two machines
would run. No rule may rest on what one process holds in memory or locks: only the database is shared. The first
node keeps a connection per thread (the default), the second takes them from psycopg's pool (TVATAKT_DB_POOL), as
an operator may choose either: a pool that granian's forked workers shared once mixed up their answers.

The seats are taken by one conditional UPDATE in the database (see tests/inclusion/test_race.py), which is what
keeps the count right across nodes; tests/test_races.py records how those races were made to fail once.
"""

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections import Counter

import pytest

from .conftest import ROOT, _serve

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="two machines cannot share one SQLite file; the embedded default is one node, and tests/test_races.py "
    "races separate processes on it",
)
PEOPLE, SEATS = 60, 5
FULL = {"The event is full, and it has no waiting list.", "Aktiviteten är full, och den har ingen väntelista."}


@pytest.fixture(scope="module")
def nodes(tmp_path_factory, golden):
    """The base URLs of two servers on one database, and the environment that reaches the database."""
    from django.conf import settings

    off = json.dumps({scope: [None, None] for scope in settings.RATE_LIMITS})
    first = _serve(tmp_path_factory, golden, "nodes", TVATAKT_RATE_LIMITS=off)
    base_a, env = next(first)
    second = _serve(
        tmp_path_factory, golden, "nodes-b", {"DATABASE_URL": env["DATABASE_URL"]}, TVATAKT_RATE_LIMITS=off,
        TVATAKT_DB_POOL="true",
    )  # fmt: skip
    base_b, _ = next(second)
    yield [base_a, base_b], env
    for server in (second, first):
        next(server, None)  # stops it


def in_database(env: dict, code: str) -> object:
    """Run `code` in Django against the nodes' database; it prints one JSON value, which is returned."""
    done = subprocess.run(
        [sys.executable, "-m", "tvatakt", "shell", "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def register_all(bases: list[str], slug: str) -> list[tuple[int, dict]]:
    """PEOPLE registrations at once, every other one to the other node."""
    barrier, answers = threading.Barrier(PEOPLE), []

    def person(number: int) -> None:
        body = {
            "contact_name": f"Deltagare {number}",
            "email": f"deltagare{number}@example.se",
            "participants": [{"name": f"Deltagare {number}", "age_group": "30-49"}],
        }
        request = urllib.request.Request(
            f"{bases[number % 2]}api/v1/events/{slug}/registrations",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        barrier.wait(timeout=30)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own test server
                answers.append((response.status, json.load(response)))
        except urllib.error.HTTPError as refusal:
            answers.append((refusal.code, json.load(refusal)))

    threads = [threading.Thread(target=person, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == PEOPLE
    return answers


@pytest.mark.parametrize("waiting_list", [True, False], ids=["waiting-list", "no-waiting-list"])
def test_sixty_people_on_two_nodes_race_for_five_seats_and_five_get_them(nodes, waiting_list):
    bases, env = nodes
    slug = f"test-tva-noder-{'vantelista' if waiting_list else 'fullt'}"
    in_database(
        env,
        "import json; from tests.inclusion.conftest import make_event; "  # hosted by a district of the demo city
        f"print(json.dumps(make_event(slug={slug!r}, capacity={SEATS}, waiting_list={waiting_list}).pk))",
    )
    answers = register_all(bases, slug)

    registered = {body["code"]: body["status"] for status, body in answers if status == 201}
    statuses = Counter(registered.values())
    assert statuses["confirmed"] == SEATS, answers
    refused = [(status, body) for status, body in answers if status != 201]
    if waiting_list:
        assert statuses["waiting"] == PEOPLE - SEATS and not refused, answers
    else:
        assert len(refused) == PEOPLE - SEATS, answers
        assert all(status == 422 and body["detail"]["__all__"][0] in FULL for status, body in refused), refused

    stored = in_database(
        env,
        "import json; from tvatakt.inclusion.models import Event; "
        f"event = Event.objects.get(slug={slug!r}); "
        "print(json.dumps([event.seats_taken, dict(event.registrations.values_list('code', 'status'))]))",
    )
    assert stored == [SEATS, registered]  # every answer given is in the database, and nothing else

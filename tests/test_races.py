"""Races, as a stress test: many processes at once on the same minutes, the same gate and the same support.

Each contender is a process of its own with its own database connection, as a second web worker or a second
machine would be. They are started once for the module and take their rounds from a queue; in each round they
load what they will act on, wait at a barrier, and act at the same instant. Exactly one wins each round, and
every other gets the service's refusal, in words a person understands.

They work on a copy of the test database (the demo city), so nothing they commit reaches the other tests: on
PostgreSQL a database made from the test database as a template, on SQLite a file copy of the in-memory test
database, with the embedded default's settings (WAL, IMMEDIATE transactions). No business rule may rely on
in-process state or locks, and a separate process shares none.

Checked once that the tests can fail, on PostgreSQL, in a scratch copy of the code put first on PYTHONPATH: with
the row lock taken out of `council.services.minutes_approve` (a plain `.get()`), five of eight contenders approved
the same minutes in one round and the minutes test failed. With the row lock taken out of
`portfolio.services.common.locked`, the gate test still held: the unique sequence of gate decisions let one in
and turned the others into the "same moment" refusal, so that constraint is a second guard, not the only one.
"""

import multiprocessing
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from django.db import connection, connections

# The test's own database is set up only for tests marked so; the contenders work on a copy of it.
pytestmark = pytest.mark.django_db
CONTENDERS = 8
# In CI a few seconds a kind (at most 20 rounds); for a soak, TVATAKT_RACE_SECONDS=600 races each kind for ten
# minutes, round after round, with no cap on the rounds.
SECONDS_PER_KIND = float(os.environ.get("TVATAKT_RACE_SECONDS") or 8)
ROUNDS = 20 if "TVATAKT_RACE_SECONDS" not in os.environ else 10**9


# What a contender does. The functions run inside a contender process, which sets Django up from its own
# environment first: that is why they import the services where they are used.


def _minutes_prepare(round_: int) -> dict:
    """A held meeting whose minutes the adjuster has signed: the chair may approve them, once."""
    import datetime

    from django.utils import timezone

    from tvatakt.council import services
    from tvatakt.council.models import Council
    from tvatakt.organisation.models import Person

    secretary, member = Person.objects.get(username="sekreterare"), Person.objects.get(username="radsledamot")
    start = timezone.now() - datetime.timedelta(days=1, hours=round_)
    meeting = services.meeting_schedule(
        actor=secretary,
        council=Council.objects.order_by("pk").first(),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        place=f"Kapplöpningen {round_}",
    )
    services.meeting_mark_held(actor=secretary, meeting=meeting)
    services.minutes_adjust(actor=member, meeting=meeting)
    return {"meeting": meeting.pk}


def _minutes_contend(meeting: int):
    from tvatakt.council import services
    from tvatakt.council.models import Meeting
    from tvatakt.organisation.models import Person

    chair, loaded = Person.objects.get(username="radsordforande"), Meeting.objects.get(pk=meeting)
    return lambda: services.minutes_approve(actor=chair, meeting=loaded)


def _minutes_state(meeting: int) -> dict:
    from tvatakt.council.models import Meeting

    loaded = Meeting.objects.get(pk=meeting)
    return {"status": loaded.status, "approvals": loaded.history.filter(status="approved").count()}


def _gate_prepare(round_: int) -> dict:
    """An open initiative the IT director may decide the gate of; every round decides "hold" on it again."""
    from tvatakt.organisation.models import Person
    from tvatakt.portfolio.models import Initiative
    from tvatakt.portfolio.models.initiative import OPEN_STATUSES

    director = Person.objects.get(username="it-direktor")
    candidates = Initiative.objects.filter(status__in=OPEN_STATUSES).order_by("pk")
    initiative = next(each for each in candidates if director.has_perm("portfolio.decide_gate", each))
    return {"initiative": initiative.pk}


def _gate_contend(initiative: int):
    from tvatakt.organisation.models import Person
    from tvatakt.portfolio import services
    from tvatakt.portfolio.models import Initiative

    director, loaded = Person.objects.get(username="it-direktor"), Initiative.objects.get(pk=initiative)
    seen = loaded.gate_revision
    return lambda: services.gate_decide(
        actor=director,
        initiative=loaded,
        phase=loaded.current_phase,
        decision="hold",
        reason="Beslutat i ledningsgruppen",
        revision=seen,
    )


def _gate_state(initiative: int) -> dict:
    from tvatakt.portfolio.models import Initiative

    loaded = Initiative.objects.get(pk=initiative)
    sequences = list(loaded.gate_decisions.values_list("sequence", flat=True))
    return {"revision": loaded.gate_revision, "decisions": len(sequences), "distinct": len(set(sequences))}


def _support_prepare(round_: int) -> dict:
    """A published idea that takes support, and someone who does not support it yet (a new one each round)."""
    from tvatakt.innovation.choices import IdeaState
    from tvatakt.innovation.models import Idea, Support
    from tvatakt.organisation.models import Person

    ideas = Idea.objects.filter(state=IdeaState.PUBLISHED).select_related("consultation").order_by("pk")
    idea = next(each for each in ideas if each.consultation.takes_support)
    supporters = Support.objects.filter(idea=idea).values("person")
    person = Person.objects.filter(is_active=True).exclude(pk__in=supporters).order_by("pk").first()
    return {"idea": idea.pk, "person": person.pk}


def _support_contend(idea: int, person: int):
    from tvatakt.innovation import services
    from tvatakt.innovation.models import Idea
    from tvatakt.organisation.models import Person

    loaded, supporter = Idea.objects.get(pk=idea), Person.objects.get(pk=person)
    return lambda: services.support(idea=loaded, actor=supporter)


def _support_state(idea: int, person: int) -> dict:
    from tvatakt.innovation.models import Idea, Support

    loaded = Idea.objects.get(pk=idea)
    return {
        "mine": Support.objects.filter(idea=idea, person=person).count(),
        "counted": loaded.supports,
        "rows": Support.objects.filter(idea=idea).count(),
    }


KINDS = {
    "minutes": (_minutes_prepare, _minutes_contend, _minutes_state),
    "gate": (_gate_prepare, _gate_contend, _gate_state),
    "support": (_support_prepare, _support_contend, _support_state),
}


def _contender(env: dict, barrier, tasks, answers) -> None:
    """A process of its own: set Django up on the copy, then take tasks until told to stop (None)."""
    for name in ("DATABASE_URL", "TVATAKT_DATA_DIR"):
        os.environ.pop(name, None)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.utils import translation

    translation.activate("en")  # the messages as written in the code, so the test can read them
    answers.put(("ready", ""))
    for task in iter(tasks.get, None):
        what, kind, arguments = task
        try:
            if what == "race":
                act = KINDS[kind][1](**arguments)
                barrier.wait(timeout=60)
                act()
                answers.put(("won", ""))
            else:
                step = KINDS[kind][0 if what == "prepare" else 2]
                answers.put(("done", step(**arguments)))
        except ValidationError as exc:
            answers.put(("refused", " ".join(exc.messages)))
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
            answers.put(("error", f"{type(exc).__name__}: {exc}"))


class Contenders:
    """CONTENDERS processes on the database `env` reaches, released together by a barrier."""

    def __init__(self, env: dict) -> None:
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing shared with this one
        self.tasks, self.answers, self.barrier = context.Queue(), context.Queue(), context.Barrier(CONTENDERS)
        self.processes = [
            context.Process(target=_contender, args=(env, self.barrier, self.tasks, self.answers), daemon=True)
            for _ in range(CONTENDERS)
        ]
        for process in self.processes:
            process.start()
        # Started Django everywhere before the first round, so that the rounds' time is the races' own.
        assert [self.answers.get(timeout=180)[0] for _ in self.processes] == ["ready"] * CONTENDERS

    def call(self, what: str, kind: str, **arguments) -> dict:
        self.tasks.put((what, kind, arguments))
        outcome, value = self.answers.get(timeout=120)
        assert outcome == "done", value
        return value

    def race(self, kind: str, **arguments) -> list[tuple[str, str]]:
        for _ in range(CONTENDERS):  # each takes one: after it, it waits at the barrier for the others
            self.tasks.put(("race", kind, arguments))
        return [self.answers.get(timeout=120) for _ in range(CONTENDERS)]

    def close(self) -> None:
        for _ in self.processes:
            self.tasks.put(None)
        for process in self.processes:
            process.join(timeout=20)
            if process.is_alive():
                process.kill()


def _copy_of_the_test_database(directory) -> tuple[dict, Callable[[], None]]:
    """The environment that reaches a copy of the test database, and how to throw the copy away."""
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(directory / "tvatakt.sqlite3")
        connection.ensure_connection()
        connection.connection.backup(copy)
        copy.close()
        return {"TVATAKT_DATA_DIR": str(directory)}, lambda: None
    import psycopg

    name, host, port = f"{config['NAME']}_races", config["HOST"] or "localhost", config["PORT"] or 5432
    admin = {"host": host, "port": port, "user": config["USER"], "password": config["PASSWORD"] or None}

    def run(sql: str) -> None:
        with psycopg.connect(**admin, dbname="postgres", autocommit=True) as server:
            server.execute(sql)

    connections.close_all()  # a template may have no other connection while it is copied
    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}" TEMPLATE "{config["NAME"]}"')
    password = f":{quote(config['PASSWORD'], safe='')}" if config["PASSWORD"] else ""
    url = f"postgres://{quote(config['USER'], safe='')}{password}@{host}:{port}/{name}"
    return {"DATABASE_URL": url}, lambda: run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def contenders(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        env, throw_away = _copy_of_the_test_database(tmp_path_factory.mktemp("races"))
    pool = Contenders(env)
    try:
        yield pool
    finally:
        pool.close()
        throw_away()


def rounds(contenders: Contenders, kind: str, refusal: str) -> Iterator[dict]:
    """Race `kind` for ROUNDS rounds or SECONDS_PER_KIND, whichever ends first; check every round."""
    deadline, played = time.monotonic() + SECONDS_PER_KIND, 0
    while played < ROUNDS and (played < 2 or time.monotonic() < deadline):
        target = contenders.call("prepare", kind, round_=played)
        answers = contenders.race(kind, **target)
        outcomes = Counter(outcome for outcome, _ in answers)
        assert outcomes == {"won": 1, "refused": CONTENDERS - 1}, answers
        assert all(refusal in message for outcome, message in answers if outcome == "refused"), answers
        yield contenders.call("state", kind, **target)
        played += 1


def test_the_chair_approving_the_same_minutes_from_many_places_at_once_approves_them_once(contenders):
    for state in rounds(contenders, "minutes", "Only the minutes of a held meeting that are not yet approved"):
        assert state == {"status": "approved", "approvals": 1}


def test_many_deciding_the_same_gate_at_once_record_one_decision(contenders):
    states = list(rounds(contenders, "gate", "Someone else decided this gate"))
    assert all(state["decisions"] == state["distinct"] for state in states)  # no sequence twice
    assert [state["decisions"] - states[0]["decisions"] for state in states] == list(range(len(states)))
    assert [state["revision"] - states[0]["revision"] for state in states] == list(range(len(states)))


def test_one_person_supporting_an_idea_many_times_at_once_is_counted_once(contenders):
    for state in rounds(contenders, "support", "You already support this idea."):
        assert state["mine"] == 1
        assert state["counted"] == state["rows"]

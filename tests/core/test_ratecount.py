"""The API reads' rate limit is counted in a process's tally and added to the shared counters in one statement at
most once a second or every BATCH hits of a key, so that a cached read does not cost a write.

Taking the tally away was tried: with `tally=tally` dropped from ratelimit.check (every read counted exactly, a
write each), the API-reads test below saw 50 writes for 50 reads, not one.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tvatakt.core import ratecount, ratelimit
from tvatakt.core.models import RateCounter
from tvatakt.core.ratelimit import RateLimited

pytestmark = pytest.mark.django_db
NOON = 1_780_000_000.0 - 1_780_000_000.0 % 3600 + 600
WINDOW = int(NOON // 3600)


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]


def test_fifty_api_reads_make_one_write_not_fifty(client):
    ratelimit.TALLY.reset(batch=50, seconds=float("inf"))
    with CaptureQueriesContext(connection) as queries:
        for _ in range(49):
            assert client.get("/api/v1/docs").status_code == 200
    assert writes(queries) == []
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/docs").status_code == 200
    assert len(writes(queries)) == 1  # the address's fifty, in one upsert
    assert RateCounter.objects.get(key=ratelimit._key("api-read:ip", "127.0.0.1")).hits == 50


def test_a_process_adds_its_pending_hits_once_a_second(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(ratecount.time, "monotonic", lambda: clock[0])
    tally = ratecount.Tally()
    for _ in range(3):
        tally.hit("k1", WINDOW, (WINDOW + 1) * 3600, NOON)
    assert not RateCounter.objects.exists()
    clock[0] += 1.0  # a second later, the next hit adds them all, its own too
    tally.hit("k1", WINDOW, (WINDOW + 1) * 3600, NOON)
    assert RateCounter.objects.get(key="k1").hits == 4


def test_every_key_pending_goes_in_one_statement():
    tally = ratecount.Tally()
    tally.reset(batch=float("inf"), seconds=float("inf"))
    for key in ("k1", "k2", "k3"):
        tally.hit(key, WINDOW, (WINDOW + 1) * 3600, NOON)
    with CaptureQueriesContext(connection) as queries:
        tally.add(now=NOON)
    assert len(queries) == 1
    assert dict(RateCounter.objects.values_list("key", "hits")) == {"k1": 1, "k2": 1, "k3": 1}


def test_more_keys_than_one_statement_takes_go_in_parts():
    tally = ratecount.Tally()
    tally.reset(batch=float("inf"), seconds=float("inf"))
    for number in range(2500):
        tally.hit(f"k{number}", WINDOW, (WINDOW + 1) * 3600, NOON)
    with CaptureQueriesContext(connection) as queries:
        tally.add(now=NOON)
    assert len(queries) == 3 and RateCounter.objects.count() == 2500 and len(tally.seen) == 2500


def test_what_other_processes_added_counts_once_this_one_has_added_its_own():
    tally = ratecount.Tally()
    tally.reset(batch=2, seconds=float("inf"))
    expires = (WINDOW + 1) * 3600
    ratecount.add([("k1", WINDOW, 7, expires)])  # another worker's hits
    assert tally.hit("k1", WINDOW, expires, NOON) == 1  # not yet known here
    assert tally.hit("k1", WINDOW, expires, NOON) == 9  # the second adds the two, and learns the total
    assert tally.hit("k1", WINDOW, expires, NOON) == 10
    assert RateCounter.objects.get(key="k1").hits == 9


def test_a_key_over_its_limit_in_the_shared_counter_is_refused_after_the_next_add():
    ratelimit.TALLY.reset(batch=1, seconds=float("inf"))
    key = ratelimit._key("api-read:ip", "10.1.1.1")
    ratecount.add([(key, WINDOW, 3, (WINDOW + 1) * 3600)])  # three from other workers
    with pytest.raises(RateLimited):
        ratelimit.hit("api-read:ip", "10.1.1.1", "3/h", now=NOON, tally=True)


def test_ended_windows_are_dropped_not_written():
    tally = ratecount.Tally()
    tally.reset(batch=float("inf"), seconds=float("inf"))
    tally.hit("old", WINDOW - 1, WINDOW * 3600, NOON - 3600)
    tally.hit("new", WINDOW, (WINDOW + 1) * 3600, NOON)
    tally.add(now=NOON)
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["new"]
    assert tally.pending == {} and list(tally.seen) == [("new", WINDOW)]

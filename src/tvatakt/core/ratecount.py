"""The rate limits' shared counters in the database, and a process's own tally for the loose limits.

An exact limit costs a write a hit: one upsert. For a form's POST that is nothing next to the rest of the request;
for an API read served from the cache it is most of the request, and on SQLite every such write queues for the one
write lock, so cached reads ran at a tenth of their speed behind their own counting. The reads' limit is there to
stop a loop that never ends, not to be exact to the hit, so each process keeps its own tally and adds it to the
shared counters in one statement once a second, or sooner when one key has gathered BATCH hits. With N processes a
key can pass its limit by at most (N - 1) × BATCH hits before every process refuses it.
"""

import secrets
import threading
import time

from django.db import connection

from tvatakt.core import prepared

BATCH = 50
SECONDS = 1.0
ADD_AT_MOST = 1000  # rows a statement
SWEEP_ONE_IN = 200  # 0: never (the tests, which count queries and sweep when they mean to)


def add(rows: list[tuple[str, int, int, int]]) -> dict[tuple[str, int], int]:
    """Add hits to the shared counters: rows of (key, window, hits, expires_at). One statement, atomic on both
    databases: a row's first hits insert it, later ones (or another worker's, racing) add to it, and the totals come
    back (SQLite 3.35+ and PostgreSQL both RETURN). The rows go in key order, so that two processes adding the same
    keys lock them in the same order and cannot deadlock on PostgreSQL."""
    from tvatakt.core.models import RateCounter

    # Now and then a write clears the ended counters: no worker needed.
    if SWEEP_ONE_IN and secrets.randbelow(SWEEP_ONE_IN) == 0:
        sweep()
    quote = connection.ops.quote_name
    table = quote(RateCounter._meta.db_table)
    key_, window_, hits, expires = (quote(name) for name in ("key", "window", "hits", "expires_at"))
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    sql = (
        f"INSERT INTO {table} ({key_}, {window_}, {hits}, {expires}) VALUES {values} "  # noqa: S608 - names are the model's, quoted
        f"ON CONFLICT ({key_}, {window_}) DO UPDATE SET {hits} = {table}.{hits} + excluded.{hits} "
        f"RETURNING {key_}, {window_}, {hits}"
    )
    with prepared.cursor(connection.alias) as cursor:  # prepared by PostgreSQL: its planning cost more than it
        cursor.execute(sql, [value for row in sorted(rows) for value in row])
        return {(key, window): total for key, window, total in cursor.fetchall()}


def sweep(*, now: float | None = None) -> int:
    """Delete the counters whose windows have ended."""
    from tvatakt.core.models import RateCounter

    now = time.time() if now is None else now
    return RateCounter.objects.filter(expires_at__lt=now).delete()[0]


class Tally:
    """A process's hits not yet added to the shared counters, and each key's shared total as last seen. A key's
    count is the two together: exact within one process, and behind by at most the other processes' pending hits."""

    def __init__(self):
        self.lock = threading.Lock()  # a worker's threads share the tally
        self.reset()

    def reset(self, *, batch: float = BATCH, seconds: float = SECONDS) -> None:
        self.batch, self.seconds = batch, seconds
        self.pending: dict[tuple[str, int], list[int]] = {}  # (key, window): [hits, expires_at]
        self.seen: dict[tuple[str, int], tuple[int, int]] = {}  # (key, window): (shared total, expires_at)
        self.added_at = time.monotonic()

    def hit(self, key: str, window: int, expires_at: int, now: float) -> int:
        """Count one hit; the key's count in the window comes back."""
        with self.lock:
            pending = self.pending.setdefault((key, window), [0, expires_at])
            pending[0] += 1
            if pending[0] >= self.batch or time.monotonic() - self.added_at >= self.seconds:
                self._add(now)  # and the shared total comes back with it
            return self.seen.get((key, window), (0, 0))[0] + self.pending.get((key, window), [0])[0]

    def add(self, *, now: float | None = None) -> None:
        """Add the pending hits to the shared counters now."""
        with self.lock:
            self._add(time.time() if now is None else now)

    def _add(self, now: float) -> None:
        self.added_at = time.monotonic()
        # The ended windows are dropped, sent or not: nobody asks for them again.
        rows = [(*k, hits, expires) for k, (hits, expires) in self.pending.items() if expires > now]
        self.pending = {}
        self.seen = {k: seen for k, seen in self.seen.items() if seen[1] > now}
        expiry = {(key, window): expires for key, window, _, expires in rows}
        # In parts: a statement takes some thousands of values at most (PostgreSQL 65,535, SQLite 32,766), and a
        # second of reads from many addresses could bring more.
        for start in range(0, len(rows), ADD_AT_MOST):
            self.seen |= {k: (total, expiry[k]) for k, total in add(rows[start : start + ADD_AT_MOST]).items()}

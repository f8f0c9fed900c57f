"""A cursor whose statements PostgreSQL prepares: for the few statements a rush of registrations runs at every
request, whose planning cost PostgreSQL more than running them.

Django binds parameters on the client: the values are written into the text of each statement, so PostgreSQL
parses and plans every one anew. This cursor sends them apart from the statement (Django's own server-binding
cursor class), and psycopg prepares a statement once it has run PREPARE_AFTER times on a connection (its
`prepare_threshold`, which Django leaves unset, preparing nothing; an operator's own setting in the database's
OPTIONS is kept): from then on PostgreSQL only binds and runs it. Used for the event's read, the rate limit's
upsert and the registration's one statement: see bench/README.md. It is still Django's cursor (queries counted
and logged, execute wrappers run, errors wrapped). On SQLite it is the usual cursor.

A statement may also come with PostgreSQL's own numbered placeholders ($1, $2, …; `numbered()` makes them), for
a cursor that sends its text as it is (`cursor(alias, numbered=True)`, psycopg's raw cursor). psycopg otherwise
parses the text for its %s at every run, and keeps the result only for statements of at most 50 values: the
registration's statement has more, and its parsing was 5 % of a registration's Python (bench/README.md). (With
the database option `server_side_binding`, which Tvåtakt does not set, Django's query log cannot write out such a
statement: DEBUG would then fail after it ran.)"""

import functools
import re

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

PREPARE_AFTER = 2  # runs of a statement on a connection before PostgreSQL prepares it


def cursor(alias: str, *, numbered: bool = False):
    """Django's cursor on `alias`, prepared on PostgreSQL. `numbered`: for statements with $1, $2, … (PostgreSQL
    only)."""
    connection: BaseDatabaseWrapper = connections[alias]
    if connection.vendor != "postgresql":
        if numbered:
            raise ValueError("numbered placeholders are PostgreSQL's")
        return connection.cursor()
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:  # Django's default, which prepares nothing
        raw.prepare_threshold = PREPARE_AFTER
    usual, raw.cursor_factory = raw.cursor_factory, _classes()[numbered]
    try:
        return connection.cursor()  # Django's own making of a cursor (time zone, wrapping), with this class
    finally:
        raw.cursor_factory = usual


def numbered(sql: str) -> str:
    """`sql`'s %s placeholders as $1, $2, … in their order, for `cursor(alias, numbered=True)`. No other % may be
    in it: that cursor sends the text as it is, and a %% would reach PostgreSQL doubled."""
    count = iter(range(1, sql.count("%s") + 1))
    text = re.sub("%s", lambda _match: f"${next(count)}", sql)
    if "%" in text:
        raise ValueError("a % other than a placeholder")
    return text


@functools.cache
def _classes() -> dict[bool, type]:
    """The cursor classes, by whether the statement's placeholders are numbered: Django's own (its callproc with
    psycopg's cursor), imported here for psycopg is there only with PostgreSQL."""
    from django.db.backends.postgresql.base import CursorMixin, ServerBindingCursor
    from psycopg import RawCursor

    return {False: ServerBindingCursor, True: type("RawBindingCursor", (CursorMixin, RawCursor), {})}

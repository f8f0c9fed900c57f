"""A cursor whose statements PostgreSQL prepares: for the few statements a rush of registrations runs at every
request, whose planning cost PostgreSQL more than running them.

Django binds parameters on the client: the values are written into the text of each statement, so PostgreSQL
parses and plans every one anew. This cursor sends them apart from the statement (Django's own server-binding
cursor class), and psycopg prepares a statement once it has run PREPARE_AFTER times on a connection (its
`prepare_threshold`, which Django leaves unset, preparing nothing; an operator's own setting in the database's
OPTIONS is kept): from then on PostgreSQL only binds and runs it. Used for the event's read, the rate limit's
upsert and the registration's one statement: see bench/README.md. It is still Django's cursor (queries counted
and logged, execute wrappers run, errors wrapped). On SQLite it is the usual cursor."""

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

PREPARE_AFTER = 2  # runs of a statement on a connection before PostgreSQL prepares it


def cursor(alias: str):
    connection: BaseDatabaseWrapper = connections[alias]
    if connection.vendor != "postgresql":
        return connection.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor  # psycopg is there only with PostgreSQL

    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:  # Django's default, which prepares nothing
        raw.prepare_threshold = PREPARE_AFTER
    usual, raw.cursor_factory = raw.cursor_factory, ServerBindingCursor
    try:
        return connection.cursor()  # Django's own making of a cursor (time zone, wrapping), with this class
    finally:
        raw.cursor_factory = usual

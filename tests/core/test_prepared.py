"""core.prepared: on PostgreSQL a statement run a few times on a connection is prepared, and is still Django's
cursor (counted, wrapped); other cursors and SQLite are as they were."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connection
from django.test.utils import CaptureQueriesContext

from tvatakt.core import prepared

pytestmark = pytest.mark.django_db
SQL = "SELECT CAST(%s AS integer) + 1"


def run(value: int) -> int:
    with prepared.cursor(DEFAULT_DB_ALIAS) as cursor:
        cursor.execute(SQL, [value])
        return cursor.fetchone()[0]


def names_prepared() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_a_statement_run_again_is_prepared_once_and_answers_the_same():
    with CaptureQueriesContext(connection) as queries:
        answers = [run(number) for number in range(prepared.PREPARE_AFTER + 3)]
    assert answers == [number + 1 for number in range(prepared.PREPARE_AFTER + 3)]
    assert len(queries) == prepared.PREPARE_AFTER + 3  # Django's cursor: every run counted
    assert sum("CAST($1 AS integer) + 1" in statement for statement in names_prepared()) == 1
    with connection.cursor() as cursor:  # the usual cursor binds on the client, as before
        assert type(cursor.cursor).__name__ == "Cursor"
        cursor.execute(SQL, [41])
        assert cursor.fetchone()[0] == 42


def test_an_error_is_django_s_and_the_next_statement_runs():
    from django.db import DatabaseError, transaction

    with pytest.raises(DatabaseError), transaction.atomic(), prepared.cursor(DEFAULT_DB_ALIAS) as cursor:
        cursor.execute("SELECT * FROM no_such_table WHERE id = %s", [1])
    assert run(1) == 2


def test_numbered_placeholders_are_postgresql_s_in_their_order():
    assert prepared.numbered("SELECT %s, CAST(%s AS integer) WHERE %s") == "SELECT $1, CAST($2 AS integer) WHERE $3"
    with pytest.raises(ValueError, match="placeholder"):
        prepared.numbered("SELECT %s WHERE name LIKE 'a%%'")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's numbered placeholders")
def test_a_numbered_statement_is_sent_as_it_is_and_prepared():
    statement = prepared.numbered("SELECT CAST(%s AS integer) * 2, CAST(%s AS text)")
    with CaptureQueriesContext(connection) as queries:
        for number in range(prepared.PREPARE_AFTER + 2):
            with prepared.cursor(DEFAULT_DB_ALIAS, numbered=True) as cursor:
                cursor.execute(statement, [number, "å"])
                assert cursor.fetchone() == (number * 2, "å")
    assert len(queries) == prepared.PREPARE_AFTER + 2
    assert statement in names_prepared()


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite has no numbered cursor")
def test_a_numbered_cursor_is_refused_off_postgresql():
    with pytest.raises(ValueError, match="PostgreSQL"):
        prepared.cursor(DEFAULT_DB_ALIAS, numbered=True)

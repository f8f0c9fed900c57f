"""New rows written by an INSERT that is put together once: for the rows a rush of registrations writes.

The ORM writes its INSERT anew for every object it saves. For a registration (29 columns) and its participant that
cost more CPU than sending them and reading the answer: measured in one loop on this machine, 0.47 ms a
registration's save() against 0.32 ms here, and 0.30 ms a participant's bulk_create() against 0.14 ms. Here the
statement is written once per model, row count and database, from the model's own fields, and each value goes
through its field as the ORM's does (`pre_save`, then `get_db_prep_save`). The rows, the conversions and the
database's errors are the same, and so are the signals: pre_save and post_save are sent for each object, as
save() sends them, so that core.cache's version bump and any other receiver still run.
"""

import functools

from django.db import connections, router, transaction
from django.db.models import Model
from django.db.models.signals import post_save, pre_save


def insert(objs: list[Model]) -> None:
    """Save `objs`, all new and of one model, in one INSERT, and give them the primary keys the database made (a
    key of the object's own, such as a UUID by default, is sent with the rest). Signals and all as
    `obj.save(force_insert=True)` for each, in the caller's transaction."""
    if not objs:
        return
    model = type(objs[0])
    alias = router.db_for_write(model)
    connection = connections[alias]
    if not connection.features.can_return_rows_from_bulk_insert:  # SQLite before 3.35
        for obj in objs:
            obj.save(force_insert=True, using=alias)
        return
    fields, sql = _statement(model, len(objs), alias)
    params = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="insert")  # as save() does: no unsaved related object
        params += values(obj, fields, alias)
    # As save() does: an error leaves the transaction to be rolled back, even where the caller catches it.
    with transaction.mark_for_rollback_on_error(alias), connection.cursor() as cursor:
        cursor.execute(sql, params)
        made = cursor.fetchall() if model._meta.auto_field else [(obj.pk,) for obj in objs]
    for obj, (pk,) in zip(objs, made, strict=True):
        saved(obj, pk, alias)


def values(obj: Model, fields: list, alias: str) -> list:
    """The values of `obj`'s `fields` as its INSERT sends them, after pre_save is sent, as save() sends it."""
    model = type(obj)
    if model._meta.auto_field and obj.pk is not None:
        raise TypeError(f"{model.__name__}: a key of its own where the database makes them; use save()")
    pre_save.send(sender=model, instance=obj, raw=False, using=alias, update_fields=None)
    connection, params = connections[alias], []
    for field in fields:
        value = field.pre_save(obj, add=True)
        if hasattr(value, "resolve_expression"):  # a database default or an F(): the ORM's to write
            raise TypeError(f"{model.__name__}.{field.name}: an expression, not a value; use save()")
        params.append(field.get_db_prep_save(value, connection))
    return params


def saved(obj: Model, pk, alias: str) -> None:
    """`obj` is in the database now, with the key `pk`: as after save(), post_save sent."""
    obj.pk = pk
    obj._state.adding, obj._state.db = False, alias
    post_save.send(sender=type(obj), instance=obj, created=True, raw=False, using=alias, update_fields=None)


def fields(model: type[Model], alias: str) -> list:
    """The fields whose values an INSERT sends: all but a key the database makes."""
    return _statement(model, 1, alias)[0]


@functools.cache
def _statement(model: type[Model], rows: int, alias: str) -> tuple[list, str]:
    """The fields whose values are sent, and the INSERT … RETURNING the primary key for `rows` rows."""
    meta = model._meta
    fields = [field for field in meta.local_concrete_fields if field is not meta.auto_field]
    # What save() does besides sending the values, and this does not: refused, so that nothing is silently missed.
    if meta.parents or meta.order_with_respect_to or any(field.generated for field in fields):
        raise TypeError(f"{model.__name__}: a child table, an ordering or a generated field; use save()")
    if any(hasattr(field, "get_placeholder") for field in fields):  # ArrayField, ranges: a cast in the statement
        raise TypeError(f"{model.__name__}: a field with a placeholder of its own; use save()")
    quote = connections[alias].ops.quote_name
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    columns = ", ".join(quote(field.column) for field in fields)
    # The model's names, quoted: nothing from a request is in the text.
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES {', '.join([row] * rows)}"  # noqa: S608
    if meta.auto_field:  # a key the database makes comes back; any other is the object's own (a UUID's default)
        sql += f" RETURNING {quote(meta.pk.column)}"
    return fields, sql

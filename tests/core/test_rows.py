"""core.rows.insert writes what save() writes, in one statement put together once, and sends the same signals; the
cached pages' version is bumped once a transaction, however many rows it saves."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Value
from django.db.models.signals import post_save, pre_save
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tvatakt.core import rows
from tvatakt.inclusion.models import Event, Participant, Registration
from tvatakt.organisation.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    now = timezone.now()
    return Event.objects.create(
        slug="rader", kind="workshop", title="Rader", description="Prov.", online_url="https://example.se/m",
        host=Organisation.objects.order_by("pk").first(), starts_at=now + datetime.timedelta(days=3),
        ends_at=now + datetime.timedelta(days=3, hours=1), capacity=10, registration_opens=now,
        registration_closes=now + datetime.timedelta(days=2), state="published",
    )  # fmt: skip


def registration(event, code, **fields) -> Registration:
    values = {
        "event": event,
        "code": code,
        "status": "waiting",
        "contact_name": "Ada",
        "idempotency_key": code,
        "email": f"{code}@example.se",
        "needs": ["wheelchair", "hearing_loop"],
        "consent_version": "2026-1",
    }
    return Registration(**(values | fields))


def test_the_row_is_the_one_save_writes(event):
    by_orm, by_rows = registration(event, "ORM00001"), registration(event, "ROWS0001")
    by_orm.save(force_insert=True)
    with CaptureQueriesContext(connection) as queries:
        rows.insert([by_rows])
    assert len(queries) == 1 and by_rows.pk and not by_rows._state.adding
    saved = {r.code: r for r in Registration.objects.filter(pk__in=[by_orm.pk, by_rows.pk])}
    differ = {"id", "code", "email", "idempotency_key"}
    orm, mine = model_to_dict(saved["ORM00001"]), model_to_dict(saved["ROWS0001"])
    assert {k: v for k, v in mine.items() if k not in differ} == {k: v for k, v in orm.items() if k not in differ}
    assert saved["ROWS0001"].needs == ["wheelchair", "hearing_loop"]  # the JSON field, converted by its field
    assert saved["ROWS0001"].created_at == by_rows.created_at is not None  # auto_now_add, set on the object too


def test_several_rows_are_one_statement_and_each_gets_its_key(event):
    first = registration(event, "GRUPP001")
    rows.insert([first])
    people = [Participant(registration=first, name=name, age_group="30-49") for name in ("Ada", "Bo", "Cy")]
    with CaptureQueriesContext(connection) as queries:
        rows.insert(people)
    assert len(queries) == 1
    assert [(p.pk, p.name) for p in people] == list(first.participants.order_by("pk").values_list("pk", "name"))


def test_the_signals_are_sent_as_save_sends_them(event):
    heard = []

    def pre(sender, instance, **kwargs):
        heard.append(("pre", instance.pk, kwargs["raw"]))

    def post(sender, instance, created, **kwargs):
        heard.append(("post", instance.pk, created))

    pre_save.connect(pre, sender=Registration)
    post_save.connect(post, sender=Registration)
    try:
        made = registration(event, "SIGNAL01")
        rows.insert([made])
    finally:
        pre_save.disconnect(pre, sender=Registration)
        post_save.disconnect(post, sender=Registration)
    assert heard == [("pre", None, False), ("post", made.pk, True)]


def test_a_refused_row_leaves_nothing_behind(event):
    rows.insert([registration(event, "SAMMA001")])
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.insert([registration(event, "SAMMA002", email="x@example.se"), registration(event, "SAMMA001")])
    assert list(event.registrations.values_list("code", flat=True)) == ["SAMMA001"]


def test_an_expression_is_left_to_the_orm(event):
    with pytest.raises(TypeError, match="expression"):
        rows.insert([registration(event, "UTTRYCK1", contact_name=Value("Ada"))])
    assert not event.registrations.exists()


def test_a_transaction_bumps_the_version_once_for_all_its_rows(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as hooks, transaction.atomic():
        made = registration(event, "ENGANG01")
        rows.insert([made])
        rows.insert([Participant(registration=made, name=name, age_group="30-49") for name in ("Ada", "Bo")])
    assert [hook.bumps for hook in hooks if hasattr(hook, "bumps")] == ["inclusion"]


def test_a_bump_rolled_back_with_its_savepoint_is_made_again(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as hooks, transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            rows.insert([registration(event, "TILLBAKA")])
            raise RuntimeError
        rows.insert([registration(event, "KVAR0001")])  # its bump is not the one that was rolled back
    assert [hook.bumps for hook in hooks if hasattr(hook, "bumps")] == ["inclusion"]
    assert list(event.registrations.values_list("code", flat=True)) == ["KVAR0001"]


def test_a_refusal_caught_inside_a_transaction_still_undoes_it(event):
    rows.insert([registration(event, "FORST001")])
    with transaction.atomic():
        with pytest.raises(IntegrityError):
            rows.insert([registration(event, "FORST001", email="annan@example.se")])
        assert transaction.get_rollback()  # as after save(): nothing more may be written in it


def test_what_save_would_do_otherwise_is_refused_not_skipped(event):
    rows.insert([])  # nothing to write: no statement
    with pytest.raises(TypeError, match="key of its own"):
        rows.insert([registration(event, "EGENNYCK", pk=10**9)])
    assert not event.registrations.exists()


def test_each_change_a_test_makes_at_its_own_level_bumps_the_version(django_capture_on_commit_callbacks):
    # A test's own block stands for many transactions, and a hook that ran in one is not due in the next.
    from tvatakt.core import cache

    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True) as hooks:
            cache.bump_content_version("inclusion")
        assert [hook.bumps for hook in hooks if hasattr(hook, "bumps")] == ["inclusion"]

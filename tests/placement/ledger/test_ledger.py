import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError

from placement.ledger.models import Event, EventKind
from placement.ledger.services import age_group, history, record
from placement.offices.models import Office
from placement.taxonomy.models import Regency


@pytest.fixture
def event(db):
    office = Office.objects.get(code="62.71")
    return record(
        EventKind.SEEKER_REGISTERED,
        subject=office,  # any model instance can be a subject; seekers arrive with their issue
        occurred_on=datetime.date(2026, 3, 2),
        office=office,
        regency=Regency.objects.get(code="62.71"),
        sex="P",
        age_group="15-19",
        education="3000",
    )


def test_record_fills_in_the_province_from_the_regency(event):
    assert event.province_id == "62"
    assert event.subject_type == "offices.office"
    assert list(history(Office.objects.get(code="62.71"))) == [event]


def test_events_cannot_be_changed_or_deleted_through_the_orm(event):
    event.kind = EventKind.SEEKER_PLACED
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        Event.objects.filter(pk=event.pk).update(kind="x")
    with pytest.raises(TypeError):
        Event.objects.filter(pk=event.pk).delete()


@pytest.mark.parametrize("sql", ["UPDATE ledger_event SET kind = 'x'", "DELETE FROM ledger_event"])
def test_the_database_itself_refuses_updates_and_deletes(event, sql):
    with (
        pytest.raises((DatabaseError, IntegrityError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert Event.objects.get(pk=event.pk).kind == EventKind.SEEKER_REGISTERED


@pytest.mark.postgres
def test_postgres_trigger_guards_the_ledger(event):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'ledger_event'::regclass "
            "AND NOT tgisinternal"
        )
        assert [row[0] for row in cursor.fetchall()] == ["ledger_event_append_only"]


def test_audit_trail_is_append_only_in_the_database(db):
    from placement.accounts.audit import audit

    entry = audit(actor=None, action="view", object_type="test", note="x")
    with (
        pytest.raises((DatabaseError, IntegrityError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM accounts_auditevent")
    assert entry.__class__.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    ("age", "group"),
    [
        (14, ""),
        (15, "15-19"),
        (19, "15-19"),
        (20, "20-29"),
        (44, "30-44"),
        (54, "45-54"),
        (55, "55+"),
        (80, "55+"),
        (None, ""),
    ],
)
def test_age_groups_follow_ipk_table_iii_1(age, group):
    assert age_group(age) == group

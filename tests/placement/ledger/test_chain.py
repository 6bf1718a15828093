"""The ledger's hash chain: every write path chains, any edit is found, IPK refuses a break."""

from __future__ import annotations

import datetime
import json
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction

from officers.models import Office
from placement.ledger import chain
from placement.ledger.models import Event, EventKind
from placement.ledger.services import record
from placement.reports import services as reports
from placement.taxonomy.models import Regency

DAY = datetime.date(2026, 3, 2)


def _event(office, **extra) -> Event:
    return Event(
        kind=EventKind.SEEKER_REGISTERED,
        occurred_on=DAY,
        subject_type="jobseekers.jobseeker",
        subject_id=extra.pop("subject_id", 1),
        office=office,
        regency_id=office.regency_id if office else None,
        **extra,
    )


@pytest.fixture
def offices(db):
    return Office.objects.get(code="62.71"), Office.objects.get(code="62.01")


@pytest.fixture
def ledger(offices):
    palangka, kobar = offices
    record(EventKind.SEEKER_REGISTERED, subject=palangka, office=palangka, occurred_on=DAY)
    Event.objects.bulk_create(
        [_event(palangka, subject_id=n) for n in range(2, 6)]
        + [_event(kobar, subject_id=n, detail={"n": n}) for n in range(6, 9)]
        + [_event(None, subject_id=9)]
    )
    record(
        EventKind.SEEKER_PLACED,
        subject=palangka,
        office=palangka,
        regency=Regency.objects.get(code="62.71"),
        occurred_on=DAY,
        sex="P",
    )
    return offices


@contextmanager
def _tampering():
    """Switch the append-only trigger off inside the test's transaction (rolled back after)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending foreign-key checks
            cursor.execute("ALTER TABLE ledger_event DISABLE TRIGGER ledger_event_append_only")
        else:
            cursor.execute("DROP TRIGGER ledger_event_no_update")
            cursor.execute("DROP TRIGGER ledger_event_no_delete")
        yield cursor


def test_each_office_has_its_own_unbroken_chain(ledger):
    palangka, kobar = ledger
    seqs = list(
        Event.objects.filter(office=palangka).order_by("id").values_list("chain_seq", flat=True)
    )
    assert seqs == [1, 2, 3, 4, 5, 6]
    assert list(
        Event.objects.filter(office=kobar).order_by("id").values_list("chain_seq", flat=True)
    ) == [1, 2, 3]
    report = chain.verify(Event)
    assert report.ok and report.events == 10
    assert report.heads[palangka.pk][0] == 6 and report.heads[None][0] == 1
    first = Event.objects.get(office=palangka, chain_seq=1)
    second = Event.objects.get(office=palangka, chain_seq=2)
    assert first.chain_hash == chain.link_hash(chain.GENESIS, chain._row(first))
    assert second.chain_hash == chain.link_hash(first.chain_hash, chain._row(second))


def test_an_edited_event_is_reported_as_the_first_broken_link(ledger):
    palangka, _ = ledger
    target = Event.objects.get(office=palangka, chain_seq=3)
    with _tampering() as cursor:
        cursor.execute("UPDATE ledger_event SET quantity = 5 WHERE id = %s", [target.pk])
    report = chain.verify(Event)
    assert not report.ok
    assert report.first_break.event_id == target.pk
    assert report.first_break.office_id == palangka.pk
    with pytest.raises(CommandError, match=f"event {target.pk} "):
        call_command("verify_ledger")


def test_a_deleted_event_breaks_the_sequence(ledger):
    _, kobar = ledger
    gone = Event.objects.get(office=kobar, chain_seq=2)
    with _tampering() as cursor:
        cursor.execute("DELETE FROM ledger_event WHERE id = %s", [gone.pk])
    report = chain.verify(Event)
    assert report.first_break.seq == 3
    assert "expected" in report.first_break.reason


def test_an_event_inserted_behind_the_orm_is_found(ledger):
    palangka, _ = ledger
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO ledger_event (kind, occurred_on, recorded_at, subject_type, subject_id, "
            "office_id, quantity, sex, age_group, education, occupation_group, "
            "industry_section, placement_scope, employer_type, detail, chain_seq, chain_hash) "
            "VALUES ('seeker_placed', '2026-03-03', '2026-03-03T00:00:00Z', 'x', 1, %s, 1, "
            "'', '', '', '', '', '', '', '{}', 7, %s)",
            [palangka.pk, "f" * 64],
        )
    assert not chain.verify(Event).ok


def test_two_events_cannot_take_the_same_place_in_a_chain(ledger):
    palangka, _ = ledger
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO ledger_event (kind, occurred_on, recorded_at, subject_type, subject_id, "
            "office_id, quantity, sex, age_group, education, occupation_group, "
            "industry_section, placement_scope, employer_type, detail, chain_seq, chain_hash) "
            "VALUES ('seeker_placed', '2026-03-03', '2026-03-03T00:00:00Z', 'x', 1, %s, 1, "
            "'', '', '', '', '', '', '', '{}', 6, %s)",
            [palangka.pk, "f" * 64],
        )


def test_verify_ledger_prints_the_checksum_of_an_intact_ledger(ledger, capsys):
    call_command("verify_ledger")
    out = capsys.readouterr().out
    assert "10 events" in out and chain.verify(Event).checksum in out


def test_the_monthly_ipk_build_refuses_a_broken_chain(ledger):
    palangka, _ = ledger
    month = datetime.date(2026, 3, 1)
    assert reports.build_month(month=month, today=datetime.date(2026, 4, 2)) > 0
    with _tampering() as cursor:
        cursor.execute(
            "UPDATE ledger_event SET sex = 'L' WHERE office_id = %s AND chain_seq = 6",
            [palangka.pk],
        )
    with pytest.raises(reports.ReportError, match="verify_ledger"):
        reports.build_month(month=month, today=datetime.date(2026, 4, 2))


def test_heads_recorded_earlier_find_a_rewritten_history(ledger, tmp_path):
    palangka, _ = ledger
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"ledger": {"heads": chain.heads_as_json(chain.verify(Event))}}))
    call_command("verify_ledger", "--against", str(manifest))
    # Someone with database access edits an event and recomputes the rest of the chain.
    with _tampering() as cursor:
        cursor.execute(
            "UPDATE ledger_event SET sex = 'L' WHERE office_id = %s AND chain_seq = 6",
            [palangka.pk],
        )
        row = Event.objects.filter(office=palangka, chain_seq=6).values(*chain.FIELDS).get()
        previous = Event.objects.get(office=palangka, chain_seq=5).chain_hash
        cursor.execute(
            "UPDATE ledger_event SET chain_hash = %s WHERE office_id = %s AND chain_seq = 6",
            [chain.link_hash(previous, row), palangka.pk],
        )
    assert chain.verify(Event).ok
    with pytest.raises(CommandError, match=f"office {palangka.pk}: event 6"):
        call_command("verify_ledger", "--against", str(manifest))

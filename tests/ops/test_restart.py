"""Interrupted midway, restarted cleanly: the monthly IPK build and the import.

A worker killed inside a transaction leaves what an exception raised at that point leaves: the
transaction is never committed. These tests raise one halfway through the writes and then run
the job again, as the redelivered message (acks_late) does.
"""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.db import OperationalError

from employers import imports
from employers import tasks as employer_tasks
from employers.models import Employer, ImportRun
from officers.models import Office
from placement.ledger.models import Event, EventKind
from placement.reports import services as reports
from placement.reports.models import IpkReport
from tests.employers.test_imports import csv_upload, employer_row

MONTH = datetime.date(2026, 3, 1)
TODAY = datetime.date(2026, 4, 2)


def test_an_interrupted_monthly_ipk_build_leaves_no_half_month_and_reruns_whole(db):
    office = Office.objects.get(code="62.71")
    Event.objects.bulk_create(
        [
            Event(
                kind=EventKind.SEEKER_REGISTERED,
                occurred_on=MONTH + datetime.timedelta(days=n),
                subject_type="jobseekers.jobseeker",
                subject_id=n,
                office=office,
                regency_id=office.regency_id,
                province_id=office.province_id,
                sex="P",
            )
            for n in range(5)
        ]
    )
    real = IpkReport.objects.bulk_create

    def half_then_crash(reports_, **kwargs):
        real(reports_[: len(reports_) // 2], **kwargs)
        raise OperationalError("server closed the connection unexpectedly")

    with (
        mock.patch.object(IpkReport.objects, "bulk_create", side_effect=half_then_crash),
        pytest.raises(OperationalError),
    ):
        reports.build_month(month=MONTH, today=TODAY)
    assert not IpkReport.objects.filter(month=MONTH).exists()  # no half month

    assert reports.build_month(month=MONTH, today=TODAY) == Office.objects.count()
    assert IpkReport.objects.filter(month=MONTH).count() == Office.objects.count()
    stored = IpkReport.objects.get(month=MONTH, region_code="62.71")
    assert stored.headline  # the office's month is complete


def test_an_interrupted_import_leaves_no_half_file_and_its_redelivery_imports_it_once(
    db, alice, settings
):
    rows = [employer_row(n) for n in range(1, 6)]
    started = imports.start_import(
        kind="employers", policy="skip", upload=csv_upload(rows), by=alice
    )
    calls = {"n": 0}
    real_flush = imports._flush

    def crash_on_second_batch(kind, batch, today, *rest):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OperationalError("terminating connection due to administrator command")
        return real_flush(kind, batch, today, *rest)

    with (
        mock.patch.object(imports, "BATCH", 2),
        mock.patch.object(imports, "_flush", side_effect=crash_on_second_batch),
        pytest.raises(OperationalError),
    ):
        imports.run_import(ImportRun.objects.get(pk=started.pk))
    run = ImportRun.objects.get(pk=started.pk)
    assert run.status == ImportRun.Status.RUNNING  # interrupted, not finished
    assert not Employer.objects.filter(nib__startswith="700000000000").exists()  # nothing half
    assert imports.upload_path(run).exists()  # the file is kept for the new attempt

    # The redelivered task (acks_late) sees a "running" run and does it again from the start.
    assert employer_tasks.run_import(started.pk) == ImportRun.Status.DONE
    run = ImportRun.objects.get(pk=started.pk)
    assert run.rows_imported == 5 and run.rows_failed == 0
    assert Employer.objects.filter(nib__startswith="700000000000").count() == 5
    assert not imports.upload_path(run).exists()
    # A duplicate delivery afterwards changes nothing.
    assert employer_tasks.run_import(started.pk) == "skipped"
    assert Employer.objects.filter(nib__startswith="700000000000").count() == 5

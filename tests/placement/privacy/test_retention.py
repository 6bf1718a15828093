"""The retention job: files of registrations removed N years ago, then the people themselves, and
old read-audit entries go; idempotent; a dry run reports and changes nothing; the database keeps
every change record and every read entry younger than a year whatever the settings say."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.utils import timezone

from jobseekers.models import CVDocument, JobSeeker
from placement.accounts.models import AuditEvent
from placement.ledger.models import Event
from placement.privacy.retention import apply_retention
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db


def _removed(years_ago: float, *, with_cv: bool = True) -> JobSeeker:
    seeker = JobSeekerFactory(
        verified=True,
        status=JobSeeker.Status.REMOVED,
        removal_reason="missed_report",
        removed_on=timezone.localdate() - timedelta(days=int(365.25 * years_ago)),
    )
    if with_cv:
        CVDocument.objects.create(
            seeker=seeker, stored_name=f"{seeker.pk:032d}.pdf", original_name="cv.pdf", size=10
        )
    return seeker


def _read(days_ago: int, action: str = "view") -> AuditEvent:
    return AuditEvent.objects.create(
        action=action,
        object_type="jobseekers.jobseeker",
        object_id="1",
        at=timezone.now() - timedelta(days=days_ago),
    )


@pytest.fixture
def people(settings):
    settings.PRIVACY_RETENTION = {
        "FILES_AFTER_REMOVAL_YEARS": 2,
        "ANONYMISE_AFTER_REMOVAL_YEARS": 5,
        "READ_AUDIT_YEARS": 2,
    }
    return {
        "long_gone": _removed(6),
        "files_only": _removed(3),
        "recent": _removed(1),
        "active": JobSeekerFactory(verified=True),
        "old_read": _read(3 * 366),
        "old_change": _read(3 * 366, action="change"),
        "young_read": _read(200),
    }


def test_the_retention_job_applies_each_period(people):
    events = Event.objects.count()

    report = apply_retention()

    long_gone = JobSeeker.objects.get(pk=people["long_gone"].pk)
    files_only = JobSeeker.objects.get(pk=people["files_only"].pk)
    assert long_gone.anonymised_on and long_gone.nik is None
    assert long_gone.removal_reason == "missed_report"  # already removed: kept as it was
    assert files_only.anonymised_on is None and files_only.nik
    assert not CVDocument.objects.filter(seeker__in=[long_gone, files_only]).exists()
    assert CVDocument.objects.filter(seeker=people["recent"]).exists()
    assert JobSeeker.objects.get(pk=people["active"].pk).status == "active"
    assert not AuditEvent.objects.filter(pk=people["old_read"].pk).exists()
    assert (
        AuditEvent.objects.filter(pk__in=[people["old_change"].pk, people["young_read"].pk]).count()
        == 2
    )
    assert Event.objects.count() == events  # removed long ago: the ledger has nothing to add
    assert (report.files, report.anonymised, report.read_audit_rows) == (
        2,
        [people["long_gone"].pk],
        1,
    )
    assert report.files_seekers == sorted([people["long_gone"].pk, people["files_only"].pk])
    log = AuditEvent.objects.get(object_type="privacy.retention")
    assert log.detail["anonymised"] == 1 and log.detail["read_audit_rows"] == 1


def test_a_second_run_does_nothing(people):
    apply_retention()
    audits = AuditEvent.objects.count()

    report = apply_retention()

    assert (report.files, report.anonymised, report.read_audit_rows) == (0, [], 0)
    assert AuditEvent.objects.count() == audits


def test_a_dry_run_reports_and_changes_nothing(people):
    audits = AuditEvent.objects.count()

    report = apply_retention(dry_run=True)

    assert (report.files, len(report.anonymised), report.read_audit_rows) == (2, 1, 1)
    assert CVDocument.objects.count() == 3
    assert not JobSeeker.objects.filter(anonymised_on__isnull=False).exists()
    assert AuditEvent.objects.count() == audits


def test_the_command_prints_the_dry_run_report(people, capsys):
    call_command("apply_retention", "--dry-run")
    out = capsys.readouterr().out
    assert "dry run" in out and "would anonymise 1" in out and "would delete 1 read" in out
    assert JobSeeker.objects.filter(anonymised_on__isnull=True).count() == 4


def test_a_setting_below_a_year_keeps_reads_younger_than_a_year(people, settings):
    settings.PRIVACY_RETENTION = {**settings.PRIVACY_RETENTION, "READ_AUDIT_YEARS": 0}
    apply_retention()
    assert AuditEvent.objects.filter(pk=people["young_read"].pk).exists()


def test_the_database_refuses_deleting_changes_and_young_reads(people):
    for name in ("old_change", "young_read"):
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEvent.objects.filter(pk=people[name].pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=people["old_read"].pk).update(detail={"x": 1})
    assert AuditEvent.objects.filter(pk=people["old_read"].pk).delete()[0] == 1

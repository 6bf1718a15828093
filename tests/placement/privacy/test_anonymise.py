"""Deletion anonymises the person and keeps the ledger and the IPK tables as they were: the ledger
is append-only and hash-chained (never rewritten), its rows hold no identity (only the record's
pseudonymous id and statistical dimensions), and the tables of past months are identical."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from jobseekers import services as seeker_services
from jobseekers.models import CVDocument, Education, JobSeeker
from officers.models import CounsellingSession
from placement.accounts.models import AuditEvent
from placement.ledger import chain
from placement.ledger.models import Event
from placement.notifications.models import Notification
from placement.pipeline.models import HireReport
from placement.privacy import services
from placement.privacy.anonymise import ANONYMOUS, anonymise_seeker
from placement.reports import services as reports
from placement.reports.models import IpkReport
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"x" * 200


def _ledger_rows():
    return list(Event.objects.order_by("pk").values_list("pk", "kind", "subject_id", "chain_hash"))


def _tables(month):
    reports.build_month(month=month)
    return {row.region_code: row.tables for row in IpkReport.objects.filter(month=month).order_by()}


@pytest.fixture
def history(alice, sam):
    """Two seekers registered last month; the second was removed then (report missed)."""
    month = reports.previous_month()
    day = month + timedelta(days=3)
    active = JobSeekerFactory(user=sam)
    seeker_services.verify_jobseeker(seeker=active, officer=alice, on=day)
    removed = JobSeekerFactory()
    seeker_services.verify_jobseeker(seeker=removed, officer=alice, on=day)
    seeker_services.remove_jobseeker(
        seeker=removed, officer=alice, reason="missed_report", on=day + timedelta(days=5)
    )
    active.refresh_from_db()
    removed.refresh_from_db()
    return month, active, removed


def test_the_person_is_erased_and_the_past_months_tables_are_identical(history, priya):
    month, active, removed = history
    tables_before = _tables(month)
    rows_before = _ledger_rows()
    assert tables_before["62.71"]["iii-1"]["seekers"]  # the month has these two people in it

    for seeker in (active, removed):
        anonymise_seeker(seeker=seeker, actor=priya)

    rows_after = _ledger_rows()
    assert rows_after[: len(rows_before)] == rows_before  # nothing rewritten
    new = rows_after[len(rows_before) :]
    # The active one leaves the register today like any removal; the removed one adds nothing.
    assert [(kind, subject) for _pk, kind, subject, _hash in new] == [("seeker_removed", active.pk)]
    assert chain.verify(Event).ok
    assert _tables(month) == tables_before


def test_ledger_rows_hold_no_identity(history):
    _month, active, _removed = history
    identity = {active.nik, active.full_name, active.phone, active.address, active.ak1_number}
    for row in Event.objects.filter(subject_id=active.pk).values():
        assert not identity & {str(value) for value in row.values()}
        assert not identity & {str(value) for value in (row["detail"] or {}).values()}


def test_identity_contact_history_files_and_account_are_gone(
    history, priya, client, django_capture_on_commit_callbacks
):
    _month, seeker, _removed = history
    seeker_services.store_cv(
        seeker=seeker,
        actor=seeker.user,
        upload=SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf"),
    )
    cv_file = seeker_services.cv_path(seeker.cv)
    client.force_login(seeker.user)
    assert client.get("/seeker/").status_code == 200
    item = services.file_request(seeker=seeker, kind="deletion", details="Hapus", actor=seeker.user)

    with django_capture_on_commit_callbacks(execute=True):
        services.complete_request(request=item, actor=priya, resolution="")

    seeker = JobSeeker.objects.get(pk=seeker.pk)
    assert seeker.full_name == ANONYMOUS
    assert seeker.nik is None and seeker.ak1_number is None and seeker.birth_date is None
    assert (seeker.phone, seeker.address, seeker.disability_note) == ("", "", "")
    assert seeker.status == JobSeeker.Status.REMOVED and seeker.removal_reason == "on_request"
    assert seeker.anonymised_on is not None
    assert not Education.objects.filter(seeker=seeker).exists()
    assert not seeker.skills.exists() and not seeker.preferred_occupations.exists()
    assert not CVDocument.objects.filter(seeker=seeker).exists()
    assert not cv_file.exists()
    user = seeker.user
    assert not user.is_active and not user.has_usable_password()
    assert user.email.endswith("@anonim.invalid")
    assert not Notification.objects.filter(user=user).exists()
    assert client.get("/seeker/").status_code == 302  # the session died with the account
    item.refresh_from_db()
    assert item.status == "done" and item.details == ""
    assert AuditEvent.objects.filter(
        object_type="jobseekers.jobseeker",
        object_id=str(seeker.pk),
        action="delete",
        detail__event="anonymised",
    ).exists()
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"] and "dihapus" in message.body


def test_notes_about_the_person_are_erased_but_group_notes_stay(history, priya, alice):
    _month, seeker, removed = history
    officer = alice.officer_profile
    own = CounsellingSession.objects.create(
        kind="individual",
        office=officer.office,
        officer=officer,
        held_on=seeker.registered_on,
        notes="Dewi wants to work in Jakarta",
    )
    own.seekers.add(seeker)
    group = CounsellingSession.objects.create(
        kind="group",
        office=officer.office,
        officer=officer,
        held_on=seeker.registered_on,
        notes="CV workshop",
        participants=2,
    )
    group.seekers.add(seeker, removed)

    anonymise_seeker(seeker=seeker, actor=priya)

    own.refresh_from_db()
    group.refresh_from_db()
    assert own.notes == "" and group.notes == "CV workshop"


def test_anonymising_twice_changes_nothing(history, priya):
    _month, seeker, _removed = history
    anonymise_seeker(seeker=seeker, actor=priya)
    rows = _ledger_rows()
    audits = AuditEvent.objects.count()

    anonymise_seeker(seeker=seeker, actor=priya)

    assert _ledger_rows() == rows and AuditEvent.objects.count() == audits


def test_an_erased_card_cannot_be_reactivated(history, priya, alice):
    _month, seeker, _removed = history
    anonymise_seeker(seeker=seeker, actor=priya)
    with pytest.raises(seeker_services.ServiceError):
        seeker_services.reactivate_jobseeker(seeker=seeker, actor=alice)


def test_a_registration_merged_into_the_person_is_erased_with_them(history, priya):
    _month, seeker, _removed = history
    old = JobSeekerFactory(status=JobSeeker.Status.REMOVED, merged_into=seeker)

    anonymise_seeker(seeker=seeker, actor=priya)

    old.refresh_from_db()
    assert old.anonymised_on is not None and old.full_name == ANONYMOUS and old.nik is None


def test_the_person_sees_their_requests_in_the_processing_log(history, sam):
    _month, seeker, _removed = history
    item = services.file_request(seeker=seeker, kind="access", details="", actor=sam)

    log = seeker_services.processing_log(seeker)

    assert log.filter(object_type="privacy.subjectrequest", object_id=str(item.pk)).exists()


def test_free_text_of_hire_reports_and_applications_is_erased(history, priya):
    _month, seeker, _removed = history
    report = HireReport.objects.create(
        seeker=seeker,
        employer_name="CV Borneo",
        job_title="Kasir",
        started_on=seeker.registered_on,
        note="Call me on 0812 000 111",
    )

    anonymise_seeker(seeker=seeker, actor=priya)

    report.refresh_from_db()
    assert report.note == "" and report.job_title == "Kasir"  # the job stays, the person goes


def test_erasing_a_person_takes_a_bounded_number_of_queries(
    history, priya, django_assert_max_num_queries
):
    """Measured: 41 queries for an active seeker with education and wishes (PostgreSQL)."""
    _month, seeker, _removed = history
    with django_assert_max_num_queries(50):
        anonymise_seeker(seeker=seeker, actor=priya)

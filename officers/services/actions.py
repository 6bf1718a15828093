"""What officers do to records of other apps (issues 3 and 4), logged for the workload report.

The jobseekers and employers apps never import `officers`, so their services cannot log an
officer's activity; the officer pages call these wrappers, which call those services and then
log the activity (and the caseload's last contact) in the same transaction.
"""

from __future__ import annotations

from django.db import transaction

from employers import imports
from employers import services as employer_services
from employers.models import Employer, ImportRun, Vacancy
from jobseekers import services as seeker_services
from jobseekers.models import JobSeeker
from placement.accounts.models import User
from placement.offices.activity import note_contact, record_activity
from placement.offices.models import Activity

Kind = Activity.Kind


@transaction.atomic
def verify_seeker(*, seeker: JobSeeker, officer: User) -> JobSeeker:
    """Verify a registration (issues the AK/I number) and log it."""
    seeker = seeker_services.verify_jobseeker(seeker=seeker, officer=officer)
    record_activity(user=officer, kind=Kind.SEEKER_VERIFIED, subject=seeker)
    note_contact(seeker=seeker, kind="verification", user=officer)
    return seeker


@transaction.atomic
def record_seeker_report(*, seeker: JobSeeker, officer: User) -> str:
    """The six-monthly report made at the office (or a re-registration), logged."""
    event = seeker_services.report_jobseeker(seeker=seeker, actor=officer)
    record_activity(user=officer, kind=Kind.SEEKER_UPDATED, subject=seeker, event=str(event))
    note_contact(seeker=seeker, kind="report", user=officer)
    return event


@transaction.atomic
def verify_employer(*, employer: Employer, officer: User) -> Employer:
    """Verify a company's registration and log it."""
    employer = employer_services.verify_employer(employer=employer, by=officer)
    record_activity(user=officer, kind=Kind.EMPLOYER_VERIFIED, subject=employer, decision="verify")
    return employer


@transaction.atomic
def reject_employer(*, employer: Employer, officer: User, reason: str) -> Employer:
    """Reject a company's registration (the check is verification work too) and log it."""
    employer = employer_services.reject_employer(employer=employer, by=officer, reason=reason)
    record_activity(user=officer, kind=Kind.EMPLOYER_VERIFIED, subject=employer, decision="reject")
    return employer


@transaction.atomic
def publish_vacancy(*, vacancy: Vacancy, officer: User) -> Vacancy:
    """Verify and publish a vacancy and log it."""
    vacancy = employer_services.publish_vacancy(vacancy=vacancy, by=officer)
    record_activity(user=officer, kind=Kind.VACANCY_VERIFIED, subject=vacancy)
    return vacancy


@transaction.atomic
def return_vacancy(*, vacancy: Vacancy, officer: User, reason: str) -> Vacancy:
    """Return a vacancy to the employer with the reason and log it."""
    vacancy = employer_services.return_vacancy(vacancy=vacancy, by=officer, reason=reason)
    record_activity(user=officer, kind=Kind.VACANCY_RETURNED, subject=vacancy)
    return vacancy


def start_import(*, kind: str, policy: str, upload, officer: User) -> ImportRun:
    """Start an import of employers or vacancies and log it (one activity per file)."""
    run = imports.start_import(kind=kind, policy=policy, upload=upload, by=officer)
    record_activity(user=officer, kind=Kind.IMPORT, subject=run, what=kind)
    return run

""" "I got a job": a seeker reports a hire from their portal, or an employer reports that it hired
one of its candidates for its vacancy; an officer confirms it.

The report itself counts nothing. Confirmation records one placement through `record_placement`
(found outside the service, reported by the seeker), which deactivates the card, writes the one
`seeker_placed` ledger event (IPK III/1 "placed", III/7, III/8 with AKL/AKAD/AKAN from the home
and work regions) and the officer's activity. A report is confirmed at most once (its row is
locked and must be pending) and a seeker is placed at most once (the card must be active), so a
hire reported twice, or reported and also recorded by the office, is counted once.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import EmployerUser, Vacancy
from jobseekers.models import JobSeeker
from placement.accounts.audit import Via, audit
from placement.accounts.models import User
from placement.notifications.services import notify
from placement.offices.activity import officer_of
from placement.pipeline.models import HireReport, Placement
from placement.pipeline.services.placements import (
    PlacementRefused,
    record_placement,
    start_date_problem,
)


class HireReportRefused(Exception):
    """The report cannot be made or decided; the message is for the person (field optional)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@transaction.atomic
def report_hire(
    *,
    seeker: JobSeeker,
    actor: User,
    employer_name: str,
    job_title: str,
    started_on: date,
    occupation=None,
    work_regency=None,
    country: str = "",
    note: str = "",
    via: Via = "web",
) -> HireReport:
    """The seeker says they started work. Waits for an officer; one open report at a time."""
    seeker = JobSeeker.objects.select_for_update(of=("self",)).get(pk=seeker.pk)
    if seeker.status != JobSeeker.Status.ACTIVE:
        raise HireReportRefused(_("Only a holder of an active AK/I card reports a new job here."))
    today = timezone.localdate()
    problem = start_date_problem(started_on, today)
    if problem:
        raise HireReportRefused(problem, "started_on")
    if seeker.registered_on and started_on < seeker.registered_on:
        raise HireReportRefused(
            _("The start date cannot be before the registration (%(date)s).")
            % {"date": seeker.registered_on.strftime("%d-%m-%Y")},
            "started_on",
        )
    country = country.strip()
    if country and work_regency is not None:
        raise HireReportRefused(_("Give either a place in Indonesia or a country."), "country")
    if not country and work_regency is None:
        raise HireReportRefused(_("Choose where you work, or the country."), "work_regency")
    try:
        with transaction.atomic():
            report = HireReport.objects.create(
                seeker=seeker,
                employer_name=" ".join(employer_name.split()),
                job_title=" ".join(job_title.split()),
                occupation=occupation,
                work_regency=work_regency,
                country=country,
                started_on=started_on,
                note=" ".join(note.split())[:500],
                created_by=actor,
            )
    except IntegrityError:
        raise HireReportRefused(
            _("You already reported a job; the office is looking at it.")
        ) from None
    audit(actor=actor, action="create", obj=report, seeker=seeker.pk, via=via)
    return report


@transaction.atomic
def report_hire_by_employer(
    *, vacancy: Vacancy, seeker: JobSeeker, actor: User, started_on: date, via: Via = "web"
) -> HireReport:
    """An employer user says it hired one of its candidates (matched, applied or referred) for
    its own vacancy, from `started_on` (which may be ahead). Waits for an officer of the
    seeker's region, who confirms it as a placement; the seeker is told."""
    if not EmployerUser.objects.filter(user=actor, employer_id=vacancy.employer_id).exists():
        raise HireReportRefused(_("Only a user of the vacancy's company can report this hire."))
    seeker = JobSeeker.objects.select_for_update(of=("self",)).get(pk=seeker.pk)
    if seeker.status != JobSeeker.Status.ACTIVE:
        raise HireReportRefused(
            _("This person no longer has an active AK/I card: tell the Disnaker directly."),
            "seeker",
        )
    problem = start_date_problem(started_on, timezone.localdate())
    if problem:
        raise HireReportRefused(problem, "started_on")
    abroad = vacancy.is_overseas
    try:
        with transaction.atomic():
            report = HireReport.objects.create(
                seeker=seeker,
                vacancy=vacancy,
                reported_by=Placement.ReportedBy.EMPLOYER,
                employer_name=vacancy.employer.name,
                job_title=vacancy.title,
                occupation=vacancy.occupation,
                work_regency=None if abroad else vacancy.location_regency,
                country=vacancy.country if abroad else "",
                started_on=started_on,
                created_by=actor,
            )
    except IntegrityError:
        raise HireReportRefused(
            _("A hire of this person is already waiting for the Disnaker."), "seeker"
        ) from None
    audit(actor=actor, action="create", obj=report, seeker=seeker.pk, vacancy=vacancy.pk, via=via)
    notify(
        users=[seeker.user],
        event="seeker.hire_reported_by_employer",
        key=str(report.pk),
        context={
            "employer": vacancy.employer.name,
            "title": vacancy.title,
            "date": started_on.strftime("%d-%m-%Y"),
        },
        link="/seeker/",
    )
    return report


def _locked_pending(report: HireReport) -> HireReport:
    report = (
        HireReport.objects.select_for_update(of=("self",))
        .select_related("seeker", "occupation", "work_regency")
        .get(pk=report.pk)
    )
    if report.status != HireReport.Status.PENDING:
        raise HireReportRefused(_("This report has already been decided."))
    return report


@transaction.atomic
def confirm_hire_report(
    *,
    report: HireReport,
    officer: User,
    employer_type: str = "",
    industry_section: str = "",
    occupation=None,
    job_order_number: str = "",
    via: Via = "web",
) -> Placement:
    """The officer checked the hire (with the seeker or the employer): it becomes a placement."""
    if officer_of(officer) is None:
        raise HireReportRefused(_("Only an officer of a manpower office can do this."))
    report = _locked_pending(report)
    if report.vacancy_id is not None:
        # The employer's own vacancy gives the employer, its type, the job and the place.
        job = {"vacancy": report.vacancy, "reported_by": Placement.ReportedBy.EMPLOYER}
    elif not employer_type:
        raise HireReportRefused(_("Choose the type of employer."), "employer_type")
    else:
        job = {
            "employer_name": report.employer_name,
            "employer_type": employer_type,
            "industry_section": industry_section,
            "job_title": report.job_title,
            "occupation": occupation or report.occupation,
            "work_regency": report.work_regency,
            "country": report.country,
            "reported_by": Placement.ReportedBy.SEEKER,
        }
    try:
        placement = record_placement(
            seeker=report.seeker,
            by=officer,
            placed_on=report.started_on,
            job_order_number=job_order_number,
            via=via,
            **job,
        )
    except PlacementRefused as refused:
        raise HireReportRefused(str(refused)) from refused
    report.save(
        update_fields=report.decide(HireReport.Status.CONFIRMED, officer, placement=placement)
    )
    audit(actor=officer, action="change", obj=report, event="confirmed", via=via)
    notify(
        users=[report.seeker.user],
        event="seeker.hire_confirmed",
        key=str(report.pk),
        context={"employer": report.employer_name},
        link="/seeker/",
    )
    return placement


@transaction.atomic
def dismiss_hire_report(
    *, report: HireReport, officer: User, reason: str, via: Via = "web"
) -> HireReport:
    """Not a hire after all (or reported by mistake): nothing is counted, the card stays."""
    if officer_of(officer) is None:
        raise HireReportRefused(_("Only an officer of a manpower office can do this."))
    reason = " ".join((reason or "").split())
    if not reason:
        raise HireReportRefused(_("Give the reason: the person reads it."), "reason")
    report = _locked_pending(report)
    note = reason[:500]
    report.save(
        update_fields=report.decide(HireReport.Status.DISMISSED, officer, decision_note=note)
    )
    audit(actor=officer, action="change", obj=report, event="dismissed", via=via)
    return report

"""Placements (penempatan) and their three-month follow-up.

A placement is what counts: the seeker's AK/I card is deactivated (status placed), the vacancy's
filled count grows (closing it when full: the employer's "filled" report, Perpres 57/2023 Art. 6),
and the ledger gets one `seeker_placed` event with the IPK III/7 and III/8 dimensions: the seeker's
sex, age group and education, the job's occupation group, the employer's KBLI category and type
(III/8 b) and AKL/AKAD/AKAN from the seeker's home region and the place of work.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers import services as employer_services
from employers.models import Employer, Vacancy
from jobseekers import services as seeker_services
from jobseekers.models import JobSeeker
from placement.accounts.audit import Via, audit
from placement.accounts.models import User
from placement.ledger import services as ledger
from placement.ledger.models import EventKind
from placement.migrants.rules import is_minor, minor_refusal
from placement.offices.activity import note_contact, record_activity
from placement.offices.models import Activity, Office
from placement.pipeline.models import Application, FollowUp, Placement, Referral
from placement.registers import services as registers

FOLLOW_UP_MONTHS = 3
# A hire is often decided before the first working day; the start may be this far ahead.
MAX_START_AHEAD_DAYS = 180


def start_date_problem(placed_on: date | None, today: date | None = None) -> str:
    """'' when `placed_on` is an acceptable first working day, else the reason."""
    today = today or timezone.localdate()
    if placed_on is not None and (placed_on - today).days > MAX_START_AHEAD_DAYS:
        return _("The start date can be at most %(days)s days ahead.") % {
            "days": MAX_START_AHEAD_DAYS
        }
    return ""


Scope = Placement.Scope


class PlacementRefused(Exception):
    """A placement the rules do not allow; the message is for the user."""


def akl_boundary() -> str:
    # AKL within one regency/city (or one province): configurable, DOMAIN.md §1 [P].
    return settings.ANTARKERJA.get("AKL_BOUNDARY", "regency")


def placement_scope(*, home_regency: str | None, work_regency: str | None, abroad: bool) -> str:
    """AKL, AKAD or AKAN for a seeker living in `home_regency` who works in `work_regency`."""
    if abroad:
        return Scope.AKAN
    if not home_regency or not work_regency:
        return Scope.AKL  # nothing says the work is elsewhere
    if akl_boundary() == "province":
        return Scope.AKL if home_regency.split(".")[0] == work_regency.split(".")[0] else Scope.AKAD
    return Scope.AKL if home_regency == work_regency else Scope.AKAD


def vacancy_is_abroad(vacancy: Vacancy) -> bool:
    return vacancy.is_overseas or vacancy.scope == Vacancy.Scope.AKAN


def home_office(seeker: JobSeeker) -> Office | None:
    """The office of the seeker's home regency (where the placement counts), else the issuer."""
    if seeker.regency_id:
        office = Office.objects.filter(regency_id=seeker.regency_id).first()
        if office is not None:
            return office
    return seeker.office


def _job_details(
    *,
    vacancy: Vacancy | None,
    employer: Employer | None,
    employer_name: str,
    job_title: str,
    occupation,
    industry_section: str,
    employer_type: str,
    work_regency,
    country: str,
) -> dict:
    if vacancy is not None:
        employer = vacancy.employer
        return {
            "employer": employer,
            "employer_name": employer.name,
            "job_title": vacancy.title,
            "occupation": vacancy.occupation,
            "industry_section": employer.industry.section if employer.industry_id else "",
            "employer_type": employer.ownership,
            "work_regency": None if vacancy_is_abroad(vacancy) else vacancy.location_regency,
            "country": vacancy.country if vacancy_is_abroad(vacancy) else "",
            "abroad": vacancy_is_abroad(vacancy),
        }
    if employer is not None:
        employer_name = employer.name
        industry_section = industry_section or (
            employer.industry.section if employer.industry_id else ""
        )
        employer_type = employer_type or employer.ownership
        if work_regency is None and not country:
            work_regency = employer.regency
    employer_name = (employer_name or "").strip()
    if not employer_name:
        raise PlacementRefused(_("Name the employer."))
    if employer_type not in Employer.Ownership.values:
        raise PlacementRefused(_("Choose the type of employer."))
    return {
        "employer": employer,
        "employer_name": employer_name[:200],
        "job_title": (job_title or "").strip()[:200],
        "occupation": occupation,
        "industry_section": (industry_section or "")[:1],
        "employer_type": employer_type,
        "work_regency": None if country else work_regency,
        "country": (country or "").strip()[:100],
        "abroad": bool(country),
    }


def _use_overseas_place(*, seeker: JobSeeker, vacancy: Vacancy, by: User | None, on: date) -> None:
    """Work abroad: one place of the vacancy's SIP2MI quota (UU 18/2017; the age is checked
    with every vacancy closed to minors)."""
    if vacancy.job_order_id is None:
        return
    try:
        registers.use_job_order_place(
            job_order=vacancy.job_order, by=by, reason=f"{vacancy.reference} {seeker.ak1_number}"
        )
    except registers.RegisterRefused as refused:
        raise PlacementRefused(str(refused)) from refused


def _use_job_order_abroad(
    *, seeker: JobSeeker, number: str, country: str, occupation, by: User | None, on: date
) -> None:
    """A job abroad found without a vacancy here is recorded only under a valid SIP2MI for that
    country (one place of its quota); otherwise it is non-procedural (UU 18/2017)."""
    if is_minor(seeker, on):
        raise PlacementRefused(
            _("%(name)s is under 18: work abroad is not allowed (UU 18/2017).")
            % {"name": seeker.full_name}
        )
    problems = registers.job_order_problems(
        number=number,
        country=country,
        occupation_code=occupation.code if occupation is not None else "",
        today=on,
    )
    if problems:
        raise PlacementRefused(
            " ".join(problems.values())
            + " "
            + _(
                "Work abroad is recorded only under a valid SIP2MI of a licensed P3MI; if the "
                "person left outside the procedure, record a non-procedural case instead."
            )
        )
    try:
        registers.use_job_order_place(
            job_order=registers.find_job_order(number), by=by, reason=seeker.ak1_number or ""
        )
    except registers.RegisterRefused as refused:
        raise PlacementRefused(str(refused)) from refused


@transaction.atomic
def record_placement(
    *,
    seeker: JobSeeker,
    by: User | None,
    placed_on: date | None = None,
    vacancy: Vacancy | None = None,
    referral: Referral | None = None,
    application: Application | None = None,
    employer: Employer | None = None,
    employer_name: str = "",
    job_title: str = "",
    occupation=None,
    industry_section: str = "",
    employer_type: str = "",
    work_regency=None,
    country: str = "",
    reported_by: str = Placement.ReportedBy.OFFICE,
    fair_id: int | None = None,
    job_order_number: str = "",
    via: Via = "web",
) -> Placement:
    """Record that `seeker` started work (through a referral, an application or found outside)."""
    today = timezone.localdate()
    placed_on = placed_on or today
    seeker = JobSeeker.objects.select_related("regency", "office", "education_level").get(
        pk=seeker.pk
    )
    if seeker.status != JobSeeker.Status.ACTIVE:
        raise PlacementRefused(
            _(
                "%(name)s has no active AK/I card (%(status)s): only an active card holder can be "
                "placed. Re-register the card first if the person is still looking for work."
            )
            % {"name": seeker.full_name, "status": seeker.get_status_display()}
        )
    if start_date_problem(placed_on, today):
        raise PlacementRefused(start_date_problem(placed_on, today))
    # The ledger dates the hire on the day it is recorded when work starts later: statistics
    # never hold events of days that have not happened yet.
    recorded_on = min(placed_on, today)
    if seeker.registered_on and placed_on < seeker.registered_on:
        raise PlacementRefused(
            _("The start date cannot be before the registration (%(date)s).")
            % {"date": seeker.registered_on.strftime("%d-%m-%Y")}
        )
    if vacancy is not None:
        vacancy = (
            Vacancy.objects.select_for_update(of=("self",))
            .select_related(
                "employer", "employer__industry", "employer__regency", "occupation", "regency"
            )
            .get(pk=vacancy.pk)
        )
    if vacancy is not None and minor_refusal(seeker, vacancy, placed_on):
        raise PlacementRefused(minor_refusal(seeker, vacancy, placed_on))
    if vacancy is not None and vacancy.is_overseas:
        _use_overseas_place(seeker=seeker, vacancy=vacancy, by=by, on=placed_on)
    elif vacancy is None and (country or "").strip():
        _use_job_order_abroad(
            seeker=seeker,
            number=job_order_number,
            country=country,
            occupation=occupation,
            by=by,
            on=placed_on,
        )
    job = _job_details(
        vacancy=vacancy,
        employer=employer,
        employer_name=employer_name,
        job_title=job_title,
        occupation=occupation,
        industry_section=industry_section,
        employer_type=employer_type,
        work_regency=work_regency,
        country=country,
    )
    abroad = job.pop("abroad")
    scope = placement_scope(
        home_regency=seeker.regency_id,
        work_regency=job["work_regency"].code if job["work_regency"] is not None else None,
        abroad=abroad,
    )
    if referral is not None:
        source = Placement.Source.REFERRAL
    elif application is not None:
        source = Placement.Source.APPLICATION
    else:
        source = Placement.Source.OUTSIDE
    try:
        seeker_services.mark_placed(seeker=seeker, actor=by, on=recorded_on, via=via)
    except seeker_services.ServiceError as error:  # a concurrent placement won the lock
        raise PlacementRefused(" ".join(error.messages)) from error
    office = home_office(seeker)
    placement = Placement.objects.create(
        seeker=seeker,
        vacancy=vacancy,
        referral=referral,
        application=application,
        source=source,
        reported_by=reported_by,
        scope=scope,
        placed_on=placed_on,
        office=office,
        regency_id=seeker.regency_id,
        recorded_by=by if by is not None and by.is_authenticated else None,
        **job,
    )
    FollowUp.objects.create(
        placement=placement, due_on=seeker_services.add_months(placed_on, FOLLOW_UP_MONTHS)
    )
    if (
        vacancy is not None
        and vacancy.status == Vacancy.Status.PUBLISHED
        and vacancy.open_positions
    ):
        # The filled report of the vacancy (vacancy_filled; closes it when full).
        employer_services.record_vacancy_filled(
            vacancy=vacancy, quantity=1, by=by, occurred_on=recorded_on, via=via
        )
    # The placing office counts it; the job, not the seeker's wish, gives the occupation group.
    ledger.record_seeker_event(
        seeker,
        EventKind.SEEKER_PLACED,
        recorded_on,
        office_id=office.pk if office is not None else None,
        occupation_group=job["occupation"].code[0] if job["occupation"] is not None else "",
        industry_section=job["industry_section"],
        placement_scope=scope,
        employer_type=job["employer_type"],
        # A hire at a job fair is marked with the fair (issue 16), still counted once.
        detail={"placement": placement.pk, "source": source}
        | ({"fair": fair_id} if fair_id else {}),
    )
    # Other proposals and referrals of the seeker are moot now.
    others = Referral.objects.open().filter(seeker=seeker)
    if referral is not None:
        others = others.exclude(pk=referral.pk)
    others.update(
        status=Referral.Status.WITHDRAWN,
        outcome_on=recorded_on,
        outcome_note=_("Placed in another job."),
        updated_at=timezone.now(),
    )
    if vacancy is not None and vacancy.job_order_id and not vacancy.job_order.places_left:
        # The SIP2MI's quota is used up: its vacancies close (the officer sees them closed).
        employer_services.close_lapsed_overseas_vacancies(by=by)
    audit(actor=by, action="create", obj=placement, seeker=seeker.pk, scope=scope, via=via)
    record_activity(user=by, kind=Activity.Kind.PLACEMENT, subject=placement, scope=scope)
    note_contact(seeker=seeker, kind="placement", user=by, on=recorded_on)
    return placement


@transaction.atomic
def record_follow_up(
    *,
    follow_up: FollowUp,
    answer: str,
    by: User,
    note: str = "",
    on: date | None = None,
    via: Via = "web",
) -> FollowUp:
    """The three-month check of a placement: still employed? (yes / no / unknown)."""
    follow_up = (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("placement", "placement__seeker")
        .get(pk=follow_up.pk)
    )
    if answer not in FollowUp.Answer.values:
        raise PlacementRefused(_("Choose an answer."))
    on = on or timezone.localdate()
    if on < follow_up.placement.placed_on:
        raise PlacementRefused(_("The follow-up cannot be before the start of the job."))
    follow_up.still_employed = answer
    follow_up.note = (note or "").strip()[:500]
    follow_up.done_on = on
    follow_up.recorded_by = by
    follow_up.save(update_fields=["still_employed", "note", "done_on", "recorded_by"])
    audit(actor=by, action="change", obj=follow_up, answer=answer, via=via)
    record_activity(
        user=by, kind=Activity.Kind.FOLLOW_UP, subject=follow_up.placement, answer=answer
    )
    note_contact(seeker=follow_up.placement.seeker, kind="follow_up", user=by, on=on)
    return follow_up

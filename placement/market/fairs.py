"""Job fairs: request, approval, participants, visitors and results (Permenaker 39/2016 Art. 53-54).

A hire at the fair is recorded through `record_placement`, so the vacancy's filled report, the
seeker's card and the IPK placement counts change exactly as for any placement, once, and the
ledger event carries the fair.
"""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import Employer, Vacancy
from jobseekers.models import JobSeeker
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.accounts.scope import region_scope
from placement.market.models import FairEmployer, FairResult, FairVacancy, FairVisitor, JobFair
from placement.migrants.services import MigrantRefused, store_document
from placement.pipeline.services import PlacementRefused, record_placement

FAIR_FIELDS = (
    "name",
    "organiser_kind",
    "organiser_name",
    "organiser_licence",
    "regency",
    "venue",
    "starts_on",
    "ends_on",
    "planned_companies",
    "planned_vacancies",
    "placement_target",
)


class FairRefused(Exception):
    """A job-fair step the rules do not allow; the message is for the officer."""


@transaction.atomic
def request_fair(*, fields: dict, by: User) -> JobFair:
    """Record a fair: a private organiser's request waits for approval; the Dinas's own fair is
    approved at once."""
    values = {name: fields[name] for name in FAIR_FIELDS if name in fields}
    if not region_scope(by).contains_regency(values["regency"].code):
        raise FairRefused(_("Choose a regency/city of your region."))
    if values["ends_on"] < values["starts_on"]:
        raise FairRefused(_("The last day must be on or after the first day."))
    fair = JobFair(**values, requested_by=by)
    if fair.organiser_kind == JobFair.Organiser.DINAS:
        fair.decide(JobFair.Status.APPROVED, by)
    fair.save()
    audit(actor=by, action="create", obj=fair, status=fair.status)
    return fair


@transaction.atomic
def attach_no_fee_statement(*, fair: JobFair, upload: UploadedFile, by: User) -> JobFair:
    """Keep the organiser's signed statement that job seekers pay nothing."""
    try:
        stored, original = store_document(upload, folder="fairs")
    except MigrantRefused as refused:
        raise FairRefused(str(refused)) from refused
    fair.no_fee_statement, fair.no_fee_statement_name = stored, original
    fair.save(update_fields=["no_fee_statement", "no_fee_statement_name"])
    audit(actor=by, action="change", obj=fair, event="no_fee_statement")
    return fair


def approval_problems(fair: JobFair) -> list[str]:
    """What a private organiser's request still lacks before it can be approved."""
    if fair.organiser_kind != JobFair.Organiser.PRIVATE:
        return []
    problems = []
    if not fair.organiser_licence.strip():
        problems.append(_("The organiser's licence is missing."))
    if not fair.planned_companies.strip() or not fair.planned_vacancies:
        problems.append(_("The planned companies and vacancies are missing."))
    if not fair.placement_target:
        problems.append(_("The placement target is missing."))
    if not fair.has_no_fee_statement:
        problems.append(
            _(
                "The statement that job seekers pay nothing is not attached: a fair may not "
                "charge job seekers (Permenaker 39/2016)."
            )
        )
    return problems


@transaction.atomic
def decide_fair(*, fair: JobFair, approve: bool, by: User, reason: str = "") -> JobFair:
    """Approve a requested fair (only when complete) or refuse it with the reason."""
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    if fair.status != JobFair.Status.REQUESTED:
        raise FairRefused(_("Only a fair waiting for approval can be decided."))
    if approve:
        problems = approval_problems(fair)
        if problems:
            raise FairRefused(" ".join(problems))
        status = JobFair.Status.APPROVED
    else:
        if not reason.strip():
            raise FairRefused(_("Give the reason for refusing, for the organiser."))
        status = JobFair.Status.REFUSED
    fair.save(update_fields=fair.decide(status, by, decision_reason=reason.strip()))
    audit(actor=by, action="change", obj=fair, event="decided", status=fair.status)
    return fair


def _open_fair(fair: JobFair) -> None:
    if fair.status != JobFair.Status.APPROVED:
        raise FairRefused(_("The fair is not approved (or already closed)."))


@transaction.atomic
def add_fair_vacancy(*, fair: JobFair, vacancy: Vacancy, by: User) -> FairVacancy:
    """Link a published vacancy (and its company) to the fair."""
    _open_fair(fair)
    if vacancy.status != Vacancy.Status.PUBLISHED:
        raise FairRefused(_("Only a published vacancy can be offered at the fair."))
    FairEmployer.objects.get_or_create(fair=fair, employer=vacancy.employer)
    link, created = FairVacancy.objects.get_or_create(fair=fair, vacancy=vacancy)
    if created:
        audit(actor=by, action="change", obj=fair, event="vacancy_added", vacancy=vacancy.pk)
    return link


@transaction.atomic
def add_fair_employer(*, fair: JobFair, employer: Employer, by: User) -> FairEmployer:
    _open_fair(fair)
    link, created = FairEmployer.objects.get_or_create(fair=fair, employer=employer)
    if created:
        audit(actor=by, action="change", obj=fair, event="employer_added", employer=employer.pk)
    return link


@transaction.atomic
def register_visitor(
    *, fair: JobFair, by: User, ak1_number: str = "", name: str = "", phone: str = ""
) -> FairVisitor:
    """Register a visitor: a seeker by AK/I number, or a person on the spot (name, phone)."""
    _open_fair(fair)
    seeker = None
    if ak1_number.strip():
        seeker = JobSeeker.objects.filter(ak1_number=ak1_number.strip()).first()
        if seeker is None:
            raise FairRefused(_("No job seeker has this AK/I number."))
        existing = FairVisitor.objects.filter(fair=fair, seeker=seeker).first()
        if existing is not None:
            return existing
        name = seeker.full_name
    elif not name.strip():
        raise FairRefused(_("Enter the AK/I number, or the visitor's name."))
    visitor = FairVisitor.objects.create(
        fair=fair, seeker=seeker, name=name.strip()[:150], phone=phone.strip()[:30]
    )
    audit(actor=by, action="change", obj=fair, event="visitor", visitor=visitor.pk)
    return visitor


@transaction.atomic
def record_fair_result(
    *, fair: JobFair, visitor: FairVisitor, vacancy: Vacancy, kind: str, by: User, on: date | None
) -> FairResult:
    """An interview or a hire at the fair; a hire is a placement, counted once."""
    _open_fair(fair)
    on = on or timezone.localdate()
    if visitor.fair_id != fair.pk or not FairVacancy.objects.filter(fair=fair, vacancy=vacancy):
        raise FairRefused(_("The visitor and the vacancy must both belong to this fair."))
    if FairResult.objects.filter(fair=fair, visitor=visitor, vacancy=vacancy, kind=kind).exists():
        raise FairRefused(_("This result is already recorded."))
    placement = None
    if kind == FairResult.Kind.HIRE:
        if visitor.seeker is None:
            raise FairRefused(
                _(
                    "A hire counts as a placement only for a registered job seeker: register "
                    "the visitor (AK/I card) first."
                )
            )
        try:
            placement = record_placement(
                seeker=visitor.seeker, vacancy=vacancy, by=by, placed_on=on, fair_id=fair.pk
            )
        except PlacementRefused as refused:
            raise FairRefused(str(refused)) from refused
    try:
        with transaction.atomic():
            result = FairResult.objects.create(
                fair=fair,
                visitor=visitor,
                vacancy=vacancy,
                kind=kind,
                on=on,
                placement=placement,
                recorded_by=by,
            )
    except IntegrityError as exc:
        raise FairRefused(_("This result is already recorded.")) from exc
    audit(actor=by, action="create", obj=result, fair=fair.pk, kind=kind)
    return result


@transaction.atomic
def close_fair(*, fair: JobFair, by: User) -> JobFair:
    _open_fair(fair)
    fair.status = JobFair.Status.CLOSED
    fair.save(update_fields=["status"])
    audit(actor=by, action="change", obj=fair, event="closed")
    return fair


def fair_report(fair: JobFair) -> dict:
    """The figures of one fair against its plan."""
    vacancies = Vacancy.objects.filter(fair_links__fair=fair)
    results = fair.results.values("kind").annotate(n=Count("id"))
    by_kind = {row["kind"]: row["n"] for row in results}
    visitors = fair.visitors.aggregate(
        total=Count("id"), registered=Count("id", filter=Q(seeker__isnull=False))
    )
    per_employer = list(
        FairResult.objects.filter(fair=fair)
        .values("vacancy__employer__name")
        .annotate(
            interviews=Count("id", filter=Q(kind=FairResult.Kind.INTERVIEW)),
            hires=Count("id", filter=Q(kind=FairResult.Kind.HIRE)),
        )
        .order_by("vacancy__employer__name")
    )
    return {
        "employers": fair.employers.count(),
        "vacancies": vacancies.count(),
        "positions": vacancies.aggregate(n=Sum("headcount"))["n"] or 0,
        "visitors": visitors["total"],
        "registered_visitors": visitors["registered"],
        "interviews": by_kind.get(FairResult.Kind.INTERVIEW, 0),
        "hires": by_kind.get(FairResult.Kind.HIRE, 0),
        "planned_vacancies": fair.planned_vacancies,
        "placement_target": fair.placement_target,
        "per_employer": per_employer,
    }

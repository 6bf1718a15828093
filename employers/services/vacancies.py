"""The vacancy report (AK/III) and its lifecycle: drafts, submission, publication by an officer,
return, filled, closed, expired; AKAN vacancies need a valid SIP2MI.

Ledger events (the IPK tables read only these):
- `vacancy_registered` when a vacancy is published (quantity = headcount);
- `vacancy_filled` when the employer (or a placement) reports hires (quantity = people hired);
- `vacancy_removed` when open positions are withdrawn or expire (quantity = positions removed).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from employers import rules
from employers.models import Employer, Vacancy, VacancySkill
from employers.services.companies import company_users
from employers.signals import vacancy_published
from placement.accounts.audit import Via, audit
from placement.accounts.models import User
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.notifications.services import notify
from placement.offices.activity import record_activity
from placement.offices.models import Activity
from placement.registers import services as registers
from placement.registers.models import JobOrder
from placement.taxonomy.models import Skill


class VacancyRefused(Exception):
    """A vacancy transition the rules do not allow; `problems` maps fields to messages."""

    def __init__(self, message: str, problems: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or {}


# The fields an employer writes in the report (everything else is set by the lifecycle).
VACANCY_FIELDS = (
    "title",
    "occupation",
    "industry",
    "headcount",
    "description",
    "min_education",
    "school_track",
    "smk_programme",
    "min_experience_months",
    "age_min",
    "age_max",
    "sex",
    "limits_reason",
    "wage_min",
    "wage_max",
    "regency",
    "scope",
    "country",
    "p3mi_name",
    "job_order_number",
    "valid_from",
    "valid_to",
    "required_licence",
    "required_certificate",
    "required_language",
    "required_language_level",
    "night_work",
    "hazardous_work",
)
# What the report must hold before it can be submitted (Perpres 57/2023 Art. 5).
REQUIRED_FOR_SUBMISSION = (
    "title",
    "occupation",
    "industry",
    "headcount",
    "description",
    "min_education",
    "valid_from",
    "valid_to",
)
_FOREIGN_KEYS = frozenset({"occupation", "industry", "min_education", "smk_programme", "regency"})


def _apply_fields(vacancy: Vacancy, fields: dict) -> list[str]:
    changed = []
    for name, value in fields.items():
        if name not in VACANCY_FIELDS:
            continue
        if name in (
            "sex",
            "country",
            "p3mi_name",
            "job_order_number",
            "limits_reason",
            "required_licence",
            "required_certificate",
            "required_language",
        ):
            value = (value or "").strip()
        if getattr(vacancy, name) != value:
            setattr(vacancy, name, value)
            changed.append(name)
    # Work abroad is exactly the AKAN scope.
    overseas = vacancy.scope == Vacancy.Scope.AKAN
    if vacancy.is_overseas != overseas:
        vacancy.is_overseas = overseas
        changed.append("is_overseas")
    return changed


def _set_skills(vacancy: Vacancy, skills: Iterable[Skill], *, required: bool) -> None:
    wanted = {skill.pk for skill in skills}
    current = set(
        VacancySkill.objects.filter(vacancy=vacancy, is_required=required).values_list(
            "skill_id", flat=True
        )
    )
    VacancySkill.objects.filter(
        vacancy=vacancy, is_required=required, skill_id__in=current - wanted
    ).delete()
    # A skill moves between required and optional rather than being listed twice.
    VacancySkill.objects.filter(vacancy=vacancy, skill_id__in=wanted - current).delete()
    VacancySkill.objects.bulk_create(
        [
            VacancySkill(vacancy=vacancy, skill_id=pk, is_required=required)
            for pk in sorted(wanted - current)
        ]
    )


@transaction.atomic
def create_vacancy(
    *,
    employer: Employer,
    by: User,
    fields: dict,
    required_skills: Iterable[Skill] = (),
    optional_skills: Iterable[Skill] = (),
) -> Vacancy:
    """Start a vacancy report as a draft (it may still be incomplete)."""
    vacancy = Vacancy(employer=employer, created_by=by, status=Vacancy.Status.DRAFT)
    if "industry" not in fields:
        vacancy.industry_id = employer.industry_id
    if "regency" not in fields and fields.get("scope") != Vacancy.Scope.AKAN:
        vacancy.regency_id = employer.regency_id
    _apply_fields(vacancy, fields)
    vacancy.save()
    _set_skills(vacancy, required_skills, required=True)
    _set_skills(vacancy, optional_skills, required=False)
    audit(actor=by, action="create", obj=vacancy)
    return vacancy


@transaction.atomic
def save_vacancy_draft(
    *,
    vacancy: Vacancy,
    by: User,
    fields: dict,
    required_skills: Iterable[Skill] | None = None,
    optional_skills: Iterable[Skill] | None = None,
) -> Vacancy:
    """Keep what the employer typed in a draft or returned report (not yet checked as a whole)."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if not vacancy.is_editable:
        raise VacancyRefused(
            _("This vacancy can no longer be changed: it is %(status)s.")
            % {"status": vacancy.get_status_display().lower()}
        )
    changed = _apply_fields(vacancy, fields)
    if changed:
        vacancy.save(update_fields=[*changed, "updated_at"])
    if required_skills is not None:
        _set_skills(vacancy, required_skills, required=True)
    if optional_skills is not None:
        _set_skills(vacancy, optional_skills, required=False)
    if changed or required_skills is not None or optional_skills is not None:
        audit(actor=by, action="change", obj=vacancy, fields=sorted(changed))
    return vacancy


def vacancy_values(vacancy: Vacancy) -> dict:
    """The report's fields as plain values (ids for foreign keys), for the rules."""
    values = {name: getattr(vacancy, name) for name in VACANCY_FIELDS}
    for name in ("occupation", "industry", "min_education", "smk_programme", "regency"):
        values[f"{name}_id"] = getattr(vacancy, f"{name}_id")
    return values


def submission_problems(vacancy: Vacancy, *, today: date | None = None) -> dict[str, str]:
    """What is missing or wrong before the report can go to an officer ({} when complete)."""
    today = today or timezone.localdate()
    problems: dict[str, str] = {}
    labels = {f.name: f.verbose_name for f in Vacancy._meta.fields}
    for name in REQUIRED_FOR_SUBMISSION:
        value = getattr(vacancy, f"{name}_id" if name in _FOREIGN_KEYS else name)
        if value in (None, "", 0) or (isinstance(value, str) and not value.strip()):
            problems[name] = _("Enter the %(field)s.") % {"field": labels[name]}
    if vacancy.headcount is not None and vacancy.headcount > rules.MAX_HEADCOUNT:
        problems["headcount"] = _("Report at most %(n)s people in one vacancy.") % {
            "n": rules.MAX_HEADCOUNT
        }
    for name, message in rules.vacancy_problems(vacancy_values(vacancy), today=today).items():
        problems.setdefault(name, message)
    for name, message in overseas_problems(vacancy, today=today).items():
        problems.setdefault(name, message)
    return problems


def overseas_problems(vacancy: Vacancy, *, today: date | None = None) -> dict[str, str]:
    """Work abroad only under a valid SIP2MI of an active P3MI, for that country and occupation,
    with quota left (UU 18/2017); {} for a domestic vacancy or when the number is still missing
    (the report's rules ask for it)."""
    if vacancy.scope != Vacancy.Scope.AKAN or not (vacancy.job_order_number or "").strip():
        return {}
    return registers.job_order_problems(
        number=vacancy.job_order_number,
        country=vacancy.country,
        occupation_code=vacancy.occupation.code if vacancy.occupation_id else "",
        today=today,
    )


@transaction.atomic
def submit_vacancy(*, vacancy: Vacancy, by: User) -> Vacancy:
    """Send a complete draft (or a corrected returned report) to the officers for verification."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if not vacancy.is_editable:
        raise VacancyRefused(_("Only a draft or a returned vacancy can be submitted."))
    problems = submission_problems(vacancy)
    if problems:
        raise VacancyRefused(_("The report is not complete yet."), problems)
    vacancy.status = Vacancy.Status.SUBMITTED
    vacancy.submitted_at = timezone.now()
    vacancy.save(update_fields=["status", "submitted_at", "updated_at"])
    audit(actor=by, action="change", obj=vacancy, event="submitted")
    return vacancy


def _record(kind: str, vacancy: Vacancy, *, quantity: int, occurred_on: date | None = None):
    return ledger.record_vacancy_event(kind, vacancy, quantity=quantity, occurred_on=occurred_on)


def _locked_for_ledger(vacancy: Vacancy) -> Vacancy:
    """The vacancy's row locked, with what its ledger event reads (company, codes, offices)."""
    return (
        Vacancy.objects.select_for_update(of=("self",))
        .select_related(
            "employer", "occupation", "industry", "regency__office", "employer__regency__office"
        )
        .get(pk=vacancy.pk)
    )


@transaction.atomic
def publish_vacancy(*, vacancy: Vacancy, by: User, via: Via = "web") -> Vacancy:
    """An officer verifies a submitted vacancy: it is published and counted as registered."""
    vacancy = _locked_for_ledger(vacancy)
    if vacancy.status != Vacancy.Status.SUBMITTED:
        raise VacancyRefused(_("Only a vacancy waiting for verification can be published."))
    if not vacancy.employer.may_publish:
        raise VacancyRefused(
            _("Verify the company first: an unverified company cannot publish vacancies.")
        )
    problems = submission_problems(vacancy)
    if problems:
        raise VacancyRefused(_("The report is not complete: return it to the employer."), problems)
    now = timezone.now()
    vacancy.status = Vacancy.Status.PUBLISHED
    vacancy.verified_by = by
    vacancy.published_at = now
    vacancy.return_reason = ""
    fields = ["status", "verified_by", "published_at", "return_reason", "updated_at"]
    if vacancy.scope == Vacancy.Scope.AKAN:
        vacancy.job_order = registers.find_job_order(vacancy.job_order_number)
        vacancy.p3mi_name = vacancy.job_order.agency.name
        fields += ["job_order", "p3mi_name"]
    vacancy.save(update_fields=fields)
    _record(EventKind.VACANCY_REGISTERED, vacancy, quantity=vacancy.headcount)
    audit(actor=by, action="change", obj=vacancy, event="published", via=via)
    record_activity(user=by, kind=Activity.Kind.VACANCY_VERIFIED, subject=vacancy)
    vacancy_published.send(sender=Vacancy, vacancy=vacancy)  # the matching rescores it
    notify(
        users=company_users(vacancy.employer),
        event="employer.vacancy_published",
        key=f"{vacancy.pk}:{now:%Y%m%d%H%M%S}",
        context={
            "title": vacancy.title,
            "reference": vacancy.reference,
            "date": vacancy.valid_from,
        },
        link=reverse("employers:vacancy_check", args=[vacancy.pk]),
    )
    return vacancy


@transaction.atomic
def return_vacancy(*, vacancy: Vacancy, by: User, reason: str, via: Via = "web") -> Vacancy:
    """An officer sends a submitted vacancy back with the reason; the employer corrects it."""
    reason = reason.strip()
    if not reason:
        raise VacancyRefused(
            _("Write the reason, so the employer knows what to change."),
            {"reason": _("Write the reason for returning the vacancy.")},
        )
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if vacancy.status != Vacancy.Status.SUBMITTED:
        raise VacancyRefused(_("Only a vacancy waiting for verification can be returned."))
    vacancy.status = Vacancy.Status.RETURNED
    vacancy.return_reason = reason[:4000]
    vacancy.verified_by = by
    vacancy.save(update_fields=["status", "return_reason", "verified_by", "updated_at"])
    audit(actor=by, action="change", obj=vacancy, event="returned", via=via)
    record_activity(user=by, kind=Activity.Kind.VACANCY_RETURNED, subject=vacancy)
    notify(
        users=company_users(vacancy.employer),
        event="employer.vacancy_returned",
        key=f"{vacancy.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
        context={"title": vacancy.title, "reference": vacancy.reference, "reason": reason[:500]},
        link=reverse("employers:vacancy_check", args=[vacancy.pk]),
    )
    return vacancy


@transaction.atomic
def record_vacancy_filled(
    *,
    vacancy: Vacancy,
    quantity: int,
    by: User | None = None,
    occurred_on: date | None = None,
    via: Via = "web",
) -> Vacancy:
    """Report `quantity` positions as filled (the Art. 6 report; placements call this too)."""
    vacancy = _locked_for_ledger(vacancy)
    if vacancy.status != Vacancy.Status.PUBLISHED:
        raise VacancyRefused(_("Only a published vacancy can be reported as filled."))
    if quantity < 1 or quantity > vacancy.open_positions:
        raise VacancyRefused(
            _("Enter a number from 1 to %(n)s.") % {"n": vacancy.open_positions},
            {"hired": _("Enter a number from 1 to %(n)s.") % {"n": vacancy.open_positions}},
        )
    vacancy.filled_count += quantity
    fields = ["filled_count", "updated_at"]
    if vacancy.open_positions == 0:
        vacancy.status = Vacancy.Status.FILLED
        vacancy.closed_at = timezone.now()
        fields += ["status", "closed_at"]
    vacancy.save(update_fields=fields)
    _record(EventKind.VACANCY_FILLED, vacancy, quantity=quantity, occurred_on=occurred_on)
    audit(actor=by, action="change", obj=vacancy, event="filled", quantity=quantity, via=via)
    return vacancy


@transaction.atomic
def close_vacancy(*, vacancy: Vacancy, by: User, hired: int = 0) -> Vacancy:
    """Close a published vacancy: report `hired` people, withdraw the positions still open.

    The status becomes "filled" when every position was filled, "closed" otherwise.
    """
    vacancy = _locked_for_ledger(vacancy)
    if vacancy.status != Vacancy.Status.PUBLISHED:
        raise VacancyRefused(_("Only a published vacancy can be closed."))
    if hired < 0 or hired > vacancy.open_positions:
        message = _("Enter a number from 0 to %(n)s.") % {"n": vacancy.open_positions}
        raise VacancyRefused(message, {"hired": message})
    if hired:
        vacancy.filled_count += hired
        _record(EventKind.VACANCY_FILLED, vacancy, quantity=hired)
    removed = vacancy.open_positions
    if removed:
        vacancy.removed_count += removed
        _record(EventKind.VACANCY_REMOVED, vacancy, quantity=removed)
    vacancy.status = Vacancy.Status.CLOSED if vacancy.removed_count else Vacancy.Status.FILLED
    vacancy.closed_at = timezone.now()
    vacancy.save(
        update_fields=["filled_count", "removed_count", "status", "closed_at", "updated_at"]
    )
    audit(actor=by, action="change", obj=vacancy, event="closed", hired=hired, removed=removed)
    return vacancy


@transaction.atomic
def expire_vacancies(*, today: date | None = None) -> int:
    """Expire published vacancies past their closing date; their open positions are removed."""
    today = today or timezone.localdate()
    expired = list(
        Vacancy.objects.select_for_update(of=("self",), skip_locked=True)
        .filter(status=Vacancy.Status.PUBLISHED, valid_to__lt=today)
        .select_related(
            "employer", "occupation", "industry", "regency__office", "employer__regency__office"
        )
    )
    if not expired:
        return 0
    now = timezone.now()
    events = []
    for vacancy in expired:
        removed = vacancy.open_positions
        if removed:
            # Counted on the day after the last open day, the day the positions lapsed.
            events.append(
                ledger.vacancy_event(
                    EventKind.VACANCY_REMOVED, vacancy, quantity=removed, occurred_on=today
                )
            )
        vacancy.removed_count += removed
        vacancy.status = Vacancy.Status.EXPIRED
        vacancy.closed_at = now
        vacancy.updated_at = now
    Vacancy.objects.bulk_update(
        expired, ["removed_count", "status", "closed_at", "updated_at"], batch_size=500
    )
    Event.objects.bulk_create(events, batch_size=500)
    audit(
        actor=None,
        action="change",
        object_type="employers.vacancy",
        event="expired",
        count=len(expired),
    )
    return len(expired)


@transaction.atomic
def close_lapsed_overseas_vacancies(
    *, today: date | None = None, by: User | None = None
) -> list[Vacancy]:
    """Close published vacancies abroad whose SIP2MI lapsed (expired, suspended, revoked, its
    agency's licence gone, or its quota used up); returns them so the officer can be warned."""
    today = today or timezone.localdate()
    usable = JobOrder.objects.valid_on(today).with_quota_left().values("pk")
    lapsed = list(
        Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED, job_order__isnull=False)
        .exclude(job_order__in=usable)
        .order_by("pk")
    )
    closed = []
    for vacancy in lapsed:
        closed.append(close_vacancy(vacancy=vacancy, by=by))
        audit(
            actor=by,
            action="change",
            obj=vacancy,
            event="closed_job_order_lapsed",
            job_order=vacancy.job_order_id,
        )
    return closed

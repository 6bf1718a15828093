"""The employers' duty to report vacancies and their filling (Perpres 57/2023 Art. 4-6, 17).

An employer is behind when it reported no vacancy in the last N months, or when a vacancy passed
its closing date without a filled report. The office reminds it (e-mail) and, per Art. 17, may
send a written warning letter, recorded in the employer's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import Employer, Vacancy
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.market.models import ReportingReminder, WarningLetter

# How long an employer may go without reporting a vacancy before it is listed (configurable).
DEFAULT_MONTHS = int(getattr(settings, "REPORTING_DUTY_MONTHS", 6))
NO_VACANCY = "no_vacancy_report"
NO_FILL = "no_fill_report"


@dataclass
class Behind:
    employer: Employer
    last_report_at: object
    unfilled: int
    reasons: list[str]


def reason_text(code: str) -> str:
    return {
        NO_VACANCY: _("No vacancy reported in the last %(months)s months.")
        % {"months": DEFAULT_MONTHS},
        NO_FILL: _("Vacancies past their closing date without a report of the people hired."),
    }.get(code, code)


def _unfilled_q(today: date) -> Q:
    """Vacancies that ended without any filled report: expired ones with nobody hired, and
    published ones already past their closing date."""
    return Q(vacancies__status=Vacancy.Status.EXPIRED, vacancies__filled_count=0) | Q(
        vacancies__status=Vacancy.Status.PUBLISHED, vacancies__valid_to__lt=today
    )


def employers_behind(user, *, months: int = DEFAULT_MONTHS, today: date | None = None):
    """Verified employers of the user's region that are behind on their reporting duty."""
    today = today or timezone.localdate()
    since = timezone.now() - timedelta(days=round(months * 30.44))
    rows = (
        Employer.objects.visible_to(user)
        .verified()
        .filter(verified_at__lt=since)  # a company verified recently has had no time yet
        .annotate(
            last_report_at=Max("vacancies__submitted_at"),
            unfilled=Count("vacancies", filter=_unfilled_q(today), distinct=True),
        )
        .filter(Q(last_report_at__isnull=True) | Q(last_report_at__lt=since) | Q(unfilled__gt=0))
        .select_related("regency")
        .order_by("regency_id", "name")
    )
    result = []
    for employer in rows:
        reasons = []
        if employer.last_report_at is None or employer.last_report_at < since:
            reasons.append(NO_VACANCY)
        if employer.unfilled:
            reasons.append(NO_FILL)
        result.append(Behind(employer, employer.last_report_at, employer.unfilled, reasons))
    return result


def duty_counts(user, *, months: int = DEFAULT_MONTHS) -> dict[str, int]:
    """For the dashboard: employers behind, by reason."""
    behind = employers_behind(user, months=months)
    return {
        "total": len(behind),
        NO_VACANCY: sum(1 for b in behind if NO_VACANCY in b.reasons),
        NO_FILL: sum(1 for b in behind if NO_FILL in b.reasons),
    }


def _notify_employer_of_reporting_duty(employer: Employer, reasons: list[str]) -> None:
    """CALL POINT for the notification service (issue 14): until it lands, a plain e-mail."""
    lines = [reason_text(code) for code in reasons]
    subject = _("Your duty to report vacancies (Perpres 57/2023)")
    body = "\n".join(
        [
            _("Dear %(name)s,") % {"name": employer.contact_name},
            "",
            *lines,
            "",
            _(
                "Employers must report their vacancies and report again when they are filled "
                "(Perpres 57/2023 Art. 4-6). Please report them on AntarKerja."
            ),
        ]
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [employer.contact_email])


@transaction.atomic
def remind_employer(*, employer: Employer, reasons: list[str], by: User | None) -> bool:
    """Remind an employer of its duty (at most once a day); False when already reminded today."""
    try:
        with transaction.atomic():
            ReportingReminder.objects.create(employer=employer, sent_by=by, reasons=reasons)
    except IntegrityError:
        return False
    audit(actor=by, action="change", obj=employer, event="reporting_reminder", reasons=reasons)
    transaction.on_commit(lambda: _notify_employer_of_reporting_duty(employer, reasons))
    return True


@transaction.atomic
def issue_warning_letter(
    *, employer: Employer, reasons: list[str], by: User, office_name: str, office_code: str
) -> WarningLetter:
    """Issue the written warning of Perpres 57/2023 Art. 17, recorded in the employer's file."""
    if not reasons:
        raise ValueError("A warning letter needs a reason.")
    today = timezone.localdate()
    count = WarningLetter.objects.filter(issued_on__year=today.year).count() + 1
    code = (office_code or "00").replace(".", "")
    letter = WarningLetter.objects.create(
        employer=employer,
        number=f"SP/{code}/{today.year}/{count:05d}-{employer.pk}",
        issued_on=today,
        issued_by=by,
        office_name=office_name,
        reasons=reasons,
    )
    audit(actor=by, action="create", obj=letter, employer=employer.pk, reasons=reasons)
    return letter

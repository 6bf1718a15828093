"""The employers' duty to report vacancies and their filling (Perpres 57/2023 Art. 4-6, 17).

An employer is behind when it reported no vacancy in the last N months, or when a vacancy passed
its closing date without a filled report. The office reminds it (a notice to the company's users
through the notification service, a plain e-mail to a company without users; also monthly for
every employer behind) and, per Art. 17, may send a written warning letter, recorded in the
employer's file and announced the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import Employer, Vacancy
from employers.services import company_users
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.market.models import ReportingReminder, WarningLetter
from placement.notifications.services import notify

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
    """Verified employers of the user's region that are behind on their reporting duty (every
    region's when `user` is None: the monthly reminder task)."""
    today = today or timezone.localdate()
    since = timezone.now() - timedelta(days=round(months * 30.44))
    employers = Employer.objects.visible_to(user) if user is not None else Employer.objects.all()
    rows = (
        employers.verified()
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


def _email_without_account(employer: Employer, reasons: list[str]) -> None:
    """A company with no user account (e.g. listed from a job board) can only be reached at its
    contact address: a plain e-mail, since `notify()` tells users."""
    if not employer.contact_email:
        return
    lines = [reason_text(code) for code in reasons]
    subject = _("Your duty to report vacancies (Perpres 57/2023)")
    body = "\n".join(
        [
            _("Dear %(name)s,") % {"name": employer.contact_name or employer.name},
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


def _tell_employer(employer: Employer, reasons: list[str], *, event: str, key: str, **context):
    """The company's users get the notice (inbox and e-mail, through the notification service);
    a company without users gets the plain e-mail after commit."""
    users = company_users(employer)
    if not users:
        transaction.on_commit(lambda: _email_without_account(employer, reasons))
        return
    notify(
        users=users,
        event=event,
        key=key,
        context={
            "company": employer.name,
            "reasons": " ".join(reason_text(code) for code in reasons),
            **context,
        },
        link=reverse("employers:vacancy_new"),
    )


@transaction.atomic
def remind_employer(*, employer: Employer, reasons: list[str], by: User | None) -> bool:
    """Remind an employer of its duty (at most once a day); False when already reminded today."""
    try:
        with transaction.atomic():
            ReportingReminder.objects.create(employer=employer, sent_by=by, reasons=reasons)
    except IntegrityError:
        return False
    audit(actor=by, action="change", obj=employer, event="reporting_reminder", reasons=reasons)
    _tell_employer(
        employer,
        reasons,
        event="employer.reporting_reminder",
        key=f"{timezone.localdate():%Y%m%d}",
    )
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
    _tell_employer(
        employer,
        reasons,
        event="employer.warning_letter",
        key=letter.number,
        number=letter.number,
        office=office_name,
    )
    return letter


def remind_all_behind(*, months: int = DEFAULT_MONTHS) -> int:
    """The monthly reminder of every employer behind on its duty (each at most once a day);
    returns how many were reminded."""
    return sum(
        remind_employer(employer=row.employer, reasons=row.reasons, by=None)
        for row in employers_behind(None, months=months)
    )

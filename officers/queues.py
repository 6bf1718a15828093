"""The officer's work queues, as querysets: the dashboard counts them and the lists show them, so
a count and its list always agree.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from employers.models import Vacancy, open_vacancy
from jobseekers.models import JobSeeker
from officers.models import Action
from placement.pipeline.models import FollowUp, Referral

REPORT_DUE_DAYS = 14  # the six-monthly report falls due within two weeks (or is overdue)
DEADLINE_DAYS = 14  # a vacancy closes within two weeks
STALE_REFERRAL_DAYS = 14  # a referral has had no outcome for two weeks
EXPIRING_DAYS = 30  # an AK/I card expires within 30 days


def report_due(seekers: QuerySet[JobSeeker], today: date) -> QuerySet[JobSeeker]:
    """Active seekers whose six-monthly report is due within two weeks (or overdue)."""
    return seekers.filter(
        status=JobSeeker.Status.ACTIVE, next_report_on__lte=today + timedelta(REPORT_DUE_DAYS)
    )


def cards_expiring(seekers: QuerySet[JobSeeker], today: date) -> QuerySet[JobSeeker]:
    """Active seekers whose card expires within 30 days."""
    return seekers.filter(
        status=JobSeeker.Status.ACTIVE, expires_on__lte=today + timedelta(EXPIRING_DAYS)
    )


def live_referral_exists() -> Exists:
    return Exists(
        Referral.objects.filter(vacancy=OuterRef("pk")).exclude(status=Referral.Status.WITHDRAWN)
    )


def closing_without_referral(vacancies: QuerySet[Vacancy], today: date) -> QuerySet[Vacancy]:
    """Open vacancies closing within two weeks that nobody has been referred to yet."""
    return (
        vacancies.filter(open_vacancy(today))
        .filter(valid_to__lte=today + timedelta(DEADLINE_DAYS))
        .exclude(live_referral_exists())
    )


def stale_referrals(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    """Referrals sent more than two weeks ago that still have no outcome."""
    cutoff = timezone.now() - timedelta(STALE_REFERRAL_DAYS)
    return referrals.filter(status__in=Referral.AWAITING_STATUSES, referred_at__lt=cutoff)


def actions_due(actions: QuerySet[Action], today: date) -> QuerySet[Action]:
    """Agreed actions not done yet and due today or earlier."""
    return actions.filter(done_on__isnull=True, due_on__lte=today)


def follow_ups_due(follow_ups: QuerySet[FollowUp], today: date) -> QuerySet[FollowUp]:
    """Placement follow-ups not done yet and due today or earlier."""
    return follow_ups.filter(done_on__isnull=True, due_on__lte=today)


def capped_count(queryset: QuerySet, cap: int = 1000) -> tuple[int, bool]:
    """Count at most `cap` rows (a bounded query): (count, whether there are more)."""
    n = queryset.order_by()[: cap + 1].count()
    return min(n, cap), n > cap

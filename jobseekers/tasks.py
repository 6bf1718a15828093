"""Background jobs of the jobseekers app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from datetime import date, timedelta

from celery import shared_task
from django.utils import timezone

from jobseekers import services
from jobseekers.models import JobSeeker
from placement.notifications.services import notify


@shared_task(name="jobseekers.tasks.expire_lapsed_seekers", acks_late=True)
def expire_lapsed_seekers(on: str | None = None) -> int:
    """Nightly: mark seekers who missed a report or whose card expired as removed (dihapuskan).

    Idempotent: only active seekers are touched, so a rerun the same night removes nobody twice.
    """

    day = date.fromisoformat(on) if on else timezone.localdate()
    return services.expire_lapsed_seekers(on=day)


REPORT_REMINDER_DAYS = 14


@shared_task(name="jobseekers.tasks.remind_report_due", acks_late=True)
def remind_report_due(on: str | None = None) -> int:
    """Daily: tell seekers whose six-monthly report is due in 14 days (once per due date)."""

    day = date.fromisoformat(on) if on else timezone.localdate()
    due = day + timedelta(days=REPORT_REMINDER_DAYS)
    told = 0
    seekers = JobSeeker.objects.filter(
        status=JobSeeker.Status.ACTIVE, next_report_on=due, user__isnull=False
    ).select_related("user")
    for seeker in seekers.iterator(chunk_size=500):
        told += len(
            notify(
                users=[seeker.user],
                event="seeker.report_due",
                key=f"{seeker.pk}:{due:%Y%m%d}",
                context={"date": due},
                link="/seeker/report/",
            )
        )
    return told

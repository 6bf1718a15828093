"""Background jobs of the jobseekers app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from jobseekers import services


@shared_task(name="jobseekers.tasks.expire_lapsed_seekers", acks_late=True)
def expire_lapsed_seekers(on: str | None = None) -> int:
    """Nightly: mark seekers who missed a report or whose card expired as removed (dihapuskan).

    Idempotent: only active seekers are touched, so a rerun the same night removes nobody twice.
    """
    from datetime import date

    day = date.fromisoformat(on) if on else timezone.localdate()
    return services.expire_lapsed_seekers(on=day)

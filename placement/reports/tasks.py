"""Background jobs of the reports (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task

from placement.reports import services


@shared_task(name="placement.reports.tasks.build_monthly_reports", acks_late=True)
def build_monthly_reports(month: str | None = None) -> int:
    """Monthly, 1st at 02:00: build and store last month's IPK tables for every office.

    Idempotent: a rerun (a second beat, a redelivered message) replaces the month's rows.
    `month` ("YYYY-MM") rebuilds another completed month.
    """
    target = services.parse_month(month) if month else services.previous_month()
    return services.build_month(month=target)

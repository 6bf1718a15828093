"""Background jobs of the privacy desk (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from datetime import date

from celery import shared_task

from placement.privacy import retention, services


@shared_task(name="placement.privacy.tasks.remind_deadlines", acks_late=True)
def remind_deadlines() -> int:
    """Hourly: tell the privacy officers about requests and breach notices due within a day and
    about overdue ones (each once per stage)."""
    return services.remind_deadlines()


@shared_task(name="placement.privacy.tasks.apply_retention", acks_late=True)
def apply_retention(on: str | None = None) -> dict[str, int]:
    """Nightly: delete what the retention periods no longer allow (idempotent)."""
    report = retention.apply_retention(on=date.fromisoformat(on) if on else None)
    return {
        "files": report.files,
        "anonymised": len(report.anonymised),
        "read_audit_rows": report.read_audit_rows,
    }

"""Background work of the notifications: the e-mails, retried when the mail server fails."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task

from placement.notifications import services


@shared_task(
    name="placement.notifications.tasks.send_notification_email",
    autoretry_for=(SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=8,
)
def send_notification_email(notification_id: int) -> bool:
    """E-mail one notice (at most once; a retry after a failure sends it then)."""
    return services.send_email(notification_id=notification_id)

"""Background work of the officers' area: the daily digest of queues (opt-in)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone, translation

from officers import dashboard
from placement.notifications.models import Preference
from placement.notifications.services import notify
from placement.offices.models import Officer


@shared_task(name="officers.tasks.daily_queue_digest", acks_late=True)
def daily_queue_digest() -> int:
    """Daily: each officer who asked for it gets the counts of their queues (once a day)."""

    today = timezone.localdate()
    wanted = Preference.objects.filter(daily_digest=True, user__is_active=True).values("user_id")
    told = 0
    for officer in Officer.objects.filter(user_id__in=wanted).select_related("user", "office"):
        language = getattr(officer.user.notification_preference, "language", "id")
        with translation.override(language):
            board = dashboard.build(officer.user, officer, today)
            lines = [f"{queue.label}: {queue.count}" for queue in board.queues if queue.count]
        if not lines:
            continue
        told += len(
            notify(
                users=[officer.user],
                event="officer.daily_digest",
                key=f"{today:%Y%m%d}",
                context={"summary": "; ".join(lines)},
                link="/officer/",
            )
        )
    return told

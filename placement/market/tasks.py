"""Background jobs of the market desk (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task

from placement.market import compliance


@shared_task(name="placement.market.tasks.remind_employers_behind", acks_late=True)
def remind_employers_behind() -> int:
    """Monthly: remind every employer behind on its duty to report vacancies and fills (Perpres
    57/2023 Art. 4-6); each is reminded at most once a day, so a retry sends nothing twice."""
    return compliance.remind_all_behind()

"""Celery tasks of the nightly match: they load ids and call the services, and own the retries."""

from __future__ import annotations

from datetime import date

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from jobseekers.models import JobSeeker
from placement.matching import queries, services
from placement.matching.priority import MatchingTask
from placement.notifications.services import notify

# A lost database connection (restart, terminated backend) is worth another try.
RETRY = {"autoretry_for": (OperationalError, InterfaceError), "retry_backoff": 5, "max_retries": 3}


def _dispatch(run_id: int, number: int) -> None:
    match_unit.delay(run_id, number)


@shared_task(base=MatchingTask, **RETRY)
def nightly_matching(run_on: str | None = None, province: str = "", force: bool = False) -> dict:
    """Start the date's run (01:00 by beat); a second start of the same date does nothing."""
    day = date.fromisoformat(run_on) if run_on else timezone.localdate()
    run = services.start_run(run_on=day, province=province, force=force, dispatch=_dispatch)
    return {"run": run.pk, "status": run.status, "units": run.units_total}


@shared_task(bind=True, base=MatchingTask, **RETRY)
def match_unit(self, run_id: int, number: int) -> bool:
    """Score one work unit of a run; a unit another connection holds is tried again shortly
    (for about four minutes: a duplicate delivery ends once the holder finishes the unit)."""
    try:
        return services.run_unit(run_id=run_id, number=number)
    except services.UnitBusy as busy:
        raise self.retry(
            exc=busy, countdown=min(2 + 2 * self.request.retries, 15), max_retries=20
        ) from busy


@shared_task(base=MatchingTask, **RETRY)
def finalize_matching(run_id: int) -> bool:
    """Merge, explain, store and summarise a run whose units are all done."""
    return services.finalize_run(run_id=run_id)


@shared_task
def reconcile_runs() -> dict:
    """Re-queue units whose message or worker was lost; restart a dead finalisation."""
    return services.reconcile(
        dispatch=_dispatch, finalize=lambda run_id: finalize_matching.delay(run_id)
    )


@shared_task(base=MatchingTask, **RETRY)
def rescore_vacancy(vacancy_id: int) -> int:
    """Rescore a vacancy just verified or changed (its candidates appear within a minute)."""
    return services.rescore_vacancy(vacancy_id=vacancy_id)


@shared_task(base=MatchingTask, **RETRY)
def rescore_seeker(seeker_id: int) -> int:
    """Rescore a seeker whose skills or preferences changed, or who was just verified."""
    return services.rescore_seeker(seeker_id=seeker_id)


STRONG_SCORE = 70.0  # a recommendation worth an e-mail


@shared_task(name="placement.matching.tasks.weekly_recommendations", acks_late=True)
def weekly_recommendations() -> int:
    """Weekly: tell each active seeker (who did not opt out) of their strong recommendations."""

    week = timezone.localdate().strftime("%G-W%V")
    told = 0
    seekers = JobSeeker.objects.active().filter(user__isnull=False).select_related("user")
    for seeker in seekers.iterator(chunk_size=500):
        strong = [
            m for m in queries.seeker_recommendations(seeker.pk, 5) if m.score >= STRONG_SCORE
        ]
        if not strong:
            continue
        told += len(
            notify(
                users=[seeker.user],
                event="seeker.recommendations",
                key=week,
                context={
                    "count": len(strong),
                    "titles": ", ".join(m.vacancy.title for m in strong),
                },
                link="/seeker/recommendations/",
            )
        )
    return told

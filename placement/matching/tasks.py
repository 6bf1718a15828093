"""Celery tasks of the nightly match: they load ids and call the services, and own the retries."""

from __future__ import annotations

from datetime import date

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from placement.matching import services

# A lost database connection (restart, terminated backend) is worth another try.
RETRY = {"autoretry_for": (OperationalError, InterfaceError), "retry_backoff": 5, "max_retries": 3}


def _dispatch(run_id: int, number: int) -> None:
    match_unit.delay(run_id, number)


@shared_task(**RETRY)
def nightly_matching(run_on: str | None = None, province: str = "", force: bool = False) -> dict:
    """Start the date's run (01:00 by beat); a second start of the same date does nothing."""
    day = date.fromisoformat(run_on) if run_on else timezone.localdate()
    run = services.start_run(run_on=day, province=province, force=force, dispatch=_dispatch)
    return {"run": run.pk, "status": run.status, "units": run.units_total}


@shared_task(**RETRY)
def match_unit(run_id: int, number: int) -> bool:
    """Score one work unit of a run."""
    return services.run_unit(run_id=run_id, number=number)


@shared_task(**RETRY)
def finalize_matching(run_id: int) -> bool:
    """Merge, explain, store and summarise a run whose units are all done."""
    return services.finalize_run(run_id=run_id)


@shared_task
def reconcile_runs() -> dict:
    """Re-queue units whose message or worker was lost; restart a dead finalisation."""
    return services.reconcile(
        dispatch=_dispatch, finalize=lambda run_id: finalize_matching.delay(run_id)
    )


@shared_task(**RETRY)
def rescore_vacancy(vacancy_id: int) -> int:
    """Rescore a vacancy just verified or changed (its candidates appear within a minute)."""
    return services.rescore_vacancy(vacancy_id=vacancy_id)


@shared_task(**RETRY)
def rescore_seeker(seeker_id: int) -> int:
    """Rescore a seeker whose skills or preferences changed, or who was just verified."""
    return services.rescore_seeker(seeker_id=seeker_id)

"""Background work of the employers app: load by primary key, call a service."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from employers import imports, services
from employers.models import ImportRun


@shared_task(name="employers.tasks.expire_vacancies")
def expire_vacancies() -> int:
    """Nightly: published vacancies past their closing date expire (open positions removed), and
    vacancies abroad whose SIP2MI lapsed are closed."""
    expired = services.expire_vacancies()
    return expired + len(services.close_lapsed_overseas_vacancies())


@shared_task(
    name="employers.tasks.run_import",
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    max_retries=3,
)
def run_import(run_pk: int) -> str:
    """Run one uploaded import (employers or vacancies); an interrupted one starts again."""
    run = ImportRun.objects.select_related("uploaded_by").filter(pk=run_pk).first()
    if run is None or run.status not in (ImportRun.Status.PENDING, ImportRun.Status.RUNNING):
        return "skipped"
    return imports.run_import(run).status

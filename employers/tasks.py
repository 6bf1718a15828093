"""Background work of the employers app: load by primary key, call a service."""

from __future__ import annotations

from celery import shared_task
from django.db import IntegrityError, InterfaceError, OperationalError

from employers import import_chunks, import_review, imports, services
from employers.models import ImportRun
from placement.accounts.models import User


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
    if import_chunks.start_chunks(run):
        return "split"  # a large file: its parts run as tasks of their own
    return imports.run_import(run).status


@shared_task(
    name="employers.tasks.run_import_chunk",
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError, IntegrityError),
    retry_backoff=2,
    max_retries=5,
)
def run_import_chunk(chunk_pk: int) -> str:
    """Run one part of a large import; the last part to end completes the run."""
    return import_chunks.run_chunk(chunk_pk)


@shared_task(name="employers.tasks.publish_import", acks_late=True)
def publish_import(run_pk: int, user_pk: int) -> dict:
    """Publish the whole file an officer chose to publish (each vacancy rescored)."""
    run = ImportRun.objects.filter(pk=run_pk).first()
    user = User.objects.filter(pk=user_pk).first()
    if run is None or user is None:
        return {"published": 0, "held": 0}
    return import_review.publish_import(run=run, by=user)


@shared_task(name="employers.tasks.resume_imports")
def resume_imports() -> dict:
    """Every ten minutes: imports and parts whose message was lost are queued again."""
    whole, parts = import_chunks.resume_stalled()
    for pk in whole:
        run_import.delay(pk)
    for pk in parts:
        run_import_chunk.delay(pk)
    return {"runs": len(whole), "parts": len(parts)}

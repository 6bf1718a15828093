"""Background work of the pipeline: load by primary key, call a service."""

from __future__ import annotations

from celery import shared_task

from placement.pipeline import services
from placement.pipeline.models import Referral


@shared_task(
    name="placement.pipeline.tasks.notify_employer_of_referral",
    autoretry_for=(OSError,),
    retry_backoff=60,
    max_retries=5,
)
def notify_employer_of_referral(referral_pk: int, base_url: str = "") -> int:
    """E-mail the employer about a referred candidate (once; retried when the mail server fails)."""
    referral = Referral.objects.filter(pk=referral_pk).first()
    if referral is None:
        return 0
    return services.notify_employer(referral=referral, base_url=base_url)

"""Background work of the pipeline: load by primary key, call a service."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.urls import reverse
from django.utils import timezone

from employers.services import company_users
from placement.notifications.services import notify
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


OUTCOME_DUE_DAYS = 14


@shared_task(name="placement.pipeline.tasks.remind_outcome_due", acks_late=True)
def remind_outcome_due() -> int:
    """Daily: ask employers for the result of referrals sent two weeks ago (once per referral)."""

    cutoff = timezone.now() - timedelta(days=OUTCOME_DUE_DAYS)
    waiting = Referral.objects.filter(
        status__in=Referral.AWAITING_STATUSES, referred_at__lt=cutoff
    ).select_related("seeker", "vacancy", "vacancy__employer")
    told = 0
    for referral in waiting.iterator(chunk_size=200):
        told += len(
            notify(
                users=company_users(referral.vacancy.employer),
                event="employer.outcome_due",
                key=str(referral.pk),
                context={
                    "name": referral.seeker.full_name,
                    "title": referral.vacancy.title,
                    "date": referral.referred_at,
                },
                link=reverse("employers:referral_detail", args=[referral.pk]),
            )
        )
    return told

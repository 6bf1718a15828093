"""After an import: the officer's review queue (confirm, or pick among the coder's suggestions,
which teaches the alias tables), publishing a whole file, and merging job-board employers that
turn out to be the same company."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from employers import services
from employers.models import Employer, ImportRun, Vacancy
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.accounts.scope import region_scope


def review_queue(user):
    """Imported vacancies whose coding waits for the officer, in the officer's region."""
    return (
        Vacancy.objects.in_scope(region_scope(user))
        .filter(needs_review=True)
        .select_related("employer", "occupation", "regency")
        .order_by("title", "id")
    )


@transaction.atomic
def confirm_review(*, vacancy_ids: list[int], by: User) -> int:
    """The officer confirms the coding of these vacancies (several at once): out of review."""
    chosen = list(review_queue(by).filter(pk__in=vacancy_ids).select_related(None).only("pk"))
    Vacancy.objects.filter(pk__in=[v.pk for v in chosen]).update(
        needs_review=False, updated_at=timezone.now()
    )
    for vacancy in chosen:
        audit(actor=by, action="update", obj=vacancy, review="confirmed")
    return len(chosen)


def publishable(run: ImportRun):
    """The run's vacancies an officer may publish at once: waiting for verification, coding
    confirmed (not in review), of a verified company."""
    return Vacancy.objects.filter(
        import_run=run,
        status=Vacancy.Status.SUBMITTED,
        needs_review=False,
        employer__status=Employer.Status.VERIFIED,
    )


def publish_import(*, run: ImportRun, by: User) -> dict:
    """The officer chose to publish the whole file: every publishable vacancy is published
    through the usual service (counted, audited, rescored at once); {"published", "held"}."""
    published = 0
    for vacancy in publishable(run).in_scope(region_scope(by)).only("pk").iterator():
        try:
            services.publish_vacancy(vacancy=vacancy, by=by, via="import")
        except services.VacancyRefused:
            continue  # still waiting: counted below
        else:
            published += 1
    waiting = Vacancy.objects.filter(import_run=run, status=Vacancy.Status.SUBMITTED).count()
    audit(actor=by, action="update", obj=run, event="published", published=published)
    return {"published": published, "held": waiting}

"""Rescore soon after a change, once the change is committed (on-demand matching).

The seekers' and employers' services announce their changes (`jobseekers.signals`,
`employers.signals`); `MatchingConfig.ready` connects these receivers, so the ties run downward.
The work runs in a Celery task (in-process without Redis).
"""

from __future__ import annotations

from django.db import transaction

from jobseekers.models import JobSeeker
from placement.matching.tasks import rescore_seeker, rescore_vacancy

# Profile fields whose change alters a seeker's matches.
SEEKER_MATCH_FIELDS = frozenset(
    {
        "skills",
        "preferred_occupations",
        "education_level",
        "experience_months",
        "expected_wage",
        "relocation",
        "regency",
        "birth_date",
        "sex",
        "licences",
        "languages",
        "certificates",
    }
)


def rescore_vacancy_soon(vacancy_id: int) -> None:
    """Rescore this vacancy after the current transaction commits."""
    transaction.on_commit(lambda: rescore_vacancy.delay(vacancy_id))


def rescore_seeker_soon(seeker_id: int) -> None:
    """Rescore this seeker after the current transaction commits."""
    transaction.on_commit(lambda: rescore_seeker.delay(seeker_id))


def on_vacancy_published(*, vacancy, **_kwargs) -> None:
    rescore_vacancy_soon(vacancy.pk)  # candidates within a minute, not the next night


def on_seeker_verified(*, seeker, **_kwargs) -> None:
    rescore_seeker_soon(seeker.pk)  # recommendations within a minute, not the next night


def on_seeker_profile_changed(*, seeker, fields, **_kwargs) -> None:
    if seeker.status == JobSeeker.Status.ACTIVE and SEEKER_MATCH_FIELDS & fields:
        rescore_seeker_soon(seeker.pk)  # new skills or wishes: new recommendations at once

"""Ask for a quick rescoring after a change, once the change is committed (on-demand matching).

Services of other apps call these; the work runs in a Celery task (in-process without Redis).
"""

from __future__ import annotations

from django.db import transaction

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
    }
)


def rescore_vacancy_soon(vacancy_id: int) -> None:
    """Rescore this vacancy after the current transaction commits."""
    # Celery cycle: the tasks import the matching services, which import the apps that call us.
    from placement.matching.tasks import rescore_vacancy

    transaction.on_commit(lambda: rescore_vacancy.delay(vacancy_id))


def rescore_seeker_soon(seeker_id: int) -> None:
    """Rescore this seeker after the current transaction commits."""
    from placement.matching.tasks import rescore_seeker  # Celery cycle (see above)

    transaction.on_commit(lambda: rescore_seeker.delay(seeker_id))

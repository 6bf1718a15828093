"""What each audience may see of the latest night's matches (scoped, in few queries)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from employers.models import Vacancy
from jobseekers.models import Consent, JobSeeker
from placement.accounts.scope import region_scope
from placement.matching.models import Match, MatchRun


def min_score() -> float:
    """The score (percent) below which a pair is not listed (settings MATCHING["MIN_SCORE"])."""
    return float(settings.MATCHING.get("MIN_SCORE", 0))


def seeker_recommendations(seeker_id: int, limit: int = 20) -> list[Match]:
    """The seeker's ranked vacancies that are open today or published to open later."""

    open_ids = Vacancy.objects.referable().filter(pk=OuterRef("vacancy_id"))
    return list(
        Match.objects.for_seeker(seeker_id)
        .filter(Exists(open_ids), score__gte=min_score())
        .select_related(
            "vacancy", "vacancy__employer", "vacancy__regency", "vacancy__min_education"
        )[:limit]
    )


def vacancy_candidates(vacancy_id: int, *, for_employer: bool, limit: int = 50) -> list[Match]:
    """The vacancy's ranked candidates who are still active; employers only see consenting ones."""

    candidates: QuerySet = Match.objects.for_vacancy(vacancy_id).filter(
        Exists(JobSeeker.objects.active().filter(pk=OuterRef("seeker_id"))),
        score__gte=min_score(),
    )
    if for_employer:
        consented = Consent.objects.filter(
            seeker_id=OuterRef("seeker_id"), withdrawn_at__isnull=True
        )
        candidates = candidates.filter(Exists(consented))
    return list(
        candidates.select_related(
            "vacancy", "seeker", "seeker__regency", "seeker__education_level", "seeker__office"
        )[:limit]
    )


def match_score(seeker_id: int, vacancy_id: int) -> float | None:
    """The score of the latest night's match of this seeker and vacancy, if they were matched."""
    return (
        Match.objects.filter(seeker_id=seeker_id, vacancy_id=vacancy_id)
        .values_list("score", flat=True)
        .first()
    )


def latest_run() -> MatchRun | None:
    """The run whose results the pages show: the last one that succeeded."""
    return (
        MatchRun.objects.filter(status=MatchRun.Status.SUCCEEDED)
        .order_by("-finished_at", "-pk")
        .first()
    )


def runs_visible_to(user) -> QuerySet:
    """The runs an office may follow: the national runs and those of its own province; the
    national administrator sees every run."""

    scope = region_scope(user)
    runs = MatchRun.objects.order_by("-run_on", "province")
    if scope.everything:
        return runs
    if scope.is_empty:
        return runs.none()
    provinces = set(scope.province_codes) | {code.split(".")[0] for code in scope.regency_codes}
    return runs.filter(province__in=["", *sorted(provinces)])


def may_start_run(user, province: str) -> bool:
    """The national administrator starts any run; a supervisor only their own province's."""

    scope = region_scope(user)
    if scope.everything:
        return True
    return bool(province) and province in scope.province_codes

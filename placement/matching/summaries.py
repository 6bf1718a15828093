"""Per-region figures built at the end of the nightly run, so no page aggregates a province or the
nation live (PERFORMANCE.md: a live national count scans millions of rows; a summary row is read in
a millisecond). Regencies are counted with one grouped query per figure; provinces and the nation
are sums of their regencies.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Max

from employers.search import open_vacancies_located
from jobseekers.models import JobSeeker
from placement.matching.models import Match, RegionSummary

NATION = "00"
WEAK_SCORE = 40.0  # a best candidate below this is a weak shortlist
WEAK_LIST_LENGTH = 5  # fewer candidates than this is a weak shortlist
WEAKEST_KEPT = 10


def build_summaries(*, built_on: date) -> int:
    """Rebuild every region's summary; returns the number of regions written."""

    data: dict[str, dict] = defaultdict(
        lambda: {
            "seekers_by_status": defaultdict(int),
            "active_by_education": defaultdict(int),
            "active_by_sex": defaultdict(int),
            "active_by_occupation_group": defaultdict(int),
            "vacancies_by_occupation_group": defaultdict(int),
            "reports_due_30_days": 0,
            "cards_expiring_30_days": 0,
            "seekers_with_recommendations": 0,
            "weakest_shortlists": [],
        }
    )
    seekers = JobSeeker.objects.exclude(regency=None)
    for row in seekers.values("regency_id", "status").annotate(n=Count("id")):
        data[row["regency_id"]]["seekers_by_status"][row["status"]] += row["n"]
    active = seekers.filter(status=JobSeeker.Status.ACTIVE)
    for row in active.values("regency_id", "education_level_id").annotate(n=Count("id")):
        key = row["education_level_id"] or "unknown"
        data[row["regency_id"]]["active_by_education"][key] += row["n"]
    for row in active.values("regency_id", "sex").annotate(n=Count("id")):
        data[row["regency_id"]]["active_by_sex"][row["sex"] or "unknown"] += row["n"]
    groups = (
        JobSeeker.preferred_occupations.through.objects.filter(
            jobseeker__status=JobSeeker.Status.ACTIVE
        )
        .exclude(jobseeker__regency=None)
        .values("jobseeker__regency_id", "occupation__code")
    )
    for row in groups.annotate(n=Count("jobseeker_id", distinct=True)):
        key = (row["jobseeker__regency_id"], row["occupation__code"][0])
        data[key[0]]["active_by_occupation_group"][key[1]] += row["n"]
    soon = built_on + timedelta(days=30)
    for row in active.filter(next_report_on__lte=soon).values("regency_id").annotate(n=Count("id")):
        data[row["regency_id"]]["reports_due_30_days"] = row["n"]
    for row in active.filter(expires_on__lte=soon).values("regency_id").annotate(n=Count("id")):
        data[row["regency_id"]]["cards_expiring_30_days"] = row["n"]
    for row in (
        active.filter(id__in=Match.objects.filter(rank_for_seeker=1).values("seeker_id"))
        .values("regency_id")
        .annotate(n=Count("id"))
    ):
        data[row["regency_id"]]["seekers_with_recommendations"] = row["n"]

    # Open vacancies are counted where the figures count them (employers.search): the work
    # location, else the company's regency. Their totals are not stored: every page reads them
    # live from `open_vacancies_by_region`, the one count.
    open_vacancies = open_vacancies_located(built_on).exclude(where=None)
    for row in open_vacancies.values("where", "occupation__code").annotate(n=Count("id")):
        data[row["where"]]["vacancies_by_occupation_group"][row["occupation__code"][0]] += row["n"]
    # Weakest shortlists: open vacancies whose best candidate is weak or whose list is short.
    shortlist = open_vacancies.values("id", "where", "title")
    strength = {
        row["vacancy_id"]: (row["best"] or 0.0, row["n"])
        for row in Match.objects.filter(rank_for_vacancy__gt=0)
        .values("vacancy_id")
        .annotate(best=Max("score"), n=Count("id"))
    }
    weak: dict[str, list] = defaultdict(list)
    for row in shortlist:
        best, n = strength.get(row["id"], (0.0, 0))
        if best < WEAK_SCORE or n < WEAK_LIST_LENGTH:
            weak[row["where"]].append(
                {"vacancy_id": row["id"], "title": row["title"], "best": round(best, 1), "n": n}
            )
    for code, rows in weak.items():
        rows.sort(key=lambda r: (r["n"], r["best"]))
        data[code]["weakest_shortlists"] = rows[:WEAKEST_KEPT]
        data[code]["weak_shortlists"] = len(rows)

    regions = _roll_up(data)
    with transaction.atomic():
        RegionSummary.objects.all().delete()
        RegionSummary.objects.bulk_create(
            [
                RegionSummary(region_code=code, built_on=built_on, data=d)
                for code, d in regions.items()
            ],
            batch_size=1000,
        )
    return len(regions)


def _plain(summary: dict) -> dict:
    return {k: dict(v) if isinstance(v, defaultdict) else v for k, v in summary.items()}


def _roll_up(regencies: dict[str, dict]) -> dict[str, dict]:
    """Regency summaries plus their provinces' and the nation's sums."""
    result = {code: _plain(summary) for code, summary in regencies.items()}
    totals: dict[str, dict] = {}
    for code, summary in result.items():
        for parent in (code.split(".")[0], NATION):
            total = totals.setdefault(parent, {})
            for key, value in summary.items():
                if isinstance(value, dict):
                    bucket = total.setdefault(key, {})
                    for sub, n in value.items():
                        bucket[sub] = bucket.get(sub, 0) + n
                elif isinstance(value, list):
                    merged = total.setdefault(key, []) + value
                    merged.sort(key=lambda r: (r["n"], r["best"]))
                    total[key] = merged[:WEAKEST_KEPT]
                else:
                    total[key] = total.get(key, 0) + value
    result.update(totals)
    return result

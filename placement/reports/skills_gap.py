"""Skills gap of a region from the latest matching run, for vocational schools (SMK) and training
centres (BLK): which skills open vacancies require, how often their best-matched seekers lack them,
and which occupations have the most open positions per suitable candidate.

Aggregates only (skills and occupations, never people). A region's figures are computed once per
matching run and day and cached: the run changes them, nothing else does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from employers.models import Vacancy, VacancySkill, positions_left
from jobseekers.models import Education
from placement.accounts.scope import EVERYTHING, RegionScope
from placement.matching.models import Match
from placement.matching.queries import latest_run
from placement.reports import ipk
from placement.reports.exports import Sheet
from placement.taxonomy.models import Occupation, Skill

BEST_MATCHES = 10  # a vacancy's top ten candidates are its "best-matched" seekers
GOOD_SCORE = 40.0  # below this a candidate is a weak match (the matching summaries' threshold)
TOP = 25
CACHE_SECONDS = 6 * 60 * 60


@dataclass
class SkillLine:
    skill_id: int
    label: str
    vacancies: int
    positions: int
    best_pairs: int
    missing: int

    @property
    def missing_share(self) -> float:
        return self.missing / self.best_pairs if self.best_pairs else 0.0

    @property
    def missing_percent(self) -> int:
        return round(100 * self.missing_share)


@dataclass
class OccupationLine:
    code: str
    title: str
    vacancies: int
    positions: int
    candidates: int

    @property
    def per_candidate(self) -> float | None:
        return round(self.positions / self.candidates, 1) if self.candidates else None


@dataclass
class SkillsGap:
    region_code: str
    run_on: date | None
    open_vacancies: int = 0
    open_positions: int = 0
    required: list[SkillLine] = field(default_factory=list)
    missing: list[SkillLine] = field(default_factory=list)
    occupations: list[OccupationLine] = field(default_factory=list)


def _scope(region_code: str) -> RegionScope:
    if region_code == ipk.NATION:
        return EVERYTHING
    if "." in region_code:
        return RegionScope(regency_codes=frozenset({region_code}))
    return RegionScope(province_codes=frozenset({region_code}))


def open_vacancies(region_code: str):
    """Published vacancies of the region with positions still open today."""

    return Vacancy.objects.open().in_scope(_scope(region_code)).with_positions_left()


def skills_gap(*, region_code: str, programme: str = "") -> SkillsGap:
    """The region's skills gap (cached per matching run and day), or one SMK programme's.

    With `programme` (a code of the SMK spectrum: bidang `1`, program `1.4` or kompetensi
    `1.4.2`), only seekers who studied it count: the vacancies they are best matched to, the
    skills those require and how often these graduates lack them. A school reads it per
    programme to see what its curriculum misses (link and match).
    """
    run = latest_run()
    day = timezone.localdate()
    key = (
        f"reports:skills-gap:{get_language()}:{region_code}:{programme}:"
        f"{run.pk if run else 0}:{day}"
    )
    result = cache.get(key)
    if result is None:
        result = _compute(region_code, run.run_on if run else None, programme)
        cache.set(key, result, CACHE_SECONDS)
    return result


def programme_seekers(programme: str):
    """Ids of seekers with an education row in SMK programme `programme` or below it."""
    return Education.objects.filter(
        Q(smk_programme__code=programme) | Q(smk_programme__code__startswith=f"{programme}.")
    ).values("seeker_id")


def _compute(region_code: str, run_on: date | None, programme: str = "") -> SkillsGap:
    vacancies = open_vacancies(region_code)
    if programme:
        graduates = programme_seekers(programme)
        matched = Match.objects.filter(
            seeker_id__in=graduates, rank_for_vacancy__gte=1, rank_for_vacancy__lte=BEST_MATCHES
        )
        vacancies = vacancies.filter(id__in=matched.values("vacancy_id"))
    totals = vacancies.aggregate(n=Count("id"), p=Sum("positions_left"))
    gap = SkillsGap(
        region_code=region_code,
        run_on=run_on,
        open_vacancies=totals["n"] or 0,
        open_positions=totals["p"] or 0,
    )
    if not gap.open_vacancies:
        return gap
    open_ids = vacancies.values("id")
    required = {
        row["skill_id"]: (row["n"], row["p"] or 0)
        for row in VacancySkill.objects.filter(vacancy_id__in=open_ids, is_required=True)
        .values("skill_id")
        .annotate(
            n=Count("vacancy_id"),
            p=Sum(positions_left("vacancy__")),
        )
    }
    best = Match.objects.filter(
        vacancy_id__in=open_ids, rank_for_vacancy__gte=1, rank_for_vacancy__lte=BEST_MATCHES
    )
    if programme:
        best = best.filter(seeker_id__in=graduates)
    # Best-matched pairs whose vacancy requires the skill: the denominator of "how often missing".
    pairs = {
        row["vacancy__skills__skill_id"]: row["n"]
        for row in best.filter(vacancy__skills__is_required=True)
        .values("vacancy__skills__skill_id")
        .annotate(n=Count("id"))
    }
    missing = _missing_counts(best)
    skill_ids = set(required) | set(missing)
    labels = {s.pk: s.label for s in Skill.objects.filter(pk__in=skill_ids)}
    lines = [
        SkillLine(
            skill_id=pk,
            label=labels.get(pk, str(pk)),
            vacancies=required.get(pk, (0, 0))[0],
            positions=required.get(pk, (0, 0))[1],
            best_pairs=pairs.get(pk, 0),
            missing=missing.get(pk, 0),
        )
        for pk in skill_ids
    ]
    gap.required = sorted(lines, key=lambda s: (-s.positions, -s.vacancies, s.label))[:TOP]
    gap.missing = sorted(
        (s for s in lines if s.missing),
        key=lambda s: (-s.missing, -s.missing_share, s.label),
    )[:TOP]

    by_unit: dict[str, list[int]] = {}
    for row in (
        vacancies.exclude(occupation=None)
        .annotate(unit=Substr("occupation__code", 1, 4))
        .values("unit")
        .annotate(n=Count("id"), p=Sum("positions_left"))
    ):
        by_unit[row["unit"]] = [row["n"], row["p"] or 0]
    candidates = {
        row["unit"]: row["n"]
        for row in Match.objects.filter(
            vacancy_id__in=open_ids, rank_for_vacancy__gt=0, score__gte=GOOD_SCORE
        )
        .filter(**({"seeker_id__in": graduates} if programme else {}))
        .annotate(unit=Substr("vacancy__occupation__code", 1, 4))
        .values("unit")
        .annotate(n=Count("seeker_id", distinct=True))
    }
    titles = dict(
        Occupation.objects.current()
        .filter(code__in=list(by_unit), level=4)
        .values_list("code", "title")
    )
    occupations = [
        OccupationLine(
            code=unit,
            title=titles.get(unit, unit),
            vacancies=n,
            positions=p,
            candidates=candidates.get(unit, 0),
        )
        for unit, (n, p) in by_unit.items()
    ]
    occupations.sort(
        key=lambda o: (
            o.candidates > 0,
            -(o.positions / o.candidates) if o.candidates else -o.positions,
            o.code,
        )
    )
    gap.occupations = occupations[:TOP]
    return gap


def _missing_counts(best) -> Counter:
    """How often each skill is missing among the best-matched pairs (unnested in PostgreSQL)."""
    counts: Counter = Counter()
    if connection.vendor == "postgresql":
        sql, params = best.values("missing_skills").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT s, COUNT(*) FROM ({sql}) b, unnest(b.missing_skills) s GROUP BY s",  # noqa: S608
                params,
            )
            counts.update(dict(cursor.fetchall()))
        return counts
    for skills in best.values_list("missing_skills", flat=True).iterator():
        counts.update(skills or [])
    return counts


def sheets(gap: SkillsGap, region_name: str) -> list[Sheet]:
    """The skills gap as export sheets."""
    return [
        Sheet(
            title=_("Skills required"),
            headers=[
                _("Skill"),
                _("Open vacancies requiring it"),
                _("Open positions requiring it"),
                _("Best-matched candidates (pairs)"),
                _("Candidates lacking it"),
                _("Share lacking it (%)"),
            ],
            rows=[
                [s.label, s.vacancies, s.positions, s.best_pairs, s.missing, s.missing_percent]
                for s in gap.required
            ],
        ),
        Sheet(
            title=_("Skills most often missing"),
            headers=[
                _("Skill"),
                _("Candidates lacking it"),
                _("Best-matched candidates (pairs)"),
                _("Share lacking it (%)"),
                _("Open vacancies requiring it"),
            ],
            rows=[
                [s.label, s.missing, s.best_pairs, s.missing_percent, s.vacancies]
                for s in gap.missing
            ],
        ),
        Sheet(
            title=_("Occupations short of candidates"),
            headers=[
                _("KBJI code"),
                _("Occupation"),
                _("Open vacancies"),
                _("Open positions"),
                _("Suitable candidates"),
                _("Open positions per candidate"),
            ],
            rows=[
                [o.code, o.title, o.vacancies, o.positions, o.candidates, o.per_candidate]
                for o in gap.occupations
            ],
        ),
        Sheet(
            title=_("About"),
            headers=[_("Region"), _("Matching run"), _("Notes")],
            rows=[
                [
                    region_name,
                    gap.run_on.isoformat() if gap.run_on else "",
                    _(
                        "Best-matched candidates: the top %(n)s of each open vacancy in the "
                        "latest matching run. Suitable candidate: a match score of %(score)s or "
                        "more. Aggregates only, no personal data."
                    )
                    % {"n": BEST_MATCHES, "score": int(GOOD_SCORE)},
                ]
            ],
        ),
    ]

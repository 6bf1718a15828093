"""Matching engine: score every admissible seeker-vacancy pair, keep the best K on both sides.

Pure numpy/scipy: arrays in, arrays out; no Django, no I/O (STYLE.md, "Matching code").

Score
-----
A pair is scored only if it passes the hard filters: the seeker's education is at least the
vacancy's minimum; the location is admissible (same regency always; same province if the seeker's
scope >= 1; anywhere in Indonesia if scope >= 2; an overseas vacancy only if scope == 3); and the
vacancy's age and sex limits, where it states them (0 = no limit). The score is
``100 * sum(w_c * component_c)`` in [0, 100], each component in [0, 1]:

- skills: IDF-weighted share of the vacancy's required skills the seeker holds, plus up to 0.25 for
  its optional skills (IDF-weighted share of them), clipped to 1. A vacancy listing only optional
  skills weighs them like required ones; a vacancy listing none scores 0 (no evidence).
  ``idf = ln((1 + n_seekers) / (1 + seekers_with_skill)) + 1``, rounded to 1/1000.
- occupation: the best KBJI prefix match over the seeker's four slots: 4 digits 1, 3 -> 0.75,
  2 -> 0.5, 1 -> 0.25, else 0. Codes are 4-digit integers ("0110" -> 110), so a prefix is an
  integer division by 10, 100, 1000.
- education: 1 when the seeker meets the minimum, minus 0.1 per level beyond two levels above it
  (heavy over-qualification often ends in early quits), never below 0.5.
- experience: min(1, seeker months / required months); 1 when nothing is required.
- location: same regency 1, same province 0.6, elsewhere in Indonesia 0.3, overseas vacancy 0.3.
- wage: 1 when the expectation is within the vacancy's maximum or either is unknown (0); beyond
  the maximum it falls linearly in the log of the ratio, reaching 0 at about 1.5x the maximum.
  Wages are compared on a 0.4 % log grid (``WAGE_GRID``), so the arithmetic stays integer (an
  expectation less than 0.4 % above the maximum can still count as within it).

Exactness: every component is an integer in 0..1000 and weights are rounded to 0.001, so a score is
an integer number of 1/10,000 points. Pairs compare by (score, then smaller id), so the fast engine
and the per-pair reference agree exactly, ties included.

How it is fast
--------------
Pairs are visited in blocks that are exactly admissible on location, each pair in exactly one:
(vacancies of regency r x scope-0 seekers of r), (vacancies of province p x scope-1 seekers of p),
(all domestic vacancies x every seeker who accepts anywhere, scope >= 2), (overseas vacancies x
scope-3 seekers). Within a block seekers are sorted by education and vacancies by minimum
education, so a chunk of seekers only meets the prefix of vacancies whose minimum it can pass.
Each tile (512 vacancies x 2,048 seekers, int32) is filled by row gathers from small per-chunk
tables (education + experience + age/sex per vacancy group, occupation per KBJI code, location per
regency), one broadcast wage term, and the sparse skill product ``vacancy_weights @ skills.T``
(clipped while still sparse, then added in place). The top K of both sides are kept with running
thresholds: only entries at or above a list's current K-th score are merged, and a list still
filling gets a valid bound from the tile itself (the smallest of K disjoint group maxima), so a
tile is never sorted. PERFORMANCE.md has the measured figures this is designed against;
benchmarks/bench_matching.py measures it.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TypeVar

import numpy as np
import scipy.sparse as sp

try:  # accumulates a CSR matrix into a dense array in place (toarray(out=) zero-fills first)
    from scipy.sparse._sparsetools import csr_todense as _csr_todense
except ImportError:  # pragma: no cover - scipy moved it; the fallback is slower, same result
    _csr_todense = None

COMPONENTS = ("skills", "occupation", "education", "experience", "location", "wage")

DEFAULT_WEIGHTS: dict[str, float] = {
    "skills": 0.40,  # what the employer asked for: the strongest evidence of fit
    "occupation": 0.20,  # the seeker's stated preferences and past jobs against the vacancy's KBJI
    "education": 0.10,  # the minimum is a hard filter; this only tempers over-qualification
    "experience": 0.10,  # months of experience against the months required
    "location": 0.10,  # closer is better even within what the seeker accepts
    "wage": 0.10,  # an expectation the vacancy cannot pay is a likely refusal
}

SCOPE_REGENCY, SCOPE_PROVINCE, SCOPE_NATIONAL, SCOPE_ABROAD = 0, 1, 2, 3

UNIT = 1000  # a component is an integer 0..UNIT; weights are integers 0..UNIT summing to UNIT
SCORE_DIVISOR = UNIT * UNIT // 100  # score points = units / 10,000: four exact decimals
MAX_UNITS = UNIT * UNIT
OPTIONAL_SKILL_SHARE = 250  # optional skills add at most 0.25 to the skills component
OCCUPATION_PER_DIGIT = 250  # each shared leading KBJI digit is worth 0.25
EDUCATION_SLACK = 2  # levels above the minimum before the over-qualification penalty starts
EDUCATION_STEP = 100  # penalty per level beyond the slack
EDUCATION_FLOOR = 500
LOCATION_SAME_REGENCY = 1000
LOCATION_SAME_PROVINCE = 600
LOCATION_ELSEWHERE = 300
LOCATION_OVERSEAS = 300
WAGE_GRID_RATIO = 1.004  # one wage step = 0.4 %
WAGE_STEPS_TO_ZERO = 100  # 1.004 ** 100 = 1.49: the wage fit reaches 0 at ~1.5x the maximum
WAGE_STEP = UNIT // WAGE_STEPS_TO_ZERO
WAGE_GRID = np.ceil(10_000 * WAGE_GRID_RATIO ** np.arange(4_200)).astype(np.int64)
IDF_SCALE = 1000

_EXCLUDED = -(1 << 28)  # added to a pair that fails a hard filter: below every threshold (>= 0)
_WAGE_UNKNOWN = 1 << 28
_SCORE_BITS = 20  # MAX_UNITS < 2 ** 20
_LIST_FIELDS = ("vacancy_index", "seeker_index", "score", "rank", "partner_order")
TILE_VACANCIES = 512
CHUNK_SEEKERS = 2048


# --------------------------------------------------------------------------------------------
# Inputs and outputs

_Arrays = TypeVar("_Arrays", "SeekerArrays", "VacancyArrays")


@dataclass(frozen=True)
class SeekerArrays:
    """Active seekers as parallel arrays (index i is one seeker)."""

    ids: np.ndarray  # int64 database ids, any order
    regency: np.ndarray  # int32 index of the home regency
    province: np.ndarray  # int32 index of the home province
    scope: np.ndarray  # int8: 0 same regency, 1 same province, 2 Indonesia, 3 also abroad
    education: np.ndarray  # int16 ordinal rank, higher = more
    experience_months: np.ndarray  # int32
    expected_wage: np.ndarray  # int64 rupiah per month, 0 = not stated
    age: np.ndarray  # int16 years
    sex: np.ndarray  # int8: 1 male, 2 female
    occupations: np.ndarray  # int16 (n, 4) KBJI unit-group codes ("0110" -> 110), -1 = empty
    skills: sp.spmatrix | sp.sparray  # (n, n_skills) binary CSR

    def __post_init__(self) -> None:
        """Check that every array describes the same seekers."""
        _check_lengths(self, len(self.ids), ("skills", "occupations"))
        if self.occupations.shape != (len(self.ids), 4):
            raise ValueError("occupations must have shape (n_seekers, 4)")
        if self.skills.shape[0] != len(self.ids):
            raise ValueError("skills must have one row per seeker")

    def __len__(self) -> int:
        """Number of seekers."""
        return len(self.ids)

    def take(self, index: np.ndarray) -> SeekerArrays:
        """The seekers at these positions, in this order."""
        return _take(self, np.asarray(index), ("skills",))


@dataclass(frozen=True)
class VacancyArrays:
    """Open, verified vacancies as parallel arrays (index j is one vacancy)."""

    ids: np.ndarray  # int64 database ids, any order
    regency: np.ndarray  # int32 index of the work regency
    province: np.ndarray  # int32 index of the work province
    is_overseas: np.ndarray  # bool: work abroad (AKAN); regency/province are then ignored
    min_education: np.ndarray  # int16 ordinal rank
    min_experience_months: np.ndarray  # int32
    wage_min: np.ndarray  # int64 rupiah per month, 0 = not stated
    wage_max: np.ndarray  # int64 rupiah per month, 0 = not stated
    age_min: np.ndarray  # int16, 0 = no limit
    age_max: np.ndarray  # int16, 0 = no limit
    sex: np.ndarray  # int8: 0 any, 1 male, 2 female
    occupation: np.ndarray  # int16 KBJI unit-group code, -1 = unknown
    required_skills: sp.spmatrix | sp.sparray  # (n, n_skills) binary CSR
    optional_skills: sp.spmatrix | sp.sparray  # (n, n_skills) binary CSR

    def __post_init__(self) -> None:
        """Check that every array describes the same vacancies."""
        _check_lengths(self, len(self.ids), ("required_skills", "optional_skills"))
        for name in ("required_skills", "optional_skills"):
            if getattr(self, name).shape[0] != len(self.ids):
                raise ValueError(f"{name} must have one row per vacancy")

    def __len__(self) -> int:
        """Number of vacancies."""
        return len(self.ids)

    def take(self, index: np.ndarray) -> VacancyArrays:
        """The vacancies at these positions, in this order."""
        return _take(self, np.asarray(index), ("required_skills", "optional_skills"))


@dataclass(frozen=True)
class TopK:
    """Ranked lists, one row per entry, sorted by list owner then rank.

    The owner is the vacancy on the vacancy side and the seeker on the seeker side.
    """

    vacancy_index: np.ndarray  # int32 position in VacancyArrays
    seeker_index: np.ndarray  # int32 position in SeekerArrays
    score: np.ndarray  # float32 points in [0, 100], four exact decimals
    rank: np.ndarray  # int16, 1-based within the owner's list
    partner_order: np.ndarray  # int32 rank of the partner's id: breaks ties when lists merge
    components: np.ndarray | None = None  # float32 (n, 6) in COMPONENTS order, or None

    def __len__(self) -> int:
        """Number of entries."""
        return len(self.score)


@dataclass(frozen=True)
class MatchStats:
    """What a run did and how evenly it spread the seekers over the vacancy lists."""

    seekers: int
    vacancies: int
    admissible_pairs: int  # pairs passing every hard filter (each scored exactly once)
    scored_pairs: int  # pairs computed: admissible ones plus those masked by age/sex/education
    eligible_seekers: int  # seekers with at least one admissible vacancy
    coverage: float  # share of eligible seekers that appear in at least one vacancy list
    exposure_gini: float  # Gini of vacancy-list appearances over eligible seekers (0 = even)
    top1pct_share: float  # share of vacancy-list slots held by the 1 % most-listed seekers
    max_appearances: int  # most vacancy lists any one seeker is in
    short_lists: int  # vacancies whose list is shorter than k (too few admissible seekers)
    cap_rounds: int  # re-ranking rounds the seeker cap needed (0 without a cap)


@dataclass(frozen=True)
class MatchResult:
    """Both sides of a run and its statistics."""

    vacancy_side: TopK  # top k_vacancy seekers per vacancy
    seeker_side: TopK  # top k_seeker vacancies per seeker
    stats: MatchStats


@dataclass(frozen=True)
class UnitResult:
    """One work unit: final vacancy lists and partial seeker lists (merge them across units)."""

    vacancy_side: TopK
    seeker_side: TopK  # partial: only this unit's vacancies
    admissible_pairs: int
    scored_pairs: int


@dataclass(frozen=True)
class WorkUnit:
    """Vacancies of one province (or overseas, province -1) matched together."""

    province: int
    vacancy_indices: np.ndarray  # int32
    admissible_pairs: int  # location + education admissible pairs (age/sex not deducted)


@dataclass(frozen=True)
class WorkTask:
    """Work units bin-packed into one task (one Celery task or one process)."""

    units: tuple[WorkUnit, ...]
    admissible_pairs: int

    @property
    def vacancy_indices(self) -> np.ndarray:
        """All vacancies of the task."""
        return np.concatenate([u.vacancy_indices for u in self.units]).astype(np.int32)


@dataclass(frozen=True)
class Explanations:
    """Per pair: which required skills matched, which are missing, which optional ones matched.

    Row i of each (n_pairs x n_skills) CSR matrix is pair i; its column indices are skills.
    """

    matched_required: sp.csr_matrix
    missing_required: sp.csr_matrix
    matched_optional: sp.csr_matrix

    def skills(self, pair: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Matched required, missing required and matched optional skill indices of one pair."""
        return tuple(_row(m, pair) for m in self._matrices())  # type: ignore[return-value]

    def _matrices(self) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
        """The three matrices in a fixed order."""
        return (self.matched_required, self.missing_required, self.matched_optional)


# --------------------------------------------------------------------------------------------
# Scoring definitions shared by the engine, the pair scorer and the reference


def weight_units(weights: Mapping[str, float]) -> np.ndarray:
    """Weights as integers summing to UNIT (largest remainder, ties to the earlier component)."""
    if set(weights) != set(COMPONENTS):
        raise ValueError(f"weights must have exactly the keys {COMPONENTS}")
    raw = np.array([float(weights[c]) for c in COMPONENTS])
    if (raw < 0).any() or abs(raw.sum() - 1.0) > 1e-6:
        raise ValueError("weights must be non-negative and sum to 1")
    scaled = raw * UNIT
    units = np.floor(scaled + 1e-9).astype(np.int64)
    short = UNIT - int(units.sum())
    order = np.lexsort((np.arange(len(raw)), -(scaled - units)))
    units[order[:short]] += 1
    return units


def skill_idf(skills: sp.spmatrix | sp.sparray, n_skills: int | None = None) -> np.ndarray:
    """Smoothed inverse document frequency of each skill over seekers, as integers x1000."""
    binary = _binary_csr(skills, n_skills)
    df = np.bincount(binary.indices, minlength=binary.shape[1])
    idf = np.log((1.0 + binary.shape[0]) / (1.0 + df)) + 1.0
    return np.rint(idf * IDF_SCALE).astype(np.int64)


def vacancy_skill_weights(
    required: sp.spmatrix | sp.sparray,
    optional: sp.spmatrix | sp.sparray,
    idf: np.ndarray,
) -> sp.csr_matrix:
    """Each vacancy's skill weights in component units: required sum to 1000, optional to 250.

    A skill's weight is its share of the list's IDF, distributed by cumulative flooring so a full
    match is exactly 1000: ``floor(B * C_k / T) - floor(B * C_(k-1) / T)`` over skills in index
    order (C cumulative IDF, T total, B the budget). Optional skills also listed as required count
    once, as required; a vacancy with only optional skills gives them the full budget.
    """
    n_skills = len(idf)
    req = _binary_csr(required, n_skills)
    opt = _binary_csr(optional, n_skills)
    req_keys = _pair_keys(req)
    opt_keys = _pair_keys(opt)
    opt = _csr_from_keys(opt_keys[~np.isin(opt_keys, req_keys)], opt.shape)
    has_required = np.diff(req.indptr) > 0
    budget_optional = np.where(has_required, OPTIONAL_SKILL_SHARE, UNIT)
    w_req = _cumulative_floor(req, idf, np.full(req.shape[0], UNIT))
    w_opt = _cumulative_floor(opt, idf, budget_optional)
    return (w_req + w_opt).tocsr().astype(np.int32)


def occupation_level(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Number of leading digits two 4-digit codes share (0..4); -1 shares nothing."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    # Prefixes are nested, so counting equal prefixes gives the longest shared one.
    level = (a // 1000 == b // 1000).astype(np.int64)
    level += a // 100 == b // 100
    level += a // 10 == b // 10
    level += a == b
    return np.where((a >= 0) & (b >= 0), level, 0)


def education_units(over: np.ndarray) -> np.ndarray:
    """Education component (0..1000) for levels above the minimum (>= 0)."""
    penalty = EDUCATION_STEP * np.maximum(np.asarray(over) - EDUCATION_SLACK, 0)
    return np.maximum(UNIT - penalty, EDUCATION_FLOOR)


def experience_units(months: np.ndarray, required: np.ndarray) -> np.ndarray:
    """Experience component (0..1000): min(1, months / required), 1 when nothing is required."""
    months = np.asarray(months, dtype=np.int64)
    required = np.asarray(required, dtype=np.int64)
    share = UNIT * np.minimum(months, required) // np.maximum(required, 1)
    return np.where(required > 0, share, UNIT)


def wage_step(wage: np.ndarray) -> np.ndarray:
    """Position of a wage on the 0.4 % log grid (unknown wages give -1)."""
    return np.searchsorted(WAGE_GRID, np.asarray(wage, dtype=np.int64), side="right") - 1


def wage_units(expected: np.ndarray, maximum: np.ndarray) -> np.ndarray:
    """Wage component (0..1000) of an expectation against a vacancy's maximum."""
    expected = np.asarray(expected)
    maximum = np.asarray(maximum)
    over = np.clip(wage_step(expected) - wage_step(maximum), 0, WAGE_STEPS_TO_ZERO)
    return np.where((expected > 0) & (maximum > 0), UNIT - WAGE_STEP * over, UNIT)


# --------------------------------------------------------------------------------------------
# Preparation: everything derived once per run (shared by all work units)


@dataclass(frozen=True)
class Prepared:
    """Arrays derived once per run from the inputs; pass it to match_units to skip the work."""

    seekers: SeekerArrays
    vacancies: VacancyArrays
    weights: np.ndarray  # int64 (6,) weight units
    idf: np.ndarray
    skills: sp.csr_matrix  # seekers x skills, int32 0/1
    vacancy_weights: sp.csr_matrix  # vacancies x skills, int32 units (x skills weight)
    vacancy_skill_units: sp.csr_matrix  # vacancies x skills, int32 component units (unweighted)
    seeker_order: np.ndarray  # int32 rank of each seeker id
    seeker_by_order: np.ndarray
    vacancy_order: np.ndarray  # int32 rank of each vacancy id
    vacancy_by_order: np.ndarray
    s_education: np.ndarray
    s_experience: np.ndarray
    s_wage: np.ndarray  # wage step x wage units per step, or -_WAGE_UNKNOWN
    s_age: np.ndarray
    s_sex: np.ndarray
    s_regency: np.ndarray
    s_province: np.ndarray
    s_slots: np.ndarray  # (n, 4) row of occupation_table per slot (last row = empty)
    v_education: np.ndarray
    v_experience: np.ndarray
    v_wage: np.ndarray  # wage step x wage units per step, or +_WAGE_UNKNOWN
    v_age_min: np.ndarray
    v_age_max: np.ndarray
    v_sex: np.ndarray
    v_code: np.ndarray  # column of occupation_table
    v_regency: np.ndarray
    v_province: np.ndarray
    v_overseas: np.ndarray
    occupation_table: np.ndarray  # int32 (seeker codes + 1, vacancy codes): occupation units
    pools: dict[str, tuple[np.ndarray, np.ndarray]]  # seekers sorted by (area, education), ptr
    n_regencies: int
    n_provinces: int


def prepare(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    idf: np.ndarray | None = None,
) -> Prepared:
    """Derive the run-wide arrays: ranks, weights, skill weights, occupation table, pools."""
    _validate(seekers, vacancies)
    w = weight_units(weights)
    n_skills = max(seekers.skills.shape[1], vacancies.required_skills.shape[1])
    n_skills = max(n_skills, vacancies.optional_skills.shape[1])
    skills = _binary_csr(seekers.skills, n_skills).astype(np.int32)
    if idf is None:
        idf = skill_idf(skills, n_skills)
    idf = np.asarray(idf, dtype=np.int64)
    skill_units = vacancy_skill_weights(vacancies.required_skills, vacancies.optional_skills, idf)
    skill_units.sort_indices()
    vacancy_weights = sp.csr_matrix(
        (skill_units.data * np.int32(w[0]), skill_units.indices, skill_units.indptr),
        shape=skill_units.shape,
    )
    seeker_order, seeker_by_order = _id_order(seekers.ids)
    vacancy_order, vacancy_by_order = _id_order(vacancies.ids)
    _, s_slots, v_codes, table = _occupation_table(
        seekers.occupations, vacancies.occupation, int(w[1])
    )
    step = WAGE_STEP * int(w[5])
    s_wage = np.where(
        seekers.expected_wage > 0, wage_step(seekers.expected_wage) * step, -_WAGE_UNKNOWN
    )
    v_wage = np.where(vacancies.wage_max > 0, wage_step(vacancies.wage_max) * step, _WAGE_UNKNOWN)
    regency = np.concatenate([seekers.regency, vacancies.regency, [0]])
    province = np.concatenate([seekers.province, vacancies.province, [0]])
    return Prepared(
        seekers=seekers,
        vacancies=vacancies,
        weights=w,
        idf=idf,
        skills=skills,
        vacancy_weights=vacancy_weights,
        vacancy_skill_units=skill_units,
        seeker_order=seeker_order,
        seeker_by_order=seeker_by_order,
        vacancy_order=vacancy_order,
        vacancy_by_order=vacancy_by_order,
        s_education=seekers.education.astype(np.int32),
        s_experience=seekers.experience_months.astype(np.int32),
        s_wage=s_wage.astype(np.int32),
        s_age=seekers.age.astype(np.int32),
        s_sex=seekers.sex.astype(np.int32),
        s_regency=seekers.regency.astype(np.int32),
        s_province=seekers.province.astype(np.int32),
        s_slots=s_slots,
        v_education=vacancies.min_education.astype(np.int32),
        v_experience=vacancies.min_experience_months.astype(np.int32),
        v_wage=v_wage.astype(np.int32),
        v_age_min=vacancies.age_min.astype(np.int32),
        v_age_max=vacancies.age_max.astype(np.int32),
        v_sex=vacancies.sex.astype(np.int32),
        v_code=v_codes,
        v_regency=vacancies.regency.astype(np.int32),
        v_province=vacancies.province.astype(np.int32),
        v_overseas=vacancies.is_overseas.astype(bool),
        occupation_table=table,
        pools=_pools(seekers),
        n_regencies=int(regency.max()) + 1,
        n_provinces=int(province.max()) + 1,
    )


def _validate(seekers: SeekerArrays, vacancies: VacancyArrays) -> None:
    """Refuse inputs the blocks cannot place (the Django extract must map every code)."""
    domestic = ~np.asarray(vacancies.is_overseas, dtype=bool)
    if (seekers.regency < 0).any() or (seekers.province < 0).any():
        raise ValueError("every seeker needs a home regency and province (indices >= 0)")
    if (vacancies.regency[domestic] < 0).any() or (vacancies.province[domestic] < 0).any():
        raise ValueError("every domestic vacancy needs a regency and province (indices >= 0)")
    if (seekers.education < 0).any() or (vacancies.min_education < 0).any():
        raise ValueError("education ranks must be >= 0")
    if ((seekers.scope < SCOPE_REGENCY) | (seekers.scope > SCOPE_ABROAD)).any():
        raise ValueError("scope must be 0 (regency), 1 (province), 2 (Indonesia) or 3 (abroad)")


def _id_order(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rank of each id (0 = smallest) and its inverse; ids must be unique."""
    by_order = np.argsort(ids, kind="stable").astype(np.int32)
    order = np.empty(len(ids), dtype=np.int32)
    order[by_order] = np.arange(len(ids), dtype=np.int32)
    if len(ids) > 1 and (np.diff(ids[by_order]) == 0).any():
        raise ValueError("ids must be unique")
    return order, by_order


def _occupation_table(
    slots: np.ndarray, vacancy_codes: np.ndarray, weight: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Occupation units for every (seeker code, vacancy code); seeker slots and vacancy columns."""
    slots = np.asarray(slots, dtype=np.int64)
    vacancy_codes = np.asarray(vacancy_codes, dtype=np.int64)
    if slots.max(initial=-1) > 9999 or vacancy_codes.max(initial=-1) > 9999:
        raise ValueError("occupation codes must be 4-digit KBJI unit groups (0..9999)")
    s_codes = np.unique(slots[slots >= 0])
    v_codes, v_column = np.unique(vacancy_codes, return_inverse=True)
    table = np.zeros((len(s_codes) + 1, len(v_codes)), dtype=np.int32)
    level = occupation_level(s_codes[:, None], v_codes[None, :])
    table[:-1] = level * OCCUPATION_PER_DIGIT * weight
    s_slots = np.where(slots >= 0, np.searchsorted(s_codes, slots), len(s_codes))
    return s_codes, s_slots.astype(np.int32), v_column.astype(np.int32), table


def _pools(seekers: SeekerArrays) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Seekers grouped for the location blocks, each sorted by (area, education)."""
    scope = seekers.scope
    regency = seekers.regency.astype(np.int64)
    province = seekers.province.astype(np.int64)
    education = seekers.education.astype(np.int64)
    n_regencies = int(regency.max(initial=0)) + 1
    n_provinces = int(province.max(initial=0)) + 1

    def pool(mask: np.ndarray, area: np.ndarray, n_areas: int) -> tuple[np.ndarray, np.ndarray]:
        members = np.flatnonzero(mask)
        members = members[np.lexsort((education[members], area[members]))]
        ptr = np.zeros(n_areas + 1, dtype=np.int64)
        np.cumsum(np.bincount(area[members], minlength=n_areas), out=ptr[1:])
        return members.astype(np.int32), ptr

    zero = np.zeros(len(scope), dtype=np.int64)
    return {
        "regency": pool(scope == SCOPE_REGENCY, regency, n_regencies),
        "province": pool(scope == SCOPE_PROVINCE, province, n_provinces),
        "national": pool(scope >= SCOPE_NATIONAL, zero, 1),
        "abroad": pool(scope == SCOPE_ABROAD, zero, 1),
    }


# --------------------------------------------------------------------------------------------
# Work units


def admissible_pair_counts(prepared: Prepared, vacancy_indices: np.ndarray) -> np.ndarray:
    """Location- and education-admissible seekers per vacancy, from counts per group and level."""
    vac = np.asarray(vacancy_indices, dtype=np.int64)
    n_levels = int(max(prepared.s_education.max(initial=0), prepared.v_education.max(initial=0)))
    n_levels += 2
    edu = np.clip(prepared.v_education[vac], 0, n_levels - 1)

    def at_least(pool: str, n_areas: int) -> np.ndarray:
        """Seekers of the pool per (area, education >= level)."""
        members, ptr = prepared.pools[pool]
        area = np.repeat(np.arange(n_areas), np.diff(ptr))
        level = np.clip(prepared.s_education[members], 0, n_levels - 1)
        counts = np.bincount(area * n_levels + level, minlength=n_areas * n_levels)
        counts = counts.reshape(n_areas, n_levels)
        return np.cumsum(counts[:, ::-1], axis=1)[:, ::-1]

    n_reg, n_prov = len(prepared.pools["regency"][1]) - 1, len(prepared.pools["province"][1]) - 1
    c_regency = at_least("regency", n_reg)
    c_province = at_least("province", n_prov)
    c_national = at_least("national", 1)[0]
    c_abroad = at_least("abroad", 1)[0]
    regency = prepared.v_regency[vac]
    province = prepared.v_province[vac]
    domestic = c_national[edu]
    domestic += np.where(province < n_prov, c_province[np.minimum(province, n_prov - 1), edu], 0)
    domestic += np.where(regency < n_reg, c_regency[np.minimum(regency, n_reg - 1), edu], 0)
    return np.where(prepared.v_overseas[vac], c_abroad[edu], domestic)


def plan_units(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    n_tasks: int,
    *,
    units_per_task: int = 2,
    prepared: Prepared | None = None,
) -> list[WorkTask]:
    """Split vacancies into (province x batch) units and bin-pack them into about n_tasks tasks.

    Units are cut so that none holds more than 1 / (n_tasks * units_per_task) of the admissible
    pairs (the largest province alone can hold ~30 %), then packed largest first onto the
    least-loaded task. Batches follow the processing order (minimum education), so a batch of
    demanding vacancies only meets educated seekers.
    """
    prep = prepared if prepared is not None else prepare(seekers, vacancies)
    n_tasks = max(1, int(n_tasks))
    every = np.arange(len(vacancies), dtype=np.int64)
    pairs = admissible_pair_counts(prep, every)
    target = max(1, int(pairs.sum()) // (n_tasks * max(1, units_per_task)))
    area = np.where(prep.v_overseas, -1, prep.v_province)
    units: list[WorkUnit] = []
    for province in np.unique(area):
        members = every[area == province]
        members = members[np.lexsort((prep.vacancy_order[members], prep.v_education[members]))]
        cumulative = np.cumsum(pairs[members])
        cut = np.searchsorted(cumulative, np.arange(target, int(cumulative[-1]), target), "left")
        for part in np.split(members, np.unique(cut + 1)):
            if len(part):
                units.append(WorkUnit(int(province), part.astype(np.int32), int(pairs[part].sum())))
    units.sort(key=lambda u: (-u.admissible_pairs, u.province, int(u.vacancy_indices[0])))
    bins: list[list[WorkUnit]] = [[] for _ in range(min(n_tasks, max(1, len(units))))]
    load = np.zeros(len(bins), dtype=np.int64)
    for unit in units:
        target_bin = int(np.argmin(load))
        bins[target_bin].append(unit)
        load[target_bin] += unit.admissible_pairs
    tasks = [WorkTask(tuple(b), int(sum(u.admissible_pairs for u in b))) for b in bins if b]
    return tasks


# --------------------------------------------------------------------------------------------
# Running top-k lists


class _TopLists:
    """Running top-k lists for n owners: scores and partners, best first (ties: smaller id)."""

    def __init__(self, n: int, k: int, partner_order: np.ndarray, partner_by_order: np.ndarray):
        """Empty lists; a threshold of 0 admits any admissible pair until a list is full."""
        self.k = k
        self.score = np.full((n, k), -1, dtype=np.int32)
        self.partner = np.full((n, k), -1, dtype=np.int32)
        self.threshold = np.zeros(n, dtype=np.int32)
        self.partner_order = partner_order
        self.partner_by_order = partner_by_order
        self.partner_bits = max(1, len(partner_order).bit_length())
        # Owners merged per sort: bounded by the key's bits and, to bound memory, by 2 ** 16.
        self.max_owners = min(1 << (63 - _SCORE_BITS - self.partner_bits), 1 << 16)

    def push(
        self, local: np.ndarray, owners: np.ndarray, partners: np.ndarray, scores: np.ndarray
    ) -> None:
        """Merge candidates (owners[local], partner, score) into the lists; keep the best k.

        One int64 key per entry, (owner position | k-complement of the score | partner id rank),
        sorts each owner's held and new entries together in one np.sort.
        """
        if len(local) == 0:
            return
        seen = np.zeros(len(owners), dtype=bool)
        seen[local] = True
        affected = np.flatnonzero(seen)
        position = np.cumsum(seen) - 1
        if len(affected) > self.max_owners:  # merge in ranges of owners: bounded temporaries
            part = position[local] // self.max_owners
            part = part.astype(np.int16 if part.max() < 1 << 15 else np.int64)  # radix sort
            order = np.argsort(part, kind="stable")
            bounds = np.searchsorted(part[order], np.arange(part.max() + 2))
            for a, b in pairwise(bounds):
                pick = order[a:b]
                self.push(local[pick], owners, partners[pick], scores[pick])
            return
        rows = owners[affected].astype(np.int64)
        k = self.k
        # Held entries fill a prefix of each row; address them flat (1-D indexing is cheaper).
        held = np.flatnonzero(self.partner[rows].reshape(-1) >= 0)
        held_owner = held // k
        held_flat = rows[held_owner] * k + (held - held_owner * k)
        flat_score = self.score.reshape(-1)
        flat_partner = self.partner.reshape(-1)
        owner = np.concatenate([held_owner, position[local]])
        score = np.concatenate([flat_score[held_flat], scores]).astype(np.int64)
        partner = np.concatenate([flat_partner[held_flat], partners])
        key = owner << (_SCORE_BITS + self.partner_bits)
        key |= (MAX_UNITS - score) << self.partner_bits
        key |= self.partner_order[partner]
        key.sort()
        owner = key >> (_SCORE_BITS + self.partner_bits)
        slot = np.arange(len(key)) - np.searchsorted(owner, np.arange(len(affected)))[owner]
        keep = slot < k
        key = key[keep]
        target = rows[owner[keep]] * k + slot[keep]
        self.score[rows] = -1
        self.partner[rows] = -1
        flat_score[target] = MAX_UNITS - ((key >> self.partner_bits) & ((1 << _SCORE_BITS) - 1))
        flat_partner[target] = self.partner_by_order[key & ((1 << self.partner_bits) - 1)]
        last = rows * k + (k - 1)
        self.threshold[rows] = np.where(flat_partner[last] >= 0, flat_score[last], 0)

    def entries(self, owner_index: np.ndarray, batch: int = 1 << 18) -> tuple[np.ndarray, ...]:
        """(owner, partner, score units, rank) of every held entry, by owner index then rank."""
        order = np.argsort(owner_index, kind="stable")
        n = int(np.count_nonzero(self.partner >= 0))
        owner = np.empty(n, dtype=np.int32)
        partner = np.empty(n, dtype=np.int32)
        score = np.empty(n, dtype=np.int32)
        rank = np.empty(n, dtype=np.int16)
        at = 0
        flat_partner, flat_score = self.partner.reshape(-1), self.score.reshape(-1)
        for a in range(0, len(order), batch):  # in row blocks: bounded temporaries
            rows = order[a : a + batch]
            held = np.flatnonzero(self.partner[rows].reshape(-1) >= 0)
            row, slot = np.divmod(held, self.k)
            flat = rows[row].astype(np.int64) * self.k + slot
            end = at + len(held)
            owner[at:end] = owner_index[rows[row]]
            partner[at:end] = flat_partner[flat]
            score[at:end] = flat_score[flat]
            rank[at:end] = slot + 1
            at = end
        return owner, partner, score, rank


# --------------------------------------------------------------------------------------------
# Blocks, chunks and tiles


@dataclass
class _Block:
    """Vacancies x seekers that are all location-admissible to each other."""

    vacancies: np.ndarray  # global indices
    seekers: np.ndarray  # global indices, sorted by education
    location: int | None  # location component of every pair, or None: look it up per regency


def _unit_blocks(prep: Prepared, vacancy_indices: np.ndarray) -> Iterator[_Block]:
    """The location blocks covering every admissible pair of these vacancies exactly once.

    Regency blocks hold the scope-0 seekers, province blocks the scope-1 seekers, one national
    block every seeker who accepts anywhere (scope >= 2) against all domestic vacancies, and one
    overseas block the scope-3 seekers against overseas vacancies.
    """
    vac = np.asarray(vacancy_indices, dtype=np.int64)
    overseas = prep.v_overseas[vac]
    domestic = vac[~overseas]
    members, ptr = prep.pools["regency"]
    regencies = prep.v_regency[domestic]
    for regency in np.unique(regencies):
        if regency + 1 < len(ptr) and ptr[regency + 1] > ptr[regency]:
            seekers = members[ptr[regency] : ptr[regency + 1]]
            yield _Block(domestic[regencies == regency], seekers, LOCATION_SAME_REGENCY)
    members, ptr = prep.pools["province"]
    provinces = prep.v_province[domestic]
    for province in np.unique(provinces):
        if province + 1 < len(ptr) and ptr[province + 1] > ptr[province]:
            seekers = members[ptr[province] : ptr[province + 1]]
            yield _Block(domestic[provinces == province], seekers, None)
    national, _ = prep.pools["national"]
    if len(domestic) and len(national):
        yield _Block(domestic, national, None)
    abroad, _ = prep.pools["abroad"]
    if overseas.any() and len(abroad):
        yield _Block(vac[overseas], abroad, LOCATION_OVERSEAS)


@dataclass
class _BlockTables:
    """Per-block vacancy data, in block order, reused by every chunk of the block."""

    vacancies: np.ndarray  # sorted by (minimum education, group, id)
    education: np.ndarray  # ascending
    weights: sp.csr_matrix  # skill weights, block rows
    group: np.ndarray  # block-local group of (education, experience, sex, age limits)
    g_education: np.ndarray  # per group: index into educations
    g_experience: np.ndarray  # per group: index into experiences
    g_mask: np.ndarray  # per group: index into masks
    educations: np.ndarray  # distinct minimum education
    experiences: np.ndarray  # distinct required experience
    masks: np.ndarray  # (n, 3) distinct (sex, age_min, age_max)
    code: np.ndarray  # block-local occupation code
    code_table: np.ndarray  # occupation units (seeker codes + 1, block codes)
    wage: np.ndarray
    regency: np.ndarray  # block-local regency
    regencies: np.ndarray  # distinct regencies
    regency_province: np.ndarray  # province of each distinct regency


def _block_tables(prep: Prepared, block: _Block) -> _BlockTables:
    """Sort the block's vacancies and build its small lookup tables."""
    vac = block.vacancies
    educations, edu_index = np.unique(prep.v_education[vac], return_inverse=True)
    experiences, exp_index = np.unique(prep.v_experience[vac], return_inverse=True)
    masks = np.stack([prep.v_sex[vac], prep.v_age_min[vac], prep.v_age_max[vac]], axis=1)
    masks, mask_index = np.unique(masks, axis=0, return_inverse=True)
    group_key = (edu_index.astype(np.int64) << 40) | (exp_index.astype(np.int64) << 20)
    group_key |= mask_index.reshape(-1)
    order = np.lexsort((prep.vacancy_order[vac], group_key))
    vac = vac[order]
    group_values, group = np.unique(group_key[order], return_inverse=True)
    codes, code = np.unique(prep.v_code[vac], return_inverse=True)
    regencies, first, regency = np.unique(
        prep.v_regency[vac], return_index=True, return_inverse=True
    )
    return _BlockTables(
        vacancies=vac,
        education=prep.v_education[vac],
        weights=prep.vacancy_weights[vac],
        group=group.astype(np.intp),
        g_education=(group_values >> 40).astype(np.intp),
        g_experience=((group_values >> 20) & 0xFFFFF).astype(np.intp),
        g_mask=(group_values & 0xFFFFF).astype(np.intp),
        educations=educations,
        experiences=experiences,
        masks=masks,
        code=code.astype(np.intp),
        code_table=np.ascontiguousarray(prep.occupation_table[:, codes]),
        wage=prep.v_wage[vac],
        regency=regency.astype(np.intp),
        regencies=regencies,
        regency_province=prep.v_province[vac][first],
    )


def _chunk_group_table(
    prep: Prepared, tables: _BlockTables, block: _Block, seekers: np.ndarray
) -> np.ndarray:
    """Per (vacancy group, seeker): education + experience + age/sex + constants, or excluded."""
    w = prep.weights
    s_edu = prep.s_education[seekers]
    over = s_edu[None, :] - tables.educations[:, None]
    edu = np.where(over >= 0, w[2] * education_units(np.maximum(over, 0)), _EXCLUDED)
    months = prep.s_experience[seekers]
    exp = w[3] * experience_units(months[None, :], tables.experiences[:, None])
    sex, age_min, age_max = tables.masks[:, 0:1], tables.masks[:, 1:2], tables.masks[:, 2:3]
    s_age = prep.s_age[seekers][None, :]
    fails = (sex > 0) & (prep.s_sex[seekers][None, :] != sex)
    fails |= (age_min > 0) & (s_age < age_min)
    fails |= (age_max > 0) & (s_age > age_max)
    # The wage term starts full and loses steps per pair; a constant location joins here too.
    constant = int(w[5]) * UNIT + (int(w[4]) * block.location if block.location else 0)
    mask = np.where(fails, _EXCLUDED, constant).astype(np.int32)
    table = np.take(edu.astype(np.int32), tables.g_education, axis=0)
    table += np.take(exp.astype(np.int32), tables.g_experience, axis=0)
    table += np.take(mask, tables.g_mask, axis=0)
    return table


def _chunk_occupation_table(
    prep: Prepared, tables: _BlockTables, seekers: np.ndarray
) -> np.ndarray:
    """Occupation units per (block occupation code, seeker): the best of the seeker's slots."""
    slots = prep.s_slots[seekers]
    best = tables.code_table[slots[:, 0]]
    empty = len(tables.code_table) - 1
    for k in range(1, slots.shape[1]):
        rows = np.flatnonzero(slots[:, k] < empty)
        if len(rows):
            best[rows] = np.maximum(best[rows], tables.code_table[slots[rows, k]])
    return np.ascontiguousarray(best.T)


def _chunk_location_table(
    prep: Prepared, tables: _BlockTables, block: _Block, seekers: np.ndarray
) -> np.ndarray | None:
    """Location units per (block regency, seeker), for blocks whose location varies by pair."""
    if block.location is not None or not prep.weights[4]:
        return None
    same_province = prep.s_province[seekers][None, :] == tables.regency_province[:, None]
    same_regency = prep.s_regency[seekers][None, :] == tables.regencies[:, None]
    location = np.where(same_province, LOCATION_SAME_PROVINCE, LOCATION_ELSEWHERE)
    location = np.where(same_regency, LOCATION_SAME_REGENCY, location)
    return (location * int(prep.weights[4])).astype(np.int32)


@dataclass
class _Buffers:
    """Reused tile buffers (allocating per tile costs page faults)."""

    score: np.ndarray
    work: np.ndarray
    mask: np.ndarray

    @classmethod
    def allocate(cls, size: int) -> _Buffers:
        """Buffers for tiles of up to size entries."""
        return cls(np.empty(size, np.int32), np.empty(size, np.int32), np.empty(size, bool))


@dataclass
class _RunState:
    """The lists being filled by one work unit and its counters."""

    vacancy_lists: _TopLists
    seeker_lists: _TopLists
    vacancy_slot: np.ndarray  # global vacancy -> row of vacancy_lists (-1 outside the unit)
    seeker_slot: np.ndarray  # global seeker -> row of seeker_lists
    admissible: int = 0
    scored: int = 0


def _run_block(prep: Prepared, block: _Block, state: _RunState, buffers: _Buffers) -> None:
    """Score every pair of one block and merge the best into the lists."""
    tables = _block_tables(prep, block)
    seekers = block.seekers
    s_edu = prep.s_education[seekers]
    n_vacancies = len(tables.vacancies)
    starts = range(0, n_vacancies, TILE_VACANCIES)
    tile_weights = [tables.weights[a : a + TILE_VACANCIES] for a in starts]
    for c0 in range(0, len(seekers), CHUNK_SEEKERS):
        chunk = seekers[c0 : c0 + CHUNK_SEEKERS]
        # Vacancies are sorted by minimum education: those this chunk can pass are a prefix.
        n_open = int(np.searchsorted(tables.education, s_edu[c0 : c0 + len(chunk)].max(), "right"))
        if n_open == 0:
            continue
        chunk_tables = _Chunk(
            seekers=chunk,
            lists_row=state.seeker_slot[chunk],
            group=_chunk_group_table(prep, tables, block, chunk),
            occupation=_chunk_occupation_table(prep, tables, chunk),
            location=_chunk_location_table(prep, tables, block, chunk),
            skills_t=prep.skills[chunk].T.tocsr(),
            wage=prep.s_wage[chunk],
        )
        admissible = (chunk_tables.group >= 0).sum(axis=1)
        state.admissible += int(admissible[tables.group[:n_open]].sum())
        state.scored += n_open * len(chunk)
        for a, weights in zip(starts, tile_weights, strict=True):
            if a >= n_open:
                break
            b = min(a + weights.shape[0], n_open)
            if b - a < weights.shape[0]:
                weights = weights[: b - a]
            _score_tile(prep, tables, slice(a, b), weights, chunk_tables, state, buffers)


@dataclass
class _Chunk:
    """Per-chunk seeker data: small tables the tile rows are gathered from."""

    seekers: np.ndarray  # global seeker indices
    lists_row: np.ndarray  # row of each seeker in the seeker lists
    group: np.ndarray  # int32 (block groups, seekers)
    occupation: np.ndarray  # int32 (block codes, seekers)
    location: np.ndarray | None  # int32 (block regencies, seekers), when location varies
    skills_t: sp.csr_matrix  # skills x seekers
    wage: np.ndarray


def _score_tile(
    prep: Prepared,
    tables: _BlockTables,
    rows: slice,
    weights: sp.csr_matrix,
    chunk: _Chunk,
    state: _RunState,
    buffers: _Buffers,
) -> None:
    """Fill one (vacancies x seekers) tile with exact scores and merge the candidates."""
    n_v, n_s = rows.stop - rows.start, len(chunk.seekers)
    score = buffers.score[: n_v * n_s].reshape(n_v, n_s)
    work = buffers.work[: n_v * n_s].reshape(n_v, n_s)
    np.take(chunk.group, tables.group[rows], axis=0, out=score)
    np.take(chunk.occupation, tables.code[rows], axis=0, out=work)
    score += work
    if chunk.location is not None:
        np.take(chunk.location, tables.regency[rows], axis=0, out=work)
        score += work
    if prep.weights[5]:
        # Wage: minus the steps by which the expectation exceeds the maximum, down to zero fit.
        np.subtract(chunk.wage[None, :], tables.wage[rows, None], out=work)
        np.clip(work, 0, WAGE_STEPS_TO_ZERO * WAGE_STEP * int(prep.weights[5]), out=work)
        score -= work
    if prep.weights[0] and weights.nnz:
        product = weights @ chunk.skills_t
        # The skills clip touches only the product's nonzeros, before it joins the dense tile.
        np.minimum(product.data, UNIT * int(prep.weights[0]), out=product.data)
        _accumulate(product, score)
    vacancies = tables.vacancies[rows]
    _collect(score, buffers, state, state.vacancy_slot[vacancies], vacancies, chunk)


def _collect(
    score: np.ndarray,
    buffers: _Buffers,
    state: _RunState,
    vacancy_rows: np.ndarray,
    vacancies: np.ndarray,
    chunk: _Chunk,
) -> None:
    """Merge the tile entries that can still enter a vacancy list or a seeker list."""
    n_v, n_s = score.shape
    mask = buffers.mask[: n_v * n_s].reshape(n_v, n_s)
    flat_score = score.reshape(-1)

    lists = state.vacancy_lists
    threshold = lists.threshold[vacancy_rows]
    if n_s >= 2 * lists.k and np.count_nonzero(threshold == 0) * 16 > n_v:
        threshold = np.maximum(threshold, _row_bound(score, lists.k))
    np.greater_equal(score, threshold[:, None], out=mask)
    flat = np.flatnonzero(mask)
    if len(flat):
        row = flat // n_s
        lists.push(row, vacancy_rows, chunk.seekers[flat - row * n_s], flat_score[flat])

    lists = state.seeker_lists
    threshold = lists.threshold[chunk.lists_row]
    if n_v >= 2 * lists.k and np.count_nonzero(threshold == 0) * 16 > n_s:
        threshold = np.maximum(threshold, _column_bound(score, lists.k))
    np.greater_equal(score, threshold[None, :], out=mask)
    flat = np.flatnonzero(mask)
    if len(flat):
        row = flat // n_s
        lists.push(flat - row * n_s, chunk.lists_row, vacancies[row], flat_score[flat])


def _row_bound(score: np.ndarray, k: int) -> np.ndarray:
    """Per row, a score at least k entries reach: the smallest of k disjoint group maxima."""
    n_v, n_s = score.shape
    q = n_s // k
    return score[:, : q * k].reshape(n_v, q, k).max(axis=1).min(axis=1)


def _column_bound(score: np.ndarray, k: int) -> np.ndarray:
    """Per column, a score at least k entries reach: the smallest of k disjoint group maxima."""
    n_v, n_s = score.shape
    q = n_v // k
    return score[: q * k].reshape(q, k, n_s).max(axis=0).min(axis=0)


def _accumulate(product: sp.csr_matrix, out: np.ndarray) -> None:
    """out += product (dense), touching only the product's nonzeros."""
    if _csr_todense is not None:
        _csr_todense(out.shape[0], out.shape[1], product.indptr, product.indices, product.data, out)
        return
    row = np.repeat(np.arange(out.shape[0]), np.diff(product.indptr))
    out[row, product.indices] += product.data


# --------------------------------------------------------------------------------------------
# Running units, merging, the seeker cap


def match_units(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    vacancy_indices: np.ndarray,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    k_vacancy: int = 50,
    k_seeker: int = 20,
    depth: int | None = None,
    idf: np.ndarray | None = None,
    prepared: Prepared | None = None,
    with_components: bool = False,
) -> UnitResult:
    """Score these vacancies against every admissible seeker (from anywhere).

    The vacancy lists are final (``depth`` >= k_vacancy entries, deeper when a seeker cap will
    re-rank them); the seeker lists are partial: merge them across units with merge_seeker_topk.
    """
    prep = (
        prepared if prepared is not None else prepare(seekers, vacancies, weights=weights, idf=idf)
    )
    vac = np.asarray(vacancy_indices, dtype=np.int64)
    if len(np.unique(vac)) != len(vac):
        raise ValueError("vacancy_indices must not repeat")
    depth = max(k_vacancy, depth or 0)
    blocks = list(_unit_blocks(prep, vac))
    reached = np.zeros(len(seekers), dtype=bool)
    for block in blocks:
        reached[block.seekers] = True
    local_seekers = np.flatnonzero(reached)
    vacancy_slot = np.full(len(vacancies), -1, dtype=np.int32)
    vacancy_slot[vac] = np.arange(len(vac), dtype=np.int32)
    seeker_slot = np.full(len(seekers), -1, dtype=np.int32)
    seeker_slot[local_seekers] = np.arange(len(local_seekers), dtype=np.int32)
    state = _RunState(
        vacancy_lists=_TopLists(len(vac), depth, prep.seeker_order, prep.seeker_by_order),
        seeker_lists=_TopLists(
            len(local_seekers), k_seeker, prep.vacancy_order, prep.vacancy_by_order
        ),
        vacancy_slot=vacancy_slot,
        seeker_slot=seeker_slot,
    )
    buffers = _Buffers.allocate(TILE_VACANCIES * CHUNK_SEEKERS)
    for block in blocks:
        _run_block(prep, block, state, buffers)

    owner, partner, units, rank = state.vacancy_lists.entries(vac)
    vacancy_side = _topk(owner, partner, units, rank, prep.seeker_order[partner])
    owner, partner, units, rank = state.seeker_lists.entries(local_seekers)
    seeker_side = _topk(partner, owner, units, rank, prep.vacancy_order[partner])
    if with_components:
        vacancy_side = attach_components(vacancy_side, prep)
    return UnitResult(vacancy_side, seeker_side, state.admissible, state.scored)


class SeekerTopKMerger:
    """Merges partial seeker lists as they arrive, in memory bounded by n_seekers x k."""

    def __init__(self, n_seekers: int, n_vacancies: int, k: int):
        """Empty final lists for n_seekers seekers."""
        self._order = np.full(n_vacancies, -1, dtype=np.int64)
        self._by_order = np.full(n_vacancies, -1, dtype=np.int32)
        self._lists = _TopLists(n_seekers, k, self._order, self._by_order)
        self._owners = np.arange(n_seekers, dtype=np.int64)

    def add(self, partial: TopK) -> None:
        """Merge one unit's partial seeker lists (right away: it overlaps the other units)."""
        if not len(partial):
            return
        self._order[partial.vacancy_index] = partial.partner_order
        self._by_order[partial.partner_order] = partial.vacancy_index
        self._lists.push(
            partial.seeker_index.astype(np.int64),
            self._owners,
            partial.vacancy_index,
            _units(partial.score),
        )

    def result(self) -> TopK:
        """The final seeker lists, by seeker then rank (once: the working lists are released)."""
        seeker, vacancy, units, rank = self._lists.entries(self._owners)
        self._lists = None  # type: ignore[assignment]
        return _topk(vacancy, seeker, units, rank, self._order[vacancy])


def merge_seeker_topk(partials: Sequence[TopK], k: int) -> TopK:
    """Merge partial seeker lists from several units into each seeker's final top k."""
    parts = [p for p in partials if len(p)]
    if not parts:
        return _empty_topk()
    if len(parts) == 1:  # already one list per seeker, best first
        keep = parts[0].rank <= k
        return TopK(*(getattr(parts[0], f)[keep] for f in _LIST_FIELDS))
    n_seekers = max(int(p.seeker_index.max()) for p in parts) + 1
    n_vacancies = max(int(p.vacancy_index.max()) for p in parts) + 1
    n_vacancies = max(n_vacancies, max(int(p.partner_order.max()) for p in parts) + 1)
    merger = SeekerTopKMerger(n_seekers, n_vacancies, k)
    for part in parts:
        merger.add(part)
    return merger.result()


def apply_seeker_cap(
    vacancy_side: TopK, *, k: int, cap: int, vacancy_ids: np.ndarray
) -> tuple[TopK, int]:
    """Re-rank deep vacancy lists so that no seeker is in more than `cap` of the top-k lists.

    Rounds until stable: take each vacancy's first k entries that are not banned; a seeker in more
    than `cap` of them keeps its best `cap` (score, then smaller vacancy id) and is banned from the
    rest, whose lists fill up with their next candidates. Bans only accumulate, so it ends; a list
    whose candidates run out stays short. Returns the capped lists and the number of rounds.
    """
    if cap < 1:
        raise ValueError("cap must be at least 1")
    vacancy = vacancy_side.vacancy_index.astype(np.int64)
    seeker = vacancy_side.seeker_index.astype(np.int64)
    units = _units(vacancy_side.score)
    vacancy_order, _ = _id_order(np.asarray(vacancy_ids))
    order = np.lexsort((vacancy_side.rank, vacancy))
    vacancy, seeker, units = vacancy[order], seeker[order], units[order]
    group_start = np.searchsorted(vacancy, vacancy, "left")
    banned = np.zeros(len(vacancy), dtype=bool)
    rounds = 0
    while True:
        allowed = ~banned
        allowed_before = np.cumsum(allowed) - allowed
        position = allowed_before - allowed_before[group_start] + 1
        listed = allowed & (position <= k)
        counts = np.bincount(seeker[listed], minlength=int(seeker.max(initial=-1)) + 1)
        over = listed & (counts[seeker] > cap)
        if not over.any():
            break
        rounds += 1
        entries = np.flatnonzero(over)
        entries = entries[
            np.lexsort((vacancy_order[vacancy[entries]], -units[entries], seeker[entries]))
        ]
        banned[entries[_rank_within(seeker[entries]) > cap]] = True
    kept = order[listed]
    capped = TopK(
        vacancy_index=vacancy_side.vacancy_index[kept],
        seeker_index=vacancy_side.seeker_index[kept],
        score=vacancy_side.score[kept],
        rank=position[listed].astype(np.int16),
        partner_order=vacancy_side.partner_order[kept],
        components=None if vacancy_side.components is None else vacancy_side.components[kept],
    )
    return capped, rounds


def match(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    k_vacancy: int = 50,
    k_seeker: int = 20,
    seeker_cap: int | None = None,
    cap_depth: int | None = None,
    idf: np.ndarray | None = None,
    n_tasks: int = 1,
    with_components: bool = True,
    prepared: Prepared | None = None,
) -> MatchResult:
    """The whole run in this process: plan units, run each, merge the seeker lists, cap, stats."""
    prep = (
        prepared if prepared is not None else prepare(seekers, vacancies, weights=weights, idf=idf)
    )
    depth = k_vacancy
    if seeker_cap is not None:
        depth = max(k_vacancy, cap_depth or 2 * k_vacancy)
    tasks = plan_units(seekers, vacancies, n_tasks, prepared=prep)
    results = [
        match_units(
            seekers,
            vacancies,
            task.vacancy_indices,
            k_vacancy=k_vacancy,
            k_seeker=k_seeker,
            depth=depth,
            prepared=prep,
        )
        for task in tasks
    ]
    vacancy_side = concat_topk([r.vacancy_side for r in results])
    seeker_side = merge_seeker_topk([r.seeker_side for r in results], k_seeker)
    rounds = 0
    if seeker_cap is not None:
        vacancy_side, rounds = apply_seeker_cap(
            vacancy_side, k=k_vacancy, cap=seeker_cap, vacancy_ids=vacancies.ids
        )
    if with_components:
        vacancy_side = attach_components(vacancy_side, prep)
        seeker_side = attach_components(seeker_side, prep)
    stats = match_stats(
        vacancy_side,
        seeker_side,
        n_seekers=len(seekers),
        n_vacancies=len(vacancies),
        k_vacancy=k_vacancy,
        admissible_pairs=sum(r.admissible_pairs for r in results),
        scored_pairs=sum(r.scored_pairs for r in results),
        cap_rounds=rounds,
    )
    return MatchResult(vacancy_side, seeker_side, stats)


def concat_topk(parts: Sequence[TopK]) -> TopK:
    """Vacancy lists of several units as one TopK, by vacancy then rank."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty_topk()
    if len(parts) == 1:  # a unit's lists are already by vacancy then rank
        return parts[0]
    fields = {
        name: np.concatenate([getattr(p, name) for p in parts])
        for name in ("vacancy_index", "seeker_index", "score", "rank", "partner_order")
    }
    if all(p.components is not None for p in parts):
        fields["components"] = np.concatenate([p.components for p in parts])
    order = np.lexsort((fields["rank"], fields["vacancy_index"]))
    return TopK(**{name: value[order] for name, value in fields.items()})


def match_stats(
    vacancy_side: TopK,
    seeker_side: TopK,
    *,
    n_seekers: int,
    n_vacancies: int,
    k_vacancy: int,
    admissible_pairs: int,
    scored_pairs: int,
    cap_rounds: int = 0,
) -> MatchStats:
    """Coverage and exposure concentration of a run.

    Eligible seekers have at least one admissible vacancy (so at least one recommendation: every
    eligible seeker gets one by construction). Coverage is the share of eligible seekers that also
    appear in at least one vacancy list, i.e. that an employer or officer will actually see.
    """
    eligible = np.unique(seeker_side.seeker_index)
    appearances = np.bincount(vacancy_side.seeker_index, minlength=n_seekers)[eligible]
    per_vacancy = np.bincount(vacancy_side.vacancy_index, minlength=n_vacancies)
    n_eligible = len(eligible)
    top = np.sort(appearances)[::-1][: max(1, math.ceil(0.01 * n_eligible))]
    total = int(appearances.sum())
    return MatchStats(
        seekers=n_seekers,
        vacancies=n_vacancies,
        admissible_pairs=int(admissible_pairs),
        scored_pairs=int(scored_pairs),
        eligible_seekers=n_eligible,
        coverage=float((appearances > 0).mean()) if n_eligible else 0.0,
        exposure_gini=_gini(appearances),
        top1pct_share=float(top.sum() / total) if total else 0.0,
        max_appearances=int(appearances.max(initial=0)),
        short_lists=int((per_vacancy < k_vacancy).sum()),
        cap_rounds=cap_rounds,
    )


def _gini(values: np.ndarray) -> float:
    """Gini coefficient of non-negative values (0 = all equal, -> 1 = one holds all)."""
    x = np.sort(np.asarray(values, dtype=np.float64))
    if len(x) == 0 or x.sum() == 0:
        return 0.0
    n = len(x)
    return float(2.0 * np.sum(np.arange(1, n + 1) * x) / (n * x.sum()) - (n + 1.0) / n)


def _topk(
    vacancy: np.ndarray,
    seeker: np.ndarray,
    units: np.ndarray,
    rank: np.ndarray,
    partner_order: np.ndarray,
) -> TopK:
    """A TopK from entries already sorted by owner then rank."""
    return TopK(
        vacancy_index=vacancy.astype(np.int32, copy=False),
        seeker_index=seeker.astype(np.int32, copy=False),
        score=_points(units),
        rank=rank.astype(np.int16, copy=False),
        partner_order=partner_order.astype(np.int32, copy=False),
    )


def _empty_topk() -> TopK:
    """A TopK with no entries."""
    empty = np.zeros(0, dtype=np.int32)
    return TopK(empty, empty, np.zeros(0, np.float32), np.zeros(0, np.int16), empty)


def _rank_within(sorted_owner: np.ndarray) -> np.ndarray:
    """1-based position of each entry within its run of equal (sorted) owners."""
    starts = np.searchsorted(sorted_owner, sorted_owner, "left")
    return np.arange(len(sorted_owner)) - starts + 1


# --------------------------------------------------------------------------------------------
# Scoring chosen pairs: components, explanations


def score_pairs(
    prepared: Prepared, seeker_index: np.ndarray, vacancy_index: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Score units, components (n, 6, integers 0..1000) and admissibility of given pairs."""
    s = np.asarray(seeker_index, dtype=np.int64)
    v = np.asarray(vacancy_index, dtype=np.int64)
    components, admissible = _pair_components(prepared, s, v)
    if len(s):
        held = prepared.vacancy_skill_units[v].multiply(prepared.skills[s]).tocsr()
        components[:, 0] = np.minimum(np.asarray(held.sum(axis=1)).ravel(), UNIT)
    return components @ prepared.weights, components, admissible


def attach_components(topk: TopK, prepared: Prepared, batch: int = 1 << 20) -> TopK:
    """The same lists with each entry's six components (float32 in [0, 1]).

    The skills component is recovered exactly from the engine's score, which is an integer
    weighted sum (score - the five cheap components) / skills weight: no sparse work per pair.
    """
    out = np.empty((len(topk), len(COMPONENTS)), dtype=np.float32)
    w_skills = int(prepared.weights[0])
    for a in range(0, len(topk), batch):
        part = slice(a, a + batch)
        s = topk.seeker_index[part].astype(np.int64)
        v = topk.vacancy_index[part].astype(np.int64)
        if w_skills:
            components, _ = _pair_components(prepared, s, v)
            rest = components @ prepared.weights
            components[:, 0] = (_units(topk.score[part]) - rest) // w_skills
        else:
            _, components, _ = score_pairs(prepared, s, v)
        out[part] = components / UNIT
    return replace(topk, components=out)


def _pair_components(
    prepared: Prepared, s: np.ndarray, v: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Every component but skills (left 0) and the hard filters, pair by pair, vectorised."""
    p = prepared
    seekers, vacancies = p.seekers, p.vacancies
    components = np.zeros((len(s), len(COMPONENTS)), dtype=np.int64)
    codes = seekers.occupations[s].astype(np.int64)
    wanted = vacancies.occupation[v].astype(np.int64)[:, None]
    components[:, 1] = occupation_level(codes, wanted).max(axis=1, initial=0)
    components[:, 1] *= OCCUPATION_PER_DIGIT
    over = p.s_education[s] - p.v_education[v]
    components[:, 2] = education_units(np.maximum(over, 0))
    components[:, 3] = experience_units(p.s_experience[s], p.v_experience[v])
    same_regency = p.s_regency[s] == p.v_regency[v]
    same_province = p.s_province[s] == p.v_province[v]
    location = np.where(
        same_regency,
        LOCATION_SAME_REGENCY,
        np.where(same_province, LOCATION_SAME_PROVINCE, LOCATION_ELSEWHERE),
    )
    overseas = p.v_overseas[v]
    components[:, 4] = np.where(overseas, LOCATION_OVERSEAS, location)
    components[:, 5] = wage_units(seekers.expected_wage[s], vacancies.wage_max[v])

    scope = seekers.scope[s]
    domestic_ok = same_regency | (same_province & (scope >= SCOPE_PROVINCE))
    domestic_ok |= scope >= SCOPE_NATIONAL
    admissible = np.where(overseas, scope == SCOPE_ABROAD, domestic_ok) & (over >= 0)
    sex = p.v_sex[v]
    admissible &= (sex == 0) | (p.s_sex[s] == sex)
    admissible &= (p.v_age_min[v] == 0) | (p.s_age[s] >= p.v_age_min[v])
    admissible &= (p.v_age_max[v] == 0) | (p.s_age[s] <= p.v_age_max[v])
    return components, admissible


def explain_pairs(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    seeker_index: np.ndarray,
    vacancy_index: np.ndarray,
) -> Explanations:
    """Matched required, missing required and matched optional skills of each pair."""
    n_skills = max(
        seekers.skills.shape[1],
        vacancies.required_skills.shape[1],
        vacancies.optional_skills.shape[1],
    )
    s = np.asarray(seeker_index, dtype=np.int64)
    v = np.asarray(vacancy_index, dtype=np.int64)
    required = _binary_csr(vacancies.required_skills, n_skills)[v]
    optional = _binary_csr(vacancies.optional_skills, n_skills)[v]
    held = _binary_csr(seekers.skills, n_skills)[s]
    matched_required = _canonical(required.multiply(held))
    missing_required = _canonical(required - matched_required)
    optional_only = _canonical(optional - optional.multiply(required))
    matched_optional = _canonical(optional_only.multiply(held))
    return Explanations(matched_required, missing_required, matched_optional)


def _canonical(m: sp.spmatrix) -> sp.csr_matrix:
    """CSR with sorted indices and no stored zeros."""
    m = sp.csr_matrix(m)
    m.eliminate_zeros()
    m.sort_indices()
    return m


# --------------------------------------------------------------------------------------------
# The per-pair reference (slow on purpose: plain Python, one pair at a time)


def reference_match(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    k_vacancy: int = 50,
    k_seeker: int = 20,
    idf: np.ndarray | None = None,
) -> MatchResult:
    """The same score and lists, computed pair by pair in plain Python (tests, benchmarks)."""
    w = weight_units(weights).tolist()
    n_skills = max(
        seekers.skills.shape[1],
        vacancies.required_skills.shape[1],
        vacancies.optional_skills.shape[1],
    )
    idf_list = (skill_idf(seekers.skills, n_skills) if idf is None else np.asarray(idf)).tolist()
    held = _row_sets(seekers.skills, n_skills)
    required = _row_lists(vacancies.required_skills, n_skills)
    optional = _row_lists(vacancies.optional_skills, n_skills)
    skill_weights = []
    for req, opt in zip(required, optional, strict=True):
        opt = [j for j in opt if j not in set(req)]
        weights_v = _reference_shares(req, UNIT, idf_list)
        weights_v.update(_reference_shares(opt, OPTIONAL_SKILL_SHARE if req else UNIT, idf_list))
        skill_weights.append(weights_v)
    grid = WAGE_GRID.tolist()
    s = {n: getattr(seekers, n).tolist() for n in seekers.__dataclass_fields__ if n != "skills"}
    v = {
        n: getattr(vacancies, n).tolist()
        for n in vacancies.__dataclass_fields__
        if not n.endswith("_skills")
    }

    by_vacancy: list[list[tuple[int, int, int]]] = [[] for _ in range(len(vacancies))]
    by_seeker: list[list[tuple[int, int, int]]] = [[] for _ in range(len(seekers))]
    admissible = 0
    for j in range(len(vacancies)):
        for i in range(len(seekers)):
            comps = _reference_pair(s, v, i, j, held[i], skill_weights[j], grid)
            if comps is None:
                continue
            admissible += 1
            units = sum(wc * c for wc, c in zip(w, comps, strict=True))
            by_vacancy[j].append((-units, s["ids"][i], i))
            by_seeker[i].append((-units, v["ids"][j], j))

    seeker_order, _ = _id_order(seekers.ids)
    vacancy_order, _ = _id_order(vacancies.ids)

    def lists(rows: list[list[tuple[int, int, int]]], k: int, owner_is_vacancy: bool) -> TopK:
        """The first k entries of every owner's sorted list, as a TopK."""
        vac, seek, units, rank = [], [], [], []
        for owner, entries in enumerate(rows):
            for position, (neg_units, _, partner) in enumerate(sorted(entries)[:k]):
                vac.append(owner if owner_is_vacancy else partner)
                seek.append(partner if owner_is_vacancy else owner)
                units.append(-neg_units)
                rank.append(position + 1)
        vac_a, seek_a = np.asarray(vac, dtype=np.int32), np.asarray(seek, dtype=np.int32)
        return TopK(
            vacancy_index=vac_a,
            seeker_index=seek_a,
            score=_points(np.asarray(units, dtype=np.int64)),
            rank=np.asarray(rank, dtype=np.int16),
            partner_order=seeker_order[seek_a] if owner_is_vacancy else vacancy_order[vac_a],
        )

    vacancy_side = lists(by_vacancy, k_vacancy, True)
    seeker_side = lists(by_seeker, k_seeker, False)
    stats = match_stats(
        vacancy_side,
        seeker_side,
        n_seekers=len(seekers),
        n_vacancies=len(vacancies),
        k_vacancy=k_vacancy,
        admissible_pairs=admissible,
        scored_pairs=len(seekers) * len(vacancies),
    )
    return MatchResult(vacancy_side, seeker_side, stats)


def _reference_pair(
    s: dict, v: dict, i: int, j: int, held: set, skill_weights: dict, grid: list
) -> list[int] | None:
    """The six components of one pair, or None when a hard filter fails."""
    scope = s["scope"][i]
    if v["is_overseas"][j]:
        if scope != SCOPE_ABROAD:
            return None
        location = LOCATION_OVERSEAS
    elif s["regency"][i] == v["regency"][j]:
        location = LOCATION_SAME_REGENCY
    elif s["province"][i] == v["province"][j]:
        if scope < SCOPE_PROVINCE:
            return None
        location = LOCATION_SAME_PROVINCE
    else:
        if scope < SCOPE_NATIONAL:
            return None
        location = LOCATION_ELSEWHERE
    over = s["education"][i] - v["min_education"][j]
    if over < 0:
        return None
    if v["sex"][j] and s["sex"][i] != v["sex"][j]:
        return None
    age = s["age"][i]
    if (v["age_min"][j] and age < v["age_min"][j]) or (v["age_max"][j] and age > v["age_max"][j]):
        return None
    skills = min(UNIT, sum(q for skill, q in skill_weights.items() if skill in held))
    level = max(_reference_level(code, v["occupation"][j]) for code in s["occupations"][i])
    education = max(UNIT - EDUCATION_STEP * max(over - EDUCATION_SLACK, 0), EDUCATION_FLOOR)
    required = v["min_experience_months"][j]
    months = s["experience_months"][i]
    experience = UNIT * min(months, required) // required if required > 0 else UNIT
    wage = UNIT
    expected, maximum = s["expected_wage"][i], v["wage_max"][j]
    if expected > 0 and maximum > 0:
        steps = bisect.bisect_right(grid, expected) - bisect.bisect_right(grid, maximum)
        wage = UNIT - WAGE_STEP * min(max(steps, 0), WAGE_STEPS_TO_ZERO)
    return [skills, OCCUPATION_PER_DIGIT * level, education, experience, location, wage]


def _reference_level(a: int, b: int) -> int:
    """Leading digits two 4-digit codes share, digit by digit."""
    if a < 0 or b < 0:
        return 0
    level = 0
    for divisor in (1000, 100, 10, 1):
        if a // divisor != b // divisor:
            break
        level += 1
    return level


def _reference_shares(skills: list[int], budget: int, idf: list[int]) -> dict[int, int]:
    """A budget split over skills (in index order) by cumulative IDF share."""
    total = sum(idf[j] for j in skills)
    shares, cumulative = {}, 0
    for j in skills:
        before = budget * cumulative // total
        cumulative += idf[j]
        shares[j] = budget * cumulative // total - before
    return shares


def _row_sets(matrix: sp.spmatrix, n_cols: int) -> list[set[int]]:
    """Column sets of every row of a binary matrix."""
    return [set(row) for row in _row_lists(matrix, n_cols)]


def _row_lists(matrix: sp.spmatrix, n_cols: int) -> list[list[int]]:
    """Sorted column lists of every row of a binary matrix."""
    m = _binary_csr(matrix, n_cols)
    indices, indptr = m.indices.tolist(), m.indptr.tolist()
    return [indices[indptr[r] : indptr[r + 1]] for r in range(m.shape[0])]


# --------------------------------------------------------------------------------------------
# Helpers


def _check_lengths(obj: object, n: int, skip: tuple[str, ...]) -> None:
    """Every 1-D field of a dataclass has n entries."""
    for name in obj.__dataclass_fields__:  # type: ignore[attr-defined]
        if name in skip:
            continue
        if len(getattr(obj, name)) != n:
            raise ValueError(f"{name} has {len(getattr(obj, name))} entries, expected {n}")


def _take(obj: _Arrays, index: np.ndarray, sparse_fields: tuple[str, ...]) -> _Arrays:
    """A copy of a dataclass of arrays restricted to index."""
    values = {}
    for name in obj.__dataclass_fields__:
        value = getattr(obj, name)
        values[name] = sp.csr_matrix(value)[index] if name in sparse_fields else value[index]
    return replace(obj, **values)


def _row(matrix: sp.csr_matrix, i: int) -> np.ndarray:
    """Column indices of one CSR row."""
    return matrix.indices[matrix.indptr[i] : matrix.indptr[i + 1]].copy()


def _binary_csr(matrix: sp.spmatrix | sp.sparray, n_cols: int | None = None) -> sp.csr_matrix:
    """A canonical 0/1 CSR matrix (sorted indices, no duplicates, explicit zeros dropped)."""
    m = sp.csr_matrix(matrix, copy=True)
    m.sum_duplicates()
    m.eliminate_zeros()
    m.sort_indices()
    if n_cols is not None and m.shape[1] < n_cols:
        m = sp.csr_matrix((m.data, m.indices, m.indptr), shape=(m.shape[0], n_cols))
    return sp.csr_matrix(
        (np.ones(m.nnz, dtype=np.int32), m.indices.astype(np.int32), m.indptr.astype(np.int64)),
        shape=m.shape,
    )


def _pair_keys(m: sp.csr_matrix) -> np.ndarray:
    """row * n_cols + col of every stored entry."""
    rows = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr))
    return rows * m.shape[1] + m.indices


def _csr_from_keys(keys: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """A 0/1 CSR matrix from sorted row * n_cols + col keys."""
    rows, cols = np.divmod(keys, shape[1])
    indptr = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
    return sp.csr_matrix(
        (np.ones(len(keys), dtype=np.int32), cols.astype(np.int32), indptr), shape=shape
    )


def _cumulative_floor(m: sp.csr_matrix, idf: np.ndarray, budget: np.ndarray) -> sp.csr_matrix:
    """Distribute each row's budget over its skills by IDF share, summing exactly to the budget."""
    rows = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr))
    weight = idf[m.indices].astype(np.int64)
    cumulative = np.concatenate([[0], np.cumsum(weight)])
    total_rows = cumulative[m.indptr[1:]] - cumulative[m.indptr[:-1]]
    within = cumulative[1:] - cumulative[m.indptr[:-1]][rows]
    b = budget[rows].astype(np.int64)
    t = np.maximum(total_rows[rows], 1)
    upto = b * within // t
    share = upto - b * (within - weight) // t
    return sp.csr_matrix((share.astype(np.int32), m.indices, m.indptr), shape=m.shape)


def _points(units: np.ndarray, batch: int = 1 << 22) -> np.ndarray:
    """Score units as float32 points (the nearest float32 to units / 10,000)."""
    units = np.asarray(units)
    points = np.empty(len(units), dtype=np.float32)
    for a in range(0, len(units), batch):  # float64 temporaries stay small
        points[a : a + batch] = units[a : a + batch] / SCORE_DIVISOR
    return points


def _units(points: np.ndarray) -> np.ndarray:
    """float32 points back to exact integer units."""
    return np.rint(np.asarray(points, dtype=np.float64) * SCORE_DIVISOR).astype(np.int64)

"""Matching engine: the per-pair reference (slow on purpose: plain Python, one pair at a time)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping

import numpy as np
import scipy.sparse as sp

from placement.matching.engine.arrays import MatchResult, SeekerArrays, TopK, VacancyArrays
from placement.matching.engine.constants import (
    DEFAULT_WEIGHTS,
    EDUCATION_FLOOR,
    EDUCATION_SLACK,
    EDUCATION_STEP,
    LOCATION_ELSEWHERE,
    LOCATION_OVERSEAS,
    LOCATION_SAME_PROVINCE,
    LOCATION_SAME_REGENCY,
    OPTIONAL_SKILL_SHARE,
    RELATED_UNITS,
    SCOPE_ABROAD,
    SCOPE_NATIONAL,
    SCOPE_PROVINCE,
    UNIT,
    WAGE_GRID,
    WAGE_STEP,
    WAGE_STEPS_TO_ZERO,
)
from placement.matching.engine.helpers import _binary_csr, _points
from placement.matching.engine.prepare import _id_order
from placement.matching.engine.run import match_stats
from placement.matching.engine.scoring import (
    CREDENTIAL_KINDS,
    credential_kinds,
    credential_shares,
    profile_weights,
    skill_idf,
    vacancy_profiles,
    weight_units,
)
from placement.matching.engine.similarity import (
    MINOR_GROUP_UNITS,
    SAME_UNITS,
    SUB_MAJOR_GROUP_UNITS,
    read_neighbours,
)


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
    profiles = profile_weights(weight_units(weights)).tolist()
    kinds = credential_kinds(vacancies.relevant, vacancies.asks_certification, vacancies.occupation)
    v_profile = vacancy_profiles(vacancies.skill_evidence, vacancies.wage_max, kinds).tolist()
    shares = credential_shares().tolist()
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
            if comps is not None:
                comps.append(
                    _reference_credentials(s, v, i, j, shares[v_profile[j] % CREDENTIAL_KINDS])
                )
            if comps is None:
                continue
            admissible += 1
            w = profiles[v_profile[j]]
            units = sum(wc * c for wc, c in zip(w, comps, strict=True))
            by_vacancy[j].append((-units, s["ids"][i], i))
            by_seeker[i].append((-units, v["ids"][j], j))

    seeker_order, _ = _id_order(seekers.ids, seekers.tiebreak)
    vacancy_order, _ = _id_order(vacancies.ids, vacancies.tiebreak)
    s_tie, v_tie = seekers.tiebreak.tolist(), vacancies.tiebreak.tolist()

    def lists(rows: list[list[tuple[int, int, int]]], k: int, owner_is_vacancy: bool) -> TopK:
        """The first k entries of every owner's sorted list, as a TopK."""
        vac, seek, units, rank = [], [], [], []
        tie = s_tie if owner_is_vacancy else v_tie
        for owner, entries in enumerate(rows):
            ordered = sorted(entries, key=lambda e: (e[0], tie[e[2]], e[1]))
            for position, (neg_units, _, partner) in enumerate(ordered[:k]):
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
    """The first six components of one pair, or None when a hard filter fails."""
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
    holds = s["holds"][i]
    for word, required in enumerate(v["requires"][j]):
        if required & ~(holds[word] if word < len(holds) else 0):
            return None
    skills = min(UNIT, sum(q for skill, q in skill_weights.items() if skill in held))
    occupation = max(
        (_reference_occupation(code, v["occupation"][j]) for code in s["occupations"][i]),
        default=0,
    )
    education = max(UNIT - EDUCATION_STEP * max(over - EDUCATION_SLACK, 0), EDUCATION_FLOOR)
    required = v["min_experience_months"][j]
    months = sum(
        m
        for code, m in zip(s["experience_codes"][i], s["experience_code_months"][i], strict=True)
        if code >= 0
        and (
            v["occupation"][j] < 0
            or _reference_occupation(code, v["occupation"][j]) >= RELATED_UNITS
        )
    )
    experience = UNIT * min(months, required) // required if required > 0 else UNIT
    wage = UNIT
    expected, maximum = s["expected_wage"][i], v["wage_max"][j]
    if expected > 0 and maximum > 0:
        steps = bisect.bisect_right(grid, expected) - bisect.bisect_right(grid, maximum)
        wage = UNIT - WAGE_STEP * min(max(steps, 0), WAGE_STEPS_TO_ZERO)
    return [skills, occupation, education, experience, location, wage]


def _reference_credentials(s: dict, v: dict, i: int, j: int, shares: list[int]) -> int:
    """Credentials units of one pair: the relevant kinds' shares the seeker meets."""
    holds, relevant = s["holds"][i], v["relevant"][j]
    bits = any(word & (holds[n] if n < len(holds) else 0) for n, word in enumerate(relevant))
    certified = any(
        code >= 0 and _reference_occupation(code, v["occupation"][j]) >= RELATED_UNITS
        for code in s["credential_codes"][i]
    )
    return shares[0] * bits + shares[1] * certified


def _reference_occupation(a: int, b: int) -> int:
    """Occupation units of two 4-digit codes, rule by rule: same, neighbours, hierarchy."""
    a, b = int(a), int(b)
    if a < 0 or b < 0:
        return 0
    if a == b:
        return SAME_UNITS
    hierarchy = 0
    if a // 10 == b // 10:
        hierarchy = MINOR_GROUP_UNITS
    elif a // 100 == b // 100:
        hierarchy = SUB_MAJOR_GROUP_UNITS
    return max(hierarchy, _neighbours().get((a, b), 0))


@functools.lru_cache(maxsize=1)
def _neighbours() -> dict[tuple[int, int], int]:
    return read_neighbours()


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

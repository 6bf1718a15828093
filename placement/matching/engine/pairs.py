"""Matching engine: scoring chosen pairs: components, explanations."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import scipy.sparse as sp

from placement.matching.engine.arrays import Explanations, SeekerArrays, TopK, VacancyArrays
from placement.matching.engine.constants import (
    COMPONENTS,
    LOCATION_ELSEWHERE,
    LOCATION_OVERSEAS,
    LOCATION_SAME_PROVINCE,
    LOCATION_SAME_REGENCY,
    SCOPE_ABROAD,
    SCOPE_NATIONAL,
    SCOPE_PROVINCE,
    UNIT,
)
from placement.matching.engine.helpers import _binary_csr, _units
from placement.matching.engine.prepare import Prepared
from placement.matching.engine.scoring import (
    education_units,
    experience_units,
    wage_units,
)
from placement.matching.engine.similarity import occupation_units


def score_pairs(
    prepared: Prepared, seeker_index: np.ndarray, vacancy_index: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Score units, components (n, 7, integers 0..1000) and admissibility of given pairs."""
    s = np.asarray(seeker_index, dtype=np.int64)
    v = np.asarray(vacancy_index, dtype=np.int64)
    components, admissible = _pair_components(prepared, s, v)
    if len(s):
        held = prepared.vacancy_skill_units[v].multiply(prepared.skills[s]).tocsr()
        components[:, 0] = np.minimum(np.asarray(held.sum(axis=1)).ravel(), UNIT)
    return _weighted(prepared, components, v), components, admissible


def _weighted(prepared: Prepared, components: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Score units of pairs: components times their vacancy's profile weights."""
    return (components * prepared.profile_weights[prepared.v_profile[v]]).sum(axis=1)


def attach_components(topk: TopK, prepared: Prepared, batch: int = 1 << 20) -> TopK:
    """The same lists with each entry's seven components (float32 in [0, 1]).

    The skills component is recovered exactly from the engine's score, which is an integer
    weighted sum (score - the six cheap components) / skills weight: no sparse work per pair.
    """
    out = np.empty((len(topk), len(COMPONENTS)), dtype=np.float32)
    for a in range(0, len(topk), batch):
        part = slice(a, a + batch)
        s = topk.seeker_index[part].astype(np.int64)
        v = topk.vacancy_index[part].astype(np.int64)
        components, _ = _pair_components(prepared, s, v)
        rest = _weighted(prepared, components, v)
        w_skills = prepared.profile_weights[prepared.v_profile[v], 0]
        components[:, 0] = (_units(topk.score[part]) - rest) // np.maximum(w_skills, 1)
        unweighted = np.flatnonzero(w_skills == 0)  # skills do not count: compute them directly
        if len(unweighted):
            _, direct, _ = score_pairs(prepared, s[unweighted], v[unweighted])
            components[unweighted, 0] = direct[:, 0]
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
    components[:, 1] = occupation_units(codes, wanted).max(axis=1, initial=0)
    over = p.s_education[s] - p.v_education[v]
    components[:, 2] = education_units(np.maximum(over, 0))
    components[:, 3] = experience_units(_related_months(p, s, v), p.v_experience[v])
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
    components[:, 6] = _credential_units(p, s, v)

    scope = seekers.scope[s]
    domestic_ok = same_regency | (same_province & (scope >= SCOPE_PROVINCE))
    domestic_ok |= scope >= SCOPE_NATIONAL
    admissible = np.where(overseas, scope == SCOPE_ABROAD, domestic_ok) & (over >= 0)
    sex = p.v_sex[v]
    admissible &= (sex == 0) | (p.s_sex[s] == sex)
    admissible &= (p.v_age_min[v] == 0) | (p.s_age[s] >= p.v_age_min[v])
    admissible &= (p.v_age_max[v] == 0) | (p.s_age[s] <= p.v_age_max[v])
    admissible &= ~(p.v_requires[v] & ~p.s_holds[s]).any(axis=1)
    return components, admissible


def _credential_units(p: Prepared, s: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Credentials component of each pair: the share of the relevant kinds the seeker meets (a
    relevant licence or language bit held; a certificate or course in a related occupation)."""
    shares = p.credential_shares[p.v_profile[v]]
    bits = (p.v_relevant[v] & p.s_holds[s]).any(axis=1)
    column = p.v_code[v][:, None]
    certified = p.related_table[p.s_credential_slots[s], column].any(axis=1)
    return shares[:, 0] * bits + shares[:, 1] * certified


def _related_months(p: Prepared, s: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Months of each pair's seeker in past jobs related to the pair's vacancy occupation."""
    past = p.s_experience_slots[s]  # rows of related_table
    column = p.v_code[v][:, None]
    return (p.related_table[past, column] * p.s_experience_months[s]).sum(axis=1)


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

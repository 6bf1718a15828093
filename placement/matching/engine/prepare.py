"""Matching engine: preparation: everything derived once per run (shared by all work units)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from placement.matching.engine.arrays import SeekerArrays, VacancyArrays
from placement.matching.engine.constants import (
    _WAGE_UNKNOWN,
    DEFAULT_WEIGHTS,
    SCOPE_ABROAD,
    SCOPE_NATIONAL,
    SCOPE_PROVINCE,
    SCOPE_REGENCY,
    UNIT,
    WAGE_STEP,
)
from placement.matching.engine.helpers import _binary_csr, _same_width
from placement.matching.engine.scoring import (
    credential_kinds,
    credential_shares,
    experience_counts,
    profile_weights,
    skill_idf,
    vacancy_profiles,
    vacancy_skill_weights,
    wage_step,
    weight_units,
)
from placement.matching.engine.similarity import occupation_units


@dataclass(frozen=True)
class Prepared:
    """Arrays derived once per run from the inputs; pass it to match_units to skip the work."""

    seekers: SeekerArrays
    vacancies: VacancyArrays
    weights: np.ndarray  # int64 (7,) weight units, as configured
    profile_weights: np.ndarray  # int64 (profiles, 7): the weights renormalised per profile
    # int64 (profiles, 2): units a met licence/language and a met certificate/course add to the
    # credentials component (scoring.credential_shares by the profile's kinds).
    credential_shares: np.ndarray
    idf: np.ndarray
    skills: sp.csr_matrix  # seekers x skills, int32 0/1
    vacancy_weights: sp.csr_matrix  # vacancies x skills, int32 units (x skills weight)
    vacancy_skill_units: sp.csr_matrix  # vacancies x skills, int32 component units (unweighted)
    seeker_order: np.ndarray  # int32 rank of each seeker's (tiebreak, id)
    seeker_by_order: np.ndarray
    vacancy_order: np.ndarray  # int32 rank of each vacancy's (tiebreak, id)
    vacancy_by_order: np.ndarray
    s_education: np.ndarray
    s_experience: np.ndarray
    s_wage: np.ndarray  # wage step x wage units per step, or -_WAGE_UNKNOWN
    s_age: np.ndarray
    s_sex: np.ndarray
    s_regency: np.ndarray
    s_province: np.ndarray
    s_slots: np.ndarray  # (n, 4) row of occupation_table per slot (last row = empty)
    s_holds: np.ndarray  # uint64 (n, words) bits held
    s_credential_slots: np.ndarray  # (n, 4) row of occupation_table per certificate/course
    s_experience_slots: np.ndarray  # (n, 4) row of occupation_table per past job (last = empty)
    s_experience_months: np.ndarray  # int32 (n, 4) months of each past job
    v_education: np.ndarray
    v_experience: np.ndarray
    v_wage: np.ndarray  # wage step x wage units per step, or +_WAGE_UNKNOWN
    v_age_min: np.ndarray
    v_age_max: np.ndarray
    v_sex: np.ndarray
    v_code: np.ndarray  # column of occupation_table
    v_profile: np.ndarray  # row of profile_weights
    v_skill_cap: np.ndarray  # int32 most the skills term can add: UNIT x the skills weight
    v_regency: np.ndarray
    v_province: np.ndarray
    v_overseas: np.ndarray
    v_requires: np.ndarray  # uint64 (n, words) bits required, as wide as s_holds
    v_relevant: np.ndarray  # uint64 (n, words) bits relevant (not required), as wide as s_holds
    occupation_table: np.ndarray  # int32 (seeker codes + 1, vacancy codes): unweighted units
    related_table: np.ndarray  # int32 0/1, same shape: a past job there counts as experience
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
    profiles = profile_weights(w)
    kinds = credential_kinds(vacancies.relevant, vacancies.asks_certification, vacancies.occupation)
    v_profile = vacancy_profiles(vacancies.skill_evidence, vacancies.wage_max, kinds)
    row_weight = profiles[v_profile, 0].astype(np.int32)
    vacancy_weights = sp.csr_matrix(
        (
            skill_units.data * np.repeat(row_weight, np.diff(skill_units.indptr)),
            skill_units.indices,
            skill_units.indptr,
        ),
        shape=skill_units.shape,
    )
    seeker_order, seeker_by_order = _id_order(seekers.ids, seekers.tiebreak)
    vacancy_order, vacancy_by_order = _id_order(vacancies.ids, vacancies.tiebreak)
    s_slots, s_experience_slots, s_credential_slots, v_codes, table, related = _occupation_table(
        seekers.occupations,
        seekers.experience_codes,
        vacancies.occupation,
        seekers.credential_codes,
    )
    step = WAGE_STEP * int(w[5])
    s_wage = np.where(
        seekers.expected_wage > 0, wage_step(seekers.expected_wage) * step, -_WAGE_UNKNOWN
    )
    v_wage = np.where(vacancies.wage_max > 0, wage_step(vacancies.wage_max) * step, _WAGE_UNKNOWN)
    s_holds, v_requires = _same_width(seekers.holds, vacancies.requires)
    s_holds, v_relevant = _same_width(s_holds, vacancies.relevant)
    v_requires, _ = _same_width(v_requires, s_holds)
    regency = np.concatenate([seekers.regency, vacancies.regency, [0]])
    province = np.concatenate([seekers.province, vacancies.province, [0]])
    return Prepared(
        seekers=seekers,
        vacancies=vacancies,
        weights=w,
        profile_weights=profiles,
        credential_shares=credential_shares()[np.arange(len(profiles)) % 4],
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
        s_experience_slots=s_experience_slots,
        s_experience_months=np.asarray(seekers.experience_code_months, dtype=np.int32),
        s_holds=s_holds,
        s_credential_slots=s_credential_slots,
        v_education=vacancies.min_education.astype(np.int32),
        v_experience=vacancies.min_experience_months.astype(np.int32),
        v_wage=v_wage.astype(np.int32),
        v_age_min=vacancies.age_min.astype(np.int32),
        v_age_max=vacancies.age_max.astype(np.int32),
        v_sex=vacancies.sex.astype(np.int32),
        v_code=v_codes,
        v_profile=v_profile,
        v_skill_cap=(UNIT * row_weight).astype(np.int32),
        v_regency=vacancies.regency.astype(np.int32),
        v_province=vacancies.province.astype(np.int32),
        v_overseas=vacancies.is_overseas.astype(bool),
        v_requires=v_requires,
        v_relevant=v_relevant,
        occupation_table=table,
        related_table=related,
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


def _id_order(ids: np.ndarray, tiebreak: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Rank of each (tiebreak, id) (0 = first among equal scores) and its inverse; unique ids."""
    ids = np.asarray(ids)
    if tiebreak is None:
        by_order = np.argsort(ids, kind="stable").astype(np.int32)
    else:
        by_order = np.lexsort((ids, np.asarray(tiebreak))).astype(np.int32)
    order = np.empty(len(ids), dtype=np.int32)
    order[by_order] = np.arange(len(ids), dtype=np.int32)
    if len(ids) > 1 and len(np.unique(ids)) != len(ids):
        raise ValueError("ids must be unique")
    return order, by_order


def _occupation_table(
    slots: np.ndarray,
    experience: np.ndarray,
    vacancy_codes: np.ndarray,
    credentials: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Occupation units and relatedness for every (seeker code, vacancy code).

    Returns the table rows of the seekers' wanted-occupation slots, past-job slots and
    certificate/course slots, each vacancy's column, the units table and the related table (last
    row: an empty slot). A vacancy with no code (-1) counts every coded past job as related (a
    certificate or course needs a coded vacancy: the credential kinds say so).
    """
    slots = np.asarray(slots, dtype=np.int64)
    experience = np.asarray(experience, dtype=np.int64)
    vacancy_codes = np.asarray(vacancy_codes, dtype=np.int64)
    if credentials is None:
        credentials = np.full((len(slots), 4), -1, dtype=np.int64)
    credentials = np.asarray(credentials, dtype=np.int64)
    highest = max(
        slots.max(initial=-1),
        experience.max(initial=-1),
        vacancy_codes.max(initial=-1),
        credentials.max(initial=-1),
    )
    if highest > 9999:
        raise ValueError("occupation codes must be 4-digit KBJI unit groups (0..9999)")
    s_codes = np.unique(
        np.concatenate(
            [slots[slots >= 0], experience[experience >= 0], credentials[credentials >= 0]]
        )
    )
    v_codes, v_column = np.unique(vacancy_codes, return_inverse=True)
    table = np.zeros((len(s_codes) + 1, len(v_codes)), dtype=np.int32)
    table[:-1] = occupation_units(s_codes[:, None], v_codes[None, :])
    related = np.zeros_like(table)
    related[:-1] = experience_counts(s_codes[:, None], v_codes[None, :])
    rows = np.where(slots >= 0, np.searchsorted(s_codes, slots), len(s_codes))
    past = np.where(experience >= 0, np.searchsorted(s_codes, experience), len(s_codes))
    held = np.where(credentials >= 0, np.searchsorted(s_codes, credentials), len(s_codes))
    return (
        rows.astype(np.int32),
        past.astype(np.int32),
        held.astype(np.int32),
        v_column.astype(np.int32),
        table,
        related,
    )


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

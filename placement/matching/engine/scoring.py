"""Matching engine: scoring definitions shared by the engine, the pair scorer and the reference."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import scipy.sparse as sp

from placement.matching.engine.constants import (
    COMPONENTS,
    CREDENTIAL_BITS,
    CREDENTIAL_OCCUPATION,
    EDUCATION_FLOOR,
    EDUCATION_SLACK,
    EDUCATION_STEP,
    EVIDENCE_FULL,
    EVIDENCE_LEVELS,
    IDF_SCALE,
    OPTIONAL_SKILL_SHARE,
    RELATED_UNITS,
    UNIT,
    WAGE_GRID,
    WAGE_STEP,
    WAGE_STEPS_TO_ZERO,
)
from placement.matching.engine.helpers import (
    _binary_csr,
    _csr_from_keys,
    _cumulative_floor,
    _pair_keys,
)
from placement.matching.engine.similarity import occupation_units


def weight_units(weights: Mapping[str, float]) -> np.ndarray:
    """Weights as integers summing to UNIT (largest remainder, ties to the earlier component).

    "credentials" may be left out (weight 0: credentials then never count)."""
    if set(weights) | {"credentials"} != set(COMPONENTS):
        raise ValueError(f"weights must have exactly the keys {COMPONENTS}")
    raw = np.array([float(weights.get(c, 0.0)) for c in COMPONENTS])
    if (raw < 0).any() or abs(raw.sum() - 1.0) > 1e-6:
        raise ValueError("weights must be non-negative and sum to 1")
    scaled = raw * UNIT
    units = np.floor(scaled + 1e-9).astype(np.int64)
    short = UNIT - int(units.sum())
    order = np.lexsort((np.arange(len(raw)), -(scaled - units)))
    units[order[:short]] += 1
    return units


def distribute(budget: int, raw: np.ndarray) -> np.ndarray:
    """Integers proportional to raw (>= 0) summing to budget (largest remainder, ties earlier)."""
    raw = np.asarray(raw, dtype=np.int64)
    total = int(raw.sum())
    if total == 0:
        return np.zeros(len(raw), dtype=np.int64)
    units = budget * raw // total
    remainder = budget * raw - units * total
    order = np.lexsort((np.arange(len(raw)), -remainder))
    units[order[: budget - int(units.sum())]] += 1
    return units


CREDENTIAL_KINDS = 4  # profiles per (skill level, wage stated): which credential kinds count


def profile_weights(weights: np.ndarray) -> np.ndarray:
    """Weight units per vacancy profile ``(level * 2 + wage_stated) * 4 + kinds``: (profiles, 7).

    The weights are renormalised over what the vacancy states. Skills weigh ``level / L`` of
    their weight (generic skills are little evidence); a vacancy stating no wage is not scored on
    wage at all (neither a fit nor a misfit); a vacancy to which no credential is relevant
    (`kinds` 0; CREDENTIAL_BITS: a licence or a language, CREDENTIAL_OCCUPATION: a certificate or
    course in its occupation) is not scored on credentials, so it is not penalised. What is freed
    goes to skills, occupation, education, experience and location in proportion; a stated wage
    and relevant credentials keep exactly their weights. Each row sums to UNIT. With the default
    weights an ad with no relevant credential gets exactly the weights of the six components
    before credentials counted (0.40 / 0.20 / 0.10 / 0.10 / 0.10 / 0.10).
    """
    w = np.asarray(weights, dtype=np.int64)
    rows = []
    for level in range(EVIDENCE_LEVELS + 1):
        for stated in (0, 1):
            for kinds in range(CREDENTIAL_KINDS):
                wage = int(w[5]) if stated else 0
                credentials = int(w[6]) if kinds else 0
                raw = np.concatenate([[w[0] * level], w[1:5] * EVIDENCE_LEVELS])
                if not raw.any():  # nothing else to weigh: keep the configured weights
                    rows.append(w.copy())
                    continue
                five = distribute(UNIT - wage - credentials, raw)
                rows.append(np.concatenate([five, [wage, credentials]]))
    return np.array(rows, dtype=np.int64)


def credential_shares() -> np.ndarray:
    """Per credential kinds (0..3): the units a met licence/language and a met certificate/course
    add to the credentials component, shape (4, 2); the relevant kinds share UNIT equally."""
    out = np.zeros((CREDENTIAL_KINDS, 2), dtype=np.int64)
    for kinds in range(CREDENTIAL_KINDS):
        bits, occupation = bool(kinds & CREDENTIAL_BITS), bool(kinds & CREDENTIAL_OCCUPATION)
        n = bits + occupation
        if n:
            out[kinds] = (UNIT * bits // n, UNIT * occupation // n)
    return out


def credential_kinds(
    relevant: np.ndarray, asks_certification: np.ndarray, occupation: np.ndarray
) -> np.ndarray:
    """Which credential kinds are relevant to each vacancy (0..3): CREDENTIAL_BITS when some
    licence or language bit is, CREDENTIAL_OCCUPATION when it asks for certification or training
    and has an occupation to relate a certificate or course to."""
    relevant = np.asarray(relevant)
    bits = relevant.any(axis=1) if relevant.ndim == 2 else relevant != 0
    occupation_kind = np.asarray(asks_certification, dtype=bool) & (np.asarray(occupation) >= 0)
    return (bits * CREDENTIAL_BITS + occupation_kind * CREDENTIAL_OCCUPATION).astype(np.int8)


def vacancy_profiles(
    skill_evidence: np.ndarray, wage_max: np.ndarray, kinds: np.ndarray | None = None
) -> np.ndarray:
    """Each vacancy's row of profile_weights (`kinds`: relevant credential kinds, 0..3)."""
    level = np.clip(np.asarray(skill_evidence, dtype=np.int64), 0, EVIDENCE_LEVELS)
    profile = (level * 2 + (np.asarray(wage_max) > 0)) * CREDENTIAL_KINDS
    if kinds is not None:
        profile += np.asarray(kinds, dtype=np.int64) & (CREDENTIAL_KINDS - 1)
    return profile.astype(np.int32)


def skill_specificity(
    vacancy_skills: sp.spmatrix | sp.sparray, n_skills: int | None = None
) -> np.ndarray:
    """How specific each skill is, in milli-nats: ``ln((n + 50) / (vacancies asking it + 1))``.

    Computed over all open vacancies (required or optional), as if there were 50 more of which
    one asks every skill, so a handful of vacancies (a new office) does not make every skill look
    generic: a skill a third of the vacancies ask ("Komunikasi") is worth about 1.1 nats, one in
    2 % of them 3.9, one in 0.2 % 6.2.
    """
    binary = _binary_csr(vacancy_skills, n_skills)
    df = np.bincount(binary.indices, minlength=binary.shape[1])
    return skill_specificity_from_counts(df, binary.shape[0])


def skill_specificity_from_counts(asking: np.ndarray, n_vacancies: int) -> np.ndarray:
    """skill_specificity from the number of vacancies asking each skill and their total."""
    asking = np.minimum(np.asarray(asking, dtype=np.float64), n_vacancies)
    return np.rint(1000 * np.log((n_vacancies + 50.0) / (asking + 1.0))).astype(np.int64)


def skill_evidence(
    required: sp.spmatrix | sp.sparray,
    optional: sp.spmatrix | sp.sparray,
    specificity: np.ndarray,
) -> np.ndarray:
    """Evidence level of each vacancy's skills: the sum of their specificity in steps of
    EVIDENCE_FULL / L, capped at L. No skills give 0, one generic skill 0, one typical skill
    (asked by 2 % of vacancies) 2, two typical or one rare and one generic 4."""
    n_skills = len(specificity)
    both = _binary_csr(_binary_csr(required, n_skills) + _binary_csr(optional, n_skills))
    total = both @ np.asarray(specificity, dtype=np.int64)
    level = EVIDENCE_LEVELS * np.asarray(total, dtype=np.int64) // EVIDENCE_FULL
    return np.minimum(level, EVIDENCE_LEVELS).astype(np.int8)


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


def education_units(over: np.ndarray) -> np.ndarray:
    """Education component (0..1000) for levels above the minimum (>= 0)."""
    penalty = EDUCATION_STEP * np.maximum(np.asarray(over) - EDUCATION_SLACK, 0)
    return np.maximum(UNIT - penalty, EDUCATION_FLOOR)


def experience_counts(past_codes: np.ndarray, vacancy_codes: np.ndarray) -> np.ndarray:
    """Whether months in a past job of unit group `past_codes` count as experience for a vacancy
    of `vacancy_codes` (broadcast; -1 = no code): a coded job whose occupation is related to the
    vacancy's (similarity >= RELATED_UNITS: the same unit group, a listed neighbour or the same
    minor group), or any coded job when the vacancy has no code. The engine's related table and
    the explanations ("24 months as Kasir") both read this."""
    past, vacancy = np.broadcast_arrays(
        np.asarray(past_codes, dtype=np.int64), np.asarray(vacancy_codes, dtype=np.int64)
    )
    return (past >= 0) & ((vacancy < 0) | (occupation_units(past, vacancy) >= RELATED_UNITS))


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

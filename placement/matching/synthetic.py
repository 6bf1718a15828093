"""Synthetic seekers and vacancies shaped like the country, for tests and benchmarks (no Django).

`generate` follows the shape PERFORMANCE.md was measured on: 38 provinces, 514 regencies weighted
by population, ~450 KBJI-like unit groups (4-digit codes, some with a leading zero), 15,000 skills
with Zipf popularity, ~10 skills per seeker and ~8 per vacancy drawn from each occupation's skill
profile, 10 education levels, 65 % of seekers willing to work only in their regency, 27 % in their
province, 8 % anywhere (a small share also abroad), a few overseas vacancies and wages around each
regency's minimum wage. Everything is vectorised: 2 M seekers x 200 k vacancies take 20-40 s
and under 600 MiB.

`planted` builds a small population where the right answer is known: seekers and vacancies of the
same occupation share that occupation's skills, so a seeker's best vacancies are its own
occupation's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp

from placement.matching.engine import SeekerArrays, VacancyArrays, skill_evidence, skill_specificity

N_PROVINCES = 38
N_REGENCIES = 514
N_SKILLS = 15_000
N_EDUCATION_LEVELS = 10
PROFILE_SIZE = 40  # skills in an occupation's profile (specific + shared with its minor group)

# Share of seekers per education level (no schooling ... doctorate); job seekers are mostly SMA/SMK.
SEEKER_EDUCATION = np.array([0.03, 0.10, 0.14, 0.27, 0.20, 0.03, 0.06, 0.14, 0.025, 0.005])
# Minimum education asked by vacancies; employers ask less than seekers hold (calibrated so that
# 200 k x 20 k gives ~300 M location- and education-admissible pairs, as in PERFORMANCE.md).
VACANCY_EDUCATION = np.array([0.14, 0.18, 0.20, 0.25, 0.07, 0.03, 0.04, 0.06, 0.025, 0.005])
# Education shift by KBJI major group 0..9: managers and professionals higher, elementary lower.
MAJOR_EDUCATION_SHIFT = np.array([0, 2, 2, 1, 0, 0, -1, -1, -1, -2])
# Relocation scope: 0 own regency, 1 own province, 2 anywhere in Indonesia, 3 also abroad.
SCOPE_SHARES = np.array([0.65, 0.27, 0.065, 0.015])
EXPERIENCE_REQUIRED = np.array([0, 6, 12, 24, 36, 60, 120])
EXPERIENCE_REQUIRED_SHARES = np.array([0.45, 0.05, 0.20, 0.15, 0.08, 0.05, 0.02])
AGE_MAX_CHOICES = np.array([25, 30, 35, 40, 45])
OVERSEAS_SHARE = 0.03
BATCH = 250_000  # seekers whose skills are drawn at once


@dataclass(frozen=True)
class SyntheticMeta:
    """What a generated population was built from (for labels and checks)."""

    province_of_regency: np.ndarray  # int32, per regency
    occupation_codes: np.ndarray  # int16, the unit-group codes used (e.g. 110 means "0110")
    minimum_wage: np.ndarray  # int64, per regency (UMK), IDR per month
    seeker_primary_occupation: np.ndarray  # int16 code of each seeker's first preference
    vacancy_occupation: np.ndarray  # int16 code of each vacancy


def generate(
    n_seekers: int, n_vacancies: int, seed: int = 0
) -> tuple[SeekerArrays, VacancyArrays, SyntheticMeta]:
    """A country-shaped population of seekers and vacancies."""
    rng = np.random.default_rng(seed)
    province_of_regency, regency_weight = _regions(rng)
    minimum_wage = _minimum_wages(rng, province_of_regency)
    codes = occupation_codes()
    occupation_weight = _zipf(len(codes), 0.8, rng)
    vacancy_occupation_weight = occupation_weight * rng.lognormal(0.0, 0.5, len(codes))
    vacancy_occupation_weight /= vacancy_occupation_weight.sum()
    profiles = _skill_profiles(rng, codes)
    skill_weight = _zipf(N_SKILLS, 1.0, rng)
    within_profile = np.cumsum(_zipf(PROFILE_SIZE, 0.8))

    seekers, primary = _seekers(
        rng,
        n_seekers,
        province_of_regency,
        regency_weight,
        minimum_wage,
        codes,
        occupation_weight,
        profiles,
        within_profile,
        skill_weight,
    )
    vacancies, vacancy_occupation = _vacancies(
        rng,
        n_vacancies,
        province_of_regency,
        regency_weight,
        minimum_wage,
        codes,
        vacancy_occupation_weight,
        profiles,
        within_profile,
        skill_weight,
    )
    # Requirements from their own stream, so the population above stays what it was.
    seekers, vacancies = _requirements(np.random.default_rng([seed, 1]), seekers, vacancies)
    seekers, vacancies = _relevant_credentials(np.random.default_rng([seed, 2]), seekers, vacancies)
    meta = SyntheticMeta(province_of_regency, codes, minimum_wage, primary, vacancy_occupation)
    return seekers, vacancies, meta


def _relevant_credentials(
    rng: np.random.Generator, seekers: SeekerArrays, vacancies: VacancyArrays
) -> tuple[SeekerArrays, VacancyArrays]:
    """Credentials that count without being required (the "credentials" component): about 15 %
    of vacancies have a relevant licence class (driving work), 8 % name a language, 5 % ask for
    certification or training; 8 % of seekers hold a certificate or course, mostly in their
    first wanted occupation."""
    n_s, n_v = len(seekers), len(vacancies)
    relevant = np.where(
        rng.random(n_v) < 0.15, np.uint64(1) << rng.integers(1, 9, n_v).astype(np.uint64), 0
    ).astype(np.uint64)
    language = np.uint64(1) << rng.integers(9, 39, n_v).astype(np.uint64)
    relevant |= np.where(rng.random(n_v) < 0.08, language, 0).astype(np.uint64)
    asks = rng.random(n_v) < 0.05
    codes = np.full((n_s, 4), -1, dtype=np.int16)
    holder = rng.random(n_s) < 0.08
    own = rng.random(n_s) < 0.7
    other = seekers.occupations[rng.permutation(n_s), 0]
    codes[:, 0] = np.where(holder, np.where(own, seekers.occupations[:, 0], other), -1)
    return replace(seekers, credential_codes=codes), replace(
        vacancies, relevant=relevant.reshape(-1, 1), asks_certification=asks
    )


def _requirements(
    rng: np.random.Generator, seekers: SeekerArrays, vacancies: VacancyArrays
) -> tuple[SeekerArrays, VacancyArrays]:
    """Requirement bits shaped like the real ones (placement/taxonomy/credentials.py): bit 0 an
    adult (work abroad, at night or hazardous needs it), bits 1-8 licence classes (a quarter of
    seekers hold one, often with the lower classes), 9-38 language levels, then scheme bits.
    About 12 % of vacancies ask for a licence, 3 % a language, 2 % a certificate."""
    n_s, n_v = len(seekers), len(vacancies)
    holds = np.where(seekers.age >= 18, 1, 0).astype(np.uint64)
    licence = rng.integers(1, 9, n_s).astype(np.uint64)
    with_licence = rng.random(n_s) < 0.25
    holds |= np.where(with_licence, (np.uint64(1) << licence) | np.uint64(2), 0).astype(np.uint64)
    language = rng.integers(9, 39, n_s).astype(np.uint64)
    holds |= np.where(rng.random(n_s) < 0.10, np.uint64(1) << language, 0).astype(np.uint64)
    scheme = rng.integers(39, 64, n_s).astype(np.uint64)
    holds |= np.where(rng.random(n_s) < 0.05, np.uint64(1) << scheme, 0).astype(np.uint64)

    adults_only = vacancies.is_overseas | (rng.random(n_v) < 0.02)
    requires = adults_only.astype(np.uint64)
    asks = rng.random(n_v)
    bit = np.where(
        asks < 0.12,
        rng.integers(1, 9, n_v),
        np.where(asks < 0.15, rng.integers(9, 39, n_v), rng.integers(39, 64, n_v)),
    ).astype(np.uint64)
    requires |= np.where(asks < 0.17, np.uint64(1) << bit, 0).astype(np.uint64)
    return replace(seekers, holds=holds.reshape(-1, 1)), replace(
        vacancies, requires=requires.reshape(-1, 1)
    )


def occupation_codes(n_target: int = 450) -> np.ndarray:
    """About 450 KBJI-like 4-digit unit-group codes, as integers (0110 -> 110), sorted."""
    rng = np.random.default_rng(2014)  # fixed: the classification is the same for every seed
    codes = [110, 210, 310]  # major group 0, armed forces: the leading-zero codes
    while len(codes) < n_target:
        for major in range(1, 10):
            for sub in range(1, int(rng.integers(2, 6))):
                for minor in range(1, int(rng.integers(2, 6))):
                    for unit in range(1, int(rng.integers(2, 7))):
                        codes.append(major * 1000 + sub * 100 + minor * 10 + unit)
        codes = sorted(set(codes))
    keep = np.sort(rng.choice(len(codes) - 3, size=n_target - 3, replace=False) + 3)
    return np.array([110, 210, 310] + [codes[i] for i in keep], dtype=np.int16)


def planted(
    n_occupations: int = 12, per_occupation: int = 40, seed: int = 0
) -> tuple[SeekerArrays, VacancyArrays, np.ndarray, np.ndarray]:
    """Seekers and vacancies drawn from the same occupations; returns their true occupations."""
    rng = np.random.default_rng(seed)
    codes = occupation_codes()
    chosen = np.sort(rng.choice(len(codes), size=n_occupations, replace=False))
    occupation = codes[chosen]
    own_skills = 12  # skills specific to each occupation
    shared = np.arange(n_occupations * own_skills, n_occupations * own_skills + 30)
    n_skills = int(shared[-1]) + 1

    n_seekers = n_occupations * per_occupation
    n_vacancies = n_occupations * max(per_occupation // 2, 12)
    seeker_truth = np.repeat(np.arange(n_occupations), per_occupation)
    vacancy_truth = np.repeat(np.arange(n_occupations), n_vacancies // n_occupations)

    def draw(truth: np.ndarray, n_own: int, n_shared: int) -> sp.csr_matrix:
        rows, cols = [], []
        for i, t in enumerate(truth):
            own = rng.choice(own_skills, size=n_own, replace=False) + t * own_skills
            common = rng.choice(shared, size=n_shared, replace=False)
            cols.extend(own.tolist() + common.tolist())
            rows.extend([i] * (n_own + n_shared))
        data = np.ones(len(rows), dtype=np.int8)
        matrix = sp.csr_matrix((data, (rows, cols)), shape=(len(truth), n_skills))
        matrix.sum_duplicates()
        matrix.data[:] = 1
        return matrix

    seeker_skills = draw(seeker_truth, 6, 4)
    required = draw(vacancy_truth, 5, 2)
    optional = draw(vacancy_truth, 1, 1)
    # Half of the seekers also want an unrelated occupation: noise the skills must beat.
    occupations = np.full((n_seekers, 4), -1, dtype=np.int16)
    occupations[:, 0] = occupation[seeker_truth]
    noisy = rng.random(n_seekers) < 0.5
    occupations[noisy, 1] = occupation[rng.integers(0, n_occupations, noisy.sum())]
    regency = rng.integers(0, 3, n_seekers).astype(np.int32)
    months = rng.integers(0, 60, n_seekers).astype(np.int32)
    seekers = SeekerArrays(
        ids=rng.permutation(n_seekers).astype(np.int64) * 7 + 11,
        regency=regency,
        province=np.zeros(n_seekers, np.int32),
        scope=np.ones(n_seekers, np.int8),
        education=rng.integers(3, 8, n_seekers).astype(np.int16),
        experience_months=months,
        expected_wage=np.zeros(n_seekers, np.int64),
        age=rng.integers(20, 40, n_seekers).astype(np.int16),
        sex=rng.integers(1, 3, n_seekers).astype(np.int8),
        occupations=occupations,
        **past_jobs(occupations, months, np.random.default_rng(seed + 1)),
        skills=seeker_skills,
    )
    vacancies = VacancyArrays(
        ids=rng.permutation(n_vacancies).astype(np.int64) * 5 + 3,
        regency=rng.integers(0, 3, n_vacancies).astype(np.int32),
        province=np.zeros(n_vacancies, np.int32),
        is_overseas=np.zeros(n_vacancies, bool),
        min_education=np.full(n_vacancies, 3, np.int16),
        min_experience_months=np.zeros(n_vacancies, np.int32),
        wage_min=np.zeros(n_vacancies, np.int64),
        wage_max=np.zeros(n_vacancies, np.int64),
        age_min=np.zeros(n_vacancies, np.int16),
        age_max=np.zeros(n_vacancies, np.int16),
        sex=np.zeros(n_vacancies, np.int8),
        occupation=occupation[vacancy_truth].astype(np.int16),
        **vacancy_extras(required, optional, np.random.default_rng(seed + 2)),
        required_skills=required,
        optional_skills=optional,
    )
    return seekers, vacancies, seeker_truth, vacancy_truth


def past_jobs(
    occupations: np.ndarray, months: np.ndarray, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Past jobs by kind and a tie-break for seekers: experience in the first occupation slot,
    half of those with a second slot split between the two; days since last activity."""
    n = len(months)
    months = np.asarray(months, dtype=np.int64)
    codes = np.full((n, 4), -1, dtype=np.int16)
    code_months = np.zeros((n, 4), dtype=np.int32)
    has = months > 0
    second = has & (occupations[:, 1] >= 0) & (rng.random(n) < 0.5)
    first = np.where(second, np.rint(months * rng.uniform(0.4, 0.9, n)), months).astype(np.int64)
    codes[has, 0] = occupations[has, 0]
    code_months[:, 0] = np.where(has, first, 0)
    codes[second, 1] = occupations[second, 1]
    code_months[:, 1] = np.where(second, months - first, 0)
    return {
        "experience_codes": codes,
        "experience_code_months": code_months,
        "tiebreak": rng.integers(0, 365, n).astype(np.int32),
    }


def vacancy_extras(
    required: sp.csr_matrix, optional: sp.csr_matrix, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Skill evidence (specificity over these vacancies) and a tie-break (days published)."""
    specificity = skill_specificity(required + optional)
    return {
        "skill_evidence": skill_evidence(required, optional, specificity),
        "tiebreak": rng.integers(0, 60, required.shape[0]).astype(np.int32),
    }


def _zipf(n: int, exponent: float, rng: np.random.Generator | None = None) -> np.ndarray:
    """Zipf weights over n items (shuffled when rng is given), summing to 1."""
    weight = 1.0 / np.arange(1, n + 1) ** exponent
    if rng is not None:
        weight = rng.permutation(weight)
    return weight / weight.sum()


def _regions(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Province of each regency and each regency's share of the population."""
    extra = rng.dirichlet(np.full(N_PROVINCES, 2.0)) * (N_REGENCIES - 5 * N_PROVINCES)
    per_province = 5 + np.floor(extra).astype(int)
    short = N_REGENCIES - per_province.sum()
    per_province[np.argsort(-(extra - np.floor(extra)))[:short]] += 1
    province_of_regency = np.repeat(np.arange(N_PROVINCES), per_province).astype(np.int32)
    province_share = _zipf(N_PROVINCES, 1.0)  # province 0 is the most populous (Jawa Barat-like)
    within = rng.lognormal(0.0, 0.8, N_REGENCIES)
    within /= np.bincount(province_of_regency, weights=within)[province_of_regency]
    return province_of_regency, province_share[province_of_regency] * within


def _minimum_wages(rng: np.random.Generator, province_of_regency: np.ndarray) -> np.ndarray:
    """A regency minimum wage (UMK) between about 2 and 5.5 million rupiah."""
    provincial = rng.lognormal(np.log(2.8e6), 0.2, N_PROVINCES)
    umk = provincial[province_of_regency] * rng.lognormal(0.05, 0.1, len(province_of_regency))
    return (np.clip(umk, 2.0e6, 5.5e6) // 1000 * 1000).astype(np.int64)


def _skill_profiles(rng: np.random.Generator, codes: np.ndarray) -> np.ndarray:
    """Each occupation's PROFILE_SIZE skills, most characteristic first."""
    popularity = _zipf(N_SKILLS, 0.6, rng)
    minor = codes // 10
    minor_values, minor_index = np.unique(minor, return_inverse=True)
    minor_skills = rng.choice(N_SKILLS, size=(len(minor_values), 12), p=popularity)
    own = rng.choice(N_SKILLS, size=(len(codes), PROFILE_SIZE - 12), p=popularity)
    # Specific skills first, then the minor group's: related occupations share part of a profile.
    return np.concatenate([own, minor_skills[minor_index]], axis=1).astype(np.int32)


def _draw_from_profiles(
    rng: np.random.Generator,
    owner_occupation: np.ndarray,
    profiles: np.ndarray,
    within_profile: np.ndarray,
) -> np.ndarray:
    """One skill per entry of owner_occupation (an occupation index), from that profile."""
    position = np.searchsorted(
        within_profile, rng.random(len(owner_occupation)) * within_profile[-1]
    )
    position = np.minimum(position, PROFILE_SIZE - 1)
    return profiles[owner_occupation, position]


def _binary_csr(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """A 0/1 CSR matrix from (row, col) pairs, duplicates merged."""
    key = np.unique(rows.astype(np.int64) * shape[1] + cols)
    rows, cols = np.divmod(key, shape[1])
    indptr = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
    data = np.ones(len(cols), dtype=np.int8)
    return sp.csr_matrix((data, cols.astype(np.int32), indptr), shape=shape)


def _education(
    rng: np.random.Generator, shares: np.ndarray, occupation_code: np.ndarray
) -> np.ndarray:
    """An education level per person or vacancy, shifted by the occupation's major group."""
    base = rng.choice(N_EDUCATION_LEVELS, size=len(occupation_code), p=shares)
    shift = MAJOR_EDUCATION_SHIFT[occupation_code // 1000] * (rng.random(len(base)) < 0.6)
    return np.clip(base + shift, 0, N_EDUCATION_LEVELS - 1).astype(np.int16)


def _ids(rng: np.random.Generator, n: int) -> np.ndarray:
    """Unique database-like ids in no particular order."""
    return (rng.permutation(n).astype(np.int64) * 3 + 1000).astype(np.int64)


def _seekers(
    rng: np.random.Generator,
    n: int,
    province_of_regency: np.ndarray,
    regency_weight: np.ndarray,
    minimum_wage: np.ndarray,
    codes: np.ndarray,
    occupation_weight: np.ndarray,
    profiles: np.ndarray,
    within_profile: np.ndarray,
    skill_weight: np.ndarray,
) -> tuple[SeekerArrays, np.ndarray]:
    """Job seekers: home region, relocation scope, education, occupations, skills, wage wish."""
    regency = rng.choice(N_REGENCIES, size=n, p=regency_weight).astype(np.int32)
    primary = rng.choice(len(codes), size=n, p=occupation_weight)
    # Further preferences or past jobs: often a sibling in the same minor group, else anything.
    slots = np.full((n, 4), -1, dtype=np.int64)
    slots[:, 0] = primary
    for slot, share in ((1, 0.55), (2, 0.3), (3, 0.12)):
        filled = rng.random(n) < share
        sibling = np.clip(primary + rng.integers(-3, 4, n), 0, len(codes) - 1)
        anything = rng.choice(len(codes), size=n, p=occupation_weight)
        slots[filled, slot] = np.where(rng.random(n) < 0.5, sibling, anything)[filled]
    occupations = np.where(slots >= 0, codes[np.maximum(slots, 0)], -1).astype(np.int16)

    parts = []
    for a in range(0, n, BATCH):  # in batches: 2 M seekers x 10 skills stay within memory
        part = slice(a, min(a + BATCH, n))
        parts.append(
            _seeker_skills(rng, primary[part], slots[part], profiles, within_profile, skill_weight)
        )
    skills = sp.vstack(parts, format="csr") if len(parts) > 1 else parts[0]

    education = _education(rng, SEEKER_EDUCATION, codes[primary])
    fresh = rng.random(n) < 0.4
    experience = np.where(fresh, 0, np.clip(rng.lognormal(np.log(30), 0.9, n), 1, 480))
    stated = rng.random(n) < 0.6
    wish = minimum_wage[regency] * rng.lognormal(0.05 * (education - 3), 0.25, n)
    expected_wage = np.where(stated, (wish // 50_000 * 50_000).astype(np.int64), 0)
    age = np.clip(rng.gamma(2.2, 5.0, n) + 17, 17, 64)  # job seekers are mostly 20-35
    seekers = SeekerArrays(
        ids=_ids(rng, n),
        regency=regency,
        province=province_of_regency[regency],
        scope=rng.choice(4, size=n, p=SCOPE_SHARES).astype(np.int8),
        education=education,
        experience_months=experience.astype(np.int32),
        expected_wage=expected_wage.astype(np.int64),
        age=age.astype(np.int16),
        sex=rng.choice(np.array([1, 2], dtype=np.int8), size=n, p=[0.55, 0.45]),
        occupations=occupations,
        **past_jobs(occupations, experience.astype(np.int32), np.random.default_rng([n, 1])),
        skills=skills,
    )
    return seekers, codes[primary]


def _seeker_skills(
    rng: np.random.Generator,
    primary: np.ndarray,
    slots: np.ndarray,
    profiles: np.ndarray,
    within_profile: np.ndarray,
    skill_weight: np.ndarray,
) -> sp.csr_matrix:
    """~10 skills each: mostly the first occupation's profile, some the second's, some general."""
    n = len(primary)
    per_seeker = np.clip(rng.poisson(10, n), 2, 30)
    owner = np.repeat(np.arange(n), per_seeker)
    source = rng.random(len(owner))
    second = np.where(slots[owner, 1] >= 0, slots[owner, 1], primary[owner])
    occupation_of_draw = np.where(source < 0.75, primary[owner], second)
    skill = _draw_from_profiles(rng, occupation_of_draw, profiles, within_profile)
    general = source >= 0.88
    skill[general] = rng.choice(N_SKILLS, size=int(general.sum()), p=skill_weight)
    return _binary_csr(owner, skill, (n, N_SKILLS))


def _vacancies(
    rng: np.random.Generator,
    n: int,
    province_of_regency: np.ndarray,
    regency_weight: np.ndarray,
    minimum_wage: np.ndarray,
    codes: np.ndarray,
    occupation_weight: np.ndarray,
    profiles: np.ndarray,
    within_profile: np.ndarray,
    skill_weight: np.ndarray,
) -> tuple[VacancyArrays, np.ndarray]:
    """Vacancies: location, occupation, requirements, skills, wage range, age/sex limits."""
    regency = rng.choice(N_REGENCIES, size=n, p=regency_weight).astype(np.int32)
    occupation = rng.choice(len(codes), size=n, p=occupation_weight)

    per_required = np.clip(rng.poisson(7, n) + 1, 1, 20)
    owner = np.repeat(np.arange(n), per_required)
    skill = _draw_from_profiles(rng, occupation[owner], profiles, within_profile)
    general = rng.random(len(owner)) >= 0.9
    skill[general] = rng.choice(N_SKILLS, size=int(general.sum()), p=skill_weight)
    required = _binary_csr(owner, skill, (n, N_SKILLS))
    has_optional = rng.random(n) < 0.5
    per_optional = np.where(has_optional, rng.poisson(2, n) + 1, 0)
    owner = np.repeat(np.arange(n), per_optional)
    skill = _draw_from_profiles(rng, occupation[owner], profiles, within_profile)
    optional = _binary_csr(owner, skill, (n, N_SKILLS))

    min_education = _education(rng, VACANCY_EDUCATION, codes[occupation])
    stated = rng.random(n) < 0.7
    wage_min = minimum_wage[regency] * rng.lognormal(0.06 * (min_education - 3), 0.15, n)
    wage_min = np.where(stated, wage_min // 100_000 * 100_000, 0).astype(np.int64)
    wage_max = np.where(stated, wage_min * rng.uniform(1.1, 1.6, n) // 100_000 * 100_000, 0)
    limited = rng.random(n) < 0.4
    age_max = np.where(limited, rng.choice(AGE_MAX_CHOICES, size=n), 0)
    age_min = np.where(limited & (rng.random(n) < 0.6), 18, 0)
    sex = rng.choice(np.array([0, 1, 2], dtype=np.int8), size=n, p=[0.8, 0.12, 0.08])
    vacancies = VacancyArrays(
        ids=_ids(rng, n),
        regency=regency,
        province=province_of_regency[regency],
        is_overseas=rng.random(n) < OVERSEAS_SHARE,
        min_education=min_education,
        min_experience_months=rng.choice(
            EXPERIENCE_REQUIRED, size=n, p=EXPERIENCE_REQUIRED_SHARES
        ).astype(np.int32),
        wage_min=wage_min,
        wage_max=wage_max.astype(np.int64),
        age_min=age_min.astype(np.int16),
        age_max=age_max.astype(np.int16),
        sex=sex,
        occupation=codes[occupation].astype(np.int16),
        **vacancy_extras(required, optional, np.random.default_rng([n, 2])),
        required_skills=required,
        optional_skills=optional,
    )
    return vacancies, codes[occupation]

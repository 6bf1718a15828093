"""Matching engine: blocks, chunks and tiles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from placement.matching.engine.constants import (
    _EXCLUDED,
    CHUNK_SEEKERS,
    LOCATION_ELSEWHERE,
    LOCATION_OVERSEAS,
    LOCATION_SAME_PROVINCE,
    LOCATION_SAME_REGENCY,
    TILE_VACANCIES,
    UNIT,
    WAGE_STEP,
    WAGE_STEPS_TO_ZERO,
)
from placement.matching.engine.prepare import Prepared
from placement.matching.engine.scoring import education_units
from placement.matching.engine.toplists import _TopLists

try:  # accumulates a CSR matrix into a dense array in place (toarray(out=) zero-fills first)
    from scipy.sparse._sparsetools import csr_todense as _csr_todense
except ImportError:  # pragma: no cover - scipy moved it; the fallback is slower, same result
    _csr_todense = None


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
    skill_cap: np.ndarray  # per block row: the most the skills term adds
    group: np.ndarray  # block-local group of (education, sex and age limits, profile)
    g_education: np.ndarray  # per group: index into educations
    g_mask: np.ndarray  # per group: index into masks
    g_profile: np.ndarray  # per group: row of profile_weights
    educations: np.ndarray  # distinct minimum education
    masks: np.ndarray  # (n, 3) distinct (sex, age_min, age_max) of the masks
    required: np.ndarray  # uint64 (n masks, words): bits a seeker must hold
    relevant: np.ndarray  # uint64 (n masks, words): bits that meet the credentials component
    code: np.ndarray  # block-local (occupation code, experience asked, profile) combination
    c_code: np.ndarray  # per combination: index into codes
    c_asked: np.ndarray  # per combination: index into asked (distinct (code, months asked))
    c_profile: np.ndarray  # per combination: row of profile_weights
    a_code: np.ndarray  # per (code, months asked): index into codes
    a_months: np.ndarray  # per (code, months asked): months asked
    code_table: np.ndarray  # occupation units (seeker codes + 1, block codes)
    related_table: np.ndarray  # 0/1 (seeker codes + 1, block codes)
    wage: np.ndarray
    regency: np.ndarray  # block-local (regency, profile) combination
    r_regency: np.ndarray  # per combination: index into regencies
    r_profile: np.ndarray
    regencies: np.ndarray  # distinct regencies
    regency_province: np.ndarray  # province of each distinct regency


def _block_tables(prep: Prepared, block: _Block) -> _BlockTables:
    """Sort the block's vacancies and build its small lookup tables (keys packed in int64)."""
    vac = block.vacancies
    educations, edu_index = np.unique(prep.v_education[vac], return_inverse=True)
    mask_key = prep.v_sex[vac].astype(np.int64) << 32
    mask_key |= prep.v_age_min[vac].astype(np.int64) << 16
    mask_key |= prep.v_age_max[vac]
    # The requirement and relevance bits join the mask: a group shares sex, age limits,
    # requirements and relevant credentials.
    words = prep.v_requires.shape[1]
    mask_rows = np.concatenate(
        [
            mask_key[:, None],
            prep.v_requires[vac].view(np.int64),
            prep.v_relevant[vac].view(np.int64),
        ],
        axis=1,
    )
    mask_rows, mask_index = np.unique(mask_rows, axis=0, return_inverse=True)
    mask_index = mask_index.reshape(-1)
    mask_values = mask_rows[:, 0]
    masks = np.stack([mask_values >> 32, (mask_values >> 16) & 0xFFFF, mask_values & 0xFFFF], 1)
    required = np.ascontiguousarray(mask_rows[:, 1 : 1 + words]).view(np.uint64)
    relevant = np.ascontiguousarray(mask_rows[:, 1 + words :]).view(np.uint64)
    group_key = (edu_index.astype(np.int64) << 40) | (mask_index.astype(np.int64) << 20)
    group_key |= prep.v_profile[vac]
    order = np.lexsort((prep.vacancy_order[vac], group_key))
    vac = vac[order]
    group_values, group = np.unique(group_key[order], return_inverse=True)
    codes, code = np.unique(prep.v_code[vac], return_inverse=True)
    combo_key = (code.astype(np.int64) << 40) | (prep.v_experience[vac].astype(np.int64) << 8)
    combo_key |= prep.v_profile[vac]
    combos, combo = np.unique(combo_key, return_inverse=True)
    asked, c_asked = np.unique(combos >> 8, return_inverse=True)
    regencies, first, regency = np.unique(
        prep.v_regency[vac], return_index=True, return_inverse=True
    )
    places, place = np.unique(
        (regency.astype(np.int64) << 8) | prep.v_profile[vac], return_inverse=True
    )
    return _BlockTables(
        vacancies=vac,
        education=prep.v_education[vac],
        weights=prep.vacancy_weights[vac],
        skill_cap=prep.v_skill_cap[vac],
        group=group.astype(np.intp),
        g_education=(group_values >> 40).astype(np.intp),
        g_mask=((group_values >> 20) & 0xFFFFF).astype(np.intp),
        g_profile=(group_values & 0xFFFFF).astype(np.intp),
        educations=educations,
        masks=masks,
        required=required,
        relevant=relevant,
        code=combo.astype(np.intp),
        c_code=(combos >> 40).astype(np.intp),
        c_asked=c_asked.astype(np.intp),
        c_profile=(combos & 0xFF).astype(np.intp),
        a_code=(asked >> 32).astype(np.intp),
        a_months=(asked & 0xFFFFFFFF).astype(np.int32),
        code_table=np.ascontiguousarray(prep.occupation_table[:, codes]),
        related_table=np.ascontiguousarray(prep.related_table[:, codes]),
        wage=prep.v_wage[vac],
        regency=place.astype(np.intp),
        r_regency=(places >> 8).astype(np.intp),
        r_profile=(places & 0xFF).astype(np.intp),
        regencies=regencies,
        regency_province=prep.v_province[vac][first],
    )


def _chunk_group_table(
    prep: Prepared, tables: _BlockTables, block: _Block, seekers: np.ndarray
) -> np.ndarray:
    """Per (vacancy group, seeker): education + age/sex + constants, or excluded."""
    w = prep.profile_weights
    s_edu = prep.s_education[seekers]
    over = s_edu[None, :] - tables.educations[:, None]
    edu = education_units(np.maximum(over, 0)).astype(np.int32)
    sex, age_min, age_max = tables.masks[:, 0:1], tables.masks[:, 1:2], tables.masks[:, 2:3]
    s_age = prep.s_age[seekers][None, :]
    fails = (sex > 0) & (prep.s_sex[seekers][None, :] != sex)
    fails |= (age_min > 0) & (s_age < age_min)
    fails |= (age_max > 0) & (s_age > age_max)
    if tables.required.any():
        # Requirements: every bit the vacancy requires must be one the seeker holds.
        missing = tables.required[:, None, :] & ~prep.s_holds[seekers][None, :, :]
        fails |= missing.any(axis=2)
    fails = np.where(fails, _EXCLUDED, 0).astype(np.int32)
    # The wage term starts full and loses steps per pair; a constant location joins here too.
    profile = tables.g_profile
    constant = w[profile, 5] * UNIT
    if block.location:
        constant = constant + w[profile, 4] * block.location
    table = np.take(edu, tables.g_education, axis=0)
    table *= w[profile, 2].astype(np.int32)[:, None]
    table += np.take(np.where(over >= 0, 0, _EXCLUDED).astype(np.int32), tables.g_education, axis=0)
    table += np.take(fails, tables.g_mask, axis=0)
    table += constant.astype(np.int32)[:, None]
    # Credentials, licence/language part: holding any relevant bit meets it.
    credit = (w[profile, 6] * prep.credential_shares[profile, 0]).astype(np.int32)
    groups = np.flatnonzero(credit)
    if len(groups):
        held = prep.s_holds[seekers]
        masks, row = np.unique(tables.g_mask[groups], return_inverse=True)
        met = (tables.relevant[masks][:, None, :] & held[None, :, :]).any(axis=2)
        add = np.take(met.view(np.int8), row.reshape(-1), axis=0).astype(np.int32)
        add *= credit[groups, None]
        table[groups] += add
    return table


def _chunk_occupation_table(
    prep: Prepared, tables: _BlockTables, seekers: np.ndarray
) -> np.ndarray:
    """Weighted occupation + experience units per (block combination, seeker).

    Occupation: the best of the seeker's wanted-occupation slots. Experience: the months of the
    seeker's past jobs in an occupation related to the vacancy's, against the months asked.
    """
    slots = prep.s_slots[seekers]
    best = tables.code_table[slots[:, 0]]
    empty = len(tables.code_table) - 1
    for k in range(1, slots.shape[1]):
        rows = np.flatnonzero(slots[:, k] < empty)
        if len(rows):
            best[rows] = np.maximum(best[rows], tables.code_table[slots[rows, k]])
    occupation = np.ascontiguousarray(best.T)
    w = prep.profile_weights
    table = np.take(occupation, tables.c_code, axis=0)
    table *= w[tables.c_profile, 1].astype(np.int32)[:, None]
    asked = tables.a_months[tables.c_asked]
    # Nothing asked: full experience, a constant per combination.
    table += np.where(asked == 0, w[tables.c_profile, 3] * UNIT, 0).astype(np.int32)[:, None]
    needed = np.flatnonzero((asked > 0) & (w[tables.c_profile, 3] > 0))
    if len(needed):
        asked_rows, row = np.unique(tables.c_asked[needed], return_inverse=True)
        experience = _chunk_experience(prep, tables, seekers, asked_rows)
        weighted = np.take(experience, row.reshape(-1), axis=0)
        weighted *= w[tables.c_profile[needed], 3].astype(np.int32)[:, None]
        table[needed] += weighted
    # Credentials, certificate/course part: one in an occupation related to the vacancy's.
    credit = (w[tables.c_profile, 6] * prep.credential_shares[tables.c_profile, 1]).astype(np.int32)
    certified = np.flatnonzero(credit)
    if len(certified):
        codes, row = np.unique(tables.c_code[certified], return_inverse=True)
        add = np.take(_chunk_certified(prep, tables, seekers, codes), row.reshape(-1), axis=0)
        add *= credit[certified, None]
        table[certified] += add
    return table


def _chunk_certified(
    prep: Prepared, tables: _BlockTables, seekers: np.ndarray, codes: np.ndarray
) -> np.ndarray:
    """0/1 per (block code in codes, seeker): a certificate or course in a related occupation."""
    held = prep.s_credential_slots[seekers]
    empty = len(tables.related_table) - 1
    columns = tables.related_table[:, codes]
    met = np.zeros((len(codes), len(seekers)), dtype=np.int32)
    for k in range(held.shape[1]):
        rows = np.flatnonzero(held[:, k] < empty)
        if len(rows):
            met[:, rows] |= columns[held[rows, k]].T
    return met


def _chunk_experience(
    prep: Prepared, tables: _BlockTables, seekers: np.ndarray, asked_rows: np.ndarray
) -> np.ndarray:
    """Experience units per (code, months asked) row in asked_rows and seeker: the months of
    past jobs in a related occupation against the months asked."""
    past = prep.s_experience_slots[seekers]
    months = prep.s_experience_months[seekers]
    empty = len(tables.related_table) - 1
    codes, code_row = np.unique(tables.a_code[asked_rows], return_inverse=True)
    related = np.zeros((len(seekers), len(codes)), dtype=np.int32)
    columns = tables.related_table[:, codes]
    for k in range(past.shape[1]):
        rows = np.flatnonzero(past[:, k] < empty)
        if len(rows):
            related[rows] += columns[past[rows, k]] * months[rows, k : k + 1]
    asked = tables.a_months[asked_rows][:, None]
    experience = np.minimum(np.take(related.T, code_row.reshape(-1), axis=0), asked)
    experience *= UNIT
    experience //= asked
    return experience


def _chunk_location_table(
    prep: Prepared, tables: _BlockTables, block: _Block, seekers: np.ndarray
) -> np.ndarray | None:
    """Location units per (block regency and profile, seeker), when location varies by pair."""
    if block.location is not None or not prep.weights[4]:
        return None
    same_province = prep.s_province[seekers][None, :] == tables.regency_province[:, None]
    same_regency = prep.s_regency[seekers][None, :] == tables.regencies[:, None]
    location = np.where(same_province, LOCATION_SAME_PROVINCE, LOCATION_ELSEWHERE)
    location = np.where(same_regency, LOCATION_SAME_REGENCY, location).astype(np.int32)
    table = np.take(location, tables.r_regency, axis=0)
    table *= prep.profile_weights[tables.r_profile, 4].astype(np.int32)[:, None]
    return table


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
    tile_caps = [tables.skill_cap[a : a + TILE_VACANCIES] for a in starts]
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
        for a, weights, caps in zip(starts, tile_weights, tile_caps, strict=True):
            if a >= n_open:
                break
            b = min(a + weights.shape[0], n_open)
            if b - a < weights.shape[0]:
                weights = weights[: b - a]
            _score_tile(prep, tables, slice(a, b), weights, caps, chunk_tables, state, buffers)


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
    caps: np.ndarray,
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
        cap = np.repeat(caps[: product.shape[0]], np.diff(product.indptr))
        np.minimum(product.data, cap, out=product.data)
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

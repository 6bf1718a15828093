"""Read the database into the arrays the engine scores, with a handful of queries.

On PostgreSQL the large tables come out with binary `COPY ... TO STDOUT` and are decoded by numpy
without touching Python per row; on SQLite plain queries do the same job at demo sizes. The result
is a `Snapshot`: the engine's arrays plus the maps back to database ids, saved as one `.npy` file
per array so that workers can memory-map it instead of querying again.

Size: `extract` reads every array of one snapshot; the helpers are the SQL fragments and decoders
only it uses.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from django.db import connection

from employers.models import Vacancy
from jobseekers.models import CompetencyCertificate, JobSeeker
from placement.matching.credential_fit import credential_codes, vacancy_relevance
from placement.matching.engine import (
    SeekerArrays,
    VacancyArrays,
    skill_evidence,
    skill_idf,
    skill_specificity_from_counts,
)
from placement.migrants.rules import ADULT_AGE, adults_only_sql
from placement.taxonomy import credentials
from placement.taxonomy.models import Regency

SCOPE_CODES = {"regency": 0, "province": 1, "national": 2, "abroad": 3}
SEX_CODES = {"L": 1, "P": 2}
OCCUPATION_SLOTS = 4
SEEKER_ACTIVITY = "COALESCE(s.last_reported_on, s.registered_on, s.created_at)"


@dataclass(frozen=True)
class Snapshot:
    run_on: date
    seekers: SeekerArrays
    vacancies: VacancyArrays
    skill_ids: np.ndarray  # skill column -> Skill.pk
    regency_codes: np.ndarray  # regency index -> "62.71" as int 6271
    # Per skill column, computed here over every active seeker / every open vacancy (also when
    # only some vacancies are extracted), so a rescore weighs skills as the nightly run does.
    skill_idf: np.ndarray  # int64 IDF x1000 over seekers (a skill's share of a vacancy's list)
    skill_specificity: np.ndarray  # int64 milli-nats over open vacancies (engine.skill_evidence)

    @property
    def sizes(self) -> dict[str, int]:
        return {
            "seekers": len(self.seekers.ids),
            "vacancies": len(self.vacancies.ids),
            "skills": len(self.skill_ids),
        }


# --- Reading -----------------------------------------------------------------------------------


def _copy_int64(sql: str, params: list, ncols: int) -> np.ndarray:
    """`COPY (sql) TO STDOUT (FORMAT binary)` of non-null bigint columns as an (n, ncols) array."""
    with connection.cursor() as cursor:
        query = cursor.mogrify(sql, params)
        query = query.decode() if isinstance(query, bytes) else query
        buffer = io.BytesIO()
        cursor.copy_expert(f"COPY ({query}) TO STDOUT WITH (FORMAT binary)", buffer)
    raw = buffer.getvalue()
    # 11-byte signature, int32 flags, int32 header-extension length, then rows, then int16 -1.
    extension = int.from_bytes(raw[15:19], "big")
    body = raw[19 + extension : -2]
    parts = [("n", ">i2")]
    for i in range(ncols):
        parts += [(f"len{i}", ">i4"), (f"v{i}", ">i8")]
    row = np.dtype(parts)
    records = np.frombuffer(body, dtype=row)
    return np.stack([records[f"v{i}"].astype(np.int64) for i in range(ncols)], axis=1).reshape(
        -1, ncols
    )


def _rows(sql: str, params: list, ncols: int) -> np.ndarray:
    """An (n, ncols) int64 array of a query whose columns are all non-null integers."""
    if connection.vendor == "postgresql":
        return _copy_int64(sql, params, ncols)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        data = cursor.fetchall()
    return np.asarray(data, dtype=np.int64).reshape(-1, ncols)


def _int8(expression: str) -> str:
    """Every extracted column is a bigint, so the binary COPY rows have one fixed width."""
    return f"CAST({expression} AS BIGINT)"


def _regency_int(column: str) -> str:
    """SQL turning a dotted regency code ("62.71") into the integer 6271."""
    return f"CAST(REPLACE(COALESCE({column}, '0'), '.', '') AS BIGINT)"


def _occupation_int(column: str) -> str:
    """SQL turning a KBJI code ("0110" or "2512.01") into its 4-digit unit group as an integer."""
    return f"CAST(SUBSTR({column}, 1, 4) AS BIGINT)"


def _age_sql(run_on: date) -> str:
    if connection.vendor == "postgresql":
        return (
            f"COALESCE(CAST(DATE_PART('year', AGE(DATE '{run_on.isoformat()}', s.birth_date)) "
            "AS BIGINT), 0)"
        )
    # SQLite: whole years between two ISO dates. The query has parameters, so % is doubled.
    day = run_on.isoformat()
    return (
        f"COALESCE(CAST(STRFTIME('%%Y', '{day}') AS INTEGER) - CAST(STRFTIME('%%Y', s.birth_date) "
        f"AS INTEGER) - (STRFTIME('%%m-%%d', '{day}') < STRFTIME('%%m-%%d', s.birth_date)), 0)"
    )


def _days_since(run_on: date, expression: str) -> str:
    """Whole days from a date expression to the run date (0 when it is unknown)."""
    if connection.vendor == "postgresql":
        return f"COALESCE(DATE '{run_on.isoformat()}' - CAST({expression} AS DATE), 0)"
    return (
        f"COALESCE(CAST(JULIANDAY('{run_on.isoformat()}') - JULIANDAY(DATE({expression})) "
        "AS INTEGER), 0)"
    )


def _case(column: str, mapping: dict[str, int], default: int = 0) -> str:
    whens = " ".join(f"WHEN '{key}' THEN {value}" for key, value in mapping.items())
    return f"CASE {column} {whens} ELSE {default} END"


def _csr(rows: np.ndarray, n_rows: int, row_ids: np.ndarray, col_of: dict) -> sp.csr_matrix:
    """A binary CSR matrix from (row id, column id) pairs, rows in the order of `row_ids`."""
    if len(rows) == 0:
        return sp.csr_matrix((n_rows, col_of["n"]), dtype=np.float32)
    row_index = np.searchsorted(row_ids, rows[:, 0])
    col_index = np.searchsorted(col_of["ids"], rows[:, 1])
    data = np.ones(len(rows), dtype=np.float32)
    matrix = sp.csr_matrix((data, (row_index, col_index)), shape=(n_rows, col_of["n"]))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def extract(
    run_on: date,
    *,
    province: str = "",
    vacancy_ids: list[int] | None = None,
    history: tuple[list[int], list[int]] | None = None,
) -> Snapshot:
    """Active seekers and open vacancies as engine arrays (optionally one province's vacancies,
    or only the given vacancies).

    `history` = (seeker ids, vacancy ids) replays past referrals (replay.py): those seekers are
    added to the active ones whatever their status now, and exactly those vacancies are taken,
    open or not.
    """
    seeker_where = "s.status = %s"
    seeker_params: list = [JobSeeker.Status.ACTIVE]
    if history is not None:
        extra = [int(pk) for pk in history[0]] or [0]
        seeker_where = f"(s.status = %s OR s.id IN ({', '.join(['%s'] * len(extra))}))"
        seeker_params += extra

    regency_codes = np.array(
        sorted(int(code.replace(".", "")) for code in _regency_codes()), dtype=np.int64
    )

    seeker_sql = (
        "SELECT s.id, "
        f"{_regency_int('s.regency_id')}, "
        f"{_int8(_case('s.relocation', SCOPE_CODES))}, "
        f"{_int8('COALESCE(e.rank, 0)')}, "
        f"{_int8('s.experience_months')}, "
        f"{_int8('COALESCE(s.expected_wage, 0)')}, "
        f"{_int8(_age_sql(run_on))}, "
        f"{_int8(_case('s.sex', SEX_CODES))}, "
        # Ties: the seeker who reported or registered most recently first.
        f"{_int8(_days_since(run_on, SEEKER_ACTIVITY))} "
        "FROM jobseekers_jobseeker s "
        "LEFT JOIN taxonomy_educationlevel e ON e.code = s.education_level_id "
        f"WHERE {seeker_where} AND s.regency_id IS NOT NULL ORDER BY s.id"
    )
    seekers = _rows(seeker_sql, seeker_params, 9)
    seeker_ids = seekers[:, 0].copy()

    # Published vacancies opening later are matched too: candidates are ready on day one. The
    # rule is the one of Vacancy.objects.referable(), compiled to SQL here.
    referable_sql, referable_params = (
        Vacancy.objects.referable(run_on).order_by().values("id").query.sql_with_params()
    )
    vacancy_where = f"v.id IN ({referable_sql}) AND (v.regency_id IS NOT NULL OR v.is_overseas)"
    vacancy_params: list = list(referable_params)
    if history is not None:
        vacancy_where = "(v.regency_id IS NOT NULL OR v.is_overseas)"
        vacancy_params = []
        vacancy_ids = list(history[1])
    if province:
        vacancy_where += " AND v.regency_id LIKE %s"
        vacancy_params.append(f"{province}.%")
    if vacancy_ids is not None:
        ids = [int(pk) for pk in vacancy_ids] or [0]
        vacancy_where += f" AND v.id IN ({', '.join(['%s'] * len(ids))})"
        vacancy_params.extend(ids)
    adults_only = f"CASE WHEN {adults_only_sql('v')} THEN 1 ELSE 0 END"
    vacancy_sql = (
        "SELECT v.id, "
        f"{_regency_int('v.regency_id')}, "
        f"{_int8('CASE WHEN v.is_overseas THEN 1 ELSE 0 END')}, "
        f"{_int8('COALESCE(e.rank, 0)')}, {_int8('v.min_experience_months')}, "
        f"{_int8('COALESCE(v.wage_min, 0)')}, {_int8('COALESCE(v.wage_max, 0)')}, "
        f"{_int8('COALESCE(v.age_min, 0)')}, {_int8('COALESCE(v.age_max, 0)')}, "
        f"{_int8(_case('v.sex', SEX_CODES))}, "
        f"{_occupation_int('o.code')}, "
        # Ties: the vacancy published most recently first.
        f"{_int8(_days_since(run_on, 'COALESCE(v.published_at, v.created_at)'))}, "
        f"{_int8(adults_only)}, "
        f"{_int8(_case('v.required_licence', _LICENCE_CODES))}, "
        f"{_int8(_case('v.required_language', _LANGUAGE_CODES))}, "
        f"{_int8('COALESCE(v.required_language_level, 0)')} "
        "FROM employers_vacancy v "
        "JOIN taxonomy_educationlevel e ON e.code = v.min_education_id "
        "JOIN taxonomy_occupation o ON o.id = v.occupation_id "
        f"WHERE {vacancy_where} ORDER BY v.id"
    )
    vacancies = _rows(vacancy_sql, vacancy_params, 16)
    vacancy_ids = vacancies[:, 0].copy()

    seeker_skill_rows = _rows(
        "SELECT k.seeker_id, k.skill_id FROM jobseekers_seekerskill k "
        "JOIN jobseekers_jobseeker s ON s.id = k.seeker_id "
        f"WHERE {seeker_where} AND s.regency_id IS NOT NULL",
        seeker_params,
        2,
    )
    vacancy_skill_rows = _rows(
        "SELECT k.vacancy_id, k.skill_id, "
        f"{_int8('CASE WHEN k.is_required THEN 1 ELSE 0 END')} "
        "FROM employers_vacancyskill k JOIN employers_vacancy v ON v.id = k.vacancy_id "
        f"WHERE {vacancy_where}",
        vacancy_params,
        3,
    )
    skill_ids = np.unique(np.concatenate([seeker_skill_rows[:, 1], vacancy_skill_rows[:, 1]]))
    columns = {"ids": skill_ids, "n": len(skill_ids)}

    occupations = _seeker_occupations(seeker_ids, seeker_where, seeker_params)
    past_codes, past_months = _past_jobs(seeker_ids, seeker_where, seeker_params)

    seeker_regency = _regency_index(regency_codes, seekers[:, 1])
    vacancy_regency = _regency_index(regency_codes, vacancies[:, 1])
    required = vacancy_skill_rows[vacancy_skill_rows[:, 2] == 1]
    optional = vacancy_skill_rows[vacancy_skill_rows[:, 2] == 0]

    holds, requires = _requirement_bits(run_on, seekers, seeker_ids, vacancies, vacancy_ids)
    # Credentials that count without being required (credential_fit.py); certificates and
    # courses are coded to occupations only when some vacancy here asks for certification.
    relevant, asks_certification = vacancy_relevance(vacancy_ids)
    held_codes = credential_codes(run_on, seeker_ids) if asks_certification.any() else None

    seeker_arrays = SeekerArrays(
        ids=seeker_ids,
        regency=seeker_regency,
        province=(seekers[:, 1] // 100).astype(np.int32),
        scope=seekers[:, 2].astype(np.int8),
        education=seekers[:, 3].astype(np.int16),
        experience_months=seekers[:, 4].astype(np.int32),
        expected_wage=seekers[:, 5].astype(np.int64),
        age=seekers[:, 6].astype(np.int16),
        sex=seekers[:, 7].astype(np.int8),
        occupations=occupations,
        experience_codes=past_codes,
        experience_code_months=past_months,
        tiebreak=seekers[:, 8].astype(np.int32),
        skills=_csr(seeker_skill_rows, len(seeker_ids), seeker_ids, columns),
        holds=holds,
        credential_codes=held_codes,
    )
    specificity = _skill_specificity(run_on, skill_ids)
    required_matrix = _csr(required[:, :2], len(vacancy_ids), vacancy_ids, columns)
    optional_matrix = _csr(optional[:, :2], len(vacancy_ids), vacancy_ids, columns)
    vacancy_arrays = VacancyArrays(
        ids=vacancy_ids,
        regency=vacancy_regency,
        province=(vacancies[:, 1] // 100).astype(np.int32),
        is_overseas=vacancies[:, 2].astype(bool),
        min_education=vacancies[:, 3].astype(np.int16),
        min_experience_months=vacancies[:, 4].astype(np.int32),
        wage_min=vacancies[:, 5].astype(np.int64),
        wage_max=vacancies[:, 6].astype(np.int64),
        age_min=vacancies[:, 7].astype(np.int16),
        age_max=vacancies[:, 8].astype(np.int16),
        sex=vacancies[:, 9].astype(np.int8),
        occupation=vacancies[:, 10].astype(np.int16),
        skill_evidence=skill_evidence(required_matrix, optional_matrix, specificity),
        tiebreak=vacancies[:, 11].astype(np.int32),
        required_skills=required_matrix,
        optional_skills=optional_matrix,
        requires=requires,
        relevant=relevant,
        asks_certification=asks_certification,
    )
    return Snapshot(
        run_on,
        seeker_arrays,
        vacancy_arrays,
        skill_ids,
        regency_codes,
        skill_idf=skill_idf(seeker_arrays.skills, len(skill_ids)),
        skill_specificity=specificity,
    )


def _skill_specificity(run_on: date, skill_ids: np.ndarray) -> np.ndarray:
    """Specificity of each skill column over every open vacancy (not only the extracted ones)."""
    referable_sql, params = (
        Vacancy.objects.referable(run_on).order_by().values("id").query.sql_with_params()
    )
    counts = _rows(
        "SELECT k.skill_id, COUNT(DISTINCT k.vacancy_id) FROM employers_vacancyskill k "
        f"WHERE k.vacancy_id IN ({referable_sql}) GROUP BY k.skill_id",
        list(params),
        2,
    )
    total = Vacancy.objects.referable(run_on).count()
    df = np.zeros(len(skill_ids), dtype=np.int64)
    if len(counts) and len(skill_ids):
        at = np.clip(np.searchsorted(skill_ids, counts[:, 0]), 0, len(skill_ids) - 1)
        known = skill_ids[at] == counts[:, 0]
        df[at[known]] = counts[known, 1]
    return skill_specificity_from_counts(df, total)


def _past_jobs(
    seeker_ids: np.ndarray, seeker_where: str, seeker_params: list
) -> tuple[np.ndarray, np.ndarray]:
    """Up to four KBJI unit groups per seeker with the months worked in each (most months first);
    experience without an occupation code is not of a known kind and is left out."""
    rows = _rows(
        "SELECT x.seeker_id, "
        f"{_occupation_int('o.code')}, {_int8('SUM(x.months)')} FROM jobseekers_experience x "
        "JOIN taxonomy_occupation o ON o.id = x.occupation_id "
        f"JOIN jobseekers_jobseeker s ON s.id = x.seeker_id WHERE {seeker_where} "
        "GROUP BY x.seeker_id, o.code",
        seeker_params,
        3,
    )
    codes = np.full((len(seeker_ids), OCCUPATION_SLOTS), -1, dtype=np.int16)
    months = np.zeros((len(seeker_ids), OCCUPATION_SLOTS), dtype=np.int32)
    if len(rows) == 0 or len(seeker_ids) == 0:
        return codes, months
    # The same unit group may come from several codes ("2512.01", "2512.02"): add them up.
    key = rows[:, 0] * 10_000 + rows[:, 1]
    unique, inverse = np.unique(key, return_inverse=True)
    summed = np.bincount(inverse.reshape(-1), weights=rows[:, 2]).astype(np.int64)
    seeker, code = np.divmod(unique, 10_000)
    order = np.lexsort((code, -summed, seeker))
    seeker, code, summed = seeker[order], code[order], summed[order]
    at = np.searchsorted(seeker_ids, seeker)
    known = (at < len(seeker_ids)) & (seeker_ids[np.clip(at, 0, len(seeker_ids) - 1)] == seeker)
    at, code, summed = at[known], code[known], summed[known]
    starts = np.r_[0, np.flatnonzero(np.diff(at)) + 1]
    position = np.arange(len(at)) - np.repeat(starts, np.diff(np.r_[starts, len(at)]))
    keep = position < OCCUPATION_SLOTS
    codes[at[keep], position[keep]] = code[keep]
    months[at[keep], position[keep]] = summed[keep]
    return codes, months


# Licence classes and languages as 1-based integers in SQL (0 = none).
_LICENCE_CODES = {code: i + 1 for i, code in enumerate(credentials.LicenceClass.values)}
_LANGUAGE_CODES = {code: i + 1 for i, code in enumerate(credentials.Language.values)}


def _requirement_bits(
    run_on: date,
    seekers: np.ndarray,
    seeker_ids: np.ndarray,
    vacancies: np.ndarray,
    vacancy_ids: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """What each seeker holds and each vacancy requires, as bit words (credentials.py).

    Held: being 18 or over (unknown ages count as under: placement/migrants/rules.py), every class
    a licence valid on `run_on` covers, every level up to a language's, and a certificate valid on
    `run_on` of a scheme some vacancy here asks for. Required: the adult bit for work closed to
    minors, the licence class, the language at its level, the scheme.
    """
    schemes = _required_schemes(vacancy_ids)
    keys = sorted(set(schemes.values()))
    scheme_bit = {key: credentials.SCHEME_BITS_START + i for i, key in enumerate(keys)}
    words = 1 + (credentials.SCHEME_BITS_START + len(keys) - 1) // 64
    holds = np.zeros((len(seeker_ids), words), dtype=np.uint64)
    requires = np.zeros((len(vacancy_ids), words), dtype=np.uint64)

    adult = seekers[:, 6] >= ADULT_AGE
    holds[adult, 0] |= np.uint64(1 << credentials.ADULT_BIT)
    licences = _rows(
        "SELECT d.seeker_id, "
        f"{_int8(_case('d.licence_class', _LICENCE_CODES))} FROM jobseekers_drivinglicence d "
        "JOIN jobseekers_jobseeker s ON s.id = d.seeker_id "
        "WHERE s.status = %s AND d.valid_until >= %s",
        [JobSeeker.Status.ACTIVE, run_on],
        2,
    )
    covers = np.array(
        [0]
        + [
            credentials.held_bits(adult=False, licences=[code], languages=[])
            for code in credentials.LicenceClass.values
        ],
        dtype=np.uint64,
    )
    _or_rows(holds, seeker_ids, licences[:, 0], covers[licences[:, 1]])
    languages = _rows(
        "SELECT l.seeker_id, "
        f"{_int8(_case('l.language', _LANGUAGE_CODES))}, {_int8('l.level')} "
        "FROM jobseekers_languageskill l JOIN jobseekers_jobseeker s ON s.id = l.seeker_id "
        "WHERE s.status = %s",
        [JobSeeker.Status.ACTIVE],
        3,
    )
    spoken = np.zeros((len(_LANGUAGE_CODES) + 1, 4), dtype=np.uint64)
    for code, index in _LANGUAGE_CODES.items():
        for level in (1, 2, 3):
            spoken[index, level] = credentials.held_bits(
                adult=False, licences=[], languages=[(code, level)]
            )
    levels = np.clip(languages[:, 2], 0, 3)
    _or_rows(holds, seeker_ids, languages[:, 0], spoken[languages[:, 1], levels])
    if keys:
        for seeker_id, key in _held_schemes(run_on, keys):
            _or_bit(holds, seeker_ids, seeker_id, scheme_bit[key])

    requires[vacancies[:, 12] == 1, 0] |= np.uint64(1 << credentials.ADULT_BIT)
    for index, code in enumerate(credentials.LicenceClass.values, start=1):
        rows = vacancies[:, 13] == index
        requires[rows, 0] |= np.uint64(1 << credentials.licence_bit(code))
    for code, index in _LANGUAGE_CODES.items():
        for level in (1, 2, 3):
            rows = (vacancies[:, 14] == index) & (vacancies[:, 15] == level)
            requires[rows, 0] |= np.uint64(1 << credentials.language_bit(code, level))
    for vacancy_id, key in schemes.items():
        _or_bit(requires, vacancy_ids, vacancy_id, scheme_bit[key])
    return holds, requires


def _or_rows(bits: np.ndarray, ids: np.ndarray, row_ids: np.ndarray, values: np.ndarray) -> None:
    """Word 0 of the row of each id in `row_ids` |= its value (ids missing from `ids` skipped)."""
    if len(row_ids) == 0 or len(ids) == 0:
        return
    rows = np.clip(np.searchsorted(ids, row_ids), 0, len(ids) - 1)
    known = ids[rows] == row_ids
    np.bitwise_or.at(bits[:, 0], rows[known], values[known])


def _or_bit(bits: np.ndarray, ids: np.ndarray, row_id: int, bit: int) -> None:
    row = int(np.searchsorted(ids, row_id))
    if row < len(ids) and ids[row] == row_id:
        bits[row, bit // 64] |= np.uint64(1 << (bit % 64))


def _required_schemes(vacancy_ids: np.ndarray) -> dict[int, str]:
    """{vacancy id: scheme key} of the vacancies here that ask for a certificate."""
    if len(vacancy_ids) == 0:
        return {}
    rows = (
        Vacancy.objects.exclude(required_certificate="")
        .filter(id__in=[int(pk) for pk in vacancy_ids])
        .values_list("id", "required_certificate")
    )
    keys = {pk: credentials.scheme_key(name) for pk, name in rows}
    return {pk: key for pk, key in keys.items() if key}


def _held_schemes(run_on: date, keys: list[str]) -> list[tuple[int, str]]:
    """(seeker id, scheme key) of active seekers' certificates of these schemes valid on run_on."""
    return list(
        CompetencyCertificate.objects.filter(
            seeker__status=JobSeeker.Status.ACTIVE,
            scheme_key__in=keys,
            valid_from__lte=run_on,
            valid_until__gte=run_on,
        ).values_list("seeker_id", "scheme_key")
    )


def _regency_codes() -> list[str]:

    return list(Regency.objects.values_list("code", flat=True))


def _regency_index(codes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Position of each regency integer in the sorted code list (-1 for none, e.g. overseas)."""
    index = np.searchsorted(codes, values)
    index = np.clip(index, 0, len(codes) - 1)
    return np.where(codes[index] == values, index, -1).astype(np.int32)


def _seeker_occupations(
    seeker_ids: np.ndarray, seeker_where: str, seeker_params: list
) -> np.ndarray:
    """Up to four KBJI unit groups per seeker: wanted occupations first, then experience."""

    preferred = _rows(
        "SELECT p.jobseeker_id, "
        f"{_occupation_int('o.code')} FROM jobseekers_jobseeker_preferred_occupations p "
        "JOIN taxonomy_occupation o ON o.id = p.occupation_id "
        f"JOIN jobseekers_jobseeker s ON s.id = p.jobseeker_id WHERE {seeker_where}",
        seeker_params,
        2,
    )
    experience = _rows(
        "SELECT x.seeker_id, "
        f"{_occupation_int('o.code')} FROM jobseekers_experience x "
        "JOIN taxonomy_occupation o ON o.id = x.occupation_id "
        f"JOIN jobseekers_jobseeker s ON s.id = x.seeker_id WHERE {seeker_where}",
        seeker_params,
        2,
    )
    pairs = np.concatenate([preferred, experience]) if len(experience) else preferred
    slots = np.full((len(seeker_ids), OCCUPATION_SLOTS), -1, dtype=np.int16)
    if len(pairs) == 0:
        return slots
    # Keep the first occurrence of each (seeker, code), in preference-then-experience order.
    order = np.lexsort((np.arange(len(pairs)), pairs[:, 0]))
    pairs = pairs[order]
    _, first = np.unique(pairs[:, 0] * 10_000 + pairs[:, 1], return_index=True)
    pairs = pairs[np.sort(first)]
    rows = np.searchsorted(seeker_ids, pairs[:, 0])
    known = (rows < len(seeker_ids)) & (
        seeker_ids[np.clip(rows, 0, len(seeker_ids) - 1)] == pairs[:, 0]
    )
    rows, codes = rows[known], pairs[known, 1]
    # Position of each code within its seeker's group.
    starts = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
    position = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    keep = position < OCCUPATION_SLOTS
    slots[rows[keep], position[keep]] = codes[keep]
    return slots


# --- Snapshot files ------------------------------------------------------------------------------


def save_snapshot(snapshot: Snapshot, folder: Path) -> None:
    """Write every array as its own .npy file (memory-mappable) plus a small JSON header."""
    folder.mkdir(parents=True, exist_ok=True)
    for prefix, arrays in (("seeker", snapshot.seekers), ("vacancy", snapshot.vacancies)):
        for field in fields(arrays):
            value = getattr(arrays, field.name)
            if sp.issparse(value):
                value = value.tocsr()
                np.save(folder / f"{prefix}.{field.name}.indptr.npy", value.indptr)
                np.save(folder / f"{prefix}.{field.name}.indices.npy", value.indices)
                np.save(folder / f"{prefix}.{field.name}.shape.npy", np.array(value.shape))
            else:
                np.save(folder / f"{prefix}.{field.name}.npy", value)
    np.save(folder / "skill_ids.npy", snapshot.skill_ids)
    np.save(folder / "regency_codes.npy", snapshot.regency_codes)
    np.save(folder / "skill_idf.npy", snapshot.skill_idf)
    np.save(folder / "skill_specificity.npy", snapshot.skill_specificity)
    (folder / "snapshot.json").write_text(json.dumps({"run_on": snapshot.run_on.isoformat()}))


def load_snapshot(folder: Path) -> Snapshot:
    """Memory-map a snapshot written by `save_snapshot`."""

    def array(name: str) -> np.ndarray:
        return np.load(folder / f"{name}.npy", mmap_mode="r")

    def build(cls, prefix: str):
        values = {}
        for field in fields(cls):
            base = f"{prefix}.{field.name}"
            if (folder / f"{base}.indptr.npy").exists():
                shape = tuple(int(x) for x in np.load(folder / f"{base}.shape.npy"))
                indptr, indices = array(f"{base}.indptr"), array(f"{base}.indices")
                data = np.ones(len(indices), dtype=np.float32)
                values[field.name] = sp.csr_matrix((data, indices, indptr), shape=shape)
            else:
                values[field.name] = array(base)
        return cls(**values)

    header = json.loads((folder / "snapshot.json").read_text())
    return Snapshot(
        run_on=date.fromisoformat(header["run_on"]),
        seekers=build(SeekerArrays, "seeker"),
        vacancies=build(VacancyArrays, "vacancy"),
        skill_ids=array("skill_ids"),
        regency_codes=array("regency_codes"),
        skill_idf=array("skill_idf"),
        skill_specificity=array("skill_specificity"),
    )

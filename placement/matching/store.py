"""Write a night's results into the database in bulk and swap them in atomically.

PostgreSQL: the rows are encoded by numpy into PostgreSQL's binary COPY format (no Python per row),
loaded into a fresh table, indexed and analysed, then swapped with the live table by renaming in one
transaction. SQLite (demo): delete and `bulk_create` in one transaction.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction

from placement.matching.models import COMPONENTS, Match

TABLE = Match._meta.db_table
COLUMNS = (
    "run_id",
    "seeker_id",
    "vacancy_id",
    "score",
    *COMPONENTS,
    "rank_for_vacancy",
    "rank_for_seeker",
    "matched_skills",
    "missing_skills",
)
INT4_OID = 23


@dataclass(frozen=True)
class PairTable:
    """The pairs to store, one row each, with ragged lists of skill ids as (indptr, values)."""

    seeker_id: np.ndarray  # int64
    vacancy_id: np.ndarray  # int64
    score: np.ndarray  # float64, 0..100
    components: np.ndarray  # (n, 6) float64, 0..1
    rank_for_vacancy: np.ndarray  # int16, 0 = not in the vacancy's list
    rank_for_seeker: np.ndarray  # int16, 0 = not in the seeker's list
    matched_indptr: np.ndarray  # int64, n + 1
    matched_skills: np.ndarray  # int32 skill ids
    missing_indptr: np.ndarray
    missing_skills: np.ndarray

    def __len__(self) -> int:
        return len(self.seeker_id)


# --- Binary COPY encoding ---------------------------------------------------------------------


def _int4_arrays(indptr: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Encode one int4[] per row: (bytes per row incl. its length word, all bytes as uint8)."""
    counts = np.diff(indptr).astype(np.int64)
    n = len(counts)
    # Empty array: ndim 0, flags 0, element oid (12 bytes). Otherwise add dim + lbound (8) and
    # per element a length word and the value (8 each).
    body = np.where(counts == 0, 12, 20 + 8 * counts)
    sizes = body + 4  # the field's own length word
    out = np.zeros(int(sizes.sum()), dtype=np.uint8)
    starts = (np.cumsum(sizes) - sizes).astype(np.int64)

    def put(offsets: np.ndarray, words: np.ndarray) -> None:
        data = words.astype(">i4").view(np.uint8).reshape(-1, 4)
        out[(offsets[:, None] + np.arange(4)).ravel()] = data.ravel()

    put(starts, body)
    put(starts + 4, (counts > 0).astype(np.int64))  # ndim
    put(starts + 8, np.zeros(n, dtype=np.int64))  # has-null flags
    put(starts + 12, np.full(n, INT4_OID))
    nonempty = counts > 0
    put(starts[nonempty] + 16, counts[nonempty])  # dimension length
    put(starts[nonempty] + 20, np.ones(int(nonempty.sum()), dtype=np.int64))  # lower bound
    if len(values):
        row_of_element = np.repeat(np.arange(n), counts)
        within = np.arange(len(values)) - np.repeat(indptr[:-1], counts)
        element_start = starts[row_of_element] + 24 + 8 * within
        put(element_start, np.full(len(values), 4))
        put(element_start + 4, values.astype(np.int64))
    return sizes, out


def encode_copy(table: PairTable, run_id: int) -> bytes:
    """The whole COPY stream (header, rows, trailer) for `COLUMNS`."""
    n = len(table)
    fixed = np.dtype(
        [("ncols", ">i2")]
        + [
            ("l_run", ">i4"), ("run", ">i8"),
            ("l_seeker", ">i4"), ("seeker", ">i8"),
            ("l_vacancy", ">i4"), ("vacancy", ">i8"),
            ("l_score", ">i4"), ("score", ">f8"),
        ]
        + [item for c in COMPONENTS for item in ((f"l_{c}", ">i4"), (c, ">f8"))]
        + [("l_rv", ">i4"), ("rv", ">i2"), ("l_rs", ">i4"), ("rs", ">i2")]
    )  # fmt: skip
    rows = np.zeros(n, dtype=fixed)
    rows["ncols"] = len(COLUMNS)
    for name, size in (("l_run", 8), ("l_seeker", 8), ("l_vacancy", 8), ("l_score", 8)):
        rows[name] = size
    rows["run"], rows["seeker"], rows["vacancy"] = run_id, table.seeker_id, table.vacancy_id
    rows["score"] = table.score
    for i, component in enumerate(COMPONENTS):
        rows[f"l_{component}"] = 8
        rows[component] = table.components[:, i]
    rows["l_rv"], rows["rv"] = 2, table.rank_for_vacancy
    rows["l_rs"], rows["rs"] = 2, table.rank_for_seeker
    fixed_bytes = rows.view(np.uint8).reshape(n, fixed.itemsize)
    matched_sizes, matched = _int4_arrays(table.matched_indptr, table.matched_skills)
    missing_sizes, missing = _int4_arrays(table.missing_indptr, table.missing_skills)
    row_sizes = fixed.itemsize + matched_sizes + missing_sizes
    row_starts = (np.cumsum(row_sizes) - row_sizes).astype(np.int64)
    out = np.empty(int(row_sizes.sum()), dtype=np.uint8)
    out[(row_starts[:, None] + np.arange(fixed.itemsize)).ravel()] = fixed_bytes.ravel()
    _scatter(out, row_starts + fixed.itemsize, matched_sizes, matched)
    _scatter(out, row_starts + fixed.itemsize + matched_sizes, missing_sizes, missing)
    header = b"PGCOPY\n\xff\r\n\x00" + (0).to_bytes(4, "big") + (0).to_bytes(4, "big")
    return header + out.tobytes() + (-1).to_bytes(2, "big", signed=True)


def _scatter(out: np.ndarray, starts: np.ndarray, sizes: np.ndarray, flat: np.ndarray) -> None:
    """Copy consecutive variable-size chunks of `flat` to `starts` in `out`."""
    within = np.arange(len(flat)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    out[np.repeat(starts, sizes) + within] = flat


# --- Writing ----------------------------------------------------------------------------------


def replace_all(table: PairTable, run_id: int) -> None:
    """Make `table` the live results, replacing every previous row, atomically."""
    if connection.vendor == "postgresql":
        _swap_postgres(table, run_id)
    else:
        with transaction.atomic():
            Match.objects.all().delete()
            _bulk_insert(table, run_id)


def replace_for(table: PairTable, run_id: int, *, vacancy_ids=None, seeker_ids=None) -> None:
    """Replace the rows of some vacancies (their candidate lists) or some seekers, atomically.

    Used by a province run and by on-demand rescoring: the vacancies' rows are replaced; for seekers
    only their own ranking changes (their places in vacancies' lists wait for the next night).
    """
    with transaction.atomic():
        if vacancy_ids is not None:
            Match.objects.filter(vacancy_id__in=list(map(int, vacancy_ids))).delete()
        if seeker_ids is not None:
            ids = list(map(int, seeker_ids))
            Match.objects.filter(seeker_id__in=ids, rank_for_vacancy=0).delete()
            Match.objects.filter(seeker_id__in=ids).update(rank_for_seeker=0)
            keep = set(
                Match.objects.filter(seeker_id__in=ids).values_list("seeker_id", "vacancy_id")
            )
            if keep:
                _merge_seeker_ranks(table, keep)
                mask = np.array(
                    [
                        (int(s), int(v)) not in keep
                        for s, v in zip(table.seeker_id, table.vacancy_id, strict=True)
                    ]
                )
                table = _subset(table, mask)
        if connection.vendor == "postgresql" and len(table) > 5000:
            with connection.cursor() as cursor:
                cursor.copy_expert(
                    f"COPY {TABLE} ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT binary)",
                    io.BytesIO(encode_copy(table, run_id)),
                )
        else:
            _bulk_insert(table, run_id)


def _merge_seeker_ranks(table: PairTable, existing: set[tuple[int, int]]) -> None:
    for s, v, rank in zip(table.seeker_id, table.vacancy_id, table.rank_for_seeker, strict=True):
        if (int(s), int(v)) in existing and rank:
            Match.objects.filter(seeker_id=int(s), vacancy_id=int(v)).update(
                rank_for_seeker=int(rank)
            )


def _subset(table: PairTable, mask: np.ndarray) -> PairTable:
    def ragged(indptr: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        counts = np.diff(indptr)[mask]
        starts = indptr[:-1][mask]
        picked = (
            np.concatenate([values[a : a + c] for a, c in zip(starts, counts, strict=True)])
            if len(counts)
            else values[:0]
        )
        return np.concatenate([[0], np.cumsum(counts)]).astype(np.int64), picked

    matched_indptr, matched = ragged(table.matched_indptr, table.matched_skills)
    missing_indptr, missing = ragged(table.missing_indptr, table.missing_skills)
    return PairTable(
        seeker_id=table.seeker_id[mask],
        vacancy_id=table.vacancy_id[mask],
        score=table.score[mask],
        components=table.components[mask],
        rank_for_vacancy=table.rank_for_vacancy[mask],
        rank_for_seeker=table.rank_for_seeker[mask],
        matched_indptr=matched_indptr,
        matched_skills=matched,
        missing_indptr=missing_indptr,
        missing_skills=missing,
    )


def _bulk_insert(table: PairTable, run_id: int) -> None:
    objects = []
    for i in range(len(table)):
        a, b = table.matched_indptr[i], table.matched_indptr[i + 1]
        c, d = table.missing_indptr[i], table.missing_indptr[i + 1]
        objects.append(
            Match(
                run_id=run_id,
                seeker_id=int(table.seeker_id[i]),
                vacancy_id=int(table.vacancy_id[i]),
                score=float(table.score[i]),
                **{name: float(table.components[i, j]) for j, name in enumerate(COMPONENTS)},
                rank_for_vacancy=int(table.rank_for_vacancy[i]),
                rank_for_seeker=int(table.rank_for_seeker[i]),
                matched_skills=table.matched_skills[a:b].tolist(),
                missing_skills=table.missing_skills[c:d].tolist(),
            )
        )
    Match.objects.bulk_create(objects, batch_size=2000)


def _swap_postgres(table: PairTable, run_id: int) -> None:
    new, old = f"{TABLE}_new", f"{TABLE}_old"
    payload = encode_copy(table, run_id)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {new}")
        cursor.execute(
            f"CREATE TABLE {new} (LIKE {TABLE} INCLUDING DEFAULTS INCLUDING IDENTITY "
            "INCLUDING CONSTRAINTS)"
        )
        cursor.copy_expert(
            f"COPY {new} ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT binary)",
            io.BytesIO(payload),
        )
        # Indexes after loading: far faster than maintaining them row by row.
        cursor.execute(f"ALTER TABLE {new} ADD CONSTRAINT {new}_pkey PRIMARY KEY (id)")
        cursor.execute(
            f"CREATE INDEX {new}_vacancy ON {new} (vacancy_id, rank_for_vacancy) "
            "WHERE rank_for_vacancy > 0"
        )
        cursor.execute(
            f"CREATE INDEX {new}_seeker ON {new} (seeker_id, rank_for_seeker) "
            "WHERE rank_for_seeker > 0"
        )
        cursor.execute(f"CREATE INDEX {new}_pair ON {new} (seeker_id, vacancy_id)")
        cursor.execute(f"ANALYZE {new}")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {TABLE} IN ACCESS EXCLUSIVE MODE")
        cursor.execute(f"ALTER TABLE {TABLE} RENAME TO {old}")
        cursor.execute(f"ALTER TABLE {new} RENAME TO {TABLE}")
        cursor.execute(f"DROP TABLE {old}")
        for suffix, final in (
            ("pkey", f"{TABLE}_pkey"),
            ("vacancy", "match_vacancy_rank"),
            ("seeker", "match_seeker_rank"),
            ("pair", "match_pair"),
        ):
            cursor.execute(f"ALTER INDEX IF EXISTS {new}_{suffix} RENAME TO {final}")

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
    components: np.ndarray  # (n, len(COMPONENTS)) float64, 0..1
    rank_for_vacancy: np.ndarray  # int16, 0 = not in the vacancy's list
    rank_for_seeker: np.ndarray  # int16, 0 = not in the seeker's list
    matched_indptr: np.ndarray  # int64, n + 1
    matched_skills: np.ndarray  # int32 skill ids
    missing_indptr: np.ndarray
    missing_skills: np.ndarray

    def __len__(self) -> int:
        return len(self.seeker_id)


# --- Binary COPY encoding ---------------------------------------------------------------------

_HEADER = b"PGCOPY\n\xff\r\n\x00" + (0).to_bytes(4, "big") + (0).to_bytes(4, "big")
_TRAILER = (-1).to_bytes(2, "big", signed=True)
_FIXED = (
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
_ELEMENT = np.dtype([("len", ">i4"), ("value", ">i4")])


def _array_fields(prefix: str, count: int) -> list[tuple]:
    """The layout of one int4[] field with `count` elements (binary array format)."""
    fields = [
        (f"{prefix}_len", ">i4"),
        (f"{prefix}_ndim", ">i4"),
        (f"{prefix}_flags", ">i4"),
        (f"{prefix}_oid", ">i4"),
    ]
    if count:
        fields += [(f"{prefix}_dim", ">i4"), (f"{prefix}_lbound", ">i4")]
        fields += [(f"{prefix}_items", _ELEMENT, (count,))]
    return fields


def _fill_array(
    records: np.ndarray,
    prefix: str,
    count: int,
    indptr: np.ndarray,
    values: np.ndarray,
    rows: np.ndarray,
) -> None:
    records[f"{prefix}_len"] = 20 + 8 * count if count else 12
    records[f"{prefix}_ndim"] = 1 if count else 0
    records[f"{prefix}_oid"] = INT4_OID
    if count:
        records[f"{prefix}_dim"] = count
        records[f"{prefix}_lbound"] = 1
        items = records[f"{prefix}_items"]
        items["len"] = 4
        items["value"] = values[indptr[rows][:, None] + np.arange(count)]


def encode_copy(table: PairTable, run_id: int, rows: np.ndarray | None = None) -> bytes:
    """The whole COPY stream (header, rows, trailer) for `COLUMNS`, of all rows or of `rows`.

    Rows are grouped by their two list lengths: within a group every row has the same width, so
    one numpy record array per group encodes it with no Python per row. Row order does not matter
    to COPY.
    """
    matched_counts = np.diff(table.matched_indptr)
    missing_counts = np.diff(table.missing_indptr)
    keys = matched_counts.astype(np.int64) * 100_000 + missing_counts
    selected = np.arange(len(table)) if rows is None else np.asarray(rows)
    order = selected[np.argsort(keys[selected], kind="stable")]
    bounds = np.flatnonzero(np.diff(keys[order])) + 1
    chunks = [_HEADER]
    for group in np.split(order, bounds) if len(order) else []:
        rows = group
        m, k = int(matched_counts[rows[0]]), int(missing_counts[rows[0]])
        records = np.zeros(
            len(rows), dtype=_FIXED + _array_fields("matched", m) + _array_fields("missing", k)
        )
        records["ncols"] = len(COLUMNS)
        for name in ("l_run", "l_seeker", "l_vacancy", "l_score"):
            records[name] = 8
        records["run"] = run_id
        records["seeker"] = table.seeker_id[rows]
        records["vacancy"] = table.vacancy_id[rows]
        records["score"] = table.score[rows]
        for i, component in enumerate(COMPONENTS):
            records[f"l_{component}"] = 8
            records[component] = table.components[rows, i]
        records["l_rv"], records["rv"] = 2, table.rank_for_vacancy[rows]
        records["l_rs"], records["rs"] = 2, table.rank_for_seeker[rows]
        _fill_array(records, "matched", m, table.matched_indptr, table.matched_skills, rows)
        _fill_array(records, "missing", k, table.missing_indptr, table.missing_skills, rows)
        chunks.append(records.tobytes())
    chunks.append(_TRAILER)
    return b"".join(chunks)


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


COPY_CHUNK_ROWS = 500_000
LOAD_THREADS = 2


def _copy_chunk(table_name: str, payload: bytes) -> None:
    """COPY one encoded chunk on this thread's own connection."""
    from django.db import connections

    try:
        with connections["default"].cursor() as cursor:
            cursor.copy_expert(
                f"COPY {table_name} ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT binary)",
                io.BytesIO(payload),
            )
    finally:
        connections["default"].close()


def _execute(sql: str) -> None:
    from django.db import connections

    try:
        with connections["default"].cursor() as cursor:
            cursor.execute(sql)
    finally:
        connections["default"].close()


def _copy_here(table_name: str, payload: bytes) -> None:
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f"COPY {table_name} ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT binary)",
            io.BytesIO(payload),
        )


def _execute_here(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


def _swap_postgres(table: PairTable, run_id: int) -> None:
    """Load a fresh table (chunks encoded here while others are copied on two connections),
    index it in parallel, then swap it with the live table in one short transaction."""
    from concurrent.futures import ThreadPoolExecutor

    new, old = f"{TABLE}_new", f"{TABLE}_old"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {new}")
        cursor.execute(
            f"CREATE TABLE {new} (LIKE {TABLE} INCLUDING DEFAULTS INCLUDING IDENTITY "
            "INCLUDING CONSTRAINTS)"
        )
    chunks = np.array_split(np.arange(len(table)), max(1, -(-len(table) // COPY_CHUNK_ROWS)))
    # Indexes after loading: far faster than maintaining them row by row.
    statements = [
        f"ALTER TABLE {new} ADD CONSTRAINT {new}_pkey PRIMARY KEY (id)",
        f"CREATE INDEX {new}_vacancy ON {new} (vacancy_id, rank_for_vacancy) "
        "WHERE rank_for_vacancy > 0",
        f"CREATE INDEX {new}_seeker ON {new} (seeker_id, rank_for_seeker) "
        "WHERE rank_for_seeker > 0",
        f"CREATE INDEX {new}_pair ON {new} (seeker_id, vacancy_id)",
    ]
    if connection.in_atomic_block:
        # Other connections only see the new table once it is committed: inside a transaction
        # (the tests) everything stays on this connection.
        for rows in chunks:
            _copy_here(new, encode_copy(table, run_id, rows))
        for sql in statements:
            _execute_here(sql)
    else:
        with ThreadPoolExecutor(LOAD_THREADS) as pool:
            futures = [
                pool.submit(_copy_chunk, new, encode_copy(table, run_id, rows)) for rows in chunks
            ]
            for future in futures:
                future.result()
            for future in [pool.submit(_execute, sql) for sql in statements]:
                future.result()
    with connection.cursor() as cursor:
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

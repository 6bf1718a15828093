"""Matching engine: helpers."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

import numpy as np
import scipy.sparse as sp

from placement.matching.engine.constants import SCORE_DIVISOR

# The two array bundles (placement.matching.engine.arrays), named, not imported: arrays imports us.
_Arrays = TypeVar("_Arrays", "SeekerArrays", "VacancyArrays")  # noqa: F821


def _check_lengths(obj: object, n: int, skip: tuple[str, ...]) -> None:
    """Every 1-D field of a dataclass has n entries."""
    for name in obj.__dataclass_fields__:  # type: ignore[attr-defined]
        if name in skip:
            continue
        if len(getattr(obj, name)) != n:
            raise ValueError(f"{name} has {len(getattr(obj, name))} entries, expected {n}")


def _bit_words(bits: np.ndarray | None, n: int) -> np.ndarray:
    """Bitmasks as a uint64 (n, words) array: None is one empty word per row, 1-D is one word."""
    if bits is None:
        return np.zeros((n, 1), dtype=np.uint64)
    bits = np.asarray(bits)
    if bits.ndim == 1:
        bits = bits.reshape(-1, 1)
    if bits.ndim != 2 or bits.shape[1] == 0:
        raise ValueError("bitmasks must have shape (n, words) with at least one word")
    return bits.astype(np.uint64, copy=False)


def _same_width(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two bitmask arrays padded with empty words to the same number of words."""
    words = max(a.shape[1], b.shape[1])

    def pad(x: np.ndarray) -> np.ndarray:
        if x.shape[1] == words:
            return np.ascontiguousarray(x, dtype=np.uint64)
        out = np.zeros((x.shape[0], words), dtype=np.uint64)
        out[:, : x.shape[1]] = x
        return out

    return pad(a), pad(b)


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

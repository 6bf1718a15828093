"""How close two KBJI unit groups are, as data: the hierarchy plus a table of known neighbours.

Before, occupation proximity counted shared leading digits (0.25 each), so a nurse who wants 2221
scored 0 for a "Perawat" vacancy coded 3221, while a cook (5120) and an eyelash therapist (5142)
were "in the same group" because their codes share "51". Now (units of 1000):

- the same unit group: 1000;
- known neighbours (`data/occupation_neighbours.csv`, written by hand from KBJI 2014 and ISCO-08:
  2221/3221 nurses, 8322/8332 drivers, 4321/4110 clerks...): their units (500..850);
- the same minor group (first three digits): 500; the same sub-major group (two digits): 150;
  otherwise 0.

A pair takes the highest that applies. `OccupationSimilarity` holds the matrix over every code the
neighbour table names (the hierarchy alone decides for the others, by arithmetic on the codes), so
the engine reads it as a lookup, vectorised, never a loop. ESCO skill overlap is not used yet: the
reference data has no occupation-to-skill relations.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

NEIGHBOURS_PATH = Path(__file__).with_name("data") / "occupation_neighbours.csv"

SAME_UNITS = 1000
MINOR_GROUP_UNITS = 500
SUB_MAJOR_GROUP_UNITS = 150


def hierarchy_units(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Units two 4-digit codes earn from the KBJI hierarchy alone; -1 (no code) earns 0."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    units = np.where(
        a == b,
        SAME_UNITS,
        np.where(
            a // 10 == b // 10,
            MINOR_GROUP_UNITS,
            np.where(a // 100 == b // 100, SUB_MAJOR_GROUP_UNITS, 0),
        ),
    )
    return np.where((a >= 0) & (b >= 0), units, 0)


def read_neighbours(path: Path = NEIGHBOURS_PATH) -> dict[tuple[int, int], int]:
    """The hand-written neighbours, both ways round: (code, code) -> units."""
    pairs: dict[tuple[int, int], int] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            a, b, units = int(row["code_a"]), int(row["code_b"]), int(row["units"])
            if not 0 < units < SAME_UNITS:
                raise ValueError(f"neighbour units must be in 1..999: {row}")
            pairs[(a, b)] = pairs[(b, a)] = max(units, pairs.get((a, b), 0))
    return pairs


@dataclass(frozen=True)
class OccupationSimilarity:
    """A precomputed unit-group similarity matrix over `codes`; other codes by the hierarchy."""

    codes: np.ndarray  # sorted int64
    matrix: np.ndarray  # (len(codes), len(codes)) int32 units

    @classmethod
    def build(cls, neighbours: dict[tuple[int, int], int]) -> OccupationSimilarity:
        codes = np.array(sorted({code for pair in neighbours for code in pair}), dtype=np.int64)
        matrix = hierarchy_units(codes[:, None], codes[None, :]).astype(np.int32)
        index = {int(code): i for i, code in enumerate(codes)}
        for (a, b), units in neighbours.items():
            i, j = index[a], index[b]
            matrix[i, j] = max(matrix[i, j], units)
        return cls(codes, matrix)

    def _position(self, code: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        at = np.minimum(np.searchsorted(self.codes, code), len(self.codes) - 1)
        return at, self.codes[at] == code if len(self.codes) else np.zeros(code.shape, bool)

    def units(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Similarity units (0..1000) of codes `a` and `b` (broadcast; -1 means no code)."""
        a, b = np.broadcast_arrays(np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64))
        units = hierarchy_units(a, b)
        if not len(self.codes):
            return units
        ia, known_a = self._position(a)
        ib, known_b = self._position(b)
        both = known_a & known_b
        return np.where(both, self.matrix[ia, ib], units)


@lru_cache(maxsize=1)
def default_similarity() -> OccupationSimilarity:
    """The similarity the engine uses, built once per process from the neighbour table."""
    return OccupationSimilarity.build(read_neighbours())


def occupation_units(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Occupation component (0..1000) of seeker code(s) `a` against vacancy code(s) `b`."""
    return default_similarity().units(a, b)

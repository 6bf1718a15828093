"""Matching engine: running top-k lists."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from placement.matching.engine.constants import _SCORE_BITS, MAX_UNITS


class _TopLists:
    """Running top-k lists for n owners: scores and partners, best first (ties: smaller id)."""

    def __init__(self, n: int, k: int, partner_order: np.ndarray, partner_by_order: np.ndarray):
        """Empty lists; a threshold of 0 admits any admissible pair until a list is full."""
        self.k = k
        self.score = np.full((n, k), -1, dtype=np.int32)
        self.partner = np.full((n, k), -1, dtype=np.int32)
        self.threshold = np.zeros(n, dtype=np.int32)
        self.partner_order = partner_order
        self.partner_by_order = partner_by_order
        self.partner_bits = max(1, len(partner_order).bit_length())
        # Owners merged per sort: bounded by the key's bits and, to bound memory, by 2 ** 16.
        self.max_owners = min(1 << (63 - _SCORE_BITS - self.partner_bits), 1 << 16)

    def push(
        self, local: np.ndarray, owners: np.ndarray, partners: np.ndarray, scores: np.ndarray
    ) -> None:
        """Merge candidates (owners[local], partner, score) into the lists; keep the best k.

        One int64 key per entry, (owner position | k-complement of the score | partner id rank),
        sorts each owner's held and new entries together in one np.sort.
        """
        if len(local) == 0:
            return
        seen = np.zeros(len(owners), dtype=bool)
        seen[local] = True
        affected = np.flatnonzero(seen)
        position = np.cumsum(seen) - 1
        if len(affected) > self.max_owners:  # merge in ranges of owners: bounded temporaries
            part = position[local] // self.max_owners
            part = part.astype(np.int16 if part.max() < 1 << 15 else np.int64)  # radix sort
            order = np.argsort(part, kind="stable")
            bounds = np.searchsorted(part[order], np.arange(part.max() + 2))
            for a, b in pairwise(bounds):
                pick = order[a:b]
                self.push(local[pick], owners, partners[pick], scores[pick])
            return
        rows = owners[affected].astype(np.int64)
        k = self.k
        # Held entries fill a prefix of each row; address them flat (1-D indexing is cheaper).
        held = np.flatnonzero(self.partner[rows].reshape(-1) >= 0)
        held_owner = held // k
        held_flat = rows[held_owner] * k + (held - held_owner * k)
        flat_score = self.score.reshape(-1)
        flat_partner = self.partner.reshape(-1)
        owner = np.concatenate([held_owner, position[local]])
        score = np.concatenate([flat_score[held_flat], scores]).astype(np.int64)
        partner = np.concatenate([flat_partner[held_flat], partners])
        key = owner << (_SCORE_BITS + self.partner_bits)
        key |= (MAX_UNITS - score) << self.partner_bits
        key |= self.partner_order[partner]
        key.sort()
        owner = key >> (_SCORE_BITS + self.partner_bits)
        slot = np.arange(len(key)) - np.searchsorted(owner, np.arange(len(affected)))[owner]
        keep = slot < k
        key = key[keep]
        target = rows[owner[keep]] * k + slot[keep]
        self.score[rows] = -1
        self.partner[rows] = -1
        flat_score[target] = MAX_UNITS - ((key >> self.partner_bits) & ((1 << _SCORE_BITS) - 1))
        flat_partner[target] = self.partner_by_order[key & ((1 << self.partner_bits) - 1)]
        last = rows * k + (k - 1)
        self.threshold[rows] = np.where(flat_partner[last] >= 0, flat_score[last], 0)

    def entries(self, owner_index: np.ndarray, batch: int = 1 << 18) -> tuple[np.ndarray, ...]:
        """(owner, partner, score units, rank) of every held entry, by owner index then rank."""
        order = np.argsort(owner_index, kind="stable")
        n = int(np.count_nonzero(self.partner >= 0))
        owner = np.empty(n, dtype=np.int32)
        partner = np.empty(n, dtype=np.int32)
        score = np.empty(n, dtype=np.int32)
        rank = np.empty(n, dtype=np.int16)
        at = 0
        flat_partner, flat_score = self.partner.reshape(-1), self.score.reshape(-1)
        for a in range(0, len(order), batch):  # in row blocks: bounded temporaries
            rows = order[a : a + batch]
            held = np.flatnonzero(self.partner[rows].reshape(-1) >= 0)
            row, slot = np.divmod(held, self.k)
            flat = rows[row].astype(np.int64) * self.k + slot
            end = at + len(held)
            owner[at:end] = owner_index[rows[row]]
            partner[at:end] = flat_partner[flat]
            score[at:end] = flat_score[flat]
            rank[at:end] = slot + 1
            at = end
        return owner, partner, score, rank

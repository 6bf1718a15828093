"""Matching engine: running units, merging, the seeker cap."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from placement.matching.engine.arrays import (
    MatchResult,
    MatchStats,
    SeekerArrays,
    TopK,
    UnitResult,
    VacancyArrays,
)
from placement.matching.engine.constants import (
    _LIST_FIELDS,
    CHUNK_SEEKERS,
    DEFAULT_WEIGHTS,
    TILE_VACANCIES,
)
from placement.matching.engine.helpers import _points, _units
from placement.matching.engine.pairs import attach_components
from placement.matching.engine.prepare import Prepared, _id_order, prepare
from placement.matching.engine.tiles import _Buffers, _run_block, _RunState, _unit_blocks
from placement.matching.engine.toplists import _TopLists
from placement.matching.engine.units import plan_units


def match_units(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    vacancy_indices: np.ndarray,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    k_vacancy: int = 50,
    k_seeker: int = 20,
    depth: int | None = None,
    idf: np.ndarray | None = None,
    prepared: Prepared | None = None,
    with_components: bool = False,
) -> UnitResult:
    """Score these vacancies against every admissible seeker (from anywhere).

    The vacancy lists are final (``depth`` >= k_vacancy entries, deeper when a seeker cap will
    re-rank them); the seeker lists are partial: merge them across units with merge_seeker_topk.
    """
    prep = (
        prepared if prepared is not None else prepare(seekers, vacancies, weights=weights, idf=idf)
    )
    vac = np.asarray(vacancy_indices, dtype=np.int64)
    if len(np.unique(vac)) != len(vac):
        raise ValueError("vacancy_indices must not repeat")
    depth = max(k_vacancy, depth or 0)
    blocks = list(_unit_blocks(prep, vac))
    reached = np.zeros(len(seekers), dtype=bool)
    for block in blocks:
        reached[block.seekers] = True
    local_seekers = np.flatnonzero(reached)
    vacancy_slot = np.full(len(vacancies), -1, dtype=np.int32)
    vacancy_slot[vac] = np.arange(len(vac), dtype=np.int32)
    seeker_slot = np.full(len(seekers), -1, dtype=np.int32)
    seeker_slot[local_seekers] = np.arange(len(local_seekers), dtype=np.int32)
    state = _RunState(
        vacancy_lists=_TopLists(len(vac), depth, prep.seeker_order, prep.seeker_by_order),
        seeker_lists=_TopLists(
            len(local_seekers), k_seeker, prep.vacancy_order, prep.vacancy_by_order
        ),
        vacancy_slot=vacancy_slot,
        seeker_slot=seeker_slot,
    )
    buffers = _Buffers.allocate(TILE_VACANCIES * CHUNK_SEEKERS)
    for block in blocks:
        _run_block(prep, block, state, buffers)

    owner, partner, units, rank = state.vacancy_lists.entries(vac)
    vacancy_side = _topk(owner, partner, units, rank, prep.seeker_order[partner])
    owner, partner, units, rank = state.seeker_lists.entries(local_seekers)
    seeker_side = _topk(partner, owner, units, rank, prep.vacancy_order[partner])
    if with_components:
        vacancy_side = attach_components(vacancy_side, prep)
    return UnitResult(vacancy_side, seeker_side, state.admissible, state.scored)


class SeekerTopKMerger:
    """Merges partial seeker lists as they arrive, in memory bounded by n_seekers x k."""

    def __init__(self, n_seekers: int, n_vacancies: int, k: int):
        """Empty final lists for n_seekers seekers."""
        self._order = np.full(n_vacancies, -1, dtype=np.int64)
        self._by_order = np.full(n_vacancies, -1, dtype=np.int32)
        self._lists = _TopLists(n_seekers, k, self._order, self._by_order)
        self._owners = np.arange(n_seekers, dtype=np.int64)

    def add(self, partial: TopK) -> None:
        """Merge one unit's partial seeker lists (right away: it overlaps the other units)."""
        if not len(partial):
            return
        self._order[partial.vacancy_index] = partial.partner_order
        self._by_order[partial.partner_order] = partial.vacancy_index
        self._lists.push(
            partial.seeker_index.astype(np.int64),
            self._owners,
            partial.vacancy_index,
            _units(partial.score),
        )

    def result(self) -> TopK:
        """The final seeker lists, by seeker then rank (once: the working lists are released)."""
        seeker, vacancy, units, rank = self._lists.entries(self._owners)
        self._lists = None  # type: ignore[assignment]
        return _topk(vacancy, seeker, units, rank, self._order[vacancy])


def merge_seeker_topk(partials: Sequence[TopK], k: int) -> TopK:
    """Merge partial seeker lists from several units into each seeker's final top k."""
    parts = [p for p in partials if len(p)]
    if not parts:
        return _empty_topk()
    if len(parts) == 1:  # already one list per seeker, best first
        keep = parts[0].rank <= k
        return TopK(*(getattr(parts[0], f)[keep] for f in _LIST_FIELDS))
    n_seekers = max(int(p.seeker_index.max()) for p in parts) + 1
    n_vacancies = max(int(p.vacancy_index.max()) for p in parts) + 1
    n_vacancies = max(n_vacancies, max(int(p.partner_order.max()) for p in parts) + 1)
    merger = SeekerTopKMerger(n_seekers, n_vacancies, k)
    for part in parts:
        merger.add(part)
    return merger.result()


def apply_seeker_cap(
    vacancy_side: TopK, *, k: int, cap: int, vacancy_ids: np.ndarray
) -> tuple[TopK, int]:
    """Re-rank deep vacancy lists so that no seeker is in more than `cap` of the top-k lists.

    Rounds until stable: take each vacancy's first k entries that are not banned; a seeker in more
    than `cap` of them keeps its best `cap` (score, then smaller vacancy id) and is banned from the
    rest, whose lists fill up with their next candidates. Bans only accumulate, so it ends; a list
    whose candidates run out stays short. Returns the capped lists and the number of rounds.
    """
    if cap < 1:
        raise ValueError("cap must be at least 1")
    vacancy = vacancy_side.vacancy_index.astype(np.int64)
    seeker = vacancy_side.seeker_index.astype(np.int64)
    units = _units(vacancy_side.score)
    vacancy_order, _ = _id_order(np.asarray(vacancy_ids))
    order = np.lexsort((vacancy_side.rank, vacancy))
    vacancy, seeker, units = vacancy[order], seeker[order], units[order]
    group_start = np.searchsorted(vacancy, vacancy, "left")
    banned = np.zeros(len(vacancy), dtype=bool)
    rounds = 0
    while True:
        allowed = ~banned
        allowed_before = np.cumsum(allowed) - allowed
        position = allowed_before - allowed_before[group_start] + 1
        listed = allowed & (position <= k)
        counts = np.bincount(seeker[listed], minlength=int(seeker.max(initial=-1)) + 1)
        over = listed & (counts[seeker] > cap)
        if not over.any():
            break
        rounds += 1
        entries = np.flatnonzero(over)
        entries = entries[
            np.lexsort((vacancy_order[vacancy[entries]], -units[entries], seeker[entries]))
        ]
        banned[entries[_rank_within(seeker[entries]) > cap]] = True
    kept = order[listed]
    capped = TopK(
        vacancy_index=vacancy_side.vacancy_index[kept],
        seeker_index=vacancy_side.seeker_index[kept],
        score=vacancy_side.score[kept],
        rank=position[listed].astype(np.int16),
        partner_order=vacancy_side.partner_order[kept],
        components=None if vacancy_side.components is None else vacancy_side.components[kept],
    )
    return capped, rounds


def match(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    k_vacancy: int = 50,
    k_seeker: int = 20,
    seeker_cap: int | None = None,
    cap_depth: int | None = None,
    idf: np.ndarray | None = None,
    n_tasks: int = 1,
    with_components: bool = True,
    prepared: Prepared | None = None,
) -> MatchResult:
    """The whole run in this process: plan units, run each, merge the seeker lists, cap, stats."""
    prep = (
        prepared if prepared is not None else prepare(seekers, vacancies, weights=weights, idf=idf)
    )
    depth = k_vacancy
    if seeker_cap is not None:
        depth = max(k_vacancy, cap_depth or 2 * k_vacancy)
    tasks = plan_units(seekers, vacancies, n_tasks, prepared=prep)
    results = [
        match_units(
            seekers,
            vacancies,
            task.vacancy_indices,
            k_vacancy=k_vacancy,
            k_seeker=k_seeker,
            depth=depth,
            prepared=prep,
        )
        for task in tasks
    ]
    vacancy_side = concat_topk([r.vacancy_side for r in results])
    seeker_side = merge_seeker_topk([r.seeker_side for r in results], k_seeker)
    rounds = 0
    if seeker_cap is not None:
        vacancy_side, rounds = apply_seeker_cap(
            vacancy_side, k=k_vacancy, cap=seeker_cap, vacancy_ids=vacancies.ids
        )
    if with_components:
        vacancy_side = attach_components(vacancy_side, prep)
        seeker_side = attach_components(seeker_side, prep)
    stats = match_stats(
        vacancy_side,
        seeker_side,
        n_seekers=len(seekers),
        n_vacancies=len(vacancies),
        k_vacancy=k_vacancy,
        admissible_pairs=sum(r.admissible_pairs for r in results),
        scored_pairs=sum(r.scored_pairs for r in results),
        cap_rounds=rounds,
    )
    return MatchResult(vacancy_side, seeker_side, stats)


def concat_topk(parts: Sequence[TopK]) -> TopK:
    """Vacancy lists of several units as one TopK, by vacancy then rank."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty_topk()
    if len(parts) == 1:  # a unit's lists are already by vacancy then rank
        return parts[0]
    fields = {
        name: np.concatenate([getattr(p, name) for p in parts])
        for name in ("vacancy_index", "seeker_index", "score", "rank", "partner_order")
    }
    if all(p.components is not None for p in parts):
        fields["components"] = np.concatenate([p.components for p in parts])
    order = np.lexsort((fields["rank"], fields["vacancy_index"]))
    return TopK(**{name: value[order] for name, value in fields.items()})


def match_stats(
    vacancy_side: TopK,
    seeker_side: TopK,
    *,
    n_seekers: int,
    n_vacancies: int,
    k_vacancy: int,
    admissible_pairs: int,
    scored_pairs: int,
    cap_rounds: int = 0,
) -> MatchStats:
    """Coverage and exposure concentration of a run.

    Eligible seekers have at least one admissible vacancy (so at least one recommendation: every
    eligible seeker gets one by construction). Coverage is the share of eligible seekers that also
    appear in at least one vacancy list, i.e. that an employer or officer will actually see.
    """
    eligible = np.unique(seeker_side.seeker_index)
    appearances = np.bincount(vacancy_side.seeker_index, minlength=n_seekers)[eligible]
    per_vacancy = np.bincount(vacancy_side.vacancy_index, minlength=n_vacancies)
    n_eligible = len(eligible)
    top = np.sort(appearances)[::-1][: max(1, math.ceil(0.01 * n_eligible))]
    total = int(appearances.sum())
    return MatchStats(
        seekers=n_seekers,
        vacancies=n_vacancies,
        admissible_pairs=int(admissible_pairs),
        scored_pairs=int(scored_pairs),
        eligible_seekers=n_eligible,
        coverage=float((appearances > 0).mean()) if n_eligible else 0.0,
        exposure_gini=_gini(appearances),
        top1pct_share=float(top.sum() / total) if total else 0.0,
        max_appearances=int(appearances.max(initial=0)),
        short_lists=int((per_vacancy < k_vacancy).sum()),
        cap_rounds=cap_rounds,
    )


def _gini(values: np.ndarray) -> float:
    """Gini coefficient of non-negative values (0 = all equal, -> 1 = one holds all)."""
    x = np.sort(np.asarray(values, dtype=np.float64))
    if len(x) == 0 or x.sum() == 0:
        return 0.0
    n = len(x)
    return float(2.0 * np.sum(np.arange(1, n + 1) * x) / (n * x.sum()) - (n + 1.0) / n)


def _topk(
    vacancy: np.ndarray,
    seeker: np.ndarray,
    units: np.ndarray,
    rank: np.ndarray,
    partner_order: np.ndarray,
) -> TopK:
    """A TopK from entries already sorted by owner then rank."""
    return TopK(
        vacancy_index=vacancy.astype(np.int32, copy=False),
        seeker_index=seeker.astype(np.int32, copy=False),
        score=_points(units),
        rank=rank.astype(np.int16, copy=False),
        partner_order=partner_order.astype(np.int32, copy=False),
    )


def _empty_topk() -> TopK:
    """A TopK with no entries."""
    empty = np.zeros(0, dtype=np.int32)
    return TopK(empty, empty, np.zeros(0, np.float32), np.zeros(0, np.int16), empty)


def _rank_within(sorted_owner: np.ndarray) -> np.ndarray:
    """1-based position of each entry within its run of equal (sorted) owners."""
    starts = np.searchsorted(sorted_owner, sorted_owner, "left")
    return np.arange(len(sorted_owner)) - starts + 1

"""Matching engine: work units."""

from __future__ import annotations

import numpy as np

from placement.matching.engine.arrays import SeekerArrays, VacancyArrays, WorkTask, WorkUnit
from placement.matching.engine.prepare import Prepared, prepare


def admissible_pair_counts(prepared: Prepared, vacancy_indices: np.ndarray) -> np.ndarray:
    """Location- and education-admissible seekers per vacancy, from counts per group and level."""
    vac = np.asarray(vacancy_indices, dtype=np.int64)
    n_levels = int(max(prepared.s_education.max(initial=0), prepared.v_education.max(initial=0)))
    n_levels += 2
    edu = np.clip(prepared.v_education[vac], 0, n_levels - 1)

    def at_least(pool: str, n_areas: int) -> np.ndarray:
        """Seekers of the pool per (area, education >= level)."""
        members, ptr = prepared.pools[pool]
        area = np.repeat(np.arange(n_areas), np.diff(ptr))
        level = np.clip(prepared.s_education[members], 0, n_levels - 1)
        counts = np.bincount(area * n_levels + level, minlength=n_areas * n_levels)
        counts = counts.reshape(n_areas, n_levels)
        return np.cumsum(counts[:, ::-1], axis=1)[:, ::-1]

    n_reg, n_prov = len(prepared.pools["regency"][1]) - 1, len(prepared.pools["province"][1]) - 1
    c_regency = at_least("regency", n_reg)
    c_province = at_least("province", n_prov)
    c_national = at_least("national", 1)[0]
    c_abroad = at_least("abroad", 1)[0]
    regency = prepared.v_regency[vac]
    province = prepared.v_province[vac]
    domestic = c_national[edu]
    domestic += np.where(province < n_prov, c_province[np.minimum(province, n_prov - 1), edu], 0)
    domestic += np.where(regency < n_reg, c_regency[np.minimum(regency, n_reg - 1), edu], 0)
    return np.where(prepared.v_overseas[vac], c_abroad[edu], domestic)


def plan_units(
    seekers: SeekerArrays,
    vacancies: VacancyArrays,
    n_tasks: int,
    *,
    units_per_task: int = 2,
    prepared: Prepared | None = None,
) -> list[WorkTask]:
    """Split vacancies into (province x batch) units and bin-pack them into about n_tasks tasks.

    Units are cut so that none holds more than 1 / (n_tasks * units_per_task) of the admissible
    pairs (the largest province alone can hold ~30 %), then packed largest first onto the
    least-loaded task. Batches follow the processing order (minimum education), so a batch of
    demanding vacancies only meets educated seekers.
    """
    prep = prepared if prepared is not None else prepare(seekers, vacancies)
    n_tasks = max(1, int(n_tasks))
    every = np.arange(len(vacancies), dtype=np.int64)
    pairs = admissible_pair_counts(prep, every)
    target = max(1, int(pairs.sum()) // (n_tasks * max(1, units_per_task)))
    area = np.where(prep.v_overseas, -1, prep.v_province)
    units: list[WorkUnit] = []
    for province in np.unique(area):
        members = every[area == province]
        members = members[np.lexsort((prep.vacancy_order[members], prep.v_education[members]))]
        cumulative = np.cumsum(pairs[members])
        cut = np.searchsorted(cumulative, np.arange(target, int(cumulative[-1]), target), "left")
        for part in np.split(members, np.unique(cut + 1)):
            if len(part):
                units.append(WorkUnit(int(province), part.astype(np.int32), int(pairs[part].sum())))
    units.sort(key=lambda u: (-u.admissible_pairs, u.province, int(u.vacancy_indices[0])))
    bins: list[list[WorkUnit]] = [[] for _ in range(min(n_tasks, max(1, len(units))))]
    load = np.zeros(len(bins), dtype=np.int64)
    for unit in units:
        target_bin = int(np.argmin(load))
        bins[target_bin].append(unit)
        load[target_bin] += unit.admissible_pairs
    tasks = [WorkTask(tuple(b), int(sum(u.admissible_pairs for u in b))) for b in bins if b]
    return tasks

"""Matching benchmark: per-pair Python vs the blocked engine vs the bare floor, on synthetic data.

    python benchmarks/bench_matching.py              # ~5 min on 2 cores
    python benchmarks/bench_matching.py --quick      # small sizes, a smoke run (~30 s)
    python benchmarks/bench_matching.py --national   # adds 2 M x 200 k over units in 2 processes

Runs without Django: the engine and the generator are loaded straight from placement/matching.
The last line printed is one JSON object (see benchmarks/README.md for every key).
"""

from __future__ import annotations

import os

# One BLAS/OpenMP thread per process, set before numpy loads: with more, two processes are no
# faster than one (PERFORMANCE.md).
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"

import argparse
import gc
import json
import multiprocessing
import resource
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def load_matching() -> tuple[types.ModuleType, types.ModuleType]:
    """Import engine and synthetic without running placement/__init__ (which loads Celery)."""
    if "placement" not in sys.modules:
        package = types.ModuleType("placement")
        package.__path__ = [str(ROOT / "placement")]
        sys.modules["placement"] = package
    from placement.matching import engine, synthetic

    return engine, synthetic


engine, synthetic = load_matching()

# Set in the parent before the worker pool forks, so workers share the arrays copy-on-write.
_SHARED: dict[str, object] = {}


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or of its finished children), MiB."""
    return resource.getrusage(who).ru_maxrss / 1024.0


def same_lists(a: engine.TopK, b: engine.TopK) -> bool:
    """Identical entries: owners, partners, scores and ranks."""
    fields = ("vacancy_index", "seeker_index", "score", "rank")
    return len(a) == len(b) and all(np.array_equal(getattr(a, f), getattr(b, f)) for f in fields)


def timed(label: str, fn: Callable[..., T], *args: object, **kwargs: object) -> tuple[T, float]:
    """Run fn, print and return (result, seconds)."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    seconds = time.perf_counter() - start
    print(f"  {label:<58} {seconds:9.2f} s", flush=True)
    return result, seconds


def location_education_pairs(prepared: engine.Prepared) -> int:
    """Pairs passing the location and education filters (PERFORMANCE.md's "admissible")."""
    every = np.arange(len(prepared.vacancies))
    return int(engine.admissible_pair_counts(prepared, every).sum())


def floor_run(
    prepared: engine.Prepared, k_vacancy: int, k_seeker: int, select: bool = True
) -> None:
    """The floor: same blocks and tiles, only the skill product and argpartition top-K.

    With select=False only the product is written into the tiles (no top-K at all).
    """
    buffer = np.zeros(engine.TILE_VACANCIES * engine.CHUNK_SEEKERS, dtype=np.int32)
    every = np.arange(len(prepared.vacancies))
    for block in engine.tiles._unit_blocks(prepared, every):
        tables = engine.tiles._block_tables(prepared, block)
        education = prepared.s_education[block.seekers]
        starts = range(0, len(tables.vacancies), engine.TILE_VACANCIES)
        tile_weights = [tables.weights[a : a + engine.TILE_VACANCIES] for a in starts]
        for c0 in range(0, len(block.seekers), engine.CHUNK_SEEKERS):
            chunk = block.seekers[c0 : c0 + engine.CHUNK_SEEKERS]
            top = education[c0 : c0 + len(chunk)].max()
            n_open = int(np.searchsorted(tables.education, top, "right"))
            skills_t = prepared.skills[chunk].T.tocsr()
            for a, weights in zip(starts, tile_weights, strict=True):
                if a >= n_open:
                    break
                weights = weights[: min(a + weights.shape[0], n_open) - a]
                n_v, n_s = weights.shape[0], len(chunk)
                tile = buffer[: n_v * n_s].reshape(n_v, n_s)
                tile.fill(0)
                engine.tiles._accumulate(weights @ skills_t, tile)
                if not select:
                    continue
                if n_s > k_vacancy:
                    np.argpartition(tile, n_s - k_vacancy, axis=1)
                if n_v > k_seeker:
                    # Per seeker along the vacancies: transposing first is faster than axis=0.
                    np.argpartition(np.ascontiguousarray(tile.T), n_v - k_seeker, axis=1)


def private_mib() -> float:
    """Memory this process does not share with the parent (Linux; 0 elsewhere), MiB."""
    try:
        with open("/proc/self/smaps_rollup") as rollup:
            fields = dict(line.split(":", 1) for line in rollup if ":" in line)
    except OSError:
        return 0.0
    private = ("Private_Clean", "Private_Dirty")
    return sum(int(fields[f].split()[0]) for f in private if f in fields) / 1024.0


def _run_task(task_index: int) -> tuple[engine.TopK, engine.TopK, int, float, float, float]:
    """Worker: one task of work units; also its CPU seconds, peak RSS and private memory."""
    prepared = _SHARED["prepared"]
    task = _SHARED["tasks"][task_index]
    cpu = time.process_time()
    result = engine.match_units(
        prepared.seekers,
        prepared.vacancies,
        task.vacancy_indices,
        k_vacancy=50,
        k_seeker=20,
        prepared=prepared,
    )
    cpu = time.process_time() - cpu
    return (
        result.vacancy_side,
        result.seeker_side,
        result.admissible_pairs,
        cpu,
        peak_rss_mib(),
        private_mib(),
    )


def run_units(prepared: engine.Prepared, n_workers: int, n_tasks: int) -> dict[str, object]:
    """Plan units, run them in n_workers processes, merge the seeker lists as they arrive.

    The parent drops its reference to `prepared` as soon as the workers are forked, so a caller
    that passes it without keeping one frees the scoring arrays while the workers run.
    """
    parent_cpu = time.process_time()
    n_seekers, n_vacancies = len(prepared.seekers), len(prepared.vacancies)
    tasks = engine.plan_units(prepared.seekers, prepared.vacancies, n_tasks, prepared=prepared)
    _SHARED["prepared"], _SHARED["tasks"] = prepared, tasks
    del prepared
    merger = engine.SeekerTopKMerger(n_seekers, n_vacancies, 20)
    vacancy_parts, admissible, worker_cpu, worker_peak, worker_private = [], 0, 0.0, 0.0, 0.0
    context = multiprocessing.get_context("fork")
    # Largest tasks first, one at a time per worker: the tail stays short.
    order = sorted(range(len(tasks)), key=lambda i: -tasks[i].admissible_pairs)
    with context.Pool(n_workers) as pool:
        # The workers are forked now and keep the arrays copy-on-write: the parent lets go.
        _SHARED.pop("prepared")
        gc.collect()
        for vacancy_side, seeker_side, pairs, cpu, rss, private in pool.imap_unordered(
            _run_task, order
        ):
            merger.add(seeker_side)
            vacancy_parts.append(vacancy_side)
            admissible += pairs
            worker_cpu += cpu
            worker_peak = max(worker_peak, rss)
            worker_private = max(worker_private, private)
            del seeker_side
    _SHARED.clear()
    seeker_side = merger.result()
    return {
        "vacancy_side": engine.concat_topk(vacancy_parts),
        "seeker_side": seeker_side,
        "admissible": admissible,
        "worker_cpu_s": worker_cpu,
        "parent_cpu_s": time.process_time() - parent_cpu,
        "worker_peak_mib": worker_peak,
        "worker_private_mib": worker_private,
        "tasks": len(tasks),
    }


def main() -> None:
    """Run the benchmark and print the table and the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", action="store_true", help="also 2 M x 200 k in 2 processes")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = standard(args.quick, args.seed)
    gc.collect()  # the national run starts from the memory the standard steps held
    if args.national:
        out.update(national(args.seed))
    print("\nsummary")
    for key, value in out.items():
        print(f"  {key:<30} {value}")
    print(json.dumps(out))


def standard(quick: bool, seed: int) -> dict[str, object]:
    """Steps (a) to (e)."""
    n_seekers, n_vacancies = (50_000, 5_000) if quick else (200_000, 20_000)
    slice_seekers, slice_vacancies = (5_000, 500) if quick else (20_000, 2_000)

    print(f"synthetic data, seed {seed}")
    (seekers, vacancies, _), _ = timed(
        f"generate {n_seekers:,} x {n_vacancies:,}",
        synthetic.generate,
        n_seekers,
        n_vacancies,
        seed,
    )

    print(f"\n(a, b) per-pair reference vs engine, {slice_seekers:,} x {slice_vacancies:,} slice")
    small_seekers = seekers.take(np.arange(slice_seekers))
    small_vacancies = vacancies.take(np.arange(slice_vacancies))
    small_pairs = location_education_pairs(engine.prepare(small_seekers, small_vacancies))
    reference, naive_s = timed(
        "reference_match (plain Python, one pair at a time)",
        engine.reference_match,
        small_seekers,
        small_vacancies,
    )
    small, engine_slice_s = timed("engine.match", engine.match, small_seekers, small_vacancies)
    agree = same_lists(small.vacancy_side, reference.vacancy_side) and same_lists(
        small.seeker_side, reference.seeker_side
    )
    naive_rate = small_pairs / naive_s
    print(
        f"  location+education admissible pairs {small_pairs:,}; all filters "
        f"{reference.stats.admissible_pairs:,}"
    )
    print(f"  per-pair Python {naive_rate:,.0f} pairs/s; top-K identical (ids, scores): {agree}")

    print(f"\n(c) engine, {n_seekers:,} x {n_vacancies:,}, one process")
    engine_cpu = time.process_time()
    prepared, prepare_s = timed(
        "prepare (ranks, skill weights, tables, pools)", engine.prepare, seekers, vacancies
    )
    result, core_s = timed(
        "match: score + both top-K sides (no components)",
        engine.match,
        seekers,
        vacancies,
        prepared=prepared,
        with_components=False,
    )
    engine_s = prepare_s + core_s
    engine_cpu = time.process_time() - engine_cpu
    pairs = location_education_pairs(prepared)
    peak = peak_rss_mib()
    _, components_s = timed(
        "components of every kept pair (both sides)",
        lambda: (
            engine.attach_components(result.vacancy_side, prepared),
            engine.attach_components(result.seeker_side, prepared),
        ),
    )
    side = result.vacancy_side
    _, explain_s = timed(
        f"explanations of the vacancy side ({len(side):,} pairs)",
        engine.explain_pairs,
        seekers,
        vacancies,
        side.seeker_index,
        side.vacancy_index,
    )
    rate = pairs / engine_s
    stats = result.stats
    print(
        f"  location+education admissible pairs {pairs:,}; all filters "
        f"{stats.admissible_pairs:,}; computed {stats.scored_pairs:,}"
    )
    print(
        f"  {rate / 1e6:,.1f} M admissible pairs/s on one core ({engine_cpu:.2f} s CPU); "
        f"peak RSS {peak:,.0f} MiB"
    )
    print(
        f"  coverage {stats.coverage:.3f}, exposure Gini {stats.exposure_gini:.3f}, "
        f"top 1 % hold {stats.top1pct_share:.3f} of slots"
    )

    print("\n(d) floor: same blocks, bare skill product + argpartition top-K (both sides)")
    _, floor_s = timed("floor", floor_run, prepared, 50, 20)
    _, product_s = timed(
        "bare product into the tiles, no top-K", floor_run, prepared, 50, 20, False
    )

    print("\n(e) engine over work units, 2 worker processes")
    units, units_s = timed("plan + 2 processes + merge of seeker lists", run_units, prepared, 2, 4)
    units_agree = same_lists(units["vacancy_side"], result.vacancy_side) and same_lists(
        units["seeker_side"], result.seeker_side
    )
    print(
        f"  {units['tasks']} tasks; {pairs / units_s / 1e6:,.1f} M pairs/s on 2 cores; CPU: "
        f"workers {units['worker_cpu_s']:.2f} s, parent {units['parent_cpu_s']:.2f} s; "
        f"worker peak RSS {units['worker_peak_mib']:,.0f} MiB (private "
        f"{units['worker_private_mib']:,.0f} MiB); same lists as (c): {units_agree}"
    )

    return {
        "naive_slice_s": round(naive_s, 2),
        "engine_slice_s": round(engine_slice_s, 3),
        "speedup_vs_naive": round(rate / naive_rate, 1),
        "engine_200k_s": round(engine_s, 2),
        "admissible_pairs_200k": pairs,
        "pairs_per_s_200k": round(rate),
        "floor_200k_s": round(floor_s, 2),
        "ratio_to_floor": round(engine_s / floor_s, 2),
        "product_only_200k_s": round(product_s, 2),
        "ratio_to_product_only": round(engine_s / product_s, 2),
        "peak_mem_mib": round(peak),
        "e2e_postgres_200k_s": None,
        "national_s": None,
        "topk_agree": bool(agree and units_agree),
        "engine_200k_cpu_s": round(engine_cpu, 2),
        "units_2proc_200k_s": round(units_s, 2),
        "units_2proc_200k_cpu_s": round(units["worker_cpu_s"] + units["parent_cpu_s"], 2),
        "pairs_per_s_200k_2proc": round(pairs / units_s),
        "components_200k_s": round(components_s, 2),
        "explain_200k_vacancy_side_s": round(explain_s, 2),
        "all_filter_pairs_200k": stats.admissible_pairs,
        "quick": quick,
    }


def national(seed: int) -> dict[str, object]:
    """2 M seekers x 200 k vacancies over work units in 2 processes."""
    print("\n(national) 2,000,000 x 200,000 over work units, 2 worker processes")
    (seekers, vacancies, _), gen_s = timed(
        "generate 2,000,000 x 200,000", synthetic.generate, 2_000_000, 200_000, seed
    )
    prepared, prepare_s = timed("prepare", engine.prepare, seekers, vacancies)
    pairs = location_education_pairs(prepared)
    del seekers, vacancies  # `prepared` holds them; run_units lets it go before the results
    holder = [prepared]
    del prepared
    units, run_s = timed(
        "plan + 2 processes + merge of seeker lists", lambda: run_units(holder.pop(), 2, 8)
    )
    seconds = prepare_s + run_s
    print(f"  location+education admissible pairs {pairs:,}; all filters {units['admissible']:,}")
    print(f"  CPU: workers {units['worker_cpu_s']:.1f} s, parent {units['parent_cpu_s']:.1f} s")
    print(
        f"  {pairs / seconds / 1e6:,.1f} M pairs/s on 2 cores; worker peak RSS "
        f"{units['worker_peak_mib']:,.0f} MiB (of it private {units['worker_private_mib']:,.0f}"
        f" MiB, the rest shared with the parent); parent peak RSS {peak_rss_mib():,.0f} MiB"
    )
    return {
        "national_s": round(seconds, 1),
        "national_pairs": pairs,
        "national_pairs_per_s": round(pairs / seconds),
        "national_worker_peak_mib": round(units["worker_peak_mib"]),
        "national_worker_private_mib": round(units["worker_private_mib"]),
        "national_worker_cpu_s": round(units["worker_cpu_s"], 1),
        "national_parent_cpu_s": round(units["parent_cpu_s"], 1),
        "national_parent_peak_mib": round(peak_rss_mib()),
        "national_generate_s": round(gen_s, 1),
    }


if __name__ == "__main__":
    main()

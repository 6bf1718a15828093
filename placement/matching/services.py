"""The nightly matching run: plan, score in work units, merge, explain, store, summarise.

Flow (each step idempotent, so a rerun or a redelivered message never duplicates anything):
1. `start_run` takes an advisory lock, creates or resets the date's MatchRun, extracts the snapshot
   once into files that workers memory-map, plans the work units and dispatches them.
2. `run_unit` claims one unit with `SELECT ... FOR UPDATE SKIP LOCKED` and holds that row lock while
   it scores: a second delivery of the same message skips it, and if the worker dies the database
   drops the lock so the redelivered message can do the unit again. Results go to a unit file.
3. When the last unit is done, `finalize_run` merges the seekers' partial lists, applies the fair
   spread cap, explains every kept pair, swaps the results in (store.py) and builds the summaries.
4. `reconcile_runs` (beat, every few minutes) re-queues units whose message was lost and restarts
   a finalisation that died.

Size: the four steps share the run's locking and bookkeeping; split per step when one grows.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from placement.matching import engine
from placement.matching.extract import Snapshot, extract, load_snapshot, save_snapshot
from placement.matching.models import MatchRun, MatchUnit
from placement.matching.queries import latest_run
from placement.matching.store import PairTable, replace_all, replace_for
from placement.matching.summaries import build_summaries
from placement.matching.weights import current_weights

log = logging.getLogger(__name__)

ADVISORY_LOCK_KEY = 0x414B4D41  # "AKMA": one orchestrator at a time
Dispatch = Callable[[int, int], None]


class RunAlreadyActive(Exception):
    """Another process is running this date's match."""


def _config() -> dict:
    return settings.MATCHING


def run_folder(run: MatchRun) -> Path:
    return Path(_config()["SNAPSHOT_DIR"]) / f"run-{run.pk}"


# --- 1. Start -------------------------------------------------------------------------------------


def start_run(
    *, run_on: date, province: str = "", force: bool = False, dispatch: Dispatch | None = None
) -> MatchRun:
    """Create (or reset, on a rerun) the run of `run_on` and dispatch its work units.

    Without `dispatch` the units run here, one after the other (no Redis: `make run`, tests).
    A run of the same date that already succeeded is left alone unless `force` is given.
    """
    run = _claim_run(run_on=run_on, province=province, force=force)
    if run is None:
        return MatchRun.objects.get(run_on=run_on, province=province)
    try:
        started = time.monotonic()
        snapshot = extract(run_on, province=province)
        folder = run_folder(run)
        shutil.rmtree(folder, ignore_errors=True)
        save_snapshot(snapshot, folder)
        extract_seconds = time.monotonic() - started
        tasks = engine.plan_units(
            snapshot.seekers, snapshot.vacancies, max(1, int(_config()["TASKS"]))
        )
        units = []
        for number, task in enumerate(tasks):
            np.save(folder / f"unit-{number}.vacancies.npy", task.vacancy_indices)
            units.append(
                MatchUnit(
                    run=run,
                    number=number,
                    pairs=task.admissible_pairs,
                    vacancies=len(task.vacancy_indices),
                )
            )
        with transaction.atomic():
            MatchUnit.objects.filter(run=run).delete()
            MatchUnit.objects.bulk_create(units)
            run.units_total = len(units)
            run.units_done = 0
            run.counts = {**snapshot.sizes, "admissible_pairs_planned": sum(u.pairs for u in units)}
            run.timings = {"extract": round(extract_seconds, 2)}
            run.save(update_fields=["units_total", "units_done", "counts", "timings"])
    except Exception as exc:
        _fail(run, exc)
        raise
    if not units:
        finalize_run(run_id=run.pk)
    elif dispatch is None:
        for unit in units:
            run_unit(run_id=run.pk, number=unit.number)
    else:
        for unit in units:
            dispatch(run.pk, unit.number)
    run.refresh_from_db()
    return run


def _claim_run(*, run_on: date, province: str, force: bool) -> MatchRun | None:
    """Get the date's run and mark it running, under a lock; None when there is nothing to do."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
        try:
            with transaction.atomic():
                run, _created = MatchRun.objects.get_or_create(run_on=run_on, province=province)
        except IntegrityError:
            run = MatchRun.objects.get(run_on=run_on, province=province)
        run = MatchRun.objects.select_for_update().get(pk=run.pk)
        active = run.status in (MatchRun.Status.RUNNING, MatchRun.Status.FINALIZING)
        if active and not force:
            return None
        if run.status == MatchRun.Status.SUCCEEDED and not force:
            return None
        run.status = MatchRun.Status.RUNNING
        run.started_at = timezone.now()
        run.finished_at = None
        run.error = ""
        # Every unit scores with the weights in force when the run starts (a fitted version
        # adopted meanwhile waits for the next run).
        run.weights, run.weights_version = current_weights()
        run.save(
            update_fields=[
                "status",
                "started_at",
                "finished_at",
                "error",
                "weights",
                "weights_version",
            ]
        )
        return run


def _fail(run: MatchRun, exc: BaseException) -> None:
    log.exception("matching run %s failed", run.pk)
    MatchRun.objects.filter(pk=run.pk).update(
        status=MatchRun.Status.FAILED,
        error=f"{exc.__class__.__name__}: {exc}"[:2000],
        finished_at=timezone.now(),
    )


# --- 2. Work units --------------------------------------------------------------------------------

_PREPARED: dict[int, tuple[Snapshot, engine.Prepared]] = {}


def _prepared(run: MatchRun) -> tuple[Snapshot, engine.Prepared]:
    """The run's snapshot, memory-mapped, and the engine's run-wide arrays (cached per process)."""
    cached = _PREPARED.get(run.pk)
    started_at = run.started_at.timestamp() if run.started_at else 0
    if cached is None or getattr(cached[1], "_run_started", None) != started_at:
        _PREPARED.clear()
        snapshot = load_snapshot(run_folder(run))
        prepared = engine.prepare(
            snapshot.seekers,
            snapshot.vacancies,
            weights=_run_weights(run),
            idf=snapshot.skill_idf,
        )
        object.__setattr__(prepared, "_run_started", started_at)
        cached = _PREPARED[run.pk] = (snapshot, prepared)
    return cached


def _run_weights(run: MatchRun) -> dict[str, float]:
    """The weights the run started with (older runs: those in force now)."""
    return dict(run.weights) if run.weights else current_weights()[0]


def _depth() -> int:
    k = int(_config()["TOP_K_VACANCY"])
    return max(k, int(_config().get("CAP_DEPTH", 2 * k))) if _config()["SEEKER_CAP"] else k


class UnitBusy(Exception):
    """The unit is live but row-locked by another connection: a worker scoring it, or one that was
    just killed and whose connection PostgreSQL has not dropped yet. Try again a little later."""


def run_unit(*, run_id: int, number: int) -> bool:
    """Score one work unit; False when it is done already or its run is no longer live, UnitBusy
    while another connection holds it."""
    started = time.monotonic()
    # Count the attempt in its own short transaction, so a worker that dies still used one.
    with transaction.atomic():
        unit = _lock_unit(run_id, number)
        if unit is None:
            if _live_unit(run_id, number).exists():
                # A message redelivered after its worker died can arrive before PostgreSQL
                # notices the dead connection and releases the lock: giving up here would
                # leave the unit to the reconciler's next round.
                raise UnitBusy(f"unit {number} of run {run_id} is held by another connection")
            return False
        MatchUnit.objects.filter(pk=unit.pk).update(
            status=MatchUnit.Status.RUNNING, attempts=unit.attempts + 1, claimed_at=timezone.now()
        )
    # Hold the row lock while scoring: a duplicate delivery skips the unit; a dead worker's
    # connection drops and releases it for the reconciler's re-queued message.
    with transaction.atomic():
        unit = _lock_unit(run_id, number)
        if unit is None:
            return False
        if _config().get("UNIT_DELAY_MS"):
            time.sleep(int(_config()["UNIT_DELAY_MS"]) / 1000)
        snapshot, prepared = _prepared(unit.run)
        folder = run_folder(unit.run)
        vacancy_indices = np.load(folder / f"unit-{number}.vacancies.npy")
        result = engine.match_units(
            snapshot.seekers,
            snapshot.vacancies,
            vacancy_indices,
            weights=_run_weights(unit.run),
            k_vacancy=int(_config()["TOP_K_VACANCY"]),
            k_seeker=int(_config()["TOP_K_SEEKER"]),
            depth=_depth(),
            prepared=prepared,
        )
        _save_unit_result(folder / f"unit-{number}.result.npz", result)
        MatchUnit.objects.filter(pk=unit.pk).update(
            status=MatchUnit.Status.DONE,
            finished_at=timezone.now(),
            seconds=round(time.monotonic() - started, 3),
            pairs=result.admissible_pairs,
            error="",
        )
    done = MatchUnit.objects.filter(run_id=run_id, status=MatchUnit.Status.DONE).count()
    MatchRun.objects.filter(pk=run_id).update(units_done=done)
    if done == MatchUnit.objects.filter(run_id=run_id).count():
        _after_last_unit(run_id)
    return True


def _live_unit(run_id: int, number: int):
    """The unit while it still needs scoring (not done or failed, its run running)."""
    return MatchUnit.objects.filter(
        run_id=run_id, number=number, run__status=MatchRun.Status.RUNNING
    ).exclude(status__in=[MatchUnit.Status.DONE, MatchUnit.Status.FAILED])


def _lock_unit(run_id: int, number: int) -> MatchUnit | None:
    """The unit, row-locked, unless it is done, locked by another worker or its run is not live."""
    unit = (
        MatchUnit.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(run_id=run_id, number=number)
        .exclude(status__in=[MatchUnit.Status.DONE, MatchUnit.Status.FAILED])
        .select_related("run")
        .first()
    )
    if unit is None or unit.run.status != MatchRun.Status.RUNNING:
        return None
    return unit


def _after_last_unit(run_id: int) -> None:
    """Finalise in-process, or hand it to a worker when the run is distributed."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        finalize_run(run_id=run_id)
    else:
        from placement.matching.tasks import finalize_matching  # Celery cycle: tasks import us

        transaction.on_commit(lambda: finalize_matching.delay(run_id))


_TOPK_FIELDS = ("vacancy_index", "seeker_index", "score", "rank", "partner_order")


def _save_unit_result(path: Path, result: engine.UnitResult) -> None:
    """Write atomically (temporary file, then rename): a half-written file is never read."""
    arrays = {}
    for side in ("vacancy_side", "seeker_side"):
        topk = getattr(result, side)
        for name in _TOPK_FIELDS:
            arrays[f"{side}.{name}"] = getattr(topk, name)
    arrays["admissible_pairs"] = np.array([result.admissible_pairs])
    arrays["scored_pairs"] = np.array([result.scored_pairs])
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, **arrays)
    os.replace(tmp, path)


def _load_unit_result(path: Path) -> engine.UnitResult:
    with np.load(path) as data:
        sides = {
            side: engine.TopK(**{name: data[f"{side}.{name}"] for name in _TOPK_FIELDS})
            for side in ("vacancy_side", "seeker_side")
        }
        return engine.UnitResult(
            sides["vacancy_side"],
            sides["seeker_side"],
            int(data["admissible_pairs"][0]),
            int(data["scored_pairs"][0]),
        )


# --- 3. Finalise ----------------------------------------------------------------------------------


def finalize_run(*, run_id: int) -> bool:
    """Merge, cap, explain, store and summarise; False when another worker is already on it."""
    with transaction.atomic():
        run = MatchRun.objects.select_for_update().get(pk=run_id)
        if run.status != MatchRun.Status.RUNNING:
            return False
        if run.units.exclude(status=MatchUnit.Status.DONE).exists():
            return False
        run.status = MatchRun.Status.FINALIZING
        run.save(update_fields=["status"])
    try:
        _finalize(run)
    except Exception as exc:
        _fail(run, exc)
        raise
    return True


def _finalize(run: MatchRun) -> None:
    timings = dict(run.timings)
    started = time.monotonic()
    snapshot, prepared = _prepared(run)
    folder = run_folder(run)
    results = [
        _load_unit_result(folder / f"unit-{unit.number}.result.npz")
        for unit in run.units.order_by("number")
    ]
    config = _config()
    k_vacancy, k_seeker = int(config["TOP_K_VACANCY"]), int(config["TOP_K_SEEKER"])
    vacancy_side = engine.concat_topk([r.vacancy_side for r in results])
    seeker_side = engine.merge_seeker_topk([r.seeker_side for r in results], k_seeker)
    rounds = 0
    cap = config["SEEKER_CAP"] or None
    if cap:
        vacancy_side, rounds = engine.apply_seeker_cap(
            vacancy_side, k=k_vacancy, cap=int(cap), vacancy_ids=snapshot.vacancies.ids
        )
    else:
        vacancy_side = _truncate(vacancy_side, k_vacancy)
    vacancy_side = engine.attach_components(vacancy_side, prepared)
    seeker_side = engine.attach_components(seeker_side, prepared)
    stats = engine.match_stats(
        vacancy_side,
        seeker_side,
        n_seekers=len(snapshot.seekers),
        n_vacancies=len(snapshot.vacancies),
        k_vacancy=k_vacancy,
        admissible_pairs=sum(r.admissible_pairs for r in results),
        scored_pairs=sum(r.scored_pairs for r in results),
        cap_rounds=rounds,
    )
    timings["merge"] = round(time.monotonic() - started, 2)

    started = time.monotonic()
    table = pair_table(snapshot, vacancy_side, seeker_side)
    timings["explain"] = round(time.monotonic() - started, 2)

    started = time.monotonic()
    if run.province:
        replace_for(table, run.pk, vacancy_ids=snapshot.vacancies.ids)
    else:
        replace_all(table, run.pk)
    timings["store"] = round(time.monotonic() - started, 2)

    started = time.monotonic()
    build_summaries(built_on=run.run_on)
    timings["summaries"] = round(time.monotonic() - started, 2)

    counts = {
        **run.counts,
        **{key: _plain(value) for key, value in stats.__dict__.items()},
        "rows": len(table),
    }
    timings["total"] = round((timezone.now() - run.started_at).total_seconds(), 2)
    MatchRun.objects.filter(pk=run.pk).update(
        status=MatchRun.Status.SUCCEEDED,
        finished_at=timezone.now(),
        counts=counts,
        timings=timings,
    )
    _PREPARED.clear()
    shutil.rmtree(folder, ignore_errors=True)


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def _truncate(topk: engine.TopK, k: int) -> engine.TopK:
    keep = topk.rank <= k
    return engine.TopK(
        **{name: getattr(topk, name)[keep] for name in _TOPK_FIELDS},
        components=None if topk.components is None else topk.components[keep],
    )


def pair_table(
    snapshot: Snapshot, vacancy_side: engine.TopK, seeker_side: engine.TopK
) -> PairTable:
    """Both sides as one row per pair, with each pair's matched and missing skills (db ids)."""
    n_vacancies = max(1, len(snapshot.vacancies))
    keys = np.concatenate(
        [
            vacancy_side.seeker_index.astype(np.int64) * n_vacancies + vacancy_side.vacancy_index,
            seeker_side.seeker_index.astype(np.int64) * n_vacancies + seeker_side.vacancy_index,
        ]
    )
    unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    n = len(unique)
    rank_vacancy = np.zeros(n, dtype=np.int16)
    rank_seeker = np.zeros(n, dtype=np.int16)
    n_v = len(vacancy_side)
    rank_vacancy[inverse[:n_v]] = vacancy_side.rank
    rank_seeker[inverse[n_v:]] = seeker_side.rank
    score = np.concatenate([vacancy_side.score, seeker_side.score])[first]
    components = np.concatenate(
        [
            side.components
            if side.components is not None
            else np.zeros((0, len(engine.COMPONENTS)), np.float32)
            for side in (vacancy_side, seeker_side)
        ]
    )[first]
    seeker_index = (unique // n_vacancies).astype(np.int64)
    vacancy_index = (unique % n_vacancies).astype(np.int64)
    explanations = engine.explain_pairs(
        snapshot.seekers, snapshot.vacancies, seeker_index, vacancy_index
    )
    matched = sp.csr_matrix(explanations.matched_required + explanations.matched_optional)
    missing = sp.csr_matrix(explanations.missing_required)
    matched.sort_indices()
    missing.sort_indices()
    skill_ids = np.asarray(snapshot.skill_ids)
    return PairTable(
        seeker_id=np.asarray(snapshot.seekers.ids)[seeker_index].astype(np.int64),
        vacancy_id=np.asarray(snapshot.vacancies.ids)[vacancy_index].astype(np.int64),
        score=score.astype(np.float64),
        components=components.astype(np.float64),
        rank_for_vacancy=rank_vacancy,
        rank_for_seeker=rank_seeker,
        matched_indptr=matched.indptr.astype(np.int64),
        matched_skills=skill_ids[matched.indices].astype(np.int32),
        missing_indptr=missing.indptr.astype(np.int64),
        missing_skills=skill_ids[missing.indices].astype(np.int32),
    )


# --- 4. Reconcile ---------------------------------------------------------------------------------


def reconcile(*, dispatch: Dispatch, finalize: Callable[[int], None]) -> dict[str, int]:
    """Re-queue lost units, restart dead finalisations, fail units that ran out of attempts.

    A unit being scored is row-locked by its worker and skipped here. An unlocked unit that is not
    done, of a run started long enough ago, lost its message or its worker: it is queued again.
    """
    config = _config()
    stale = timezone.now() - timedelta(seconds=int(config["UNIT_STALE_SECONDS"]))
    counts = {"requeued": 0, "failed": 0, "restarted": 0}
    to_dispatch: list[tuple[int, int]] = []
    for run in MatchRun.objects.filter(status=MatchRun.Status.RUNNING, started_at__lt=stale):
        with transaction.atomic():
            units = list(
                MatchUnit.objects.select_for_update(skip_locked=True)
                .filter(run=run)
                .exclude(status=MatchUnit.Status.DONE)
            )
            if not units and not run.units.exclude(status=MatchUnit.Status.DONE).exists():
                transaction.on_commit(lambda run_id=run.pk: finalize(run_id))
                counts["restarted"] += 1
                continue
            for unit in units:
                if unit.attempts >= int(config["MAX_UNIT_ATTEMPTS"]):
                    MatchUnit.objects.filter(pk=unit.pk).update(status=MatchUnit.Status.FAILED)
                    _fail(run, RuntimeError(f"unit {unit.number} failed {unit.attempts} times"))
                    counts["failed"] += 1
                    break
                MatchUnit.objects.filter(pk=unit.pk).update(status=MatchUnit.Status.PENDING)
                to_dispatch.append((run.pk, unit.number))
    for run_id, number in to_dispatch:
        dispatch(run_id, number)
        counts["requeued"] += 1
    for run in MatchRun.objects.filter(status=MatchRun.Status.FINALIZING, started_at__lt=stale):
        if MatchRun.objects.filter(pk=run.pk, status=MatchRun.Status.FINALIZING).update(
            status=MatchRun.Status.RUNNING
        ):
            finalize(run.pk)
            counts["restarted"] += 1
    return counts


# --- On demand ------------------------------------------------------------------------------------


def _empty_side() -> engine.TopK:
    return engine.concat_topk([])


def rescore_vacancy(*, vacancy_id: int) -> int:
    """Score one vacancy (just verified or changed) against every seeker now; returns its rows.

    Its candidate list is replaced; seekers' own lists pick it up at the next night.
    """
    config = _config()
    snapshot = extract(timezone.localdate(), vacancy_ids=[vacancy_id])
    table = None
    if len(snapshot.vacancies):
        result = engine.match(
            snapshot.seekers,
            snapshot.vacancies,
            weights=current_weights()[0],
            k_vacancy=int(config["TOP_K_VACANCY"]),
            k_seeker=int(config["TOP_K_SEEKER"]),
            idf=snapshot.skill_idf,
        )
        table = pair_table(snapshot, result.vacancy_side, _empty_side())
    run = latest_run()
    if table is None:
        replace_for(_empty_table(), run.pk if run else 0, vacancy_ids=[vacancy_id])
        return 0
    replace_for(table, run.pk if run else 0, vacancy_ids=[vacancy_id])
    return len(table)


def rescore_seeker(*, seeker_id: int) -> int:
    """Score one seeker (profile just verified or changed) against every open vacancy now.

    The seeker's own list is replaced; their place in vacancies' lists waits for the next night.
    Skill weights (IDF) come from the whole seeker population, as in the nightly run.
    """
    config = _config()
    snapshot = extract(timezone.localdate())
    position = np.flatnonzero(np.asarray(snapshot.seekers.ids) == seeker_id)
    run = latest_run()
    if not len(position) or not len(snapshot.vacancies):
        replace_for(_empty_table(), run.pk if run else 0, seeker_ids=[seeker_id])
        return 0
    alone = Snapshot(
        snapshot.run_on,
        snapshot.seekers.take(position),
        snapshot.vacancies,
        snapshot.skill_ids,
        snapshot.regency_codes,
        skill_idf=snapshot.skill_idf,
        skill_specificity=snapshot.skill_specificity,
    )
    result = engine.match(
        alone.seekers,
        alone.vacancies,
        weights=current_weights()[0],
        k_vacancy=int(config["TOP_K_VACANCY"]),
        k_seeker=int(config["TOP_K_SEEKER"]),
        idf=snapshot.skill_idf,
    )
    table = pair_table(alone, _empty_side(), result.seeker_side)
    replace_for(table, run.pk if run else 0, seeker_ids=[seeker_id])
    return len(table)


def _empty_table() -> PairTable:
    empty = np.zeros(0, dtype=np.int64)
    return PairTable(
        seeker_id=empty,
        vacancy_id=empty,
        score=np.zeros(0),
        components=np.zeros((0, len(engine.COMPONENTS))),
        rank_for_vacancy=np.zeros(0, dtype=np.int16),
        rank_for_seeker=np.zeros(0, dtype=np.int16),
        matched_indptr=np.zeros(1, dtype=np.int64),
        matched_skills=np.zeros(0, dtype=np.int32),
        missing_indptr=np.zeros(1, dtype=np.int64),
        missing_skills=np.zeros(0, dtype=np.int32),
    )

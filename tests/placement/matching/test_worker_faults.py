"""Reliability of the nightly run with real Redis, PostgreSQL and Celery workers.

A run is done twice on the same date: once undisturbed, once with the worker killed (kill -9 of
the whole worker, parent and children) in the middle and another worker started. Both must end with
exactly the same rows: no duplicates, nothing lost.
"""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import fresh_postgres_database

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.celery]

ROOT = Path(__file__).resolve().parents[3]
# Today: the synthetic vacancies are open around today (ages are computed on this date too).
RUN_DATE = datetime.date.today().isoformat()


@pytest.fixture(scope="module")
def env(tmp_path_factory, redis_url):
    """A fresh database with a synthetic population, and the environment workers run with."""
    import redis

    database_url = fresh_postgres_database("worker")
    broker = redis_url.rsplit("/", 1)[0] + "/13"
    redis.Redis.from_url(broker).flushdb()
    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)},
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": broker,
        "VAR_DIR": str(tmp_path_factory.mktemp("worker-var")),
        "MATCHING_TASKS": "6",
        # Each unit holds its lock for 4 s: long enough to be met mid-unit on a loaded machine.
        "MATCHING_UNIT_DELAY_MS": "4000",
        "MATCHING_UNIT_STALE_SECONDS": "2",
        "OPENBLAS_NUM_THREADS": "1",
    }
    for args in (
        ["migrate", "--noinput", "-v0"],
        ["load_reference_data"],
        ["load_synthetic_population", "--seekers", "6000", "--vacancies", "600", "--seed", "7"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=300,
        )
    return environment


def _worker(env: dict, name: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "placement",
            "worker",
            "-c",
            "2",
            "-n",
            f"{name}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill(worker: subprocess.Popen) -> None:
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            _kill(worker)


def _manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _query(env: dict, sql: str) -> list[tuple]:
    import psycopg2

    connection = psycopg2.connect(env["DATABASE_URL"])
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        connection.close()


def _rows(env: dict) -> list[tuple]:
    return _query(
        env,
        "SELECT seeker_id, vacancy_id, round(score::numeric, 4), rank_for_vacancy, "
        "rank_for_seeker, matched_skills, missing_skills FROM matching_match "
        "ORDER BY seeker_id, vacancy_id",
    )


def _run_state(env: dict) -> tuple[str, int, int]:
    rows = _query(
        env,
        f"SELECT status, units_done, units_total FROM matching_matchrun "
        f"WHERE run_on = '{RUN_DATE}' AND province = ''",
    )
    return rows[0] if rows else ("missing", 0, 0)


def _units_running(env: dict) -> int:
    return _query(
        env,
        "SELECT count(*) FROM matching_matchunit u JOIN matching_matchrun r ON r.id = u.run_id "
        f"WHERE r.run_on = '{RUN_DATE}' AND r.province = '' AND u.status = 'running'",
    )[0][0]


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def test_killed_worker_and_rerun_end_with_exactly_the_undisturbed_rows(env):
    worker = _worker(env, "first")
    try:
        _manage(env, "run_matching", "--date", RUN_DATE)
        assert _run_state(env)[0] == "succeeded"
        undisturbed = _rows(env)
        assert len(undisturbed) > 1000
        assert len({(r[0], r[1]) for r in undisturbed}) == len(undisturbed)

        # The same date again, with the worker killed while units are being scored. Started in
        # the background: on a loaded machine the command alone can take as long to exit as the
        # units take to be scored, and a poll that starts after it would find nothing left.
        starter = subprocess.Popen(
            [sys.executable, "manage.py", "run_matching", "--date", RUN_DATE, "--no-wait"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        # Kill only while a unit is being scored (each unit sleeps 4 s), so the kill surely
        # interrupts one: between units it would prove nothing.
        _wait_for(
            lambda: _run_state(env)[1] >= 1 and _units_running(env) >= 1,
            120,
            "a unit to be scored after a first one finished",
        )
        _kill(worker)
        status, done, total = _run_state(env)
        assert status == "running" and done < total
        assert starter.wait(timeout=120) == 0
    finally:
        _stop(worker)

    replacement = _worker(env, "second")
    try:
        # The reconciler (beat runs it every few minutes) re-queues the units the dead worker
        # held or never received. A unit whose lock the dead worker's connection still holds
        # (until PostgreSQL notices it is gone) is skipped by one round and taken by a later one,
        # so it is called, as beat would, until the run is done.
        deadline = time.monotonic() + 240
        while _run_state(env)[0] != "succeeded":
            assert time.monotonic() < deadline, f"run stuck: {_run_state(env)}"
            time.sleep(2.5)
            if _run_state(env)[0] == "running":
                _manage(
                    env,
                    "shell",
                    "-c",
                    "from placement.matching.tasks import reconcile_runs; print(reconcile_runs())",
                )
    finally:
        _stop(replacement)
    after = _rows(env)
    assert len(after) == len(undisturbed)
    assert after == undisturbed
    units = _query(
        env,
        "SELECT count(*), sum(attempts) FROM matching_matchunit u JOIN matching_matchrun r "
        f"ON r.id = u.run_id WHERE r.run_on = '{RUN_DATE}'",
    )[0]
    assert units[1] > units[0]  # some units were tried twice: the kill really hit mid-run

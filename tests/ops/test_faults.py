"""The fault matrix of SECURITY.md with real PostgreSQL, Redis, Celery workers, beat and gunicorn.

Every process here is started by the test (its own Redis on a free port, workers, beats, a
gunicorn) and stopped by its process id (process group); each wait is bounded. The nightly run of
one date is done undisturbed first; every fault run must end with exactly those rows.

F1 kill -9 of one pool child mid-unit   F3 Redis SHUTDOWN NOSAVE + restart mid-run
F4 pg_terminate_backend: a worker mid-unit; web requests   F5 two beats at once
F6 a countdown against a short visibility timeout   (F2, the whole worker killed:
tests/placement/matching/test_worker_faults.py)
plus: the monthly IPK build and an import killed midway (no half month, no half file; the
redelivered message does it whole, once), a notification's e-mail delivered four times at once
or its worker killed mid-send (sent once). In-process versions (an exception, not a kill):
test_restart.py.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import fresh_postgres_database, postgres_admin_connection

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.celery, pytest.mark.faults]

ROOT = Path(__file__).resolve().parents[2]
RUN_DATE = datetime.date.today().isoformat()


# --- processes ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(args: list[str], env: dict, log: Path | None = None) -> subprocess.Popen:
    out = log.open("ab") if log else subprocess.DEVNULL
    return subprocess.Popen(
        args,
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group: stopped with its children, only them
        stdout=out,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )


def _stop(process: subprocess.Popen, timeout: float = 20) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _wait_for(predicate, timeout: float, what: str, every: float = 0.3) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


class Redis:
    """A redis-server owned by the test, on its own port, without persistence."""

    def __init__(self, folder: Path) -> None:
        self.port = _free_port()
        self.folder = folder
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = _start(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            os.environ.copy(),
        )
        _wait_for(self.ping, 20, "redis-server to answer")

    def ping(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_timeout=1).ping())
        except redis.RedisError:
            return False

    def shutdown_nosave(self) -> None:
        import redis

        # The server closes the connection as it goes.
        with contextlib.suppress(redis.ConnectionError):
            redis.Redis(port=self.port, socket_timeout=2).shutdown(nosave=True)
        self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)


# --- the environment -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    """A fresh database with a synthetic population, a test-owned Redis, the workers' env."""
    database_url = fresh_postgres_database("faults")
    name = database_url.rsplit("/", 1)[1]
    admin = postgres_admin_connection()
    folder = tmp_path_factory.mktemp("faults")
    redis = Redis(folder)
    redis.start()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "TEST_REDIS_URL")},
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis.url,
        "VAR_DIR": str(folder / "var"),
        "MATCHING_TASKS": "6",
        "MATCHING_UNIT_DELAY_MS": "1500",
        "MATCHING_UNIT_STALE_SECONDS": "2",
        "OPENBLAS_NUM_THREADS": "1",
        "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
    }
    (folder / "metrics").mkdir()
    try:
        for args in (
            ["migrate", "--noinput", "-v0"],
            ["load_reference_data"],
            [
                "load_synthetic_population",
                "--seekers",
                "3000",
                "--vacancies",
                "300",
                "--seed",
                "11",
            ],
        ):
            _manage(env, *args)
        state = {"env": env, "redis": redis, "admin": admin, "db": name, "folder": folder}
        worker = _worker(state, "baseline")
        try:
            _manage(env, "run_matching", "--date", RUN_DATE)
        finally:
            _stop(worker)
        assert _run_state(env)[0] == "succeeded"
        state["baseline"] = _rows(env)
        assert len(state["baseline"]) > 500
        yield state
    finally:
        redis.stop()
        admin.close()


def _manage(env: dict, *args: str, timeout: float = 300) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


WORKER_APP = "ak_fault_worker"


def _worker(state: dict, name: str, env: dict | None = None, log: Path | None = None):
    env = env or state["env"]
    # The workers' connections carry an application name, so a fault hits only them.
    env = {**env, "DATABASE_URL": env["DATABASE_URL"] + f"?application_name={WORKER_APP}"}
    return _start(
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
            "info",
        ],
        env,
        log or state["folder"] / f"worker-{name}.log",
    )


def _query(env: dict, sql: str, params=None) -> list[tuple]:
    import psycopg2

    connection = psycopg2.connect(env["DATABASE_URL"])
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
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


def _run_state(env: dict, day: str = RUN_DATE) -> tuple[str, int, int]:
    rows = _query(
        env,
        "SELECT status, units_done, units_total FROM matching_matchrun "
        "WHERE run_on = %s AND province = ''",
        [day],
    )
    return rows[0] if rows else ("missing", 0, 0)


def _units(env: dict, status: str) -> int:
    return _query(
        env,
        "SELECT count(*) FROM matching_matchunit u JOIN matching_matchrun r ON r.id = u.run_id "
        "WHERE r.run_on = %s AND r.province = '' AND u.status = %s",
        [RUN_DATE, status],
    )[0][0]


def _attempts(env: dict) -> tuple[int, int]:
    return _query(
        env,
        "SELECT count(*), sum(attempts) FROM matching_matchunit u JOIN matching_matchrun r "
        "ON r.id = u.run_id WHERE r.run_on = %s AND r.province = ''",
        [RUN_DATE],
    )[0]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _socket_ports(pid: int) -> set[int]:
    """Local TCP ports of the sockets process `pid` has open."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    ports = set()
    for table in ("tcp", "tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
                fields = line.split()
                if fields[9] in inodes:
                    ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


# A worker's connection inside the transaction that scores a unit: that transaction holds the
# unit's row lock and sleeps MATCHING_UNIT_DELAY_MS (1.5 s), while the other transactions of a
# unit (counting the attempt, saving) last milliseconds; on a loaded machine a short one can
# still be caught idle in transaction, so only one open for a while is taken for the scoring one.
SCORING = "state = 'idle in transaction' AND now() - xact_start > interval '0.5 seconds'"


def _scoring_children(state: dict, worker_pid: int) -> list[int]:
    """Pool children whose database connection is inside a unit's scoring transaction."""
    with state["admin"].cursor() as cursor:
        cursor.execute(
            f"SELECT client_port FROM pg_stat_activity WHERE datname = %s AND {SCORING}",
            [state["db"]],
        )
        busy = {row[0] for row in cursor.fetchall()}
    return [child for child in _children(worker_pid) if _socket_ports(child) & busy]


def _assert_same_as_undisturbed(state: dict) -> None:
    env = state["env"]
    assert _query(env, "SELECT count(*) FROM matching_matchrun WHERE run_on = %s", [RUN_DATE]) == [
        (1,)
    ]
    after = _rows(env)
    assert len({(r[0], r[1]) for r in after}) == len(after)  # no duplicate pair
    assert after == state["baseline"]  # nothing lost, nothing extra


def _reconcile(env: dict) -> None:
    _manage(
        env,
        "shell",
        "-c",
        "from placement.matching.tasks import reconcile_runs; print(reconcile_runs())",
    )


# --- F1 ---------------------------------------------------------------------------------------


# The fault tests that must hit a unit while it is being scored make each unit last longer, and
# start the run in the background: on a loaded machine `run_matching` alone can take as long to
# exit as its units take to be scored, and a poll that starts after it would find nothing left.
SLOW_UNITS = {"MATCHING_UNIT_DELAY_MS": "4000"}


def _start_run(env: dict) -> subprocess.Popen:
    return _start(
        [sys.executable, "manage.py", "run_matching", "--date", RUN_DATE, "--no-wait"], env
    )


def test_f1_a_killed_pool_child_has_its_unit_run_again_without_duplicates(services):
    env = services["env"]
    worker = _worker(services, "f1", env={**env, **SLOW_UNITS})
    starter = _start_run(env)
    try:
        # A pool child inside a unit holds the unit's row lock in an open transaction for 4 s:
        # find that child through its database connection and kill it.
        holder: list[int] = []

        def scoring_child() -> bool:
            holder[:] = _scoring_children(services, worker.pid)
            return bool(holder)

        _wait_for(scoring_child, 180, "a pool child scoring a unit", every=0.1)
        os.kill(holder[0], signal.SIGKILL)
        # No reconciler: the lost child's message is rejected back to the queue
        # (task_reject_on_worker_lost) and the unit is scored again.
        _wait_for(lambda: _run_state(env)[0] == "succeeded", 180, "the run to finish")
        assert starter.wait(timeout=120) == 0
    finally:
        _stop(starter)
        _stop(worker)
    assert worker.pid not in _children(worker.pid)
    units, attempts = _attempts(env)
    assert attempts > units  # the killed child's unit ran twice
    _assert_same_as_undisturbed(services)


# --- F3 ---------------------------------------------------------------------------------------


def test_f3_redis_shutdown_nosave_and_restart_mid_run(services):
    env, redis = services["env"], services["redis"]
    worker = _worker(services, "f3")
    try:
        _manage(env, "run_matching", "--date", RUN_DATE, "--no-wait")
        _wait_for(lambda: _run_state(env)[1] >= 1, 90, "a first unit to finish")
        assert _run_state(env)[1] < _run_state(env)[2]
        redis.shutdown_nosave()  # every queued message is gone
        time.sleep(2)
        redis.start()  # same port, empty
        # Beat runs the reconciler every 5 minutes; here it is called until the run is done.
        deadline = time.monotonic() + 240
        while _run_state(env)[0] != "succeeded":
            assert time.monotonic() < deadline, f"run stuck: {_run_state(env)}"
            if _run_state(env)[0] == "running":
                _reconcile(env)
            time.sleep(4)
    finally:
        _stop(worker)
    _assert_same_as_undisturbed(services)


# --- F4 ---------------------------------------------------------------------------------------


def _terminate(state: dict, where: str) -> int:
    with state["admin"].cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = %s AND pid <> pg_backend_pid() AND {where}",
            [state["db"]],
        )
        return len(cursor.fetchall())


def test_f4_a_terminated_worker_backend_mid_unit_is_retried_with_backoff(services):
    from prometheus_client import CollectorRegistry, multiprocess

    env = services["env"]
    worker = _worker(services, "f4", env={**env, **SLOW_UNITS})
    starter = _start_run(env)
    try:
        # The scoring worker holds the unit's row lock in an open transaction: terminate its
        # backend (only a worker's: the application name of their connections, below).
        killed: list[int] = []

        def terminated() -> bool:
            killed.append(_terminate(services, f"application_name = '{WORKER_APP}' AND {SCORING}"))
            return killed[-1] >= 1

        _wait_for(terminated, 180, "a worker's connection scoring a unit", every=0.1)
        _wait_for(lambda: _run_state(env)[0] == "succeeded", 240, "the run to finish")
        assert starter.wait(timeout=120) == 0
    finally:
        _stop(starter)
        _stop(worker)
    units, attempts = _attempts(env)
    assert attempts > units
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=env["PROMETHEUS_MULTIPROC_DIR"])
    retries = registry.get_sample_value(
        "antarkerja_celery_task_retries_total", {"task": "placement.matching.tasks.match_unit"}
    )
    assert retries and retries >= 1  # autoretry_for OperationalError, with retry_backoff
    _assert_same_as_undisturbed(services)


def _http(url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 - loopback
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_f4_web_requests_get_a_friendly_503_and_recover_after_the_database_returns(services):
    port = _free_port()
    env = {
        **services["env"],
        "DEBUG": "0",
        "SECRET_KEY": "fault-test-" + "s" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": services["env"]["DATABASE_URL"] + "?application_name=ak_fault_web",
        "CONN_MAX_AGE": "600",
        "WEB_CONCURRENCY": "1",
        "LOG_FORMAT": "json",
    }
    _manage(
        env,
        "collectstatic",
        "--noinput",
        "-v0",
        *[f"--ignore={name}" for name in ("admin", "drf_spectacular_sidecar", "rest_framework")],
    )
    log = services["folder"] / "gunicorn.log"
    server = _start(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "-b",
            f"127.0.0.1:{port}",
        ],
        env,
        log,
    )
    base = f"http://127.0.0.1:{port}"
    web = "application_name = 'ak_fault_web'"
    try:

        def up() -> bool:
            try:
                return _http(base + "/healthz")[0] == 200
            except OSError:
                return False

        _wait_for(up, 60, "gunicorn to answer")
        assert _http(base + "/")[0] == 200
        # The persistent connection is terminated between requests: CONN_HEALTH_CHECKS notices
        # and reconnects, the user sees nothing.
        assert _terminate(services, web) == 1
        assert _http(base + "/")[0] == 200

        # The database goes away (as in a restart): requests get the 503 page, /healthz is red.
        with services["admin"].cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{services["db"]}" ALLOW_CONNECTIONS false')
        try:
            _terminate(services, web)
            status, page = _http(base + "/")
            assert status == 503
            assert "Layanan sementara tidak tersedia" in page
            assert "Traceback" not in page and "psycopg2" not in page
            status, body = _http(base + "/healthz")
            assert status == 503 and json.loads(body)["database"]["ok"] is False
        finally:
            with services["admin"].cursor() as cursor:
                cursor.execute(f'ALTER DATABASE "{services["db"]}" ALLOW_CONNECTIONS true')
        # ...and everything recovers on the next request, without a restart.
        assert _http(base + "/")[0] == 200
        status, body = _http(base + "/healthz")
        assert status == 200 and json.loads(body)["database"]["ok"] is True
    finally:
        _stop(server)
    lines = [json.loads(x) for x in log.read_text().splitlines() if x.startswith("{")]
    assert any(x.get("message", "").startswith("database unavailable") for x in lines)


# --- F5 ---------------------------------------------------------------------------------------


def test_f5_two_beats_give_one_nightly_run_and_one_monthly_ipk_build(services):
    env = services["env"]
    day = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    beat_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "tests.ops.beat_settings",
        "F5_RUN_ON": day,
        "MATCHING_UNIT_DELAY_MS": "0",
    }
    worker = _worker(services, "f5", env=beat_env)
    beats = [
        _start(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "placement",
                "beat",
                "-l",
                "info",
                "-s",
                str(services["folder"] / f"beat-{n}-schedule"),
            ],
            beat_env,
            services["folder"] / f"beat-{n}.log",
        )
        for n in (1, 2)
    ]
    try:
        # Both beats send both jobs every 2 seconds for a while.
        _wait_for(lambda: _run_state(env, day)[0] == "succeeded", 180, "the nightly run")
        time.sleep(6)
    finally:
        for beat in beats:
            _stop(beat)
        _stop(worker, timeout=60)
    sent = sum(
        (services["folder"] / f"beat-{n}.log").read_text().count("nightly-matching") for n in (1, 2)
    )
    assert sent >= 4  # many starts were sent...
    assert _query(env, "SELECT count(*) FROM matching_matchrun WHERE run_on = %s", [day]) == [(1,)]
    runs = _query(env, "SELECT status, units_total FROM matching_matchrun WHERE run_on = %s", [day])
    assert runs[0][0] == "succeeded"
    reports = _query(
        env,
        "SELECT month, count(*), count(DISTINCT region_code) FROM reports_ipkreport GROUP BY month",
    )
    offices = _query(env, "SELECT count(*) FROM officers_office")[0][0]
    assert len(reports) == 1 and reports[0][1] == reports[0][2] == offices
    # The run of the fault tests' date was not touched.
    assert _rows(env) == services["baseline"] or _run_state(env)[0] == "succeeded"


# --- F6 ---------------------------------------------------------------------------------------


def test_f6_a_delayed_task_is_delivered_once_and_a_too_long_delay_is_refused(services):
    env = {**services["env"], "CELERY_VISIBILITY_TIMEOUT": "8"}
    log = services["folder"] / "worker-f6.log"
    worker = _worker(services, "f6", env=env, log=log)
    try:
        out = _manage(
            env,
            "shell",
            "-c",
            "from placement.ops.tasks import heartbeat\n"
            "print(heartbeat.apply_async(countdown=3).id)\n"
            "try:\n"
            "    heartbeat.apply_async(countdown=60)\n"
            "except ValueError as exc:\n"
            "    print('refused', exc)\n",
        )
        task_id, refusal = out.strip().splitlines()[-2:]
        assert refusal.startswith("refused") and "visibility timeout" in refusal
        # Held by the worker for 3 s, then run; waiting past twice the visibility timeout shows
        # that Redis did not hand it out a second time.
        _wait_for(lambda: f"{task_id}] succeeded" in log.read_text(), 60, "the delayed task")
        time.sleep(18)
    finally:
        _stop(worker)
    assert log.read_text().count(f"{task_id}] succeeded") == 1


# --- the monthly IPK build killed midway ----------------------------------------------------------


def _last_month() -> str:
    first = datetime.date.today().replace(day=1)
    return (first - datetime.timedelta(days=1)).strftime("%Y-%m")


def _waiting_on_lock(state: dict, table: str) -> bool:
    with state["admin"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = %s "
            "AND wait_event_type = 'Lock' AND query ILIKE %s",
            [state["db"], WORKER_APP, f'%INSERT INTO "{table}"%'],
        )
        return cursor.fetchone()[0] > 0


def _worker_backends(state: dict) -> int:
    with state["admin"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = %s",
            [state["db"], WORKER_APP],
        )
        return cursor.fetchone()[0]


def test_a_monthly_ipk_build_killed_midway_leaves_no_half_month_and_redelivered_builds_it(
    services,
):
    """The worker is killed (-9, the whole worker) inside the build's transaction, after the
    first batch of offices was written and while the second waits for a row the test holds."""
    import psycopg2

    env = {**services["env"], "CELERY_VISIBILITY_TIMEOUT": "6"}
    month = _last_month()
    first_day = f"{month}-01"
    holder = psycopg2.connect(env["DATABASE_URL"])
    try:
        with holder.cursor() as cursor:  # a stale row of the office built last (second batch)
            cursor.execute("SELECT code FROM officers_office ORDER BY code DESC LIMIT 1")
            last_code = cursor.fetchone()[0]
            cursor.execute("DELETE FROM reports_ipkreport WHERE month = %s", [first_day])
            cursor.execute(
                "INSERT INTO reports_ipkreport (month, region_code, tables, headline, built_at) "
                "VALUES (%s, %s, '{}', '{}', '2000-01-01T00:00:00Z')",
                [first_day, last_code],
            )
        holder.commit()
        with holder.cursor() as cursor:  # held until the worker is dead
            cursor.execute(
                "SELECT id FROM reports_ipkreport WHERE month = %s AND region_code = %s FOR UPDATE",
                [first_day, last_code],
            )
        _manage(
            env,
            "shell",
            "-c",
            "from placement.reports.tasks import build_monthly_reports\n"
            f"build_monthly_reports.delay({month!r})\n",
        )
        first = _worker(services, "ipk-1", env=env)
        try:
            _wait_for(
                lambda: _waiting_on_lock(services, "reports_ipkreport"),
                120,
                "the build's 2nd batch",
            )
        finally:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(timeout=20)
    finally:
        holder.rollback()
        holder.close()
    # The killed worker's backend finds its client gone and rolls the transaction back.
    _wait_for(lambda: _worker_backends(services) == 0, 60, "the killed worker's backend to end")
    assert _query(
        env,
        "SELECT region_code, built_at < '2001-01-01' FROM reports_ipkreport WHERE month = %s",
        [first_day],
    ) == [(last_code, True)]  # no half month: only the stale row the test wrote

    offices = _query(env, "SELECT count(*) FROM officers_office")[0][0]
    second = _worker(services, "ipk-2", env=env)
    try:
        # Redis hands the unacknowledged message out again after the visibility timeout.
        _wait_for(
            lambda: (
                _query(
                    env,
                    "SELECT count(*) FROM reports_ipkreport WHERE month = %s "
                    "AND built_at > '2001-01-01'",
                    [first_day],
                )[0][0]
                == offices
            ),
            180,
            "the redelivered build",
        )
    finally:
        _stop(second)
    rows = _query(
        env,
        "SELECT count(*), count(DISTINCT region_code) FROM reports_ipkreport WHERE month = %s",
        [first_day],
    )
    assert rows == [(offices, offices)]  # the whole month, once per office


# --- an import killed midway ---------------------------------------------------------------------


IMPORT_ROWS = 1200  # two batches of employers.imports.BATCH (1,000 rows)


def test_an_import_killed_midway_leaves_no_half_file_and_redelivered_imports_it_once(services):
    """The worker is killed (-9) inside the import's transaction, after the first 1,000
    employers were written and while the second batch waits: the test holds an uncommitted
    employer with the last row's NIB, so that row's insert waits on the unique index."""
    import psycopg2

    env = {**services["env"], "CELERY_VISIBILITY_TIMEOUT": "6"}
    first_nib = 7_300_000_000_000
    out = _manage(
        env,
        "shell",
        "-c",
        "from employers import imports\n"
        "from tests.employers.test_imports import csv_upload, employer_row\n"
        "from tests.factories import OfficerFactory\n"
        "officer = OfficerFactory(user__email='officer.import.fault@example.org')\n"
        f"rows = [employer_row(n, nib=str({first_nib} + n)) for n in range(1, {IMPORT_ROWS + 1})]\n"
        "run = imports.start_import(kind='employers', policy='skip', upload=csv_upload(rows),"
        " by=officer.user)\n"
        "print(run.pk)\n",
    )
    run_pk = int(out.split()[-1])

    def imported() -> int:
        return _query(
            env,
            "SELECT count(*) FROM employers_employer WHERE nib BETWEEN %s AND %s",
            [str(first_nib + 1), str(first_nib + IMPORT_ROWS)],
        )[0][0]

    def status() -> str:
        return _query(env, "SELECT status FROM employers_importrun WHERE id = %s", [run_pk])[0][0]

    columns = [
        row[0]
        for row in _query(
            env,
            "SELECT column_name FROM information_schema.columns WHERE table_name = "
            "'employers_employer' AND column_name NOT IN ('id', 'nib') ORDER BY ordinal_position",
        )
    ]
    listed = ", ".join(f'"{c}"' for c in columns)
    holder = psycopg2.connect(env["DATABASE_URL"])
    try:
        with holder.cursor() as cursor:  # uncommitted: the import's insert of this NIB waits
            cursor.execute(
                f"INSERT INTO employers_employer ({listed}, nib) "
                f"SELECT {listed}, %s FROM employers_employer LIMIT 1",
                [str(first_nib + IMPORT_ROWS)],
            )
        _manage(
            env,
            "shell",
            "-c",
            f"from employers.tasks import run_import\nrun_import.delay({run_pk})\n",
        )
        first = _worker(services, "import-1", env=env)
        try:
            _wait_for(
                lambda: _waiting_on_lock(services, "employers_employer"), 180, "the 2nd batch"
            )
        finally:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(timeout=20)
    finally:
        holder.rollback()
        holder.close()
    _wait_for(lambda: _worker_backends(services) == 0, 60, "the killed worker's backend to end")
    assert imported() == 0  # no half file
    assert status() == "running"

    log = services["folder"] / "worker-import-2.log"
    second = _worker(services, "import-2", env=env, log=log)
    try:  # Redis hands the unacknowledged message out again after the visibility timeout
        _wait_for(lambda: status() == "done", 180, "the redelivered import")
        time.sleep(14)  # past twice the visibility timeout: not handed out once more
    finally:
        _stop(second)
    assert imported() == IMPORT_ROWS
    assert _query(
        env, "SELECT rows_imported, rows_failed FROM employers_importrun WHERE id = %s", [run_pk]
    ) == [(IMPORT_ROWS, 0)]
    assert log.read_text().count("employers.tasks.run_import[") <= 2  # received, succeeded


# --- a notification's e-mail, delivered many times or after a kill -------------------------------


def _mail_env(services: dict, folder: Path) -> dict:
    folder.mkdir()
    return {
        **services["env"],
        "DJANGO_SETTINGS_MODULE": "tests.ops.mail_settings",
        "F7_MAIL_DIR": str(folder),
        "F7_MAIL_SECONDS": "2",
        "CELERY_VISIBILITY_TIMEOUT": "6",
    }


def _sent(folder: Path) -> int:
    return sum(p.read_text().count("Subject: AntarKerja") for p in folder.glob("*.log"))


def _notification(env: dict, key: str, copies: int) -> list[str]:
    """A new notice for a new user and `copies` deliveries of its e-mail task (their ids)."""
    out = _manage(
        env,
        "shell",
        "-c",
        "from placement.accounts.models import User\n"
        "from placement.notifications.models import Notification\n"
        "from placement.notifications.tasks import send_notification_email as send\n"
        f"user = User.objects.create_user(email='{key.lower()}@example.org', password=None,"
        " full_name='Uji Surat')\n"
        f"notice = Notification.objects.create(user=user, event='seeker.card_issued', key={key!r},"
        " context={'number': '62-7'})\n"
        f"print(' '.join(send.delay(notice.pk).id for _ in range({copies})))\n",
    )
    return out.split()[-copies:]


def _emailed(env: dict, key: str) -> bool:
    rows = _query(
        env, "SELECT emailed_at IS NOT NULL FROM notifications_notification WHERE key = %s", [key]
    )
    return rows == [(True,)]


def test_a_notification_delivered_four_times_at_once_is_e_mailed_once(services, tmp_path):
    env = _mail_env(services, tmp_path / "mail")
    ids = _notification(env, "F7-ONCE", 4)
    logs = [services["folder"] / f"worker-mail-{n}.log" for n in (1, 2)]
    workers = [
        _worker(services, f"mail-{n}", env=env, log=log)
        for n, log in zip((1, 2), logs, strict=True)
    ]

    def results() -> dict[str, str]:
        text = "".join(log.read_text() for log in logs if log.exists())
        found = {}
        for task_id in ids:
            marker = f"{task_id}] succeeded in "
            if marker in text:
                found[task_id] = text.split(marker, 1)[1].split("\n", 1)[0].split(": ")[-1]
        return found

    try:  # four pool processes take the four copies together; the slow send makes them overlap
        _wait_for(lambda: len(results()) == 4, 120, "the four deliveries")
    finally:
        for worker in workers:
            _stop(worker)
    assert sorted(results().values()) == ["False", "False", "False", "True"]
    assert _sent(tmp_path / "mail") == 1
    assert _emailed(env, "F7-ONCE")


def test_a_worker_killed_while_sending_has_the_e_mail_sent_once_by_the_redelivery(
    services, tmp_path
):
    folder = tmp_path / "mail"
    env = _mail_env(services, folder)
    _notification(env, "F7-KILL", 1)
    first = _worker(services, "mail-kill-1", env=env)
    try:  # the send is under way (the mail server is taking its time): kill the whole worker
        _wait_for(lambda: any(folder.glob("sending-*")), 120, "the send to start")
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=20)
    assert _sent(folder) == 0 and not _emailed(env, "F7-KILL")
    log = services["folder"] / "worker-mail-kill-2.log"
    second = _worker(services, "mail-kill-2", env=env, log=log)
    try:
        _wait_for(lambda: _emailed(env, "F7-KILL"), 120, "the redelivered send")
        # Past twice the visibility timeout: Redis does not hand the message out once more.
        time.sleep(14)
    finally:
        _stop(second)
    assert _sent(folder) == 1
    assert log.read_text().count("succeeded in") == 1

"""Load run: gunicorn (production settings) on 127.0.0.1, locust against it, bounded in time.

    DATABASE_URL=postgres://... python benchmarks/load/run_load.py --users 50 --minutes 10

Prepares the database if needed (migrate, reference data, demo accounts and population with
`seed_demo --if-empty`), checks that every account of the scenario has its records, collects
static files, starts gunicorn with deploy/gunicorn.conf.py, runs locust headless for the given
time and users, stops gunicorn (by its process id) and prints the report (per page kind
p50/p95/max and errors; the slowest pages) as the last line, JSON.
`--nightly` also runs the nightly match in a loop during the load (`load/nightly.py`, one
process that sets Django up once): with REDIS_URL, through a Celery worker this script starts
(`--nightly-workers` processes); without it, in-process. The match starts with the server, and
the users start only once its first run is scoring (not while it extracts); every run's start,
scoring and end go to `var/load_nightly.jsonl`, and the report counts the runs that overlapped
the load. The match runs at MATCHING_NICE (default 10) as in production; MATCHING_NICE=0 runs it
at the web's priority.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _load_accounts() -> dict[str, list[str]]:
    """The SEEKERS and OFFICERS lists of the locustfile (read, not imported: locust patches)."""
    tree = ast.parse(Path(__file__).with_name("locustfile.py").read_text())
    return {
        target.id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id in ("SEEKERS", "OFFICERS")
    }


def _check_accounts(env: dict) -> None:
    """Every account the scenario signs in with has its records: an active seeker record for the
    seekers (else their pages answer 404: 571 errors of an earlier run), an officer record."""
    accounts = _load_accounts()
    code = (
        "from jobseekers.models import JobSeeker\n"
        "from placement.offices.models import Officer\n"
        f"missing = [e for e in {accounts['SEEKERS']!r} if not JobSeeker.objects.filter("
        "user__email=e, status=JobSeeker.Status.ACTIVE).exists()]\n"
        f"missing += [e for e in {accounts['OFFICERS']!r} if not Officer.objects.filter("
        "user__email=e).exists()]\n"
        "if missing: raise SystemExit('load accounts without their records: ' + ', '.join(missing))"
    )
    _manage(env, "shell", "-c", code)


def _wait_until_scoring(log: Path, process: subprocess.Popen, timeout: float) -> dict:
    """The first "scoring" line of the nightly log (the match competes for the CPU from then)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for event in _events(log):
            if event["event"] == "scoring":
                return event
            if event["event"] == "error":
                raise SystemExit(f"the nightly match failed: {event.get('error')}")
        if process.poll() is not None:
            raise SystemExit(f"the nightly loop ended (exit code {process.returncode})")
        time.sleep(1)
    raise SystemExit(f"the nightly match was not scoring after {timeout:.0f} s")


def _events(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def _nightly_summary(log: Path, started: float, ended: float) -> dict:
    """The match runs against the load's time window [started, ended] (unix seconds)."""
    runs: dict[int, dict] = {}
    for event in _events(log):
        runs.setdefault(event["run"], {})[event["event"]] = event
    rows = []
    for number, events in sorted(runs.items()):
        begin = events.get("scoring", events.get("start", {})).get("unix")
        end = events.get("end", {}).get("unix")
        overlaps = begin is not None and begin < ended and (end is None or end > started)
        rows.append(
            {
                "run": number,
                "start": events.get("start", {}).get("at"),
                "scoring": events.get("scoring", {}).get("at"),
                "end": events.get("end", {}).get("at"),
                "seconds": events.get("end", {}).get("seconds"),
                "status": events.get("end", {}).get("status", "stopped"),
                "overlaps": overlaps,
                "within": overlaps and end is not None and started <= begin and end <= ended,
            }
        )
    return {
        "log": str(log),
        "runs_overlapping_load": sum(r["overlaps"] for r in rows),
        "runs_finished_within_load": sum(r["within"] and r["status"] == "succeeded" for r in rows),
        "runs": rows,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--minutes", type=float, default=1)
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: config)")
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("--nightly", action="store_true", help="run the nightly match meanwhile")
    parser.add_argument("--nightly-workers", type=int, default=1, help="celery worker processes")
    parser.add_argument(
        "--nightly-wait", type=float, default=900, help="seconds to wait for the match to score"
    )
    parser.add_argument("--report", default=str(ROOT / "var" / "load_report.json"))
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database (it is prepared if empty).")
        return 2
    base_env = {**os.environ}
    if not args.skip_prepare:
        dev = {**base_env, "DEBUG": "1"}
        _manage(dev, "migrate", "--noinput", "-v0")
        _manage(dev, "load_reference_data")
        _manage(dev, "seed_demo", "--if-empty")
    _check_accounts({**base_env, "DEBUG": "1"})
    env = {
        **base_env,
        "DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "benchmarks.load.settings",
        "SECRET_KEY": base_env.get("SECRET_KEY") or "load-test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": os.devnull,
        "AXES_FAILURE_LIMIT": "1000",
        "API_ANON_RATE": "100000/minute",
    }
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    _manage(env, "collectstatic", "--noinput", "-v0")
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "-b", host[7:]],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    nightly = worker = None
    nightly_log = Path(args.report).with_name("load_nightly.jsonl")
    try:
        if args.nightly:
            # Started with the server, so their start-ups overlap; the users wait for both.
            match_env = {
                **base_env,
                "DEBUG": "0",
                "DJANGO_SETTINGS_MODULE": "placement.settings",
                "SECRET_KEY": env["SECRET_KEY"],
                "ALLOWED_HOSTS": "127.0.0.1",
                "LOG_LEVEL": "WARNING",
            }
            if base_env.get("REDIS_URL"):
                # run_matching dispatches the units to the workers and waits: start one (its own
                # process group, stopped by id with gunicorn), as production has.
                worker = subprocess.Popen(
                    [
                        *(sys.executable, "-m", "celery", "-A", "placement", "worker"),
                        *("--concurrency", str(args.nightly_workers), "-l", "warning"),
                    ],
                    cwd=ROOT,
                    env=match_env,
                    start_new_session=True,
                    stdout=subprocess.DEVNULL,
                )
            nightly_log.unlink(missing_ok=True)
            nightly = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("nightly.py")), "--log", nightly_log],
                cwd=ROOT,
                env=match_env,
                start_new_session=True,
                stdout=subprocess.DEVNULL,
            )
        # Workers import Django and the occupation index first: minutes on a loaded machine.
        deadline = time.monotonic() + 300
        while True:
            try:
                urllib.request.urlopen(host + "/healthz", timeout=30)  # noqa: S310 - loopback
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        if nightly is not None:
            first = _wait_until_scoring(nightly_log, nightly, args.nightly_wait)
            print(f"nightly match run 1 scoring since {first['at']}; starting the load", flush=True)
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        seconds = int(args.minutes * 60)
        load_started = time.time()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(Path(__file__).with_name("locustfile.py")),
                "--headless",
                "--only-summary",
                "-u",
                str(args.users),
                "-r",
                str(args.spawn_rate),
                "-t",
                f"{seconds}s",
                "--stop-timeout",
                "10",
                "--host",
                host,
            ],
            cwd=ROOT,
            env={**base_env, "LOAD_REPORT": args.report},
            check=False,
            timeout=seconds + 120,
        )
        load_ended = time.time()
    finally:
        if nightly is not None:
            _stop(nightly)
        if worker is not None:
            _stop(worker)
        _stop(server)
    report = json.loads(Path(args.report).read_text())
    report.update(users=args.users, minutes=args.minutes, nightly=args.nightly)
    if args.nightly:
        report["nightly_runs"] = _nightly_summary(nightly_log, load_started, load_ended)
    print(json.dumps(report))
    return 0 if report["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

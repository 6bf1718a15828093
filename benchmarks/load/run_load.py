"""Load run: gunicorn (production settings) on 127.0.0.1, locust against it, bounded in time.

    DATABASE_URL=postgres://... python benchmarks/load/run_load.py --users 50 --minutes 10

Prepares the database if needed (migrate, reference data, demo accounts and population with
`seed_demo --if-empty`), checks that every account of the scenario has its records, collects
static files, starts gunicorn with deploy/gunicorn.conf.py, runs locust headless for the given
time and users, stops gunicorn (by its process id) and prints the report (per page kind
p50/p95/max and errors; the slowest pages) as the last line, JSON.
`--nightly` also runs the nightly match in a loop during the load: with REDIS_URL, through a Celery
worker this script starts (`--nightly-workers` processes); without it, in-process.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--minutes", type=float, default=1)
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: config)")
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("--nightly", action="store_true", help="run the nightly match meanwhile")
    parser.add_argument("--nightly-workers", type=int, default=1, help="celery worker processes")
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
    try:
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
        if args.nightly:
            if base_env.get("REDIS_URL"):
                # run_matching dispatches the units to the workers and waits: start one (its own
                # process group, stopped by id with gunicorn), as production has.
                worker = subprocess.Popen(
                    [
                        *(sys.executable, "-m", "celery", "-A", "placement", "worker"),
                        *("--concurrency", str(args.nightly_workers), "-l", "warning"),
                    ],
                    cwd=ROOT,
                    env={
                        **base_env,
                        "DEBUG": "0",
                        "SECRET_KEY": env["SECRET_KEY"],
                        "ALLOWED_HOSTS": "127.0.0.1",
                        "LOG_LEVEL": "WARNING",
                    },
                    start_new_session=True,
                    stdout=subprocess.DEVNULL,
                )
            loop = f"while true; do {sys.executable} manage.py run_matching; done"
            nightly = subprocess.Popen(
                ["bash", "-c", loop],
                cwd=ROOT,
                env={**base_env, "DEBUG": "1"},
                start_new_session=True,
                stdout=subprocess.DEVNULL,
            )
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        seconds = int(args.minutes * 60)
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
    finally:
        if nightly is not None:
            _stop(nightly)
        if worker is not None:
            _stop(worker)
        _stop(server)
    report = json.loads(Path(args.report).read_text())
    report.update(users=args.users, minutes=args.minutes, nightly=args.nightly)
    print(json.dumps(report))
    return 0 if report["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

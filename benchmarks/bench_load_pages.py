"""The pages of the load mix (benchmarks/load/locustfile.py), one at a time, on a filled database.

    DATABASE_URL=postgres://.../ak_load python benchmarks/bench_load_pages.py --requests 50
    ... --baseline var/bench_load_pages.json   # adds the ratio to a previous run
    ... --only "officer: dashboard" --profile var/profiles   # cProfile of each page (.prof, .txt)

Unlike the load run this has no queueing and no HTTP: each page goes through the whole Django
stack (middleware, ORM, templates; the test client, warm) in this one process, so its time is the
server's own cost of the page, and the SQL statements are counted. Run it against the database the
load run uses (`seed_demo --seekers 200000 --vacancies 20000`: the demo accounts, ~200,000 seekers
mostly in Kalimantan Tengah). Officers are signed in with their second factor passed, as in the
tests. Prints per page p50/p95/max in ms and the queries of one request; the last line is JSON
(`--out` also writes it). `--officer bench.6271@example.org --seeker ''` runs it on the database of
`bench_officer.py` (200,000 seekers in province 62, 50,000 of them in 62.71). With `--baseline`,
each page's p95 is also given as a ratio to the same page's p95 in that earlier output (below 1:
faster now). CPU time of this process is reported too: it is not inflated by other load on a
shared machine, while wall-clock times are.

By default the pages run as the load run serves them: DEBUG off with the load run's production
settings (`benchmarks/load/settings.py`; DEBUG's query log and debug context distort), the cache
of REDIS_URL if set (else each process's memory). `--debug` runs them with DEBUG on as before.
Per page: `cpu_ms`, the mean CPU time of this process per request (process_time over all timed
requests), `db_cpu_ms`, the mean CPU time of the PostgreSQL backend serving them (from
/proc/<backend pid>/stat: the database must run on this machine, else it is omitted), and
`queries`, the SQL statements of one more request (counted apart from the timed ones; BEGIN,
COMMIT and savepoints are not counted).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import sys
import time
from pathlib import Path

# Logged by Django around the session save, but not queries: BEGIN/COMMIT and savepoints.
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OFFICERS = ["officer.6271@antarkerja.example", "officer.6201@antarkerja.example"]
SEEKER = "seeker.6271@antarkerja.example"
WORDS = ["kasir", "operator", "guru", "perawat", "sopir", "admin", "teknisi", "penjualan", ""]


def _client(email: str | None):
    from django.test import Client

    from placement.accounts.models import User

    client = Client(HTTP_ACCEPT_LANGUAGE="id")
    if email is None:
        return client
    user = User.objects.filter(email=email).first()
    if user is None:
        return None
    client.force_login(user)
    if user.needs_second_factor:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:  # an officer of bench_officer.py's database has none yet
            device = TOTPDevice.objects.create(user=user, name="benchmark", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _pages(officer, seeker, public, api) -> list[tuple[str, object, list[str]]]:
    """(page name, client, urls): the pages and the share of each kind of the load mix."""
    listing = officer.get("/officer/caseload/seekers/").content.decode()
    seekers = re.findall(r'href="/officer/seekers/(\d+)/"', listing)[:10]
    home = public.get("/").content.decode()
    vacancies = re.findall(r'href="/vacancies/(\d+)/"', home)[:10]
    caseload = "/officer/caseload/seekers/"
    return [
        ("public: search", public, [f"/?q={w}" for w in WORDS]),
        ("public: search in a province", public, [f"/?q={w}&province=62" for w in WORDS]),
        ("public: vacancy", public, [f"/vacancies/{pk}/" for pk in vacancies]),
        ("public: statistics", public, ["/statistik/"]),
        ("seeker: portal", seeker, ["/seeker/"]),
        ("seeker: recommendations", seeker, ["/seeker/recommendations/"]),
        ("seeker: profile", seeker, ["/seeker/profile/"]),
        ("seeker: applications", seeker, ["/applications/mine/"]),
        ("officer: seeker list", officer, [f"{caseload}?page={n}" for n in (1, 2, 3)]),
        ("officer: seeker list, last page", officer, [f"{caseload}?page=50"]),
        ("officer: seeker search by name", officer, [f"{caseload}?q=siti", f"{caseload}?q=budi"]),
        ("officer: seeker list, all statuses", officer, [f"{caseload}?status=all"]),
        ("officer: case file", officer, [f"/officer/seekers/{pk}/" for pk in seekers]),
        ("officer: seeker matches", officer, [f"/officer/seekers/{pk}/matches/" for pk in seekers]),
        ("officer: vacancy list", officer, ["/officer/vacancies/"]),
        ("officer: dashboard", officer, ["/officer/"]),
        ("api: vacancies", api, ["/api/v1/vacancies/"]),
        ("api: jobseekers", api, ["/api/v1/jobseekers/"]),
        ("api: matching runs", api, ["/api/v1/matching/runs/"]),
        ("api: skills", api, [f"/api/v1/taxonomy/skills/?search={w}" for w in WORDS]),
    ]  # fmt: skip


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))], 1)


def _backend_cpu_reader():
    """A function giving the CPU seconds used so far by this connection's PostgreSQL backend, or
    None when the backend is not a process of this machine."""
    from django.db import connection

    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    stat = Path(f"/proc/{pid}/stat")
    ticks = os.sysconf("SC_CLK_TCK")

    def read() -> float | None:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

    return read if read() is not None else (lambda: None)


def _production_environment() -> None:
    """The load run's server settings (benchmarks/load/run_load.py) for this process."""
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.load.settings")
    os.environ.setdefault("SECRET_KEY", "load-test-only-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("AXES_FAILURE_LIMIT", "1000")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    parser.add_argument("--only", default="", help="only pages whose name contains this")
    parser.add_argument("--officer", default=OFFICERS[0], help="the officer signed in")
    parser.add_argument("--seeker", default=SEEKER, help="the seeker (pages skipped if absent)")
    parser.add_argument("--baseline", help="an earlier JSON output to compare p95 with")
    parser.add_argument("--out", help="also write the JSON here")
    parser.add_argument("--debug", action="store_true", help="DEBUG on (development settings)")
    parser.add_argument("--profile", help="write a cProfile of each page's requests here")
    args = parser.parse_args()
    if args.debug:
        os.environ["DEBUG"] = "1"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    else:
        _production_environment()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    if not settings.DEBUG:  # the hashed static files' manifest, as run_load.py serves them
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
    backend_cpu = _backend_cpu_reader()
    profiles = Path(args.profile) if args.profile else None
    if profiles:
        profiles.mkdir(parents=True, exist_ok=True)
    officer = _client(args.officer)
    pages = _pages(officer, _client(args.seeker), _client(None), _client(args.officer))
    baseline = {}
    if args.baseline:
        baseline = {p["page"]: p for p in json.loads(Path(args.baseline).read_text())["pages"]}
    results = []
    for name, client, urls in pages:
        if args.only not in name or not urls or client is None:
            continue
        for url in urls[:3]:  # warm caches and the connection
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        times = []
        profiler = cProfile.Profile() if profiles else None
        started_db, started_cpu = backend_cpu(), time.process_time()
        for index in range(args.requests):
            url = urls[index % len(urls)]
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            client.get(url)
            if profiler:
                profiler.disable()
            times.append((time.perf_counter() - started) * 1000)
        cpu_ms = (time.process_time() - started_cpu) * 1000 / args.requests
        ended_db = backend_cpu()
        with CaptureQueriesContext(connection) as captured:
            client.get(urls[0])
        queries = [
            q for q in captured.captured_queries if not q["sql"].startswith(TRANSACTION_CONTROL)
        ]
        row = {
            "page": name,
            "p50_ms": _pct(times, 0.5),
            "p95_ms": _pct(times, 0.95),
            "max_ms": round(max(times), 1),
            "cpu_ms": round(cpu_ms, 1),
            "queries": len(queries),
        }
        if started_db is not None and ended_db is not None:
            row["db_cpu_ms"] = round((ended_db - started_db) * 1000 / args.requests, 1)
        if profiler:
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            profiler.dump_stats(profiles / f"{slug}.prof")
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(60)
            pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(40)
            (profiles / f"{slug}.txt").write_text(text.getvalue())
        if name in baseline:
            row["p95_ratio"] = round(row["p95_ms"] / max(baseline[name]["p95_ms"], 0.1), 2)
            if "cpu_ms" in baseline[name]:
                row["cpu_ratio"] = round(row["cpu_ms"] / max(baseline[name]["cpu_ms"], 0.1), 2)
        results.append(row)
        ratio = f"  p95 x{row['p95_ratio']:.2f}" if "p95_ratio" in row else ""
        ratio += f"  cpu x{row['cpu_ratio']:.2f}" if "cpu_ratio" in row else ""
        print(
            f"{name:40s} p50 {row['p50_ms']:7.1f}  p95 {row['p95_ms']:7.1f}  max "
            f"{row['max_ms']:7.1f}  cpu {row['cpu_ms']:6.1f}  db cpu "
            f"{row.get('db_cpu_ms', '-'):>5}  q {row['queries']:3d}{ratio}",
            flush=True,
        )
    summary = {
        "requests": args.requests,
        "debug": settings.DEBUG,
        "load_avg_1m": os.getloadavg()[0],
        "pages": results,
    }
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(summary, indent=1))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The pages of the load mix (benchmarks/load/locustfile.py), one at a time, on a filled database.

    DEBUG=1 DATABASE_URL=postgres://.../<load database> python benchmarks/bench_load_pages.py
    ... --requests 20 --baseline var/bench_load_pages.json   # adds the ratio to a previous run

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
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    parser.add_argument("--only", default="", help="only pages whose name contains this")
    parser.add_argument("--officer", default=OFFICERS[0], help="the officer signed in")
    parser.add_argument("--seeker", default=SEEKER, help="the seeker (pages skipped if absent)")
    parser.add_argument("--baseline", help="an earlier JSON output to compare p95 with")
    parser.add_argument("--out", help="also write the JSON here")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
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
        times, cpu = [], []
        for index in range(args.requests):
            url = urls[index % len(urls)]
            with CaptureQueriesContext(connection) as captured:
                started, started_cpu = time.perf_counter(), time.process_time()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
        row = {
            "page": name,
            "p50_ms": _pct(times, 0.5),
            "p95_ms": _pct(times, 0.95),
            "max_ms": round(max(times), 1),
            "cpu_median_ms": round(statistics.median(cpu), 1),
            "queries": len(captured.captured_queries),
        }
        if name in baseline:
            row["p95_ratio"] = round(row["p95_ms"] / max(baseline[name]["p95_ms"], 0.1), 2)
        results.append(row)
        ratio = f"  x{row['p95_ratio']:.2f} vs baseline" if "p95_ratio" in row else ""
        print(
            f"{name:40s} p50 {row['p50_ms']:7.1f}  p95 {row['p95_ms']:7.1f}  max "
            f"{row['max_ms']:7.1f}  cpu {row['cpu_median_ms']:6.1f}  q {row['queries']:3d}{ratio}",
            flush=True,
        )
    summary = {"requests": args.requests, "load_avg_1m": os.getloadavg()[0], "pages": results}
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(summary, indent=1))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

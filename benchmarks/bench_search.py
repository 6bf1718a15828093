"""Public vacancy search benchmark: p50/p95 of `/` with 50,000 published vacancies (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/antarkerja python benchmarks/bench_search.py
    ... --vacancies 50000 --requests 400 --keep

Runs only when DATABASE_URL points to PostgreSQL (the full-text index is PostgreSQL's). It builds
its own database `<name>_bench_search` (dropped and created again unless --keep finds it filled),
loads the reference data, inserts employers and published vacancies shaped like the demo data
(occupations weighted like a regency, Indonesian titles and descriptions, regions by population),
then times full Django responses of the home page (ORM + template, warm cache) for a mix of
searches: words, prefixes, filters by region, occupation group, education and wage, later pages.
Target (issue 4): p95 under 300 ms. The last line printed is one JSON object.

`--compare-stored` also times, for each query with words, the search's count and first page
reading the stored `search_vector` column against the old per-row rebuild of SEARCH_VECTOR (with
the old expression index created for the comparison and dropped after), alternating the two,
median of `--rounds`; the ratio new/old per query and their geometric mean go into the JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _database_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _prepare_database(url: str, *, keep: bool) -> tuple[str, bool]:
    """Point DATABASE_URL at `<name>_bench_search`; (new url, whether it already had data)."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_bench_search"
    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if exists and not keep:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = False
        if not exists:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return url.rsplit("/", 1)[0] + "/" + name, exists


def _populate(count: int, rng: random.Random) -> None:
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from employers.models import Employer, Vacancy
    from placement.demo.employers import _description
    from placement.demo.employers_data import JOBS, UMP
    from placement.offices.services import sync_offices
    from placement.taxonomy.loaders import load_all
    from placement.taxonomy.models import EducationLevel, Industry, Occupation, Regency

    call_command("migrate", verbosity=0, interactive=False)
    load_all()
    sync_offices()
    regencies = list(Regency.objects.all())
    weights = [r.population or 100_000 for r in regencies]
    occupations = {o.code: o for o in Occupation.objects.current().filter(level=4)}
    industries = {i.code: i for i in Industry.objects.current().filter(level=5)}
    education = {e.code: e for e in EducationLevel.objects.all()}
    now = timezone.now()
    today = timezone.localdate()
    employers = []
    for index in range(max(200, count // 25)):
        job = rng.choices(JOBS, weights=[j.weight for j in JOBS])[0]
        employers.append(
            Employer(
                name=f"PT Uji Beban {index}",
                nib=f"{6500000000000 + index}",
                industry=industries.get(job.kbli[0]) or next(iter(industries.values())),
                ownership="private",
                address="Jl. Uji No. 1",
                regency=rng.choices(regencies, weights=weights)[0],
                contact_name="Uji",
                contact_email=f"hrd{index}@uji.example",
                contact_phone="0536 3221234",
                status="verified",
                verified_at=now,
            )
        )
    Employer.objects.bulk_create(employers, batch_size=2000)
    batch: list[Vacancy] = []
    for index in range(count):
        job = rng.choices(JOBS, weights=[j.weight for j in JOBS])[0]
        employer = rng.choice(employers)
        regency = employer.regency if rng.random() < 0.8 else rng.choice(regencies)
        ump = UMP.get(regency.province_id, 4_000_000)
        title = rng.choice(job.titles)
        published = now - timedelta(minutes=index)
        batch.append(
            Vacancy(
                employer=employer,
                title=title,
                occupation=occupations[job.kbji],
                industry=employer.industry,
                headcount=rng.choice((1, 2, 3, 5, 10)),
                min_education=education[job.education],
                wage_min=int(ump * job.wage[0]) // 50_000 * 50_000,
                wage_max=int(ump * job.wage[1]) // 50_000 * 50_000,
                regency=regency,
                description=_description(job, title, employer.name, regency.name, rng),
                status="published",
                valid_from=today - timedelta(days=rng.randint(0, 40)),
                valid_to=today + timedelta(days=rng.randint(5, 80)),
                published_at=published,
                submitted_at=published,
            )
        )
        if len(batch) == 5000:
            Vacancy.objects.bulk_create(batch)
            batch = []
    if batch:
        Vacancy.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE employers_vacancy")
        cursor.execute("VACUUM ANALYZE employers_employer")


# The mix of searches people make: a word, a prefix, two words, a place, filters, later pages.
QUERIES = (
    "/",
    "/?q=kasir",
    "/?q=sopir",
    "/?q=operator",
    "/?q=oper",
    "/?q=kas",
    "/?q=sopir+truk",
    "/?q=perawat+klinik",
    "/?q=pramuniaga&province=62",
    "/?q=satpam&province=32",
    "/?province=62",
    "/?province=62&regency=62.71",
    "/?province=31",
    "/?group=8",
    "/?group=5&education=3000",
    "/?education=1000",
    "/?wage=5000000",
    "/?q=guru&education=6200&wage=3000000",
    "/?q=kasir&page=3",
    "/?province=35&page=5",
    "/?q=minimarket+kasir&province=62&group=5",
    "/?q=tidakadakatasepertiini",
)


def _time_requests(requests: int, rng: random.Random) -> dict[str, object]:
    from django.db import connection, reset_queries
    from django.test import Client

    client = Client()
    for url in QUERIES:  # warm-up: caches, prepared plans, templates
        assert client.get(url).status_code == 200, url
    timings: dict[str, list[float]] = {url: [] for url in QUERIES}
    all_ms: list[float] = []
    queries: list[int] = []
    for _request in range(requests):
        url = rng.choice(QUERIES)
        reset_queries()
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200
        timings[url].append(elapsed)
        all_ms.append(elapsed)
        queries.append(len(connection.queries))
    all_ms.sort()
    return {
        "p50_ms": round(statistics.median(all_ms), 1),
        "p95_ms": round(all_ms[int(len(all_ms) * 0.95) - 1], 1),
        "max_ms": round(all_ms[-1], 1),
        "queries_per_request": max(queries),
        "per_query_p50_ms": {
            url: round(statistics.median(values), 1) for url, values in timings.items() if values
        },
    }


def _compare_stored(rounds: int) -> dict[str, object]:
    """Stored column vs per-row rebuild: count + first page per word query (ms, medians)."""
    from urllib.parse import parse_qsl, urlsplit

    from django.contrib.postgres.indexes import GinIndex
    from django.db import connection

    from employers import search
    from employers.models import SEARCH_VECTOR, Vacancy

    old_index = GinIndex(SEARCH_VECTOR, name="bench_old_vacancy_search_gin")
    with connection.schema_editor() as editor:
        editor.add_index(Vacancy, old_index)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE employers_vacancy")
    variants = {"stored": search.DOCUMENT, "rebuilt": SEARCH_VECTOR}
    urls = [url for url in QUERIES if "q=" in url]
    times: dict[str, dict[str, list[float]]] = {url: {v: [] for v in variants} for url in urls}
    try:
        for _round in range(rounds + 1):  # the first round warms up and is not counted
            for url in urls:
                form = search.VacancySearchForm(dict(parse_qsl(urlsplit(url).query)))
                for name, document in variants.items():
                    search.DOCUMENT = document
                    started = time.perf_counter()
                    found = search.search_vacancies(**form.filters())
                    found.count()
                    list(found[:20])
                    if _round:
                        times[url][name].append((time.perf_counter() - started) * 1000)
    finally:
        search.DOCUMENT = variants["stored"]
        with connection.schema_editor() as editor:
            editor.remove_index(Vacancy, old_index)
    per_query = {
        url: {name: round(statistics.median(values), 1) for name, values in by.items()}
        for url, by in times.items()
    }
    ratios = [max(q["stored"], 0.01) / max(q["rebuilt"], 0.01) for q in per_query.values()]
    return {
        "per_query_ms": per_query,
        "ratio_stored_to_rebuilt_geomean": round(statistics.geometric_mean(ratios), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="reuse a filled benchmark database")
    parser.add_argument("--compare-stored", action="store_true", help="stored vector vs rebuilt")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of --compare-stored")
    args = parser.parse_args()
    url = _database_url()
    if url is None:
        print("bench_search: skipped, DATABASE_URL must point to PostgreSQL.")
        return 0
    bench_url, filled = _prepare_database(url, keep=args.keep)
    os.environ["DATABASE_URL"] = bench_url
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.DEBUG = True  # count queries per request (connection.queries)
    rng = random.Random(args.seed)
    started = time.monotonic()
    if not filled:
        _populate(args.vacancies, rng)
    from employers.models import Vacancy

    published = Vacancy.objects.published().count()
    load_seconds = round(time.monotonic() - started, 1)
    print(f"published vacancies: {published} (loaded in {load_seconds} s)")
    result = _time_requests(args.requests, rng)
    for query, ms in sorted(result["per_query_p50_ms"].items(), key=lambda item: -item[1]):
        print(f"  {ms:8.1f} ms  {query}")
    print(
        f"home page, full response over {args.requests} requests: p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, max {result['max_ms']} ms, "
        f"queries/request <= {result['queries_per_request']}"
    )
    if args.compare_stored:
        compared = _compare_stored(args.rounds)
        for query, ms in compared["per_query_ms"].items():
            print(f"  stored {ms['stored']:8.1f} ms  rebuilt {ms['rebuilt']:8.1f} ms  {query}")
        print(f"stored/rebuilt, geometric mean: {compared['ratio_stored_to_rebuilt_geomean']}")
        result["compare_stored"] = compared
    print(json.dumps({"published": published, "load_seconds": load_seconds, **result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

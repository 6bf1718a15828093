"""Import the real job-board exports as downloaded, with the suggested column mapping; then a
synthetic 100,000-row file split over Celery workers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ak_imports REDIS_URL=redis://127.0.0.1:6379/1 \
        python benchmarks/bench_import.py [--rows 100000] [--workers 2,1] [--skip-real]

Reads `<repo>/../shared/realdata/job_postings/lokerid_2025-06_07.csv` and `dealls_2024-08.csv`
when present (never copied into the repository). Creates its own database
(`<name>_bench_import`), migrates it and loads the reference data (not timed), then imports each
file as a national officer through `employers.imports.run_import`: read, map (suggested from the
headers and contents), code (KBJI, place, skills, wage), find or create employers, write.
Reports per file: rows read, share that became vacancies or review items with no hand editing
(target >= 97 %), share coded at or above the review threshold (target >= 90 %), seconds (target
<= 30 s for the 2,229 loker.id rows) and the process's CPU seconds (steadier on a shared machine).

With REDIS_URL (the workers it starts use a queue of their own), `bench_import_parallel`
then writes a synthetic job-board file of `--rows` rows (the real loker.id ads resampled with
new ids and links when present, else generated), measures the CPU seconds per row of the import
in this process on its first 5,000 rows, and imports the whole file through the Celery task with
a worker of 1 and of 2 processes (started by the bench, timed from the upload to the run's end;
the parts run in parallel, `employers/import_chunks.py`), and the loker.id file with 2 processes.
Reports wall seconds (target <= 300 s for 100,000 rows, <= 30 s for loker.id), the parts, and the
peak resident memory of the worker processes (target < 500 MiB each).
The last line is one JSON object.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata" / "job_postings"
FILES = ["lokerid_2025-06_07.csv", "dealls_2024-08.csv"]


def _database_url(base: str) -> str:
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(base)
    name = f"{config['NAME']}_bench_import"
    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return base.rsplit("/", 1)[0] + "/" + name


def _import(path: Path, officer) -> dict:
    from employers import import_report, imports
    from employers.models import ImportRun, Vacancy

    run = ImportRun.objects.create(
        kind=ImportRun.Kind.VACANCIES,
        policy=ImportRun.Policy.SKIP,
        file_name=path.name,
        stored_name=f"bench-{path.name}",
        uploaded_by=officer,
    )
    shutil.copy(path, imports.upload_path(run))
    started, cpu = time.monotonic(), time.process_time()
    run = imports.run_import(run)
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    vacancies = Vacancy.objects.filter(import_run=run)
    codings = list(vacancies.values_list("coding", flat=True))
    coded = sum(
        1
        for coding in codings
        if coding.get("kbji", {}).get("value")
        and coding.get("confidence", 0) >= imports.REVIEW_THRESHOLD
    )
    kbji_ok = sum(
        1
        for coding in codings
        if coding.get("kbji", {}).get("value")
        and coding["kbji"].get("confidence", 0) >= imports.REVIEW_THRESHOLD
    )
    kept = run.rows_imported + run.rows_updated
    total = max(run.rows_total, 1)
    reasons: dict[str, int] = {}
    for _row, column, reason, _value, outcome in import_report.entries(run):
        key = f"{outcome} {column}: {reason}"[:120]
        reasons[key] = reasons.get(key, 0) + 1
    return {
        "file": path.name,
        "status": run.status,
        "message": run.message,
        "mapping": run.mapping,
        "rows": run.rows_total,
        "created": run.rows_imported,
        "updated": run.rows_updated,
        "in_review": run.rows_review,
        "rejected": run.rows_failed,
        "set_aside": run.rows_set_aside,
        "duplicates": run.rows_duplicates,
        "warned": run.rows_warned,
        "kept_share": round(kept / total, 4),
        "coded_share": round(coded / max(len(codings), 1), 4),
        "kbji_coded_share": round(kbji_ok / max(len(codings), 1), 4),
        "vacancies_from_run": len(codings),
        "top_reasons": sorted(reasons.items(), key=lambda item: -item[1])[:8],
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),  # this process only (not PostgreSQL): steadier under load
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--workers", default="2,1")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skip-cpu", action="store_true", help="no in-process CPU per row")
    options = parser.parse_args()
    present = [REALDATA / name for name in FILES if (REALDATA / name).exists()]
    if options.skip_real:
        present = []
    redis_url = os.environ.get("REDIS_URL")
    if not present and not redis_url:
        print(json.dumps({"skipped": "no real data at " + str(REALDATA) + " and no REDIS_URL"}))
        return
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ak_imports")
    url = _database_url(base)
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": os.environ.get("DEBUG", "1")}
    for args in (["migrate", "--noinput", "-v0"], ["load_reference_data"]):
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if done.returncode:
            sys.exit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    os.environ.update(env)
    os.environ.pop("REDIS_URL", None)  # this process runs its tasks in-process
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    import django

    django.setup()
    from placement.accounts.models import Role, User
    from placement.taxonomy.text.occupation_index import get_index

    get_index()  # the coder's artefact is loaded once per process, as in the worker
    officer = User.objects.create(email="bench-import@example.org", role=Role.NATIONAL)
    results = [_import(path, officer) for path in present]
    for result in results:
        print(
            f"{result['file']}: {result['rows']} rows, created {result['created']}, "
            f"updated {result['updated']}, in review {result['in_review']}, rejected "
            f"{result['rejected']}; kept {result['kept_share']:.1%}, coded above threshold "
            f"{result['coded_share']:.1%} (KBJI alone {result['kbji_coded_share']:.1%}); "
            f"{result['seconds']} s ({result['cpu_seconds']} s CPU)"
        )
        for reason, count in result["top_reasons"]:
            print(f"    {count:6d}  {reason}")
    parallel = {}
    if redis_url:
        from bench_import_parallel import run_parallel

        workers = [int(n) for n in options.workers.split(",") if n.strip()]
        parallel = run_parallel(
            env,
            redis_url,
            officer,
            rows=options.rows,
            workers=workers,
            cpu_rows=not options.skip_cpu,
        )
    for result in results:
        result.pop("mapping", None)
    print(json.dumps({"files": results, "parallel": parallel}, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()

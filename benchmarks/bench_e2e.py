"""End-to-end nightly matching against PostgreSQL at 200,000 seekers x 20,000 vacancies.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/antarkerja python benchmarks/bench_e2e.py \
        [--seekers 200000 --vacancies 20000] [--merge bench_matching.log]

Creates its own database (`<name>_bench_e2e`), loads the reference data and a synthetic,
country-shaped population (`manage.py load_synthetic_population`, not timed), then times
`manage.py run_matching`: extract (binary COPY), score in work units, merge, explain, store
(binary COPY into a fresh table, indexes, atomic swap) and the summaries, in-process on one core.
The last line is one JSON object; with --merge it is the last JSON line of that log (the engine
benchmark) with `e2e_postgres_200k_s` filled in. Without PostgreSQL the figure is null.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _database_url(base: str) -> str:
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(base)
    name = f"{config['NAME']}_bench_e2e"
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


def _manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def _run_row(env: dict) -> dict:
    import psycopg2

    connection = psycopg2.connect(env["DATABASE_URL"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT counts, timings FROM matching_matchrun ORDER BY id DESC LIMIT 1")
        counts, timings = cursor.fetchone()
    connection.close()
    return {"counts": counts, "timings": timings}


def measure(n_seekers: int, n_vacancies: int) -> dict:
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        print("DATABASE_URL does not point to PostgreSQL: end-to-end run skipped.")
        return {"e2e_postgres_200k_s": None}
    env = {
        **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
        "DEBUG": "1",
        "DATABASE_URL": _database_url(base),
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
    }
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "load_reference_data")
    started = time.monotonic()
    _manage(
        env,
        "load_synthetic_population",
        "--seekers",
        str(n_seekers),
        "--vacancies",
        str(n_vacancies),
    )
    print(f"population loaded in {time.monotonic() - started:.1f} s (not timed below)")
    started = time.monotonic()
    out = _manage(env, "run_matching")
    seconds = time.monotonic() - started
    run = _run_row(env)
    print(out.strip())
    print(f"end to end: {seconds:.1f} s; steps: {json.dumps(run['timings'])}")
    return {
        "e2e_postgres_200k_s": round(seconds, 2),
        "e2e_steps_s": run["timings"],
        "e2e_rows": run["counts"].get("rows"),
        "e2e_admissible_pairs": run["counts"].get("admissible_pairs"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seekers", type=int, default=200_000)
    parser.add_argument("--vacancies", type=int, default=20_000)
    parser.add_argument("--merge", help="a log whose last line is the engine benchmark's JSON")
    args = parser.parse_args()
    result = measure(args.seekers, args.vacancies)
    if args.merge:
        lines = [line for line in Path(args.merge).read_text().splitlines() if line.strip()]
        merged = json.loads(lines[-1])
        merged.update(result)
        result = merged
    print(json.dumps(result))


if __name__ == "__main__":
    main()

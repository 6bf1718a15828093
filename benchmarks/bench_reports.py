"""IPK benchmark: build every office's tables for one month from a national-size ledger.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/antarkerja python benchmarks/bench_reports.py
    ... --seekers 200000 --months 24 --keep

Needs PostgreSQL (it exits otherwise). It creates its own database `<name>_bench_reports` (dropped
and re-created; dropped again at the end unless --keep), migrates it, loads the reference data and
the 553 offices, then writes the ledger of `--seekers` job seekers (default 200,000) and a tenth as
many vacancies across the 514 regencies (weighted by population) and `--months` months with binary
COPY: registrations, six-monthly reports, removals, placements with AKL/AKAD/AKAN, reactivations,
ageing and moving between events; vacancies published, filled in parts and withdrawn.

Then it times `services.build_month` for the last complete month of the generated range (the two
grouped queries, the distribution to 553 regions in Python, the upsert), twice (cold and warm
cache), and the live computation of one regency, one province and the nation. Target: building
every office's tables for a month in under a minute. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AGES = ["15-19", "20-29", "30-44", "45-54", "55+"]
AGE_WEIGHTS = [22, 48, 21, 7, 2]
EDUCATION = ["0000", "1000", "2000", "3000", "4100", "5100", "6100", "6200", "7100"]
EDUCATION_WEIGHTS = [2, 8, 12, 48, 3, 8, 2, 15, 2]
INDUSTRY = list("ACFGHINOPQS")
SCOPES = ["AKL", "AKAD", "AKAN"]
EMPLOYERS = ["private", "bumn_bumd", "government", "cooperative", "other", "individual"]
COLUMNS = (
    "kind",
    "occurred_on",
    "recorded_at",
    "subject_type",
    "subject_id",
    "office_id",
    "regency_id",
    "province_id",
    "quantity",
    "sex",
    "age_group",
    "education",
    "occupation_group",
    "industry_section",
    "placement_scope",
    "employer_type",
    "detail",
)

RECORDED_AT = datetime(2025, 12, 31, 17, 0, tzinfo=UTC)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seekers", type=int, default=200_000)
    parser.add_argument("--months", type=int, default=24, help="months of history")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    return parser.parse_args()


def bench_database() -> tuple[str, dict]:
    """Create a fresh `<name>_bench_reports` database; return its URL and the admin config."""
    import dj_database_url
    import psycopg2

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench_reports needs PostgreSQL: set DATABASE_URL=postgres://...", file=sys.stderr)
        sys.exit(2)
    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_bench_reports"
    admin = {
        "dbname": "postgres",
        "user": config["USER"] or "postgres",
        "password": config["PASSWORD"] or None,
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or 5432,
    }
    connection = psycopg2.connect(**admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return url.rsplit("/", 1)[0] + "/" + name, {**admin, "name": name}


def drop_database(admin: dict) -> None:
    import psycopg2

    name = admin.pop("name")
    connection = psycopg2.connect(**admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def timed(label: str, fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    seconds = time.perf_counter() - start
    print(f"  {label:<52} {seconds:8.2f} s", flush=True)
    return result, seconds


def add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


class Writer:
    """Ledger rows as COPY text, flushed to PostgreSQL in chunks."""

    def __init__(self, cursor, table: str) -> None:
        self.cursor, self.table = cursor, table
        self.buffer = io.StringIO()
        self.rows = self.total = 0
        # The ledger is hash-chained per office (placement/ledger/chain.py) and the IPK build
        # refuses a broken chain, so COPY writes each row's sequence number and hash too.
        self.heads: dict[int, tuple[int, str]] = {}
        from placement.ledger import chain  # after django.setup(), like the models below

        self.chain = chain

    def add(self, kind, on, subject_type, subject_id, office, regency, quantity, dims) -> None:
        row = {
            "kind": kind,
            "occurred_on": on,
            "recorded_at": RECORDED_AT,
            "subject_type": subject_type,
            "subject_id": subject_id,
            "office_id": office,
            "regency_id": regency,
            "province_id": regency[:2],
            "quantity": quantity,
            "sex": dims.get("sex", ""),
            "age_group": dims.get("age_group", ""),
            "education": dims.get("education", ""),
            "occupation_group": dims.get("occupation_group", ""),
            "industry_section": dims.get("industry_section", ""),
            "placement_scope": dims.get("placement_scope", ""),
            "employer_type": dims.get("employer_type", ""),
            "detail": {"bench": True},
        }
        seq, previous = self.heads.get(office, (0, self.chain.GENESIS))
        digest = self.chain.link_hash(previous, row)
        self.heads[office] = (seq + 1, digest)
        values = (
            kind,
            on.isoformat(),
            RECORDED_AT.isoformat(),
            subject_type,
            str(subject_id),
            str(office),
            regency,
            regency[:2],
            str(quantity),
            *(row[name] for name in COLUMNS[9:16]),
            '{"bench": true}',
            str(seq + 1),
            digest,
        )
        self.buffer.write("\t".join(values) + "\n")
        self.rows += 1
        if self.rows >= 200_000:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        self.buffer.seek(0)
        columns = ", ".join((*COLUMNS, "chain_seq", "chain_hash"))
        self.cursor.copy_expert(f"COPY {self.table} ({columns}) FROM STDIN", self.buffer)
        self.total += self.rows
        self.buffer, self.rows = io.StringIO(), 0


def generate(args: argparse.Namespace, first: date, today: date) -> int:
    """Write the synthetic ledger with COPY; returns the number of events."""
    from django.db import connection

    from placement.ledger.models import Event
    from placement.offices.models import Office
    from placement.taxonomy.models import Regency

    rng = random.Random(args.seed)
    regencies = list(Regency.objects.values_list("code", "population"))
    codes = [code for code, _p in regencies]
    weights = [population or 50_000 for _c, population in regencies]
    offices = dict(Office.objects.filter(level="regency").values_list("regency_id", "pk"))
    days = (today - first).days
    with connection.cursor() as django_cursor:
        writer = Writer(django_cursor.cursor, Event._meta.db_table)
        for pk in range(1, args.seekers + 1):
            regency = rng.choices(codes, weights)[0]
            dims = {
                "sex": "L" if rng.random() < 0.53 else "P",
                "age_group": rng.choices(AGES, AGE_WEIGHTS)[0],
                "education": rng.choices(EDUCATION, EDUCATION_WEIGHTS)[0],
                "occupation_group": str(rng.randint(0, 9)),
            }
            day = first + timedelta(rng.randrange(days))
            writer.add(
                "seeker_registered",
                day,
                "jobseekers.jobseeker",
                pk,
                offices[regency],
                regency,
                1,
                dims,
            )
            for _round in range(3):
                if rng.random() < 0.3:  # the person ages or moves before the next event
                    dims = {**dims, "age_group": rng.choices(AGES, AGE_WEIGHTS)[0]}
                    if rng.random() < 0.3:
                        regency = rng.choices(codes, weights)[0]
                outcome = rng.random()
                if outcome < 0.35:
                    placed = day + timedelta(rng.randint(10, 200))
                    if placed <= today:
                        writer.add(
                            "seeker_placed",
                            placed,
                            "jobseekers.jobseeker",
                            pk,
                            offices[regency],
                            regency,
                            1,
                            {
                                **dims,
                                "industry_section": rng.choice(INDUSTRY),
                                "placement_scope": rng.choices(SCOPES, [78, 19, 3])[0],
                                "employer_type": rng.choice(EMPLOYERS),
                            },
                        )
                    break
                due = day + timedelta(days=182)
                if due > today:
                    break
                if outcome < 0.7:
                    writer.add(
                        "seeker_reported",
                        due - timedelta(rng.randint(0, 20)),
                        "jobseekers.jobseeker",
                        pk,
                        offices[regency],
                        regency,
                        1,
                        dims,
                    )
                    day = due
                    continue
                writer.add(
                    "seeker_removed",
                    due + timedelta(1),
                    "jobseekers.jobseeker",
                    pk,
                    offices[regency],
                    regency,
                    1,
                    dims,
                )
                back = due + timedelta(rng.randint(20, 200))
                if rng.random() < 0.25 and back <= today:
                    writer.add(
                        "seeker_reactivated",
                        back,
                        "jobseekers.jobseeker",
                        pk,
                        offices[regency],
                        regency,
                        1,
                        dims,
                    )
                    day = back
                    continue
                break
        for pk in range(1, args.seekers // 10 + 1):
            regency = rng.choices(codes, weights)[0]
            headcount = 1 + int(rng.expovariate(1 / 3))
            dims = {
                "sex": rng.choice(["", "", "L", "P"]),
                "education": rng.choices(EDUCATION, EDUCATION_WEIGHTS)[0],
                "occupation_group": str(rng.randint(1, 9)),
                "industry_section": rng.choice(INDUSTRY),
            }
            day = first + timedelta(rng.randrange(days))
            writer.add(
                "vacancy_registered",
                day,
                "employers.vacancy",
                pk,
                offices[regency],
                regency,
                headcount,
                dims,
            )
            left = headcount
            for _ in range(rng.randint(0, 3)):
                if not left:
                    break
                quantity = rng.randint(1, left)
                on = day + timedelta(rng.randint(5, 60))
                if on > today:
                    break
                writer.add(
                    "vacancy_filled",
                    on,
                    "employers.vacancy",
                    pk,
                    offices[regency],
                    regency,
                    quantity,
                    dims,
                )
                left -= quantity
            end = day + timedelta(90)
            if left and end <= today:
                writer.add(
                    "vacancy_removed",
                    end,
                    "employers.vacancy",
                    pk,
                    offices[regency],
                    regency,
                    left,
                    dims,
                )
        writer.flush()
        django_cursor.execute(f"ANALYZE {Event._meta.db_table}")
    return writer.total


def main() -> None:
    args = parse_args()
    url, admin = bench_database()
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # no query log: it would hold every statement in memory
    from placement.reports import ipk, services

    result: dict[str, object] = {"seekers": args.seekers, "months": args.months}
    try:
        print(f"Database {admin['name']}: migrate, reference data, offices", flush=True)
        _none, result["setup_s"] = timed(
            "migrate + load_reference_data",
            lambda: (
                call_command("migrate", verbosity=0),
                call_command("load_reference_data", verbosity=0),
            ),
        )
        today = date.today()
        first = add_months(services.month_start(today), -args.months)
        events, result["generate_s"] = timed(
            f"ledger of {args.seekers:,} seekers (COPY)", generate, args, first, today
        )
        result["events"] = events
        month = services.previous_month(today)
        result["month"] = f"{month:%Y-%m}"
        print(f"Build {month:%Y-%m} for every office", flush=True)
        rows, result["fetch_s"] = timed(
            "two grouped queries (inflows, outflows + cohort)",
            lambda: list(ipk.fetch_rows(start=month, end=services.month_end(month))),
        )
        result["grouped_rows"] = len(rows)
        _c, result["distribute_s"] = timed("distribute to regions in Python", ipk.tabulate, rows)
        count, result["build_month_s"] = timed(
            "build_month (queries + Python + upsert), cold", services.build_month, month=month
        )
        _c, result["build_month_again_s"] = timed(
            "build_month again (rerun replaces)", services.build_month, month=month
        )
        result["offices"] = count
        for label, code in (("regency 32.04", "32.04"), ("province 32", "32"), ("nation", "00")):
            _t, result[f"live_{code}_s"] = timed(
                f"live compute_region, {label}",
                services.compute_region,
                month=month,
                region_code=code,
            )
        result["under_a_minute"] = result["build_month_s"] < 60
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(admin)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""Officer workspace benchmark (issue 6): p95 and queries of every entity and list page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/antarkerja python benchmarks/bench_officer.py
    ... --seekers 200000 --regency-seekers 50000 --requests 40 --keep

Runs only when DATABASE_URL points to PostgreSQL. It builds its own database
`<name>_bench_officer` (dropped and created again unless --keep finds it filled), loads the
reference data and the offices, then bulk-inserts a province shaped like a busy one: 200,000 job
seekers in province 62 of which 50,000 in Kota Palangka Raya (62.71), with education, wanted
occupations, districts and last contacts; 1,500 employers and 6,000 vacancies; 24 months of
ledger events (registrations, reports, placements); 20,000 referrals in every status, 6,000
placements with follow-ups, 12,000 counselling sessions with agreed actions, and 40,000 match
rows for the case files. Then it times full Django responses (middleware, ORM, templates; the
test client, warm) for an officer of 62.71 and one of the provincial office:

- every entity page: the case file's four tabs, a referral, a placement, a session, a vacancy's
  referrals and candidates;
- every list page: the caseload of seekers (default and with each filter), employers and
  vacancies, referrals, placements, counselling sessions, actions, follow-ups, the queues;
- the regency dashboard (live) and the provincial dashboard (nightly summaries).

Targets: entity and list pages p95 < 100 ms with at most 10 queries, the regency dashboard
p95 < 150 ms. Queries are every SQL statement of the request (session, user and officer
included; transaction control such as BEGIN/COMMIT is not counted). The last line printed is one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROVINCE = "62"
REGENCY = "62.71"
OCCUPATIONS = ["5223", "5230", "4110", "8322", "9112", "6112", "7231", "2411", "3313", "5120"]
# Logged by Django around the session save, but not queries: BEGIN/COMMIT and savepoints.
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
EDUCATION = [("1000", 8), ("2000", 14), ("3000", 50), ("5100", 8), ("6200", 17), ("7100", 3)]


def _database_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _prepare_database(url: str, *, keep: bool) -> tuple[str, bool]:
    """Point DATABASE_URL at `<name>_bench_officer`; (new url, whether it already had data)."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_bench_officer"
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


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _w in pairs], weights=[w for _p, w in pairs])[0]


def _populate(*, seekers: int, regency_seekers: int, rng: random.Random) -> dict[str, int]:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from employers.models import Employer, Vacancy
    from jobseekers.models import JobSeeker
    from officers.models import Action, CounsellingSession
    from placement.accounts.models import User
    from placement.ledger.models import Event
    from placement.matching.models import Match, MatchRun
    from placement.offices.models import Office, Officer, SeekerCase
    from placement.offices.services import sync_offices
    from placement.pipeline.models import FollowUp, Placement, Referral
    from placement.taxonomy.loaders import load_all
    from placement.taxonomy.models import District, Industry, Occupation, Regency

    call_command("migrate", verbosity=0, interactive=False)
    load_all()
    sync_offices()
    today = timezone.localdate()
    now = timezone.now()
    regencies = list(Regency.objects.filter(province_id=PROVINCE).order_by("code"))
    others = [r for r in regencies if r.code != REGENCY]
    districts: dict[str, list[str]] = {}
    for code, regency in District.objects.filter(regency__province_id=PROVINCE).values_list(
        "code", "regency_id"
    ):
        districts.setdefault(regency, []).append(code)
    occupations = {o.code: o.pk for o in Occupation.objects.current().filter(code__in=OCCUPATIONS)}
    offices = {o.code: o for o in Office.objects.filter(code__in=[PROVINCE, *districts])}
    industry = Industry.objects.current().get(code="47111")

    officers = {}
    for code, email in ((REGENCY, "bench.6271@example.org"), (PROVINCE, "bench.62@example.org")):
        user = User.objects.create_user(email, "bench-password", role="officer", full_name=email)
        officers[code] = Officer.objects.create(user=user, office=offices[code])
    officer = officers[REGENCY]

    # Seekers: 50,000 in 62.71, the rest over the province's other regencies.
    rows = []
    through = JobSeeker.preferred_occupations.through
    for index in range(seekers):
        regency = REGENCY if index < regency_seekers else rng.choice(others).code
        registered = today - timedelta(days=rng.randint(0, 700))
        status = rng.choices(["active", "submitted", "removed", "placed"], weights=[70, 4, 20, 6])[
            0
        ]
        rows.append(
            JobSeeker(
                status=status,
                nik=f"62{index:014d}",
                full_name=f"Pencari Kerja {index} {rng.choice(['Sari', 'Budi', 'Dewi', 'Agus'])}",
                sex=rng.choice("LP"),
                birth_date=date(1980 + rng.randint(0, 25), rng.randint(1, 12), 1),
                regency_id=regency,
                district_id=rng.choice(districts.get(regency, [None])),
                education_level_id=_weighted(rng, EDUCATION),
                ak1_number=f"{regency.replace('.', '')}-{registered.year}-{index:06d}"
                if status != "submitted"
                else None,
                office=offices.get(regency),
                registered_on=registered if status != "submitted" else None,
                next_report_on=registered + timedelta(days=180 + rng.randint(-20, 200)),
                expires_on=registered + timedelta(days=730),
                submitted_at=now - timedelta(days=rng.randint(0, 30)),
                phone=f"0812{index:08d}",
                address="Jl. Uji",
            )
        )
    with transaction.atomic():
        JobSeeker.objects.bulk_create(rows, batch_size=5000)
    ids = [s.pk for s in rows]
    regency_rows = rows[:regency_seekers]
    with transaction.atomic():
        through.objects.bulk_create(
            [
                through(jobseeker_id=s.pk, occupation_id=occupations[rng.choice(OCCUPATIONS)])
                for s in rows
            ],
            batch_size=10000,
        )
        SeekerCase.objects.bulk_create(
            [
                SeekerCase(
                    seeker_id=s.pk,
                    last_contact_on=today - timedelta(days=rng.randint(0, 400)),
                    last_contact_kind="counselling_individual",
                    office=offices.get(s.regency_id),
                )
                for s in rows
                if rng.random() < 0.35
            ],
            batch_size=10000,
        )
    # The ledger: registrations, reports and placements over two years.
    events = []
    for seeker in rows:
        if seeker.registered_on is None:
            continue
        base = {
            "subject_type": "jobseekers.jobseeker",
            "subject_id": seeker.pk,
            "regency_id": seeker.regency_id,
            "province_id": PROVINCE,
            "sex": seeker.sex,
            "education": seeker.education_level_id,
            "age_group": "20-29",
        }
        events.append(Event(kind="seeker_registered", occurred_on=seeker.registered_on, **base))
        if seeker.registered_on < today - timedelta(days=180):
            events.append(
                Event(
                    kind="seeker_reported",
                    occurred_on=seeker.registered_on + timedelta(days=180),
                    **base,
                )
            )
        if seeker.status == "placed":
            events.append(
                Event(
                    kind="seeker_placed",
                    occurred_on=min(today, seeker.registered_on + timedelta(days=90)),
                    placement_scope="AKL",
                    employer_type="private",
                    industry_section="G",
                    **base,
                )
            )
    with transaction.atomic():
        Event.objects.bulk_create(events, batch_size=10000)

    # Employers and vacancies.
    employers = [
        Employer(
            name=f"PT Uji Kerja {index}",
            nib=f"{7100000000000 + index}",
            industry=industry,
            ownership=rng.choice(["private", "private", "bumn_bumd", "cooperative"]),
            address="Jl. Uji",
            regency_id=REGENCY if index < 400 else rng.choice(others).code,
            district_id=None,
            contact_name="HRD",
            contact_email=f"hrd{index}@uji.example",
            contact_phone="0536 3221234",
            status=rng.choices(["verified", "pending"], weights=[95, 5])[0],
        )
        for index in range(1500)
    ]
    with transaction.atomic():
        Employer.objects.bulk_create(employers, batch_size=2000)
    vacancies = []
    for index in range(6000):
        employer = employers[index % len(employers)]
        status = rng.choices(
            ["published", "submitted", "filled", "closed", "expired"], weights=[60, 5, 15, 10, 10]
        )[0]
        vacancies.append(
            Vacancy(
                employer=employer,
                title=f"Lowongan Uji {index}",
                occupation_id=occupations[rng.choice(OCCUPATIONS)],
                industry=industry,
                headcount=rng.choice([1, 2, 3, 5, 10]),
                min_education_id=_weighted(rng, EDUCATION),
                valid_from=today - timedelta(days=rng.randint(1, 60)),
                valid_to=today + timedelta(days=rng.randint(-10, 60)),
                regency_id=employer.regency_id,
                description="Uji beban.",
                status=status,
                published_at=now - timedelta(days=rng.randint(1, 60)),
            )
        )
    with transaction.atomic():
        Vacancy.objects.bulk_create(vacancies, batch_size=2000)
    regency_vacancies = [v for v in vacancies if v.regency_id == REGENCY]

    # Referrals, placements, counselling.
    statuses = ["proposed", "referred", "interviewed", "hired", "rejected", "withdrawn"]
    referrals = []
    used: set[tuple[int, int]] = set()
    for _index in range(20000):
        seeker = rng.choice(rows)
        vacancy = rng.choice(regency_vacancies if seeker.regency_id == REGENCY else vacancies)
        if (seeker.pk, vacancy.pk) in used:
            continue
        used.add((seeker.pk, vacancy.pk))
        status = rng.choice(statuses)
        referred_at = now - timedelta(days=rng.randint(0, 365))
        referrals.append(
            Referral(
                seeker=seeker,
                vacancy=vacancy,
                office=offices.get(seeker.regency_id) or offices[PROVINCE],
                status=status,
                source="match",
                referred_at=None if status == "proposed" else referred_at,
                proposed_by=officer.user,
                referred_by=officer.user,
                rejection_reason="requirements" if status == "rejected" else "",
            )
        )
    with transaction.atomic():
        Referral.objects.bulk_create(referrals, batch_size=5000)
    placements = []
    for referral in [r for r in referrals if r.status == "hired"][:6000]:
        placed = today - timedelta(days=rng.randint(0, 365))
        placements.append(
            Placement(
                seeker=referral.seeker,
                vacancy=referral.vacancy,
                referral=referral,
                source="referral",
                employer=referral.vacancy.employer,
                employer_name=referral.vacancy.employer.name,
                job_title=referral.vacancy.title,
                industry_section="G",
                employer_type="private",
                scope="AKL",
                work_regency_id=referral.vacancy.regency_id,
                placed_on=placed,
                office=offices.get(referral.seeker.regency_id),
                regency_id=referral.seeker.regency_id,
                recorded_by=officer.user,
            )
        )
    with transaction.atomic():
        Placement.objects.bulk_create(placements, batch_size=5000)
        FollowUp.objects.bulk_create(
            [
                FollowUp(
                    placement=p,
                    due_on=p.placed_on + timedelta(days=91),
                    done_on=p.placed_on + timedelta(days=95)
                    if p.placed_on < today - timedelta(days=120)
                    else None,
                    still_employed="yes" if p.placed_on < today - timedelta(days=120) else "",
                )
                for p in placements
            ],
            batch_size=5000,
        )
    sessions = []
    for _index in range(12000):
        sessions.append(
            CounsellingSession(
                kind=rng.choice(["interview", "individual", "individual", "group"]),
                office=offices[REGENCY],
                officer=officer,
                held_on=today - timedelta(days=rng.randint(0, 365)),
                participants=1,
                notes="Catatan uji.",
            )
        )
    with transaction.atomic():
        CounsellingSession.objects.bulk_create(sessions, batch_size=5000)
        session_through = CounsellingSession.seekers.through
        session_through.objects.bulk_create(
            [
                session_through(
                    counsellingsession_id=s.pk, jobseeker_id=rng.choice(regency_rows).pk
                )
                for s in sessions
            ],
            batch_size=10000,
        )
        Action.objects.bulk_create(
            [
                Action(
                    session=s,
                    officer=officer,
                    description="Langkah uji",
                    due_on=s.held_on + timedelta(days=14),
                    done_on=s.held_on + timedelta(days=10) if rng.random() < 0.8 else None,
                )
                for s in sessions
            ],
            batch_size=5000,
        )
    # Matches for the first 2,000 seekers of 62.71 (20 each) and their vacancies.
    run = MatchRun.objects.create(run_on=today, status="succeeded")
    published = [v for v in vacancies if v.status == "published" and v.valid_to >= today]
    matches = []
    for seeker in regency_rows[:2000]:
        for rank, vacancy in enumerate(rng.sample(published, 20), start=1):
            matches.append(
                Match(
                    run=run,
                    seeker_id=seeker.pk,
                    vacancy_id=vacancy.pk,
                    score=90 - rank,
                    skills=0.7,
                    occupation=1.0,
                    education=1.0,
                    experience=1.0,
                    location=1.0,
                    wage=1.0,
                    rank_for_vacancy=rank,
                    rank_for_seeker=rank,
                )
            )
    with transaction.atomic():
        Match.objects.bulk_create(matches, batch_size=10000)
    from placement.matching.summaries import build_summaries

    build_summaries(built_on=today)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "seekers": len(ids),
        "regency_seekers": regency_seekers,
        "events": len(events),
        "vacancies": len(vacancies),
        "referrals": len(referrals),
        "placements": len(placements),
        "sessions": len(sessions),
        "matches": len(matches),
    }


def _pages(rng: random.Random) -> list[tuple[str, str, str, list[str]]]:
    """(kind, name, officer office code, urls to cycle through)."""
    from jobseekers.models import JobSeeker
    from officers.models import CounsellingSession
    from placement.matching.models import Match
    from placement.pipeline.models import Placement, Referral

    matched = list(Match.objects.values_list("seeker_id", flat=True).distinct()[:200])
    seekers = list(
        JobSeeker.objects.filter(regency_id=REGENCY, status="active").values_list("pk", flat=True)[
            :200
        ]
    )
    waiting = list(
        JobSeeker.objects.filter(regency_id=REGENCY, status="submitted").values_list(
            "pk", flat=True
        )[:100]
    )
    referrals = list(
        Referral.objects.filter(seeker__regency_id=REGENCY).values_list("pk", flat=True)[:100]
    )
    placements = list(
        Placement.objects.filter(regency_id=REGENCY).values_list("pk", flat=True)[:100]
    )
    sessions = list(CounsellingSession.objects.values_list("pk", flat=True)[:100])
    vacancies = list(
        Match.objects.filter(vacancy__regency_id=REGENCY)
        .values_list("vacancy_id", flat=True)
        .distinct()[:100]
    )
    q = JobSeeker.objects.filter(regency_id=REGENCY).values_list("full_name", flat=True).first()
    word = q.split()[-1]
    return [
        ("entity", "case file: profile", REGENCY, [f"/officer/seekers/{pk}/" for pk in matched]),
        (
            "entity",
            "case file: profile (to verify)",
            REGENCY,
            [f"/officer/seekers/{pk}/" for pk in waiting],
        ),
        (
            "entity",
            "case file: casework",
            REGENCY,
            [f"/officer/seekers/{pk}/casework/" for pk in seekers],
        ),
        (
            "entity",
            "case file: matches",
            REGENCY,
            [f"/officer/seekers/{pk}/matches/" for pk in matched],
        ),
        (
            "entity",
            "case file: history",
            REGENCY,
            [f"/officer/seekers/{pk}/history/" for pk in seekers],
        ),
        ("entity", "referral", REGENCY, [f"/officer/referrals/{pk}/" for pk in referrals]),
        ("entity", "placement", REGENCY, [f"/officer/placements/{pk}/" for pk in placements]),
        (
            "entity",
            "counselling session",
            REGENCY,
            [f"/officer/counselling/{pk}/" for pk in sessions],
        ),
        (
            "entity",
            "vacancy: referrals and candidates",
            REGENCY,
            [f"/officer/vacancies/{pk}/referrals/" for pk in vacancies],
        ),
        ("list", "seekers (active)", REGENCY, ["/officer/caseload/seekers/"]),
        (
            "list",
            "seekers, later pages",
            REGENCY,
            [f"/officer/caseload/seekers/?page={n}" for n in (2, 10, 50, 200)],
        ),
        ("list", "seekers by education", REGENCY, ["/officer/caseload/seekers/?education=6200"]),
        (
            "list",
            "seekers by occupation group",
            REGENCY,
            ["/officer/caseload/seekers/?occupation_group=5"],
        ),
        ("list", "seekers by district", REGENCY, ["/officer/caseload/seekers/?district=62.71.01"]),
        (
            "list",
            "seekers by last contact",
            REGENCY,
            [
                "/officer/caseload/seekers/?last_contact=older",
                "/officer/caseload/seekers/?last_contact=none",
            ],
        ),
        ("list", "seekers by name", REGENCY, [f"/officer/caseload/seekers/?q={word}"]),
        ("list", "seekers: report due", REGENCY, ["/officer/caseload/seekers/?queue=report_due"]),
        ("list", "employers", REGENCY, ["/officer/caseload/employers/?status=all"]),
        ("list", "vacancies", REGENCY, ["/officer/caseload/vacancies/"]),
        (
            "list",
            "vacancies: closing, no referral",
            REGENCY,
            ["/officer/caseload/vacancies/?queue=closing"],
        ),
        ("list", "referrals", REGENCY, ["/officer/referrals/"]),
        ("list", "referrals: no outcome 14 days", REGENCY, ["/officer/referrals/?queue=stale"]),
        ("list", "placements", REGENCY, ["/officer/placements/"]),
        ("list", "counselling sessions", REGENCY, ["/officer/counselling/"]),
        ("list", "actions", REGENCY, ["/officer/actions/"]),
        ("list", "follow-ups due", REGENCY, ["/officer/follow-ups/"]),
        ("list", "registrations to verify", REGENCY, ["/officer/seekers/verify/"]),
        ("list", "province: seekers", PROVINCE, ["/officer/caseload/seekers/"]),
        (
            "list",
            "province: seekers of a regency",
            PROVINCE,
            ["/officer/caseload/seekers/?regency=62.02"],
        ),
        ("list", "province: vacancies", PROVINCE, ["/officer/caseload/vacancies/"]),
        ("list", "province: referrals", PROVINCE, ["/officer/referrals/"]),
        ("dashboard", "regency dashboard", REGENCY, ["/officer/"]),
        ("dashboard", "provincial dashboard", PROVINCE, ["/officer/"]),
    ]


def _measure(requests: int, rng: random.Random) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from placement.accounts.models import User

    clients = {}
    for code, email in ((REGENCY, "bench.6271@example.org"), (PROVINCE, "bench.62@example.org")):
        client = Client()
        client.force_login(User.objects.get(email=email))
        clients[code] = client
    results = []
    for kind, name, code, urls in _pages(rng):
        client = clients[code]
        if not urls:
            continue
        for url in urls[:3]:  # warm the caches and the connection
            assert client.get(url).status_code == 200, url
        times, queries = [], []
        for index in range(requests):
            url = urls[index % len(urls)]
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
            queries.append(
                sum(
                    1
                    for q in captured.captured_queries
                    if not q["sql"].startswith(TRANSACTION_CONTROL)
                )
            )
        times.sort()
        results.append(
            {
                "kind": kind,
                "page": name,
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                "max_queries": max(queries),
            }
        )
        print(
            f"{kind:9} {name:36} p50 {results[-1]['p50_ms']:6.1f} ms  "
            f"p95 {results[-1]['p95_ms']:6.1f} ms  queries {results[-1]['max_queries']}",
            flush=True,
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seekers", type=int, default=200_000)
    parser.add_argument("--regency-seekers", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--keep", action="store_true", help="reuse a filled benchmark database")
    args = parser.parse_args()
    url = _database_url()
    if url is None:
        print(json.dumps({"skipped": "DATABASE_URL must point to PostgreSQL"}))
        return
    url, filled = _prepare_database(url, keep=args.keep)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    rng = random.Random(args.seed)
    counts = {}
    started = time.perf_counter()
    if not filled:
        counts = _populate(seekers=args.seekers, regency_seekers=args.regency_seekers, rng=rng)
    else:
        from jobseekers.models import JobSeeker
        from placement.pipeline.models import Placement, Referral

        counts = {
            "seekers": JobSeeker.objects.count(),
            "regency_seekers": JobSeeker.objects.filter(regency_id=REGENCY).count(),
            "referrals": Referral.objects.count(),
            "placements": Placement.objects.count(),
        }
    build_s = round(time.perf_counter() - started, 1)
    print(f"data: {counts} ({'built' if not filled else 'reused'} in {build_s} s)", flush=True)
    results = _measure(args.requests, rng)
    pages = [r for r in results if r["kind"] != "dashboard"]
    dashboard = next(r for r in results if r["page"] == "regency dashboard")
    summary = {
        "generated_at": datetime.now().isoformat(timespec="seconds"),
        "data": counts,
        "build_s": build_s,
        "requests_per_page": args.requests,
        "pages": results,
        "worst_page_p95_ms": max(r["p95_ms"] for r in pages),
        "worst_page_queries": max(r["max_queries"] for r in pages),
        "regency_dashboard_p95_ms": dashboard["p95_ms"],
        "pages_ok": all(r["p95_ms"] < 100 and r["max_queries"] <= 10 for r in pages),
        "dashboard_ok": dashboard["p95_ms"] < 150,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()

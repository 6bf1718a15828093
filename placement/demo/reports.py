"""Demo data of the reports: a lived-in ledger history for Kalimantan Tengah, a year of officer
activity for the demo officers, and the IPK tables of the last twelve months.

The generated population of the other seeders spreads a few thousand seekers over the whole
country and 900 days, which leaves a regency's monthly tables nearly empty. So when the ledger of
the demo regencies is thin, plausible history is written straight into the ledger for every
regency of province 62 over the last eighteen months (six months of run-in, so the first table's
"carried over" is not zero). Those events are about demo subjects ("demo.seeker", "demo.vacancy"),
not about real records, and carry `detail["demo"] = "reports"`.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from placement.demo.accounts import DEMO_DOMAIN
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.offices.models import Activity, Office, Officer
from placement.reports import services
from placement.reports.models import IpkReport
from placement.taxonomy.models import Regency

DEMO = "reports"
PROVINCE = "62"
HISTORY_MONTHS = 18
TABLE_MONTHS = 12
PEOPLE_PER_REGISTRATION = 5000  # a month's registrations: about 1 in 5,000 residents
THIN = 30  # fewer seeker registrations a month than this in 62.71: the ledger is thin
BOOST = {"62.71": 1.3, "62.01": 1.2}

AGES = [("15-19", 22), ("20-29", 48), ("30-44", 21), ("45-54", 7), ("55+", 2)]
EDUCATION = [
    ("0000", 2),
    ("1000", 8),
    ("2000", 12),
    # SLTA by school type (III/2 and III/4 show them apart): SMA, MA, Paket C, SMK by bidang
    # keahlian (31BB: 1 Teknologi dan Rekayasa, 3 TIK, 4 Kesehatan, 7 Bisnis, 8 Pariwisata).
    ("3801", 19),
    ("3802", 4),
    ("3803", 1),
    ("3101", 9),
    ("3103", 4),
    ("3104", 2),
    ("3107", 6),
    ("3108", 3),
    ("4100", 3),
    ("5100", 8),
    ("6100", 2),
    ("6200", 15),
    ("7100", 2),
]
OCCUPATION = [
    ("1", 2),
    ("2", 9),
    ("3", 10),
    ("4", 15),
    ("5", 22),
    ("6", 9),
    ("7", 12),
    ("8", 11),
    ("9", 10),
]
INDUSTRY = [
    ("A", 20),
    ("C", 12),
    ("F", 8),
    ("G", 18),
    ("H", 6),
    ("I", 10),
    ("N", 5),
    ("O", 4),
    ("P", 6),
    ("Q", 6),
    ("S", 5),
]
SCOPE = [("AKL", 78), ("AKAD", 19), ("AKAN", 3)]
EMPLOYER = [
    ("private", 72),
    ("bumn_bumd", 6),
    ("government", 5),
    ("cooperative", 4),
    ("other", 4),
    ("foundation", 2),
    ("individual", 7),
]
VACANCY_SEX = [("", 60), ("L", 25), ("P", 15)]
# Officer activities of a working day at a regency office (kind, weight); the provincial office
# mostly verifies and supervises.
REGENCY_DAY = [
    ("seeker_verified", 30),
    ("interview", 18),
    ("counselling_individual", 10),
    ("counselling_group", 2),
    ("referral", 14),
    ("placement", 6),
    ("follow_up", 4),
    ("employer_verified", 3),
    ("vacancy_verified", 8),
    ("vacancy_returned", 2),
    ("seeker_updated", 6),
]
PROVINCE_DAY = [
    ("employer_verified", 20),
    ("vacancy_verified", 30),
    ("counselling_group", 8),
    ("referral", 10),
    ("follow_up", 10),
    ("import", 2),
]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _w in weighted], weights=[w for _v, w in weighted])[0]


def seed(*, stdout, options: dict, rng: random.Random) -> None:
    """Demo history (if thin), officer activity and the last twelve months' tables."""
    today = timezone.localdate()
    events = _seed_ledger(rng, today)
    activities = _seed_activities(rng, today)
    built = _build_tables(today, rebuild=events > 0)
    stdout.write(
        f"Reports: {events} demo ledger events, {activities} officer activities, "
        f"{built} months of IPK tables built"
    )


# --- Ledger history -------------------------------------------------------------------------------
def _is_thin(today: date) -> bool:
    since = services.add_months(services.month_start(today), -TABLE_MONTHS)
    registered = Event.objects.filter(
        kind=EventKind.SEEKER_REGISTERED, regency_id="62.71", occurred_on__gte=since
    ).count()
    return registered < THIN * TABLE_MONTHS


def _seed_ledger(rng: random.Random, today: date) -> int:

    if Event.objects.filter(detail__demo=DEMO).exists() or not _is_thin(today):
        return 0
    offices = dict(
        Office.objects.filter(province_id=PROVINCE, level=Office.Level.REGENCY).values_list(
            "regency_id", "pk"
        )
    )
    regencies = list(Regency.objects.filter(province_id=PROVINCE).values_list("code", "population"))
    start = services.add_months(services.month_start(today), -HISTORY_MONTHS)
    days = (today - start).days
    events: list[Event] = []
    seeker_id = vacancy_id = 0
    for code, population in regencies:
        monthly = (population or 100_000) / PEOPLE_PER_REGISTRATION * BOOST.get(code, 1.0)
        base = {
            "regency_id": code,
            "office_id": offices.get(code),
        }
        for _ in range(round(monthly * HISTORY_MONTHS)):
            seeker_id += 1
            events += _seeker_life(
                rng, seeker_id, start + timedelta(rng.randrange(days)), today, base
            )
        for _ in range(round(monthly / 4 * HISTORY_MONTHS)):
            vacancy_id += 1
            events += _vacancy_life(
                rng, vacancy_id, start + timedelta(rng.randrange(days)), today, base
            )
    with transaction.atomic():
        Event.objects.bulk_create(events, batch_size=2000)
    return len(events)


def _event(kind: str, on: date, subject: tuple[str, int], base: dict, **dims: object) -> Event:
    return ledger.build(
        kind, subject=subject, occurred_on=on, detail={"demo": DEMO}, **base, **dims
    )


def _seeker_life(
    rng: random.Random, pk: int, registered_on: date, today: date, base: dict
) -> list[Event]:
    """Registered; then placed, or removed after a missed report (and maybe back), or active."""
    subject = ("demo.seeker", pk)
    dims = {
        "sex": "L" if rng.random() < 0.55 else "P",
        "age_group": _pick(rng, AGES),
        "education": _pick(rng, EDUCATION),
        "occupation_group": _pick(rng, OCCUPATION),
    }
    events = [_event(EventKind.SEEKER_REGISTERED, registered_on, subject, base, **dims)]
    day, rounds = registered_on, 0
    while rounds < 2:
        rounds += 1
        if rng.random() < 0.38:
            placed_on = day + timedelta(rng.randint(14, 170))
            if placed_on <= today:
                events.append(
                    _event(
                        EventKind.SEEKER_PLACED,
                        placed_on,
                        subject,
                        base,
                        **dims,
                        industry_section=_pick(rng, INDUSTRY),
                        placement_scope=_pick(rng, SCOPE),
                        employer_type=_pick(rng, EMPLOYER),
                    )
                )
            return events
        report_due = day + timedelta(days=182)
        if report_due > today:
            return events
        if rng.random() < 0.55:
            events.append(
                _event(
                    EventKind.SEEKER_REPORTED,
                    report_due - timedelta(rng.randint(0, 20)),
                    subject,
                    base,
                    **dims,
                )
            )
            day = report_due
            continue
        removed_on = report_due + timedelta(days=1)
        events.append(_event(EventKind.SEEKER_REMOVED, removed_on, subject, base, **dims))
        back = removed_on + timedelta(rng.randint(20, 150))
        if rng.random() < 0.25 and back <= today:
            events.append(_event(EventKind.SEEKER_REACTIVATED, back, subject, base, **dims))
            day = back
            continue
        return events
    return events


def _vacancy_life(
    rng: random.Random, pk: int, published_on: date, today: date, base: dict
) -> list[Event]:
    """Published with a headcount, filled in one to three reports, the rest withdrawn or
    expired at the end of its validity."""
    subject = ("demo.vacancy", pk)
    headcount = min(1 + int(rng.expovariate(1 / 3)), 40)
    dims = {
        "sex": _pick(rng, VACANCY_SEX),
        "education": _pick(rng, EDUCATION[2:]),
        "occupation_group": _pick(rng, OCCUPATION),
        "industry_section": _pick(rng, INDUSTRY),
        "placement_scope": "AKL",
        "employer_type": _pick(rng, EMPLOYER),
    }
    events = [
        _event(
            EventKind.VACANCY_REGISTERED, published_on, subject, base, quantity=headcount, **dims
        )
    ]
    valid_to = published_on + timedelta(rng.choice((30, 45, 60, 90)))
    left = headcount
    to_fill = round(headcount * rng.uniform(0.3, 1.0))
    for _ in range(rng.randint(1, 3)):
        if to_fill <= 0:
            break
        quantity = rng.randint(1, to_fill)
        filled_on = published_on + timedelta(rng.randint(7, (valid_to - published_on).days))
        if filled_on > today:
            break
        events.append(
            _event(EventKind.VACANCY_FILLED, filled_on, subject, base, quantity=quantity, **dims)
        )
        left -= quantity
        to_fill -= quantity
    if left and valid_to < today:
        events.append(
            _event(
                EventKind.VACANCY_REMOVED,
                valid_to + timedelta(1),
                subject,
                base,
                quantity=left,
                **dims,
            )
        )
    return events


# --- Officer activity -----------------------------------------------------------------------------
def _seed_activities(rng: random.Random, today: date) -> int:

    officers = list(
        Officer.objects.filter(user__email__endswith=f"@{DEMO_DOMAIN}")
        .exclude(position=Officer.Position.ADMINISTRATOR)
        .select_related("office")
    )
    if not officers or Activity.objects.filter(evidence__demo=DEMO).exists():
        return 0
    tz = timezone.get_current_timezone()
    first = services.add_months(services.month_start(today), -TABLE_MONTHS)
    activities: list[Activity] = []
    for officer in officers:
        regency_office = officer.office.level == "regency"
        mix = REGENCY_DAY if regency_office else PROVINCE_DAY
        per_day = (14, 24) if regency_office else (4, 9)
        day = first
        while day <= today:
            if day.weekday() < 5:  # Monday to Friday
                for _ in range(rng.randint(*per_day)):
                    kind = _pick(rng, mix)
                    at = datetime.combine(day, time(8, 0), tzinfo=tz) + timedelta(
                        minutes=rng.randint(0, 7 * 60)
                    )
                    quantity = rng.randint(8, 30) if kind == "counselling_group" else 1
                    activities.append(
                        Activity(
                            officer=officer,
                            office=officer.office,
                            kind=kind,
                            at=at,
                            quantity=quantity,
                            evidence={"demo": DEMO, "note": "demo activity"},
                        )
                    )
            if day.day == 3:  # the monthly IPK sign-off
                activities.append(
                    Activity(
                        officer=officer,
                        office=officer.office,
                        kind="report",
                        at=datetime.combine(day, time(10, 0), tzinfo=tz),
                        evidence={"demo": DEMO, "month": f"{services.previous_month(day):%Y-%m}"},
                    )
                )
            day += timedelta(days=1)
    Activity.objects.bulk_create(activities, batch_size=2000)
    return len(activities)


# --- Tables ---------------------------------------------------------------------------------------
def _build_tables(today: date, *, rebuild: bool = False) -> int:

    last = services.previous_month(today)
    months = [services.add_months(last, -i) for i in range(TABLE_MONTHS)]
    built = set(IpkReport.objects.filter(month__in=months).values_list("month", flat=True))
    todo = [month for month in sorted(months) if rebuild or month not in built]
    if todo:
        services.build_months(months=todo, today=today)
    return len(todo)

"""Demo data of the employers app: companies across Indonesia and realistic vacancies.

Every company and vacancy is invented. Wages follow the occupation and an approximate provincial
minimum wage (UMP 2025, rounded, for demo data only); skills are the ESCO skills with Indonesian
labels (placement/taxonomy/data/skills_id.csv) that fit the occupation; at least a third of the
vacancies are in Kalimantan Tengah (62), where the demo officers work.

The tables (occupations, wages, words, the Contract's companies) are in `employers_data.py`.

Size: one seeding pass (the Contract's companies, the generated population, their vacancies and
ledger events) sharing the references and the random stream; the tables are already apart; demo
code, top floor.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from employers.models import Employer, EmployerUser, Vacancy, VacancySkill
from placement.accounts.models import Role, User
from placement.demo.accounts import demo_user
from placement.demo.employers_data import (
    BENEFITS,
    BUSINESS_WORD,
    CONTRACT_COMPANIES,
    DEFAULT_UMP,
    HOURS,
    JOBS,
    JOBS_BY_KBJI,
    KALTENG_WORDS,
    LIMITS,
    NAME_END,
    NAME_START,
    OVERSEAS_JOB,
    STREETS,
    UMP,
    Job,
)
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.registers.models import Agency, JobOrder
from placement.taxonomy.models import EducationLevel, Industry, Occupation, Regency, Skill

GENERATED_NIB_PREFIX = "81200"
KALTENG_SHARE = 0.4
STATUS_MIX = (
    (Vacancy.Status.PUBLISHED, 72),
    (Vacancy.Status.SUBMITTED, 8),
    (Vacancy.Status.DRAFT, 5),
    (Vacancy.Status.RETURNED, 3),
    (Vacancy.Status.FILLED, 5),
    (Vacancy.Status.CLOSED, 3),
    (Vacancy.Status.EXPIRED, 4),
)


class _Refs:
    """The reference rows the seeder needs, loaded once."""

    def __init__(self) -> None:
        codes = {job.kbji for job in JOBS_BY_KBJI.values()}
        self.occupations = {o.code: o for o in Occupation.objects.current().filter(code__in=codes)}
        kblis = {k for job in JOBS_BY_KBJI.values() for k in job.kbli}
        kblis |= {c["kbli"] for c in CONTRACT_COMPANIES}
        self.industries = {i.code: i for i in Industry.objects.current().filter(code__in=kblis)}
        self.education = {e.code: e for e in EducationLevel.objects.all()}
        labels = {label for job in JOBS_BY_KBJI.values() for label in (*job.skills, *job.optional)}
        self.skills = dict(Skill.objects.filter(label_en__in=labels).values_list("label_en", "pk"))
        self.regencies = list(Regency.objects.select_related("office").order_by("code"))
        self.by_code = {r.code: r for r in self.regencies}


def _round(value: float, step: int = 50_000) -> int:
    return int(round(value / step) * step)


def _wage(job: Job, regency: Regency, rng: random.Random) -> tuple[int | None, int | None]:
    ump = UMP.get(regency.province_id, DEFAULT_UMP)
    low = _round(ump * job.wage[0] * rng.uniform(0.97, 1.05))
    high = _round(ump * job.wage[1] * rng.uniform(0.97, 1.08))
    roll = rng.random()
    if roll < 0.06:
        return None, None  # some employers leave the wage out (a warning for the officer)
    if roll < 0.2:
        return low, None
    return low, max(low, high)


def _description(job: Job, title: str, company: str, place: str, rng: random.Random) -> str:
    return (
        f"{company} membuka lowongan {title} untuk penempatan di {place}. "
        f"Tugas utama: {job.tasks}.\n\n"
        f"Jam kerja: {rng.choice(HOURS)}\n"
        f"Fasilitas: {rng.choice(BENEFITS)}\n\n"
        "Lamaran diproses melalui AntarKerja dan Disnaker setempat. "
        "Tidak dipungut biaya apa pun."
    )


def _pick_regency(refs: _Refs, rng: random.Random, weights_all, weights_62) -> Regency:
    if rng.random() < KALTENG_SHARE:
        return rng.choices(weights_62[0], weights=weights_62[1])[0]
    return rng.choices(weights_all[0], weights=weights_all[1])[0]


def _company_name(kbli: str, rng: random.Random, taken: set[str], province: str = "62") -> str:
    starts = NAME_START if province == "62" else NAME_START[len(KALTENG_WORDS) :]
    for _attempt in range(20):
        form = rng.choices(("PT", "CV", "UD", "Koperasi"), weights=(60, 25, 10, 5))[0]
        word = BUSINESS_WORD.get(kbli, "Usaha")
        name = f"{form} {rng.choice(starts)} {word} {rng.choice(NAME_END)}"
        if name not in taken:
            taken.add(name)
            return name
    return f"{name} {len(taken)}"


def _ownership(name: str, kbli: str) -> str:
    if name.startswith("Koperasi"):
        return Employer.Ownership.COOPERATIVE
    if kbli in ("85210", "86104"):
        return Employer.Ownership.GOVERNMENT
    if name.startswith("UD"):
        return Employer.Ownership.INDIVIDUAL
    return Employer.Ownership.PRIVATE


def _slug(name: str) -> str:
    words = [w for w in name.lower().split() if w not in ("pt", "cv", "ud", "koperasi")]
    return "-".join(words[:2])


def _new_vacancy(
    *,
    employer: Employer,
    job: Job,
    regency: Regency | None,
    refs: _Refs,
    rng: random.Random,
    status: str,
    today: date,
    officer: User | None,
    creator: User | None,
) -> Vacancy:
    title = rng.choice(job.titles)
    location = regency or employer.regency
    wage_min, wage_max = _wage(job, location, rng)
    vacancy = Vacancy(
        employer=employer,
        title=title,
        occupation=refs.occupations[job.kbji],
        industry=refs.industries.get(job.kbli[0]) or employer.industry,
        headcount=rng.choices((1, 2, 3, 5, 10, 20), weights=(35, 25, 15, 12, 8, 5))[0],
        min_education=refs.education[job.education],
        min_experience_months=rng.choice(job.experience),
        wage_min=wage_min,
        wage_max=wage_max,
        regency=regency,
        scope=Vacancy.Scope.AKL,
        description=_description(job, title, employer.name, location.name, rng),
        status=status,
        created_by=creator,
    )
    if job.education == "3000" and rng.random() < 0.5:
        # Half the SLTA-level vacancies say which school: trades and offices ask for SMK.
        vocational = job.kbji[0] in "3478" or rng.random() < 0.4
        vacancy.school_track = "vocational" if vocational else "general"
    if rng.random() < 0.15:
        vacancy.scope = Vacancy.Scope.AKAD
    if rng.random() < 0.08:
        vacancy.age_min, vacancy.age_max, vacancy.sex, vacancy.limits_reason = rng.choice(LIMITS)
    # Dates: published vacancies are open today; ended ones closed in the last weeks.
    if status in (Vacancy.Status.DRAFT, Vacancy.Status.SUBMITTED, Vacancy.Status.RETURNED):
        vacancy.valid_from = today + timedelta(days=rng.randint(0, 10))
        vacancy.valid_to = vacancy.valid_from + timedelta(days=rng.choice((30, 45, 60, 90)))
    elif status == Vacancy.Status.EXPIRED:
        vacancy.valid_to = today - timedelta(days=rng.randint(1, 30))
        vacancy.valid_from = vacancy.valid_to - timedelta(days=rng.choice((30, 45, 60)))
    else:
        vacancy.valid_from = today - timedelta(days=rng.randint(0, 45))
        vacancy.valid_to = today + timedelta(days=rng.randint(7, 75))
    # Nothing is sent or published in the future, even for a vacancy that opens next week.
    latest = timezone.now() - timedelta(hours=1)
    if status != Vacancy.Status.DRAFT:
        vacancy.submitted_at = min(
            _aware(vacancy.valid_from - timedelta(days=rng.randint(1, 5))),
            latest,  # no draw from `rng`: the rest of the demo stays as it was
        )
    if status in (Vacancy.Status.RETURNED,):
        vacancy.return_reason = (
            "Mohon lengkapi kisaran upah dan jelaskan alasan batas usia yang dicantumkan."
        )
        vacancy.verified_by = officer
    if status in Vacancy.ENDED_STATUSES or status == Vacancy.Status.PUBLISHED:
        vacancy.verified_by = officer
        vacancy.published_at = min(_aware(vacancy.valid_from, hour=9 + rng.randint(0, 6)), latest)
    vacancy.is_overseas = vacancy.scope == Vacancy.Scope.AKAN
    # No draw from `rng`: the rest of the demo stays as it was.
    vacancy.required_licence, vacancy.night_work = job.licence, job.night_work
    vacancy._skills = _skills_for(job, refs, rng)
    return vacancy


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _skills_for(job: Job, refs: _Refs, rng: random.Random) -> tuple[list[int], list[int]]:
    needed = [refs.skills[label] for label in job.skills if label in refs.skills]
    needed = needed[: rng.randint(min(2, len(needed)), len(needed))] if needed else []
    extra = [refs.skills[label] for label in job.optional if label in refs.skills]
    extra = [pk for pk in rng.sample(extra, k=rng.randint(0, len(extra))) if pk not in needed]
    return needed, extra


def _ledger_events(vacancy: Vacancy, today: date, rng: random.Random) -> list[Event]:
    """The events a real history would have left: registered, then filled/removed."""
    if vacancy.published_at is None:
        return []
    registered_on = timezone.localdate(vacancy.published_at)
    events = [
        ledger.vacancy_event(
            EventKind.VACANCY_REGISTERED,
            vacancy,
            quantity=vacancy.headcount,
            occurred_on=registered_on,
        )
    ]
    ended_on = min(today, registered_on + timedelta(days=rng.randint(5, 30)))
    if vacancy.filled_count:
        events.append(
            ledger.vacancy_event(
                EventKind.VACANCY_FILLED,
                vacancy,
                quantity=vacancy.filled_count,
                occurred_on=ended_on,
            )
        )
    if vacancy.removed_count:
        removed_on = (
            vacancy.valid_to + timedelta(days=1)
            if vacancy.status == Vacancy.Status.EXPIRED
            else ended_on
        )
        events.append(
            ledger.vacancy_event(
                EventKind.VACANCY_REMOVED,
                vacancy,
                quantity=vacancy.removed_count,
                occurred_on=removed_on,
            )
        )
    return events


def _finish_counts(vacancy: Vacancy, rng: random.Random) -> None:
    if vacancy.status == Vacancy.Status.FILLED:
        vacancy.filled_count = vacancy.headcount
    elif vacancy.status == Vacancy.Status.CLOSED:
        vacancy.filled_count = rng.randint(0, max(0, vacancy.headcount - 1))
        vacancy.removed_count = vacancy.headcount - vacancy.filled_count
    elif vacancy.status == Vacancy.Status.EXPIRED:
        vacancy.filled_count = rng.randint(0, vacancy.headcount // 2)
        vacancy.removed_count = vacancy.headcount - vacancy.filled_count
    elif vacancy.status == Vacancy.Status.PUBLISHED and vacancy.headcount > 2:
        vacancy.filled_count = rng.randint(0, vacancy.headcount // 3)
    if vacancy.status in Vacancy.ENDED_STATUSES:
        vacancy.closed_at = _aware(vacancy.valid_to)


def _save(vacancies: list[Vacancy], today: date, rng: random.Random) -> None:
    for vacancy in vacancies:
        _finish_counts(vacancy, rng)
    Vacancy.objects.bulk_create(vacancies, batch_size=500)
    skills, events = [], []
    for vacancy in vacancies:
        needed, extra = vacancy._skills
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=True) for pk in needed]
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=False) for pk in extra]
        events += _ledger_events(vacancy, today, rng)
    VacancySkill.objects.bulk_create(skills, batch_size=1000)
    Event.objects.bulk_create(events, batch_size=1000)


def _officer_for(regency: Regency) -> User | None:
    return (
        User.objects.filter(officer_profile__office__regency=regency).first()
        or User.objects.filter(role=Role.NATIONAL).first()
    )


def _seed_contract_companies(refs: _Refs, rng: random.Random, today: date) -> int:
    created = 0
    for spec in CONTRACT_COMPANIES:
        if Employer.objects.filter(nib=spec["nib"]).exists():
            continue
        user = demo_user(spec["local"], Role.EMPLOYER, spec["full_name"])
        regency = refs.by_code[spec["regency"]]
        officer = _officer_for(regency)
        employer = Employer.objects.create(
            name=spec["name"],
            nib=spec["nib"],
            industry=refs.industries[spec["kbli"]],
            ownership=Employer.Ownership.PRIVATE,
            address=spec["address"],
            regency=regency,
            contact_name=spec["full_name"],
            contact_email=spec["email"],
            contact_phone=spec["phone"],
            status=Employer.Status.VERIFIED,
            verified_by=officer,
            verified_at=timezone.now() - timedelta(days=60),
        )
        EmployerUser.objects.get_or_create(
            user=user, defaults={"employer": employer, "is_admin": True}
        )
        vacancies = [
            _new_vacancy(
                employer=employer,
                job=JOBS_BY_KBJI[kbji],
                regency=regency,
                refs=refs,
                rng=rng,
                status=Vacancy.Status.PUBLISHED,
                today=today,
                officer=officer,
                creator=user,
            )
            for kbji in spec["jobs"]
        ]
        # One waiting for the officer (with an age limit to review), one draft, one filled.
        waiting = _new_vacancy(
            employer=employer,
            job=JOBS_BY_KBJI[spec["jobs"][0]],
            regency=regency,
            refs=refs,
            rng=rng,
            status=Vacancy.Status.SUBMITTED,
            today=today,
            officer=None,
            creator=user,
        )
        waiting.age_min, waiting.age_max, waiting.sex, waiting.limits_reason = LIMITS[0]
        vacancies.append(waiting)
        for status in (Vacancy.Status.DRAFT, Vacancy.Status.FILLED):
            vacancies.append(
                _new_vacancy(
                    employer=employer,
                    job=JOBS_BY_KBJI[spec["jobs"][1]],
                    regency=regency,
                    refs=refs,
                    rng=rng,
                    status=status,
                    today=today,
                    officer=officer,
                    creator=user,
                )
            )
        for vacancy in vacancies:
            vacancy.industry = employer.industry
        _save(vacancies, today, rng)
        created += 1
    return created


def _seed_population(refs: _Refs, rng: random.Random, count: int, today: date) -> tuple[int, int]:
    if count <= 0 or Employer.objects.filter(nib__startswith=GENERATED_NIB_PREFIX + "1").exists():
        return 0, 0
    weights_all = (refs.regencies, [r.population or 100_000 for r in refs.regencies])
    kalteng = [r for r in refs.regencies if r.province_id == "62"]
    weights_62 = (kalteng, [(r.population or 100_000) for r in kalteng])
    officers = {r.code: _officer_for(r) for r in kalteng}
    national = User.objects.filter(role=Role.NATIONAL).first()
    taken = set(Employer.objects.values_list("name", flat=True))
    employer_count = max(8, count // 5)
    employers: list[Employer] = []
    now = timezone.now()
    for index in range(employer_count):
        job = rng.choices(JOBS, weights=[j.weight for j in JOBS])[0]
        kbli = rng.choice(job.kbli)
        regency = _pick_regency(refs, rng, weights_all, weights_62)
        name = _company_name(kbli, rng, taken, regency.province_id)
        # A few registrations still wait for an officer (the employer queue of the demo).
        pending = index % 17 == 5
        employers.append(
            Employer(
                name=name,
                nib=f"{GENERATED_NIB_PREFIX}1{index:07d}",
                industry=refs.industries[kbli],
                ownership=_ownership(name, kbli),
                address=f"Jl. {rng.choice(STREETS)} No. {rng.randint(1, 200)}, {regency.name}",
                regency=regency,
                contact_name=rng.choice(("Rina", "Yusuf", "Dewi", "Bambang", "Sari", "Rudi")),
                contact_email=f"hrd@{_slug(name)}-{index}.example",
                contact_phone=f"0{rng.randint(21, 986)} {rng.randint(300000, 7999999)}",
                status=Employer.Status.PENDING if pending else Employer.Status.VERIFIED,
                verified_by=None if pending else officers.get(regency.code, national),
                verified_at=None if pending else now - timedelta(days=rng.randint(30, 400)),
            )
        )
    # A licensed placement agency (P3MI) for the work-abroad vacancies.
    agency_regency = refs.by_code["62.71"]
    agency = Employer(
        name=_company_name("78102", rng, taken).replace("CV ", "PT ").replace("UD ", "PT "),
        nib=f"{GENERATED_NIB_PREFIX}2{0:07d}",
        industry=refs.industries["78102"],
        ownership=Employer.Ownership.PRIVATE,
        address="Jl. G. Obos No. 12, Palangka Raya",
        regency=agency_regency,
        contact_name="Maria",
        contact_email="penempatan@p3mi-demo.example",
        contact_phone="0536 3239001",
        status=Employer.Status.VERIFIED,
        verified_by=officers.get(agency_regency.code, national),
        verified_at=now - timedelta(days=200),
    )
    employers.append(agency)
    Employer.objects.bulk_create(employers, batch_size=500)
    verified = [e for e in employers[:-1] if e.status == Employer.Status.VERIFIED]
    # Companies by (province, line of business): a vacancy goes to a company of its trade.
    by_trade: dict[tuple[str, str], list[Employer]] = {}
    by_province: dict[str, list[Employer]] = {}
    for employer in verified:
        province = employer.regency.province_id
        by_trade.setdefault((province, employer.industry.code), []).append(employer)
        by_province.setdefault(province, []).append(employer)
    statuses, status_weights = zip(*STATUS_MIX, strict=True)
    vacancies = []
    for _index in range(count):
        job = rng.choices(JOBS, weights=[j.weight for j in JOBS])[0]
        province = _pick_regency(refs, rng, weights_all, weights_62).province_id
        candidates = [e for kbli in job.kbli for e in by_trade.get((province, kbli), [])]
        if not candidates:
            # Office, driving, security and cleaning jobs exist in every trade.
            candidates = by_province.get(province) or verified
        employer = rng.choice(candidates)
        regency = employer.regency
        if rng.random() < 0.2:
            regency = rng.choice([r for r in refs.regencies if r.province_id == province])
        vacancy = _new_vacancy(
            employer=employer,
            job=job,
            regency=regency,
            refs=refs,
            rng=rng,
            status=rng.choices(statuses, weights=status_weights)[0],
            today=today,
            officer=officers.get(regency.code, national),
            creator=None,
        )
        vacancy.industry = employer.industry
        vacancies.append(vacancy)
    # Work abroad through a licensed P3MI, one in fifty, under its SIP2MI of the register.
    job_orders = _demo_job_orders(agency, refs.occupations[OVERSEAS_JOB.kbji], today)
    for vacancy in vacancies[::50] if count >= 20 else []:
        vacancy.employer = agency
        vacancy.occupation = refs.occupations[OVERSEAS_JOB.kbji]
        vacancy.title = rng.choice(OVERSEAS_JOB.titles)
        vacancy.scope = Vacancy.Scope.AKAN
        vacancy.is_overseas = True
        vacancy.country = "Jepang" if "Jepang" in vacancy.title else "Taiwan"
        vacancy.regency = None
        vacancy.p3mi_name = agency.name
        vacancy.job_order = job_orders[vacancy.country]
        vacancy.job_order_number = vacancy.job_order.number
        vacancy.wage_min = _round(DEFAULT_UMP * 3)
        vacancy.wage_max = _round(DEFAULT_UMP * 3.8)
        vacancy.min_education = refs.education["3000"]
        vacancy.industry = agency.industry
        vacancy.age_min, vacancy.age_max, vacancy.sex = 18, 45, ""
        vacancy.limits_reason = "Syarat usia visa kerja negara tujuan."
        vacancy.description = _description(
            OVERSEAS_JOB, vacancy.title, vacancy.p3mi_name, vacancy.country, rng
        )
        vacancy._skills = _skills_for(OVERSEAS_JOB, refs, rng)
    _save(vacancies, today, rng)
    return len(employers), len(vacancies)


def _demo_job_orders(agency: Employer, occupation, today: date) -> dict:
    """The demo P3MI in the register, with a SIP2MI for Japan and one for Taiwan."""
    licensed, _created = Agency.objects.get_or_create(
        licence_number="KEP.999/PPTKLN/DEMO",
        defaults={
            "name": agency.name,
            "licence_issued_on": today - timedelta(days=700),
            "licence_valid_to": today + timedelta(days=1000),
            "head_office": agency.address,
            "regency": agency.regency,
            "phone": agency.contact_phone,
        },
    )
    job_orders = {}
    for index, country in enumerate(("Jepang", "Taiwan")):
        job_orders[country], _created = JobOrder.objects.get_or_create(
            number=f"SIP2MI/DEMO/{index + 1:03d}/{today.year}",
            defaults={
                "agency": licensed,
                "foreign_employer": "Kaigo Care Co." if country == "Jepang" else "Hsin Care Home",
                "country": country,
                "occupation": occupation,
                "quota": 500,
                "valid_from": today - timedelta(days=60),
                "valid_to": today + timedelta(days=300),
            },
        )
    return job_orders


def seed(*, stdout, options: dict, rng: random.Random) -> None:
    """Companies of the demo employer users, then a generated population (idempotent)."""
    today = timezone.localdate()
    with transaction.atomic():
        refs = _Refs()
        contract = _seed_contract_companies(refs, rng, today)
        employers, vacancies = _seed_population(refs, rng, options.get("vacancies") or 0, today)
    stdout.write(
        f"Employers: {contract} demo companies, {employers} generated; "
        f"{vacancies} generated vacancies"
    )

"""Demo data of the jobseekers app (run by seed_demo after the demo accounts exist).

Three complete seekers of the Contract (seeker.6271, seeker.6201, seeker.pdp) go through the real
services; the generated population is written with COPY in chunks of 10,000 seekers
(placement/demo/bulk.py; 200,000 in minutes): Indonesian names by regional flavour (invented
combinations, no real persons), valid NIKs that match region, sex and birth date, regions
weighted by population with a large share in Kalimantan Tengah (62) so the demo officers have
work, a plausible education mix, occupations weighted toward common ones, skills that fit the
occupation, and a lifecycle: some waiting for verification, most active, some lapsed (removed),
some reactivated, some placed, each with its ledger events.

Size: the generated population's plan and bulk writes belong together; demo code, top floor.
"""

from __future__ import annotations

import bisect
import itertools
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from jobseekers import services
from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import (
    CardSequence,
    Consent,
    DrivingLicence,
    Education,
    Experience,
    JobSeeker,
    SeekerSkill,
)
from jobseekers.nik import format_nik
from placement.accounts.models import Role
from placement.demo.accounts import demo_user
from placement.demo.bulk import copy_insert
from placement.demo.jobseekers_data import (
    CONTRACT_SEEKERS,
    DEFAULT_RELIGION_MIX,
    EDUCATION_MIX,
    EMPLOYER_NAMES,
    FAMILY_WORDS,
    FLAVOUR_BY_PROVINCE,
    NAMES,
    OCCUPATIONS,
    RELIGION_GROUP,
    RELIGION_MIX,
    SCHOOLS,
    STREETS,
    TRANSVERSAL_WORDS,
)
from placement.ledger import chain
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.offices.models import Office
from placement.taxonomy.education import SchoolType, detailed_code
from placement.taxonomy.models import (
    District,
    EducationLevel,
    Occupation,
    Regency,
    Skill,
    SmkProgramme,
)

KALTENG = "62"
KALTENG_SHARE = 0.35  # of generated seekers, so the demo officers of 62 have work
DEMO_OFFICES_BOOST = {"62.71": 3.0, "62.01": 3.0}  # within 62: the two demo regency offices
# Placed demo seekers: the KBLI section of the employer by skill family, and the employer's type
# (the receiving-employer rows of IPK III/8(b)).
INDUSTRY_BY_FAMILY = {
    "sales": "G", "cashier": "G", "office": "N", "accounting": "M", "warehouse": "H",
    "reception": "I", "driving": "H", "cleaning": "N", "security": "N", "cooking": "I",
    "food_service": "I", "sewing": "C", "welding": "C", "electrical": "F", "mechanic": "G",
    "agriculture": "A", "livestock": "A", "fishery": "A", "teaching": "P", "nursing": "Q",
    "beauty": "S", "care": "Q", "construction": "F", "production": "C", "it": "J",
    "marketing": "M", "call_center": "N", "mining": "B",
}  # fmt: skip
EMPLOYER_TYPES = [
    ("private", 76), ("bumn_bumd", 6), ("government", 4), ("cooperative", 3), ("other", 4),
    ("foundation", 2), ("individual", 5),
]  # fmt: skip


def _weighted(rng: random.Random, items: list, weights: list[float]):
    return rng.choices(items, weights=weights, k=1)[0]


class _Picker:
    """Fast repeated weighted choice (cumulative weights, bisect)."""

    def __init__(self, items: list, weights: list[float]) -> None:
        self.items = items
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng: random.Random):
        x = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, x)]


@dataclass
class _Reference:
    regency_picker_62: _Picker
    regency_picker_other: _Picker
    regency_names: dict[str, str]
    districts: dict[str, list[str]]
    education_picker: _Picker
    education_rank: dict[str, int]
    occupations: dict[str, list[int]]  # unit group -> ids of the 4- and 6-digit occupations
    occupation_code: dict[int, str]
    family_skills: dict[str, tuple[list[int], list[float]]]
    transversal_skills: tuple[list[int], list[float]]
    offices: dict[str, Office]
    smk_programmes: dict[str, tuple[int, str]] = field(default_factory=dict)  # title -> id, code
    next_serial: dict[tuple[int, int], int] = field(default_factory=dict)


def _skill_families() -> tuple[dict[str, tuple[list[int], list[float]]], tuple]:
    """Occupation family -> skills whose Indonesian labels fit it, weighted by commonness."""
    skills = list(Skill.objects.exclude(label_id="").values_list("pk", "label_id", "common_rank"))

    def matching(words: list[str]) -> tuple[list[int], list[float]]:
        # Whole words only: "ban" is not "bangunan", "bus" is not "busana".
        alternatives = "|".join(map(re.escape, words))
        pattern = re.compile(r"(?<![a-z0-9])(" + alternatives + r")(?![a-z0-9])")
        chosen = [
            (pk, 1.0 / (rank or 300) ** 0.5)
            for pk, label, rank in skills
            if pattern.search(label.lower())
        ]
        return [pk for pk, _w in chosen], [w for _pk, w in chosen]

    families = {name: matching(words) for name, words in FAMILY_WORDS.items()}
    return families, matching(TRANSVERSAL_WORDS)


def _reference() -> _Reference:
    regencies = list(
        Regency.objects.filter(population__isnull=False).values_list(
            "code", "province_id", "population", "name"
        )
    )
    in_62 = [r for r in regencies if r[1] == KALTENG]
    other = [r for r in regencies if r[1] != KALTENG]
    districts: dict[str, list[str]] = defaultdict(list)
    for code, regency in District.objects.values_list("code", "regency_id"):
        districts[regency].append(code)
    levels = {lvl.code: lvl.rank for lvl in EducationLevel.objects.all()}
    units = [row[0] for row in OCCUPATIONS]
    occupations: dict[str, list[int]] = defaultdict(list)
    occupation_code = {}
    for pk, code in (
        Occupation.objects.current()
        .filter(code__regex=r"^(" + "|".join(units) + r")(\.[0-9]{2})?$")
        .values_list("pk", "code")
    ):
        if code.endswith(".99"):
            continue  # "lainnya": keep the named jabatan
        occupations[code[:4]].append(pk)
        occupation_code[pk] = code
    families, transversal = _skill_families()
    return _Reference(
        regency_picker_62=_Picker(
            [r[0] for r in in_62], [r[2] * DEMO_OFFICES_BOOST.get(r[0], 1.0) for r in in_62]
        ),
        regency_picker_other=_Picker([r[0] for r in other], [r[2] for r in other]),
        regency_names={r[0]: r[3] for r in regencies},
        districts=districts,
        education_picker=_Picker([c for c, _w in EDUCATION_MIX], [w for _c, w in EDUCATION_MIX]),
        education_rank=levels,
        occupations=occupations,
        occupation_code=occupation_code,
        family_skills=families,
        transversal_skills=transversal,
        offices={o.code: o for o in Office.objects.filter(level=Office.Level.REGENCY)},
        smk_programmes={
            title.lower(): (pk, code)
            for pk, title, code in SmkProgramme.objects.filter(edition=SmkProgramme.CURRENT_EDITION)
            .order_by("level", "code")
            .values_list("pk", "title", "code")
        },
    )


def _school_detail(ref: _Reference, education: str, school: str, major: str) -> dict:
    """School type and SMK programme of an SLTA/SLTP/SD row, read from the school's name."""
    if education not in ("1000", "2000", "3000"):
        return {}
    prefix = school.split(" ")[0].upper()
    kind = {
        "SDN": SchoolType.SD,
        "MI": SchoolType.SD,
        "SMPN": SchoolType.SMP,
        "MTSN": SchoolType.SMP,
        "SMAN": SchoolType.SMA,
        "MAN": SchoolType.MA,
        "SMKN": SchoolType.SMK,
        "SMK": SchoolType.SMK,
    }.get(prefix, "")
    detail: dict = {"school_type": kind}
    if kind == SchoolType.SMK and major:
        found = next((v for k, v in ref.smk_programmes.items() if major.lower() in k), None)
        if found:
            detail["smk_programme_id"] = found[0]
            detail["_programme_code"] = found[1]
    return detail


def _city_word(regency_name: str) -> str:
    for prefix in ("Kabupaten ", "Kota ", "Kab. "):
        if regency_name.startswith(prefix):
            return regency_name[len(prefix) :]
    return regency_name


def _name(rng: random.Random, province: str, religion: str, sex: str) -> str:
    flavour = NAMES[FLAVOUR_BY_PROVINCE.get(province, "jawa")]
    group = RELIGION_GROUP.get(religion, "muslim")
    lists = flavour.get(group) or next(iter(flavour.values()))
    male, female, family_m, family_f = lists
    if FLAVOUR_BY_PROVINCE.get(province) == "bali" and group == "hindu":
        first = ("I " if sex == "L" else "Ni ") + rng.choice(male if sex == "L" else female)
        return f"{first} {rng.choice(family_m if sex == 'L' else family_f)}"
    given = rng.choice(male if sex == "L" else female)
    if rng.random() < 0.25:
        second = rng.choice(male if sex == "L" else female)
        if second != given:
            given = f"{given} {second}"
    if rng.random() < 0.12:
        return given  # one-word and given-name-only names are common in Indonesia
    return f"{given} {rng.choice(family_m if sex == 'L' else family_f)}"


def _age(rng: random.Random) -> int:
    # Job seekers are mostly young: a triangular distribution between 17 and 58, mode 22.
    return int(rng.triangular(17, 58, 22))


def _education_for(rng: random.Random, ref: _Reference, age: int) -> str:
    cap = 3 if age < 19 else 6 if age < 21 else 7 if age < 23 else 9
    for _attempt in range(10):
        code = ref.education_picker.pick(rng)
        if ref.education_rank[code] <= cap:
            return code
    return "3000"


def _occupation_for(rng: random.Random, rank: int) -> tuple:
    fitting = [row for row in OCCUPATIONS if row[3] <= rank <= row[4]]
    return _weighted(rng, fitting, [row[1] for row in fitting])


def _skills_for(rng: random.Random, ref: _Reference, families: list[str], count: int) -> list[int]:
    """Mostly skills of the occupation's family, a few of the second wish, then transversal."""
    chosen: list[int] = []
    quotas = [max(2, round(count * 0.6))] + [2] * (len(families) - 1)
    for family, quota in zip(families, quotas, strict=True):
        items, weights = ref.family_skills.get(family) or ([], [])
        target = len(chosen) + min(quota, len(items))
        for _attempt in range(quota * 4):
            if len(chosen) >= target:
                break
            pk = _weighted(rng, items, weights)
            if pk not in chosen:
                chosen.append(pk)
    items, weights = ref.transversal_skills
    for _attempt in range(count * 3):
        if len(chosen) >= count or not items:
            break
        pk = _weighted(rng, items, weights)
        if pk not in chosen:
            chosen.append(pk)
    return chosen[:count]


# --- The two seekers of the Contract -------------------------------------------------------------
def _seed_contract_seeker(spec: dict) -> JobSeeker | None:
    user = demo_user(spec["local"], Role.SEEKER, spec["profile"]["full_name"])
    if JobSeeker.objects.filter(user=user).exists():
        return None
    officer = demo_user(spec["officer"], Role.OFFICER, "")
    profile = dict(spec["profile"])
    district = District.objects.filter(code=profile.pop("district")).first()
    profile["regency"] = Regency.objects.get(code=profile["regency"])
    profile["district"] = district
    district_code = district.code if district else f"{profile['regency'].code}.01"
    profile["nik"] = format_nik(
        district_code=district_code,
        sex=profile["sex"],
        birth_date=profile["birth_date"],
        serial=spec["nik_serial"],
    )
    while JobSeeker.objects.filter(nik=profile["nik"]).exists():
        spec["nik_serial"] += 1
        profile["nik"] = profile["nik"][:12] + f"{spec['nik_serial']:04d}"
    occupations = {o.code: o for o in Occupation.objects.current().filter(code__in=spec["wanted"])}
    profile["preferred_occupations"] = [occupations[c] for c in spec["wanted"] if c in occupations]
    profile["skills"] = list(Skill.objects.filter(label_id__in=spec["skills"]))
    registered_on = timezone.localdate() - timedelta(days=spec["registered_days_ago"])
    with transaction.atomic():
        seeker = services.start_registration(user=user)
        services.update_jobseeker(seeker=seeker, actor=user, changes=profile)
        for level, major, school, year in spec["educations"]:
            services.add_education(
                seeker=seeker,
                actor=user,
                level_id=level,
                major=major,
                school=school,
                graduation_year=year,
            )
        for title, code, employer, start, end, months in spec["experiences"]:
            services.add_experience(
                seeker=seeker,
                actor=user,
                job_title=title,
                occupation=Occupation.objects.current().get(code=code),
                employer_name=employer,
                start_year=start,
                end_year=end,
                months=months,
            )
        seeker.steps_done = list(services.REGISTRATION_STEPS)
        seeker.save(update_fields=["steps_done"])
        seeker = services.submit_registration(
            seeker=seeker, actor=user, consent_version=CURRENT_CONSENT_VERSION
        )
        return services.verify_jobseeker(seeker=seeker, officer=officer, on=registered_on)


# --- The generated population ------------------------------------------------------------------
@dataclass
class _Plan:
    seeker: JobSeeker
    educations: list[Education]
    experiences: list[Experience]
    skills: list[int]
    wanted: list[int]
    events: list[tuple[str, date, dict]]
    consent_at: datetime | None
    industry_section: str = ""
    employer_type: str = ""
    placement_scope: str = ""


def _simulate(rng: random.Random, seeker: JobSeeker, registered_on: date, today: date) -> list:
    """Walk one card from registration to today: reports, misses, removals, reactivations."""
    add = services.add_months
    events = [(EventKind.SEEKER_REGISTERED, registered_on, {})]
    next_report, expires = add(registered_on, 6), add(registered_on, 24)
    last_report = None
    placed_on = None
    if rng.random() < 0.12:
        placed_on = registered_on + timedelta(days=rng.randint(30, 420))
    status = JobSeeker.Status.ACTIVE
    removed_on, reason = None, ""
    while True:
        if placed_on and placed_on <= today and placed_on < next_report:
            events.append((EventKind.SEEKER_PLACED, placed_on, {"demo": True}))
            status = JobSeeker.Status.PLACED
            break
        if next_report >= today:
            break
        if rng.random() < 0.8:
            day = next_report - timedelta(days=rng.randint(0, 25))
            events.append((EventKind.SEEKER_REPORTED, day, {}))
            last_report = day
            next_report = add(day, 6)
            if expires < next_report:
                expires = add(day, 24)
            continue
        removed_on = next_report + timedelta(days=1)
        reason = JobSeeker.RemovalReason.MISSED_REPORT
        events.append((EventKind.SEEKER_REMOVED, removed_on, {"reason": reason}))
        status = JobSeeker.Status.REMOVED
        back = removed_on + timedelta(days=rng.randint(10, 240))
        if rng.random() < 0.3 and back < today:
            events.append(
                (EventKind.SEEKER_REACTIVATED, back, {"previous_status": JobSeeker.Status.REMOVED})
            )
            status, removed_on, reason = JobSeeker.Status.ACTIVE, None, ""
            last_report, next_report = back, add(back, 6)
            if expires < next_report:
                expires = add(back, 24)
            continue
        break
    seeker.status = status
    seeker.registered_on = registered_on
    seeker.last_reported_on = last_report
    seeker.next_report_on = next_report
    seeker.expires_on = expires
    seeker.removed_on = removed_on
    seeker.removal_reason = reason
    return events


def _plan_seeker(
    rng: random.Random, ref: _Reference, today: date, used_niks: set[str]
) -> _Plan | None:
    regency = (
        ref.regency_picker_62.pick(rng)
        if rng.random() < KALTENG_SHARE
        else ref.regency_picker_other.pick(rng)
    )
    district_codes = ref.districts.get(regency)
    if not district_codes:
        return None
    district = rng.choice(district_codes)
    province = regency.split(".")[0]
    sex = "L" if rng.random() < 0.53 else "P"
    age = _age(rng)
    birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
    nik = ""
    for _attempt in range(20):
        nik = format_nik(
            district_code=district, sex=sex, birth_date=birth, serial=rng.randint(1, 9999)
        )
        if nik not in used_niks:
            break
    else:
        return None
    used_niks.add(nik)
    religion = _weighted(
        rng,
        [r for r, _w in RELIGION_MIX.get(province, DEFAULT_RELIGION_MIX)],
        [w for _r, w in RELIGION_MIX.get(province, DEFAULT_RELIGION_MIX)],
    )
    education = _education_for(rng, ref, age)
    rank = ref.education_rank[education]
    unit, _weight, family, _low, _high, majors = _occupation_for(rng, rank)
    if not ref.occupations.get(unit):
        return None
    city = _city_word(ref.regency_names[regency])
    school_template = rng.choice(SCHOOLS[education])
    grad_year = min(today.year, birth.year + {0: 12, 1: 12, 2: 15, 3: 18}.get(rank, 22))
    educations = []
    education_code = education
    if education != "0000":
        major = rng.choice(majors) if rank >= 3 else ""
        school = school_template.format(n=rng.randint(1, 9), city=city)
        detail = _school_detail(ref, education, school, major)
        programme_code = detail.pop("_programme_code", "")
        education_code = detailed_code(education, detail.get("school_type", ""), programme_code)
        educations.append(
            Education(
                level_id=education,
                major=major,
                school=school,
                graduation_year=grad_year,
                **detail,
            )
        )
    else:
        educations.append(Education(level_id=education, school="-", graduation_year=None))
    if rank >= 6 and rng.random() < 0.8:
        educations.append(
            Education(
                level_id="3000",
                major="",
                school=f"SMAN {rng.randint(1, 9)} {city}",
                school_type=SchoolType.SMA,
                graduation_year=birth.year + 18,
            )
        )
    # Work experience: older seekers more often; coded to KBJI, mostly in the same family.
    experiences = []
    working_years = max(0, today.year - grad_year)
    category = JobSeeker.Category.NEVER_WORKED
    if working_years >= 1 and rng.random() < min(0.85, 0.25 + working_years * 0.08):
        for _i in range(1 if rng.random() < 0.7 else 2):
            job_unit = unit if rng.random() < 0.75 else _occupation_for(rng, rank)[0]
            ids = ref.occupations.get(job_unit)
            if not ids:
                continue
            start = rng.randint(grad_year, max(grad_year, today.year - 1))
            end = min(today.year, start + rng.randint(0, 4))
            occupation_id = rng.choice(ids)
            experiences.append(
                Experience(
                    job_title=_title_cache.get(occupation_id, "")[:150],
                    occupation_id=occupation_id,
                    employer_name=rng.choice(EMPLOYER_NAMES),
                    start_year=start,
                    end_year=end,
                    months=max(1, (end - start) * 12 + rng.randint(1, 11)),
                )
            )
        category = (
            JobSeeker.Category.EMPLOYED if rng.random() < 0.15 else JobSeeker.Category.STOPPED
        )
    wanted_units = [unit]
    if rng.random() < 0.6:
        other = _occupation_for(rng, rank)[0]
        if other != unit:
            wanted_units.append(other)
    wanted = [rng.choice(ref.occupations[u]) for u in wanted_units if ref.occupations.get(u)]
    families = [family]
    second_family = next((row[2] for row in OCCUPATIONS if row[0] == wanted_units[-1]), family)
    if second_family != family:
        families.append(second_family)
    skills = _skills_for(rng, ref, families, rng.randint(4, 11))
    seeker = JobSeeker(
        full_name=_name(rng, province, religion, sex),
        nik=nik,
        birth_place=city,
        birth_date=birth,
        sex=sex,
        marital_status=(
            JobSeeker.MaritalStatus.SINGLE
            if age < 24 or rng.random() < 0.35
            else JobSeeker.MaritalStatus.MARRIED
        ),
        religion=religion,
        address=f"{rng.choice(STREETS)} No. {rng.randint(1, 180)}",
        regency_id=regency,
        district_id=district,
        phone=f"08{rng.choice(['11', '12', '13', '21', '22', '52', '53', '57', '77', '95'])}"
        f"{rng.randint(10_000_000, 99_999_999)}",
        education_level_id=max(
            (e.level_id for e in educations), key=lambda code: ref.education_rank[code]
        ),
        education_code=education_code,
        experience_months=sum(x.months for x in experiences),
        category=category,
        expected_wage=rng.choice([None, 2_500_000, 3_000_000, 3_500_000, 4_000_000, 5_000_000])
        if rank < 7
        else rng.choice([4_500_000, 5_500_000, 7_000_000, 9_000_000]),
        relocation=_weighted(
            rng,
            [c for c, _l in JobSeeker.Relocation.choices],
            [65, 24, 9, 2],
        ),
        has_disability=rng.random() < 0.02,
        steps_done=list(services.REGISTRATION_STEPS),
    )
    if seeker.has_disability:
        seeker.disability_note = rng.choice(
            ["Tunadaksa ringan: butuh tempat kerja tanpa tangga", "Tunarungu: komunikasi tertulis"]
        )
    # 8 % wait for verification; the others were verified on a day of the last 30 months.
    events: list[tuple[str, date, dict]] = []
    if rng.random() < 0.08:
        seeker.status = JobSeeker.Status.SUBMITTED
        submitted = today - timedelta(days=rng.randint(0, 20))
    else:
        registered_on = today - timedelta(days=rng.randint(0, 900))
        events = _simulate(rng, seeker, registered_on, today)
        submitted = registered_on - timedelta(days=rng.randint(0, 5))
        seeker.office = ref.offices.get(regency)
        seeker.verified_at = timezone.make_aware(datetime.combine(registered_on, time(10, 0)))
    seeker.submitted_at = timezone.make_aware(
        datetime.combine(submitted, time(rng.randint(7, 21), rng.randint(0, 59)))
    )
    placed = any(kind == EventKind.SEEKER_PLACED for kind, _day, _detail in events)
    return _Plan(
        seeker,
        educations,
        experiences,
        skills,
        wanted,
        events,
        seeker.submitted_at,
        industry_section=INDUSTRY_BY_FAMILY.get(family, "G") if placed else "",
        employer_type=_weighted(rng, *zip(*EMPLOYER_TYPES, strict=True)) if placed else "",
        placement_scope=_weighted(rng, ["AKL", "AKAD", "AKAN"], [80, 17, 3]) if placed else "",
    )


_title_cache: dict[int, str] = {}


def _issue_numbers(plans: list[_Plan]) -> list[CardSequence]:
    """AK/I numbers for the verified plans, continuing each office's yearly sequence."""
    sequences = {
        (s.office_id, s.year): s
        for s in CardSequence.objects.filter(
            office_id__in={p.seeker.office_id for p in plans if p.seeker.office_id}
        )
    }
    new = []
    for plan in sorted(plans, key=lambda p: p.seeker.registered_on or date.min):
        seeker = plan.seeker
        if seeker.office is None or seeker.registered_on is None:
            continue
        key = (seeker.office_id, seeker.registered_on.year)
        sequence = sequences.get(key)
        if sequence is None:
            sequence = CardSequence(office=seeker.office, year=key[1], last_number=0)
            sequences[key] = sequence
            new.append(sequence)
        sequence.last_number += 1
        seeker.ak1_number = services.format_ak1_number(
            services.office_number_code(seeker.office), key[1], sequence.last_number
        )
    CardSequence.objects.bulk_create(new)
    created = {id(s) for s in new}
    CardSequence.objects.bulk_update(
        [s for s in sequences.values() if id(s) not in created], ["last_number"]
    )
    return list(sequences.values())


def _event(plan: _Plan, kind: str, day: date, detail: dict, occupation_group: str) -> Event:
    placed = kind == EventKind.SEEKER_PLACED
    return ledger.seeker_event(
        plan.seeker,
        kind,
        day,
        recorded_at=timezone.make_aware(datetime.combine(day, time(12, 0))),
        occupation_group=occupation_group,
        industry_section=plan.industry_section if placed else "",
        placement_scope=plan.placement_scope if placed else "",
        employer_type=plan.employer_type if placed else "",
        detail=detail,
    )


# Seekers planned and written per transaction: bounded memory (200,000 seekers' rows would not
# fit), one COPY per table and chunk (placement/demo/bulk.py).
CHUNK = 10_000


def _seed_population(*, count: int, rng: random.Random, stdout) -> int:
    if count <= 0:
        return 0
    existing = JobSeeker.objects.filter(user__isnull=True).count()
    missing = count - existing
    if missing <= 0:
        return 0
    ref = _reference()
    _title_cache.update(
        dict(Occupation.objects.filter(pk__in=list(ref.occupation_code)).values_list("pk", "title"))
    )
    today = timezone.localdate()
    used_niks = set(JobSeeker.objects.exclude(nik=None).values_list("nik", flat=True))
    written = 0
    while written < missing:
        plans: list[_Plan] = []
        while len(plans) < min(CHUNK, missing - written):
            plan = _plan_seeker(rng, ref, today, used_niks)
            if plan is not None:
                plans.append(plan)
        _write_population(plans, ref)
        written += len(plans)
        if missing > CHUNK:
            stdout.write(f"  {written} of {missing} generated seekers written")
    return written


def _write_population(plans: list[_Plan], ref: _Reference) -> None:
    with transaction.atomic():
        _issue_numbers(plans)
        copy_insert(JobSeeker, [p.seeker for p in plans])
        through = JobSeeker.preferred_occupations.through
        educations, experiences, skills, wanted, consents, events = [], [], [], [], [], []
        licences: list[DrivingLicence] = []
        for plan in plans:
            seeker = plan.seeker
            for row in plan.educations:
                row.seeker_id = seeker.pk
                educations.append(row)
            for row in plan.experiences:
                row.seeker_id = seeker.pk
                experiences.append(row)
            skills.extend(SeekerSkill(seeker_id=seeker.pk, skill_id=pk) for pk in plan.skills)
            wanted.extend(through(jobseeker_id=seeker.pk, occupation_id=pk) for pk in plan.wanted)
            consents.append(
                Consent(
                    seeker_id=seeker.pk,
                    version=CURRENT_CONSENT_VERSION,
                    language="id",
                    given_at=plan.consent_at,
                )
            )
            # Drivers hold the licence their wanted job needs (no draw from `rng`).
            codes = {ref.occupation_code[pk] for pk in plan.wanted}
            for code, licence in (("8322", "A"), ("8332", "B1")):
                if code in codes:
                    licences.append(
                        DrivingLicence(
                            seeker_id=seeker.pk,
                            licence_class=licence,
                            valid_until=services.add_months(plan.consent_at.date(), 48)
                            if plan.consent_at
                            else date(2030, 1, 1),
                        )
                    )
                    break
            group = ref.occupation_code[plan.wanted[0]][0] if plan.wanted else ""
            events.extend(
                _event(plan, kind, day, detail, group) for kind, day, detail in plan.events
            )
        for model, rows in (
            (Education, educations),
            (Experience, experiences),
            (SeekerSkill, skills),
            (through, wanted),
            (Consent, consents),
            (DrivingLicence, licences),
        ):
            copy_insert(model, rows)
        chain.seal(Event, events)  # what Event.objects.bulk_create does before inserting
        copy_insert(Event, events)


def seed(*, stdout, options: dict, rng: random.Random) -> None:
    """The two Contract seekers (idempotent) and options["seekers"] generated seekers."""
    created = [s for s in (_seed_contract_seeker(spec) for spec in CONTRACT_SEEKERS) if s]
    generated = _seed_population(count=int(options.get("seekers") or 0), rng=rng, stdout=stdout)
    stdout.write(
        f"Job seekers: {len(created)} demo accounts completed, {generated} generated "
        f"({JobSeeker.objects.count()} in all)"
    )

"""Rows of the office's own template files (employers, vacancies): each checked on its own against
the same rules as the forms, with every problem reported by row and column."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from employers import rules
from employers.import_files import CONTROL
from employers.models import Employer, ImportRun, Vacancy
from placement.accounts.models import User
from placement.registers import services as registers
from placement.taxonomy.credentials import licence_from_text
from placement.taxonomy.models import (
    District,
    EducationLevel,
    Industry,
    Occupation,
    Regency,
    Skill,
)

EMPLOYER_COLUMNS = {
    "required": [
        "name",
        "nib",
        "kbli",
        "ownership",
        "address",
        "regency",
        "contact_name",
        "contact_email",
        "contact_phone",
    ],
    "optional": ["district", "website"],
}
VACANCY_COLUMNS = {
    "required": [
        "employer_nib",
        "title",
        "kbji",
        "headcount",
        "education",
        "valid_from",
        "valid_to",
        "description",
    ],
    "optional": [
        "kbli",
        "experience_months",
        "wage_min",
        "wage_max",
        "regency",
        "scope",
        "country",
        "p3mi_name",
        "job_order_number",
        "age_min",
        "age_max",
        "sex",
        "limits_reason",
        "skills_required",
        "skills_optional",
        "licence",
        "certificate",
        "night_work",
        "hazardous_work",
    ],
}
YES_WORDS = frozenset({"ya", "y", "yes", "1", "true", "benar"})
NO_WORDS = frozenset({"", "tidak", "t", "no", "n", "0", "false"})
COLUMNS = {ImportRun.Kind.EMPLOYERS: EMPLOYER_COLUMNS, ImportRun.Kind.VACANCIES: VACANCY_COLUMNS}
OWNERSHIP_WORDS = {
    "government": "government",
    "pemerintah": "government",
    "instansi pemerintah": "government",
    "bumn_bumd": "bumn_bumd",
    "bumn": "bumn_bumd",
    "bumd": "bumn_bumd",
    "bumn/bumd": "bumn_bumd",
    "cooperative": "cooperative",
    "koperasi": "cooperative",
    "private": "private",
    "swasta": "private",
    "other": "other",
    "lainnya": "other",
    "badan usaha lainnya": "other",
    "individual": "individual",
    "perorangan": "individual",
}
EDUCATION_WORDS = {
    "tidak sekolah": "0000",
    "sd": "1000",
    "smp": "2000",
    "sltp": "2000",
    "sma": "3000",
    "smk": "3000",
    "slta": "3000",
    "sma/smk": "3000",
    "d1": "4100",
    "d2": "4200",
    "d3": "5100",
    "d4": "6100",
    "s1": "6200",
    "s2": "7100",
    "s3": "7200",
}
SEX_WORDS = {
    "": "",
    "l": "L",
    "laki-laki": "L",
    "male": "L",
    "p": "P",
    "perempuan": "P",
    "female": "P",
}


class Row:
    """Collects the errors of one row."""

    def __init__(self, number: int, values: dict[str, str]) -> None:
        self.number = number
        self.values = values
        self.errors: list[list] = []
        # Why the row belongs to another office (set aside in the report, not imported).
        self.set_aside = ""
        self.set_aside_regency = ""  # the place of such a row (its office gets the row)

    def text(self, column: str, *, required: bool = False, max_length: int = 0) -> str:
        value = (self.values.get(column) or "").strip()
        if required and not value:
            self.error(column, _("This column is empty."))
        elif max_length and len(value) > max_length:
            self.error(column, _("Longer than %(n)s characters.") % {"n": max_length})
            return value[:max_length]
        return value

    def integer(
        self, column: str, *, required: bool = False, low: int = 0, high: int = 10**9
    ) -> int | None:
        raw = (self.values.get(column) or "").strip().replace(".", "").replace(" ", "")
        if not raw:
            if required:
                self.error(column, _("This column is empty."))
            return None
        if not raw.isdigit() or not raw.isascii():
            self.error(column, _("Not a whole number."))
            return None
        value = int(raw)
        if not low <= value <= high:
            self.error(column, _("Must be from %(low)s to %(high)s.") % {"low": low, "high": high})
            return None
        return value

    def day(self, column: str, *, required: bool = False) -> date | None:
        raw = (self.values.get(column) or "").strip()
        if not raw:
            if required:
                self.error(column, _("This column is empty."))
            return None
        for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return datetime.strptime(raw[:10], pattern).date()
            except ValueError:
                continue
        self.error(column, _("Not a date: write it as 2026-08-17 or 17/08/2026."))
        return None

    def flag(self, column: str) -> bool:
        """Ya/tidak (yes/no); an empty cell is no."""
        raw = (self.values.get(column) or "").strip().casefold()
        if raw in YES_WORDS:
            return True
        if raw not in NO_WORDS:
            self.error(column, _("Write ya or tidak."))
        return False

    def error(self, column: str, reason: str) -> None:
        value = CONTROL.sub("", self.values.get(column) or "")[:200]
        self.errors.append([self.number, column, reason, value])


def office_of(regency: Regency) -> dict:
    office = getattr(regency, "office", None)
    return {"place": regency.name, "office": office.name if office else regency.name}


class Lookups:
    """Reference data loaded once per import, so rows are checked without queries."""

    def __init__(self) -> None:
        self.industries = {i.code: i for i in Industry.objects.current()}
        self.occupations = {o.code: o for o in Occupation.objects.current().filter(level__gte=4)}
        self.regencies = {r.code: r for r in Regency.objects.select_related("office")}
        self.district_regency = dict(District.objects.values_list("code", "regency_id"))
        levels = list(EducationLevel.objects.all())
        self.education = {level.code: level for level in levels}
        for level in levels:
            self.education.setdefault(level.short_name.lower(), level)
        for word, code in EDUCATION_WORDS.items():
            if code in self.education:
                self.education.setdefault(word, self.education[code])
        self.skills: dict[str, int] = {}
        for pk, uri, label_id, label_en in Skill.objects.values_list(
            "pk", "uri", "label_id", "label_en"
        ):
            self.skills[uri.lower()] = pk
            self.skills.setdefault(label_en.lower(), pk)
            if label_id:
                self.skills.setdefault(label_id.lower(), pk)
        self.employers: dict[str, Employer | None] = {}

    def regency(self, raw: str) -> Regency | None:
        code = raw.strip()
        if re.fullmatch(r"[0-9]{4}", code):
            code = f"{code[:2]}.{code[2:]}"
        return self.regencies.get(code)

    def employer(self, nib: str) -> Employer | None:
        if nib not in self.employers:
            self.employers[nib] = (
                Employer.objects.select_related("regency__office").filter(nib=nib).first()
            )
        return self.employers[nib]


def employer_from_row(row: Row, lookups: Lookups, scope, seen: set[str], by: User):
    nib = row.text("nib", required=True)
    if nib and rules.nib_problem(nib):
        row.error("nib", rules.nib_problem(nib))
    elif nib in seen:
        row.error("nib", _("This NIB is already in an earlier row of the file."))
    elif nib and lookups.employer(nib) is not None:
        row.error("nib", _("A company with this NIB is already registered."))
    industry = lookups.industries.get(row.text("kbli", required=True))
    if industry is None and row.values.get("kbli"):
        row.error("kbli", _("Unknown KBLI 2020 code."))
    raw_ownership = row.text("ownership", required=True).lower()
    ownership = OWNERSHIP_WORDS.get(raw_ownership)
    if ownership is None and raw_ownership:
        row.error(
            "ownership",
            _("Unknown type: use pemerintah, BUMN/BUMD, koperasi, swasta, lainnya or perorangan."),
        )
    regency = lookups.regency(row.text("regency", required=True))
    if regency is None and row.values.get("regency"):
        row.error("regency", _("Unknown regency/city code (write it as 62.71)."))
    elif regency is not None and not scope.contains_regency(regency.code):
        row.set_aside = _("Outside your region: %(place)s (for %(office)s).") % office_of(regency)
        row.set_aside_regency = regency.code
    district_code = row.text("district")
    if district_code:
        if lookups.district_regency.get(district_code) is None:
            row.error("district", _("Unknown district code (write it as 62.71.01)."))
        elif regency is not None and lookups.district_regency[district_code] != regency.code:
            row.error("district", _("This district is not in the regency of the row."))
    email = row.text("contact_email", required=True, max_length=254).lower()
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        row.error("contact_email", _("Not an e-mail address."))
    phone = row.text("contact_phone", required=True, max_length=20)
    if phone and rules.phone_problem(phone):
        row.error("contact_phone", rules.phone_problem(phone))
    website = row.text("website", max_length=200)
    if website and not re.match(r"^https?://", website):
        website = "https://" + website
    name = row.text("name", required=True, max_length=200)
    address = row.text("address", required=True, max_length=255)
    contact_name = row.text("contact_name", required=True, max_length=150)
    if row.errors or row.set_aside:
        return None
    seen.add(nib)
    now = timezone.now()
    # Records of the office's own register: verified by the officer who imports them.
    return Employer(
        name=name,
        nib=nib,
        industry=industry,
        ownership=ownership,
        address=address,
        regency=regency,
        district_id=district_code or None,
        contact_name=contact_name,
        contact_email=email,
        contact_phone=phone,
        website=website,
        status=Employer.Status.VERIFIED,
        verified_by=by,
        verified_at=now,
    )


def _skill_ids(row: Row, column: str, lookups: Lookups) -> list[int]:
    ids = []
    for part in re.split(r"[;|\n]", row.values.get(column) or ""):
        name = part.strip().lower()
        if not name:
            continue
        pk = lookups.skills.get(name)
        if pk is None:
            row.error(column, _("Unknown skill “%(name)s”.") % {"name": part.strip()[:80]})
        elif pk not in ids:
            ids.append(pk)
    return ids[:30]


def vacancy_from_row(row: Row, lookups: Lookups, scope, by: User, today: date):
    nib = row.text("employer_nib", required=True)
    employer = lookups.employer(nib) if nib else None
    if nib and employer is None:
        row.error("employer_nib", _("No registered company has this NIB: import it first."))
    elif employer is not None and not employer.is_verified:
        row.error("employer_nib", _("The company is not verified."))
    title = row.text("title", required=True, max_length=200)
    occupation = lookups.occupations.get(row.text("kbji", required=True))
    if occupation is None and row.values.get("kbji"):
        row.error("kbji", _("Unknown KBJI 2014 code (4 digits, or 6 as 2512.01)."))
    kbli = row.text("kbli")
    industry = lookups.industries.get(kbli) if kbli else getattr(employer, "industry", None)
    if kbli and industry is None:
        row.error("kbli", _("Unknown KBLI 2020 code."))
    headcount = row.integer("headcount", required=True, low=1, high=rules.MAX_HEADCOUNT)
    raw_education = row.text("education", required=True)
    education = lookups.education.get(raw_education.lower())
    if education is None and raw_education:
        row.error("education", _("Unknown education level: use SD, SMP, SMA/SMK, D3, S1..."))
    valid_from = row.day("valid_from", required=True)
    valid_to = row.day("valid_to", required=True)
    description = row.text("description", required=True, max_length=5000)
    scope_value = (row.text("scope") or "AKL").upper()
    if scope_value not in Vacancy.Scope.values:
        row.error("scope", _("Use AKL, AKAD or AKAN."))
        scope_value = "AKL"
    raw_regency = row.text("regency")
    regency = lookups.regency(raw_regency) if raw_regency else None
    if raw_regency and regency is None:
        row.error("regency", _("Unknown regency/city code (write it as 62.71)."))
    location = regency or getattr(employer, "regency", None)
    if location is not None and not scope.contains_regency(location.code):
        row.set_aside = _("Outside your region: %(place)s (for %(office)s).") % office_of(location)
        row.set_aside_regency = location.code
    raw_sex = row.text("sex").lower()
    sex = SEX_WORDS.get(raw_sex)
    if sex is None:
        row.error("sex", _("Use L or P, or leave it empty."))
        sex = ""
    licence = licence_from_text(row.text("licence"))
    if licence is None:
        row.error("licence", _("Unknown driving licence class: write for example SIM B1."))
        licence = ""
    values = {
        "title": title,
        "headcount": headcount,
        "min_experience_months": row.integer("experience_months", high=rules.MAX_EXPERIENCE_MONTHS)
        or 0,
        "wage_min": row.integer("wage_min", high=rules.MAX_WAGE),
        "wage_max": row.integer("wage_max", high=rules.MAX_WAGE),
        "age_min": row.integer("age_min", low=rules.MIN_AGE, high=rules.MAX_AGE),
        "age_max": row.integer("age_max", low=rules.MIN_AGE, high=rules.MAX_AGE),
        "sex": sex,
        "limits_reason": row.text("limits_reason", max_length=255),
        "scope": scope_value,
        "regency_id": regency.code if regency else None,
        "country": row.text("country", max_length=100),
        "p3mi_name": row.text("p3mi_name", max_length=200),
        "job_order_number": row.text("job_order_number", max_length=100),
        "valid_from": valid_from,
        "valid_to": valid_to,
        "required_licence": licence,
        "required_certificate": row.text("certificate", max_length=200),
        "night_work": row.flag("night_work"),
        "hazardous_work": row.flag("hazardous_work"),
    }
    for field, message in rules.vacancy_problems(values, today=today).items():
        column = {"required_licence": "licence", "required_certificate": "certificate"}.get(
            field, field
        )
        if not any(error[1] == column for error in row.errors):
            row.error(column, message)
    job_order = None
    if scope_value == Vacancy.Scope.AKAN and values["job_order_number"] and not row.errors:
        # Work abroad only under a valid SIP2MI of the register (UU 18/2017).
        problems = registers.job_order_problems(
            number=values["job_order_number"],
            country=values["country"],
            occupation_code=occupation.code if occupation else "",
            today=today,
        )
        for column, message in problems.items():
            row.error({"occupation": "kbji"}.get(column, column), message)
        job_order = registers.find_job_order(values["job_order_number"])
        if job_order is not None:
            values["p3mi_name"] = job_order.agency.name
    required_skills = _skill_ids(row, "skills_required", lookups)
    optional_skills = [
        pk for pk in _skill_ids(row, "skills_optional", lookups) if pk not in required_skills
    ]
    if row.errors or row.set_aside:
        return None
    values.pop("regency_id")
    now = timezone.now()
    vacancy = Vacancy(
        employer=employer,
        occupation=occupation,
        industry=industry,
        min_education=education,
        regency=regency,
        description=description,
        is_overseas=scope_value == Vacancy.Scope.AKAN,
        job_order=job_order,
        status=Vacancy.Status.PUBLISHED,
        created_by=by,
        submitted_at=now,
        verified_by=by,
        published_at=now,
        **values,
    )
    vacancy._import_skills = (required_skills, optional_skills)
    return vacancy


def template_csv(kind: str) -> str:
    """An empty file with the column names (required first) and one example row."""
    columns = COLUMNS[kind]["required"] + COLUMNS[kind]["optional"]
    examples = {
        ImportRun.Kind.EMPLOYERS: {
            "name": "PT Contoh Sejahtera",
            "nib": "1234567890123",
            "kbli": "47111",
            "ownership": "swasta",
            "address": "Jl. Contoh No. 1",
            "regency": "62.71",
            "contact_name": "Nama Narahubung",
            "contact_email": "hrd@contoh.co.id",
            "contact_phone": "0536 3221234",
        },
        ImportRun.Kind.VACANCIES: {
            "employer_nib": "1234567890123",
            "title": "Kasir",
            "kbji": "5230",
            "headcount": "2",
            "education": "SMA/SMK",
            "valid_from": "2026-08-01",
            "valid_to": "2026-09-30",
            "description": "Melayani pembayaran pelanggan.",
            "wage_min": "3400000",
            "wage_max": "3800000",
            "regency": "62.71",
            "scope": "AKL",
            "skills_required": "Memproses pembayaran; Menghitung uang",
        },
    }[kind]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerow([examples.get(column, "") for column in columns])
    return buffer.getvalue()

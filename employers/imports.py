"""Bulk import of employers and vacancies from CSV or XLSX (legacy spreadsheets of the offices).

The file is streamed (csv.reader, openpyxl read-only), each row validated on its own against the
same rules as the forms, and the good rows written in batches. Every bad row is reported with its
row number, column and reason. Policies: skip the bad rows, or import nothing if any row is bad.

Size: reading, validating and writing one file format belong together; the column rules are
the bulk of it.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import logging
import re
import time
import uuid
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers import import_mapping, rules
from employers.models import Employer, ImportProfile, ImportRun, Vacancy, VacancySkill
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.accounts.scope import region_scope
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.offices.activity import record_activity
from placement.offices.models import Activity
from placement.registers import services as registers
from placement.taxonomy.models import (
    District,
    EducationLevel,
    Industry,
    Occupation,
    Regency,
    Skill,
)
from placement.taxonomy.text import occupations as occupation_coder
from placement.taxonomy.text import places as place_coder
from placement.taxonomy.text import skills as skill_coder
from placement.taxonomy.text import wages as wage_coder
from placement.taxonomy.text.normalize import fold

BATCH = 1000
# NUL and the other control characters (tab, line feed and carriage return are allowed in cells).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
logger = logging.getLogger(__name__)
# A mapped row whose KBJI or place is coded below this confidence goes to the review queue.
REVIEW_THRESHOLD = 0.6
SKILL_TEXT = 2500  # characters of a description searched for skills
NATIONAL_HOME = "31.71"  # home of a job-board employer of unknown place, for a national officer
COMPANY_WORDS = {"pt", "cv", "tbk", "persero", "ud", "pd", "fa", "yayasan", "koperasi"}
EMPTY_WORDS = {"", "n/a", "na", "-", "none", "null", "nan", "tidak ada"}
MAX_REPORTED_ERRORS = 100_000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

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
    ],
}
COLUMNS = {ImportRun.Kind.EMPLOYERS: EMPLOYER_COLUMNS, ImportRun.Kind.VACANCIES: VACANCY_COLUMNS}
# Column names of older spreadsheets (Indonesian) that mean the same.
ALIASES = {
    "nama": "name",
    "nama_perusahaan": "name",
    "alamat": "address",
    "kab_kota": "regency",
    "kabupaten_kota": "regency",
    "kode_wilayah": "regency",
    "kecamatan": "district",
    "kepemilikan": "ownership",
    "narahubung": "contact_name",
    "email": "contact_email",
    "telepon": "contact_phone",
    "nib_perusahaan": "employer_nib",
    "jabatan": "title",
    "judul": "title",
    "kode_kbji": "kbji",
    "kode_kbli": "kbli",
    "jumlah": "headcount",
    "pendidikan": "education",
    "mulai": "valid_from",
    "sampai": "valid_to",
    "deskripsi": "description",
    "pengalaman_bulan": "experience_months",
    "upah_min": "wage_min",
    "upah_maks": "wage_max",
    "lokasi": "regency",
    "jenis_kelamin": "sex",
}
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


class ImportFileError(Exception):
    """The file as a whole cannot be read (not a row problem)."""


def neutralise(value: object) -> str:
    """A cell value safe to open in a spreadsheet: formulas are turned into text."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


# --- Reading --------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(names: list[object]) -> list[str]:
    result = []
    for name in names:
        key = re.sub(r"[^a-z0-9/]+", "_", _cell(name).lower()).strip("_")
        result.append(ALIASES.get(key, key))
    return result


def file_header(names: list[object]) -> list[str]:
    """A file's column names as the importer reads them (normalised, old aliases applied)."""
    return _header(names)


def detect_encoding(path: Path) -> str:
    """UTF-16 (by its byte-order mark or its zero bytes), else UTF-8 if the WHOLE file decodes
    as UTF-8 (an accented byte may come after any number of plain ASCII rows), else cp1252
    (Excel's "CSV" on Indonesian Windows)."""
    with open(path, "rb") as raw:
        head = raw.read(4096)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        even, odd = head[0::2], head[1::2]
        if len(head) >= 4 and odd.count(0) > len(odd) // 2 and not even.count(0):
            return "utf-16-le"
        if len(head) >= 4 and even.count(0) > len(even) // 2 and not odd.count(0):
            return "utf-16-be"
        raw.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            for chunk in iter(lambda: raw.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def _csv_rows(path: Path) -> Iterator[list[str]]:
    encoding = detect_encoding(path)
    with open(path, encoding=encoding, errors="replace", newline="") as handle:
        first_line = handle.readline()
        delimiter = max((",", ";", "\t"), key=first_line.count)
        handle.seek(0)
        yield from csv.reader(handle, delimiter=delimiter)


def check_xlsx_container(path: Path) -> None:
    """Refuse an XLSX that would expand beyond IMPORT_MAX_UNCOMPRESSED_BYTES (a zip bomb, a huge
    shared-strings part) or that declares XML entities (billion laughs, external entities), before
    openpyxl parses any of it."""
    limit = int(getattr(settings, "IMPORT_MAX_UNCOMPRESSED_BYTES", 100 * 1024 * 1024))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(_("The XLSX file cannot be read.")) from exc
    with archive:
        members = archive.infolist()
        declared = sum(member.file_size for member in members)
        if declared > limit or len(members) > 10_000:
            raise ImportFileError(_("The XLSX file is too large once unpacked."))
        seen = 0
        for member in members:
            if not member.filename.endswith((".xml", ".rels")):
                continue
            tail = b""
            with archive.open(member) as part:
                # Read what is really there: the sizes in a zip's directory can lie.
                for chunk in iter(lambda part=part: part.read(1 << 16), b""):
                    seen += len(chunk)
                    if seen > limit:
                        raise ImportFileError(_("The XLSX file is too large once unpacked."))
                    window = (tail + chunk).upper()
                    if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                        raise ImportFileError(
                            _("The XLSX file declares XML entities, which are not accepted.")
                        )
                    tail = chunk[-16:]


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    import openpyxl

    check_xlsx_container(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(_("The XLSX file cannot be read.")) from exc
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [_cell(value) for value in row]
    finally:
        workbook.close()


def read_rows(path: Path, file_name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(spreadsheet row number, {column: text}) for every non-empty data row."""
    rows = _xlsx_rows(path) if file_name.lower().endswith(".xlsx") else _csv_rows(path)
    header: list[str] | None = None
    for number, row in enumerate(rows, start=1):
        if header is None:
            header = _header(list(row))
            yield 1, {"__header__": header}
            continue
        cells = [_cell(value) for value in row]
        if not any(cells):
            continue
        yield number, dict(zip(header, cells, strict=False))


# --- Validation -----------------------------------------------------------------------------------


class _Row:
    """Collects the errors of one row."""

    def __init__(self, number: int, values: dict[str, str]) -> None:
        self.number = number
        self.values = values
        self.errors: list[list] = []

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

    def error(self, column: str, reason: str) -> None:
        value = _CONTROL.sub("", self.values.get(column) or "")[:200]
        self.errors.append([self.number, column, reason, value])


class _Lookups:
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


def _employer_from_row(row: _Row, lookups: _Lookups, scope, seen: set[str], by: User):
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
        row.error("regency", _("Outside your office's region."))
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
    if row.errors:
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


def _skill_ids(row: _Row, column: str, lookups: _Lookups) -> list[int]:
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


def _vacancy_from_row(row: _Row, lookups: _Lookups, scope, by: User, today: date):
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
        row.error("regency", _("Outside your office's region."))
    raw_sex = row.text("sex").lower()
    sex = SEX_WORDS.get(raw_sex)
    if sex is None:
        row.error("sex", _("Use L or P, or leave it empty."))
        sex = ""
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
    }
    for column, message in rules.vacancy_problems(values, today=today).items():
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
    if row.errors:
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


# --- Files in other shapes (column mapping) -------------------------------------------------------


def company_key(name: str) -> str:
    """A company name compared across files: folded, without PT/CV/Tbk."""
    return " ".join(w for w in fold(name).split() if w not in COMPANY_WORDS)


def _blank(value: str) -> bool:
    return (value or "").strip().lower() in EMPTY_WORDS


def _loose_day(raw: str) -> date | None:
    raw = (raw or "").strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(raw[:10], pattern).date()
        except ValueError:
            continue
    return None


def _amount(raw: str) -> int | None:
    digits = re.sub(r"[^0-9]", "", (raw or "").split(",")[0])
    if not digits:
        return None
    value = int(digits)
    return value if 0 < value <= rules.MAX_WAGE else None


class _Mapped:
    """Codes the rows of a mapped file and finds or creates their employers."""

    def __init__(self, run: ImportRun, mapping: dict, defaults: dict, lookups, scope, today):
        self.run, self.mapping, self.lookups, self.scope, self.today = (
            run,
            mapping,
            lookups,
            scope,
            today,
        )
        self.defaults = {**import_mapping.DEFAULTS, **(defaults or {})}
        self.by_nib: dict[str, Employer] = {}
        self.by_name: dict[str, list[Employer]] = {}
        for employer in Employer.objects.only(
            "id", "name", "nib", "regency_id", "status", "industry_id"
        ):
            if employer.nib:
                self.by_nib[employer.nib] = employer
            self.by_name.setdefault(company_key(employer.name), []).append(employer)
        self.skill_pks = lookups.skills
        self.pending: list[Employer] = []  # new employers not yet written

    def get(self, row: _Row, field: str) -> str:
        column = self.mapping.get(field)
        value = (row.values.get(column) or "").strip() if column else ""
        return "" if _blank(value) else value

    def fallback_regency(self, place) -> str | None:
        if place is not None and place.province_code:
            codes = sorted(
                c for c in self.lookups.regencies if c.startswith(place.province_code + ".")
            )
            city = f"{place.province_code}.71"
            return city if city in self.lookups.regencies else (codes[0] if codes else None)
        codes = sorted(self.scope.regency_codes) if self.scope.regency_codes else []
        if not codes and self.scope.province_codes:
            province = sorted(self.scope.province_codes)[0]
            codes = sorted(c for c in self.lookups.regencies if c.startswith(province + "."))
        if not codes and self.scope.everything and NATIONAL_HOME in self.lookups.regencies:
            codes = [NATIONAL_HOME]
        return codes[0] if codes else None

    def employer(
        self, row: _Row, name: str, nib: str, regency: str | None, place
    ) -> Employer | None:
        if nib and nib in self.by_nib:
            return self.by_nib[nib]
        key = company_key(name)
        candidates = self.by_name.get(key, [])
        if regency:
            same_place = [e for e in candidates if e.regency_id == regency]
            if same_place:
                return same_place[0]
        if len(candidates) == 1 or (candidates and not regency):
            return candidates[0]
        home = regency or self.fallback_regency(place)
        if home is None:
            row.error(self.mapping.get("location", "location"), _("No place for the employer."))
            return None
        # Written with the batch of its vacancies (one insert for all new employers).
        employer = Employer(
            name=name[:200],
            nib=nib if nib and not rules.nib_problem(nib) else None,
            origin=Employer.Origin.JOB_BOARD,
            ownership=Employer.Ownership.PRIVATE,
            address="",
            regency_id=home,
            contact_name="",
            contact_email="",
            contact_phone="",
            status=Employer.Status.PENDING,
        )
        if employer.nib:
            self.by_nib[employer.nib] = employer
        self.by_name.setdefault(key, []).append(employer)
        self.pending.append(employer)
        return employer

    def vacancy(self, row: _Row, by: User) -> Vacancy | None:
        title = self.get(row, "title")[:200]
        if not title:
            row.error(self.mapping.get("title", "title"), _("This column is empty."))
            return None
        company = self.get(row, "company")
        nib = self.get(row, "employer_nib")
        if not company and not (nib and nib in self.by_nib):
            row.error(self.mapping.get("company", "company"), _("No company name."))
            return None
        description = self.get(row, "description")[:5000]
        coding: dict = {}
        review: list[str] = []
        # Place
        location = self.get(row, "location")
        place = None
        regency = None
        place_confidence = 0.0
        if location:
            found = place_coder.resolve(location, context=description[:500], limit=3)
            if found:
                place = found[0].place
                regency = place.regency_code or None
                if regency not in self.lookups.regencies:
                    regency = None
                place_confidence = found[0].score
            coding["regency"] = {
                "text": location[:200],
                "value": regency,
                "place": place.code if place else None,
                "confidence": round(place_confidence, 3),
                "alternatives": [r.place.code for r in found[1:]],
            }
            if place_confidence < REVIEW_THRESHOLD:
                review.append("regency")
        if regency and not self.scope.contains_regency(regency):
            row.error(self.mapping.get("location", "location"), _("Outside your office's region."))
            return None
        # Occupation
        kbji = self.get(row, "kbji")
        occupation = self.lookups.occupations.get(kbji) if kbji else None
        if occupation is not None:
            coding["kbji"] = {"text": kbji, "value": occupation.code, "confidence": 1.0}
        else:
            found = occupation_coder.suggest_occupations(
                title, description=description[:1500], limit=3
            )
            top = found[0] if found else None
            occupation = self.lookups.occupations.get(top.code) if top else None
            confidence = round(top.score, 3) if top else 0.0
            coding["kbji"] = {
                "text": title,
                "value": occupation.code if occupation else None,
                "confidence": confidence,
                "alternatives": [s.code for s in found[1:]],
            }
            if occupation is None or confidence < REVIEW_THRESHOLD:
                review.append("kbji")
        # Skills: the skills column and the description; unknown words kept for review.
        skill_text = self.get(row, "skills")
        skill_text = re.sub(r"[\[\]'\"]", " ", skill_text)
        # The head of the description names the skills; its tail is benefits and how to apply.
        head = description[:SKILL_TEXT]
        extraction = skill_coder.extract(f"{skill_text}\n{head}" if skill_text else head)
        skill_ids: list[int] = []
        for uri in extraction.uris:
            pk = self.skill_pks.get(uri.lower())
            if pk is not None and pk not in skill_ids:
                skill_ids.append(pk)
        coding["skills"] = {
            "text": skill_text[:500],
            "value": extraction.uris[:30],
            "unknown": extraction.unknown[:30],
        }
        # Wage
        wage_min = _amount(self.get(row, "wage_min"))
        wage_max = _amount(self.get(row, "wage_max"))
        wage_text = self.get(row, "wage")
        if wage_text and wage_min is None:
            wage = wage_coder.parse_wage(wage_text)
            wage_min = wage.min if wage.min and wage.min <= rules.MAX_WAGE else None
            wage_max = wage.max if wage.max and wage.max <= rules.MAX_WAGE else None
            coding["wage"] = {"text": wage_text[:200], "value": wage.as_dict()}
        if wage_min and wage_max and wage_max < wage_min:
            wage_max = None
        # Education
        education = None
        raw_education = self.get(row, "education")
        if raw_education:
            education = self.lookups.education.get(raw_education.lower())
        for column, code in self.mapping.get("education_flags", []):
            flag = (row.values.get(column) or "").strip().lower()
            known = flag in ("1", "true") and code in self.lookups.education
            if known and (education is None or code < education.code):
                education = self.lookups.education[code]
        # Dates: the ad's own, else the defaults; an ad dated in the past is kept for review.
        posted = _loose_day(self.get(row, "posted"))
        valid_from = posted or self.today
        valid_to = _loose_day(self.get(row, "valid_to"))
        if valid_to is None or valid_to < valid_from:
            valid_to = valid_from + timedelta(days=int(self.defaults["valid_days"]))
        if valid_to < self.today:
            review.append("valid_to")
        headcount = row.integer("headcount") if self.mapping.get("headcount") else None
        row.errors = [e for e in row.errors if e[1] != "headcount"]
        headcount = min(headcount or int(self.defaults["headcount"]), rules.MAX_HEADCOUNT)
        external_id = self.get(row, "external_id")[:100]
        link = self.get(row, "link")[:500]
        if link and not re.match(r"^https?://", link):
            link = ""
        if external_id:
            source_key = f"id:{self.run.profile_id or self.run.file_name}:{external_id}"
        elif link:
            source_key = f"url:{link}"
        else:
            source_key = f"row:{self.run.file_name}:{row.number}"
        employer = self.employer(row, company, nib, regency, place)
        if employer is None:
            return None
        if regency is None and "regency" not in review:
            review.append("regency")  # no regency/city: the officer places it
        now = timezone.now()
        coding["confidence"] = min(
            coding["kbji"]["confidence"],
            coding.get("regency", {}).get("confidence", 1.0),
        )
        coding["review"] = review
        vacancy = Vacancy(
            employer=employer,
            title=title,
            occupation=occupation,
            industry_id=employer.industry_id,
            min_education=education,
            regency_id=regency,
            description=description,
            headcount=headcount,
            wage_min=wage_min,
            wage_max=wage_max,
            valid_from=valid_from,
            valid_to=valid_to,
            employment_type=import_mapping.employment_type(self.get(row, "employment_type"))
            or self.defaults.get("employment_type", ""),
            scope=Vacancy.Scope.AKL,
            status=Vacancy.Status.SUBMITTED,
            created_by=by,
            submitted_at=now,
            import_run=self.run,
            source_key=source_key[:300],
            source_file=self.run.file_name[:255],
            source_row=row.number,
            external_id=external_id,
            source_url=link,
            coding=coding,
            needs_review=bool(review),
        )
        vacancy._import_skills = (skill_ids[:30], [])
        return vacancy


UPDATED_FIELDS = [
    "title",
    "occupation",
    "industry",
    "min_education",
    "regency",
    "description",
    "headcount",
    "wage_min",
    "wage_max",
    "valid_from",
    "valid_to",
    "employment_type",
    "import_run",
    "source_file",
    "source_row",
    "external_id",
    "source_url",
    "coding",
    "needs_review",
]


def _write_mapped(batch: list[Vacancy]) -> tuple[int, int]:
    """Create new vacancies, update those imported before (same source); (created, updated)."""
    unique: dict[str, Vacancy] = {}
    for vacancy in batch:
        unique[vacancy.source_key] = vacancy  # the later row of the same ad wins
    existing = {
        v.source_key: v
        for v in Vacancy.objects.filter(source_key__in=list(unique)).only("id", "source_key")
    }
    new, changed = [], []
    for key, vacancy in unique.items():
        if key in existing:
            vacancy.pk = existing[key].pk
            changed.append(vacancy)
        else:
            new.append(vacancy)
    if new:
        Vacancy.objects.bulk_create(new, batch_size=BATCH)
    if changed:
        Vacancy.objects.bulk_update(changed, UPDATED_FIELDS, batch_size=BATCH)
        VacancySkill.objects.filter(vacancy__in=changed).delete()
    skills = []
    for vacancy in new + changed:
        required, _optional = vacancy._import_skills
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=True) for pk in required]
    VacancySkill.objects.bulk_create(skills, batch_size=BATCH)
    # A row repeating an ad of the same batch (same id or link) updated that ad.
    return len(new), len(changed) + len(batch) - len(unique)


def choose_mapping(
    run: ImportRun, header: list[str], sample: list[tuple[int, dict]]
) -> tuple[dict, dict]:
    """The run's own mapping, else a saved profile for these headers, else a suggestion."""
    if run.mapping:
        return run.mapping, run.profile.defaults if run.profile else {}
    profile = run.profile or import_mapping.pick_profile(header)
    if profile is not None:
        run.profile = profile
        return profile.mapping, profile.defaults
    rows = [[values.get(name, "") for name in header] for _number, values in sample]
    return import_mapping.suggest(header, rows), {}


# --- Writing --------------------------------------------------------------------------------------


def _write_employers(batch: list[Employer]) -> None:
    Employer.objects.bulk_create(batch, batch_size=BATCH)


def _write_vacancies(batch: list[Vacancy], today: date) -> None:
    Vacancy.objects.bulk_create(batch, batch_size=BATCH)
    if batch[0].pk is None:  # a database that does not return ids from bulk inserts
        raise ImportFileError("The database did not return the new ids.")
    skills = []
    events = []
    for vacancy in batch:
        required, optional = vacancy._import_skills
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=True) for pk in required]
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=False) for pk in optional]
        # Imported vacancies are verified by the importing officer: registered today.
        events.append(
            ledger.vacancy_event(
                EventKind.VACANCY_REGISTERED,
                vacancy,
                quantity=vacancy.headcount,
                occurred_on=today,
            )
        )
    VacancySkill.objects.bulk_create(skills, batch_size=BATCH)
    Event.objects.bulk_create(events, batch_size=BATCH)


def _missing_columns(kind: str, header: list[str]) -> list[str]:
    return [column for column in COLUMNS[kind]["required"] if column not in header]


def run_import(run: ImportRun) -> ImportRun:
    """Read, check and write one uploaded file; the run records counts and every bad row.

    Restartable: the rows are written in one transaction, so a worker killed midway leaves
    nothing behind (no half file); the run stays "running" with its file kept, and the
    redelivered task does it again from the start. The run's row is locked while it is worked
    on, so a duplicate delivery at the same time skips it.
    """
    started = time.monotonic()
    active = [ImportRun.Status.PENDING, ImportRun.Status.RUNNING]
    with transaction.atomic():
        claimed = _lock_run(run.pk, active)
        if claimed is None:
            return run
        claimed.status = ImportRun.Status.RUNNING
        claimed.save(update_fields=["status"])
    with transaction.atomic():
        claimed = _lock_run(run.pk, [ImportRun.Status.RUNNING])
        if claimed is None:
            return run
        run = _import_locked(claimed, started)
    upload_path(run).unlink(missing_ok=True)  # only once the outcome is committed
    return run


def _lock_run(pk: int, statuses: list[str]) -> ImportRun | None:
    return (
        ImportRun.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("uploaded_by")
        .filter(pk=pk, status__in=statuses)
        .first()
    )


def upload_path(run: ImportRun) -> Path:
    return upload_dir() / run.stored_name


def _import_locked(run: ImportRun, started: float) -> ImportRun:
    path = upload_path(run)
    by = run.uploaded_by
    scope = region_scope(by)
    today = timezone.localdate()
    errors: list[list] = []
    failed = imported = total = updated = review = 0
    try:
        lookups = _Lookups()
        seen: set[str] = set()
        mapped: _Mapped | None = None
        with transaction.atomic():
            batch: list = []
            rows = read_rows(path, run.file_name)
            for number, values in rows:
                if number == 1:
                    header = values["__header__"]
                    missing = _missing_columns(run.kind, header)
                    if missing and run.kind == ImportRun.Kind.VACANCIES:
                        # Another shape (a job board's export...): map its columns.
                        sample = list(itertools.islice(rows, import_mapping.SAMPLE_ROWS))
                        mapping, defaults = choose_mapping(run, header, sample)
                        if not mapping.get("title"):
                            raise ImportFileError(_("No column of the file holds the job title."))
                        run.mapping = {**mapping, "__header__": header}
                        mapped = _Mapped(run, mapping, defaults, lookups, scope, today)
                        rows = itertools.chain(sample, rows)
                    elif missing:
                        raise ImportFileError(
                            _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}
                        )
                    break
            for number, values in rows:
                total += 1
                row = _Row(number, values)
                for column, value in values.items():
                    if isinstance(value, str) and _CONTROL.search(value):
                        row.error(column, _("Contains control characters (such as NUL)."))
                if row.errors:
                    failed += 1
                    if len(errors) < MAX_REPORTED_ERRORS:
                        errors.extend(row.errors)
                    continue
                if mapped is not None:
                    item = mapped.vacancy(row, by)
                elif run.kind == ImportRun.Kind.EMPLOYERS:
                    item = _employer_from_row(row, lookups, scope, seen, by)
                else:
                    item = _vacancy_from_row(row, lookups, scope, by, today)
                if row.errors or item is None:
                    failed += 1
                    if len(errors) < MAX_REPORTED_ERRORS:
                        errors.extend(row.errors)
                    continue
                if mapped is not None and item.needs_review:
                    review += 1
                    if len(errors) < MAX_REPORTED_ERRORS:
                        errors.extend(
                            [
                                number,
                                field,
                                _("To review"),
                                str(item.coding.get(field, {}).get("text", ""))[:200],
                            ]
                            for field in item.coding["review"]
                        )
                batch.append(item)
                if len(batch) >= BATCH:
                    created, changed = _flush_any(run.kind, batch, today, mapped)
                    imported, updated = imported + created, updated + changed
                    batch = []
            if batch:
                created, changed = _flush_any(run.kind, batch, today, mapped)
                imported, updated = imported + created, updated + changed
            if failed and run.policy == ImportRun.Policy.ALL_OR_NOTHING:
                transaction.set_rollback(True)
                imported = updated = review = 0
    except ImportFileError as problem:
        run.status = ImportRun.Status.FAILED
        run.message = str(problem)[:255]
    except (OSError, UnicodeError, csv.Error):
        run.status = ImportRun.Status.FAILED
        run.message = _("The file cannot be read: save it again as CSV (UTF-8) or XLSX.")
    except (OperationalError, InterfaceError):
        raise  # the database went away: the run stays "running" for the redelivered task
    except Exception:
        # Anything else ends the run: an office must never watch "running" forever.
        logger.exception("Import run %s failed", run.pk)
        run.status = ImportRun.Status.FAILED
        run.message = _("The import stopped because of an unexpected error; nothing was saved.")
        failed = imported = 0
    else:
        run.status = ImportRun.Status.DONE
        if failed and run.policy == ImportRun.Policy.ALL_OR_NOTHING:
            run.message = _("Nothing was imported because some rows have errors.")
    run.rows_total, run.rows_imported, run.rows_failed = total, imported, failed
    run.rows_updated, run.rows_review = updated, review
    run.errors = errors
    run.seconds = round(time.monotonic() - started, 2)
    run.finished_at = timezone.now()
    run.save()
    audit(
        actor=by,
        action="create",
        obj=run,
        kind=run.kind,
        imported=imported,
        failed=failed,
    )
    return run


def _flush(kind: str, batch: list, today: date) -> int:
    if kind == ImportRun.Kind.EMPLOYERS:
        _write_employers(batch)
    else:
        _write_vacancies(batch, today)
    return len(batch)


def _flush_any(kind: str, batch: list, today: date, mapped) -> tuple[int, int]:
    """(created, updated) for one batch of a template file or a mapped one."""
    if mapped is None:
        return _flush(kind, batch, today), 0
    if mapped.pending:
        Employer.objects.bulk_create(mapped.pending, batch_size=BATCH)
        mapped.pending = []
    for vacancy in batch:
        vacancy.employer = vacancy.employer  # take the id of an employer written just now
    return _write_mapped(batch)


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@transaction.atomic
@transaction.atomic
def start_import(*, kind: str, policy: str, upload, by: User) -> ImportRun:
    """Store the uploaded file under a generated name and queue the import (the officer's
    data-import activity, one per file)."""
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    stored_name = f"{uuid.uuid4().hex}{suffix}"
    with open(upload_dir() / stored_name, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    run = ImportRun.objects.create(
        kind=kind,
        policy=policy,
        file_name=Path(upload.name).name[:255],
        stored_name=stored_name,
        uploaded_by=by,
    )
    record_activity(user=by, kind=Activity.Kind.IMPORT, subject=run, what=kind)
    from employers.tasks import run_import as run_import_task  # Celery cycle: tasks import us

    transaction.on_commit(lambda: run_import_task.delay(run.pk))
    return run


def save_run_profile(*, run: ImportRun, name: str, by: User) -> ImportProfile:
    """Save the column mapping of `run` as a named profile for files with the same columns."""
    header = run.mapping.get("__header__") or (run.profile.headers if run.profile else [])
    profile = import_mapping.save_profile(name, header, run.mapping, None, by)
    run.profile = profile
    run.save(update_fields=["profile"])
    audit(actor=by, action="create", obj=profile, name=name)
    return profile


def review_queue(user):
    """Imported vacancies whose coding waits for the officer, in the officer's region."""
    return (
        Vacancy.objects.in_scope(region_scope(user))
        .filter(needs_review=True)
        .select_related("employer", "occupation", "regency")
        .order_by("title", "id")
    )


@transaction.atomic
def confirm_review(*, vacancy_ids: list[int], by: User) -> int:
    """The officer confirms the coding of these vacancies (several at once): out of review."""
    chosen = list(review_queue(by).filter(pk__in=vacancy_ids).select_related(None).only("pk"))
    Vacancy.objects.filter(pk__in=[v.pk for v in chosen]).update(
        needs_review=False, updated_at=timezone.now()
    )
    for vacancy in chosen:
        audit(actor=by, action="update", obj=vacancy, review="confirmed")
    return len(chosen)


def error_report_csv(run: ImportRun) -> str:
    """The error report as CSV text (row, column, reason, value), safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("row"), _("column"), _("reason"), _("value")])
    for row, column, reason, value in run.errors:
        writer.writerow([row, neutralise(column), neutralise(reason), neutralise(value)])
    return buffer.getvalue()


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

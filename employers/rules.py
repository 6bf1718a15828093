"""Rules of the vacancy report (AK/III, Perpres 57/2023 Art. 5), shared by forms, API and imports.

Each function takes plain values and returns {field: message}; an empty dict means "fine".
Forms, serializers and the importer call the same functions, so a rule is written once.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext as _

from employers.models import Employer
from placement.taxonomy.credentials import Language, LanguageLevel, LicenceClass, scheme_key

# ASCII digits only ([0-9], not \d): full-width and other Unicode digits are not digits here.
NIB_PATTERN = r"^[0-9]{13}$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ().-]{6,19}$"
REGENCY_CODE_PATTERN = r"^[0-9]{2}\.[0-9]{2}$"
DISTRICT_CODE_PATTERN = r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$"
KBJI_CODE_PATTERN = r"^[0-9]{1,4}(\.[0-9]{2})?$"
KBLI_CODE_PATTERN = r"^([A-U]|[0-9]{2,5})$"
EDUCATION_CODE_PATTERN = r"^[0-9]{4}$"

# A vacancy report stays open at most a year; the employer reports again after that.
MAX_VALIDITY_DAYS = 365
# Working age: UU 13/2003 lets no one under 15 work; 18 is the age for full-time work.
MIN_AGE = 15
MAX_AGE = 70
MAX_HEADCOUNT = 10_000
MAX_WAGE = 1_000_000_000
MAX_EXPERIENCE_MONTHS = 600

_NIB = re.compile(NIB_PATTERN, re.ASCII)
_PHONE = re.compile(PHONE_PATTERN, re.ASCII)


def nib_problem(nib: str) -> str:
    """The NIB (Nomor Induk Berusaha from OSS) is exactly 13 digits."""
    if not _NIB.fullmatch(nib or ""):
        return _("Enter the 13 digits of the NIB, without spaces.")
    return ""


_NIK = re.compile(r"^[0-9]{16}$", re.ASCII)


def identity_problems(kind: str, nib: str, identifier: str, ownership: str) -> dict[str, str]:
    """Who the employer is, by kind: NIB for companies only; another identifier for the rest.

    Perpres 57/2023 binds every employer (pemberi kerja) to report vacancies; only businesses
    have an NIB from OSS. Government bodies give their unit code (kode satker), foundations and
    associations their Kemenkumham decree (AHU) number, individuals and households their NIK.
    """

    problems: dict[str, str] = {}
    if kind == Employer.Kind.COMPANY:
        problem = nib_problem(nib)
        if problem:
            problems["nib"] = problem
        if ownership and ownership not in Employer.COMPANY_OWNERSHIPS:
            problems["ownership"] = _("Choose the type of company.")
        return problems
    if nib:
        problems["nib"] = _("Only a company has an NIB; leave it empty.")
    identifier = (identifier or "").strip()
    if not identifier:
        problems["identifier"] = {
            Employer.Kind.GOVERNMENT: _("Enter the unit code (kode satker) of the office."),
            Employer.Kind.FOUNDATION: _("Enter the number of the Kemenkumham decree (AHU)."),
            Employer.Kind.INDIVIDUAL: _("Enter your NIK (16 digits)."),
        }.get(kind, _("Enter the identifier."))
    elif kind == Employer.Kind.INDIVIDUAL and not _NIK.fullmatch(identifier):
        problems["identifier"] = _("Enter your NIK: 16 digits, without spaces.")
    return problems


def phone_problem(phone: str) -> str:
    if not _PHONE.fullmatch(phone or ""):
        return _("Enter a phone number with 7 to 20 digits, for example 0536 3221234.")
    return ""


def wage_problems(wage_min: int | None, wage_max: int | None) -> dict[str, str]:
    """A wage is required (Perpres 57/2023 Art. 5 lists it): at least the lowest monthly wage.

    "Negotiable" (nego, dirahasiakan, kompetitif) is not a wage: the form takes rupiah only.
    """
    if not wage_min:
        return {
            "wage_min": _(
                "Enter the lowest monthly wage in rupiah: the vacancy report must state the "
                "wage, and “negotiable” is not a wage."
            )
        }
    if wage_min is not None and wage_max is not None and wage_min > wage_max:
        return {"wage_max": _("The highest wage must be at least the lowest wage.")}
    return {}


def limits_problems(
    age_min: int | None, age_max: int | None, sex: str, reason: str
) -> dict[str, str]:
    """Age and sex limits are allowed only with a stated reason (non-discrimination, UU 13/2003)."""
    problems: dict[str, str] = {}
    if age_min is not None and age_min < MIN_AGE:
        problems["age_min"] = _("The minimum age cannot be below %(age)s.") % {"age": MIN_AGE}
    if age_max is not None and age_max > MAX_AGE:
        problems["age_max"] = _("The maximum age cannot be above %(age)s.") % {"age": MAX_AGE}
    if age_min is not None and age_max is not None and age_min > age_max:
        problems["age_max"] = _("The maximum age must be at least the minimum age.")
    if (age_min or age_max or sex) and not (reason or "").strip():
        problems["limits_reason"] = _(
            "Explain why the job needs an age or sex limit, or remove the limit."
        )
    return problems


def requirement_problems(
    licence: str, certificate: str, language: str, level: int | None
) -> dict[str, str]:
    """A required licence, certificate scheme and language (placement/taxonomy/credentials.py)."""
    problems: dict[str, str] = {}
    if licence and licence not in LicenceClass.values:
        problems["required_licence"] = _("Choose a driving licence class.")
    if certificate and not scheme_key(certificate):
        problems["required_certificate"] = _("Enter the name of the certification scheme.")
    if language and language not in Language.values:
        problems["required_language"] = _("Choose a language.")
    elif language and level not in LanguageLevel.values:
        problems["required_language_level"] = _("Choose the level of the language needed.")
    elif level and not language:
        problems["required_language_level"] = _("Choose the language the level is for.")
    return problems


def location_problems(
    scope: str, regency_id: str | None, country: str, p3mi_name: str, job_order_number: str
) -> dict[str, str]:
    """Work abroad (AKAN) needs the country, the licensed P3MI and its job order (UU 18/2017)."""
    problems: dict[str, str] = {}
    if scope == "AKAN":
        if not (country or "").strip():
            problems["country"] = _("Enter the country where the work is.")
        if not (p3mi_name or "").strip():
            problems["p3mi_name"] = _(
                "Work abroad may only be offered through a licensed placement agency (P3MI): "
                "enter its name."
            )
        if not (job_order_number or "").strip():
            problems["job_order_number"] = _("Enter the job order or SIP2MI number.")
    elif not regency_id:
        problems["regency"] = _("Choose the regency or city where the work is.")
    return problems


def period_problems(
    valid_from: date | None, valid_to: date | None, today: date | None = None
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if valid_from and valid_to:
        if valid_to < valid_from:
            problems["valid_to"] = _("The closing date must be on or after the opening date.")
        elif (valid_to - valid_from).days > MAX_VALIDITY_DAYS:
            problems["valid_to"] = _(
                "A vacancy can stay open at most %(days)s days; report it again after that."
            ) % {"days": MAX_VALIDITY_DAYS}
    if today is not None and valid_to is not None and valid_to < today:
        problems.setdefault("valid_to", _("The closing date has already passed."))
    return problems


def vacancy_problems(values: dict, *, today: date | None = None) -> dict[str, str]:
    """Every cross-field rule of the report, on a dict of model field values (ids for FKs)."""
    problems: dict[str, str] = {}
    problems.update(wage_problems(values.get("wage_min"), values.get("wage_max")))
    problems.update(
        limits_problems(
            values.get("age_min"),
            values.get("age_max"),
            values.get("sex") or "",
            values.get("limits_reason") or "",
        )
    )
    problems.update(
        location_problems(
            values.get("scope") or "AKL",
            values.get("regency_id"),
            values.get("country") or "",
            values.get("p3mi_name") or "",
            values.get("job_order_number") or "",
        )
    )
    problems.update(period_problems(values.get("valid_from"), values.get("valid_to"), today))
    problems.update(
        requirement_problems(
            values.get("required_licence") or "",
            values.get("required_certificate") or "",
            values.get("required_language") or "",
            values.get("required_language_level"),
        )
    )
    return problems

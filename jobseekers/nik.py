"""The NIK (Nomor Induk Kependudukan): 16 digits = region of first registration + DDMMYY + serial.

Digits 1-6 are the province, regency/city and district (kecamatan) codes of the *first*
registration; 7-12 the birth date as DDMMYY with 40 added to the day for women; 13-16 a serial from
0001 (DOMAIN.md §3, dukcapil.klaten.go.id). The hard rules reject a number; the soft checks only
warn the officer, because a NIK is permanent and is not reissued to fix a mismatch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placement.taxonomy.models import Province

# re.ASCII: full-width and other Unicode digits are not digits here (SECURITY.md).
NIK_PATTERN = r"^[0-9]{16}$"
_NIK_RE = re.compile(r"\d{16}", re.ASCII)
FEMALE_DAY_OFFSET = 40

MESSAGES = {
    "format": _("Enter the NIK as exactly 16 digits, as printed on the KTP."),
    "province": _("The first two digits of this NIK are not a province code."),
    "day": _("Digits 7 and 8 of this NIK must be a day from 01 to 31 (41 to 71 for women)."),
    "month": _("Digits 9 and 10 of this NIK must be a month from 01 to 12."),
    "date": _("Digits 7 to 12 of this NIK are not a real date of birth."),
    "serial": _("The last four digits of a NIK cannot be 0000."),
}


@dataclass(frozen=True)
class ParsedNik:
    """What a valid NIK says about its holder."""

    nik: str
    province_code: str  # "62"
    regency_code: str  # "62.71"
    district_code: str  # "62.71.03"
    sex: str  # "L" or "P"
    birth_date: date
    serial: str


def _invalid(code: str) -> ValidationError:
    return ValidationError(MESSAGES[code], code=f"nik_{code}")


@lru_cache(maxsize=1)
def _known_province_codes() -> frozenset[str]:

    return frozenset(Province.objects.values_list("code", flat=True))


def known_province_codes() -> frozenset[str]:
    """Province codes of the loaded reference data (cached per process; empty is not cached)."""
    codes = _known_province_codes()
    if not codes:
        _known_province_codes.cache_clear()
    return codes


def birth_year(two_digits: int, *, day: int, month: int, today: date) -> int:
    """The century of a two-digit year: this century unless that date is still in the future."""
    year = 2000 + two_digits
    try:
        if date(year, month, day) > today:
            year -= 100
    except ValueError:
        # Not a real date in this century (29 February): the previous century decides.
        if year > today.year:
            year -= 100
    return year


def parse_nik(
    value: object,
    *,
    province_codes: frozenset[str] | set[str] | None = None,
    today: date | None = None,
) -> ParsedNik:
    """Parse a NIK or raise ValidationError (code `nik_format`, `nik_province`, `nik_day`, ...)."""
    if not isinstance(value, str):
        raise _invalid("format")
    nik = value.strip()
    if not _NIK_RE.fullmatch(nik):
        raise _invalid("format")
    codes = known_province_codes() if province_codes is None else province_codes
    if nik[:2] not in codes:
        raise _invalid("province")
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if 1 <= day <= 31:
        sex = "L"
    elif FEMALE_DAY_OFFSET + 1 <= day <= FEMALE_DAY_OFFSET + 31:
        sex, day = "P", day - FEMALE_DAY_OFFSET
    else:
        raise _invalid("day")
    if not 1 <= month <= 12:
        raise _invalid("month")
    if nik[12:] == "0000":
        raise _invalid("serial")
    today = today or timezone.localdate()
    try:
        born = date(birth_year(year2, day=day, month=month, today=today), month, day)
    except ValueError:
        raise _invalid("date") from None
    return ParsedNik(
        nik=nik,
        province_code=nik[:2],
        regency_code=f"{nik[:2]}.{nik[2:4]}",
        district_code=f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}",
        sex=sex,
        birth_date=born,
        serial=nik[12:],
    )


def format_nik(*, district_code: str, sex: str, birth_date: date, serial: int) -> str:
    """Build a NIK from its parts (demo data and tests): district `62.71.03`, sex L/P."""
    day = birth_date.day + (FEMALE_DAY_OFFSET if sex == "P" else 0)
    region = district_code.replace(".", "")
    if len(region) != 6:
        raise ValueError("A NIK starts with a 6-digit district code.")
    if not 1 <= serial <= 9999:
        raise ValueError("The serial of a NIK is 0001-9999.")
    return f"{region}{day:02d}{birth_date:%m%y}{serial:04d}"

"""The NIK parser: hard rules reject, property tests prove only validation errors escape."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from jobseekers.nik import format_nik, parse_nik

PROVINCES = frozenset({"11", "31", "33", "62", "63", "94"})
TODAY = date(2026, 11, 29)
FULL_WIDTH = str.maketrans("0123456789", "".join(chr(0xFF10 + i) for i in range(10)))
ARABIC_INDIC = str.maketrans("0123456789", "".join(chr(0x0660 + i) for i in range(10)))


def parse(value):
    return parse_nik(value, province_codes=PROVINCES, today=TODAY)


def test_a_womans_nik_gives_her_sex_and_birth_date_and_region():
    parsed = parse("6271036703010002")
    assert parsed.sex == "P"
    assert parsed.birth_date == date(2001, 3, 27)
    assert parsed.province_code == "62"
    assert parsed.regency_code == "62.71"
    assert parsed.district_code == "62.71.03"
    assert parsed.serial == "0002"


def test_a_mans_nik_gives_his_sex_and_a_last_century_birth_year():
    parsed = parse("6201011512850001")
    assert parsed.sex == "L"
    assert parsed.birth_date == date(1985, 12, 15)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("627103670301000", "nik_format"),  # 15 digits
        ("62710367030100021", "nik_format"),  # 17 digits
        ("6271 36703010002", "nik_format"),
        ("6271036703010002".translate(FULL_WIDTH), "nik_format"),
        ("6271036703010002".translate(ARABIC_INDIC), "nik_format"),
        ("99710367030100 2", "nik_format"),
        ("9971036703010002", "nik_province"),
        ("6271033203010002", "nik_day"),  # 32
        ("6271037203010002", "nik_day"),  # 72
        ("6271030003010002", "nik_day"),  # 00
        ("6271034000010002", "nik_day"),  # 40
        ("6271031513010002", "nik_month"),
        ("6271031500010002", "nik_month"),
        ("6271033102010002", "nik_date"),  # 31 February
        ("6271032902230002", "nik_date"),  # 29 February 2023
        ("6271036703010000", "nik_serial"),
    ],
)
def test_a_nik_breaking_a_hard_rule_is_rejected_with_its_reason(value, code):
    with pytest.raises(ValidationError) as error:
        parse(value)
    assert error.value.code == code


def test_the_29th_of_february_of_a_leap_year_is_a_real_date():
    assert parse("6271036902000002").birth_date == date(2000, 2, 29)


def test_a_date_later_this_year_belongs_to_the_last_century():
    assert parse("6271033112260001").birth_date == date(1926, 12, 31)


def test_surrounding_spaces_are_ignored():
    assert parse("  6271036703010002 ").nik == "6271036703010002"


def test_the_province_list_comes_from_the_reference_data(db):
    assert parse_nik("6271036703010002").province_code == "62"
    with pytest.raises(ValidationError):
        parse_nik("0071036703010002")


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=40), st.from_regex(r"[0-9]{16}", fullmatch=True)))
def test_any_text_either_parses_or_raises_a_validation_error(value):
    try:
        parsed = parse(value)
    except ValidationError as error:
        assert error.code.startswith("nik_")
    else:
        assert parsed.nik.isascii() and len(parsed.nik) == 16


@settings(max_examples=300, deadline=None)
@given(
    province=st.sampled_from(sorted(PROVINCES)),
    rest=st.from_regex(r"[0-9]{4}", fullmatch=True),
    born=st.dates(min_value=date(1927, 1, 1), max_value=TODAY),
    sex=st.sampled_from(["L", "P"]),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_a_generated_valid_nik_parses_to_its_sex_and_birth_date(province, rest, born, sex, serial):
    nik = format_nik(
        district_code=f"{province}.{rest[:2]}.{rest[2:]}", sex=sex, birth_date=born, serial=serial
    )
    parsed = parse(nik)
    assert parsed.sex == sex
    assert parsed.birth_date == born
    assert parsed.nik == nik

"""The wage parser on wage texts we wrote."""

import pytest

from placement.taxonomy.text.wages import parse_wage


@pytest.mark.parametrize(
    ("text", "low", "high", "period"),
    [
        ("Rp 3.500.000 - 4.000.000", 3_500_000, 4_000_000, "month"),
        ("3,5 jt", 3_500_000, 3_500_000, "month"),
        ("4 juta/bulan", 4_000_000, 4_000_000, "month"),
        ("IDR 5M", 5_000_000, 5_000_000, "month"),
        ("5-6 jt", 5_000_000, 6_000_000, "month"),
        ("Rp 4,5 juta s/d Rp 5 juta", 4_500_000, 5_000_000, "month"),
        ("IDR 8,000,000 \u2013 12,000,000", 8_000_000, 12_000_000, "month"),
        ("Rp 2.500.000,00", 2_500_000, 2_500_000, "month"),
        ("up to 8jt", None, 8_000_000, "month"),
        ("min. 4 juta", 4_000_000, None, "month"),
        # A day's wage is 1/25 of a month; an hour's 1/173 (PP 36/2021).
        ("Rp 150.000/hari", 3_750_000, 3_750_000, "day"),
        ("Rp 150rb per hari", 3_750_000, 3_750_000, "day"),
        ("Rp 25.000 per jam", 4_325_000, 4_325_000, "hour"),
        ("Rp 60 juta per tahun", 5_000_000, 5_000_000, "year"),
    ],
)
def test_a_wage_text_becomes_a_monthly_range(text, low, high, period):
    wage = parse_wage(text)
    assert (wage.min, wage.max, wage.period, wage.stated) == (low, high, period, True)


def test_the_minimum_wage_is_stated_without_an_amount():
    wage = parse_wage("Sesuai UMR")
    assert wage.stated and wage.minimum_wage
    assert wage.min is None and wage.period == "month"


@pytest.mark.parametrize(
    "text", ["negotiable", "Gaji nego", "Kompetitif", "", "😀", "Pengalaman 2 tahun", "<b></b>"]
)
def test_no_amount_is_not_stated(text):
    wage = parse_wage(text)
    assert not wage.stated and wage.min is None and wage.max is None


def test_a_foreign_currency_is_kept_as_such():
    wage = parse_wage("USD 1,500/month")
    assert (wage.currency, wage.min) == ("USD", 1500)


def test_a_bound_word_before_the_currency_still_counts():
    assert (parse_wage("Up to Rp 8.000.000").min, parse_wage("Up to Rp 8.000.000").max) == (
        None,
        8_000_000,
    )
    assert parse_wage("Mulai dari Rp 3 juta").max is None
    assert parse_wage("Rp3.500.000").min == 3_500_000

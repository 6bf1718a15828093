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


@pytest.mark.parametrize(
    ("text", "low", "high", "period"),
    [
        # The shapes of Jobstreet, Glints, Kalibrr, LinkedIn, Karirhub, loker.id and Instagram ads.
        ("IDR 5.000.000 - 7.000.000 per month", 5_000_000, 7_000_000, "month"),
        ("Rp5.000.000 \u2013 Rp7.000.000 /bulan", 5_000_000, 7_000_000, "month"),
        ("Rp 5 - 7 juta", 5_000_000, 7_000_000, "month"),
        ("5jt-7jt", 5_000_000, 7_000_000, "month"),
        ("Rp 4,5 jt", 4_500_000, 4_500_000, "month"),
        ("4.5jt", 4_500_000, 4_500_000, "month"),
        ("IDR 8M - 12M", 8_000_000, 12_000_000, "month"),
        ("8-12 Juta", 8_000_000, 12_000_000, "month"),
        ("Up to Rp 10 juta", None, 10_000_000, "month"),
        ("Hingga 10jt", None, 10_000_000, "month"),
        ("Kurang dari 3 juta", None, 3_000_000, "month"),
        ("Min. Rp 3.000.000", 3_000_000, None, "month"),
        ("mulai dari 3jt", 3_000_000, None, "month"),
        ("Rp 3 juta ke atas", 3_000_000, None, "month"),
        ("> 5jt", 5_000_000, None, "month"),
        ("Min 3jt Max 5jt", 3_000_000, 5_000_000, "month"),
        ("3 jutaan", 3_000_000, 3_000_000, "month"),
        ("Rp 100rb/hari", 2_500_000, 2_500_000, "day"),
        ("Rp 100 ribu per hari", 2_500_000, 2_500_000, "day"),
        ("Gaji harian Rp 110.000", 2_750_000, 2_750_000, "day"),
        ("Rp 100rb/hr", 2_500_000, 2_500_000, "day"),  # "hr" is hari in a rupiah ad
        ("Rp 60 juta/tahun", 5_000_000, 5_000_000, "year"),
        ("Rp 500rb/minggu", 2_166_667, 2_166_667, "week"),
        ("Rp 3.000.000,-", 3_000_000, 3_000_000, "month"),
        ("Rp. 3.000.000,00", 3_000_000, 3_000_000, "month"),
        ("Rp.10.000.000", 10_000_000, 10_000_000, "month"),
        ("3,000,000 - 4,000,000", 3_000_000, 4_000_000, "month"),
        ("Rp 2jt - 3jt + komisi", 2_000_000, 3_000_000, "month"),
        ("Rp 3 jt s/d 4 jt", 3_000_000, 4_000_000, "month"),
        ("3 juta sampai 4 juta", 3_000_000, 4_000_000, "month"),
        ("Rp 3.000.000 ~ Rp 4.000.000", 3_000_000, 4_000_000, "month"),
        ("Salary: 5.000K - 7.000K", 5_000_000, 7_000_000, "month"),
        ("IDR 10,000,000.00/mo - IDR 15,000,000.00/mo", 10_000_000, 15_000_000, "month"),
        ("IDR 120M/yr - IDR 180M/yr", 10_000_000, 15_000_000, "year"),
        ("IDR 5 000 000 - 7 000 000", 5_000_000, 7_000_000, "month"),
        ("Rp 20.000.000++", 20_000_000, None, "month"),
        ("Rp 35.000 - 50.000 / jam", 6_055_000, 8_650_000, "hour"),
        ("Rp80rb-100rb/hari", 2_000_000, 2_500_000, "day"),
    ],
)
def test_a_job_site_wage_becomes_a_monthly_range(text, low, high, period):
    wage = parse_wage(text)
    assert (wage.min, wage.max, wage.period, wage.stated) == (low, high, period, True)


@pytest.mark.parametrize(
    ("text", "low", "high", "period"),
    [
        # Only the wage's own amount and period count, not the hours, years or allowances beside it.
        ("Rp 4jt, kerja 8 jam/hari", 4_000_000, 4_000_000, "month"),
        ("Gaji Rp 4.000.000, 6 hari kerja", 4_000_000, 4_000_000, "month"),
        ("Rp 5 juta, pengalaman 2 tahun", 5_000_000, 5_000_000, "month"),
        ("usia 18-35 tahun, gaji 3jt", 3_000_000, 3_000_000, "month"),
        ("Rp 3.000.000/bulan (Rp 120.000/hari)", 3_000_000, 3_000_000, "month"),
        ("Gaji 3.500.000 + tunjangan 500.000", 3_500_000, 3_500_000, "month"),
        ("Rp 100rb per hari x 26 hari", 2_500_000, 2_500_000, "day"),
        ("Rp 4jt, jam kerja 08.00-17.00", 4_000_000, 4_000_000, "month"),
    ],
)
def test_numbers_beside_the_wage_are_not_the_wage(text, low, high, period):
    wage = parse_wage(text)
    assert (wage.min, wage.max, wage.period) == (low, high, period)


@pytest.mark.parametrize(
    "text", ["Gaji UMK Bekasi", "UMR Jakarta + insentif", "UMP", "Sesuai UMK Kab. Karawang"]
)
def test_a_regional_minimum_wage_is_stated_without_an_amount(text):
    wage = parse_wage(text)
    assert (wage.stated, wage.minimum_wage, wage.min, wage.max) == (True, True, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Dirahasiakan",
        "Nego",
        "Gaji pokok + bonus",
        "4) Gaji (gaji pokok, insentif, lembur)",
        "Rp 0",
        "99999999999999999999 juta",
        "9" * 400,
        "Rp 5 miliar",
        "\x00\x00",
    ],
)
def test_no_plausible_amount_is_not_stated(text):
    wage = parse_wage(text)
    assert not wage.stated and wage.min is None and wage.max is None


def test_a_foreign_range_keeps_its_currency_and_small_numbers():
    wage = parse_wage("USD 1,000 - 1,500")
    assert (wage.currency, wage.min, wage.max) == ("USD", 1000, 1500)
    assert parse_wage("$15/hour").min == 15 * 173

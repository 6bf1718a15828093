"""Wage text -> a monthly range in rupiah, the period it was stated in, or "not stated".

Understands Indonesian and English ad conventions: "Rp 3.500.000 - 4.000.000" (dot thousands),
"3,5 jt" (comma decimals), "4 juta/bulan", "Rp 150.000/hari", "IDR 5M", "5-6 jt", "up to 8jt",
"min. 4 juta", "UMR"/"UMK" (the regional minimum wage, amount not in the text), and "negotiable",
"nego", "kompetitif" (not stated). Pure Python, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from placement.taxonomy.text.normalize import fold, unaccent

MAX_QUERY_LENGTH = 500

# Monthly equivalents. A day's wage is 1/25 of a month on a six-day week and an hour's 1/173
# (PP 36/2021 on wages, art. 17 and the overtime rule of Kepmenakertrans 102/2004).
PER_MONTH = {"hour": 173, "day": 25, "week": 52 / 12, "month": 1, "year": 1 / 12}

PERIOD_WORDS = [
    ("hour", r"jam|hour|hr|hourly|perjam"),
    ("day", r"hari|harian|day|daily|hr|perhari|shift"),
    ("week", r"minggu|mingguan|pekan|week|weekly|wk"),
    ("month", r"bulan|bln|bulanan|sebulan|month|monthly|mo|mth|perbulan|bl"),
    ("year", r"tahun|thn|tahunan|setahun|year|yearly|annual|annually|yr|pa|pertahun"),
]
_PERIOD = [
    (period, re.compile(rf"(?:/|\bper\s*|\bse|\b)(?:{words})\b")) for period, words in PERIOD_WORDS
]
_NOT_STATED = re.compile(
    r"\b(nego|negotiable|negotiate|negosiasi|dinegosiasikan|negoisasi|dirahasiakan|confidential|"
    r"kompetitif|competitive|menarik|attractive|tbd|tba|undisclosed|disclosed|n/?a)\b"
)
_MINIMUM_WAGE = re.compile(r"\b(umr|umk|ump|ums|upah minimum|minimum wage)\b")
_CURRENCY = re.compile(r"\b(rp|idr|rupiah|usd|us\$|\$|sgd|myr|eur)\b|\$")
# A number with its unit: 3.500.000 | 3,5 | 3.5 | 3500000 then jt/juta/rb/ribu/k/m/mio/million.
_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)\s*"
    r"(juta|jt|jta|jtan|mio|million|millions|mil|m|ribu|rb|rbu|k|ribuan|thousand)?(?![a-z])"
)
_UNIT = {
    "juta": 1_000_000,
    "jt": 1_000_000,
    "jta": 1_000_000,
    "jtan": 1_000_000,
    "mio": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "mil": 1_000_000,
    "m": 1_000_000,  # "IDR 5M": in salaries, M is a million, not a miliar
    "ribu": 1_000,
    "ribuan": 1_000,
    "rb": 1_000,
    "rbu": 1_000,
    "k": 1_000,
    "thousand": 1_000,
}
_UP_TO = re.compile(r"\b(up to|upto|hingga|sampai|maks|maksimal|maximum|max|s/d|sd|<)\s*\.?\s*$")
_FROM = re.compile(
    r"\b(min|minimal|minimum|mulai|mulai dari|dari|start from|starting|from|>|>=|at least)"
    r"\s*\.?\s*$"
)


@dataclass(frozen=True, slots=True)
class Wage:
    """A wage as the ad states it, converted to a monthly range."""

    min: int | None = None
    max: int | None = None
    period: str | None = None  # hour | day | week | month | year, as stated
    stated: bool = False
    currency: str = "IDR"
    minimum_wage: bool = False  # "UMR/UMK": the regional minimum wage, amount not in the text

    def as_dict(self) -> dict:
        return {
            "min": self.min,
            "max": self.max,
            "period": self.period,
            "stated": self.stated,
            "currency": self.currency,
            "minimum_wage": self.minimum_wage,
        }


NOT_STATED = Wage()


def _number(digits: str) -> float:
    """ "3.500.000" -> 3500000, "3,5" -> 3.5, "3.5" -> 3.5, "1,500,000" -> 1500000."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        return float(re.sub(r"[.,]", "", digits))
    match = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})+)[.,](\d{1,2})", digits)
    if match:
        return float(re.sub(r"[.,]", "", match.group(1)) + "." + match.group(2))
    return float(digits.replace(",", "."))


def _period(text: str) -> str | None:
    for period, pattern in _PERIOD:
        if period == "day" and re.search(r"/\s*hr\b", text):
            continue  # "/hr" is an hour in English ads
        if pattern.search(text):
            return period
    return None


def _currency(text: str) -> str:
    if re.search(r"\busd\b|us\$|\$", text):
        return "USD"
    if re.search(r"\bsgd\b", text):
        return "SGD"
    if re.search(r"\bmyr\b", text):
        return "MYR"
    if re.search(r"\beur\b", text):
        return "EUR"
    return "IDR"


def parse_wage(text: str) -> Wage:
    """Parse a wage text; `NOT_STATED` when it gives no amount and no minimum-wage rule."""
    # Amounts need their dots, commas and slashes: lower-cased, not folded to words.
    text = unaccent(re.sub(r"<[^>]*>", " ", (text or "")[:MAX_QUERY_LENGTH])).lower()
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("~", "-")
    if not re.search(r"[a-z0-9]", text):
        return NOT_STATED
    period = _period(text)
    currency = _currency(text)
    has_money_word = bool(_CURRENCY.search(text)) or bool(re.search(r"gaji|salary|upah|wage", text))
    amounts: list[tuple[float, bool, int]] = []  # value, has unit, position
    for match in _AMOUNT.finditer(text):
        value = _number(match.group(1))
        unit = match.group(2)
        if unit:
            value *= _UNIT[unit]
        amounts.append((value, bool(unit), match.start()))
    # A bare small number takes its neighbour's unit ("3 - 4 juta", "3,5-4jt").
    if any(has_unit for _v, has_unit, _p in amounts):
        unit_value = next(v for v, has_unit, _p in amounts if has_unit)
        scale = 1_000_000 if unit_value >= 1_000_000 else 1_000
        amounts = [
            (v * scale if not has_unit and v < 1000 else v, True, p) for v, has_unit, p in amounts
        ]
    elif currency == "IDR":
        # "Rp 3,5 - 4" or "gaji 4-5": small bare numbers in a wage text are millions a month,
        # thousands a day or an hour.
        small = [v for v, _u, _p in amounts if v < 1000]
        only_numbers = re.fullmatch(r"[\d\s.,\-/]+", text) is not None
        if small and len(small) == len(amounts) and (has_money_word or only_numbers):
            scale = 1_000 if period in ("day", "hour") else 1_000_000
            amounts = [(v * scale, True, p) for v, _u, p in amounts]
    # Keep plausible money: a rupiah amount of at least 1,000 (drops "2 tahun", "08:00-17:00").
    floor = 1 if currency != "IDR" else 1_000
    money = [(v, p) for v, has_unit, p in amounts if v >= floor and (has_unit or v >= 10_000)]
    if currency != "IDR":
        money = [(v, p) for v, _u, p in amounts if v >= 1]
    if not money:
        if _MINIMUM_WAGE.search(text):
            return Wage(period="month", stated=True, minimum_wage=True)
        return NOT_STATED
    values = [v for v, _p in money[:2]]
    low, high = min(values), max(values)
    if len(values) == 1:
        # "Up to Rp 8.000.000": the currency sits between the word and the amount.
        before = re.sub(
            r"(rp\.?|idr|usd|us\$|\$|sgd|myr|eur)\s*$", "", text[: money[0][1]].rstrip()
        )
        if _UP_TO.search(before):
            low = None
        elif _FROM.search(before):
            high = None
    factor = PER_MONTH[period or "month"]
    return Wage(
        min=round(low * factor) if low is not None else None,
        max=round(high * factor) if high is not None else None,
        period=period or "month",
        stated=True,
        currency=currency,
        minimum_wage=bool(_MINIMUM_WAGE.search(text)),
    )


def is_not_stated(text: str) -> bool:
    """True when the text says the wage is negotiable or confidential and gives no amount."""
    return not parse_wage(text).stated and bool(_NOT_STATED.search(fold(text or "")))

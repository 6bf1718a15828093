"""Wage text -> a monthly range in rupiah, the period it was stated in, or "not stated".

Understands Indonesian and English ad conventions: "Rp 3.500.000 - 4.000.000" (dot thousands),
"3,5 jt" (comma decimals), "4 juta/bulan", "Rp 150.000/hari", "IDR 5M", "5-6 jt", "up to 8jt",
"min. 4 juta", "3 juta ke atas", "kurang dari 3 juta", "5.000K", "UMR"/"UMK" (the regional minimum
wage, amount not in the text), and "negotiable", "nego", "kompetitif" (not stated). The wage is the
first amount and the one a range word joins to it; hours, years, ages and allowances beside it
("kerja 8 jam/hari", "usia 18-35 tahun", "+ tunjangan 500.000") are not. An amount no wage can be
(above Rp 1 miliar a month) is "not stated". Pure Python, no database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from placement.taxonomy.text.normalize import fold, unaccent

MAX_QUERY_LENGTH = 500

# Monthly equivalents. A day's wage is 1/25 of a month on a six-day week and an hour's 1/173
# (PP 36/2021 on wages, art. 17 and the overtime rule of Kepmenakertrans 102/2004).
PER_MONTH = {"hour": 173, "day": 25, "week": 52 / 12, "month": 1, "year": 1 / 12}

# A monthly amount above this is no wage (a typo, a company's turnover, a test of the API):
# "not stated" rather than a number no vacancy can hold (`employers.rules.MAX_WAGE`).
MAX_MONTHLY = {"IDR": 1_000_000_000}
MAX_MONTHLY_FOREIGN = 10_000_000
MAX_DIGITS = 15

PERIOD_WORDS = [
    ("hour", r"jam|hour|hr|hrs|hourly|perjam"),
    ("day", r"hari|harian|day|daily|hr|perhari|shift"),
    ("week", r"minggu|mingguan|pekan|week|weekly|wk"),
    ("month", r"bulan|bln|bulanan|sebulan|month|monthly|mo|mth|perbulan|bl|bulannya"),
    ("year", r"tahun|thn|tahunan|setahun|year|yearly|annual|annually|yr|pa|pertahun"),
]
# A period said as a rate: "/bulan", "per hari", "perjam", "sebulan", "a month", "harian".
_ADJECTIVE = {
    "harian": "day",
    "daily": "day",
    "mingguan": "week",
    "weekly": "week",
    "bulanan": "month",
    "monthly": "month",
    "tahunan": "year",
    "yearly": "year",
    "annual": "year",
    "hourly": "hour",
}
_RATE_MARKED = re.compile(
    r"(?:/\s*|\bper\s*|\bse(?=(?:jam|hari|minggu|pekan|bulan|tahun)\b)|\ba\s+|\bsetiap\s+|\btiap\s+)"
    r"([a-z]+)\b"
    r"|\b(harian|mingguan|bulanan|tahunan|hourly|daily|weekly|monthly|yearly|annual)\b"
)
_PERIOD_OF_WORD = {}
for _period_name, _words in PERIOD_WORDS:
    for _word in _words.split("|"):
        _PERIOD_OF_WORD.setdefault(_word, _period_name)
_NOT_STATED = re.compile(
    r"\b(nego|negotiable|negotiate|negosiasi|dinegosiasikan|negoisasi|dirahasiakan|confidential|"
    r"kompetitif|competitive|menarik|attractive|tbd|tba|undisclosed|disclosed|n/?a)\b"
)
_MONEY_BEFORE = re.compile(r"(rp|idr|rupiah|gaji|salary|upah|wage|thp)\b[^\d]*$")
_MINIMUM_WAGE = re.compile(r"\b(umr|umk|ump|ums|upah minimum|minimum wage)\b")
_CURRENCY = re.compile(r"\b(rp|idr|rupiah|usd|us\$|\$|sgd|myr|eur)\b|\$")
# A number with its unit: 3.500.000 | 3,5 | 3.5 | 3500000 then jt/juta/rb/ribu/k/m/mio/million.
_AMOUNT = re.compile(
    r"(?<![\d,])(?<!\d\.)(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)\s*"
    r"(miliar|milyar|billion|jutaan|juta|jt|jta|jtan|mio|million|millions|mil|m|ribu|rb|rbu|k|ribuan|thousand)?"
    r"(?![a-z])"
)
_UNIT = {
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
    "billion": 1_000_000_000,
    "juta": 1_000_000,
    "jutaan": 1_000_000,
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
# A bare number followed by one of these counts time or people: "2 tahun", "8 jam", "x 26 hari".
_COUNTED = re.compile(
    r"(?:\s*(?:-|s/d|sampai|hingga|to)\s*\d+(?:[.,]\d+)?)?"
    r"\s*(tahun|thn|th|bulan|bln|hari|hr|jam|minggu|pekan|orang|org|shift|kali|x|years?|yrs?|"
    r"months?|days?|hours?|weeks?|people|persons?|pax|lembar|unit|tahunan)\b"
)
# What may stand between the two ends of a range: "-", "s/d", "sampai", "hingga", "to", "~",
# a currency, a period, a bound word ("Min 3jt Max 5jt").
_RANGE_JOIN = re.compile(
    r"(?:\s|[-~.,:/]|rp|idr|usd|sgd|myr|eur|\$|s/d|s\.d|sd|sampai|hingga|to|until|dan|and|"
    r"maks|max|maksimal|maximum|"
    rf"{'|'.join(w for _p, words in PERIOD_WORDS for w in words.split('|'))}|per)*"
)
_CONNECTOR = re.compile(r"-|~|s/d|s\.d|\bsd\b|sampai|hingga|\bto\b|until|\bmaks|\bmax")
_UP_TO = re.compile(
    r"(?:^|\b|\s)(up to|upto|hingga|sampai|maks|maksimal|maximum|max|s/d|sd|<|kurang dari|"
    r"di bawah|dibawah|below|less than|under)\s*\.?\s*:?\s*$"
)
_FROM = re.compile(
    r"(?:^|\b|\s)(min|minimal|minimum|mulai|mulai dari|dari|start from|starting|starts at|from|"
    r">|>=|at least|di atas|diatas|lebih dari|above|more than|over)\s*\.?\s*:?\s*$"
)
_OR_MORE = re.compile(r"^\s*(ke\s*atas|keatas|or more|and above|above|\++\s*$)")
# "5 000 000": thousands grouped by spaces (a form field's or a French-style layout).
_SPACE_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?: \d{3})+)(?!\d)(?![.,]\d{3})")


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


def _rate_period(segment: str, *, prefer_last: bool, currency: str) -> str | None:
    """The period a wage segment states as a rate ("/bulan", "per hari", "harian")."""
    found = []
    for match in _RATE_MARKED.finditer(segment):
        word = match.group(1) or match.group(2)
        if match.group(2):
            period = _ADJECTIVE[word]
        else:
            period = _PERIOD_OF_WORD.get(word)
            # "/hr": an hour in English ads, a day (hari) in Indonesian ones.
            if word == "hr":
                period = "day" if currency == "IDR" else "hour"
        if period:
            found.append(period)
    if not found:
        return None
    return found[-1] if prefer_last else found[0]


def _bare_period(segment: str) -> str | None:
    """A period word right after the amount: "3 juta sebulan", "Rp 150.000 hari"."""
    match = re.match(r"\s*([a-z]+)\b", segment)
    return _PERIOD_OF_WORD.get(match.group(1)) if match else None


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


@dataclass
class _Amount:
    value: float
    has_unit: bool
    start: int
    end: int


def _amounts(text: str) -> list[_Amount]:
    """The numbers of the text that may be money: not "2 tahun", "8 jam", "x 26 hari"."""
    found = []
    for match in _AMOUNT.finditer(text):
        digits, unit = match.group(1), match.group(2)
        if len(re.sub(r"\D", "", digits)) > MAX_DIGITS:
            continue  # no wage has sixteen digits; float() would make it infinite
        before = text[max(0, match.start() - 6) : match.start()]
        if not unit and _COUNTED.match(text, match.end()) and not _CURRENCY.search(before):
            continue
        if re.search(r"(?<![a-z])[x\u00d7*]\s*$", before):
            continue  # "Rp 100rb/hari x 26": a count, the daily rate is the wage
        value = _number(digits) * (_UNIT[unit] if unit else 1)
        found.append(_Amount(value, bool(unit), match.start(), match.end()))
    return found


def _joined(text: str, left: _Amount, right: _Amount) -> bool:
    """Do two amounts make a range ("3 - 4 juta", "Rp 3jt s/d Rp 4jt", "Min 3jt Max 5jt")?"""
    between = text[left.end : right.start]
    return bool(_RANGE_JOIN.fullmatch(between)) and bool(_CONNECTOR.search(between))


def _money(text: str, amounts: list[_Amount], currency: str) -> list[_Amount]:
    """The first amount that is money on its own, and the next one when a range word joins
    them; a bare small number takes its partner's unit ("3 - 4 juta", "3,5-4jt")."""
    floor = 1 if currency != "IDR" else 1_000
    for index, amount in enumerate(amounts):
        following = amounts[index + 1] if index + 1 < len(amounts) else None
        pair = [amount, following] if following and _joined(text, amount, following) else [amount]
        units = [a for a in pair if a.has_unit]
        if units and len(pair) == 2:
            scale = 1_000_000 if units[0].value >= 1_000_000 else 1_000
            pair = [
                _Amount(a.value * scale, True, a.start, a.end)
                if not a.has_unit and a.value < 1000
                else a
                for a in pair
            ]
        if currency != "IDR" and any(a.value >= floor for a in pair):
            return pair
        if any(a.value >= floor and (a.has_unit or a.value >= 10_000) for a in pair):
            return pair
    return []


def _near(segment: str, *, after: bool) -> str:
    """The words of a wage that belong to its amount: up to the next clause, at most 30
    characters ("Rp 4jt, kerja 8 jam/hari": the "/hari" is the working day's)."""
    if after:
        return re.split(r"[;(\n]|,\s|\.\s", segment)[0][:30]
    return re.split(r"[;(\n]|,\s", segment)[-1][-40:]  # "Min. Rp 3.000.000": not a sentence


def parse_wage(text: str) -> Wage:
    """Parse a wage text; `NOT_STATED` when it gives no amount and no minimum-wage rule.

    The wage is the first amount of the text, with the amount a range word joins to it ("-",
    "s/d", "sampai"); its period is the rate said after it ("/hari", "per bulan"), else before
    it ("Gaji harian Rp 110.000"), else a month. Other numbers (allowances, hours, years of
    experience, a second wage for another period) are left alone."""
    # Amounts need their dots, commas and slashes: lower-cased, not folded to words.
    text = unaccent(re.sub(r"<[^>]*>", " ", (text or "")[:MAX_QUERY_LENGTH])).lower()
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    text = text.replace("\x00", " ")
    text = _SPACE_GROUPED.sub(lambda m: m.group(1) + m.group(2).replace(" ", "."), text)
    if not re.search(r"[a-z0-9]", text):
        return NOT_STATED
    currency = _currency(text)
    amounts = _amounts(text)
    chosen = _money(text, amounts, currency)
    if not chosen and currency == "IDR" and amounts:
        # "Rp 3,5 - 4" or "gaji 4-5": with no amount that is money on its own, small bare
        # numbers in a wage text are millions a month, thousands a day or an hour (decided
        # with the period below).
        first = amounts[0]
        second = amounts[1] if len(amounts) > 1 else None
        pair = [first, second] if second and _joined(text, first, second) else [first]
        only_numbers = re.fullmatch(r"[\d\s.,\-/]+", text) is not None
        # ...said right after the money word ("gaji 4-5", "Rp 3,5"), not a list's "4) Gaji".
        said = _MONEY_BEFORE.search(text[max(0, first.start - 20) : first.start])
        if (said or only_numbers) and all(0 < a.value < 1000 for a in pair):
            chosen = pair
    if not chosen:
        if _MINIMUM_WAGE.search(text):
            return Wage(period="month", stated=True, minimum_wage=True)
        return NOT_STATED
    first, last = chosen[0], chosen[-1]
    later = [a for a in amounts if a.start >= last.end]
    after = _near(text[last.end : later[0].start if later else len(text)], after=True)
    before = _near(text[: first.start], after=False)
    period = (
        _bare_period(after)
        or _rate_period(after, prefer_last=False, currency=currency)
        or _rate_period(before, prefer_last=True, currency=currency)
        or "month"
    )
    small = all(a.value < 1000 for a in chosen)
    if currency == "IDR" and small and not any(a.has_unit for a in chosen):
        scale = 1_000 if period in ("day", "hour", "week") else 1_000_000
        chosen = [_Amount(a.value * scale, True, a.start, a.end) for a in chosen]
    values = [a.value for a in chosen]
    low: float | None = min(values)
    high: float | None = max(values)
    if len(chosen) == 1:
        # "Up to Rp 8.000.000": the currency sits between the word and the amount.
        bound = re.sub(r"(rp\.?|idr|usd|us\$|\$|sgd|myr|eur)\s*$", "", before.rstrip())
        if _UP_TO.search(bound):
            low = None
        elif _FROM.search(bound) or _OR_MORE.match(after):
            high = None
    factor = PER_MONTH[period]
    monthly_min = round(low * factor) if low is not None else None
    monthly_max = round(high * factor) if high is not None else None
    ceiling = MAX_MONTHLY.get(currency, MAX_MONTHLY_FOREIGN)
    if any(v is not None and v > ceiling for v in (monthly_min, monthly_max)):
        return NOT_STATED
    return Wage(
        min=monthly_min,
        max=monthly_max,
        period=period,
        stated=True,
        currency=currency,
        minimum_wage=bool(_MINIMUM_WAGE.search(text)),
    )


def is_not_stated(text: str) -> bool:
    """True when the text says the wage is negotiable or confidential and gives no amount."""
    return not parse_wage(text).stated and bool(_NOT_STATED.search(fold(text or "")))

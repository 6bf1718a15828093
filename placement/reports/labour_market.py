"""The public labour-market page: current figures from the nightly region summaries, placements
from the stored monthly IPK tables, rates per 1,000 working-age people, and the BPS province
figures of 2018-2021 as context. No live aggregation of a province or the nation, no personal
data; the assembled figures are cached.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from placement.matching.models import RegionSummary
from placement.reports import figures, ipk
from placement.reports.models import IpkReport
from placement.reports.services import add_months, month_start
from placement.taxonomy.models import Province, Regency

DATA = Path(__file__).resolve().parent / "data"
BPS_YEARS = (2018, 2019, 2020, 2021)
# The Dukcapil 2024 file has no age breakdown, so working-age people (15 and over) are estimated as
# a share of the population: BPS Sakernas August 2024 counts 215.37 million working-age people in
# a mid-2024 population of about 281.6 million, 76.5 %. Configurable in
# settings.ANTARKERJA["WORKING_AGE_SHARE"].
WORKING_AGE_SHARE = 0.765
CACHE_SECONDS = 10 * 60
# BPS spells a few provinces differently from the Kemendagri list.
BPS_NAME_ALIASES = {
    "DI Yogyakarta": "Daerah Istimewa Yogyakarta",
    "DKI Jakarta": "Daerah Khusus Ibukota Jakarta",
}


def working_age_share() -> float:
    return float(settings.ANTARKERJA.get("WORKING_AGE_SHARE", WORKING_AGE_SHARE))


def per_thousand(count: int | float, population: int | None) -> float | None:
    """A count per 1,000 working-age people (None without a population)."""
    if not population:
        return None
    working_age = population * working_age_share()
    return round(1000 * count / working_age, 2) if working_age else None


@dataclass
class RegionLine:
    code: str
    name: str
    population: int | None
    active_seekers: int = 0
    open_vacancies: int = 0
    open_positions: int = 0
    placements_12m: int = 0
    registered_12m: int = 0

    @property
    def working_age(self) -> int | None:
        return round(self.population * working_age_share()) if self.population else None

    @property
    def seekers_per_1000(self) -> float | None:
        return per_thousand(self.active_seekers, self.population)

    @property
    def positions_per_1000(self) -> float | None:
        return per_thousand(self.open_positions, self.population)

    @property
    def placements_per_1000(self) -> float | None:
        return per_thousand(self.placements_12m, self.population)

    @property
    def seekers_per_position(self) -> float | None:
        if not self.open_positions:
            return None
        return round(self.active_seekers / self.open_positions, 1)


@dataclass
class LabourMarket:
    region: RegionLine
    parent_code: str | None
    built_on: date | None
    children: list[RegionLine] = field(default_factory=list)
    by_occupation: list[tuple[str, int]] = field(default_factory=list)  # (major group, vacancies)
    months: list[tuple[date, int, int]] = field(default_factory=list)  # month, placed, registered
    bps: list[dict] = field(default_factory=list)
    share: float = WORKING_AGE_SHARE
    stock_month: date | None = None  # the month whose end the active job seekers are counted at


def _regions(region_code: str) -> tuple[dict[str, tuple[str, int | None]], list[str]]:
    """Names and populations of the region and its parts, and the parts' codes."""
    from django.utils.translation import gettext as _

    names: dict[str, tuple[str, int | None]] = {}
    if region_code == ipk.NATION:
        provinces = list(Province.objects.values_list("code", "name", "population"))
        names = {code: (name, population) for code, name, population in provinces}
        total = sum(p or 0 for _c, _n, p in provinces) or None
        names[ipk.NATION] = (_("Indonesia"), total)
        return names, [code for code, _n, _p in provinces]
    if "." in region_code:
        rows = Regency.objects.filter(code=region_code).values_list("code", "name", "population")
        return {code: (name, population) for code, name, population in rows}, []
    province = Province.objects.filter(code=region_code).values_list("name", "population").first()
    regencies = list(
        Regency.objects.filter(province_id=region_code).values_list("code", "name", "population")
    )
    names = {code: (name, population) for code, name, population in regencies}
    if province:
        names[region_code] = province
    return names, [code for code, _n, _p in regencies]


def labour_market(region_code: str) -> LabourMarket | None:
    """Everything the public page shows for a region (cached); None for an unknown region.

    Open vacancies and positions are today's shared count (figures.py, cached for a minute), laid
    over the cached rest, so this page and the home page print the same numbers.
    """
    key = f"reports:labour-market:{get_language()}:{region_code}:{timezone.localdate()}"
    result = cache.get(key)
    if result is None:
        result = _compute(region_code)
        if result is not None:
            cache.set(key, result, CACHE_SECONDS)
    if result is None:
        return None
    open_now = figures.open_vacancies_by_region()

    def with_open(line: RegionLine) -> RegionLine:
        counts = open_now.get(line.code, {})
        return replace(
            line,
            open_vacancies=counts.get("vacancies", 0),
            open_positions=counts.get("positions", 0),
        )

    return replace(
        result,
        region=with_open(result.region),
        children=[with_open(child) for child in result.children],
    )


def _compute(region_code: str) -> LabourMarket | None:

    names, child_codes = _regions(region_code)
    if region_code not in names:
        return None
    codes = [region_code, *child_codes]
    summaries = {
        s.region_code: s
        for s in RegionSummary.objects.filter(region_code__in=codes).only(
            "region_code", "built_on", "data"
        )
    }
    this_month = month_start(timezone.localdate())
    first = add_months(this_month, -12)
    last_month = add_months(this_month, -1)
    history: dict[str, dict[date, dict]] = {}
    for code, month, headline in IpkReport.objects.filter(
        region_code__in=codes, month__gte=first, month__lt=this_month
    ).values_list("region_code", "month", "headline"):
        history.setdefault(code, {})[month] = headline

    def line(code: str) -> RegionLine:
        name, population = names.get(code, (code, None))
        months = history.get(code, {}).values()
        return RegionLine(
            code=code,
            name=name,
            population=population,
            # The stock of IPK III/1 at the end of the last complete month (figures.py).
            active_seekers=int(
                history.get(code, {}).get(last_month, {}).get("seekers", {}).get("remaining", 0)
            ),
            placements_12m=sum(int(h.get("seekers", {}).get("placed", 0)) for h in months),
            registered_12m=sum(int(h.get("seekers", {}).get("registered", 0)) for h in months),
        )

    region = line(region_code)
    summary = summaries.get(region_code)
    by_occupation = summary.data.get("vacancies_by_occupation_group", {}) if summary else {}
    months = []
    for i in range(12, 0, -1):
        month = add_months(this_month, -i)
        headline = history.get(region_code, {}).get(month, {}).get("seekers", {})
        months.append((month, int(headline.get("placed", 0)), int(headline.get("registered", 0))))
    return LabourMarket(
        region=region,
        parent_code=None
        if region_code == ipk.NATION
        else (region_code.split(".")[0] if "." in region_code else ipk.NATION),
        built_on=summary.built_on if summary else None,
        children=[line(code) for code in child_codes],
        by_occupation=[(group, int(by_occupation.get(group, 0))) for group in ipk.OCCUPATION_ROWS],
        months=months,
        bps=bps_rows(region_code),
        share=working_age_share(),
        stock_month=last_month,
    )


# --- BPS 2018-2021 (placement/reports/data, see SOURCE.md) ---------------------------------------
@lru_cache(maxsize=1)
def _bps_table() -> dict[str, dict[int, dict[str, int | None]]]:
    """{province name: {year: {seekers, vacancies, placements}}} including "Indonesia"."""
    table: dict[str, dict[int, dict[str, int | None]]] = {}
    for year in BPS_YEARS:
        path = DATA / f"bps_pencaker_loker_penempatan_provinsi_{year}.csv"
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                name = row["Provinsi"].strip()
                table.setdefault(name, {})[year] = {
                    "seekers": _int(row["Pencari Kerja Terdaftar - Jumlah"]),
                    "vacancies": _int(row["Lowongan Kerja Terdaftar - Jumlah"]),
                    "placements": _int(row["Penempatan/Pemenuhan Tenaga Kerja - Jumlah"]),
                }
    return table


def _int(value: str | None) -> int | None:
    value = (value or "").strip().replace(".", "").replace(",", "")
    return int(value) if value.isdigit() else None


def _normal(name: str) -> str:
    return " ".join(BPS_NAME_ALIASES.get(name, name).lower().split())


def bps_rows(region_code: str) -> list[dict]:
    """BPS figures by year for the nation (every province) or the province of a region."""

    table = _bps_table()
    by_name = {_normal(name): years for name, years in table.items()}
    if region_code == ipk.NATION:
        wanted = [("00", "Indonesia")] + [
            (name, name) for name in table if _normal(name) != "indonesia"
        ]
    else:
        province = Province.objects.filter(code=region_code[:2]).values_list("name", flat=True)
        name = province.first()
        if not name or _normal(name) not in by_name:
            return []  # a province created after 2021 (the Papua split) has no BPS row
        wanted = [(region_code[:2], name)]
    rows = []
    for _code, name in wanted:
        years = by_name.get(_normal(name), {})
        rows.append({"name": name, "years": [(year, years.get(year, {})) for year in BPS_YEARS]})
    return rows

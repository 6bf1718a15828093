"""The headline figures, defined once. The regency dashboard, the provincial and national
dashboards, `/statistik/`, the home page and the IPK tables all read them from here, so where they
mean the same thing they print the same number, and where they differ the page says why.

- **Active job seekers** are the seeker stock of the ledger: every registration and
  re-registration minus every placement and removal up to a day, by the IPK stock rule
  (`placement/reports/ipk.py`). It is IPK III/1's "remaining" column:
  - "today" (the regency dashboard) counts the ledger up to today, exactly as the IPK page's
    provisional table of the current month does;
  - "at the end of a month" (`/statistik/`, the provincial and national dashboards) is the stored
    III/1 of the last complete month, the number the monthly report sends.
  A card's status field is not counted: a row may be active while its lapse is not yet in the
  ledger, and the ledger keeps history older than the rows.
- **Registrations this month** are III/1's "registered" column of the month: registrations
  verified in the month plus re-registrations, from the ledger (the current month up to today).
- **Placements this month** are III/1's "placed" column, likewise.
- **Open vacancies** and **open positions** are counted live from the vacancies
  (`Vacancy.objects.open()` and its positions left, at the work location, else the company's
  regency: `employers.search.open_vacancies_by_region`). IPK III/1's vacancy "remaining" is a
  different figure: the positions the ledger holds at the end of the month, which still include
  a vacancy whose end date has passed until its removal is recorded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from employers.search import NATION, open_vacancies_by_region, open_vacancy_figures
from placement.reports import ipk, services
from placement.reports.models import IpkReport

__all__ = [
    "NATION",
    "SeekerFlows",
    "monthly_seekers",
    "open_vacancies_by_region",
    "open_vacancy_figures",
    "seekers_at_month_end",
    "seekers_today",
]


@dataclass(frozen=True)
class SeekerFlows:
    """IPK III/1's seeker columns for a region and month, counted up to `through`."""

    region_code: str
    month: date
    through: date
    carried: int = 0
    registered: int = 0
    reactivated: int = 0
    placed: int = 0
    removed: int = 0
    remaining: int = 0

    @property
    def active(self) -> int:
        """Active job seekers on `through`: the stock."""
        return self.remaining

    @classmethod
    def from_headline(cls, region_code: str, month: date, through: date, headline: dict):
        seekers = headline.get("seekers", {})
        return cls(
            region_code=region_code,
            month=month,
            through=through,
            **{
                name: int(seekers.get(name, 0))
                for name in ("carried", "registered", "reactivated", "placed", "removed")
            },
            remaining=int(seekers.get("remaining", 0)),
        )


def seekers_today(region_code: str, today: date | None = None) -> SeekerFlows:
    """The current month's flows and the stock up to today, live from the ledger (one region;
    a regency office's dashboard).

    Carried over is the stored III/1 "remaining" of last month (the number the monthly report
    sent), so only this month's events are read; without a stored table it is computed from the
    whole ledger, exactly as the IPK page's provisional table does.
    """
    today = today or timezone.localdate()
    previous = services.add_months(services.month_start(today), -1)
    stored = (
        IpkReport.objects.filter(month=previous, region_code=region_code)
        .values_list("headline", flat=True)
        .first()
    )
    return _month_so_far(region_code, today, stored)


def _month_so_far(region_code: str, today: date, stored: dict | None) -> SeekerFlows:
    """`seekers_today` given last month's stored III/1 headline (None when not built)."""
    month = services.month_start(today)
    if stored is None:
        tables = services.compute_region(month=month, region_code=region_code, through=today)
        return SeekerFlows.from_headline(region_code, month, today, ipk.headline(tables))
    regency = region_code if "." in region_code else None
    province = region_code if len(region_code) == 2 and region_code != ipk.NATION else None
    rows = ipk.fetch_rows(
        start=month, end=today, regency=regency, province=province, flows_only=True
    )
    counter = ipk.tabulate(rows, only=region_code).get(region_code, Counter())
    flows = ipk.headline(ipk.finish(counter)).get("seekers", {})
    carried = int(stored.get("seekers", {}).get("remaining", 0))
    moved = {
        name: int(flows.get(name, 0)) for name in ("registered", "reactivated", "placed", "removed")
    }
    return SeekerFlows(
        region_code=region_code,
        month=month,
        through=today,
        carried=carried,
        **moved,
        remaining=carried + moved["registered"] - moved["placed"] - moved["removed"],
    )


def seekers_at_month_end(region_codes: list[str], month: date) -> dict[str, SeekerFlows | None]:
    """The stored III/1 of a complete month for each region (None where it is not built)."""
    end = services.month_end(month)
    stored = dict(
        IpkReport.objects.filter(month=month, region_code__in=region_codes).values_list(
            "region_code", "headline"
        )
    )
    return {
        code: SeekerFlows.from_headline(code, month, end, stored[code]) if code in stored else None
        for code in region_codes
    }


def monthly_seekers(
    region_code: str, months: list[date], today: date | None = None
) -> dict[date, SeekerFlows | None]:
    """III/1's seeker columns per month: stored for complete months (None where not built), live
    up to today for the current month."""
    today = today or timezone.localdate()
    this_month = services.month_start(today)
    previous = services.add_months(this_month, -1)
    complete = [m for m in months if m < this_month]
    stored = dict(
        IpkReport.objects.filter(
            region_code=region_code, month__in=[*complete, previous]
        ).values_list("month", "headline")
    )
    result: dict[date, SeekerFlows | None] = {}
    for month in months:
        if month >= this_month:
            result[month] = (
                _month_so_far(region_code, today, stored.get(previous))
                if month == this_month
                else None
            )
        elif month in stored:
            result[month] = SeekerFlows.from_headline(
                region_code, month, services.month_end(month), stored[month]
            )
        else:
            result[month] = None
    return result

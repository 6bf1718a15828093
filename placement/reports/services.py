"""Reports services: build and read the monthly IPK tables, months and regions.

`build_month` is what the monthly job and `manage.py build_reports` call: two grouped queries
over the ledger, distributed to every office's region in Python, stored with one upsert.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from placement.accounts.audit import audit
from placement.ledger import chain
from placement.ledger.models import Event
from placement.offices.models import Office
from placement.reports import ipk
from placement.reports.models import IpkReport, StandardTime
from placement.reports.tables import Grid, build_grid
from placement.taxonomy.models import Province, Regency

MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
REGION_PATTERN = r"^([0-9]{2}|[0-9]{2}\.[0-9]{2})$"
_MONTH = re.compile(MONTH_PATTERN, re.ASCII)
_REGION = re.compile(REGION_PATTERN, re.ASCII)
FIRST_YEAR = 2000


class ReportError(ValueError):
    """A month or table the reports cannot give (shown to the user as is)."""


# --- Months ---------------------------------------------------------------------------------------
def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def previous_month(today: date | None = None) -> date:
    """The first day of the month before `today`'s (the month the monthly job builds)."""
    return add_months(month_start(today or timezone.localdate()), -1)


def parse_month(value: str | None, *, today: date | None = None) -> date:
    """`YYYY-MM` to the month's first day; refuses malformed, too old and future months."""
    if not value or not _MONTH.match(value):
        raise ReportError(_("Enter the month as YYYY-MM, for example 2026-03."))
    month = date(int(value[:4]), int(value[5:7]), 1)
    if month.year < FIRST_YEAR:
        raise ReportError(_("Enter a month from %(year)s onwards.") % {"year": FIRST_YEAR})
    if month > month_start(today or timezone.localdate()):
        raise ReportError(_("That month has not started yet."))
    return month


def is_complete(month: date, today: date | None = None) -> bool:
    return month < month_start(today or timezone.localdate())


def recent_months(n: int = 24, today: date | None = None) -> list[date]:
    """This month and the `n - 1` before it, newest first."""
    this = month_start(today or timezone.localdate())
    return [add_months(this, -i) for i in range(n)]


# --- Regions --------------------------------------------------------------------------------------
def is_region_code(value: str | None) -> bool:
    return bool(value) and bool(_REGION.match(value))


_REGION_NAMES: dict[str, str] = {}  # reference data: names of known codes, read once


def region_name(code: str) -> str | None:
    """The name of a region code ("00" = the nation); None for an unknown code."""

    if code == ipk.NATION:
        return _("Indonesia (national)")
    if code not in _REGION_NAMES:
        model = Province if len(code) == 2 else Regency
        name = model.objects.filter(code=code).values_list("name", flat=True).first()
        if name is None:
            return None
        _REGION_NAMES[code] = name
    return _REGION_NAMES[code]


def parent_code(code: str) -> str | None:
    if code == ipk.NATION:
        return None
    return code.split(".")[0] if "." in code else ipk.NATION


# --- IPK tables -----------------------------------------------------------------------------------
@dataclass
class RegionTables:
    month: date
    region_code: str
    tables: dict
    provisional: bool
    built_at: datetime | None


def build_month(*, month: date, today: date | None = None) -> int:
    """Build and store the IPK tables of every office's region for a completed month."""
    return build_months(months=[month], today=today)[0]


def build_months(*, months: list[date], today: date | None = None) -> list[int]:
    """Build several completed months after one check of the ledger's hash chain."""
    months = [month_start(month) for month in months]
    if not all(is_complete(month, today) for month in months):
        raise ReportError(_("The tables of a month are built once the month has ended."))
    # Statistics are only as good as the ledger: a broken hash chain stops the build. The check
    # reads the whole ledger, so it runs once per build, not once per month.
    integrity = chain.verify(Event)
    if not integrity.ok:
        raise ReportError(
            _("The ledger's hash chain is broken (%(where)s); run verify_ledger.")
            % {"where": integrity.first_break}
        )
    return [_store_month(month) for month in months]


def _store_month(month: date) -> int:
    counters = ipk.tabulate(ipk.fetch_rows(start=month, end=month_end(month)))
    now = timezone.now()
    reports = []
    for code in Office.objects.values_list("code", flat=True):
        tables = ipk.finish(counters.get(code, Counter()))
        reports.append(
            IpkReport(
                month=month,
                region_code=code,
                tables=tables,
                headline=ipk.headline(tables),
                built_at=now,
            )
        )
    with transaction.atomic():
        # An upsert: a rerun of the same month replaces its rows, never duplicates them.
        IpkReport.objects.bulk_create(
            reports,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["month", "region_code"],
            update_fields=["tables", "headline", "built_at"],
        )
    return len(reports)


def compute_region(*, month: date, region_code: str, through: date | None = None) -> dict:
    """One region's tables computed from the ledger now (a month not built yet); with `through`,
    counting the events up to that day only (the month so far)."""
    regency = region_code if "." in region_code else None
    province = region_code if len(region_code) == 2 and region_code != ipk.NATION else None
    end = month_end(month) if through is None else min(month_end(month), through)
    rows = ipk.fetch_rows(start=month, end=end, regency=regency, province=province)
    counters = ipk.tabulate(rows, only=region_code)
    return ipk.finish(counters.get(region_code, Counter()))


def region_tables(*, month: date, region_code: str) -> RegionTables:
    """The stored tables of a region and month, else computed now and marked provisional."""
    stored = (
        IpkReport.objects.filter(month=month, region_code=region_code)
        .only("tables", "built_at")
        .first()
    )
    if stored is not None:
        return RegionTables(month, region_code, stored.tables, False, stored.built_at)
    # The month so far: events up to today, as the dashboard's "today" figures count them.
    tables = compute_region(month=month, region_code=region_code, through=timezone.localdate())
    return RegionTables(month, region_code, tables, True, None)


def ipk_grid(*, table: str, month: date, region_code: str) -> Grid:
    """One IPK table of a region and month as a labelled grid."""
    if table not in ipk.TABLES:
        raise ReportError(_("Unknown table: choose one of III/1 to III/8."))
    data = region_tables(month=month, region_code=region_code)
    return build_grid(
        table,
        data.tables,
        region_code=region_code,
        region_name=region_name(region_code) or region_code,
        month=f"{month:%Y-%m}",
        provisional=data.provisional,
        built_at=timezone.localtime(data.built_at).strftime("%Y-%m-%d %H:%M")
        if data.built_at
        else "",
    )


def built_months(region_code: str) -> list[date]:
    """Months with stored tables for a region, newest first."""
    return list(
        IpkReport.objects.filter(region_code=region_code)
        .order_by("-month")
        .values_list("month", flat=True)
    )


# --- Standard times -------------------------------------------------------------------------------
@transaction.atomic
def save_standard_times(*, changes: list[tuple[int, dict]], by) -> int:
    """Apply the national administrator's changes to the standard times; each one is audited."""
    fields = ("minutes", "per_unit", "basis")
    for pk, data in changes:
        standard = StandardTime.objects.select_for_update().get(pk=pk)
        before = {name: getattr(standard, name) for name in fields}
        for name in fields:
            setattr(standard, name, data[name])
        standard.updated_by = by
        standard.save()
        audit(
            actor=by,
            action="change",
            obj=standard,
            kind=standard.kind,
            before=before,
            after={name: getattr(standard, name) for name in fields},
        )
    return len(changes)

"""IPK tables III/1 to III/8 (Kepdirjen Binapenta KEP.268/PPTK/XII/2012, DOMAIN.md §2), computed
from the ledger and nothing else.

The counting rules, stated once (the pages repeat them in plain words):

- **Flows** of a month are the events whose `occurred_on` falls in the month. Inflows: a seeker
  registered (the officer verified the registration) or reactivated; a vacancy registered
  (published, quantity = headcount). Outflows: a seeker placed or removed; positions filled or
  removed (withdrawn or expired). `seeker_reported` changes no stock and is not counted.
- **Reactivation** (re-registration of a removed or placed card, same AK/I number) is an inflow:
  it is counted in column 2 "registered this month" and shown again as "of which re-registered".
- **Stock rule**: a seeker or vacancy leaves the stock from the cell it entered. An outflow is
  counted with the region and the dimensions (sex, age group, education, occupation group,
  industry) of the subject's latest inflow at or before it, in ledger order (`occurred_on`, id).
  People age, study and move while their card is valid: without this rule a 19-year-old registered
  in 15-19 and placed at 20 would leave a 20-29 stock she never entered, and stocks would drift
  negative. An outflow with no inflow before it (history older than the ledger) keeps its own.
- **Carried over** = every inflow minus every outflow before the month, recomputed from the whole
  ledger each time, so a late-recorded event is never lost. **Remaining** = carried over +
  registered - placed (filled) - removed, cell by cell: next month's carried over.
- **Placement tables** III/7 and III/8 count the month's `seeker_placed` events: the seeker's sex
  and education by the stock rule, the placement's own industry, AKL/AKAD/AKAN and employer type.
  They break down III/1's "placed" and add up to it; they hold no stock of their own.
- **Regions**: an event counts in its regency, that regency's province and the nation, once each
  (events carry the home office's region, so a placement across provinces is counted once).

Everything here is plain Python over grouped rows; `fetch_rows` runs the two grouped queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db import connection

from placement.ledger.models import Event, EventKind
from placement.taxonomy.education import GENERAL_SLTA, SLTA, VOCATIONAL_SLTA, slta_track

NATION = "00"
TABLES = ("iii-1", "iii-2", "iii-3", "iii-4", "iii-5", "iii-6", "iii-7", "iii-8")

SEEKER_IN = (EventKind.SEEKER_REGISTERED.value, EventKind.SEEKER_REACTIVATED.value)
SEEKER_OUT = (EventKind.SEEKER_PLACED.value, EventKind.SEEKER_REMOVED.value)
VACANCY_IN = (EventKind.VACANCY_REGISTERED.value,)
VACANCY_OUT = (EventKind.VACANCY_FILLED.value, EventKind.VACANCY_REMOVED.value)
INFLOWS = SEEKER_IN + VACANCY_IN
OUTFLOWS = SEEKER_OUT + VACANCY_OUT
OUT_FLOW = {
    EventKind.SEEKER_PLACED.value: "placed",
    EventKind.SEEKER_REMOVED.value: "removed",
    EventKind.VACANCY_FILLED.value: "filled",
    EventKind.VACANCY_REMOVED.value: "removed",
}

# Rows of the tables, in the order of the official forms. "" is the "not stated" row.
AGE_ROWS = ("15-19", "20-29", "30-44", "45-54", "55+")
# III/8's thirteen education rows: none, SD, SLTP, SLTA, D1, D2, D3, D4, Akta II, Akta III, S1,
# S2, S3 (the codes of placement/taxonomy/data/education_levels.csv).
EDUCATION_ROWS = (
    "0000",
    "1000",
    "2000",
    "3000",
    "4100",
    "4200",
    "5100",
    "6100",
    "4300",
    "5200",
    "6200",
    "7100",
    "7200",
)
# Detailed IPK codes (1102 SD completed, 3801 SMU, 31xx SMK ...) fold into their level.
EDUCATION_BY_PREFIX = {"0": "0000", "1": "1000", "2": "2000", "3": "3000"}
# III/2 and III/4 show SLTA split: general (SMA, MA, Paket C: 38xx) and vocational (SMK, MAK:
# 31xx, 32xx); "3000" stays for an SLTA whose school type is not stated (older records, or a
# vacancy that accepts either). The other rows are III/8's.
EDUCATION_DETAIL_ROWS = (
    "0000",
    "1000",
    "2000",
    GENERAL_SLTA,
    VOCATIONAL_SLTA,
    SLTA,
    *EDUCATION_ROWS[4:],
)
OCCUPATION_ROWS = tuple("0123456789")  # KBJI 2014 major groups
INDUSTRY_ROWS = tuple("ABCDEFGHIJKLMNOPQRSTU")  # KBLI 2020 categories
# III/8(b) receiving employer. "foundation" (yayasan, perkumpulan: employers under Perpres 57/2023
# that are not business entities) is a row of its own; the forms' six rows do not name it.
EMPLOYER_ROWS = (
    "government",
    "bumn_bumd",
    "cooperative",
    "private",
    "other",
    "foundation",
    "individual",
)
SCOPES = ("AKL", "AKAD", "AKAN")
SEXES = ("L", "P")

SEEKER_STOCK_FLOWS = ("carried", "registered", "reactivated", "placed", "removed", "remaining")
VACANCY_STOCK_FLOWS = ("carried", "registered", "filled", "removed", "remaining")
# (table, part) pairs that are stock-flow identities.
STOCK_PARTS = {
    ("iii-1", "seekers"),
    ("iii-2", "seekers"),
    ("iii-3", "seekers"),
    ("iii-1", "vacancies"),
    ("iii-4", "vacancies"),
    ("iii-5", "vacancies"),
    ("iii-6", "vacancies"),
}
# Each part of each table: (table, part, row dimension, column groups).
PARTS = {
    "iii-1": ("seekers", "vacancies"),
    "iii-2": ("seekers",),
    "iii-3": ("seekers",),
    "iii-4": ("vacancies",),
    "iii-5": ("vacancies",),
    "iii-6": ("vacancies",),
    "iii-7": ("placements",),
    "iii-8": ("education", "employer"),
}

Key = tuple[str, str, str, str, str]  # table, part, row, group (flow or scope), sex


def _one_of(value: str | None, allowed: Iterable[str]) -> str:
    return value if value in allowed else ""


def education_row(code: str | None) -> str:
    """The III/8 education row of an IPK education code ("" when unknown)."""
    if not code:
        return ""
    if code in EDUCATION_ROWS:
        return code
    return EDUCATION_BY_PREFIX.get(code[:1], "")


def education_detail_row(code: str | None) -> str:
    """The III/2 and III/4 row of an IPK education code: SLTA split into SMA and SMK."""
    return slta_track(code) or education_row(code)


@dataclass(frozen=True)
class Dimensions:
    """What a stock cell is keyed by (taken from the subject's inflow, see the stock rule)."""

    sex: str = ""
    age_group: str = ""
    education: str = ""
    occupation_group: str = ""
    industry_section: str = ""


@dataclass(frozen=True)
class PlacementDimensions:
    """The placement's own dimensions (III/7 and III/8)."""

    industry_section: str = ""
    placement_scope: str = ""
    employer_type: str = ""


def contributions(
    kind: str,
    *,
    in_month: bool,
    stock: Dimensions,
    placement: PlacementDimensions | None = None,
    quantity: int = 1,
) -> list[tuple[Key, int]]:
    """The table cells one event (or one group of identical events) adds to, with signs."""
    out: list[tuple[Key, int]] = []
    if kind in INFLOWS:
        sign = 1
        if not in_month:
            flows: tuple[str, ...] = ("carried",)
        elif kind == EventKind.SEEKER_REACTIVATED:
            flows = ("registered", "reactivated")
        else:
            flows = ("registered",)
    elif kind in OUTFLOWS:
        sign = 1 if in_month else -1
        flows = (OUT_FLOW[kind],) if in_month else ("carried",)
    else:
        return out
    sex = _one_of(stock.sex, SEXES)
    education = education_row(stock.education)
    education_detail = education_detail_row(stock.education)
    occupation = _one_of(stock.occupation_group, OCCUPATION_ROWS)
    n = sign * quantity
    if kind in SEEKER_IN or kind in SEEKER_OUT:
        age = _one_of(stock.age_group, AGE_ROWS)
        for flow in flows:
            out.append((("iii-1", "seekers", age, flow, sex), n))
            out.append((("iii-2", "seekers", education_detail, flow, sex), n))
            out.append((("iii-3", "seekers", occupation, flow, sex), n))
        if kind == EventKind.SEEKER_PLACED and in_month:
            placement = placement or PlacementDimensions()
            industry = _one_of(placement.industry_section, INDUSTRY_ROWS)
            scope = _one_of(placement.placement_scope, SCOPES)
            employer = _one_of(placement.employer_type, EMPLOYER_ROWS)
            out.append((("iii-7", "placements", industry, "placed", sex), quantity))
            out.append((("iii-8", "education", education, scope, sex), quantity))
            out.append((("iii-8", "employer", employer, scope, sex), quantity))
    else:
        industry = _one_of(stock.industry_section, INDUSTRY_ROWS)
        for flow in flows:
            out.append((("iii-1", "vacancies", "", flow, sex), n))
            out.append((("iii-4", "vacancies", education_detail, flow, sex), n))
            out.append((("iii-5", "vacancies", occupation, flow, sex), n))
            out.append((("iii-6", "vacancies", industry, flow, sex), n))
    return out


def finish(counter: Counter) -> dict:
    """Nested JSON {table: {part: {row: {group: {sex: n}}}}} with the remaining stock added."""
    cells: dict[Key, int] = dict(counter)
    for (table, part, row, group, sex), n in counter.items():
        if (table, part) not in STOCK_PARTS:
            continue
        key = (table, part, row, "remaining", sex)
        if group in ("carried", "registered"):
            cells[key] = cells.get(key, 0) + n
        elif group in ("placed", "filled", "removed"):
            cells[key] = cells.get(key, 0) - n
    nested: dict = {}
    for (table, part, row, group, sex), n in cells.items():
        if n:
            groups = nested.setdefault(table, {}).setdefault(part, {}).setdefault(row, {})
            groups.setdefault(group, {})[sex] = n
    return nested


def headline(tables: dict) -> dict:
    """Totals of III/1 by flow, for the public page and month lists."""
    result: dict = {}
    for part in ("seekers", "vacancies"):
        totals: Counter = Counter()
        for groups in tables.get("iii-1", {}).get(part, {}).values():
            for group, sexes in groups.items():
                totals[group] += sum(sexes.values())
        result[part] = dict(totals)
    return result


def region_targets(regency: str | None, province: str | None) -> tuple[str, ...]:
    """The region codes an event counts in: its regency, its province, the nation."""
    if not province and regency:
        province = regency.split(".")[0]
    return (*(code for code in (regency, province) if code), NATION)


# --- The two grouped queries ----------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    """One grouped row: events of one kind and month side with identical cells."""

    kind: str
    in_month: bool
    regency: str | None
    province: str | None
    stock: Dimensions
    placement: PlacementDimensions | None
    quantity: int


def _placeholders(values: Iterable[object]) -> str:
    return ", ".join("%s" for _ in values)


def fetch_rows(
    *,
    start: date,
    end: date,
    regency: str | None = None,
    province: str | None = None,
    flows_only: bool = False,
) -> Iterator[Row]:
    """Inflows and outflows up to `end`, grouped by cell; outflows carry their inflow's cell.

    With `regency` or `province`, only subjects that ever had an event there are read (the
    caller keeps the rows whose cell lies in the region). With `flows_only`, only the events
    from `start` on are read: the month's flows without the carried-over stock (which the caller
    takes from the stored table of the month before).
    """
    table = Event._meta.db_table
    params: list[object]
    region_sql, region_params = "", []
    if regency:
        region_sql, region_params = " AND e.regency_id = %s", [regency]
    elif province:
        region_sql, region_params = " AND e.province_id = %s", [province]
    if flows_only:
        region_sql += " AND e.occurred_on >= %s"
        region_params = [*region_params, start]
    inflow_sql = (
        "SELECT e.kind, CASE WHEN e.occurred_on >= %s THEN 1 ELSE 0 END, e.regency_id, "  # noqa: S608
        "e.province_id, e.sex, e.age_group, e.education, e.occupation_group, "
        "e.industry_section, SUM(e.quantity) "
        f"FROM {table} e WHERE e.kind IN ({_placeholders(INFLOWS)}) AND e.occurred_on <= %s"
        f"{region_sql} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
    )
    params = [start, *INFLOWS, end, *region_params]
    with connection.cursor() as cursor:
        cursor.execute(inflow_sql, params)
        for kind, in_month, reg, prov, sex, age, edu, occ, ind, qty in cursor.fetchall():
            yield Row(
                kind, bool(in_month), reg, prov, Dimensions(sex, age, edu, occ, ind), None, qty
            )

    def cohort(column: str) -> str:
        return f"CASE WHEN i.id IS NULL THEN o.{column} ELSE i.{column} END"

    def own(column: str) -> str:
        return f"CASE WHEN o.occurred_on >= %s THEN o.{column} ELSE '' END"

    outflow_region, outflow_region_params = "", []
    if regency or province:
        column = "regency_id" if regency else "province_id"
        # The subjects that ever had an event in the region (the outflow itself is one of them
        # when it lies there): a semi-join the (region, occurred_on, kind) index answers, instead
        # of a probe per outflow of the whole ledger.
        outflow_region = (
            " AND (o.subject_type, o.subject_id) IN (SELECT r.subject_type, r.subject_id "  # noqa: S608
            f"FROM {table} r WHERE r.{column} = %s)"
        )
        outflow_region_params = [regency or province]
    if flows_only:
        outflow_region += " AND o.occurred_on >= %s"
        outflow_region_params = [*outflow_region_params, start]
    columns = ", ".join(
        cohort(c)
        for c in (
            "regency_id",
            "province_id",
            "sex",
            "age_group",
            "education",
            "occupation_group",
            "industry_section",
        )
    )
    outflow_sql = (
        "SELECT o.kind, CASE WHEN o.occurred_on >= %s THEN 1 ELSE 0 END, "  # noqa: S608
        f"{columns}, {own('industry_section')}, {own('placement_scope')}, "
        f"{own('employer_type')}, SUM(o.quantity) "
        f"FROM {table} o LEFT JOIN {table} i ON i.id = ("
        f"SELECT c.id FROM {table} c "
        "WHERE c.subject_type = o.subject_type AND c.subject_id = o.subject_id "
        f"AND ((o.kind IN ({_placeholders(SEEKER_OUT)}) AND c.kind IN "
        f"({_placeholders(SEEKER_IN)})) OR (o.kind IN ({_placeholders(VACANCY_OUT)}) "
        f"AND c.kind IN ({_placeholders(VACANCY_IN)}))) "
        "AND (c.occurred_on < o.occurred_on OR (c.occurred_on = o.occurred_on AND c.id < o.id)) "
        "ORDER BY c.occurred_on DESC, c.id DESC LIMIT 1) "
        f"WHERE o.kind IN ({_placeholders(OUTFLOWS)}) AND o.occurred_on <= %s{outflow_region} "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12"
    )
    params = [
        start,
        start,
        start,
        start,
        *SEEKER_OUT,
        *SEEKER_IN,
        *VACANCY_OUT,
        *VACANCY_IN,
        *OUTFLOWS,
        end,
        *outflow_region_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(outflow_sql, params)
        for (
            kind,
            in_month,
            reg,
            prov,
            sex,
            age,
            edu,
            occ,
            ind,
            p_ind,
            p_scope,
            p_emp,
            qty,
        ) in cursor.fetchall():
            yield Row(
                kind,
                bool(in_month),
                reg,
                prov,
                Dimensions(sex, age, edu, occ, ind),
                PlacementDimensions(p_ind, p_scope, p_emp),
                qty,
            )


def tabulate(rows: Iterable[Row], *, only: str | None = None) -> dict[str, Counter]:
    """Distribute grouped rows to every region they count in (or to region `only`)."""
    counters: dict[str, Counter] = {}
    for row in rows:
        targets = region_targets(row.regency, row.province)
        if only is not None:
            if only not in targets:
                continue
            targets = (only,)
        cells = contributions(
            row.kind,
            in_month=row.in_month,
            stock=row.stock,
            placement=row.placement,
            quantity=int(row.quantity),
        )
        for code in targets:
            counter = counters.get(code)
            if counter is None:
                counter = counters[code] = Counter()
            for key, n in cells:
                counter[key] += n
    return counters

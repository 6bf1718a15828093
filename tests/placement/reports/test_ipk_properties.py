"""Property tests over random ledger histories: the tables balance, roll-ups equal the sum of their
parts, and every table equals a direct, event-by-event count of the ledger."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from placement.ledger.models import Event
from placement.reports import ipk
from placement.reports.services import compute_region
from tests.placement.reports.history import REGENCIES, expected_tables, histories, to_event

MONTHS = (date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1))
PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
REGIONS = (*REGENCIES, "62", "31", "00")


class Rollback(Exception):
    pass


def month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def computed(month: date) -> dict[str, dict]:
    counters = ipk.tabulate(ipk.fetch_rows(start=month, end=month_end(month)))
    return {code: ipk.finish(counters.get(code, Counter())) for code in REGIONS}


def in_ledger(events, check) -> None:
    """Write the events, run the check, roll the (append-only) ledger back."""
    try:
        with transaction.atomic():
            Event.objects.bulk_create([to_event(e) for e in events])
            check()
            raise Rollback
    except Rollback:
        pass


def cells(tables: dict) -> Counter:
    flat: Counter = Counter()
    for table, parts in tables.items():
        for part, rows in parts.items():
            for row, groups in rows.items():
                for group, sexes in groups.items():
                    for sex, n in sexes.items():
                        flat[(table, part, row, group, sex)] += n
    return flat


@pytest.mark.django_db
@PROPERTY
@given(events=histories(orphans=True))
def test_every_table_equals_a_direct_count_of_the_events(events):
    def check() -> None:
        for month in MONTHS:
            expected = expected_tables(events, start=month, end=month_end(month))
            tables = computed(month)
            for code in REGIONS:
                assert tables[code] == expected.nested(code), (month, code)

    in_ledger(events, check)


@pytest.mark.django_db
@PROPERTY
@given(events=histories(), region=st.sampled_from(REGIONS))
def test_one_region_computed_alone_equals_the_full_build(events, region):
    def check() -> None:
        month = MONTHS[1]
        assert compute_region(month=month, region_code=region) == computed(month)[region]

    in_ledger(events, check)


def total(counters: list[Counter]) -> dict:
    """The cell-wise sum (negative cells kept: Counter's + would drop them)."""
    result: Counter = Counter()
    for counter in counters:
        result.update(counter)
    return {key: n for key, n in result.items() if n}


@pytest.mark.django_db
@PROPERTY
@given(events=histories())
def test_every_table_balances_and_no_stock_goes_negative(events):
    def check() -> None:
        by_month = {month: computed(month) for month in MONTHS}
        for code in REGIONS:
            for month, following in itertools.pairwise(MONTHS):
                now, then = cells(by_month[month][code]), cells(by_month[following][code])
                for table, part in ipk.STOCK_PARTS:
                    keys = {k[2:] for k in now | then if k[:2] == (table, part)}
                    for row, _group, sex in keys:

                        def get(flat, group, table=table, part=part, row=row, sex=sex):
                            return flat[(table, part, row, group, sex)]

                        out = get(now, "placed") + get(now, "filled") + get(now, "removed")
                        remaining = get(now, "carried") + get(now, "registered") - out
                        assert get(now, "remaining") == remaining
                        # This month's remaining is next month's carried over, computed again
                        # from the whole ledger.
                        assert get(then, "carried") == remaining
                        assert remaining >= 0
                        assert 0 <= get(now, "reactivated") <= get(now, "registered")

    in_ledger(events, check)


@pytest.mark.django_db
@PROPERTY
@given(events=histories(orphans=True))
def test_every_roll_up_equals_the_sum_of_its_parts(events):
    def check() -> None:
        tables = computed(MONTHS[1])
        flat = {code: total([cells(tables[code])]) for code in REGIONS}
        for province in ("62", "31"):
            parts = [flat[c] for c in REGENCIES if c.startswith(province + ".")]
            assert flat[province] == total(parts)
        assert flat["00"] == total([flat["62"], flat["31"]])

    in_ledger(events, check)


@pytest.mark.django_db
@PROPERTY
@given(events=histories())
def test_placement_tables_add_up_to_the_placed_line_of_iii_1(events):
    def check() -> None:
        for code, tables in computed(MONTHS[1]).items():
            flat = cells(tables)
            placed = sum(
                n for k, n in flat.items() if k[:2] == ("iii-1", "seekers") and k[3] == "placed"
            )
            for table, part in (
                ("iii-7", "placements"),
                ("iii-8", "education"),
                ("iii-8", "employer"),
            ):
                assert sum(n for k, n in flat.items() if k[:2] == (table, part)) == placed, code
            by_education = Counter()
            for k, n in flat.items():
                if k[:2] == ("iii-8", "education"):
                    by_education[(k[2], k[4])] += n
            placed_by_level = Counter()
            for k, n in flat.items():
                if k[:2] == ("iii-2", "seekers") and k[3] == "placed":
                    # III/2 splits SLTA (3800 general, 3100 vocational); III/8 has one SLTA row.
                    level = "3000" if k[2] in ("3800", "3100") else k[2]
                    placed_by_level[(level, k[4])] += n
            assert +placed_by_level == +by_education

    in_ledger(events, check)

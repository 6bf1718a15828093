from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from placement.offices.models import Office
from placement.reports import services
from placement.reports.models import IpkReport
from placement.reports.tasks import build_monthly_reports
from tests.placement.reports.conftest import MONTH


def cell(tables: dict, table: str, part: str, row: str, group: str, sex: str) -> int:
    return tables.get(table, {}).get(part, {}).get(row, {}).get(group, {}).get(sex, 0)


def test_building_a_month_stores_the_tables_of_every_office(ledger):
    assert services.build_month(month=MONTH) == Office.objects.count() == 553
    tables = IpkReport.objects.get(month=MONTH, region_code="62.71").tables
    assert cell(tables, "iii-1", "seekers", "15-19", "carried", "P") == 1
    assert cell(tables, "iii-1", "seekers", "15-19", "registered", "P") == 1
    # Placed at 20, but she entered the stock at 19: she leaves it from the 15-19 row.
    assert cell(tables, "iii-1", "seekers", "15-19", "placed", "P") == 1
    assert cell(tables, "iii-1", "seekers", "20-29", "placed", "P") == 0
    assert cell(tables, "iii-1", "seekers", "20-29", "removed", "L") == 1
    assert cell(tables, "iii-1", "vacancies", "", "carried", "") == 5
    assert cell(tables, "iii-1", "vacancies", "", "filled", "") == 3
    assert cell(tables, "iii-1", "vacancies", "", "remaining", "") == 2
    assert cell(tables, "iii-8", "employer", "private", "AKAD", "P") == 1
    assert cell(tables, "iii-7", "placements", "C", "placed", "P") == 1


def test_a_province_counts_its_regencies_and_the_nation_every_event_once(ledger):
    services.build_month(month=MONTH)
    reports = {
        r.region_code: r.headline["seekers"]
        for r in IpkReport.objects.filter(month=MONTH, region_code__in=["62", "31", "00", "62.01"])
    }
    assert reports["62.01"] == {"carried": 1, "remaining": 1}
    assert reports["62"]["carried"] == 3
    assert reports["62"]["registered"] == 1
    assert reports["31"] == {"registered": 1, "remaining": 1}
    assert reports["00"]["registered"] == 2
    assert reports["00"]["placed"] == 1  # the AKAD placement counts once, at the home office


def test_a_rebuild_replaces_the_month_instead_of_adding_rows(ledger):
    services.build_month(month=MONTH)
    services.build_month(month=MONTH)
    assert IpkReport.objects.filter(month=MONTH).count() == 553


def test_the_current_month_is_not_built_but_computed_as_provisional(db):
    this_month = services.month_start(date.today())
    with pytest.raises(services.ReportError):
        services.build_month(month=this_month)
    data = services.region_tables(month=this_month, region_code="62.71")
    assert data.provisional is True


def test_a_stored_month_is_read_not_recomputed(ledger, django_assert_num_queries):
    services.build_month(month=MONTH)
    with django_assert_num_queries(1):
        data = services.region_tables(month=MONTH, region_code="62")
    assert data.provisional is False


def test_reactivation_is_counted_as_a_registration_of_its_month(ledger):
    tables = services.compute_region(month=date(2025, 4, 1), region_code="62.71")
    assert cell(tables, "iii-2", "seekers", "6200", "registered", "L") == 1
    assert cell(tables, "iii-2", "seekers", "6200", "reactivated", "L") == 1
    assert cell(tables, "iii-2", "seekers", "6200", "carried", "L") == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-13", "TTTT-BB"),
        ("2025-1", "TTTT-BB"),
        ("", "TTTT-BB"),
        ("1999-12", "2000"),
        ("2999-01", "belum dimulai"),
    ],
)
def test_a_bad_month_is_refused_with_a_reason(value, message):
    with pytest.raises(services.ReportError, match=message):
        services.parse_month(value)


def test_the_monthly_task_builds_last_month(db, time_machine):
    time_machine.move_to("2025-04-01 02:00 +07:00")
    assert build_monthly_reports() == 553
    assert IpkReport.objects.filter(month=date(2025, 3, 1)).count() == 553


def test_the_command_builds_a_month_by_hand(ledger):
    out = StringIO()
    call_command("build_reports", "--month", "2025-03", stdout=out)
    assert "IPK 2025-03: 553 offices" in out.getvalue()
    assert IpkReport.objects.get(month=MONTH, region_code="00").headline["seekers"]["placed"] == 1


def test_the_command_refuses_a_bad_month(db):
    with pytest.raises(CommandError, match="TTTT-BB"):
        call_command("build_reports", "--month", "March", stdout=StringIO())

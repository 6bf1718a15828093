"""The IPK tables and the public statistics in a real browser, on the demo data."""

from __future__ import annotations

import re

from openpyxl import load_workbook

from tests.e2e.conftest import axe_violations, sign_in


def page_rows(page) -> list[list[int]]:
    """The numbers of every body row of the IPK tables on the page, top to bottom."""
    rows = []
    for table in page.locator("table.ipk-table").all():
        for row in table.locator("tbody tr").all():
            rows.append([int(cell) for cell in row.locator("td").all_inner_texts()])
    return rows


def test_officer_opens_iii_1_of_palangka_raya_and_the_xlsx_matches_the_page(page, tmp_path):
    sign_in(page, "officer.6271@antarkerja.example")
    page.goto("/officer/reports/")
    page.click("a[href^='/officer/reports/ipk/iii-1/']")
    page.wait_for_load_state()
    assert "Palangka" in page.locator(".lead").inner_text()
    assert page.locator("table.ipk-table").count() == 2
    rows = page_rows(page)
    # The demo ledger gives a lived-in month: people carried over, registered and placed.
    carried, registered = rows[0][-1], rows[1][-1]
    assert carried > 0 and registered > 0
    assert axe_violations(page) == []

    with page.expect_download() as download_info:
        page.click("a[href*='/export/xlsx/']")
    path = tmp_path / "iii-1.xlsx"
    download_info.value.save_as(path)
    sheet = load_workbook(path).active
    sheet_rows = [
        [value for value in row[1:] if value is not None]
        for row in sheet.iter_rows(values_only=True)
        if row and isinstance(row[0], str) and len(row) > 1 and isinstance(row[1], int)
    ]
    assert sheet_rows == rows
    assert re.search(r"Palangka", str(sheet["B2"].value))


def test_provincial_officer_moves_down_to_a_regency(page):
    sign_in(page, "officer.62@antarkerja.example")
    page.goto("/officer/reports/ipk/iii-2/?region=62")
    assert page.locator("table.ipk-table").count() == 1
    page.click("a[href*='region=62.01']")
    page.wait_for_load_state()
    assert "Kotawaringin Barat" in page.locator(".lead").inner_text()


def test_public_statistics_need_no_account_and_are_accessible(page):
    page.goto("/statistik/?region=62")
    assert page.locator("svg.chart").count() == 3
    assert page.locator("#table-months tbody tr").count() == 12
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/statistik/?region=62")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

"""Exports neutralise formulas and keep numbers as numbers; charts are accessible inline SVG."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from placement.reports import charts, exports
from placement.reports.tables import build_grid


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=x", "\r=x"])
def test_a_text_cell_that_looks_like_a_formula_is_neutralised(text):
    assert exports.safe(text) == "'" + text


def test_numbers_and_ordinary_text_are_left_alone():
    assert exports.safe(-3) == -3
    assert exports.safe(2.5) == 2.5
    assert exports.safe("Kota Palangkaraya") == "Kota Palangkaraya"


def grid(name: str = '=HYPERLINK("http://x")'):
    tables = {"iii-7": {"placements": {"C": {"placed": {"L": 2, "P": 1}}}}}
    return build_grid("iii-7", tables, region_code="62.71", region_name=name, month="2025-03")


def test_a_malicious_name_is_neutralised_in_csv_and_xlsx():
    lines = list(csv.reader(io.StringIO(exports.grid_csv(grid()).decode("utf-8-sig"))))
    assert all(not cell.startswith("=") for line in lines for cell in line)
    sheet = load_workbook(io.BytesIO(exports.grid_xlsx(grid()))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert sheet.cell(row=2, column=2).value.startswith("'=")


def test_the_xlsx_has_headers_totals_and_numeric_cells():
    sheet = load_workbook(io.BytesIO(exports.grid_xlsx(grid("Kota Palangkaraya")))).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row and row[0]]
    manufacturing = next(
        row for row in rows if row[0] == "Manufacturing" or row[0] == "Industri pengolahan"
    )
    assert manufacturing[1:4] == (2, 1, 3)
    total = [row for row in rows if row[0] in ("Total", "Jumlah")][-1]
    assert total[1:4] == (2, 1, 3)
    assert all(isinstance(v, int) for v in total[1:4])


def test_the_pdf_is_a_pdf():
    assert exports.grid_pdf(grid()).startswith(b"%PDF")


def test_sheet_titles_are_valid_for_excel():
    content = exports.sheets_xlsx(
        [exports.Sheet("a/b: [c]? a very long title beyond 31", ["x"], [[1]])]
    )
    title = load_workbook(io.BytesIO(content)).sheetnames[0]
    assert len(title) <= 31 and not set(title) & set(":\\/?*[]")


def test_a_bar_chart_is_accessible_svg_with_escaped_labels():
    svg = charts.bar_chart(
        chart_id="c1", title="Title <b>", description="Desc", items=[("<script>", 3), ("B", 0)]
    )
    assert svg.startswith('<svg class="chart" role="img"')
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Title &lt;b&gt;</title>' in svg
    assert "<script>" not in svg
    assert "style=" not in svg
    assert svg.count("<rect") == 2


def test_a_column_chart_scales_to_the_largest_value():
    svg = charts.column_chart(
        chart_id="c2", title="T", description="D", items=[("a", 10), ("b", 5)]
    )
    assert 'height="170.0"' in svg and 'height="85.0"' in svg

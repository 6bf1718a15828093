"""CSV, XLSX and PDF files of the reports.

Every text cell that a spreadsheet could read as a formula (it starts with = + - @, or a tab or
carriage return) is neutralised with a leading apostrophe (SECURITY.md); numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.translation import gettext as _

from placement.reports.tables import Grid, Section

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": XLSX_TYPE,
    "pdf": "application/pdf",
}


def safe(value: object) -> object:
    """A cell value with formulas neutralised; numbers and None are returned unchanged."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


@dataclass
class Sheet:
    """A plain table for the generic exports (activity evidence, skills gap)."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]


# --- Grids (the IPK tables) -----------------------------------------------------------------------
def _header_lines(section: Section) -> list[list[object]]:
    lines: list[list[object]] = []
    if section.groups:
        top: list[object] = [section.row_header]
        for label, span in section.groups:
            top += [label] + [""] * (span - 1)
        lines.append(top)
        lines.append(["", *section.columns])
    else:
        lines.append([section.row_header, *section.columns])
    return lines


def _preamble(grid: Grid) -> list[list[object]]:
    lines: list[list[object]] = [
        [grid.title],
        [_("Region"), f"{grid.region_name} ({grid.region_code})"],
        [_("Month"), grid.month],
    ]
    if grid.provisional:
        lines.append([_("Provisional: computed from the ledger now, not yet published.")])
    return lines


def grid_csv(grid: Grid) -> bytes:
    """The grid as CSV (UTF-8 with BOM so spreadsheet programs read the names right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in _preamble(grid):
        writer.writerow([safe(v) for v in line])
    for section in grid.sections:
        writer.writerow([])
        writer.writerow([safe(section.title)])
        for line in _header_lines(section):
            writer.writerow([safe(v) for v in line])
        for row in section.rows:
            writer.writerow([safe(row.label), *row.values])
    writer.writerow([])
    for note in grid.notes:
        writer.writerow([safe(note)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def grid_xlsx(grid: Grid) -> bytes:
    """The grid as an XLSX workbook: one sheet, merged group headers, totals in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = grid.table.upper().replace("-", " ")
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="E8F0F8")
    for line in _preamble(grid):
        sheet.append([safe(v) for v in line])
    sheet["A1"].font = Font(bold=True, size=13)
    width = 1
    for section in grid.sections:
        sheet.append([])
        sheet.append([safe(section.title)])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        header_lines = _header_lines(section)
        for line in header_lines:
            sheet.append([safe(v) for v in line])
            for column in range(1, len(line) + 1):
                cell = sheet.cell(row=sheet.max_row, column=column)
                cell.font = bold
                cell.fill = header_fill
                cell.alignment = Alignment(horizontal="center", wrap_text=True)
        if section.groups:
            top = sheet.max_row - 1
            column = 2
            for _label, span in section.groups:
                if span > 1:
                    sheet.merge_cells(
                        start_row=top,
                        start_column=column,
                        end_row=top,
                        end_column=column + span - 1,
                    )
                column += span
        for row in section.rows:
            sheet.append([safe(row.label), *row.values])
            if row.style in ("total", "sum"):
                for column in range(1, len(row.values) + 2):
                    sheet.cell(row=sheet.max_row, column=column).font = bold
        width = max(width, len(section.columns) + 1)
    sheet.append([])
    for note in grid.notes:
        sheet.append([safe(note)])
    sheet.column_dimensions["A"].width = 44
    for column in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 9
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def grid_pdf(grid: Grid) -> bytes:
    """The grid as a landscape A4 PDF for signing and filing."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title=grid.title,
        author="AntarKerja",
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8.5)
    story: list = [
        Paragraph(_escape(grid.title), styles["Title"]),
        Paragraph(
            _escape(f"{grid.region_name} ({grid.region_code}) · {grid.month}"), styles["Heading3"]
        ),
    ]
    if grid.provisional:
        story.append(
            Paragraph(
                _escape(_("Provisional: computed from the ledger now, not yet published.")),
                styles["BodyText"],
            )
        )
    available = landscape(A4)[0] - 20 * mm
    for section in grid.sections:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(_escape(section.title), styles["Heading4"]))
        header_lines = _header_lines(section)
        data: list[list[object]] = [
            [Paragraph(_escape(str(v)), small) if v != "" else "" for v in line]
            for line in header_lines
        ]
        for row in section.rows:
            data.append([Paragraph(_escape(row.label), small), *row.values])
        n_values = len(section.columns)
        label_width = min(60 * mm, available * 0.3)
        value_width = (available - label_width) / max(n_values, 1)
        table = Table(
            data, colWidths=[label_width] + [value_width] * n_values, repeatRows=len(header_lines)
        )
        style = [
            ("FONTSIZE", (0, 0), (-1, -1), 7),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (-1, len(header_lines) - 1), colors.HexColor("#E8F0F8")),
            ("ALIGN", (1, len(header_lines)), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        if section.groups:
            column = 1
            for _label, span in section.groups:
                if span > 1:
                    style.append(("SPAN", (column, 0), (column + span - 1, 0)))
                column += span
        for index, row in enumerate(section.rows, start=len(header_lines)):
            if row.style in ("total", "sum"):
                style.append(("FONTNAME", (1, index), (-1, index), "Helvetica-Bold"))
        table.setStyle(TableStyle(style))
        story.append(table)
    story.append(Spacer(1, 4 * mm))
    for note in grid.notes:
        story.append(Paragraph(_escape(note), small))
    document.build(story)
    return buffer.getvalue()


def _escape(text: str) -> str:
    """Paragraph text is a small markup language: escape it."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


GRID_WRITERS = {"csv": grid_csv, "xlsx": grid_xlsx, "pdf": grid_pdf}


# --- Plain tables ---------------------------------------------------------------------------------
def sheets_csv(sheets: Sequence[Sheet]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for index, sheet in enumerate(sheets):
        if index:
            writer.writerow([])
        if len(sheets) > 1:
            writer.writerow([safe(sheet.title)])
        writer.writerow([safe(h) for h in sheet.headers])
        for row in sheet.rows:
            writer.writerow([safe(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def sheets_xlsx(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet_data in sheets:
        sheet = workbook.create_sheet(title=_sheet_title(sheet_data.title))
        sheet.append([safe(h) for h in sheet_data.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in sheet_data.rows:
            sheet.append([safe(v) for v in row])
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    """Excel sheet names: at most 31 characters, none of : \\ / ? * [ ]."""
    cleaned = "".join(" " if c in ":\\/?*[]" else c for c in str(title)).strip()
    return cleaned[:31] or "Sheet"


SHEET_WRITERS = {"csv": sheets_csv, "xlsx": sheets_xlsx}


def download(content: bytes, fmt: str, filename: str) -> HttpResponse:
    """The export as a file download (`filename` without the extension)."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response

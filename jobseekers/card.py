"""The AK/I card ("kartu kuning") as a PDF: two sides on one A4 page, with a QR code to the check.

Side 1 holds the number, NIK, dates, the four report boxes and the QR code; side 2 the person's
data and the officer's signature line (DOMAIN.md §1, tribunnews 2022/05/09).
"""

from __future__ import annotations

import io

import segno
from django.utils.translation import gettext as _
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from jobseekers.models import JobSeeker
from jobseekers.services import preferred_occupations
from placement.fonts import PdfCanvas
from placement.ledger import services as ledger
from placement.ledger.models import EventKind
from placement.migrants.services import card_marks

CARD_WIDTH, CARD_HEIGHT = 170 * mm, 108 * mm
YELLOW = Color(1, 0.93, 0.55)
REPORT_BOXES = 4


def _date(value) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def _draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw a QR code from its module matrix (no image library needed)."""
    qr = segno.make(text, error="m", micro=False)
    matrix = list(qr.matrix)
    border = 2
    count = len(matrix) + 2 * border
    module = size / count
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                canvas.rect(
                    x + (col_index + border) * module,
                    y + size - (row_index + border + 1) * module,
                    module,
                    module,
                    stroke=0,
                    fill=1,
                )


def _label_value(canvas: Canvas, x: float, y: float, label: str, value: str, width: float) -> None:
    canvas.setFont("Helvetica", 7.5)
    canvas.setFillColor(black)
    canvas.drawString(x, y, label)
    canvas.setFont("Helvetica-Bold", 9.5)
    text = value or "-"
    while canvas.stringWidth(text, "Helvetica-Bold", 9.5) > width and len(text) > 4:
        text = text[:-2].rstrip() + "…"
    canvas.drawString(x + 42 * mm, y, text)


def _report_dates(seeker: JobSeeker) -> list[str]:
    events = [
        e.occurred_on
        for e in ledger.history(seeker)
        if e.kind in (EventKind.SEEKER_REPORTED, EventKind.SEEKER_REACTIVATED)
    ]
    return [_date(day) for day in events[-REPORT_BOXES:]]


def _front(canvas: Canvas, seeker: JobSeeker, verify_url: str, x: float, y: float) -> None:
    canvas.setFillColor(YELLOW)
    canvas.rect(x, y, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=1)
    top = y + CARD_HEIGHT
    canvas.setFillColor(black)
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(x + 6 * mm, top - 9 * mm, _("JOB SEEKER REGISTRATION CARD"))
    canvas.setFont("Helvetica", 8.5)
    canvas.drawString(x + 6 * mm, top - 14 * mm, _("Kartu tanda bukti pendaftaran pencari kerja"))
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawRightString(x + CARD_WIDTH - 6 * mm, top - 11 * mm, "AK/I")
    canvas.setFont("Helvetica", 8.5)
    canvas.drawString(x + 6 * mm, top - 20 * mm, seeker.office.name if seeker.office else "")
    # Marks of other records, e.g. "CPMI" for a prospective migrant worker (issue 16).
    marks = card_marks(seeker)
    if marks:
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawRightString(x + CARD_WIDTH - 6 * mm, top - 17 * mm, " ".join(marks))

    rows = [
        (_("AK/I number"), seeker.ak1_number or ""),
        (_("NIK"), seeker.nik or ""),
        (_("Name"), seeker.full_name),
        (_("Registered on"), _date(seeker.registered_on)),
        (_("Valid until"), _date(seeker.expires_on)),
        (_("Next report due"), _date(seeker.next_report_on)),
    ]
    line = top - 30 * mm
    for label, value in rows:
        _label_value(canvas, x + 6 * mm, line, label, value, 70 * mm)
        line -= 6.5 * mm

    # Four report boxes (the six-monthly reports).
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(x + 6 * mm, y + 22 * mm, _("Reports (every six months)"))
    dates = _report_dates(seeker)
    box_width = 27 * mm
    for index in range(REPORT_BOXES):
        bx = x + 6 * mm + index * (box_width + 2 * mm)
        canvas.setFillColor(white)
        canvas.rect(bx, y + 7 * mm, box_width, 13 * mm, stroke=1, fill=1)
        canvas.setFillColor(black)
        canvas.setFont("Helvetica", 7)
        canvas.drawString(bx + 2 * mm, y + 16 * mm, f"{index + 1}.")
        if index < len(dates):
            canvas.setFont("Helvetica-Bold", 8.5)
            canvas.drawString(bx + 2 * mm, y + 10 * mm, dates[index])

    qr_size = 38 * mm
    qx, qy = x + CARD_WIDTH - qr_size - 6 * mm, y + 26 * mm
    _draw_qr(canvas, verify_url, qx, qy, qr_size)
    canvas.setFont("Helvetica", 6.5)
    canvas.drawCentredString(qx + qr_size / 2, qy - 4 * mm, _("Scan to check this card"))


def _back(canvas: Canvas, seeker: JobSeeker, x: float, y: float) -> None:
    canvas.setFillColor(YELLOW)
    canvas.rect(x, y, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=1)
    top = y + CARD_HEIGHT
    education = seeker.educations.select_related("level").first()
    education_text = (
        " ".join(filter(None, [education.level.short_name, education.major, education.school]))
        if education
        else ""
    )
    wanted = ", ".join(o.title for o in preferred_occupations(seeker)[:2])
    born = ", ".join(filter(None, [seeker.birth_place, _date(seeker.birth_date)]))
    address = ", ".join(
        filter(
            None,
            [
                seeker.address,
                seeker.district.name if seeker.district else "",
                seeker.regency.name if seeker.regency else "",
            ],
        )
    )
    rows = [
        (_("Name"), seeker.full_name),
        (_("Place and date of birth"), born),
        (_("Sex"), seeker.get_sex_display()),
        (_("Marital status"), seeker.get_marital_status_display()),
        (_("Religion"), seeker.get_religion_display()),
        (_("Address"), address),
        (_("Education"), education_text),
        (_("Wanted job"), wanted),
    ]
    line = top - 12 * mm
    for label, value in rows:
        _label_value(canvas, x + 6 * mm, line, label, value, CARD_WIDTH - 56 * mm)
        line -= 7 * mm
    canvas.setFont("Helvetica", 8)
    signer = seeker.verified_by.get_full_name() if seeker.verified_by else ""
    sx = x + CARD_WIDTH - 66 * mm
    canvas.drawString(sx, y + 24 * mm, _("Pengantar Kerja"))
    canvas.line(sx, y + 11 * mm, sx + 58 * mm, y + 11 * mm)
    canvas.drawString(sx, y + 7 * mm, signer)


def render_card_pdf(seeker: JobSeeker, *, verify_url: str) -> bytes:
    """The AK/I card of a verified seeker as PDF bytes; the QR code opens `verify_url`."""
    buffer = io.BytesIO()
    canvas = PdfCanvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"AK/I {seeker.ak1_number}")
    canvas.setAuthor("AntarKerja")
    page_width, page_height = A4
    x = (page_width - CARD_WIDTH) / 2
    _front(canvas, seeker, verify_url, x, page_height - 20 * mm - CARD_HEIGHT)
    _back(canvas, seeker, x, page_height - 30 * mm - 2 * CARD_HEIGHT)
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(x, 20 * mm, _("Cut along the lines and fold: side 1 front, side 2 back."))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

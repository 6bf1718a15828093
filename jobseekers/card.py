"""The AK/I card ("kartu kuning") as a PDF: two sides on one A4 page, with a QR code to the check.

Side 1: the issuing office, the title (once), the number, NIK, name, the photo with the holder's
signature line, the dates, the QR code and four report boxes (each with its due date and the day
the report was made). Side 2: the person's data (a long address wraps), formal education, courses,
BNSP certificates, driving licences and languages, the wanted job, the "diterima bekerja" block,
the verifying officer's name and NIP with the office's stamp area, and the conditions
("Ketentuan"). DOMAIN.md §1 (tribunnews 2022/05/09) lists what the paper card holds.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

import segno
from django.utils.translation import gettext as _
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from jobseekers.models import JobSeeker
from jobseekers.services import add_months, photo_bytes, preferred_occupations
from jobseekers.services.rules import report_interval_months, validity_months
from placement.fonts import PdfCanvas
from placement.ledger import services as ledger
from placement.ledger.models import EventKind
from placement.migrants.services import card_marks
from placement.taxonomy.credentials import licence_label

CARD_WIDTH = 170 * mm
FRONT_HEIGHT, BACK_HEIGHT = 100 * mm, 168 * mm
YELLOW = Color(1, 0.93, 0.55)
GREY = Color(0.35, 0.35, 0.35)
REPORT_BOXES = 4
PHOTO_WIDTH, PHOTO_HEIGHT = 30 * mm, 40 * mm  # pas foto 3 x 4


@dataclass(frozen=True)
class Hire:
    """Where the holder was taken on (the "diterima bekerja" block), when it is known."""

    employer: str
    job_title: str
    started_on: date


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


def wrap(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` (a word longer than a line is cut)."""
    lines: list[str] = []
    line = ""
    for word in (text or "").split():
        candidate = f"{line} {word}".strip()
        if canvas.stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while canvas.stringWidth(word, font, size) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and canvas.stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines or ["-"]


def _rows(
    canvas: Canvas,
    x: float,
    y: float,
    rows: list[tuple[str, str]],
    *,
    label_width: float,
    width: float,
    max_lines: int = 3,
    size: float = 8.5,
) -> float:
    """Label/value rows; values wrap (up to `max_lines`). Returns the y below the last row."""
    leading = size * 1.25
    for label, value in rows:
        canvas.setFont("Helvetica", 7)
        canvas.setFillColor(GREY)
        canvas.drawString(x, y, label)
        canvas.setFillColor(black)
        canvas.setFont("Helvetica-Bold", size)
        lines = wrap(canvas, value or "-", "Helvetica-Bold", size, width - label_width)
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
            last = lines[-1]
            while canvas.stringWidth(last + "…", "Helvetica-Bold", size) > width - label_width:
                last = last[:-1]
            lines[-1] = last.rstrip() + "…"
        for line in lines:
            canvas.drawString(x + label_width, y, line)
            y -= leading
        y -= 1.2 * mm
    return y


def report_boxes(seeker: JobSeeker) -> list[tuple[str, str]]:
    """(due date, date reported or "") of the four six-monthly reports of this card period."""
    start = seeker.registered_on
    reports = [
        e.occurred_on
        for e in ledger.history(seeker)
        if e.kind in (EventKind.SEEKER_REPORTED, EventKind.SEEKER_REACTIVATED)
        and (start is None or e.occurred_on >= start)
    ]
    months = report_interval_months()
    boxes = []
    for index in range(REPORT_BOXES):
        due = add_months(start, months * (index + 1)) if start else None
        done = reports[index] if index < len(reports) else None
        boxes.append((_date(due), _date(done) if done else ""))
    return boxes


def _photo(canvas: Canvas, seeker: JobSeeker, x: float, y: float) -> None:
    """The pas foto, or an empty frame to glue one into."""
    canvas.setFillColor(white)
    canvas.rect(x, y, PHOTO_WIDTH, PHOTO_HEIGHT, stroke=1, fill=1)
    data = photo_bytes(seeker)
    if data:
        canvas.drawImage(
            ImageReader(io.BytesIO(data)),
            x,
            y,
            PHOTO_WIDTH,
            PHOTO_HEIGHT,
            preserveAspectRatio=True,
            anchor="c",
        )
    else:
        canvas.setFillColor(GREY)
        canvas.setFont("Helvetica", 7)
        canvas.drawCentredString(x + PHOTO_WIDTH / 2, y + PHOTO_HEIGHT / 2, _("Photo 3 x 4"))
    canvas.setFillColor(black)


def _front(canvas: Canvas, seeker: JobSeeker, verify_url: str, x: float, y: float) -> None:
    canvas.setFillColor(YELLOW)
    canvas.rect(x, y, CARD_WIDTH, FRONT_HEIGHT, stroke=1, fill=1)
    top = y + FRONT_HEIGHT
    canvas.setFillColor(black)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(x + 6 * mm, top - 7 * mm, seeker.office.name if seeker.office else "")
    canvas.setFont("Helvetica-Bold", 10.5)
    canvas.drawString(x + 6 * mm, top - 13 * mm, _("JOB SEEKER REGISTRATION CARD"))
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawRightString(x + CARD_WIDTH - 6 * mm, top - 12 * mm, "AK/I")
    # Marks of other records, e.g. "CPMI" for a prospective migrant worker (issue 16).
    marks = card_marks(seeker)
    if marks:
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawRightString(x + CARD_WIDTH - 6 * mm, top - 18 * mm, " ".join(marks))

    photo_y = top - 18 * mm - PHOTO_HEIGHT
    _photo(canvas, seeker, x + 6 * mm, photo_y)
    canvas.line(x + 6 * mm, photo_y - 7 * mm, x + 6 * mm + PHOTO_WIDTH, photo_y - 7 * mm)
    canvas.setFont("Helvetica", 6.5)
    canvas.drawString(x + 6 * mm, photo_y - 10 * mm, _("Holder's signature"))

    rows = [
        (_("AK/I number"), seeker.ak1_number or ""),
        (_("NIK"), seeker.nik or ""),
        (_("Name"), seeker.full_name),
        (_("Registered on"), _date(seeker.registered_on)),
        (_("Valid until"), _date(seeker.expires_on)),
    ]
    _rows(canvas, x + 42 * mm, top - 22 * mm, rows, label_width=24 * mm, width=78 * mm, max_lines=2)

    qr_size = 30 * mm
    qx, qy = x + CARD_WIDTH - qr_size - 6 * mm, top - 22 * mm - qr_size
    _draw_qr(canvas, verify_url, qx, qy, qr_size)
    canvas.setFont("Helvetica", 6.5)
    canvas.drawCentredString(qx + qr_size / 2, qy - 3.5 * mm, _("Scan to check this card"))

    # The four six-monthly reports: due date, and the day the report was made.
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(x + 48 * mm, y + 22 * mm, _("Reports (every six months)"))
    box_width = 27 * mm
    for index, (due, done) in enumerate(report_boxes(seeker)):
        bx = x + 48 * mm + index * (box_width + 1.5 * mm)
        canvas.setFillColor(white)
        canvas.rect(bx, y + 5 * mm, box_width, 15 * mm, stroke=1, fill=1)
        canvas.setFillColor(black)
        canvas.setFont("Helvetica", 6.5)
        canvas.drawString(bx + 1.5 * mm, y + 16.5 * mm, _("Report %(n)d, due") % {"n": index + 1})
        canvas.drawString(bx + 1.5 * mm, y + 13 * mm, due)
        if done:
            canvas.setFont("Helvetica-Bold", 7.5)
            canvas.drawString(bx + 1.5 * mm, y + 7 * mm, _("Reported %(day)s") % {"day": done})


def _education(seeker: JobSeeker) -> str:
    rows = seeker.educations.select_related("level", "smk_programme", "study_field")[:3]
    parts = []
    for row in rows:
        year = f" ({row.graduation_year})" if row.graduation_year else ""
        parts.append(f"{row.detail_label}, {row.school}{year}".strip(", "))
    return "; ".join(parts)


def _courses(seeker: JobSeeker) -> str:
    return "; ".join(
        f"{t.course} - {t.institution}, {t.hours} JP, {t.year}" for t in seeker.trainings.all()[:4]
    )


def _certificates(seeker: JobSeeker) -> str:
    parts = []
    for c in seeker.certificates.all()[:4]:
        text = _("%(scheme)s (%(lsp)s, no. %(number)s, valid until %(until)s)") % {
            "scheme": c.scheme,
            "lsp": c.lsp,
            "number": c.number,
            "until": _date(c.valid_until),
        }
        parts.append(text + (f" - {_('expired')}" if c.is_expired else ""))
    return "; ".join(parts)


def _licences(seeker: JobSeeker) -> str:
    return ", ".join(
        f"{licence_label(s.licence_class)} ({_('until')} {_date(s.valid_until)})"
        + (f" - {_('expired')}" if s.is_expired else "")
        for s in seeker.licences.all()
    )


def _languages(seeker: JobSeeker) -> str:
    return ", ".join(row.label for row in seeker.languages.all())


def conditions() -> list[str]:
    """The conditions printed on the card ("Ketentuan"): DOMAIN.md, validity rules."""
    return [
        _("This card is valid nationwide for %(months)d months from the registration date.")
        % {"months": validity_months()},
        _(
            "A holder still looking for work reports at least every %(months)d months (in person "
            "or online); a card not reported is removed and can be renewed by reporting."
        )
        % {"months": report_interval_months()},
        _(
            "A holder who gets a job reports it to the Disnaker (or the employer does); the card "
            "is then deactivated."
        ),
        _("Registration and this card are free of charge. Never pay anyone for a job."),
        _("A lost or damaged card is reissued by the Disnaker with the same number."),
    ]


def _back(canvas: Canvas, seeker: JobSeeker, x: float, y: float, hire: Hire | None) -> None:
    canvas.setFillColor(YELLOW)
    canvas.rect(x, y, CARD_WIDTH, BACK_HEIGHT, stroke=1, fill=1)
    top = y + BACK_HEIGHT
    canvas.setFillColor(black)
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
        (_("Formal education"), _education(seeker)),
        (_("Courses (non-formal)"), _courses(seeker)),
        (_("Competency certificates"), _certificates(seeker)),
        (_("Driving licences"), _licences(seeker)),
        (_("Languages"), _languages(seeker)),
        (_("Wanted job"), ", ".join(o.title for o in preferred_occupations(seeker)[:2])),
    ]
    below = _rows(
        canvas, x + 6 * mm, top - 8 * mm, rows, label_width=34 * mm, width=CARD_WIDTH - 12 * mm
    )

    # "Diterima bekerja" (left) and the verifying officer with the stamp area (right).
    block_top = min(below, y + 80 * mm)
    block_y = block_top - 30 * mm
    canvas.setFillColor(white)
    canvas.rect(x + 6 * mm, block_y, 80 * mm, 30 * mm, stroke=1, fill=1)
    canvas.setFillColor(black)
    canvas.setFont("Helvetica-Bold", 8)
    canvas.drawString(x + 8 * mm, block_top - 5 * mm, _("TAKEN ON (diterima bekerja)"))
    hired = [
        (_("Employer"), hire.employer if hire else ""),
        (_("Position"), hire.job_title if hire else ""),
        (_("Starting on"), _date(hire.started_on) if hire else ""),
    ]
    line_y = block_top - 11 * mm
    for label, value in hired:
        canvas.setFont("Helvetica", 7)
        canvas.drawString(x + 8 * mm, line_y, label)
        if value:
            canvas.setFont("Helvetica-Bold", 8)
            canvas.drawString(
                x + 26 * mm, line_y, wrap(canvas, value, "Helvetica-Bold", 8, 58 * mm)[0]
            )
        else:
            canvas.line(x + 26 * mm, line_y - 0.5 * mm, x + 84 * mm, line_y - 0.5 * mm)
        line_y -= 6 * mm

    officer = seeker.verified_by
    profile = getattr(officer, "officer_profile", None) if officer is not None else None
    ox = x + 94 * mm
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(ox, block_top - 4 * mm, _("Verified by the Pengantar Kerja"))
    canvas.drawString(
        ox, block_top - 8 * mm, _date(seeker.verified_at.date() if seeker.verified_at else None)
    )
    # The office's stamp goes over the left half of the signature.
    canvas.setDash(2, 2)
    canvas.circle(ox + 13 * mm, block_top - 18 * mm, 10 * mm, stroke=1, fill=0)
    canvas.setDash()
    canvas.setFont("Helvetica", 6)
    canvas.setFillColor(GREY)
    canvas.drawCentredString(ox + 13 * mm, block_top - 18.5 * mm, _("office stamp"))
    canvas.setFillColor(black)
    canvas.line(ox + 26 * mm, block_top - 22 * mm, ox + 68 * mm, block_top - 22 * mm)
    canvas.setFont("Helvetica-Bold", 8)
    name = officer.get_full_name() if officer is not None else ""
    canvas.drawString(ox + 26 * mm, block_top - 25.5 * mm, name)
    canvas.setFont("Helvetica", 7.5)
    nip = profile.nip if profile is not None and profile.nip else "-"
    canvas.drawString(ox + 26 * mm, block_top - 29 * mm, _("NIP %(nip)s") % {"nip": nip})

    # Conditions ("Ketentuan").
    cy = block_y - 6 * mm
    canvas.setFont("Helvetica-Bold", 8)
    canvas.drawString(x + 6 * mm, cy, _("CONDITIONS"))
    cy -= 4 * mm
    for number, text in enumerate(conditions(), start=1):
        lines = wrap(canvas, text, "Helvetica", 7, CARD_WIDTH - 17 * mm)
        canvas.setFont("Helvetica", 7)
        canvas.drawString(x + 6 * mm, cy, f"{number}.")
        for line in lines:
            canvas.drawString(x + 11 * mm, cy, line)
            cy -= 3.2 * mm
        cy -= 0.6 * mm


def render_card_pdf(seeker: JobSeeker, *, verify_url: str, hire: Hire | None = None) -> bytes:
    """The AK/I card of a verified seeker as PDF bytes; the QR code opens `verify_url`; `hire`
    fills the "diterima bekerja" block (the caller knows the placement)."""
    buffer = io.BytesIO()
    canvas = PdfCanvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"AK/I {seeker.ak1_number}")
    canvas.setAuthor("AntarKerja")
    page_width, page_height = A4
    x = (page_width - CARD_WIDTH) / 2
    front_y = page_height - 12 * mm - FRONT_HEIGHT
    _front(canvas, seeker, verify_url, x, front_y)
    _back(canvas, seeker, x, front_y - 6 * mm - BACK_HEIGHT, hire)
    canvas.setFont("Helvetica", 7)
    canvas.drawString(x, 6 * mm, _("Cut along the lines and fold: side 1 front, side 2 back."))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

"""The referral letter (surat pengantar) as a PDF: the office's letterhead, the number, the target
employer and vacancy, and the candidate's AK/I number and education (DOMAIN.md §1). Never the NIK
or disability."""

from __future__ import annotations

import io

from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from placement.fonts import PdfCanvas
from placement.pipeline.models import Referral

LEFT = 25 * mm
WIDTH = A4[0] - 2 * LEFT


def _wrap(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        words, line = paragraph.split(), ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if canvas.stringWidth(candidate, font, size) <= width:
                line = candidate
            else:
                if line:
                    lines.append(line)
                line = word
        lines.append(line)
    return lines


def _paragraph(canvas: Canvas, y: float, text: str, size: float = 11) -> float:
    canvas.setFont("Helvetica", size)
    for line in _wrap(canvas, text, "Helvetica", size, WIDTH):
        canvas.drawString(LEFT, y, line)
        y -= size * 1.45
    return y - 4


def render_referral_letter(referral: Referral, *, language: str = "id") -> bytes:
    """The letter of a sent referral (the caller checked access); Indonesian by default."""
    seeker = referral.seeker
    vacancy = referral.vacancy
    employer = vacancy.employer
    office = referral.office
    officer = (
        getattr(referral.referred_by, "officer_profile", None) if referral.referred_by else None
    )
    buffer = io.BytesIO()
    canvas = PdfCanvas(buffer, pagesize=A4, pageCompression=0)  # one page of text: kept plain
    with translation.override(language):
        canvas.setTitle(_("Referral letter %(number)s") % {"number": referral.letter_number})
        top = A4[1] - 20 * mm
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawCentredString(A4[0] / 2, top, office.name.upper())
        canvas.setFont("Helvetica", 9.5)
        contact = " · ".join(part for part in (office.address, office.phone, office.email) if part)
        if contact:
            canvas.drawCentredString(A4[0] / 2, top - 13, contact)
        canvas.setLineWidth(1.2)
        canvas.line(LEFT, top - 20, A4[0] - LEFT, top - 20)
        y = top - 45
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawCentredString(A4[0] / 2, y, _("REFERRAL LETTER (SURAT PENGANTAR)"))
        canvas.setFont("Helvetica", 10.5)
        canvas.drawCentredString(
            A4[0] / 2, y - 15, _("Number: %(number)s") % {"number": referral.letter_number}
        )
        y -= 50
        sent_on = (referral.referred_at or referral.created_at).date()
        canvas.setFont("Helvetica", 11)
        canvas.drawString(LEFT, y, _("To:"))
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(LEFT + 18 * mm, y, _("The head of human resources"))
        canvas.drawString(LEFT + 18 * mm, y - 15, employer.name)
        canvas.setFont("Helvetica", 11)
        y = _paragraph(canvas, y - 30, employer.address)
        y -= 8
        y = _paragraph(
            canvas,
            y,
            _(
                "With respect, we refer to you the job seeker below, registered at our office, "
                "as a candidate for your vacancy:"
            ),
        )
        y -= 4
        rows = [
            (_("Vacancy"), f"{vacancy.title} ({vacancy.reference})"),
            (_("Name"), seeker.full_name),
            (_("AK/I number"), seeker.ak1_number or "-"),
            (
                _("Education"),
                (
                    seeker.education_level.name_id
                    if language == "id"
                    else seeker.education_level.name_en
                )
                if seeker.education_level_id
                else "-",
            ),
        ]
        for label, value in rows:
            canvas.setFont("Helvetica", 11)
            canvas.drawString(LEFT + 6 * mm, y, label)
            canvas.drawString(LEFT + 52 * mm, y, ":")
            canvas.setFont("Helvetica-Bold", 11)
            for index, line in enumerate(
                _wrap(canvas, value, "Helvetica-Bold", 11, WIDTH - 56 * mm)
            ):
                canvas.drawString(LEFT + 55 * mm, y - index * 15, line)
                if index:
                    y -= 15
            y -= 17
        y -= 6
        y = _paragraph(
            canvas,
            y,
            _(
                "Please receive the candidate for selection and report the result (interviewed, "
                "hired or not selected) to our office, or record it in your AntarKerja employer "
                "area. Placement through the public employment service is free of charge: the "
                "candidate pays nothing (Permenaker 39/2016)."
            ),
        )
        if referral.note:
            y = _paragraph(canvas, y, _("Note: %(note)s") % {"note": referral.note})
        y = _paragraph(canvas, y, _("Thank you for your cooperation."))
        y -= 20
        canvas.setFont("Helvetica", 11)
        x = A4[0] - LEFT - 70 * mm
        canvas.drawString(x, y, formats.date_format(sent_on, "j F Y"))
        canvas.drawString(x, y - 15, _("Placement officer (Pengantar Kerja)"))
        name = referral.referred_by.get_full_name() if referral.referred_by else ""
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(x, y - 75, name or "_______________________")
        if officer is not None and officer.nip:
            canvas.setFont("Helvetica", 10)
            canvas.drawString(x, y - 89, f"NIP {officer.nip}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

"""The written warning letter (surat peringatan) of Perpres 57/2023 Art. 17 as a PDF."""

from __future__ import annotations

import io

from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from placement.fonts import PdfCanvas
from placement.market.compliance import reason_text
from placement.market.models import WarningLetter
from placement.pipeline.letter import WIDTH, _wrap

LEFT = 25 * mm


def render_warning_letter(letter: WarningLetter, *, language: str = "id") -> bytes:
    """The letter (the caller checked access); Indonesian by default."""
    employer = letter.employer
    buffer = io.BytesIO()
    canvas = PdfCanvas(buffer, pagesize=A4)  # the embedded font: company names of any script
    canvas.setTitle(letter.number)
    with translation.override(language):
        y = A4[1] - 25 * mm
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawString(LEFT, y, letter.office_name.upper())
        y -= 8 * mm
        canvas.line(LEFT, y, LEFT + WIDTH, y)
        y -= 10 * mm
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawCentredString(A4[0] / 2, y, _("WRITTEN WARNING"))
        y -= 6 * mm
        canvas.setFont("Helvetica", 10)
        canvas.drawCentredString(A4[0] / 2, y, _("Number: %(n)s") % {"n": letter.number})
        y -= 12 * mm
        paragraphs = [
            _("To: %(name)s (NIB %(nib)s), %(address)s")
            % {"name": employer.name, "nib": employer.nib, "address": employer.address},
            _(
                "Under Presidential Regulation 57/2023 on the mandatory reporting of vacancies, "
                "employers must report every vacancy and report again when it is filled. Our "
                "records show:"
            ),
            *[f"- {reason_text(code)}" for code in letter.reasons],
            _(
                "We ask you to report your vacancies and their results on AntarKerja within 14 "
                "days. This letter is the written warning of Art. 17 of the regulation."
            ),
        ]
        for text in paragraphs:
            canvas.setFont("Helvetica", 11)
            for line in _wrap(canvas, text, "Helvetica", 11, WIDTH):
                canvas.drawString(LEFT, y, line)
                y -= 16
            y -= 6
        y -= 10 * mm
        canvas.drawString(LEFT + WIDTH - 70 * mm, y, formats.date_format(letter.issued_on, "j F Y"))
        y -= 25 * mm
        canvas.drawString(
            LEFT + WIDTH - 70 * mm, y, letter.issued_by.full_name or letter.issued_by.email
        )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

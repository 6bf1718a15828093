"""The font the PDFs (AK/I card, referral letter) embed, and text made ready to draw with it.

DejaVu Sans comes from Debian's `fonts-dejavu-core` (installed by `make fonts`, which `make run`
and `make test` call; the Dockerfile installs it too; `PDF_FONT_DIR` points elsewhere). It has the
glyphs of the names people give: Latin with combining marks ("Nguyễn", "Zoë") and Arabic. Arabic is
joined (arabic-reshaper) and laid right to left (python-bidi) before drawing, because the PDF
canvas draws characters one by one. Without the font the PDFs fall back to Helvetica and say so in
the log, rather than failing.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import unicodedata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
FILES = {"AK-Sans": "DejaVuSans.ttf", "AK-Sans-Bold": "DejaVuSans-Bold.ttf"}
FALLBACK = {"AK-Sans": "Helvetica", "AK-Sans-Bold": "Helvetica-Bold"}
_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@functools.cache
def pdf_fonts() -> tuple[str, str]:
    """(regular, bold) font names registered with reportlab; Helvetica if the files are missing."""
    directories = [os.environ.get("PDF_FONT_DIR", ""), *FONT_DIRS]
    for directory in filter(None, directories):
        paths = {name: Path(directory, file) for name, file in FILES.items()}
        if all(path.is_file() for path in paths.values()):
            for name, path in paths.items():
                pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily("AK-Sans", normal="AK-Sans", bold="AK-Sans-Bold")
            return "AK-Sans", "AK-Sans-Bold"
    log.warning("DejaVu Sans not found (install fonts-dejavu-core): PDFs use Helvetica.")
    return FALLBACK["AK-Sans"], FALLBACK["AK-Sans-Bold"]


@functools.cache
def _reshaper():
    from arabic_reshaper import ArabicReshaper

    # No ligatures: DejaVu Sans has the joined letter forms, not every ligature glyph.
    return ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False})


def pdf_text(text: str) -> str:
    """`text` as the canvas must draw it: composed (NFC), Arabic joined and in visual order."""
    text = unicodedata.normalize("NFC", str(text))
    if not _RIGHT_TO_LEFT.search(text):
        return text
    from bidi import get_display

    return get_display(_reshaper().reshape(text))


class PdfCanvas(Canvas):
    """A reportlab canvas that draws every string through `pdf_text` and maps the two base
    fonts' names ("Helvetica", "Helvetica-Bold") to the embedded font."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initialFontName", pdf_fonts()[0])
        super().__init__(*args, **kwargs)

    def setFont(self, psfontname, size, leading=None):
        return super().setFont(_font(psfontname), size, leading)

    def stringWidth(self, text, fontName=None, fontSize=None):
        return super().stringWidth(pdf_text(text), _font(fontName) if fontName else None, fontSize)

    def drawString(self, x, y, text, *args, **kwargs):
        return super().drawString(x, y, pdf_text(text), *args, **kwargs)

    def drawRightString(self, x, y, text, *args, **kwargs):
        return super().drawRightString(x, y, pdf_text(text), *args, **kwargs)

    def drawCentredString(self, x, y, text, *args, **kwargs):
        return super().drawCentredString(x, y, pdf_text(text), *args, **kwargs)


def _font(name: str) -> str:
    regular, bold = pdf_fonts()
    return {"Helvetica": regular, "Helvetica-Bold": bold}.get(name, name)

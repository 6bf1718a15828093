"""Names with Arabic letters and combining marks print on the AK/I card and the referral letter
(issue 14, item 8): the PDFs embed a font that has their glyphs, and draw Arabic joined."""

# ruff: noqa: F811

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from jobseekers.card import render_card_pdf
from placement.fonts import pdf_fonts, pdf_text
from placement.pipeline import services
from placement.pipeline.letter import render_referral_letter
from tests.factories import JobSeekerFactory
from tests.helpers import pdf_text as text_of
from tests.officers.conftest import kahayan, kasir  # noqa: F401

NAME = "Zoe\u0308 Nguye\u0302\u0303n محمد عبدالله"


def _missing_glyphs(text: str, font: str) -> list[str]:
    face = pdfmetrics.getFont(font).face
    return [c for c in pdf_text(text) if not c.isspace() and ord(c) not in face.charToGlyph]


def test_the_pdf_font_is_embedded_and_has_every_glyph_of_the_name():
    regular, bold = pdf_fonts()
    assert regular != "Helvetica", "install fonts-dejavu-core (make fonts)"
    assert _missing_glyphs(NAME, regular) == [] and _missing_glyphs(NAME, bold) == []


def test_arabic_is_joined_and_laid_right_to_left():
    shaped = pdf_text("محمد")
    assert shaped != "محمد" and all("\ufe70" <= c <= "\ufeff" for c in shaped)
    assert pdf_text("Zoe\u0308") == "Zoë"


@pytest.mark.django_db
def test_the_card_and_the_letter_embed_the_font_and_print_the_name(alice, kasir):
    seeker = JobSeekerFactory(verified=True, full_name=NAME)
    card = render_card_pdf(seeker, verify_url="https://example.org/verify/x/")
    referral = services.refer_jobseeker(seeker=seeker, vacancy=kasir, by=alice)
    letter = render_referral_letter(referral)
    for pdf in (card, letter):
        assert b"/FontFile2" in pdf and b"Helvetica" not in pdf
        assert "Nguyễn" in text_of(pdf) and "Zoë" in text_of(pdf)

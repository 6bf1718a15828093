"""Langkah di peramban, dalam bahasa Indonesia: pencari kerja melihat lowongan sopir yang meminta
SIM, menambahkan SIM (dan sertifikat BNSP yang sudah habis berlaku) ke profilnya, lalu halaman
lowongan yang sama menyatakan syaratnya terpenuhi. Isian yang salah ditunjukkan di kolomnya."""

from __future__ import annotations

import re

from django.utils import timezone

from tests.e2e.conftest import axe_violations, sign_in

SEEKER = "seeker.6271@antarkerja.example"
MISSING = re.compile(r"Anda belum memiliki (SIM [A-Z0-9]+(?: Umum)?) yang diminta")
CLASS_VALUE = {"SIM A": "A", "SIM B1": "B1", "SIM B2": "B2", "SIM C": "C"}


def _driver_vacancy(page) -> tuple[str, str]:
    """The URL of a driver's vacancy that asks for a SIM the seeker lacks, and that SIM."""
    page.goto("/?q=sopir")
    links = page.locator("main h3 a[href^='/vacancies/']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(min(links.count(), 10))]
    for href in hrefs:
        page.goto(href)
        found = MISSING.search(page.inner_text("main"))
        if found:
            return href, found.group(1)
    raise AssertionError(f"no vacancy asking for a SIM among {hrefs}")


def _date_parts(page, field: str, day, month, year) -> None:
    page.fill(f"#id_{field}_0", str(day))
    page.fill(f"#id_{field}_1", str(month))
    page.fill(f"#id_{field}_2", str(year))


def test_pencari_kerja_menambah_sim_dan_lowongan_sopir_memperhitungkannya(page):
    year = timezone.localdate().year
    sign_in(page, SEEKER)
    href, sim = _driver_vacancy(page)
    main = page.inner_text("main")
    assert "Persyaratan" in main and sim in main
    assert axe_violations(page) == []

    page.click("text=Tambahkan sertifikat, SIM, atau bahasa ke profil Anda")
    page.wait_for_url("**/seeker/register/certificates/")
    assert "Sertifikat, SIM, dan bahasa" in page.inner_text("h1")

    # A licence valid seven years ahead is refused at its field; nothing is saved.
    page.select_option("#id_licence-licence_class", CLASS_VALUE[sim])
    _date_parts(page, "licence-valid_until", 1, 6, year + 7)
    page.click("button[name=action][value=add-licence]")
    page.wait_for_load_state()
    assert "SIM berlaku 5 tahun" in page.inner_text("#licence")
    assert page.locator(".error-summary").first.is_visible()

    _date_parts(page, "licence-valid_until", 1, 6, year + 3)
    page.click("button[name=action][value=add-licence]")
    page.wait_for_load_state()
    assert sim in page.inner_text("main form ul.rows")

    # A BNSP certificate that has expired is kept, with a warning and a flag.
    page.fill("#id_certificate-scheme", "Operator Forklift")
    page.fill("#id_certificate-lsp", "LSP Logistik Indonesia")
    page.fill("#id_certificate-number", "LOG-2019-0042")
    _date_parts(page, "certificate-valid_from", 14, 2, year - 6)
    _date_parts(page, "certificate-valid_until", 13, 2, year - 3)
    page.click("button[name=action][value=add-certificate]")
    page.wait_for_load_state()
    assert "sudah kedaluwarsa" in page.inner_text(".messages")
    assert "Kedaluwarsa" in page.inner_text("main")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The same vacancy now says the requirement is met.
    page.goto(href)
    assert f"Anda memiliki {sim} yang diminta." in page.inner_text("main")
    assert not MISSING.search(page.inner_text("main"))

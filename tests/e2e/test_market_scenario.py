"""Scenario 8 of DOMAIN.md in a real browser, in Indonesian (issue 16).

An SMK registers its BKK with the Disnaker of Kota Palangka Raya; a private job fair is requested
and cannot be approved until the no-fee statement is attached; at the fair a registered seeker is
interviewed and hired, and the hire is counted once: in the vacancy, in the fair's report and in
the office's placements of the month.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tests.e2e.conftest import axe_violations, sign_in

OFFICER = "officer.6271@antarkerja.example"
SEEKER = "seeker.6271@antarkerja.example"
STATEMENT = b"%PDF-1.4\n% Surat pernyataan: pencari kerja tidak dipungut biaya.\n"


def figure(page, label: str) -> int:
    figure = page.locator(f".figures div:has(dt:text-is('{label}')) dd:not(.figure-hint)")
    return int(figure.inner_text().replace(".", "").replace(",", ""))


def sign_out(page) -> None:
    page.click("form[action$='/logout/'] button")
    page.wait_for_load_state()


def test_bkk_registered_private_fair_blocked_then_hires_counted_once(page):
    today = date.today()
    # The seeker's AK/I number, from her own portal.
    sign_in(page, SEEKER)
    page.goto("/seeker/")
    ak1_number = page.locator(".ak1-number").first.inner_text().strip()
    assert re.fullmatch(r"\d{4}-\d{4}-\d{6}", ak1_number)
    sign_out(page)

    # A published vacancy of the public site.
    page.goto("/?regency=62.71")
    href = page.locator("a[href^='/vacancies/']").first.get_attribute("href")
    vacancy_number = f"AK3-{int(href.strip('/').split('/')[-1]):07d}"

    sign_in(page, OFFICER)
    page.goto("/officer/")
    placements_before = figure(page, "Penempatan bulan ini")

    # 1. The SMK's BKK is registered and can be looked up by anyone.
    page.goto("/officer/registers/bkk/new/")
    page.fill("#id_institution", "SMK Negeri 9 Palangka Raya")
    page.select_option("#id_kind", "smk")
    page.fill("#id_registration_number", "BKK/62.71/099/2026")
    page.fill("#id_registered_on", (today - timedelta(days=30)).isoformat())
    page.select_option("#id_regency", "62.71")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "SMK Negeri 9 Palangka Raya" in page.inner_text("h1")
    assert axe_violations(page) == []

    # 2. A private organiser's fair: approval is refused until the no-fee statement is attached.
    page.goto("/officer/market/fairs/")
    page.fill("#id_name", "Bursa Kerja Kahayan Swasta")
    page.select_option("#id_organiser_kind", "private")
    page.fill("#id_organiser_name", "PT Event Borneo Raya")
    page.fill("#id_organiser_licence", "NIB 9120001112223")
    page.select_option("#id_regency", "62.71")
    page.fill("#id_venue", "Aula Jayang Tingang")
    page.fill("#id_starts_on", today.isoformat())
    page.fill("#id_ends_on", (today + timedelta(days=1)).isoformat())
    page.fill("#id_planned_companies", "PT Kahayan Mitra Niaga")
    page.fill("#id_planned_vacancies", "10")
    page.fill("#id_placement_target", "5")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "Menunggu persetujuan" in page.inner_text("[data-testid=fair-status]")
    assert axe_violations(page) == []
    page.check("#id_decision_0")  # Setujui
    page.click("button:has-text('Simpan keputusan')")
    page.wait_for_load_state()
    assert "pernyataan tidak memungut biaya" in page.inner_text(".messages")
    assert "Menunggu persetujuan" in page.inner_text("[data-testid=fair-status]")

    page.set_input_files(
        "#id_statement",
        files=[{"name": "pernyataan.pdf", "mimeType": "application/pdf", "buffer": STATEMENT}],
    )
    page.click("button:has-text('Lampirkan surat pernyataan')")
    page.wait_for_load_state()
    page.check("#id_decision_0")
    page.click("button:has-text('Simpan keputusan')")
    page.wait_for_load_state()
    assert "Disetujui" in page.inner_text("[data-testid=fair-status]")

    # 3. At the fair: the vacancy, the visitor, an interview and a hire.
    page.fill("#id_vacancy", vacancy_number)
    page.click("button:has-text('Tambahkan lowongan')")
    page.wait_for_load_state()
    page.fill("#id_ak1_number", ak1_number)
    page.click("button:has-text('Daftarkan pengunjung')")
    page.wait_for_load_state()
    for kind in ("interview", "hire"):
        page.select_option("#id_result-visitor", index=1)
        page.select_option("#id_result-vacancy", index=1)
        page.select_option("#id_result-kind", kind)
        page.click("button:has-text('Catat hasil')")
        page.wait_for_load_state()
        assert "Hasil sudah dicatat" in page.inner_text(".messages")
    # The same hire again is refused: it counts once.
    page.select_option("#id_result-visitor", index=1)
    page.select_option("#id_result-vacancy", index=1)
    page.select_option("#id_result-kind", "hire")
    page.click("button:has-text('Catat hasil')")
    page.wait_for_load_state()
    assert "sudah dicatat" in page.inner_text(".messages")

    page.click("a:has-text('Laporan bursa kerja')")
    page.wait_for_load_state()
    report = page.inner_text("main")
    assert re.search(r"Diterima bekerja \(penempatan\)\s+1\b", report)
    assert re.search(r"Wawancara\s+1\b", report)

    page.goto("/officer/")
    assert figure(page, "Penempatan bulan ini") == placements_before + 1

    # The public lookup finds the BKK.
    page.goto("/registers/?q=SMK+Negeri+9")
    assert "BKK/62.71/099/2026" in page.inner_text("main")

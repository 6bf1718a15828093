"""The personal-data journey in a real browser, in Indonesian (UU 27/2022 PDP, DOMAIN.md scenario
10): a seeker asks for the deletion of her data; the privacy officer sees the 3x24-hour clock,
takes the request on and executes it within the clock; her identity is gone (she cannot sign in,
the officer's search no longer finds her name) while last month's IPK table is unchanged."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.e2e.conftest import axe_violations, sign_in

SEEKER = "seeker.pdp@antarkerja.example"
OFFICER = "officer.6271@antarkerja.example"
PRIVACY = "privacy@antarkerja.example"
NAME = "Maria Ulfah"
IPK_LAST_MONTH = "/officer/reports/ipk/iii-1/?region=62.71"


def sign_out(page) -> None:
    page.click("nav form button.link-button")
    page.wait_for_load_state()


def ipk_table(page) -> str:
    page.goto(IPK_LAST_MONTH)
    tables = page.locator("table.ipk-table")
    assert tables.count() >= 1
    return "\n".join(table.inner_text() for table in tables.all())


def test_a_deletion_request_is_filed_and_handled_within_the_clock(page, browser, live_url):
    # Last month's IPK III/1 of Kota Palangka Raya, as the officer sees it before.
    sign_in(page, OFFICER)
    before = ipk_table(page)
    page.goto(f"/officer/caseload/seekers/?q={NAME.replace(' ', '+')}&status=all")
    assert NAME in page.content()
    sign_out(page)

    # The seeker files the request online, in Indonesian.
    sign_in(page, SEEKER)
    page.click("text=Permintaan tentang data saya")
    page.wait_for_url("**/seeker/privacy/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert "3 x 24 jam" in page.inner_text("main")
    page.check("input[name=kind][value=deletion]")
    page.fill("#id_details", "Saya sudah bekerja di luar negeri, mohon hapus data saya.")
    assert axe_violations(page) == []
    page.click("main form button.button")
    page.wait_for_url("**/seeker/privacy/")
    notice = page.inner_text(".messages")
    assert "sudah diterima" in notice and "paling lambat" in notice
    number = re.search(r"PDP-\d{6}", notice).group(0)
    assert "Penghapusan data saya" in page.inner_text("table")
    sign_out(page)

    # The privacy officer sees the request with its clock and executes it.
    desk = browser.new_context(base_url=live_url, locale="id-ID").new_page()
    desk.set_default_timeout(15_000)
    sign_in(desk, PRIVACY)
    desk.goto("/privacy/requests/")
    row = desk.locator("tr", has_text=number)
    assert re.search(r"sisa 7[01] jam", row.inner_text())  # 72 hours from receipt
    assert "row-overdue" not in (row.get_attribute("class") or "")
    assert axe_violations(desk) == []
    row.locator(f"a:has-text('{number}')").click()
    desk.wait_for_url("**/privacy/requests/*/")
    assert NAME in desk.inner_text("main")
    desk.click("text=Tangani permintaan ini")
    desk.wait_for_load_state()
    assert "Sedang ditangani" in desk.inner_text("main")
    desk.click("text=Hapus data dan selesaikan")
    desk.wait_for_load_state()
    main = desk.inner_text("main")
    assert "Selesai" in main and "(waktu berhenti)" in main
    assert NAME not in main and "Anonim" in main
    desk.goto("/privacy/requests/")
    answered = desk.locator("tr", has_text=number).inner_text()
    assert "ya" in answered  # answered in time
    desk.context.close()

    # Her identity is gone: she cannot sign in, the officer no longer finds her name ...
    page.goto("/accounts/login/")
    page.fill("#id_username", SEEKER)
    page.fill("#id_password", "antarkerja-demo")
    page.click("form button[type=submit]:not([name=language])")
    page.wait_for_load_state()
    assert "/accounts/login/" in page.url
    sign_in(page, OFFICER)
    page.goto(f"/officer/caseload/seekers/?q={NAME.replace(' ', '+')}&status=all")
    assert NAME not in page.inner_text("main")
    # ... and last month's IPK table is the same, cell for cell.
    assert ipk_table(page) == before


def test_a_simulated_breach_opens_a_3x24_hour_incident(page):
    """DOMAIN.md scenario 10: the privacy officer records a breach, sees the deadline, records
    the notice to the persons, and the register downloads as CSV."""
    sign_in(page, PRIVACY)
    page.goto("/privacy/breaches/")
    page.fill("#id_title", "Daftar pencari kerja terkirim ke alamat salah")
    page.fill("#id_description", "Sebuah daftar berisi nama dan nomor telepon terkirim keliru.")
    two_hours_ago = datetime.now(ZoneInfo("Asia/Jakarta")) - timedelta(hours=2)  # the site's zone
    page.fill("#id_discovered_at", two_hours_ago.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_affected_data", "nama, nomor telepon")
    page.fill("#id_affected_subjects", "35")
    page.click("main form button.button")
    page.wait_for_url(re.compile(r".*/privacy/breaches/\d+/$"))
    main = page.inner_text("main")
    assert re.search(r"sisa 6[89] jam", main) and "Dibuka" in main
    assert axe_violations(page) == []
    page.check("input[name=to][value=subjects]")
    page.fill("#id_text", "Data Anda (nama, telepon) terkirim keliru pada ...; kami telah ...")
    page.click("text=Catat pemberitahuan")
    page.wait_for_load_state()
    assert "Orang terdampak diberi tahu pada" in page.inner_text("main")
    page.goto("/privacy/breaches/")
    with page.expect_download() as download:
        page.click("text=Unduh daftar (CSV)")
    content = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert "Daftar pencari kerja terkirim ke alamat salah" in content

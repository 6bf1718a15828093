"""The counter journey in Indonesian, in a real browser: an officer registers a walk-in seeker
without e-mail (sex and date of birth read from the NIK), returns the registration for the
missing ijazah, completes it when the person comes back, takes the photo and scans the KTP,
verifies and prints the card with the photo (checked in the PDF's images and text layer); the
seeker opens the online account with the code on the slip and reports "I got a job"; the officer
confirms it as a placement."""

import re

from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from tests.e2e.conftest import axe_violations, pick, sign_in
from tests.helpers import pdf_text

OFFICER = "officer.6271@antarkerja.example"
NIK = "6271035203079871"  # 62.71.03, a woman (day 52 -> 12) born 12-03-2007, serial 9871
EMAIL = "e2e.siti.loket@example.org"
PASSWORD = "rumah betang di tepi sungai"
MAIN_SUBMIT = "main form button.button:not(.button-secondary)"


def first_result(page, field: str, query: str) -> str:
    page.fill(f"input[name={field}_q]", query)
    page.click(f"button[name={field}_search]")
    page.wait_for_load_state()
    return page.locator(f".picker-results input[name={field}]").first.get_attribute("value")


def sign_out(page) -> None:
    page.click("nav form button.link-button")
    page.wait_for_load_state()


def register_at_the_counter(page) -> tuple[int, str]:
    page.goto("/officer/seekers/verify/")
    page.click("a[href='/officer/seekers/new/']")
    page.wait_for_url("**/officer/seekers/new/")
    assert "Daftarkan pencari kerja di loket" in page.inner_text("h1")
    page.fill("#id_full_name", "Siti Aminah Loket")
    page.fill("#id_nik", NIK)
    page.click("button[name=action][value=check]")
    page.wait_for_load_state()
    derived = page.inner_text("#nik-derived")
    assert "Perempuan" in derived and "12-03-2007" in derived  # read, not typed
    page.check("input[name=identity_confirmed][value=yes]")
    page.fill("#id_birth_place", "Palangka Raya")
    page.check("input[name=marital_status][value=single]")
    page.select_option("#id_religion", "islam")
    page.fill("#id_ktp_address", "Jl. Rajawali No. 3 RT 02/RW 01")
    pick(page, "ktp_regency", "Katingan", "62.06")
    page.fill("#id_address", "Jl. Tjilik Riwut Km 5")
    pick(page, "regency", "Palangka", "62.71")
    pick(page, "district", "Jekan", "62.71.03")
    page.select_option("#id_education-level", "3000")
    page.select_option("#id_education-school_type", "smk")
    page.fill("#id_education-major", "Akuntansi")
    page.fill("#id_education-school", "SMKN 2 Palangka Raya")
    page.fill("#id_education-graduation_year", "2025")
    wanted = first_result(page, "preferred_occupations", "kasir")
    page.check(f"input[name=preferred_occupations][value='{wanted}']")
    page.check("input[name=category][value=never_worked]")
    page.check("input[name=relocation][value=regency]")
    page.check("input[name=documents][value=ktp]")
    page.check("input[name=documents][value=photo]")  # the ijazah was left at home
    page.check("#id_consent")
    assert axe_violations(page) == []
    page.click("button[name=action][value=register]")
    page.wait_for_url(re.compile(r".*/officer/seekers/\d+/slip/$"))
    pk = int(re.search(r"/seekers/(\d+)/slip/", page.url).group(1))
    code = page.inner_text("#claim-code").strip()
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code)
    assert axe_violations(page) == []
    return pk, code


def test_walk_in_return_complete_verify_claim_and_got_a_job(page, tmp_path):
    sign_in(page, OFFICER)
    pk, code = register_at_the_counter(page)
    page.goto(f"/officer/seekers/{pk}/")
    assert "Pendaftaran di luar domisili KTP" in page.inner_text("main")  # KTP in Katingan

    # Return: the ijazah is missing.
    page.click(f"a[href='/officer/seekers/{pk}/return/']")
    page.wait_for_url(f"**/officer/seekers/{pk}/return/")
    page.click(MAIN_SUBMIT)  # no reason: refused at the field
    page.wait_for_load_state()
    assert page.locator("#id_reason_error").is_visible()
    page.fill("#id_reason", "Bawa ijazah SMK asli ke loket.")
    page.click(MAIN_SUBMIT)
    page.wait_for_url(f"**/officer/seekers/{pk}/")
    assert "Bawa ijazah SMK asli ke loket." in page.inner_text("main")

    # The person comes back with the ijazah: complete at the counter, then verify.
    page.click(f"a[href='/officer/seekers/{pk}/complete/']")
    page.wait_for_url(f"**/officer/seekers/{pk}/complete/")
    for document in ("ktp", "ijazah", "photo"):
        page.check(f"input[name=documents][value={document}]")
    assert axe_violations(page) == []
    page.click(MAIN_SUBMIT)
    page.wait_for_url(f"**/officer/seekers/{pk}/")
    # The photo taken at the counter, and a scan of the KTP kept privately.
    photo = tmp_path / "foto-loket.jpg"
    Image.new("RGB", (900, 700), (30, 90, 160)).save(photo, format="JPEG")
    page.set_input_files(f"form[action='/officer/seekers/{pk}/photo/'] input[type=file]", photo)
    page.click(f"form[action='/officer/seekers/{pk}/photo/'] button")
    page.wait_for_url(f"**/officer/seekers/{pk}/")
    assert page.locator(f"img[src='/officer/seekers/{pk}/photo.jpg']").is_visible()
    scans = f"form[action='/officer/seekers/{pk}/documents/']"
    page.select_option(f"{scans} select[name=kind]", "ktp")
    page.set_input_files(f"{scans} input[type=file]", photo)
    page.click(f"{scans} button")
    page.wait_for_url(f"**/officer/seekers/{pk}/")
    assert "foto-loket.jpg" in page.inner_text("main")
    assert axe_violations(page) == []
    page.click(f"form[action='/officer/seekers/{pk}/verify/'] button")
    page.wait_for_load_state()
    number = re.search(r"\d{4}-\d{4}-\d{6}", page.inner_text(".messages")).group(0)
    assert number.startswith("6271-")
    with page.expect_download() as download_info:
        page.click(f"a[href='/officer/seekers/{pk}/card.pdf']")
    target = tmp_path / "card.pdf"
    download_info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF-")
    card = PdfReader(target).pages[0]
    assert len(card.images) == 1  # the photo taken at the counter is printed
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "Siti Aminah Loket" in text and number in text
    sign_out(page)

    # The seeker opens the online account with the code on the slip.
    page.goto("/accounts/login/")
    page.click("a[href='/seeker/claim/']")
    page.wait_for_url("**/seeker/claim/")
    assert axe_violations(page) == []
    page.fill("#id_nik", NIK)
    page.fill("#id_code", code.lower())
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click(MAIN_SUBMIT)
    page.wait_for_url("**/seeker/")
    assert number in page.inner_text("main")

    # "I got a job".
    page.click("a[href='/seeker/job/']")
    page.wait_for_url("**/seeker/job/")
    assert "Saya diterima bekerja" in page.inner_text("h1")
    today = timezone.localdate()
    page.fill("#id_employer_name", "CV Maju Bersama")
    page.fill("#id_job_title", "Kasir")
    page.fill("#id_started_on_0", str(today.day))
    page.fill("#id_started_on_1", str(today.month))
    page.fill("#id_started_on_2", str(today.year))
    pick(page, "work_regency", "Palangka", "62.71")
    assert axe_violations(page) == []
    page.click(MAIN_SUBMIT)
    page.wait_for_url("**/seeker/")
    sign_out(page)

    # The officer confirms it: one placement, AKL.
    sign_in(page, OFFICER)
    page.goto("/officer/hire-reports/")
    page.click("text=Siti Aminah Loket")
    page.wait_for_load_state()
    page.select_option("#id_employer_type", "private")
    page.click("button[name=action][value=confirm]")
    page.wait_for_url(re.compile(r".*/officer/placements/\d+/$"))
    assert "AKL" in page.inner_text("main")
    page.goto(f"/officer/seekers/{pk}/")
    assert "Sudah ditempatkan kerja" in page.inner_text("main .lead")


def test_the_counter_form_fits_a_phone_and_refuses_a_disagreement_without_reason(page):
    sign_in(page, OFFICER)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/officer/seekers/new/")
    page.fill("#id_full_name", "Budi Telepon")
    page.fill("#id_nik", "6271031506049872")
    page.check("input[name=identity_confirmed][value=no]")
    page.click("button[name=action][value=register]")
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_identity_note_error").is_visible()  # a disagreement needs a reason
    assert page.locator("#id_documents_error").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []

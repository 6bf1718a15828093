"""The whole journey in Indonesian, the default language (issue 14): a seeker registers online,
the officer of 62.71 verifies and the AK/I card is issued, the demo employer reports a vacancy
that opens next week, the officer publishes it, refers the seeker from the vacancy's match list,
records that she is hired from next week, and the placement is listed. Every page is read in
Indonesian, and numbers and dates are written the Indonesian way (3.500.000; 13-12-2026).
"""

from __future__ import annotations

import random
import re
from datetime import timedelta

from django.utils import timezone

from tests.e2e.conftest import axe_violations, sign_in

OFFICER = "officer.6271@antarkerja.example"
EMPLOYER = "employer.6271@antarkerja.example"
PASSWORD = "rotan dan damar di hulu kahayan"
SUBMIT = "main form button.button:not(.button-secondary)"
# Indonesian thousands: dots, no decimals ("1.234", "3.500.000").
INDONESIAN_NUMBER = re.compile(r"^\d{1,3}(\.\d{3})*$")
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def long_date(day) -> str:
    """A date as Indonesian pages write it in words: "13 Desember 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def new_page(browser, live_url):
    context = browser.new_context(base_url=live_url, locale="id-ID")
    context.set_default_timeout(20_000)
    return context.new_page()


def sign_out(page) -> None:
    page.click("form[action$='/logout/'] button")
    page.wait_for_load_state()


def picker_value(page, field: str, query: str) -> str:
    """Search a taxonomy picker (without its JavaScript) and return the first result's value."""
    page.fill(f"input[name={field}_q]", query)
    page.click(f"button[name={field}_search]")
    page.wait_for_load_state()
    return page.locator(f".picker-results input[name={field}]").first.get_attribute("value")


def pick(page, field: str, query: str, value: str) -> None:
    page.fill(f"input[name={field}_q]", query)
    page.click(f"button[name={field}_search]")
    page.wait_for_load_state()
    page.check(f"input[name={field}][value='{value}']")


def fill_date(page, prefix: str, day) -> None:
    page.fill(f"#id_{prefix}_0", str(day.day))
    page.fill(f"#id_{prefix}_1", str(day.month))
    page.fill(f"#id_{prefix}_2", str(day.year))


def register(page, email: str, name: str, nik: str) -> str:
    """Online registration, every step in Indonesian; returns the occupation wanted."""
    page.goto("/seeker/register/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/identity/")
    page.fill("#id_full_name", name)
    page.fill("#id_nik", nik)
    page.fill("#id_birth_place", "Palangka Raya")
    page.fill("#id_birth_date_0", "14")
    page.fill("#id_birth_date_1", "2")
    page.fill("#id_birth_date_2", "2000")
    page.check("input[name=sex][value=P]")
    page.check("input[name=marital_status][value=single]")
    page.select_option("#id_religion", "islam")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/contact/")
    page.fill("#id_address", "Jl. Tjilik Riwut Km 7 No. 3")
    pick(page, "regency", "Palangka", "62.71")
    pick(page, "district", "Jekan", "62.71.03")
    page.fill("#id_phone", f"0813 {random.randint(1000, 9999)} {random.randint(1000, 9999)}")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/education/")
    page.select_option("#id_level", "3000")
    page.select_option("#id_school_type", "smk")
    page.fill("#id_major", "Akuntansi")
    page.fill("#id_school", "SMKN 2 Palangka Raya")
    page.fill("#id_graduation_year", "2018")
    page.click("button[name=action][value=add]")
    page.wait_for_load_state()
    page.click("button[name=action][value=continue]")
    page.wait_for_url("**/seeker/register/experience/")
    page.click("button[name=action][value=continue]")
    page.wait_for_url("**/seeker/register/skills/")
    page.check(f"input[name=skills][value='{picker_value(page, 'skills', 'akuntansi')}']")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/certificates/")
    page.click("button[name=action][value=continue]")  # optional: nothing to add
    page.wait_for_url("**/seeker/register/preferences/")
    wanted = picker_value(page, "preferred_occupations", "pembukuan")
    page.check(f"input[name=preferred_occupations][value='{wanted}']")
    page.fill("#id_expected_wage", "3.500.000")  # written the Indonesian way
    page.check("input[name=relocation][value=province]")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/category/")
    page.check("input[name=category][value=never_worked]")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/disability/")
    page.check("input[name=has_disability][value=no]")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/check/")
    main = page.inner_text("main")
    assert name in main and "3.500.000" in main
    page.check("#id_consent")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/done/")
    assert "Pendaftaran terkirim" in page.inner_text("h1")
    return wanted


def verify(page, name: str) -> str:
    """The officer finds her in the verification queue by name and issues the card."""
    sign_in(page, OFFICER)
    page.goto("/officer/seekers/verify/")
    assert "Pendaftaran yang perlu diverifikasi" in page.inner_text("h1")
    page.fill("#id_q", name)
    page.click("form[role=search] button")
    page.wait_for_load_state()
    page.click(f"a:text-is('{name}')")
    page.wait_for_load_state()
    page.click("button:has-text('Verifikasi dan terbitkan kartu AK/I')")
    page.wait_for_load_state()
    number = re.search(r"\d{4}-\d{4}-\d{6}", page.inner_text(".messages")).group(0)
    assert number.startswith("6271-")
    sign_out(page)
    return number


def download_card(page, email: str, number: str, tmp_path) -> None:
    sign_in(page, email, PASSWORD)
    page.goto("/seeker/")
    assert number in page.inner_text("main")
    with page.expect_download() as download_info:
        page.click("a[href='/seeker/card.pdf']")
    target = tmp_path / "kartu.pdf"
    download_info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF-")
    sign_out(page)


def report_vacancy(page, title: str, occupation: str, opens) -> None:
    """The demo employer reports a vacancy for the occupation she wants, opening next week."""
    sign_in(page, EMPLOYER)
    page.goto("/employer/vacancies/new/")
    page.fill("#id_title", title)
    pick(page, "occupation", occupation, occupation)
    page.fill("#id_headcount", "2")
    page.fill("#id_description", "Mencatat pembukuan harian toko kerajinan rotan.")
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/requirements/")
    page.select_option("#id_min_education", "3000")
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/conditions/")
    page.click("button[name=continue]")  # no licence or condition needed
    page.wait_for_url("**/edit/limits/")
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/pay-and-place/")
    page.fill("#id_wage_min", "3.500.000")
    page.fill("#id_wage_max", "4.000.000")
    page.check("input[name=scope][value=AKL]")
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/period/")
    fill_date(page, "valid_from", opens)
    fill_date(page, "valid_to", opens + timedelta(days=45))
    page.click("button[name=continue]")
    page.wait_for_url("**/employer/vacancies/*/")
    main = page.inner_text("main")
    assert "Rp3.500.000" in main and "Rp4.000.000" in main
    page.click(SUBMIT)
    page.wait_for_load_state()
    assert page.locator(".tag-submitted").count() == 1
    sign_out(page)


def publish(page, title: str) -> int:
    sign_in(page, OFFICER)
    page.goto("/officer/vacancies/")
    page.click(f"text={title}")
    page.wait_for_load_state()
    pk = int(re.search(r"/vacancies/(\d+)/", page.url).group(1))
    page.check("input[name=decision][value=publish]")
    page.click(SUBMIT)
    page.wait_for_url("**/officer/vacancies/")
    return pk


def test_the_whole_journey_in_indonesian(browser, live_url, tmp_path):
    today = timezone.localdate()
    next_week = today + timedelta(days=7)
    serial = random.randint(1000, 9999)
    email = f"e2e.indonesia.{serial}@example.org"
    # A name has no digits: the serial spelled in letters keeps reruns apart.
    name = "Siti Rahayu " + "".join("abcdefghij"[int(d)] for d in str(serial)).capitalize()
    nik = f"627103540200{serial:04d}"  # 62.71.03, a woman (day + 40) born 14-02-2000
    title = f"Staf Pembukuan Rotan {serial}"

    wanted = register(new_page(browser, live_url), email, name, nik)
    number = verify(new_page(browser, live_url), name)
    download_card(new_page(browser, live_url), email, number, tmp_path)
    report_vacancy(new_page(browser, live_url), title, wanted, next_week)

    officer = new_page(browser, live_url)
    pk = publish(officer, title)

    # The vacancy's match list: it opens next week and she is a candidate; refer her.
    officer.goto(f"/officer/vacancies/{pk}/referrals/")
    main = officer.inner_text("main")
    assert "Calon yang direkomendasikan" in main or "direkomendasikan" in main
    assert f"dibuka pada {long_date(next_week)}" in main  # opens next week, said in Indonesian
    row = officer.locator(f"table.match-table tbody tr:has-text('{name}')")
    row.locator("button[name=send][value='1']").click()
    officer.wait_for_load_state()
    assert "Surat pengantar (PDF)" in officer.inner_text("main")
    with officer.expect_download() as download_info:
        officer.click("a:has-text('Surat pengantar (PDF)')")
    letter = tmp_path / "surat.pdf"
    download_info.value.save_as(letter)
    assert letter.read_bytes().startswith(b"%PDF") and number.encode() in letter.read_bytes()
    assert axe_violations(officer) == []

    # The outcome: hired, starting next week.
    officer.check("input[name=status][value=hired]")
    fill_date(officer, "on", next_week)
    officer.click("main form button:has-text('Simpan hasil')")
    officer.wait_for_load_state()
    assert "Diterima bekerja" in officer.inner_text("main")

    # The placement is listed with its start date, and her card shows she is placed.
    officer.goto(f"/officer/placements/?q={name.replace(' ', '+')}")
    assert "Penempatan" in officer.inner_text("h1")
    row = officer.locator(f"main table tbody tr:has-text('{name}')")
    assert row.count() == 1
    assert next_week.strftime("%d-%m-%Y") in row.inner_text()
    assert "Mulai bekerja pada" in officer.inner_text("main thead")
    officer.goto(f"/officer/caseload/seekers/?status=placed&q={name.replace(' ', '+')}")
    assert "Sudah ditempatkan kerja" in officer.inner_text("main table")

    # The dashboard's figures are written the Indonesian way.
    officer.goto("/officer/")
    assert "Penempatan bulan ini" in officer.inner_text("main")
    for value in officer.locator(".figures dd:not(.figure-hint)").all_inner_texts():
        assert INDONESIAN_NUMBER.match(value.strip()), value
    assert axe_violations(officer) == []

"""The employer's journey in a real browser.

A company registers, the officer of 62.71 verifies it, the company reports a vacancy, the officer
sees the warnings and publishes it, the public finds it by search, the demo seeker applies and the
company sees the application.
"""

from __future__ import annotations

import json
import random
import urllib.request
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import DEMO_PASSWORD, axe_violations, pick, sign_in

PASSWORD = "rotan kahayan di tepi sungai"
TITLE = "Kasir Galeri Rotan"
MAIN_BUTTON = "main form button.button:not(.button-secondary)"


def picked_value(page, field: str, query: str, text: str) -> str:
    """Search a picker and return the value of the first result whose label contains `text`."""
    page.fill(f"input[name={field}_q]", query)
    page.click(f"button[name={field}_search]")
    page.wait_for_load_state()
    option = page.locator(f"label.picker-option:has-text('{text}') input[name={field}]").first
    return option.get_attribute("value")


def new_page(browser, live_url):
    context = browser.new_context(base_url=live_url, locale="id-ID")
    context.set_default_timeout(30_000)
    return context.new_page()


def register_company(page, email: str, nib: str) -> None:
    page.goto("/employer/register/")
    industry = picked_value(page, "industry", "47111", "47111")
    page.check(f"input[name=industry][value='{industry}']")
    pick(page, "regency", "Palangka", "62.71")
    page.fill("#id_name", "PT Galeri Rotan Kahayan")
    page.fill("#id_nib", nib)
    page.check("input[name=ownership][value=private]")
    page.fill("#id_address", "Jl. Rajawali No. 21")
    page.fill("#id_contact_name", "Yohana Dahlan")
    page.fill("#id_contact_email", "hrd@galeri-rotan.example")
    page.fill("#id_contact_phone", "0536 3229876")
    page.fill("#id_full_name", "Yohana Dahlan")
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    assert axe_violations(page) == []
    page.click(MAIN_BUTTON)
    page.wait_for_url("**/employer/register/done/")
    assert nib in page.inner_text("main")


def verify_company(page) -> None:
    sign_in(page, "officer.6271@antarkerja.example")
    page.goto("/officer/employers/")
    page.click("text=PT Galeri Rotan Kahayan")
    page.check("input[name=decision][value=verify]")
    page.click(MAIN_BUTTON)
    page.wait_for_url("**/officer/employers/")


def report_vacancy(page, email: str) -> None:
    sign_in(page, email, PASSWORD)
    page.goto("/employer/")
    page.click("main a[href='/employer/vacancies/new/']")
    page.wait_for_url("**/employer/vacancies/new/")
    # Typing the title suggests the KBJI group (htmx): the employer ticks it, no search needed.
    page.locator("#id_title").press_sequentially(TITLE, delay=20)
    page.locator("#occupation-suggestions input[name=occupation]").first.wait_for()
    suggested = page.locator("#occupation-suggestions label.picker-option").first
    assert "5230" in suggested.inner_text()
    suggested.locator("input").check()
    page.fill("#id_headcount", "3")
    page.fill(
        "#id_description",
        "Melayani pembeli kerajinan rotan. Pelamar membayar biaya pendaftaran Rp100.000.",
    )
    assert axe_violations(page) == []
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/requirements/")
    page.select_option("#id_min_education", "3000")
    skill = picked_value(page, "required_skills", "pembayaran", "Memproses pembayaran")
    page.check(f"input[name=required_skills][value='{skill}']")
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/conditions/")
    page.click("button[name=continue]")  # no licence or condition needed
    page.wait_for_url("**/edit/limits/")
    page.fill("#id_age_max", "35")
    page.fill("#id_limits_reason", "Program magang untuk lulusan baru.")
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/pay-and-place/")
    page.fill("#id_wage_min", "3500000")
    page.fill("#id_wage_max", "3900000")
    page.check("input[name=scope][value=AKL]")
    assert page.is_checked("input[name=regency][value='62.71']")  # the company's regency
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/period/")
    today = timezone.localdate()
    until = today + timedelta(days=45)
    for prefix, day in (("valid_from", today), ("valid_to", until)):
        page.fill(f"#id_{prefix}_0", str(day.day))
        page.fill(f"#id_{prefix}_1", str(day.month))
        page.fill(f"#id_{prefix}_2", str(day.year))
    page.click("button[name=continue]")
    page.wait_for_url("**/employer/vacancies/*/")
    assert "Memproses pembayaran" in page.inner_text("main")
    page.click(MAIN_BUTTON)
    page.wait_for_load_state()
    assert page.locator(".tag-submitted").count() == 1


def review_and_publish(page) -> None:
    sign_in(page, "officer.6271@antarkerja.example")
    page.goto("/officer/vacancies/")
    page.click(f"text={TITLE}")
    page.wait_for_load_state()
    codes = page.locator(".warning").evaluate_all("nodes => nodes.map(n => n.dataset.code)")
    assert {"money", "limits"} <= set(codes)
    assert axe_violations(page) == []
    page.check("input[name=decision][value=publish]")
    page.click(MAIN_BUTTON)
    page.wait_for_url("**/officer/vacancies/")


def find_by_search(page) -> str:
    page.goto("/")
    page.fill("#id_q", "rotan")
    page.click("form[role=search] button.button:not(.button-secondary)")
    page.wait_for_load_state()
    page.click(f"text={TITLE}")
    page.wait_for_url("**/vacancies/*/")
    assert "PT Galeri Rotan Kahayan" in page.inner_text("main")
    assert axe_violations(page) == []
    return page.url


def seeker_status(live_url) -> str:
    """The demo seeker's status, from their own API record (the job seekers' demo verifies it)."""
    request = urllib.request.Request(  # noqa: S310 - the local test server
        f"{live_url}/api/v1/auth/token/",
        data=json.dumps(
            {"email": "seeker.6271@antarkerja.example", "password": DEMO_PASSWORD}
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - local server
        token = json.load(response)["token"]
    me = urllib.request.Request(  # noqa: S310 - the local test server
        f"{live_url}/api/v1/jobseekers/me/", headers={"Authorization": f"Token {token}"}
    )
    try:
        with urllib.request.urlopen(me, timeout=10) as response:  # noqa: S310 - local server
            return json.load(response).get("status", "")
    except OSError:
        return ""


def test_employer_registers_reports_a_vacancy_and_receives_an_application(browser, live_url):
    email = f"yohana.{random.randint(1000, 9999)}@galeri-rotan.example"
    nib = f"77{random.randint(10**10, 10**11 - 1)}"

    register_company(new_page(browser, live_url), email, nib)
    verify_company(new_page(browser, live_url))
    report_vacancy(new_page(browser, live_url), email)
    review_and_publish(new_page(browser, live_url))
    vacancy_url = find_by_search(new_page(browser, live_url))

    if seeker_status(live_url) != "active":
        pytest.skip("the demo seeker seeker.6271 is not an active (verified) seeker")
    seeker = new_page(browser, live_url)
    sign_in(seeker, "seeker.6271@antarkerja.example")
    seeker.goto(vacancy_url)
    seeker.fill("#id_note", "Saya pernah bekerja sebagai kasir dua tahun.")
    seeker.click("section.apply button.button")
    seeker.wait_for_url("**/applications/mine/")
    assert TITLE in seeker.inner_text("main")
    assert axe_violations(seeker) == []

    employer = new_page(browser, live_url)
    sign_in(employer, email, PASSWORD)
    employer.goto("/employer/")
    employer.click(f"tr:has-text('{TITLE}') td.num a")
    employer.wait_for_url("**/applications/")
    assert "Dewi Lestari" in employer.inner_text("main table")
    employer.click("text=Dewi Lestari")
    employer.wait_for_url("**/employer/applications/*/")
    assert "kasir dua tahun" in employer.inner_text("main")
    assert axe_violations(employer) == []

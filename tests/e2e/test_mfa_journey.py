"""The second factor as officers meet it, in Indonesian: a lost phone, an admin's logged reset,
enrolment at the next sign-in (a wrong code first), recovery codes shown once, then work.

Uses officer.6201, whom no other browser test signs in: after this test that account's key is
the one enrolled here, not the demo key.
"""

from __future__ import annotations

import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from tests.e2e.conftest import DEMO_PASSWORD, axe_violations, sign_in

pytestmark = pytest.mark.e2e

ADMIN = "admin@antarkerja.example"
OFFICER = "officer.6201@antarkerja.example"


def _code(secret_base32: str) -> str:
    padded = secret_base32 + "=" * (-len(secret_base32) % 8)
    totp = TOTP(b32decode(padded), step=30, t0=0, digits=6)
    totp.time = time.time()
    return f"{totp.token():06d}"


def test_an_officer_enrols_an_authenticator_at_first_sign_in_after_an_admin_reset(
    browser, live_url
):
    admin_context = browser.new_context(base_url=live_url, locale="id-ID")
    admin_context.set_default_timeout(30_000)
    admin = admin_context.new_page()
    sign_in(admin, ADMIN)
    admin.goto(f"/admin/accounts/user/?q={OFFICER}")
    admin.check("input[name=_selected_action]")
    admin.select_option("select[name=action]", "reset_second_factor")
    admin.click("button[name=index]")
    admin.wait_for_load_state()
    assert "Pengguna mendaftarkan aplikasi lagi saat masuk berikutnya." in admin.content()
    admin_context.close()

    context = browser.new_context(base_url=live_url, locale="id-ID")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", OFFICER)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("form button[type=submit]:not([name=language])")
    page.wait_for_load_state()
    # The password alone does not open the officer's pages: enrolment comes first.
    assert "/accounts/mfa/setup/" in page.url
    assert page.locator("h1").inner_text() == "Atur konfirmasi masuk"
    assert page.locator(".qr svg").count() == 1
    assert axe_violations(page) == []
    page.goto("/officer/")
    assert "/accounts/mfa/" in page.url

    secret = page.locator("[data-totp-secret]").inner_text().strip()
    page.fill("#id_code", "000000" if _code(secret) != "000000" else "111111")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "Kode itu tidak benar. Periksa jam di ponsel Anda." in page.content()
    assert page.locator("#id_code[aria-describedby]").count() == 1

    page.wait_for_timeout(2500)  # django-otp throttles the try after a wrong code (1 s, doubling)
    page.fill("#id_code", _code(secret))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Kode pemulihan Anda"
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) >= 5 and len(set(codes)) == len(codes)
    page.click("text=Sudah saya simpan, lanjutkan")
    page.wait_for_load_state()
    page.goto("/officer/")
    assert "/accounts/" not in page.url
    assert page.locator("h1").count() == 1
    # Shown once: the codes page does not show them again.
    page.goto("/accounts/mfa/recovery-codes/")
    assert page.locator(".recovery-codes").count() == 0
    context.close()

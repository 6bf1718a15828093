"""The seeker's journey in a real browser: register online, the officer of 62.71 verifies, the
seeker downloads the AK/I card, and the card's QR page says it is valid."""

import re

from tests.e2e.conftest import (
    add_vocational_school,
    axe_violations,
    open_seeker_account,
    pick,
    sign_in,
)

EMAIL = "e2e.rahmawati@example.org"
PASSWORD = "sawit hijau di pagi hari"
NIK = "6271034909999876"  # 62.71.03, a woman born 09-09-1999, serial 9876
SUBMIT = "main form button.button:not(.button-secondary)"


def english(page) -> None:
    page.goto("/")
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()


def sign_out(page) -> None:
    page.click("nav form button.link-button")
    page.wait_for_load_state()


def register(page) -> None:
    open_seeker_account(page, EMAIL, PASSWORD)

    page.fill("#id_full_name", "Rahmawati Nyahu")
    page.fill("#id_nik", NIK)
    page.fill("#id_birth_place", "Palangka Raya")
    page.click("button[name=action][value=check]")  # sex and birth date come from the NIK
    page.wait_for_load_state()
    derived = page.inner_text("#nik-derived")
    assert "09-09-1999" in derived and "Female" in derived
    page.check("input[name=identity_confirmed][value=yes]")
    page.check("input[name=marital_status][value=single]")
    page.select_option("#id_religion", "protestan")
    assert axe_violations(page) == []
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/contact/")

    page.fill("#id_address", "Jl. Rajawali No. 8")
    pick(page, "regency", "Palangka", "62.71")
    pick(page, "district", "Jekan", "62.71.03")
    page.fill("#id_phone", "0812 5555 1234")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/education/")

    add_vocational_school(page, "Akuntansi", "SMKN 1 Palangka Raya", 2017)
    assert "SMKN 1 Palangka Raya" in page.inner_text("main table")
    page.click("button[name=action][value=continue]")
    page.wait_for_url("**/seeker/register/experience/")
    page.click("button[name=action][value=continue]")
    page.wait_for_url("**/seeker/register/skills/")

    page.check(f"input[name=skills][value='{page_value(page, 'skills', 'akuntansi')}']")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/certificates/")
    page.click("button[name=action][value=continue]")  # optional: nothing to add
    page.wait_for_url("**/seeker/register/preferences/")

    wanted = page_value(page, "preferred_occupations", "pembukuan")
    page.check(f"input[name=preferred_occupations][value='{wanted}']")
    page.fill("#id_expected_wage", "3500000")
    page.check("input[name=relocation][value=province]")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/category/")
    page.check("input[name=category][value=never_worked]")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/disability/")
    page.check("input[name=has_disability][value=no]")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/check/")

    assert "Rahmawati Nyahu" in page.inner_text("main")
    page.check("#id_consent")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/done/")
    assert "Registration sent" in page.inner_text("h1")


def page_value(page, field: str, query: str) -> str:
    """Search with the picker and return the value of the first result."""
    page.fill(f"input[name={field}_q]", query)
    page.click(f"button[name={field}_search]")
    page.wait_for_load_state()
    return page.locator(f".picker-results input[name={field}]").first.get_attribute("value")


def test_a_seeker_registers_the_officer_verifies_and_the_card_checks_valid(page, tmp_path):
    english(page)
    register(page)
    sign_out(page)

    sign_in(page, "officer.6271@antarkerja.example")
    page.goto("/officer/seekers/verify/?regency=62.71")
    assert axe_violations(page) == []
    page.click("text=Rahmawati Nyahu")
    page.wait_for_load_state()
    assert NIK in page.inner_text("main")
    page.click("text=Verify and issue the AK/I card")
    page.wait_for_load_state()
    message = page.inner_text(".messages")
    number = re.search(r"\d{4}-\d{4}-\d{6}", message).group(0)
    assert number.startswith("6271-")
    sign_out(page)

    sign_in(page, EMAIL, PASSWORD)
    page.goto("/seeker/")
    assert number in page.inner_text("main")
    assert axe_violations(page) == []
    with page.expect_download() as download_info:
        page.click("a[href='/seeker/card.pdf']")
    download = download_info.value
    assert download.suggested_filename == f"AK1-{number}.pdf"
    target = tmp_path / "card.pdf"
    download.save_as(target)
    assert target.read_bytes().startswith(b"%PDF-")

    page.goto(f"/verify/{number}/")
    assert "This card is valid" in page.inner_text("main")
    assert "R.N." in page.inner_text("main")
    assert "Rahmawati" not in page.inner_text("main")  # the header greets the holder signed in
    assert axe_violations(page) == []


def test_the_registration_steps_fit_a_phone_and_bad_input_is_shown_at_the_field(page):
    english(page)
    page.set_viewport_size({"width": 360, "height": 740})
    open_seeker_account(page, "e2e.phone@example.org", PASSWORD)
    page.fill("#id_nik", "".join(chr(0xFF10 + int(d)) for d in NIK))  # full-width digits
    page.click(SUBMIT)
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert "16 digits" in page.inner_text("#id_nik_error")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []


def type_and_tick(page, field: str, words: str, label: str) -> None:
    """By keyboard only, as a person without a mouse: type words into the picker, wait for its
    live suggestions, Tab to the one whose label holds `label` and tick it (arrows in a radio
    group, Space on a checkbox)."""
    page.locator(f"input[name={field}_q]").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type(words)
    option = page.locator(f"[data-name={field}] .picker-results label").filter(has_text=label)
    option.first.wait_for()
    target = option.first.locator("input").get_attribute("value")
    active = "[document.activeElement.name, document.activeElement.value]"
    for _press in range(40):
        page.keyboard.press("Tab")
        name, value = page.evaluate(active)
        if name == field and value == target:
            break
        if name == field and page.evaluate("document.activeElement.type") == "radio":
            page.keyboard.press("ArrowDown")  # a radio group is one Tab stop
            if page.evaluate(active) == [field, target]:
                break
    assert page.evaluate(active) == [field, target], page.evaluate(active)
    if not page.evaluate("document.activeElement.checked"):
        page.keyboard.press("Space")
    assert page.locator(f"input[name={field}][value='{target}']").is_checked()


def test_a_seeker_registers_with_words_only_by_keyboard_on_a_phone_in_indonesian(page):
    """Issue 11: no code needed. The pickers suggest as she types, she ticks by keyboard, a
    word typed but not ticked is explained at the field, and the lists fit a 375 px phone."""
    page.set_viewport_size({"width": 375, "height": 800})
    open_seeker_account(page, "e2e.kata@example.org", PASSWORD)
    page.fill("#id_full_name", "Sri Wahyuni")
    page.fill("#id_nik", "6271034909995432")
    page.fill("#id_birth_place", "Bekasi")
    page.check("input[name=identity_confirmed][value=yes]")
    page.check("input[name=marital_status][value=single]")
    page.select_option("#id_religion", "islam")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/contact/")

    # "Bekasi" names a Kota and a Kabupaten: both offered; sending without a tick says so.
    page.fill("#id_address", "Jl. Cikarang Baru 12")
    page.fill("#id_phone", "0812 7777 1234")
    page.locator("input[name=regency_q]").focus()
    page.keyboard.type("Bekasi")
    options = page.locator("[data-name=regency] .picker-results label")
    options.filter(has_text="Kabupaten Bekasi").wait_for()
    assert "Kota Bekasi" in options.all_inner_texts()[0]
    page.click(SUBMIT)
    page.wait_for_load_state()
    assert "Centang salah satu hasil untuk “Bekasi”" in page.inner_text("#id_regency_error")
    assert "id_regency_error" in page.get_attribute("#id_regency", "aria-describedby")
    assert page.input_value("#id_address") == "Jl. Cikarang Baru 12"  # nothing typed is lost
    type_and_tick(page, "regency", "Cikarang", "Kabupaten Bekasi")
    page.press("#id_phone", "Enter")  # sends the step, not the first picker's search
    page.wait_for_url("**/seeker/register/education/")

    add_vocational_school(page, "Pemasaran", "SMKN 1 Cikarang Utara", 2016)
    assert "SLTA (SMA/SMK/MA/sederajat)" in page.inner_text("main table")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.click("button[name=action][value=continue]")
    page.wait_for_url("**/seeker/register/experience/")

    # The job title suggests its group as she types, as the vacancy form does for employers.
    page.locator("#id_job_title").focus()
    page.keyboard.type("Kasir Minimarket")
    suggested = page.locator("#occupation-suggestions label.picker-option").filter(has_text="5230")
    suggested.wait_for()
    assert "Disarankan dari nama jabatan “Kasir Minimarket”" in page.inner_text(
        "#occupation-suggestions"
    )
    suggested.locator("input").check()
    page.fill("#id_employer_name", "Toko Sumber Rejeki")
    page.fill("#id_start_year", "2017")
    page.press("#id_start_year", "Enter")  # adds the row
    page.wait_for_load_state()
    assert "Kasir dan Petugas Tiket" in page.inner_text("main table")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll
    page.click("button[name=action][value=continue]")
    page.wait_for_url("**/seeker/register/skills/")

    page.locator("input[name=skills_q]").focus()
    page.keyboard.type("qwertyuiop")  # a word it cannot place: said as she types
    page.locator("[data-name=skills] .picker-results .hint").wait_for()
    assert (
        page.inner_text("[data-name=skills] .picker-results") == "Tidak ditemukan. Coba kata lain."
    )
    for words, label in [
        ("kasir", "Memproses pembayaran"),
        ("las", "Teknik pengelasan"),
        ("mengemudi", "Mengemudikan kendaraan"),
        ("Microsoft Excel", "Excel"),
        ("bahasa Inggris", "Bahasa Inggris"),
    ]:
        type_and_tick(page, "skills", words, label)
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/certificates/")
    page.click("button[name=action][value=continue]")
    page.wait_for_url("**/seeker/register/preferences/")

    type_and_tick(page, "preferred_occupations", "pramuniaga", "5223 ")
    type_and_tick(page, "preferred_occupations", "SPG", "5242 ")
    page.fill("#id_expected_wage", "3,5 juta")
    page.check("input[name=relocation][value=province]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/category/")
    page.check("input[name=category][value=stopped]")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/disability/")
    page.check("input[name=has_disability][value=no]")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/check/")
    main = page.inner_text("main")
    for words in ("Kabupaten Bekasi", "Kasir Minimarket", "Teknik pengelasan", "3.500.000"):
        assert words in main
    assert "Asisten Penjualan Toko; Peraga Penjualan" in main
    assert axe_violations(page) == []


def test_enter_sends_a_form_with_pickers_without_javascript(browser, live_url):
    """Without JavaScript, Enter in a text field sends the form (saves and continues), not the
    first picker's "Search", which would save nothing."""
    context = browser.new_context(base_url=live_url, locale="id-ID", java_script_enabled=False)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        sign_in(page, "seeker.6201@antarkerja.example")
        page.goto("/seeker/register/preferences/")
        wage = page.input_value("#id_expected_wage")
        page.press("#id_expected_wage", "Enter")
        page.wait_for_url("**/seeker/profile/")
        page.goto("/seeker/register/preferences/")
        assert page.input_value("#id_expected_wage") == wage
    finally:
        context.close()

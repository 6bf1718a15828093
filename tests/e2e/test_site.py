"""The site in a real browser: language switch, keyboard, phone width, accessibility."""

from tests.e2e.conftest import axe_violations, sign_in


def test_home_switches_language_and_has_no_serious_accessibility_violations(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("h1").inner_text() == "Cari kerja di dekat Anda"
    assert axe_violations(page) == []
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Find a job near you"
    assert axe_violations(page) == []
    page.click("button[name=language][value=id]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "id"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_fits_a_360_pixel_phone_without_sideways_scrolling(page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_demo_officer_signs_in_and_sees_the_office(page):
    sign_in(page, "officer.6271@antarkerja.example")
    assert "/officer/" in page.url
    assert "Palangka" in page.content()
    assert axe_violations(page) == []

"""The officer's day in a real browser (issue 6).

The officer of 62.71 opens the dashboard, takes the walk-in registration of Sri Wahyuni from the
verification queue, verifies it, records the AK/II interview, refers her from a match to the
demo employer's vacancy and downloads the referral letter; the employer marks her hired in its
portal; the placement appears in the officer's figures and in the ledger, and her AK/I card is
inactive.
"""

from __future__ import annotations

import re

from tests.e2e.conftest import axe_violations, sign_in

OFFICER = "officer.6271@antarkerja.example"
EMPLOYER = "employer.6271@antarkerja.example"
COMPANY = "PT Kahayan Mitra Niaga"
SEEKER = "Sri Wahyuni"


def english(page) -> None:
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()


def figure(page, label: str) -> int:
    text = page.locator(
        f".figures div:has(dt:text-is('{label}')) dd:not(.figure-hint)"
    ).inner_text()
    return int(text.replace(",", "").replace(".", ""))


def sign_out(page) -> None:
    page.click("form[action$='/logout/'] button")
    page.wait_for_load_state()


def test_the_officer_verifies_interviews_refers_and_the_employer_hires(page, tmp_path):
    sign_in(page, OFFICER)
    english(page)
    page.goto("/officer/")
    placements_before = figure(page, "Placements this month")
    assert axe_violations(page) == []

    # The verification queue, from the dashboard's work queue.
    page.click(".queue-list a:has-text('Registrations to verify')")
    page.wait_for_load_state()
    page.click(f"a:text-is('{SEEKER}')")
    page.wait_for_load_state()
    page.click("button:has-text('Verify and issue the AK/I card')")
    page.wait_for_load_state()
    ak1_number = re.search(r"\d{4}-\d{4}-\d{6}", page.locator(".lead").inner_text()).group(0)
    assert axe_violations(page) == []

    # The AK/II interview, with an agreed action.
    page.click("a:has-text('Record an AK/II interview')")
    page.wait_for_load_state()
    assert "Work wanted:" in page.input_value("#id_notes")
    page.fill("#id_notes", "Work wanted: cashier\nInterests and strengths: careful, friendly")
    page.fill("#id_action_1", "Upload the CV")
    page.fill("#id_action_1_due_0", "28")
    page.fill("#id_action_1_due_1", "12")
    page.fill("#id_action_1_due_2", "2099")
    assert axe_violations(page) == []
    page.click("main form button.button:has-text('Save the session')")
    page.wait_for_load_state()
    assert "AK/II interview" in page.inner_text("main")

    # Refer her from a match to the demo employer's vacancy; download the letter.
    page.click("nav.table-tabs a:has-text('Matches and applications')")
    page.wait_for_load_state()
    row = page.locator(f"table.match-table tbody tr:has-text('{COMPANY}')").first
    assert row.locator(".score-badge").count() == 1
    row.locator("button[name=send][value='1']").click()
    page.wait_for_load_state()
    assert "Referral letter" in page.inner_text("main")
    with page.expect_download() as download_info:
        page.click("a:has-text('Referral letter (PDF)')")
    letter = tmp_path / "letter.pdf"
    download_info.value.save_as(letter)
    content = letter.read_bytes()
    assert content.startswith(b"%PDF") and ak1_number.encode() in content
    assert COMPANY.encode() in content
    sign_out(page)

    # The employer sees the referred candidate and marks her hired.
    sign_in(page, EMPLOYER)
    page.goto("/employer/")
    page.click("a:has-text('Candidates referred by the Disnaker')")
    page.wait_for_load_state()
    page.click(f"a:text-is('{SEEKER}')")
    page.wait_for_load_state()
    assert ak1_number in page.inner_text("main")
    assert axe_violations(page) == []
    page.check("input[name=status][value=hired]")
    page.click("main form button.button:not(.button-secondary)")
    page.wait_for_load_state()
    assert page.locator(".notice-success").count() == 1
    sign_out(page)

    # The officer sees the placement in the figures and the ledger; the card is inactive.
    sign_in(page, OFFICER)
    english(page)
    page.goto("/officer/")
    assert figure(page, "Placements this month") == placements_before + 1
    page.goto("/officer/caseload/seekers/?status=placed&q=" + SEEKER.replace(" ", "+"))
    page.click(f"a:text-is('{SEEKER}')")
    page.wait_for_load_state()
    assert "Placed in work" in page.locator(".lead").inner_text()
    page.click("nav.table-tabs a:has-text('History')")
    page.wait_for_load_state()
    assert "Job seeker placed" in page.inner_text("main")
    assert axe_violations(page) == []
    page.goto(f"/verify/{ak1_number}/")
    assert "not valid any more" in page.inner_text("main")

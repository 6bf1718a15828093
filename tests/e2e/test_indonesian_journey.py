"""The whole journey in Indonesian, the default language, and once more in English (issue 14): a
seeker registers online, the officer of 62.71 verifies and the AK/I card is issued, the demo
employer reports a vacancy that opens next week, the officer publishes it, refers the seeker from
the vacancy's match list, records that she is hired from next week, and the placement is listed.

At each step it checks what each person was told, in their language: the e-mail (the server
writes them to a folder, `outbox`) and the inbox behind the bell. At the end the regency
dashboard, IPK III/1 and `/statistik/` print the same figures for the month. Numbers and dates
are written the way of the page's language (3.500.000 / 3,500,000).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import (
    add_vocational_school,
    axe_violations,
    open_seeker_account,
    pick,
    sign_in,
)

OFFICER = "officer.6271@antarkerja.example"
EMPLOYER = "employer.6271@antarkerja.example"
PASSWORD = "rotan dan damar di hulu kahayan"
SUBMIT = "main form button.button:not(.button-secondary)"
MONTHS = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "en": "January February March April May June July August September October November December",
}


@dataclass(frozen=True)
class Words:
    """What the pages and e-mails say, in one language."""

    language: str
    thousands: str  # the thousands separator of the language's numbers
    registration_sent: str
    verify_queue: str
    verify_button: str
    recommended: str
    opens_on: str
    letter: str
    save_outcome: str
    hired: str
    placements: str
    started_on: str
    placed: str
    # Notifications (title of the notice = subject of the e-mail after "AntarKerja: ")
    notifications: str
    open_notice: str
    mark_all_read: str
    received: str
    card_issued: str
    referred: str
    outcome: str
    published: str
    candidate: str
    # Figures
    active: str
    registered_month: str
    placed_month: str
    open_vacancies: str
    open_positions: str
    ipk_remaining: str
    ipk_registered: str
    ipk_placed: str


INDONESIAN = Words(
    language="id",
    thousands=".",
    registration_sent="Pendaftaran terkirim",
    verify_queue="Pendaftaran yang perlu diverifikasi",
    verify_button="Verifikasi dan terbitkan kartu AK/I",
    recommended="Calon pekerja yang direkomendasikan di wilayah Anda",
    opens_on="dibuka pada",
    letter="Surat pengantar (PDF)",
    save_outcome="Simpan hasil",
    hired="Diterima bekerja",
    placements="Penempatan",
    started_on="Mulai bekerja pada",
    placed="Sudah ditempatkan kerja",
    notifications="Pemberitahuan",
    open_notice="Buka",
    mark_all_read="Tandai semua sudah dibaca",
    received="Pendaftaran Anda sudah kami terima",
    card_issued="Kartu AK/I Anda sudah terbit: {number}",
    referred="Anda dirujuk ke “{title}”",
    outcome="Kabar tentang “{title}”: Diterima bekerja",
    published="Lowongan Anda “{title}” sudah diterbitkan",
    candidate="Seorang calon dirujuk ke “{title}”",
    active="Pencari kerja aktif",
    registered_month="Pendaftaran bulan ini",
    placed_month="Penempatan bulan ini",
    open_vacancies="Lowongan dibuka",
    open_positions="Posisi terbuka",
    ipk_remaining="5. Sisa akhir bulan ini (A - B)",
    ipk_registered="2. Terdaftar bulan ini",
    ipk_placed="3. Ditempatkan bulan ini",
)
ENGLISH = Words(
    language="en",
    thousands=",",
    registration_sent="Registration sent",
    verify_queue="Registrations to verify",
    verify_button="Verify and issue the AK/I card",
    recommended="Recommended candidates in your region",
    opens_on="opens on",
    letter="Referral letter (PDF)",
    save_outcome="Save the outcome",
    hired="Hired",
    placements="Placements",
    started_on="Started work on",
    placed="Placed in work",
    notifications="Notifications",
    open_notice="Open",
    mark_all_read="Mark all as read",
    received="We received your registration",
    card_issued="Your AK/I card is issued: {number}",
    referred="You are referred to “{title}”",
    outcome="News about “{title}”: Hired",
    published="Your vacancy “{title}” is published",
    candidate="A candidate is referred to “{title}”",
    active="Active job seekers",
    registered_month="Registrations this month",
    placed_month="Placements this month",
    open_vacancies="Open vacancies",
    open_positions="Open positions",
    ipk_remaining="5. Remaining at the end of the month (A - B)",
    ipk_registered="2. Registered this month",
    ipk_placed="3. Placed this month",
)
# The demo employer never chose a language: its e-mails are in Indonesian whatever the page says.
EMPLOYER_PUBLISHED_SUBJECT = "Lowongan Anda “{title}” sudah diterbitkan"
EMPLOYER_CANDIDATE_SUBJECT = "Calon pekerja dirujuk oleh"


def money(amount: int, words: Words) -> str:
    return f"{amount:,}".replace(",", words.thousands)


def number(text: str) -> int:
    """A printed whole number ("1.234" or "1,234") as an int."""
    return int(re.sub(r"[.,\s]", "", text))


def long_date(day, words: Words) -> str:
    """A date as the pages write it in words: "13 Desember 2026", "13 December 2026"."""
    return f"{day.day} {MONTHS[words.language].split()[day.month - 1]} {day.year}"


def new_page(browser, live_url, words: Words):
    """A new person's browser (Indonesian phone settings); English chosen with the switch."""
    context = browser.new_context(base_url=live_url, locale="id-ID")
    context.set_default_timeout(20_000)
    page = context.new_page()
    if words.language != "id":
        page.goto("/")
        page.click(f"button[name=language][value={words.language}]")
        page.wait_for_load_state()
    return page


def sign_out(page) -> None:
    page.click("form[action$='/logout/'] button")
    page.wait_for_load_state()


def picker_value(page, field: str, query: str) -> str:
    """Search a taxonomy picker (without its JavaScript) and return the first result's value."""
    page.fill(f"input[name={field}_q]", query)
    page.click(f"button[name={field}_search]")
    page.wait_for_load_state()
    return page.locator(f".picker-results input[name={field}]").first.get_attribute("value")


def fill_date(page, prefix: str, day) -> None:
    page.fill(f"#id_{prefix}_0", str(day.day))
    page.fill(f"#id_{prefix}_1", str(day.month))
    page.fill(f"#id_{prefix}_2", str(day.year))


def register(page, words: Words, email: str, name: str, nik: str) -> str:
    """Online registration, every step in the page's language; returns the occupation wanted."""
    open_seeker_account(page, email, PASSWORD)
    assert page.locator("html").get_attribute("lang") == words.language
    page.fill("#id_full_name", name)
    page.fill("#id_nik", nik)
    page.fill("#id_birth_place", "Palangka Raya")
    page.check("input[name=identity_confirmed][value=yes]")  # P, 14-02-2000 read from the NIK
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
    add_vocational_school(page, "Akuntansi", "SMKN 2 Palangka Raya", 2018)
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
    page.fill("#id_expected_wage", money(3_500_000, words))  # written the language's way
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
    assert name in main and money(3_500_000, words) in main
    page.check("#id_consent")
    page.click(SUBMIT)
    page.wait_for_url("**/seeker/register/done/")
    assert words.registration_sent in page.inner_text("h1")
    return wanted


def verify(page, words: Words, name: str) -> str:
    """The officer finds her in the verification queue by name and issues the card."""
    sign_in(page, OFFICER)
    page.goto("/officer/seekers/verify/")
    assert words.verify_queue in page.inner_text("h1")
    page.fill("#id_q", name)
    page.click("form[role=search] button")
    page.wait_for_load_state()
    page.click(f"a:text-is('{name}')")
    page.wait_for_load_state()
    page.click(f"button:has-text('{words.verify_button}')")
    page.wait_for_load_state()
    number = re.search(r"\d{4}-\d{4}-\d{6}", page.inner_text(".messages")).group(0)
    assert number.startswith("6271-")
    sign_out(page)
    return number


def inbox_titles(page) -> list[str]:
    page.click("a.bell")
    page.wait_for_load_state()
    return [t.strip() for t in page.locator(".notice-title").all_inner_texts()]


def unread_badge(page) -> int:
    badge = page.locator("a.bell .badge")
    return number(badge.inner_text().split()[0]) if badge.count() else 0


def open_notice(page, words: Words, title: str, tmp_path, name: str) -> bytes:
    """Press the notice's "Open" button; it leads to a file (the card, the letter): its bytes."""
    notice = page.locator(".notice-item").filter(has_text=title)
    button = notice.locator("button[name=open]")
    assert button.inner_text().startswith(words.open_notice)
    with page.expect_download() as download_info:
        button.click()
    target = tmp_path / name
    download_info.value.save_as(target)
    return target.read_bytes()


def download_card(page, words: Words, email: str, number: str, tmp_path) -> None:
    """She signs in: the bell counts two notices; the card notice opens the card."""
    sign_in(page, email, PASSWORD)
    page.goto("/seeker/")
    assert number in page.inner_text("main")
    assert unread_badge(page) == 2
    titles = inbox_titles(page)  # newest first
    card_title = words.card_issued.format(number=number)
    assert len(titles) == 2 and card_title in titles[0] and words.received in titles[1]
    assert words.notifications in page.inner_text("h1")
    assert open_notice(page, words, card_title, tmp_path, "kartu.pdf").startswith(b"%PDF-")
    page.goto("/notifications/")
    assert unread_badge(page) == 1  # the card notice is read now
    assert axe_violations(page) == []
    sign_out(page)


def check_email(message, *, language: str, contains: tuple[str, ...] = ()) -> None:
    """An e-mail with a plain-text and an HTML part, in `language`, saying `contains`."""
    text = message.get_body(("plain",)).get_content()
    assert message.get_body(("html",)) is not None
    for needle in contains:
        assert needle in text, (needle, text)
    if language == "id":
        assert "Anda" in text
    else:
        assert "Anda" not in text and " you" in text.lower()


def report_vacancy(page, words: Words, title: str, occupation: str, opens) -> None:
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
    page.fill("#id_wage_min", money(3_500_000, words))
    page.fill("#id_wage_max", money(4_000_000, words))
    page.check("input[name=scope][value=AKL]")
    page.click("button[name=continue]")
    page.wait_for_url("**/edit/period/")
    fill_date(page, "valid_from", opens)
    fill_date(page, "valid_to", opens + timedelta(days=45))
    page.click("button[name=continue]")
    page.wait_for_url("**/employer/vacancies/*/")
    main = page.inner_text("main")
    assert f"Rp{money(3_500_000, words)}" in main and f"Rp{money(4_000_000, words)}" in main
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


def figure(page, label: str) -> int:
    return number(
        page.locator(f".figures div:has(dt:text-is('{label}')) dd:not(.figure-hint)").inner_text()
    )


def ipk_total(page, label: str) -> int:
    """The total (last) cell of a line of III/1's job-seeker table."""
    row = page.locator(f"#ipk-seekers tr:has(th:text-is('{label}'))")
    return number(row.locator("td.num").all_inner_texts()[-1])


FIGURES = ("active", "registered_month", "placed_month", "open_vacancies", "open_positions")


def compare_figures(officer, public, words: Words, today) -> None:
    """The regency dashboard, IPK III/1 and /statistik/ of 62.71 print the same month."""
    officer.goto("/officer/")
    dashboard = {name: figure(officer, getattr(words, name)) for name in FIGURES}
    for value in officer.locator(".figures dd:not(.figure-hint)").all_inner_texts():
        assert re.match(rf"^\d{{1,3}}(\{words.thousands}\d{{3}})*$", value.strip()), value
    assert axe_violations(officer) == []
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    officer.goto(f"/officer/reports/ipk/iii-1/?month={this_month:%Y-%m}&region=62.71")
    # Today: the dashboard's figures are this month's provisional III/1.
    assert dashboard["active"] == ipk_total(officer, words.ipk_remaining)
    assert dashboard["registered_month"] == ipk_total(officer, words.ipk_registered) >= 1
    assert dashboard["placed_month"] == ipk_total(officer, words.ipk_placed)
    officer.goto(f"/officer/reports/ipk/iii-1/?month={last_month:%Y-%m}&region=62.71")
    remaining_last_month = ipk_total(officer, words.ipk_remaining)
    # /statistik/: the stock at the end of last month (III/1), vacancies open today.
    public.goto("/statistik/?region=62.71")
    assert figure(public, words.active) == remaining_last_month
    assert figure(public, words.open_vacancies) == dashboard["open_vacancies"]
    assert figure(public, words.open_positions) == dashboard["open_positions"]
    assert long_date(last_month, words).split(" ", 1)[1] in public.inner_text(".figures")


@pytest.mark.parametrize("words", [INDONESIAN, ENGLISH], ids=["indonesian", "english"])
def test_the_whole_journey_and_what_each_person_is_told(browser, live_url, outbox, tmp_path, words):
    today = timezone.localdate()
    next_week = today + timedelta(days=7)
    serial = random.randint(1000, 9999)
    email = f"e2e.{words.language}.{serial}@example.org"
    # A name has no digits: the serial spelled in letters keeps reruns apart.
    name = "Siti Rahayu " + "".join("abcdefghij"[int(d)] for d in str(serial)).capitalize()
    nik = f"627103540200{serial:04d}"  # 62.71.03, a woman (day + 40) born 14-02-2000
    title = f"Staf Pembukuan Rotan {serial}"
    employer_email = EMPLOYER

    # Registration: the receipt the form promises, by e-mail and behind the bell.
    seeker = new_page(browser, live_url, words)
    wanted = register(seeker, words, email, name, nik)
    check_email(outbox.find(email, words.received), language=words.language, contains=(name,))
    assert unread_badge(seeker) == 1

    number_ = verify(new_page(browser, live_url, words), words, name)
    card = outbox.find(email, words.card_issued.format(number=number_))
    check_email(card, language=words.language, contains=(number_, "/seeker/card.pdf"))
    download_card(new_page(browser, live_url, words), words, email, number_, tmp_path)

    report_vacancy(new_page(browser, live_url, words), words, title, wanted, next_week)
    officer = new_page(browser, live_url, words)
    pk = publish(officer, title)
    outbox.find(employer_email, EMPLOYER_PUBLISHED_SUBJECT.format(title=title))

    # The vacancy's match list: it opens next week and she is a candidate; refer her.
    officer.goto(f"/officer/vacancies/{pk}/referrals/")
    main = officer.inner_text("main")
    assert words.recommended in main
    assert f"{words.opens_on} {long_date(next_week, words)}" in main
    row = officer.locator(f"table.match-table tbody tr:has-text('{name}')")
    row.locator("button[name=send][value='1']").click()
    officer.wait_for_load_state()
    assert words.letter in officer.inner_text("main")
    with officer.expect_download() as download_info:
        officer.click(f"a:has-text('{words.letter}')")
    letter = tmp_path / "surat.pdf"
    download_info.value.save_as(letter)
    assert letter.read_bytes().startswith(b"%PDF") and number_.encode() in letter.read_bytes()
    assert axe_violations(officer) == []
    referred = outbox.find(email, words.referred.format(title=title))
    check_email(referred, language=words.language, contains=("/letter.pdf",))
    to_company = outbox.find(employer_email, EMPLOYER_CANDIDATE_SUBJECT, title)
    assert name in to_company.get_body(("plain",)).get_content()

    # The outcome: hired, starting next week.
    officer.check("input[name=status][value=hired]")
    fill_date(officer, "on", next_week)
    officer.click(f"main form button:has-text('{words.save_outcome}')")
    officer.wait_for_load_state()
    assert words.hired in officer.inner_text("main")
    check_email(
        outbox.find(email, words.outcome.format(title=title)),
        language=words.language,
        contains=(title,),
    )

    # The placement is listed with its start date, and her card shows she is placed.
    officer.goto(f"/officer/placements/?q={name.replace(' ', '+')}")
    assert words.placements in officer.inner_text("h1")
    row = officer.locator(f"main table tbody tr:has-text('{name}')")
    assert row.count() == 1
    assert next_week.strftime("%d-%m-%Y") in row.inner_text()
    assert words.started_on in officer.inner_text("main thead")
    officer.goto(f"/officer/caseload/seekers/?status=placed&q={name.replace(' ', '+')}")
    assert words.placed in officer.inner_text("main table")

    # She reads the referral and the outcome behind the bell and opens her own letter.
    seeker = new_page(browser, live_url, words)
    sign_in(seeker, email, PASSWORD)
    assert unread_badge(seeker) == 3  # registration received, referral, outcome
    titles = inbox_titles(seeker)
    assert words.outcome.format(title=title) in titles[0]
    assert words.referred.format(title=title) in titles[1]
    own_letter = open_notice(
        seeker, words, words.referred.format(title=title), tmp_path, "surat-saya.pdf"
    )
    assert own_letter.startswith(b"%PDF") and number_.encode() in own_letter
    seeker.goto("/notifications/")
    seeker.click(f"button:has-text('{words.mark_all_read}')")
    seeker.wait_for_load_state()
    assert unread_badge(seeker) == 0

    # The company reads the publication and the candidate behind its bell.
    company = new_page(browser, live_url, words)
    sign_in(company, EMPLOYER)
    titles = inbox_titles(company)
    assert any(words.candidate.format(title=title) in t for t in titles)
    assert any(words.published.format(title=title) in t for t in titles)

    # One set of figures: dashboard, IPK III/1 and /statistik/ agree on the month.
    compare_figures(officer, new_page(browser, live_url, words), words, today)

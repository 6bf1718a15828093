"""The import journey in a real browser, in Indonesian.

The officer of 62.71 uploads a job-board-shaped file (written here), maps its columns on screen
and saves the mapping as a profile, follows the run to its end, picks the right occupation for
an uncertain row in the review queue, uploads a second file of the same shape (the profile is
picked and the taught title is coded at once), publishes the whole file and sees candidates.
"""

from __future__ import annotations

import csv
import re

from tests.e2e.conftest import sign_in

OFFICER = "officer.6271@antarkerja.example"
COMPANY = "PT Kahayan Mitra Niaga"  # a verified company of the demo in 62.71
HEADER = ["ID Iklan", "Posisi", "Perusahaan", "Lokasi", "Gaji", "Pendidikan", "Uraian", "Tautan"]
DESCRIPTION = "Melayani pembeli di toko kerajinan rotan, menata barang dan menghitung uang."


def _write(path, rows: list[tuple[str, str]], company: str = COMPANY) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for ad_id, title in rows:
            link = f"https://papan-uji.example/iklan/{ad_id}"
            writer.writerow(
                [
                    ad_id,
                    title,
                    company,
                    "Palangka Raya",
                    "Rp 3.200.000",
                    "SMA/SMK",
                    DESCRIPTION,
                    link,
                ]
            )


def _upload(page, path) -> None:
    page.goto("/officer/imports/")
    page.check("input[name=kind][value=vacancies]")
    page.set_input_files("input[name=file]", str(path))
    page.click("main form button.button")
    page.wait_for_load_state()


def test_the_officer_maps_reviews_reuses_the_profile_and_publishes_a_job_board_file(page, tmp_path):
    first, second = tmp_path / "papan-uji-1.csv", tmp_path / "papan-uji-2.csv"
    _write(first, [("A1", "Kasir"), ("A2", "Tim Toko Rotan")])
    # Another company: the same title at the same company and place would be a likely duplicate.
    _write(second, [("A3", "Tim Toko Rotan")], company="PT Anyaman Rotan Kahayan")
    sign_in(page, OFFICER)

    # Upload: a file in another shape goes to the mapping screen, with the suggestion chosen.
    _upload(page, first)
    assert re.search(r"/officer/imports/\d+/map/$", page.url)
    assert page.locator("h1").inner_text().startswith("Petakan kolom")
    assert "PT Kahayan Mitra Niaga" in page.inner_text("main")  # sample values beside columns
    assert page.input_value("#id_map_title") == "posisi"
    page.fill("#id_profile_name", "Papan uji")
    page.click("main form button.button")
    page.wait_for_load_state()

    # Progress, then the result (the run works in-process without Redis: it has ended).
    assert re.search(r"/officer/imports/\d+/$", page.url)
    main = page.inner_text("main")
    assert "Selesai" in main and "Papan uji" in main

    # Review: the uncertain title ("Tim" says nothing of the job; the coder is unsure) gets the
    # officer's choice among the suggestions.
    page.goto("/officer/imports/review/")
    row = page.locator("tr", has_text="Tim Toko Rotan")
    link = row.locator("a", has_text="buka").get_attribute("href")
    vacancy_pk = re.search(r"/(\d+)/$", link).group(1)
    row.locator("select[name^=kbji-]").select_option("5223")
    row.locator("input[name=vacancy]").check()
    page.click("main form button.button")
    page.wait_for_load_state()
    assert "Tim Toko Rotan" not in page.inner_text("main")

    # The second file: the saved profile is picked, the taught title is coded at once.
    _upload(page, second)
    assert "Papan uji" in page.inner_text("main")
    assert page.input_value("#id_map_title") == "posisi"
    page.click("main form button.button")
    page.wait_for_load_state()
    assert "Selesai" in page.inner_text("main")
    page.goto("/officer/imports/review/")
    assert "Tim Toko Rotan" not in page.inner_text("main")

    # Publish the whole first file: verified and rescored at once, so it has candidates.
    page.goto("/officer/imports/")
    page.click("text=papan-uji-1.csv")
    page.wait_for_load_state()
    page.click("text=Tayangkan seluruh berkas")
    page.wait_for_load_state()
    page.goto(f"/officer/matching/vacancies/{vacancy_pk}/")
    main = page.inner_text("main")
    assert "Tim Toko Rotan" in main
    assert page.locator("main table tbody tr").count() >= 1

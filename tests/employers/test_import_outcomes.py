"""What an import leads to: warnings per row, duplicates across sources, publishing a whole file
(rescored at once), merging job-board employers, and the downloadable report (CSV, XLSX)."""

from __future__ import annotations

import io
import json
from unittest import mock

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from employers import import_review
from employers.models import Employer, Vacancy
from tests.employers.test_imports import board_row, csv_upload, run
from tests.factories import EmployerFactory


def test_each_row_gets_the_verification_warnings_and_the_report_lists_them(db, alice):
    fee = board_row(
        61, Deskripsi="Kasir toko. Pelamar wajib membayar biaya pendaftaran Rp 250.000."
    )
    result = run(csv_upload([fee, board_row(62)]), kind="vacancies", by=alice)
    assert result.rows_warned >= 1
    warned = Vacancy.objects.get(external_id="900061")
    assert "money" in warned.coding["warnings"]
    assert Vacancy.objects.get(external_id="900062").coding["warnings"] == []
    assert any(entry[4] == "warning" and entry[0] == 2 for entry in result.errors)
    assert warned.status == "submitted"  # the usual verification path


def test_the_same_ad_from_another_source_is_flagged_as_a_likely_duplicate(db, alice):
    employer = EmployerFactory(name="PT Toko Contoh 63")
    first = run(csv_upload([board_row(63)]), kind="vacancies", by=alice)
    original = Vacancy.objects.get(external_id="900063")
    assert first.rows_duplicates == 0 and original.employer == employer
    other_board = {
        "id": "B-1",
        "title": "Kasir",
        "company": "PT Toko Contoh 63",
        "location": "Palangka Raya",
        "url": "https://other.example/ad/1",
    }
    upload = SimpleUploadedFile("lain.jsonl", (json.dumps(other_board) + "\n").encode())
    second = run(upload, kind="vacancies", by=alice)
    assert (second.rows_imported, second.rows_duplicates) == (1, 1)
    copy = Vacancy.objects.get(external_id="B-1")
    assert copy.coding["duplicate_of"] == original.pk and copy.needs_review
    assert "duplicate" in copy.coding["review"]
    assert any(
        entry[4] == "duplicate" and original.reference in entry[2] for entry in second.errors
    )


def test_the_officer_publishes_the_whole_file_and_each_vacancy_is_rescored(
    client, alice, django_capture_on_commit_callbacks
):
    EmployerFactory(name="PT Toko Contoh 64")
    rows = [board_row(n, Pendidikan="SMA/SMK") for n in (64, 65)]
    rows.append(board_row(66, Judul="Qzxw Vbnm", Pendidikan="SMA/SMK"))
    result = run(csv_upload(rows), kind="vacancies", by=alice)
    client.force_login(alice)
    page = client.get(f"/officer/imports/{result.pk}/").content.decode()
    assert "Tayangkan seluruh berkas" in page  # one of the file's vacancies can be published
    with (
        mock.patch("placement.matching.tasks.rescore_vacancy.delay") as rescore,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(f"/officer/imports/{result.pk}/publish/")
    assert response.status_code == 302
    published = Vacancy.objects.get(external_id="900064")
    assert published.status == "published" and published.verified_by == alice
    assert rescore.call_args_list and published.pk in [c.args[0] for c in rescore.call_args_list]
    # A job-board company's vacancy without the KBLI it needs, or a row still in review, waits.
    assert Vacancy.objects.get(external_id="900065").status == "submitted"
    assert Vacancy.objects.get(external_id="900066").status == "submitted"


def test_another_officer_cannot_publish_the_file(client, alice, bob):
    result = run(csv_upload([board_row(67)]), kind="vacancies", by=alice)
    client.force_login(bob)
    assert client.post(f"/officer/imports/{result.pk}/publish/").status_code == 404


def test_the_officer_merges_a_job_board_employer_into_the_registered_company(client, alice):
    run(csv_upload([board_row(68, Perusahaan="CV Sumber Rejeki")]), kind="vacancies", by=alice)
    board = Employer.objects.get(name="CV Sumber Rejeki")
    registered = EmployerFactory(name="Sumber Rejeki", regency_id="62.71")
    assert board.origin == "job_board"
    groups = import_review.likely_duplicate_employers(alice)
    assert [registered, board] in groups
    client.force_login(alice)
    page = client.get("/officer/imports/employers/").content.decode()
    assert "CV Sumber Rejeki" in page
    response = client.post(
        "/officer/imports/employers/", {"keep": registered.pk, "duplicate": board.pk}
    )
    assert response.status_code == 302
    assert not Employer.objects.filter(pk=board.pk).exists()
    assert Vacancy.objects.get(external_id="900068").employer == registered


def test_a_registered_company_is_never_merged_away(db, alice):
    one, two = EmployerFactory(name="PT Sama"), EmployerFactory(name="Sama")
    with pytest.raises(import_review.MergeRefused):
        import_review.merge_employers(keep=one, duplicate=two, by=alice)
    assert Employer.objects.filter(pk=two.pk).exists()


def test_another_officer_cannot_merge_employers_outside_their_region(client, alice, bob):
    run(csv_upload([board_row(69, Perusahaan="CV Dua Kali")]), kind="vacancies", by=alice)
    board = Employer.objects.get(name="CV Dua Kali")
    registered = EmployerFactory(name="Dua Kali")
    client.force_login(bob)
    response = client.post(
        "/officer/imports/employers/", {"keep": registered.pk, "duplicate": board.pk}
    )
    assert response.status_code == 404 and Employer.objects.filter(pk=board.pk).exists()


def test_the_report_downloads_as_xlsx_with_formulas_neutralised(client, alice):
    rows = [board_row(70, Judul=""), board_row(71, Perusahaan="=HYPERLINK(1)", Judul="Qzxw")]
    result = run(csv_upload(rows), kind="vacancies", by=alice)
    client.force_login(alice)
    response = client.get(f"/officer/imports/{result.pk}/report.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("baris", "hasil")
    assert any(row[1] == "ditolak" and row[2] == "title" for row in values[1:])
    assert all(not str(cell).startswith("=") for row in values for cell in row if cell)
    csv_body = b"".join(client.get(f"/officer/imports/{result.pk}/report.csv").streaming_content)
    assert "perlu diperiksa" in csv_body.decode("utf-8-sig")


def test_work_arrangement_comes_from_its_column_or_the_title_and_shows_on_the_page(client, alice):
    rows = [
        board_row(90, **{"Sistem Kerja": "Hybrid (3 hari WFO)"}),
        board_row(91, Judul="Admin Data (Remote)", **{"Sistem Kerja": ""}),
        board_row(92, **{"Sistem Kerja": ""}),
    ]
    result = run(csv_upload(rows), kind="vacancies", by=alice)
    assert result.mapping.get("work_arrangement") == "sistem_kerja"
    arrangement = dict(
        Vacancy.objects.filter(import_run=result).values_list("external_id", "work_arrangement")
    )
    assert arrangement == {"900090": "hybrid", "900091": "remote", "900092": ""}
    vacancy = Vacancy.objects.get(external_id="900090")
    client.force_login(alice)
    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert "Hibrida (sebagian dari rumah)" in page


def test_a_government_body_foundation_or_household_becomes_that_kind_of_employer(db, alice):
    names = {
        93: "Dinas Kesehatan Kota Palangka Raya",
        94: "Yayasan Harapan Bangsa",
        95: "Keluarga Bapak Budi (rumah tangga)",
        96: "PT Badan Usaha Maju",
    }
    rows = [board_row(n, Perusahaan=name) for n, name in names.items()]
    run(csv_upload(rows), kind="vacancies", by=alice)
    kinds = {
        e.name: (e.kind, e.ownership) for e in Employer.objects.filter(name__in=names.values())
    }
    assert kinds == {
        names[93]: ("government", "government"),
        names[94]: ("foundation", "foundation"),
        names[95]: ("individual", "individual"),
        names[96]: ("company", "private"),
    }

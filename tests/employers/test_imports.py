"""Bulk import of employers and vacancies: streamed, checked row by row, reported, policies."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from employers import imports
from employers.models import Employer, ImportRun, Vacancy
from placement.ledger.models import Event
from tests.factories import EmployerFactory

EMPLOYER_HEADER = [
    "name",
    "nib",
    "kbli",
    "ownership",
    "address",
    "regency",
    "contact_name",
    "contact_email",
    "contact_phone",
]


def employer_row(n: int, **overrides) -> dict:
    row = {
        "name": f"PT Impor {n}",
        "nib": f"{7000000000000 + n}",
        "kbli": "47111",
        "ownership": "swasta",
        "address": f"Jl. Impor {n}",
        "regency": "62.71",
        "contact_name": "Rina",
        "contact_email": f"hrd{n}@impor.example",
        "contact_phone": "0536 3221234",
    }
    row.update(overrides)
    return row


def vacancy_row(nib: str, n: int, **overrides) -> dict:
    today = timezone.localdate()
    row = {
        "employer_nib": nib,
        "title": f"Kasir {n}",
        "kbji": "5230",
        "headcount": "2",
        "education": "SMA/SMK",
        "valid_from": today.isoformat(),
        "valid_to": (today + timedelta(days=30)).strftime("%d/%m/%Y"),
        "description": "Melayani pembayaran.",
        "wage_min": "3.400.000",
        "regency": "6271",
        "skills_required": "Memproses pembayaran; count money",
    }
    row.update(overrides)
    return row


def columns(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(name for row in rows for name in row))


def csv_upload(
    rows: list[dict], name: str = "data.csv", delimiter: str = ","
) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns(rows), delimiter=delimiter, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"), "text/csv")


def xlsx_upload(rows: list[dict], name: str = "data.xlsx") -> SimpleUploadedFile:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    names = columns(rows)
    sheet.append(names)
    for row in rows:
        sheet.append([row.get(name, "") for name in names])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), "application/octet-stream")


def run(upload, *, kind: str, policy: str = "skip", by) -> ImportRun:
    started = imports.start_import(kind=kind, policy=policy, upload=upload, by=by)
    return imports.run_import(ImportRun.objects.get(pk=started.pk))


def test_employers_import_creates_verified_companies_and_reports_each_bad_row(db, alice):
    rows = [employer_row(n) for n in range(5)]
    rows[1]["nib"] = "123"
    rows[2]["regency"] = "62.01"  # outside the office's region
    rows[3]["kbli"] = "99999"
    rows.append(employer_row(0))  # the same NIB twice in the file
    result = run(csv_upload(rows), kind="employers", by=alice)
    assert result.status == "done"
    assert (result.rows_total, result.rows_imported, result.rows_failed) == (6, 2, 3)
    assert result.rows_set_aside == 1  # another office's row: kept in the report, not imported
    reported = {(row, column, outcome) for row, column, _reason, _value, outcome in result.errors}
    assert reported == {
        (3, "nib", "rejected"),
        (4, "regency", "set_aside"),
        (5, "kbli", "rejected"),
        (7, "nib", "rejected"),
    }
    created = Employer.objects.filter(nib__startswith="7000")
    assert created.count() == 2 and all(e.status == "verified" for e in created)
    assert created.first().verified_by == alice


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(db, alice):
    rows = [employer_row(n) for n in range(3)]
    rows[2]["contact_email"] = "not an email"
    result = run(csv_upload(rows), kind="employers", policy="all", by=alice)
    assert result.rows_imported == 0 and result.rows_failed == 1
    assert result.message
    assert not Employer.objects.filter(nib__startswith="7000").exists()


def test_missing_columns_fail_the_whole_file_with_a_clear_message(db, alice):
    rows = [{"name": "PT X", "nib": "1234567890123"}]
    result = run(csv_upload(rows), kind="employers", by=alice)
    assert result.status == "failed" and "kbli" in result.message
    assert not Employer.objects.filter(nib="1234567890123").exists()


def test_semicolon_csv_from_indonesian_excel_is_read(db, alice):
    result = run(csv_upload([employer_row(1)], delimiter=";"), kind="employers", by=alice)
    assert result.rows_imported == 1


def test_vacancies_import_from_xlsx_publishes_and_counts_them_in_the_ledger(db, alice):
    employer = EmployerFactory(nib="7100000000001")
    rows = [vacancy_row(employer.nib, n) for n in range(4)]
    rows[1]["kbji"] = "52"  # a major group, not an occupation
    rows[2]["valid_to"] = "31/02/2027"
    rows[3]["employer_nib"] = "7199999999999"
    result = run(xlsx_upload(rows), kind="vacancies", by=alice)
    assert (result.rows_imported, result.rows_failed) == (1, 3), result.errors
    assert {(r, c) for r, c, *_rest in result.errors} == {
        (3, "kbji"),
        (4, "valid_to"),
        (5, "employer_nib"),
    }
    vacancy = Vacancy.objects.get(employer=employer)
    assert vacancy.status == "published" and vacancy.verified_by == alice
    assert vacancy.wage_min == 3_400_000 and vacancy.regency_id == "62.71"
    assert set(vacancy.skills.values_list("skill__label_en", flat=True)) == {
        "process payments",
        "count money",
    }
    event = Event.objects.get(subject_id=vacancy.pk, kind="vacancy_registered")
    assert event.quantity == 2 and event.occupation_group == "5"


def test_vacancy_rules_are_the_same_as_the_forms(db, alice):
    employer = EmployerFactory(nib="7100000000002")
    rows = [
        vacancy_row(employer.nib, 1, age_max="35"),  # a limit without a reason
        vacancy_row(employer.nib, 2, wage_min="5000000", wage_max="1000000"),
        vacancy_row(employer.nib, 3, scope="AKAN", regency="", country="Taiwan"),
    ]
    result = run(csv_upload(rows), kind="vacancies", by=alice)
    columns = {column for _row, column, *_rest in result.errors}
    assert {"limits_reason", "wage_max", "p3mi_name"} <= columns
    assert result.rows_imported == 0


def test_vacancies_of_an_unverified_company_are_refused(db, alice):
    employer = EmployerFactory(nib="7100000000003", status="pending")
    result = run(csv_upload([vacancy_row(employer.nib, 1)]), kind="vacancies", by=alice)
    assert result.rows_failed == 1 and result.errors[0][1] == "employer_nib"


def test_the_error_report_neutralises_formulas(client, db, alice):
    rows = [employer_row(1, nib="=cmd|' /C calc'!A0", name="@SUM(1+1)")]
    result = run(csv_upload(rows), kind="employers", by=alice)
    client.force_login(alice)
    response = client.get(f"/officer/imports/{result.pk}/errors.csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=cmd" in body
    assert "\n=cmd" not in body and ",=cmd" not in body


@pytest.mark.parametrize(
    "value, expected",
    [("=1+1", "'=1+1"), ("+62", "'+62"), ("-5", "'-5"), ("@x", "'@x"), ("a", "a")],
)
def test_neutralise_turns_formulas_into_text(value, expected):
    assert imports.neutralise(value) == expected


def test_the_import_page_uploads_and_shows_the_result(
    client, alice, db, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    upload = csv_upload([employer_row(1), employer_row(2, nib="x")])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/officer/imports/", {"kind": "employers", "policy": "skip", "file": upload}
        )
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert "x" in detail and "nib" in detail
    assert ImportRun.objects.get().rows_imported == 1


def test_the_import_page_refuses_other_file_types_on_the_field(client, alice, db):
    client.force_login(alice)
    upload = SimpleUploadedFile("data.exe", b"MZ\x90\x00", "application/octet-stream")
    response = client.post(
        "/officer/imports/", {"kind": "employers", "policy": "skip", "file": upload}
    )
    assert response.status_code == 400
    assert 'id="id_file_error"' in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_fake_xlsx_is_refused(client, alice, db):
    client.force_login(alice)
    upload = SimpleUploadedFile("data.xlsx", b"not a zip file", "application/octet-stream")
    response = client.post(
        "/officer/imports/", {"kind": "employers", "policy": "skip", "file": upload}
    )
    assert response.status_code == 400


def test_another_officer_import_answers_404(client, alice, bob, db):
    result = run(csv_upload([employer_row(1)]), kind="employers", by=alice)
    client.force_login(bob)
    assert client.get(f"/officer/imports/{result.pk}/").status_code == 404
    assert client.get(f"/officer/imports/{result.pk}/errors.csv").status_code == 404


def test_the_templates_name_the_columns(client, alice, db):
    client.force_login(alice)
    body = client.get("/officer/imports/template-vacancies.csv").content.decode()
    assert body.splitlines()[0].startswith("employer_nib,title,kbji")
    assert client.get("/officer/imports/template-nothing.csv").status_code == 404


def test_a_large_file_is_imported_and_every_bad_row_is_reported(db, alice):
    """2,000 rows, one in ten bad. Speed is measured in benchmarks/bench_import.py, not here."""
    employer = EmployerFactory(nib="7100000000009")
    rows = [vacancy_row(employer.nib, n) for n in range(2000)]
    for n in range(0, 2000, 10):
        rows[n]["headcount"] = "banyak"
    result = run(csv_upload(rows), kind="vacancies", by=alice)
    assert (result.rows_imported, result.rows_failed) == (1800, 200)
    assert [row for row, *_rest in result.errors] == list(range(2, 2002, 10))


# --- Files in other shapes: column mapping, coding, review, sources -------------------------------
# (Invented job-board-shaped rows; never real ad text.)

BOARD_DESCRIPTION = (
    "Kami membuka lowongan kasir untuk toko kami. Tugas: melayani pembayaran pelanggan, "
    "menghitung uang, membuat laporan penjualan harian. Syarat: lulusan SMA/SMK, teliti, jujur, "
    "bisa bekerja dalam tim, bersedia bekerja shift."
)


def board_row(n: int, **overrides) -> dict:
    today = timezone.localdate()
    row = {
        "Job ID": f"9{n:05d}",
        "Judul": "Kasir",
        "Perusahaan": f"PT Toko Contoh {n}",
        "Lokasi": "Palangka Raya",
        "Gaji": "Rp 3.000.000 - Rp 3.500.000",
        "Deskripsi": BOARD_DESCRIPTION,
        "Skill_Set": "['Kasir', 'Microsoft Excel', 'Zzqx Vortal']",
        "Posted Date": today.isoformat(),
        "Link": f"https://jobs.example/lowongan/{n}",
    }
    row.update(overrides)
    return row


def test_a_job_board_file_is_mapped_coded_and_kept_with_its_source(db, alice):
    result = run(csv_upload([board_row(1), board_row(2)]), kind="vacancies", by=alice)
    assert result.status == "done", result.message
    assert (result.rows_total, result.rows_imported, result.rows_failed) == (2, 2, 0)
    # Old spreadsheet aliases still apply to the header: judul -> title, lokasi -> regency.
    assert result.mapping["title"] == "title" and result.mapping["location"] == "regency"
    assert result.mapping["company"] == "perusahaan" and result.mapping["wage"] == "gaji"
    vacancy = Vacancy.objects.get(external_id="900001")
    assert vacancy.status == "submitted"  # the usual verification path, not published at once
    assert vacancy.regency_id == "62.71" and vacancy.occupation is not None
    assert (vacancy.wage_min, vacancy.wage_max) == (3_000_000, 3_500_000)
    assert vacancy.headcount == 1 and vacancy.valid_to == timezone.localdate() + timedelta(days=30)
    assert vacancy.source_url == "https://jobs.example/lowongan/1" and vacancy.source_row == 2
    assert vacancy.coding["kbji"]["text"] == "Kasir" and vacancy.coding["kbji"]["confidence"] > 0
    assert "zzqx vortal" in " ".join(vacancy.coding["skills"]["unknown"]).lower()
    employer = vacancy.employer
    assert employer.origin == "job_board" and employer.nib is None
    assert employer.status == "pending" and not employer.users.exists()


def test_the_ad_s_department_column_is_read_with_the_title(db, alice):
    rows = [
        board_row(11, Judul="Staff Admin", Kategori="Logistik", Fungsi="Admin Gudang"),
        board_row(12, Judul="Staff Admin", Kategori="", Fungsi=""),
    ]
    result = run(csv_upload(rows), kind="vacancies", by=alice)
    assert (result.mapping["category"], result.mapping["department"]) == ("kategori", "fungsi")
    assert Vacancy.objects.get(external_id="900011").occupation.code == "4321"
    assert Vacancy.objects.get(external_id="900012").occupation.code == "4110"


def test_reimporting_the_same_rows_updates_instead_of_duplicating(db, alice):
    run(csv_upload([board_row(1), board_row(2)]), kind="vacancies", by=alice)
    again = run(
        csv_upload([board_row(1, Judul="Kasir Senior"), board_row(2)]), kind="vacancies", by=alice
    )
    assert (again.rows_imported, again.rows_updated) == (0, 2)
    assert Vacancy.objects.filter(external_id__in=["900001", "900002"]).count() == 2
    assert Vacancy.objects.get(external_id="900001").title == "Kasir Senior"
    assert Employer.objects.filter(name="PT Toko Contoh 1").count() == 1


def test_employers_are_matched_by_name_and_place(db, alice):
    existing = EmployerFactory(name="PT Toko Contoh 7", regency_id="62.71")
    result = run(csv_upload([board_row(7, Perusahaan="Toko Contoh 7")]), kind="vacancies", by=alice)
    assert result.rows_imported == 1
    assert Vacancy.objects.get(external_id="900007").employer == existing


def test_columns_without_known_names_are_mapped_from_their_contents(db):
    from employers import import_mapping

    header = ["posisi", "a", "b", "c"]
    sample = [
        ["Kasir", "Palangka Raya", "Rp 3.000.000", BOARD_DESCRIPTION],
        ["Sopir", "Kota Bandung", "Rp 4.500.000", BOARD_DESCRIPTION],
    ]
    mapping = import_mapping.suggest(header, sample)
    assert mapping["title"] == "posisi"
    assert (mapping["location"], mapping["wage"], mapping["description"]) == ("a", "b", "c")


def test_a_saved_profile_is_picked_when_the_headers_match(db, alice):
    from employers import import_mapping

    rows = [board_row(3)]
    first = run(csv_upload(rows), kind="vacancies", by=alice)
    mapping = dict(first.mapping, title="description")  # the officer's own choice, saved
    header = imports.file_header(list(rows[0]))
    profile = import_mapping.save_profile("Papan contoh", header, mapping, None, alice)
    second = run(csv_upload([board_row(4)]), kind="vacancies", by=alice)
    assert second.profile == profile and second.mapping["title"] == "description"


def test_old_ads_and_uncertain_titles_go_to_review_instead_of_being_refused(db, alice):
    old = (timezone.localdate() - timedelta(days=200)).isoformat()
    rows = [board_row(5, **{"Posted Date": old}), board_row(6, Judul="Qzxw Vbnm")]
    result = run(csv_upload(rows), kind="vacancies", by=alice)
    assert (result.rows_imported, result.rows_failed, result.rows_review) == (2, 0, 2)
    stale = Vacancy.objects.get(external_id="900005")
    assert stale.needs_review and "valid_to" in stale.coding["review"]
    uncertain = Vacancy.objects.get(external_id="900006")
    assert uncertain.needs_review and "kbji" in uncertain.coding["review"]
    assert {(row, column) for row, column, *_rest in result.errors} == {
        (2, "valid_to"),
        (3, "kbji"),
    }


def test_rows_without_a_title_are_rejected_and_reported(db, alice):
    result = run(csv_upload([board_row(8, Judul="")]), kind="vacancies", by=alice)
    assert result.rows_failed == 1 and result.errors[0][1] == "title"


def test_the_same_ad_twice_in_a_file_is_one_vacancy(db, alice):
    result = run(
        csv_upload([board_row(9), board_row(9, Judul="Kasir Toko")]), kind="vacancies", by=alice
    )
    assert (result.rows_imported, result.rows_updated, result.rows_failed) == (1, 1, 0)
    assert Vacancy.objects.get(external_id="900009").title == "Kasir Toko"


def test_a_vacancy_without_a_regency_goes_to_review(db, nadia):
    result = run(csv_upload([board_row(10, Lokasi="")]), kind="vacancies", by=nadia)
    assert (result.rows_imported, result.rows_review) == (1, 1)
    vacancy = Vacancy.objects.get(external_id="900010")
    assert vacancy.regency is None and "regency" in vacancy.coding["review"]


def test_the_officer_saves_the_mapping_as_a_profile_from_the_import_page(client, db, alice):
    first = run(csv_upload([board_row(11)]), kind="vacancies", by=alice)
    client.force_login(alice)
    page = client.get(f"/officer/imports/{first.pk}/")
    assert page.status_code == 200 and "perusahaan" in page.content.decode()
    response = client.post(f"/officer/imports/{first.pk}/profile/", {"name": "Papan kota"})
    assert response.status_code == 302
    second = run(csv_upload([board_row(12)]), kind="vacancies", by=alice)
    assert second.profile is not None and second.profile.name == "Papan kota"
    assert "__header__" not in second.profile.mapping


def test_the_review_queue_lists_uncertain_rows_and_confirms_several_at_once(client, db, alice, bob):
    rows = [board_row(13, Judul="Qzxw Vbnm"), board_row(14, Judul="Qzxw Vbnm")]
    run(csv_upload(rows), kind="vacancies", by=alice)
    client.force_login(alice)
    page = client.get("/officer/imports/review/")
    assert page.status_code == 200 and "Qzxw Vbnm" in page.content.decode()
    ids = list(Vacancy.objects.filter(needs_review=True).values_list("pk", flat=True))
    client.force_login(bob)  # another region: cannot confirm them
    client.post("/officer/imports/review/", {"vacancy": ids})
    assert Vacancy.objects.filter(pk__in=ids, needs_review=True).count() == 2
    client.force_login(alice)
    response = client.post("/officer/imports/review/", {"vacancy": ids})
    assert response.status_code == 302
    assert not Vacancy.objects.filter(pk__in=ids, needs_review=True).exists()

"""Import files are streamed: JSON lines as well as CSV and XLSX, 100,000 rows read in bounded
memory, a progress bar while the run works (htmx, and a plain refresh without JavaScript)."""

from __future__ import annotations

import csv
import json
import tracemalloc

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from employers import import_files, import_report, imports
from employers.models import ImportRun, Vacancy
from tests.employers.test_imports import board_row, run

ROWS = 100_000


def _jsonl(rows: list[dict]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def test_a_job_board_export_in_json_lines_is_mapped_and_coded(db, alice):
    rows = [board_row(21), board_row(22, Perusahaan="PT Contoh Lain")]
    rows[0]["Skill_Set"] = ["Kasir", "Microsoft Excel"]  # lists become "a; b"
    rows[1]["company"] = {"city": "Palangka Raya"}  # nested objects are read one level deep
    upload = SimpleUploadedFile("ekspor.jsonl", _jsonl(rows), "application/x-ndjson")

    result = run(upload, kind="vacancies", by=alice)

    assert result.status == "done", result.message
    assert (result.rows_total, result.rows_imported, result.rows_failed) == (2, 2, 0)
    vacancy = Vacancy.objects.get(external_id="900021")
    assert vacancy.source_row == 1  # the line of the file
    assert vacancy.coding["skills"]["text"].startswith("Kasir; Microsoft Excel")
    assert vacancy.regency_id == "62.71"


def test_bad_json_lines_are_reported_by_line_and_the_good_ones_imported(db, alice, settings):
    settings.IMPORT_MAX_LINE_CHARS = 10_000
    lines = [
        json.dumps(board_row(31)),
        "{not json",
        "[1, 2, 3]",
        json.dumps(board_row(32, Deskripsi="x" * 50_000)),  # longer than the limit
        json.dumps(board_row(33)),
    ]
    upload = SimpleUploadedFile("rusak.jsonl", ("\n".join(lines) + "\n").encode())

    result = run(upload, kind="vacancies", by=alice)

    assert result.status == "done"
    assert (result.rows_imported, result.rows_failed) == (2, 3)
    assert [entry[0] for entry in result.errors if entry[4] == "rejected"] == [2, 3, 4]
    assert "10000" in result.errors[2][2] or "10.000" in result.errors[2][2]


def _write_csv(path, count: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Job ID", "Judul", "Perusahaan", "Lokasi", "Gaji", "Deskripsi"])
        for n in range(count):
            description = f"Lowongan nomor {n}: melayani pelanggan dan membuat laporan harian."
            writer.writerow(
                [n, "Kasir", f"PT Contoh {n % 500}", "Palangka Raya", "Rp 3 jt", description]
            )


def _write_jsonl(path, count: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(json.dumps({"id": n, "title": "Kasir", "skills": ["a", "b"]}) + "\n")


def _peak_while(consume) -> int:
    tracemalloc.start()
    try:
        consume()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name, write", [("big.csv", _write_csv), ("big.jsonl", _write_jsonl)])
def test_100k_rows_are_read_in_bounded_memory(tmp_path, name, write):
    path = tmp_path / name
    write(path, ROWS)
    meter = import_files.Meter()
    counted = {"rows": 0}

    def consume():
        for _number, values in import_files.read_rows(path, name, meter):
            counted["rows"] += 1 if "__header__" not in values else 0

    peak = _peak_while(consume)

    assert counted["rows"] == ROWS
    assert meter.fraction == 1.0
    assert peak < 8 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"  # the file is ~10 MB


def test_a_100k_row_report_is_written_as_it_goes_in_bounded_memory(db, alice):
    run_ = ImportRun.objects.create(
        kind="vacancies", policy="skip", file_name="x.csv", stored_name="x.csv", uploaded_by=alice
    )

    def consume():
        report = import_report.ReportWriter(run_)
        for n in range(ROWS):
            report.add(n, "kbji", "To review", "Kasir " * 10, "review")
        run_.errors = report.finish(keep=True)

    peak = _peak_while(consume)

    assert peak < 4 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"
    assert len(run_.errors) == import_report.SHOWN
    assert sum(1 for _entry in import_report.entries(run_)) == ROWS


def test_the_import_page_shows_a_progress_bar_that_htmx_polls_and_a_refresh_without_js(
    client, db, alice
):
    run_ = ImportRun.objects.create(
        kind="vacancies",
        policy="skip",
        file_name="x.csv",
        stored_name="x.csv",
        uploaded_by=alice,
        status=ImportRun.Status.RUNNING,
    )
    meter = import_files.Meter()
    meter.done, meter.total = 40, 100
    imports._note_progress(run_, meter, 1500)
    client.force_login(alice)

    page = client.get(f"/officer/imports/{run_.pk}/").content.decode()
    assert '<progress id="import-bar" max="100" value="40">' in page
    assert 'hx-trigger="every 2s"' in page
    assert '<meta http-equiv="refresh" content="5">' in page  # inside <noscript>

    fragment = client.get(f"/officer/imports/{run_.pk}/", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<h1>" not in fragment.content.decode()
    assert 'value="40"' in fragment.content.decode()

    run_.status = ImportRun.Status.DONE
    run_.save()
    finished = client.get(f"/officer/imports/{run_.pk}/", headers={"HX-Request": "true"})
    assert finished.status_code == 204 and finished["HX-Refresh"] == "true"
    cache.clear()

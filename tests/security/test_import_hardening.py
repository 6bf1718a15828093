"""Hostile import files: zip bombs and huge shared strings, XML entities, NUL bytes, encodings.
Each is refused or read correctly, and the run always ends (never "running" forever)."""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from employers import import_files, imports
from employers.models import Employer, ImportRun
from tests.employers.test_imports import (
    EMPLOYER_HEADER,
    board_row,
    employer_row,
    run,
    xlsx_upload,
)

pytestmark = pytest.mark.django_db


def _csv_bytes(rows: list[dict], encoding: str) -> bytes:
    lines = [",".join(EMPLOYER_HEADER)]
    lines += [",".join(row[name] for name in EMPLOYER_HEADER) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _replace_part(xlsx: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = content if item.filename == name else source.read(item.filename)
            target.writestr(item.filename, data)
        if name not in source.namelist():
            target.writestr(name, content)
    return out.getvalue()


def test_an_xlsx_with_a_huge_shared_string_is_refused_by_its_unpacked_size(alice, settings):
    settings.IMPORT_MAX_UNCOMPRESSED_BYTES = 5 * 1024 * 1024
    good = xlsx_upload([employer_row(1)]).read()
    bomb = b'<?xml version="1.0"?><sst><si><t>' + b"A" * (8 * 1024 * 1024) + b"</t></si></sst>"
    upload = SimpleUploadedFile("bomb.xlsx", _replace_part(good, "xl/sharedStrings.xml", bomb))

    assert len(upload) < 200_000  # small on the wire
    result = run(upload, kind="employers", by=alice)

    assert result.status == "failed"
    assert "terlalu besar" in result.message


def test_an_xlsx_declaring_xml_entities_is_refused(alice):
    good = xlsx_upload([employer_row(1)]).read()
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst><si><t>&lol2;</t></si></sst>'
    )
    upload = SimpleUploadedFile("laughs.xlsx", _replace_part(good, "xl/sharedStrings.xml", laughs))

    result = run(upload, kind="employers", by=alice)

    assert result.status == "failed"
    assert "entitas XML" in result.message


def test_a_nul_inside_a_csv_is_a_row_error_and_the_run_ends(alice):
    rows = [employer_row(1), employer_row(2, name="PT Nul\x00Byte")]
    upload = SimpleUploadedFile("nul.csv", _csv_bytes(rows, "utf-8"))

    result = run(upload, kind="employers", by=alice)

    assert result.status == "done"
    assert (result.rows_imported, result.rows_failed) == (1, 1)
    assert result.errors[0][1] == "name"


def test_an_unexpected_error_ends_the_run_as_failed(alice, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(imports, "employer_from_row", explode)
    upload = SimpleUploadedFile("ok.csv", _csv_bytes([employer_row(1)], "utf-8"))

    result = run(upload, kind="employers", by=alice)

    assert result.status == ImportRun.Status.FAILED
    assert result.finished_at is not None


def test_cp1252_is_detected_when_the_first_accented_byte_comes_after_64_kb(alice):
    rows = [employer_row(n, address="Jl. " + "x" * 200) for n in range(1, 400)]
    rows.append(employer_row(400, name="PT Café Señor"))
    data = _csv_bytes(rows, "cp1252")
    assert data.index("é".encode("cp1252")) > 65536

    result = run(SimpleUploadedFile("old.csv", data), kind="employers", by=alice)

    assert result.rows_failed == 0
    assert Employer.objects.filter(name="PT Café Señor").exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_utf16_csv_is_accepted(alice, encoding):
    data = _csv_bytes([employer_row(1, name="PT Ñusantara")], encoding)

    result = run(SimpleUploadedFile("excel.csv", data), kind="employers", by=alice)

    assert result.status == "done" and result.rows_imported == 1
    assert Employer.objects.filter(name="PT Ñusantara").exists()


# --- JSON lines -------------------------------------------------------------------------------


def _board_line(n: int, **overrides) -> dict:
    return board_row(n, **overrides)


def test_a_json_line_far_longer_than_the_limit_is_skipped_in_bounded_memory(
    alice, settings, tmp_path
):
    settings.IMPORT_MAX_LINE_CHARS = 100_000
    path = tmp_path / "huge.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(_board_line(1)) + "\n")
        handle.write('{"Judul": "' + "A" * (20 * 1024 * 1024) + '"}\n')  # one 20 MB line
        handle.write(json.dumps(_board_line(2)) + "\n")
    tracemalloc.start()
    rows = list(import_files.read_rows(path, "huge.jsonl"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert peak < 3 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"
    assert [number for number, values in rows if "__error__" in values] == [2]
    assert len(rows) == 4  # the header, two good lines and the reported one


def test_nul_bytes_in_json_lines_are_row_errors_and_the_run_ends(alice):
    escaped = json.dumps(_board_line(3, Judul="Kasir\u0000Toko"))  # "\\u0000" inside a string
    raw = json.dumps(_board_line(4)).replace("Kasir", "Ka\x00sir")  # a raw NUL byte
    good = json.dumps(_board_line(5))
    data = "\n".join([good, escaped, raw]).encode("utf-8") + b"\n"

    result = run(SimpleUploadedFile("nul.jsonl", data), kind="vacancies", by=alice)

    assert result.status == "done"
    assert (result.rows_imported, result.rows_failed) == (1, 2)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_json_lines_in_other_encodings_are_read(alice, encoding):
    line = json.dumps(_board_line(6, Perusahaan="PT Café Señor"), ensure_ascii=False)
    result = run(
        SimpleUploadedFile("lama.jsonl", (line + "\n").encode(encoding)), kind="vacancies", by=alice
    )

    assert result.status == "done" and result.rows_imported == 1
    assert Employer.objects.filter(name="PT Café Señor").exists()


def test_binary_garbage_named_jsonl_changes_nothing(alice):
    garbage = bytes(range(256)) * 64

    result = run(SimpleUploadedFile("sampah.jsonl", garbage), kind="vacancies", by=alice)

    assert result.status in ("done", "failed") and result.rows_imported == 0
    assert not Employer.objects.filter(origin="job_board").exists()


def test_the_upload_form_accepts_a_utf16_csv_and_refuses_binary_named_csv(client, alice):
    client.force_login(alice)
    utf16 = _csv_bytes([employer_row(1)], "utf-16")
    response = client.post(
        "/officer/imports/",
        {"kind": "employers", "policy": "skip", "file": SimpleUploadedFile("u.csv", utf16)},
    )
    assert response.status_code == 302
    binary = SimpleUploadedFile("b.csv", b"\x00\x01\x02\x03binary")
    response = client.post(
        "/officer/imports/", {"kind": "employers", "policy": "skip", "file": binary}
    )
    assert response.status_code == 400 and not ImportRun.objects.filter(file_name="b.csv").exists()

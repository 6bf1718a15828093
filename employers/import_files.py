"""Reading uploaded import files: CSV (any delimiter; UTF-8, BOM, UTF-16, cp1252), XLSX and JSON
lines, streamed row by row so a file of any length never sits in memory at once.

Hostile files are refused before they are parsed (zip bombs, XML entities) or turn into row errors
(NUL bytes, over-long lines), never into a half-read import.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

# NUL and the other control characters (tab, line feed and carriage return are allowed in cells).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
HEADER_SAMPLE = 50  # JSON objects whose keys make the header

# Column names of older spreadsheets (Indonesian) that mean the same.
ALIASES = {
    "nama": "name",
    "nama_perusahaan": "name",
    "alamat": "address",
    "kab_kota": "regency",
    "kabupaten_kota": "regency",
    "kode_wilayah": "regency",
    "kecamatan": "district",
    "kepemilikan": "ownership",
    "narahubung": "contact_name",
    "email": "contact_email",
    "telepon": "contact_phone",
    "nib_perusahaan": "employer_nib",
    "jabatan": "title",
    "judul": "title",
    "kode_kbji": "kbji",
    "kode_kbli": "kbli",
    "jumlah": "headcount",
    "pendidikan": "education",
    "mulai": "valid_from",
    "sampai": "valid_to",
    "deskripsi": "description",
    "pengalaman_bulan": "experience_months",
    "upah_min": "wage_min",
    "upah_maks": "wage_max",
    "lokasi": "regency",
    "jenis_kelamin": "sex",
    "sim": "licence",
    "sertifikat": "certificate",
    "sertifikat_bnsp": "certificate",
    "kerja_malam": "night_work",
    "pekerjaan_berbahaya": "hazardous_work",
}


class ImportFileError(Exception):
    """The file as a whole cannot be read (not a row problem)."""


def neutralise(value: object) -> str:
    """A cell value safe to open in a spreadsheet: formulas are turned into text."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(names: list[object]) -> list[str]:
    result = []
    for name in names:
        key = re.sub(r"[^a-z0-9/]+", "_", _cell(name).lower()).strip("_")
        result.append(ALIASES.get(key, key))
    return result


def file_header(names: list[object]) -> list[str]:
    """A file's column names as the importer reads them (normalised, old aliases applied)."""
    return _header(names)


def detect_encoding(path: Path) -> str:
    """UTF-16 (by its byte-order mark or its zero bytes), else UTF-8 if the WHOLE file decodes
    as UTF-8 (an accented byte may come after any number of plain ASCII rows), else cp1252
    (Excel's "CSV" on Indonesian Windows)."""
    with open(path, "rb") as raw:
        head = raw.read(4096)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        even, odd = head[0::2], head[1::2]
        if len(head) >= 4 and odd.count(0) > len(odd) // 2 and not even.count(0):
            return "utf-16-le"
        if len(head) >= 4 and even.count(0) > len(even) // 2 and not odd.count(0):
            return "utf-16-be"
        raw.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            for chunk in iter(lambda: raw.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


class Meter:
    """How far a reader has got: bytes (CSV, JSON lines) or rows (XLSX) out of a total."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0

    @property
    def fraction(self) -> float:
        return min(self.done / self.total, 1.0) if self.total else 0.0


class _Counting(io.RawIOBase):
    """A file that counts the bytes read from it into a meter."""

    def __init__(self, raw, meter: Meter) -> None:
        self.raw, self.meter = raw, meter

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self.raw.readinto(buffer)
        self.meter.done += count or 0
        return count

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open_text(path: Path, meter: Meter) -> io.TextIOWrapper:
    meter.total = path.stat().st_size
    # Closed with the text wrapper the caller holds in a `with`.
    raw = open(path, "rb")  # noqa: SIM115
    counting = io.BufferedReader(_Counting(raw, meter), buffer_size=1 << 16)
    return io.TextIOWrapper(counting, encoding=detect_encoding(path), errors="replace", newline="")


def _csv_rows(path: Path, meter: Meter) -> Iterator[list[str]]:
    with open(path, encoding=detect_encoding(path), errors="replace", newline="") as handle:
        first_line = handle.readline(1 << 16)
    delimiter = max((",", ";", "\t"), key=first_line.count)
    with _open_text(path, meter) as handle:
        yield from csv.reader(handle, delimiter=delimiter)


def _max_line() -> int:
    return int(getattr(settings, "IMPORT_MAX_LINE_CHARS", 1_000_000))


def _json_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return "; ".join(_json_cell(item) for item in value if item not in (None, ""))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return _cell(value)


def _flatten(record: dict, prefix: str = "") -> dict[str, str]:
    """{"company": {"name": "X"}} -> {"company_name": "X"}: one level of nesting is read."""
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not prefix:
            flat.update(_flatten(value, f"{name}_"))
        else:
            flat[name] = _json_cell(value)
    return flat


def _jsonl_records(path: Path, meter: Meter) -> Iterator[tuple[int, dict[str, str] | str]]:
    """(line number, {key: text}) for each JSON object, or (line number, reason) for a bad line.
    A line longer than the limit is skipped in pieces, never held whole."""
    limit = _max_line()
    with _open_text(path, meter) as handle:
        number = 0
        while True:
            line = handle.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = handle.readline(limit)
                yield number, _("The line is longer than %(n)s characters.") % {"n": limit}
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                yield number, _("The line is not valid JSON.")
                continue
            if not isinstance(record, dict):
                yield number, _("The line is not a JSON object.")
                continue
            yield number, _flatten(record)


def _jsonl_rows(path: Path, meter: Meter) -> Iterator[tuple[int, dict[str, str]]]:
    """Header from the keys of the first objects (in order of appearance), then the rows."""
    records = _jsonl_records(path, meter)
    head = list(itertools.islice(records, HEADER_SAMPLE))
    names: dict[str, None] = {}
    for _number, record in head:
        if isinstance(record, dict):
            names.update(dict.fromkeys(record))
    header = _header(list(names))
    renamed = dict(zip(names, header, strict=True))
    yield 0, {"__header__": header}
    for number, record in itertools.chain(head, records):
        if isinstance(record, str):
            yield number, {"__error__": record}
            continue
        values = {renamed[k]: v for k, v in record.items() if k in renamed}
        if any(values.values()):
            yield number, values


def check_xlsx_container(path: Path) -> None:
    """Refuse an XLSX that would expand beyond IMPORT_MAX_UNCOMPRESSED_BYTES (a zip bomb, a huge
    shared-strings part) or that declares XML entities (billion laughs, external entities), before
    openpyxl parses any of it."""
    limit = int(getattr(settings, "IMPORT_MAX_UNCOMPRESSED_BYTES", 100 * 1024 * 1024))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(_("The XLSX file cannot be read.")) from exc
    with archive:
        members = archive.infolist()
        declared = sum(member.file_size for member in members)
        if declared > limit or len(members) > 10_000:
            raise ImportFileError(_("The XLSX file is too large once unpacked."))
        seen = 0
        for member in members:
            if not member.filename.endswith((".xml", ".rels")):
                continue
            tail = b""
            with archive.open(member) as part:
                # Read what is really there: the sizes in a zip's directory can lie.
                for chunk in iter(lambda part=part: part.read(1 << 16), b""):
                    seen += len(chunk)
                    if seen > limit:
                        raise ImportFileError(_("The XLSX file is too large once unpacked."))
                    window = (tail + chunk).upper()
                    if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                        raise ImportFileError(
                            _("The XLSX file declares XML entities, which are not accepted.")
                        )
                    tail = chunk[-16:]


def _xlsx_rows(path: Path, meter: Meter) -> Iterator[list[str]]:
    import openpyxl

    check_xlsx_container(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(_("The XLSX file cannot be read.")) from exc
    try:
        sheet = workbook.worksheets[0]
        meter.total = sheet.max_row or 0
        for row in sheet.iter_rows(values_only=True):
            meter.done += 1
            yield [_cell(value) for value in row]
    finally:
        workbook.close()


def file_format(file_name: str) -> str:
    """ "xlsx", "jsonl" or "csv", from the file's name."""
    name = file_name.lower()
    if name.endswith(".xlsx"):
        return "xlsx"
    if name.endswith(JSON_SUFFIXES):
        return "jsonl"
    return "csv"


def read_rows(
    path: Path, file_name: str, meter: Meter | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """First {"__header__": [column, ...]}, then (row or line number, {column: text}) for every
    non-empty data row; a line that cannot be read is {"__error__": reason}."""
    meter = meter or Meter()
    kind = file_format(file_name)
    if kind == "jsonl":
        yield from _jsonl_rows(path, meter)
        return
    rows = _xlsx_rows(path, meter) if kind == "xlsx" else _csv_rows(path, meter)
    header: list[str] | None = None
    for number, row in enumerate(rows, start=1):
        if header is None:
            header = _header(list(row))
            yield 1, {"__header__": header}
            continue
        cells = [_cell(value) for value in row]
        if not any(cells):
            continue
        yield number, dict(zip(header, cells, strict=False))

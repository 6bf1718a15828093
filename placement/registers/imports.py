"""Spreadsheet import of each register (CSV or XLSX), row by row, reusing the reading and row
checks of the employers' importer. New numbers are registered, known numbers updated; a changed
status goes through `change_status`, so the history shows it.

The files of the registers are small (hundreds of rows), so the import runs in the request.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from employers.import_files import ImportFileError, read_rows
from employers.import_rows import Row as _Row
from placement.accounts.models import User
from placement.accounts.scope import region_scope
from placement.registers import services
from placement.registers.models import Agency, Bkk, JobOrder, LicenceStatus, Lptks
from placement.taxonomy.models import Occupation, Regency

COLUMNS: dict[str, dict[str, list[str]]] = {
    "agency": {
        "required": ["name", "licence_number"],
        "optional": [
            "licence_issued_on",
            "licence_valid_to",
            "head_office",
            "regency",
            "branches",
            "phone",
            "status",
        ],
    },
    "job_order": {
        "required": [
            "number",
            "licence_number",
            "foreign_employer",
            "country",
            "kbji",
            "quota",
            "valid_from",
            "valid_to",
        ],
        "optional": ["status"],
    },
    "bkk": {
        "required": ["name", "kind", "registration_number", "registered_on", "regency"],
        "optional": ["address", "phone", "status"],
    },
    "lptks": {
        "required": ["name", "licence_number", "regency"],
        "optional": [
            "licence_issued_on",
            "licence_valid_to",
            "head_office",
            "branches",
            "phone",
            "status",
        ],
    },
}
STATUS_WORDS = {
    "": "",
    "active": LicenceStatus.ACTIVE,
    "aktif": LicenceStatus.ACTIVE,
    "suspended": LicenceStatus.SUSPENDED,
    "dibekukan": LicenceStatus.SUSPENDED,
    "skorsing": LicenceStatus.SUSPENDED,
    "revoked": LicenceStatus.REVOKED,
    "dicabut": LicenceStatus.REVOKED,
    "tidak aktif": LicenceStatus.REVOKED,
    "inactive": LicenceStatus.REVOKED,
}
KIND_WORDS = {
    "smk": Bkk.Kind.SMK,
    "university": Bkk.Kind.UNIVERSITY,
    "universitas": Bkk.Kind.UNIVERSITY,
    "perguruan tinggi": Bkk.Kind.UNIVERSITY,
    "politeknik": Bkk.Kind.UNIVERSITY,
    "lpk": Bkk.Kind.LPK,
}
MODELS = {"agency": Agency, "job_order": JobOrder, "bkk": Bkk, "lptks": Lptks}
NUMBER_FIELD = {
    "agency": "licence_number",
    "job_order": "number",
    "bkk": "registration_number",
    "lptks": "licence_number",
}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rows: int = 0
    errors: list[list] = field(default_factory=list)
    message: str = ""


def _regency(row: _Row, column: str, scope, *, required: bool) -> Regency | None:
    raw = row.text(column, required=required)
    if not raw:
        return None
    code = f"{raw[:2]}.{raw[2:]}" if raw.isdigit() and len(raw) == 4 else raw
    regency = Regency.objects.filter(code=code).first()
    if regency is None:
        row.error(column, _("Unknown regency/city code."))
    elif not scope.contains_regency(regency.code):
        row.error(column, _("This regency/city is outside your region."))
        return None
    return regency


def _status(row: _Row) -> str:
    raw = row.text("status").lower()
    if raw not in STATUS_WORDS:
        row.error("status", _("Write active, suspended or revoked."))
        return ""
    return STATUS_WORDS[raw]


def _fields(kind: str, row: _Row, scope) -> dict:
    if kind == "agency":
        return {
            "name": row.text("name", required=True, max_length=200),
            "licence_number": row.text("licence_number", required=True, max_length=100),
            "licence_issued_on": row.day("licence_issued_on"),
            "licence_valid_to": row.day("licence_valid_to"),
            "head_office": row.text("head_office", max_length=255),
            "regency": _any_regency(row),
            "branches": "\n".join(
                part.strip() for part in row.text("branches").split(";") if part.strip()
            ),
            "phone": row.text("phone", max_length=30),
        }
    if kind == "job_order":
        licence = services.normalise_number(row.text("licence_number", required=True))
        agency = Agency.objects.filter(licence_number=licence).first() if licence else None
        if licence and agency is None:
            row.error("licence_number", _("No P3MI with this licence number in the register."))
        code = row.text("kbji", required=True)
        occupation = Occupation.objects.current().filter(code=code).first() if code else None
        if code and occupation is None:
            row.error("kbji", _("Unknown KBJI code."))
        return {
            "number": row.text("number", required=True, max_length=100),
            "agency": agency,
            "foreign_employer": row.text("foreign_employer", required=True, max_length=200),
            "country": row.text("country", required=True, max_length=100),
            "occupation": occupation,
            "quota": row.integer("quota", required=True, low=1, high=100_000),
            "valid_from": row.day("valid_from", required=True),
            "valid_to": row.day("valid_to", required=True),
        }
    if kind == "bkk":
        kind_raw = row.text("kind", required=True).lower()
        if kind_raw and kind_raw not in KIND_WORDS:
            row.error("kind", _("Write SMK, university or LPK."))
        return {
            "institution": row.text("name", required=True, max_length=200),
            "kind": KIND_WORDS.get(kind_raw, ""),
            "registration_number": row.text("registration_number", required=True, max_length=100),
            "registered_on": row.day("registered_on", required=True),
            "regency": _regency(row, "regency", scope, required=True),
            "address": row.text("address", max_length=255),
            "contact_phone": row.text("phone", max_length=30),
        }
    return {
        "name": row.text("name", required=True, max_length=200),
        "licence_number": row.text("licence_number", required=True, max_length=100),
        "licence_issued_on": row.day("licence_issued_on"),
        "licence_valid_to": row.day("licence_valid_to"),
        "regency": _regency(row, "regency", scope, required=True),
        "head_office": row.text("head_office", max_length=255),
        "branches": "\n".join(
            part.strip() for part in row.text("branches").split(";") if part.strip()
        ),
        "phone": row.text("phone", max_length=30),
    }


def _any_regency(row: _Row) -> Regency | None:
    """The head office of a P3MI may be anywhere (a national register)."""
    raw = row.text("regency")
    if not raw:
        return None
    code = f"{raw[:2]}.{raw[2:]}" if raw.isdigit() and len(raw) == 4 else raw
    regency = Regency.objects.filter(code=code).first()
    if regency is None:
        row.error("regency", _("Unknown regency/city code."))
    return regency


def import_register(*, kind: str, upload, by: User) -> ImportReport:
    """Import one register's spreadsheet; bad rows are reported and skipped."""
    report = ImportReport()
    model = MODELS[kind]
    scope = region_scope(by)
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            rows = list(read_rows(Path(handle.name), upload.name))
        except ImportFileError as error:
            report.message = str(error)
            return report
        except (UnicodeDecodeError, ValueError):
            report.message = _("The file cannot be read.")
            return report
    if not rows:
        report.message = _("The file is empty.")
        return report
    header = rows[0][1]["__header__"]
    missing = [c for c in COLUMNS[kind]["required"] if c not in header]
    if missing:
        report.message = _("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)}
        return report
    for number, values in rows[1:]:
        report.rows += 1
        row = _Row(number, values)
        fields = _fields(kind, row, scope)
        status = _status(row)
        if row.errors:
            report.errors += row.errors
            continue
        key = NUMBER_FIELD[kind]
        fields[key] = services.normalise_number(fields[key])
        existing = model.objects.filter(**{key: fields[key]}).first()
        try:
            with transaction.atomic():
                if existing is None:
                    obj = services.register_entry(model=model, fields=dict(fields), by=by)
                    report.created += 1
                else:
                    if kind in ("bkk", "lptks") and not scope.contains_regency(existing.regency_id):
                        raise services.RegisterRefused(
                            _("This number belongs to another region's register.")
                        )
                    obj = services.update_entry(obj=existing, fields=fields, by=by)
                    report.updated += 1
                current = (
                    (LicenceStatus.ACTIVE if obj.is_active else LicenceStatus.REVOKED)
                    if kind == "bkk"
                    else obj.status
                )
                if status and status != current:
                    services.change_status(
                        obj=obj, status=status, by=by, reason=_("Spreadsheet import")
                    )
        except services.RegisterRefused as refused:
            report.errors.append([number, key, str(refused), fields[key]])
    return report


def template_csv(kind: str) -> str:
    """The header row of a register's spreadsheet."""
    return ",".join(COLUMNS[kind]["required"] + COLUMNS[kind]["optional"]) + "\n"

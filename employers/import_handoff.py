"""Rows of a file that belong to another office's region: not dropped, not imported into the
wrong region, but handed to the right office as an import of its own.

While a run reads its file, each row outside the officer's region is written (as it was read)
to a small CSV file for the office of the row's place (`SetAside`). When the run ends, each
office gets an import "handed over by another office" with those rows and the same column
mapping, visible only to that office's officers (`employers.access.imports_for`), and its
officers are told through `notify()`. An officer of that office accepts it
(`imports.accept_handoff`): from then on it is an ordinary import of that office, run with that
officer's region.
"""

from __future__ import annotations

import csv
import uuid
from collections import OrderedDict
from pathlib import Path

from django.urls import reverse

from employers.models import ImportRun
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.notifications.services import notify
from placement.offices.models import Office, Officer

OPEN_FILES = 32  # files kept open at once while a run sets rows aside (the rest reopened)


def office_for(regency_code: str) -> Office | None:
    """The office a place belongs to: its regency/city office, else its province's, else the
    national office."""
    offices = Office.objects.filter(regency_id=regency_code)
    office = offices.first()
    if office is None:
        office = Office.objects.filter(
            level=Office.Level.PROVINCE, province_id=regency_code.split(".")[0]
        ).first()
    return office or Office.objects.filter(level=Office.Level.NATIONAL).first()


class SetAside:
    """The rows set aside by one run (or one chunk of a run), one CSV file per office."""

    def __init__(self, directory: Path, header: list[str]) -> None:
        self.directory = directory
        self.header = list(header)
        self.offices: dict[str, Office | None] = {}  # regency code -> office
        self.files: dict[int, str] = {}  # office pk -> stored name
        self.counts: dict[int, int] = {}
        self.handles: OrderedDict[int, object] = OrderedDict()

    def office(self, regency_code: str) -> Office | None:
        if regency_code not in self.offices:
            self.offices[regency_code] = office_for(regency_code)
        return self.offices[regency_code]

    def _handle(self, office_pk: int):
        handle = self.handles.pop(office_pk, None)
        if handle is None:
            new = office_pk not in self.files
            if new:
                self.files[office_pk] = f"{uuid.uuid4().hex}.csv"
            handle = open(  # noqa: SIM115 (closed by `close`, or when too many are open)
                self.directory / self.files[office_pk], "a", encoding="utf-8", newline=""
            )
            if new:
                csv.writer(handle).writerow(self.header)
            if len(self.handles) >= OPEN_FILES:
                _pk, oldest = self.handles.popitem(last=False)
                oldest.close()
        self.handles[office_pk] = handle  # most recently used last
        return handle

    def add(self, regency_code: str, values: dict[str, str]) -> str:
        """Keep the row for the office of `regency_code`; that office's name ("" if none)."""
        office = self.office(regency_code)
        if office is None:
            return ""
        writer = csv.writer(self._handle(office.pk))
        writer.writerow([values.get(name, "") for name in self.header])
        self.counts[office.pk] = self.counts.get(office.pk, 0) + 1
        return office.name

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()

    def discard(self) -> None:
        self.close()
        for name in self.files.values():
            (self.directory / name).unlink(missing_ok=True)
        self.files.clear()
        self.counts.clear()

    def pieces(self) -> list[tuple[int, str, int]]:
        """[(office pk, stored name, rows)] once closed."""
        return [(pk, self.files[pk], self.counts[pk]) for pk in self.files]


def officers_of(office_pk: int) -> list[User]:
    return [
        officer.user
        for officer in Officer.objects.filter(office_id=office_pk, is_active=True).select_related(
            "user"
        )
    ]


def hand_over(run: ImportRun, pieces: list[tuple[int, str, int]]) -> list[ImportRun]:
    """Inside the run's transaction: one handed-over import per office, its officers told."""
    handed = []
    origin = getattr(getattr(run.uploaded_by, "officer_profile", None), "office", None)
    for office_pk, stored_name, rows in pieces:
        mapping = dict(run.mapping) if run.mapping else {}
        child = ImportRun.objects.create(
            kind=run.kind,
            policy=run.policy,
            status=ImportRun.Status.HANDED,
            file_name=f"{Path(run.file_name).stem[:200]}.csv",  # written as CSV
            stored_name=stored_name,
            uploaded_by=run.uploaded_by,
            profile=run.profile,
            mapping=mapping,
            office_id=office_pk,
            handed_from=run,
            rows_total=rows,
        )
        audit(actor=run.uploaded_by, action="create", obj=child, handed_to=office_pk, rows=rows)
        notify(
            users=officers_of(office_pk),
            event="officer.import_handed",
            key=f"import:{child.pk}",
            context={
                "rows": rows,
                "file": run.file_name,
                "office": origin.name if origin else "",
            },
            link=reverse("officers:import_detail", args=[child.pk]),
        )
        handed.append(child)
    return handed

"""The report of one import: every rejected, uncertain, set-aside, duplicate or warned row (row,
outcome, column, reason, value), written to a file as the run goes so a long file's report never
sits in memory, and downloadable as CSV or XLSX (formula-safe)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employers.import_files import CONTROL, neutralise
from employers.models import ImportRun

SHOWN = 200  # entries kept on the run for its page; the file holds all of them


class Outcome:
    REJECTED = "rejected"
    REVIEW = "review"
    SET_ASIDE = "set_aside"
    DUPLICATE = "duplicate"
    WARNING = "warning"


OUTCOME_LABELS = {
    Outcome.REJECTED: gettext_lazy("rejected"),
    Outcome.REVIEW: gettext_lazy("to review"),
    Outcome.SET_ASIDE: gettext_lazy("set aside (another region)"),
    Outcome.DUPLICATE: gettext_lazy("likely duplicate"),
    Outcome.WARNING: gettext_lazy("warning"),
}


def report_path(run: ImportRun) -> Path:
    root = Path(settings.MEDIA_ROOT) / "imports"
    root.mkdir(parents=True, exist_ok=True)
    return root / f"{run.pk}-report.jsonl"


class ReportWriter:
    """Appends entries [row, column, reason, value, outcome] to the run's report file."""

    def __init__(self, run: ImportRun, path: Path | None = None) -> None:
        self.path = path or report_path(run)
        # Written to a temporary file first: a run started again never sees a half report.
        # Open across the run's rows; closed by `finish` or `discard`.
        self.handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "w", encoding="utf-8", dir=self.path.parent, delete=False, suffix=".part"
        )
        self.shown: list[list] = []
        self.counts: Counter[str] = Counter()

    def add(self, row: int, column: str, reason: str, value: str, outcome: str) -> None:
        entry = [row, column, str(reason), CONTROL.sub("", str(value or ""))[:200], outcome]
        self.counts[outcome] += 1
        if len(self.shown) < SHOWN:
            self.shown.append(entry)
        self.handle.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def add_row_errors(self, errors: list[list], outcome: str = Outcome.REJECTED) -> None:
        for row, column, reason, value in errors:
            self.add(row, column, reason, value, outcome)

    def finish(self, *, keep: bool) -> list[list]:
        """Close the file (kept, or dropped when the run's rows were rolled back)."""
        self.handle.close()
        if keep:
            Path(self.handle.name).replace(self.path)
        else:
            Path(self.handle.name).unlink(missing_ok=True)
        return self.shown

    def discard(self) -> None:
        self.handle.close()
        Path(self.handle.name).unlink(missing_ok=True)


def entries(run: ImportRun) -> Iterator[list]:
    """Every entry of the run's report (older runs: those stored on the run)."""
    path = report_path(run)
    if not path.exists():
        for entry in run.errors:
            yield [*entry[:4], entry[4] if len(entry) > 4 else Outcome.REJECTED]
        return
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _header() -> list[str]:
    return [_("row"), _("outcome"), _("column"), _("reason"), _("value")]


def _cells(entry: list) -> list:
    row, column, reason, value, outcome = entry
    label = str(OUTCOME_LABELS.get(outcome, outcome))
    return [row, neutralise(label), neutralise(column), neutralise(reason), neutralise(value)]


def report_csv(run: ImportRun) -> Iterator[str]:
    """The report as CSV lines (with a BOM for Excel), streamed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(_header())
    yield buffer.getvalue()
    for entry in entries(run):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(_cells(entry))
        yield buffer.getvalue()


def report_xlsx(run: ImportRun) -> bytes:
    """The report as an XLSX workbook (write-only: rows are not kept in memory while writing)."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Report")[:31])
    sheet.append(_header())
    for entry in entries(run):
        sheet.append(_cells(entry))
    with tempfile.TemporaryFile() as handle:
        workbook.save(handle)
        handle.seek(0)
        return handle.read()


def error_report_csv(run: ImportRun) -> str:
    """The whole report as one CSV text."""
    return "".join(report_csv(run))

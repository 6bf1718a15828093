"""Bulk import of employers and vacancies: the office's template files and files in other shapes
(job boards, companies, job fairs) with mapped columns.

A run reads its file as a stream (`import_files`), checks or codes each row on its own
(`import_rows` for the template, `import_coding` for mapped files), writes the good rows in
batches and records every other row in its report (`import_report`). Policies: skip the bad
rows, or import nothing if any row is bad. The run's progress is kept in the cache for its page.
"""

from __future__ import annotations

import csv
import itertools
import logging
import time
import uuid
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers import import_handoff, import_mapping
from employers.import_coding import REVIEW_THRESHOLD, Mapped, choose_mapping
from employers.import_files import (
    CONTROL,
    ImportFileError,
    Meter,
    file_format,
    file_header,
    neutralise,
    read_rows,
)
from employers.import_report import Outcome, ReportWriter
from employers.import_rows import COLUMNS, Lookups, Row, employer_from_row, vacancy_from_row
from employers.import_writes import flag_duplicates, warn, write_mapped
from employers.models import Employer, ImportProfile, ImportRun, Vacancy, VacancySkill
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.accounts.scope import region_scope
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.offices.activity import record_activity
from placement.offices.models import Activity

__all__ = [
    "REVIEW_THRESHOLD",
    "ImportFileError",
    "file_header",
    "neutralise",
    "run_import",
    "start_import",
]

BATCH = 1000
PROGRESS_EVERY = 500  # rows between two progress notes
logger = logging.getLogger(__name__)


# --- Progress -------------------------------------------------------------------------------------


def _progress_key(pk: int) -> str:
    return f"imports:progress:{pk}"


def _note_progress(run: ImportRun, meter: Meter, rows: int) -> None:
    cache.set(_progress_key(run.pk), {"fraction": meter.fraction, "rows": rows}, 6 * 60 * 60)


def chunk_progress_key(run_pk: int, index: int) -> str:
    return f"imports:progress:{run_pk}:{index}"


def progress(run: ImportRun) -> dict:
    """{"percent": 0-100, "rows": rows read so far} of a run (100 once it has ended); a run
    split in parts (`import_chunks`) sums its parts."""
    if run.status in (ImportRun.Status.DONE, ImportRun.Status.FAILED):
        return {"percent": 100, "rows": run.rows_total}
    chunks = list(run.chunks.values_list("index", "rows", "status"))
    if chunks and run.rows_total:
        noted = cache.get_many([chunk_progress_key(run.pk, index) for index, *_rest in chunks])
        done = 0
        for index, rows, status in chunks:
            seen = noted.get(chunk_progress_key(run.pk, index), 0)
            done += rows if status in ("done", "failed") else min(rows, seen)
        return {"percent": int(100 * done / run.rows_total), "rows": done}
    note = cache.get(_progress_key(run.pk)) or {"fraction": 0.0, "rows": 0}
    return {"percent": int(note["fraction"] * 100), "rows": note["rows"]}


# --- Writing --------------------------------------------------------------------------------------


def _write_employers(batch: list[Employer]) -> None:
    Employer.objects.bulk_create(batch, batch_size=BATCH)


def _write_vacancies(batch: list[Vacancy], today: date) -> None:
    Vacancy.objects.bulk_create(batch, batch_size=BATCH)
    if batch[0].pk is None:  # a database that does not return ids from bulk inserts
        raise ImportFileError("The database did not return the new ids.")
    skills = []
    events = []
    for vacancy in batch:
        required, optional = vacancy._import_skills
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=True) for pk in required]
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=False) for pk in optional]
        # Imported vacancies are verified by the importing officer: registered today.
        events.append(
            ledger.vacancy_event(
                EventKind.VACANCY_REGISTERED,
                vacancy,
                quantity=vacancy.headcount,
                occurred_on=today,
            )
        )
    VacancySkill.objects.bulk_create(skills, batch_size=BATCH)
    Event.objects.bulk_create(events, batch_size=BATCH)


def _flush(kind: str, batch: list, today: date) -> int:
    if kind == ImportRun.Kind.EMPLOYERS:
        _write_employers(batch)
    else:
        _write_vacancies(batch, today)
    return len(batch)


def _flush_mapped(batch: list[Vacancy], mapped: Mapped, report: ReportWriter) -> tuple[int, int]:
    """(created, updated) for one batch of a mapped file; duplicates and warnings reported."""
    if mapped.pending:
        Employer.objects.bulk_create(mapped.pending, batch_size=BATCH)
        mapped.pending = []
    for vacancy in batch:
        vacancy.employer = vacancy.employer  # take the id of an employer written just now
    for vacancy, other in flag_duplicates(batch):
        report.add(
            vacancy.source_row,
            "title",
            _("Likely the same vacancy as %(reference)s (same employer, title and place).")
            % {"reference": other},
            vacancy.title,
            Outcome.DUPLICATE,
        )
    for vacancy, message in warn(batch):
        report.add(vacancy.source_row, "description", message, "", Outcome.WARNING)
    return write_mapped(batch)


# --- Running --------------------------------------------------------------------------------------


def missing_columns(kind: str, header: list[str]) -> list[str]:
    return [column for column in COLUMNS[kind]["required"] if column not in header]


def run_import(run: ImportRun) -> ImportRun:
    """Read, check and write one uploaded file; the run records counts and every bad row.

    Restartable: the rows are written in one transaction, so a worker killed midway leaves
    nothing behind (no half file); the run stays "running" with its file kept, and the
    redelivered task does it again from the start. The run's row is locked while it is worked
    on, so a duplicate delivery at the same time skips it.
    """
    started = time.monotonic()
    active = [ImportRun.Status.PENDING, ImportRun.Status.RUNNING]
    with transaction.atomic():
        claimed = _lock_run(run.pk, active)
        if claimed is None:
            return run
        claimed.status = ImportRun.Status.RUNNING
        claimed.save(update_fields=["status"])
    with transaction.atomic():
        claimed = _lock_run(run.pk, [ImportRun.Status.RUNNING])
        if claimed is None:
            return run
        run = _import_locked(claimed, started)
    upload_path(run).unlink(missing_ok=True)  # only once the outcome is committed
    cache.delete(_progress_key(run.pk))
    return run


def _lock_run(pk: int, statuses: list[str]) -> ImportRun | None:
    return (
        ImportRun.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("uploaded_by", "profile")
        .filter(pk=pk, status__in=statuses)
        .first()
    )


class Counts:
    def __init__(self) -> None:
        self.total = self.failed = self.imported = self.updated = 0
        self.review = self.set_aside = 0


def _import_locked(run: ImportRun, started: float) -> ImportRun:
    by = run.uploaded_by
    report = ReportWriter(run)
    counts = Counts()
    aside = import_handoff.SetAside(upload_dir(), [])
    try:
        with transaction.atomic():
            _import_rows(run, report, counts, aside)
    except ImportFileError as problem:
        run.status = ImportRun.Status.FAILED
        run.message = str(problem)[:255]
    except (OSError, UnicodeError, csv.Error):
        run.status = ImportRun.Status.FAILED
        run.message = _("The file cannot be read: save it again as CSV (UTF-8) or XLSX.")
    except (OperationalError, InterfaceError):
        report.discard()
        aside.discard()
        raise  # the database went away: the run stays "running" for the redelivered task
    except Exception:
        # Anything else ends the run: an office must never watch "running" forever.
        logger.exception("Import run %s failed", run.pk)
        run.status = ImportRun.Status.FAILED
        run.message = _("The import stopped because of an unexpected error; nothing was saved.")
        counts.failed = counts.imported = 0
    else:
        run.status = ImportRun.Status.DONE
        if counts.failed and run.policy == ImportRun.Policy.ALL_OR_NOTHING:
            run.message = _("Nothing was imported because some rows have errors.")
    run.rows_total, run.rows_imported, run.rows_failed = (
        counts.total,
        counts.imported,
        counts.failed,
    )
    run.rows_updated, run.rows_review = counts.updated, counts.review
    run.rows_set_aside = counts.set_aside
    run.rows_duplicates = report.counts[Outcome.DUPLICATE]
    run.rows_warned = report.counts[Outcome.WARNING]
    run.errors = report.finish(keep=True)
    run.seconds = round(time.monotonic() - started, 2)
    run.finished_at = timezone.now()
    run.save()
    aside.close()
    if run.status == ImportRun.Status.DONE and not (
        counts.failed and run.policy == ImportRun.Policy.ALL_OR_NOTHING
    ):
        import_handoff.hand_over(run, aside.pieces())
    else:
        aside.discard()
    audit(actor=by, action="create", obj=run, kind=run.kind, imported=counts.imported)
    return run


def _import_rows(run: ImportRun, report: ReportWriter, counts: Counts, aside) -> None:
    """Inside the run's transaction: every row read, checked or coded, written or reported;
    rows of another region kept aside for their office."""
    meter = Meter()
    rows = read_rows(upload_path(run), run.file_name, meter)
    _number, first = next(rows, (0, {"__header__": []}))
    header = first.get("__header__", [])
    aside.header = header
    work = Work(run, report, counts, aside)
    missing = missing_columns(run.kind, header)
    if missing and run.kind == ImportRun.Kind.VACANCIES:
        # Another shape (a job board's export...): map its columns.
        sample = list(itertools.islice(rows, import_mapping.SAMPLE_ROWS))
        work.map_columns(header, sample)
        rows = itertools.chain(sample, rows)
    elif missing:
        raise ImportFileError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    process_rows(work, rows, lambda total: _note_progress(run, meter, total))
    if counts.failed and run.policy == ImportRun.Policy.ALL_OR_NOTHING:
        transaction.set_rollback(True)
        counts.imported = counts.updated = counts.review = 0
    elif work.mapped is not None:
        work.mapped.learned.record_uses()


class Work:
    """What a pass over a file's rows (or one chunk of them) works with."""

    def __init__(self, run: ImportRun, report: ReportWriter, counts: Counts, aside) -> None:
        self.run, self.report, self.counts, self.aside = run, report, counts, aside
        self.by = run.uploaded_by
        self.scope = region_scope(self.by)
        self.today = timezone.localdate()
        self.lookups = Lookups()
        self.seen: set[str] = set()
        self.mapped: Mapped | None = None

    def map_columns(self, header: list[str], sample: list) -> None:
        """The columns of a file in another shape: the run's mapping, a profile or a guess."""
        mapping, defaults = choose_mapping(self.run, header, sample)
        if not mapping.get("title"):
            raise ImportFileError(_("No column of the file holds the job title."))
        self.run.mapping = {**mapping, "__header__": header, "__defaults__": defaults}
        self.mapped = Mapped(
            self.run, mapping, defaults, self.lookups, self.scope, self.today, header=header
        )


def process_rows(work: Work, rows, on_progress=None) -> None:
    """Check or code each row, write the good ones in batches, report the others."""
    run, report, counts, mapped = work.run, work.report, work.counts, work.mapped
    by, lookups, scope, today = work.by, work.lookups, work.scope, work.today
    batch: list = []
    for number, values in rows:
        counts.total += 1
        if on_progress is not None and counts.total % PROGRESS_EVERY == 0:
            on_progress(counts.total)
        row = Row(number, values)
        if "__error__" in values:
            row.errors.append([number, "", values["__error__"], ""])
        for column, value in values.items():
            if isinstance(value, str) and CONTROL.search(value):
                row.error(column, _("Contains control characters (such as NUL)."))
        item = None
        if not row.errors:
            if mapped is not None:
                item = mapped.vacancy(row, by)
            elif run.kind == ImportRun.Kind.EMPLOYERS:
                item = employer_from_row(row, lookups, scope, work.seen, by)
            else:
                item = vacancy_from_row(row, lookups, scope, by, today)
        if row.set_aside:
            counts.set_aside += 1
            location = mapped.mapping.get("location", "location") if mapped else "regency"
            office = work.aside.add(row.set_aside_regency, values)
            reason = _("%(reason)s Handed to %(office)s.") % {
                "reason": row.set_aside,
                "office": office,
            }
            report.add(number, location, reason, values.get(location, ""), Outcome.SET_ASIDE)
            continue
        if row.errors or item is None:
            counts.failed += 1
            report.add_row_errors(row.errors)
            continue
        if mapped is not None and item.needs_review:
            counts.review += 1
            for field in item.coding["review"]:
                text = str(item.coding.get(field, {}).get("text", ""))
                report.add(number, field, _("To review"), text, Outcome.REVIEW)
        batch.append(item)
        if len(batch) >= BATCH:
            _write_batch(run, batch, today, mapped, report, counts)
            batch = []
    if batch:
        _write_batch(run, batch, today, mapped, report, counts)


def _write_batch(run, batch, today, mapped, report, counts) -> None:
    if mapped is None:
        created, changed = _flush(run.kind, batch, today), 0
    else:
        created, changed = _flush_mapped(batch, mapped, report)
    counts.imported += created
    counts.updated += changed


# --- Starting -------------------------------------------------------------------------------------


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def upload_path(run: ImportRun) -> Path:
    return upload_dir() / run.stored_name


def preview(run: ImportRun) -> tuple[list[str], list[list[str]]]:
    """The file's columns and its first rows (for the mapping screen)."""
    rows = read_rows(upload_path(run), run.file_name)
    _number, first = next(rows, (0, {"__header__": []}))
    header = first.get("__header__", [])
    sample = [
        [values.get(name, "") for name in header]
        for _number, values in itertools.islice(rows, import_mapping.SAMPLE_ROWS)
        if "__error__" not in values
    ]
    return header, sample


def queue_run(run: ImportRun) -> None:
    from employers.tasks import run_import as run_import_task  # Celery cycle: tasks import us

    transaction.on_commit(lambda: run_import_task.delay(run.pk))


@transaction.atomic
def start_import(
    *,
    kind: str,
    policy: str,
    upload,
    by: User,
    profile: ImportProfile | None = None,
    map_on_screen: bool = False,
) -> ImportRun:
    """Store the uploaded file under a generated name (the officer's data-import activity, one
    per file) and queue the import; a file in another shape first waits for the officer to map
    its columns when `map_on_screen`."""
    suffix = {"xlsx": ".xlsx", "jsonl": ".jsonl"}.get(file_format(upload.name), ".csv")
    stored_name = f"{uuid.uuid4().hex}{suffix}"
    with open(upload_dir() / stored_name, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    run = ImportRun.objects.create(
        kind=kind,
        policy=policy,
        file_name=Path(upload.name).name[:255],
        stored_name=stored_name,
        uploaded_by=by,
        profile=profile,
    )
    record_activity(user=by, kind=Activity.Kind.IMPORT, subject=run, what=kind)
    if map_on_screen and kind == ImportRun.Kind.VACANCIES:
        try:
            header, sample = preview(run)
        except (ImportFileError, OSError, UnicodeError, csv.Error):
            header, sample = [], []  # the run itself will say what is wrong with the file
        if header and missing_columns(kind, header):
            chosen = profile or import_mapping.pick_profile(header)
            mapping = chosen.mapping if chosen else import_mapping.suggest(header, sample)
            run.profile = chosen
            run.mapping = {**mapping, "__header__": header}
            run.status = ImportRun.Status.MAPPING
            run.save(update_fields=["profile", "mapping", "status"])
            return run
    queue_run(run)
    return run


@transaction.atomic
def confirm_mapping(
    *, run: ImportRun, mapping: dict, defaults: dict, profile_name: str, by: User
) -> ImportRun:
    """The officer's mapping of the file's columns (saved as a named profile if named): the
    import starts."""
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != ImportRun.Status.MAPPING:
        return run
    header = run.mapping.get("__header__", [])
    flags = run.mapping.get("education_flags")
    if flags and "education" not in mapping:
        mapping = {**mapping, "education_flags": flags}
    if profile_name:
        run.profile = import_mapping.save_profile(profile_name, header, mapping, defaults, by)
        audit(actor=by, action="create", obj=run.profile, name=profile_name)
    run.mapping = {**mapping, "__header__": header, "__defaults__": defaults}
    run.status = ImportRun.Status.PENDING
    run.save(update_fields=["profile", "mapping", "status"])
    queue_run(run)
    return run


@transaction.atomic
def accept_handoff(*, run: ImportRun, by: User) -> ImportRun:
    """An officer of the receiving office takes rows handed over by another office: the import
    becomes theirs (run with their region); a mapped file waits for its columns to be checked."""
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != ImportRun.Status.HANDED:
        return run
    run.uploaded_by = by
    mapped = bool(run.mapping.get("__header__"))
    run.status = ImportRun.Status.MAPPING if mapped else ImportRun.Status.PENDING
    run.save(update_fields=["uploaded_by", "status"])
    record_activity(user=by, kind=Activity.Kind.IMPORT, subject=run, what=run.kind)
    audit(actor=by, action="update", obj=run, event="handoff_accepted")
    if not mapped:
        queue_run(run)
    return run


def save_run_profile(*, run: ImportRun, name: str, by: User) -> ImportProfile:
    """Save the column mapping of `run` as a named profile for files with the same columns."""
    header = run.mapping.get("__header__") or (run.profile.headers if run.profile else [])
    defaults = run.mapping.get("__defaults__")
    profile = import_mapping.save_profile(name, header, run.mapping, defaults, by)
    run.profile = profile
    run.save(update_fields=["profile"])
    audit(actor=by, action="create", obj=profile, name=name)
    return profile

"""A large file imported in parts, on several workers at once.

`start_chunks` reads the file once (streamed), fixes its column mapping and writes its rows into
parts of a few thousand rows (JSON lines, with their row numbers), one `ImportChunk` each, and
queues one task per part. Each part (`run_chunk`) is coded and written in its own transaction
with the same code as a whole file (`imports.process_rows`): a worker killed midway leaves
nothing of its part, and the redelivered task does the part again; a part already written is
not done twice, and an ad written twice is updated, never duplicated (its source key is
unique). The last part to finish completes the run once (`finish`): counts summed, the reports
joined, set-aside rows handed to their offices, job-board employers that two parts created
twice merged.

Only vacancy files in another shape (mapped) with the "skip the bad rows" policy are split:
"import nothing if any row is bad" needs one transaction for the whole file.
"""

from __future__ import annotations

import csv
import itertools
import json
import logging
import math
import os
import shutil
import socket
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers import import_handoff, import_mapping, import_review
from employers.import_coding import choose_mapping, company_key
from employers.import_files import ImportFileError, read_rows
from employers.import_report import SHOWN, Outcome, ReportWriter, report_path
from employers.imports import (
    Counts,
    Work,
    chunk_progress_key,
    missing_columns,
    process_rows,
    upload_dir,
    upload_path,
)
from employers.models import Employer, ImportChunk, ImportRun
from placement.accounts.audit import audit

logger = logging.getLogger(__name__)
COUNTS = ("total", "imported", "failed", "updated", "review", "set_aside", "duplicates", "warned")


def _settings() -> tuple[int, int, int]:
    """(files from this size are split, fewest and most rows in a part)."""
    return (
        settings.IMPORT_SPLIT_BYTES,
        settings.IMPORT_CHUNK_MIN_ROWS,
        settings.IMPORT_CHUNK_MAX_ROWS,
    )


def _chunk_path(name: str) -> Path:
    return upload_dir() / name


def _splittable(run: ImportRun) -> bool:
    split_bytes, _low, _high = _settings()
    if run.kind != ImportRun.Kind.VACANCIES or run.policy != ImportRun.Policy.SKIP:
        return False
    path = upload_path(run)
    return path.exists() and path.stat().st_size >= split_bytes


def start_chunks(run: ImportRun) -> bool:
    """Split a large mapped file into parts and queue them; False when the file is run whole
    (small, in the office's template, or all-or-nothing). A redelivered start queues the parts
    that have not finished again."""
    if not _splittable(run):
        return False
    with transaction.atomic():
        locked = (
            ImportRun.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("uploaded_by", "profile")
            .filter(pk=run.pk, status__in=[ImportRun.Status.PENDING, ImportRun.Status.RUNNING])
            .first()
        )
        if locked is None:
            return True  # another delivery has it, or it has ended
        if locked.chunks.exists():
            unfinished = locked.chunks.exclude(
                status__in=[ImportChunk.Status.DONE, ImportChunk.Status.FAILED]
            )
            _queue([c.pk for c in unfinished], locked.pk)
            return True
        try:
            split = _split(locked)
        except (ImportFileError, OSError, UnicodeError, ValueError, csv.Error):
            return False  # the whole run says what is wrong with the file
        if not split:
            return False
        locked.status = ImportRun.Status.RUNNING
        locked.save(update_fields=["status", "mapping", "profile", "rows_total"])
        _queue(split, locked.pk)
    return True


def _queue(chunk_pks: list[int], run_pk: int) -> None:
    from employers.tasks import run_import_chunk  # Celery cycle: the tasks module imports us

    def send() -> None:
        for pk in chunk_pks:
            run_import_chunk.delay(pk)
        if not chunk_pks:
            finish(run_pk)

    transaction.on_commit(send)


def resume_stalled(*, older_than: timedelta = timedelta(minutes=10)) -> tuple[list, list]:
    """Queue again what a lost message left waiting: the unfinished parts of running imports
    and the imports still waiting or running whole, started more than `older_than` ago. Safe to
    repeat: a part or run being worked on is locked, and its duplicate skips it. ([run pks queued
    whole], [part pks queued])."""
    cutoff = timezone.now() - older_than
    active = [ImportRun.Status.PENDING, ImportRun.Status.RUNNING]
    runs = ImportRun.objects.filter(status__in=active, created_at__lt=cutoff)
    parts = list(
        ImportChunk.objects.filter(run__in=runs)
        .exclude(status__in=[ImportChunk.Status.DONE, ImportChunk.Status.FAILED])
        .values_list("pk", flat=True)
    )
    whole = list(runs.exclude(chunks__isnull=False).values_list("pk", flat=True))
    return whole, parts


def _split(run: ImportRun) -> list[int]:
    """Write the rows into parts (ImportChunk rows); their pks, or [] for a template file."""
    path = upload_path(run)
    rows = read_rows(path, run.file_name)
    _number, first = next(rows, (0, {"__header__": []}))
    header = first.get("__header__", [])
    if not header or not missing_columns(run.kind, header):
        return []
    sample = list(itertools.islice(rows, import_mapping.SAMPLE_ROWS))
    mapping, defaults = choose_mapping(run, header, sample)
    if not mapping.get("title"):
        return []  # the whole run says so
    # The run's mapping, fixed for every part.
    run.mapping = {**mapping, "__header__": header, "__defaults__": defaults}
    # Parts of about a quarter of the file per worker, within bounds: big enough that loading
    # the coders' tables is a small share of a part, small enough to spread.
    _split_bytes, low, high = _settings()
    sample_bytes = sum(len(json.dumps(values, ensure_ascii=False)) for _n, values in sample)
    per_row = max(50, sample_bytes / max(1, len(sample)))
    estimate = path.stat().st_size / per_row
    size = max(low, min(high, math.ceil(estimate / 8)))
    chunks: list[ImportChunk] = []
    total = 0
    handle = None
    for number, values in itertools.chain(sample, rows):
        if handle is None or chunks[-1].rows >= size:
            if handle is not None:
                handle.close()
            chunk = ImportChunk(run=run, index=len(chunks), stored_name=f"{uuid.uuid4().hex}.part")
            chunks.append(chunk)
            handle = open(_chunk_path(chunk.stored_name), "w", encoding="utf-8")  # noqa: SIM115
            handle.write(json.dumps(header, ensure_ascii=False) + "\n")
        handle.write(json.dumps([number, values], ensure_ascii=False) + "\n")
        chunks[-1].rows += 1
        total += 1
    if handle is not None:
        handle.close()
    ImportChunk.objects.bulk_create(chunks)
    run.rows_total = total
    return [chunk.pk for chunk in chunks]


def _read_chunk(path: Path):
    with open(path, encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        yield header
        for line in handle:
            number, values = json.loads(line)
            yield number, values


def _lock_chunk(pk: int, statuses: list[str]) -> ImportChunk | None:
    return (
        ImportChunk.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("run", "run__uploaded_by", "run__profile")
        .filter(pk=pk, status__in=statuses)
        .first()
    )


def run_chunk(pk: int) -> str:
    """Code and write one part in one transaction; the last part completes the run."""
    with transaction.atomic():
        chunk = _lock_chunk(pk, [ImportChunk.Status.PENDING, ImportChunk.Status.RUNNING])
        if chunk is None:
            return "skipped"
        chunk.status = ImportChunk.Status.RUNNING
        chunk.save(update_fields=["status"])
    with transaction.atomic():
        chunk = _lock_chunk(pk, [ImportChunk.Status.RUNNING])
        if chunk is None:
            return "skipped"
        _run_locked(chunk)
    finish(chunk.run_id)
    return chunk.status


def _run_locked(chunk: ImportChunk) -> None:
    run = chunk.run
    report = ReportWriter(run, path=report_path(run).with_suffix(f".{chunk.index}.part"))
    counts = Counts()
    aside = import_handoff.SetAside(upload_dir(), [])
    rows = _read_chunk(_chunk_path(chunk.stored_name))
    try:
        with transaction.atomic():
            header = next(rows)
            aside.header = header
            work = Work(run, report, counts, aside)
            work.map_columns(header, [])
            key = chunk_progress_key(run.pk, chunk.index)
            process_rows(work, rows, lambda total: cache.set(key, total, 6 * 60 * 60))
            work.mapped.learned.record_uses()
    except (OperationalError, InterfaceError, IntegrityError):
        # The database went away, or a part running beside this one wrote the same ad first:
        # nothing of this part is kept, and the task runs it again.
        report.discard()
        aside.discard()
        raise
    except Exception:
        logger.exception("Import run %s, part %s failed", run.pk, chunk.index)
        report.discard()
        aside.discard()
        chunk.status = ImportChunk.Status.FAILED
        chunk.message = _("This part of the file stopped because of an unexpected error.")
        chunk.counts = {"total": chunk.rows, "failed": chunk.rows}
    else:
        report.finish(keep=True)
        aside.close()
        chunk.status = ImportChunk.Status.DONE
        chunk.aside = aside.pieces()
        chunk.counts = {
            "total": counts.total,
            "imported": counts.imported,
            "failed": counts.failed,
            "updated": counts.updated,
            "review": counts.review,
            "set_aside": counts.set_aside,
            "duplicates": report.counts[Outcome.DUPLICATE],
            "warned": report.counts[Outcome.WARNING],
            "process": f"{socket.gethostname()}:{os.getpid()}",  # which worker process ran it
        }
    chunk.finished_at = timezone.now()
    chunk.save()


def finish(run_pk: int) -> bool:
    """Once every part has ended: the run's counts, report and hand-offs, once; True then."""
    with transaction.atomic():
        run = (
            ImportRun.objects.select_for_update(of=("self",))
            .select_related("uploaded_by", "profile")
            .filter(pk=run_pk, status=ImportRun.Status.RUNNING)
            .first()
        )
        if run is None:
            return False
        chunks = list(run.chunks.order_by("index"))
        if not chunks or any(c.status not in ("done", "failed") for c in chunks):
            return False
        totals = {name: sum(c.counts.get(name, 0) for c in chunks) for name in COUNTS}
        run.rows_total, run.rows_imported = totals["total"], totals["imported"]
        run.rows_failed, run.rows_updated = totals["failed"], totals["updated"]
        run.rows_review, run.rows_set_aside = totals["review"], totals["set_aside"]
        run.rows_duplicates, run.rows_warned = totals["duplicates"], totals["warned"]
        run.errors = _join_reports(run, chunks)
        failed = [c for c in chunks if c.status == ImportChunk.Status.FAILED]
        if failed:
            run.message = _("%(n)s parts of the file stopped because of an unexpected error.") % {
                "n": len(failed)
            }
        merged = _merge_new_employers(run)
        import_handoff.hand_over(run, _join_aside(chunks))
        run.status = ImportRun.Status.DONE
        run.finished_at = timezone.now()
        run.seconds = round((run.finished_at - run.created_at).total_seconds(), 2)
        run.save()
        audit(
            actor=run.uploaded_by,
            action="create",
            obj=run,
            kind=run.kind,
            imported=run.rows_imported,
            parts=len(chunks),
            employers_merged=merged,
        )
        transaction.on_commit(lambda: _clean(run, chunks))
    return True


def _join_reports(run: ImportRun, chunks: list[ImportChunk]) -> list[list]:
    """The parts' reports, in row order, as the run's report file; its first entries."""
    shown: list[list] = []
    target = report_path(run)
    with open(target, "w", encoding="utf-8") as output:
        for chunk in chunks:
            part = target.with_suffix(f".{chunk.index}.part")
            if not part.exists():
                continue
            with open(part, encoding="utf-8") as handle:
                for line in handle:
                    if len(shown) < SHOWN:
                        shown.append(json.loads(line))
                    output.write(line)
            part.unlink()
    return shown


def _join_aside(chunks: list[ImportChunk]) -> list[tuple[int, str, int]]:
    """The parts' set-aside rows, one file per office (the first part's file, the others'
    rows appended without their header)."""
    joined: dict[int, list] = {}
    for chunk in chunks:
        for office_pk, name, rows in chunk.aside:
            if office_pk not in joined:
                joined[office_pk] = [office_pk, name, rows]
                continue
            joined[office_pk][2] += rows
            source = _chunk_path(name)
            with (
                open(source, encoding="utf-8") as handle,
                open(_chunk_path(joined[office_pk][1]), "a", encoding="utf-8") as target,
            ):
                handle.readline()  # the header
                shutil.copyfileobj(handle, target)
            source.unlink(missing_ok=True)
    return [tuple(piece) for piece in joined.values()]


def _merge_new_employers(run: ImportRun) -> int:
    """Job-board employers created twice by parts running at once (same name and place): the
    later ones merged into the first."""
    created = Employer.objects.filter(
        origin=Employer.Origin.JOB_BOARD,
        created_at__gte=run.created_at,
        vacancies__import_run=run,
    ).distinct()
    groups: dict[tuple, list[Employer]] = {}
    for employer in created.order_by("pk"):
        groups.setdefault((company_key(employer.name), employer.regency_id), []).append(employer)
    merged = 0
    for group in groups.values():
        for duplicate in group[1:]:
            try:
                import_review.merge_employers(
                    keep=group[0], duplicate=duplicate, by=run.uploaded_by
                )
            except import_review.MergeRefused:
                continue
            merged += 1
    return merged


def _clean(run: ImportRun, chunks: list[ImportChunk]) -> None:
    for chunk in chunks:
        _chunk_path(chunk.stored_name).unlink(missing_ok=True)
        cache.delete(chunk_progress_key(run.pk, chunk.index))
    upload_path(run).unlink(missing_ok=True)

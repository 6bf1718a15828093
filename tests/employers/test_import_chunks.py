"""A large file imported in parts (each its own task): the parts' results summed once, the report
joined in row order, a part killed midway or delivered twice never duplicating a vacancy."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone

from employers import import_chunks, imports
from employers import tasks as employer_tasks
from employers.models import Employer, ImportChunk, ImportRun, Vacancy
from placement.accounts.models import AuditEvent
from tests.employers.test_imports import board_row, csv_upload


@pytest.fixture
def small_parts(settings):
    settings.IMPORT_SPLIT_BYTES = 1
    settings.IMPORT_CHUNK_MIN_ROWS = 2
    settings.IMPORT_CHUNK_MAX_ROWS = 2


def _rows():
    rows = [board_row(800 + n) for n in range(6)]
    rows[1]["Lokasi"] = "Kabupaten Kotawaringin Barat"  # part 0: another office's row
    rows[4]["Lokasi"] = "Kabupaten Kotawaringin Barat"  # part 2: the same office
    rows[5]["Judul"] = ""  # rejected
    rows.append(board_row(806, Perusahaan="PT Dua Bagian"))  # part 3 ...
    rows.append(board_row(807, Perusahaan="PT Dua Bagian"))  # ... and part 3 again
    return rows


def _start(alice, rows):
    return imports.start_import(kind="vacancies", policy="skip", upload=csv_upload(rows), by=alice)


def test_a_large_file_runs_in_parts_and_the_run_ends_once_with_their_sums(
    db, alice, bob, small_parts, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        started = _start(alice, _rows())
    run = ImportRun.objects.get(pk=started.pk)
    assert run.chunks.count() == 4 and all(c.status == "done" for c in run.chunks.all())
    assert run.status == "done", run.message
    assert (run.rows_total, run.rows_imported, run.rows_failed, run.rows_set_aside) == (8, 5, 1, 2)
    assert Vacancy.objects.filter(import_run=run).count() == 5
    # The report in row order across the parts, with both set-aside rows.
    rows = [entry[0] for entry in run.errors]
    assert rows == sorted(rows) and {3, 6} <= set(rows) and 7 in rows
    # One hand-off for the office, with the rows of two parts.
    handed = ImportRun.objects.get(handed_from=run)
    assert handed.office == bob.officer_profile.office and handed.rows_total == 2
    assert (
        AuditEvent.objects.filter(
            object_type="employers.importrun", object_id=str(run.pk), action="create"
        ).count()
        == 1
    )
    assert import_chunks.finish(run.pk) is False  # ended once
    assert imports.progress(run) == {"percent": 100, "rows": 8}


def test_a_company_new_to_two_parts_at_once_is_one_employer_in_the_end(
    db, alice, small_parts, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_CHUNK_MIN_ROWS = settings.IMPORT_CHUNK_MAX_ROWS = 1
    rows = [board_row(820, Perusahaan="PT Dua Bagian"), board_row(821, Perusahaan="PT Dua Bagian")]
    started = _start(alice, rows)
    # Both parts coded before either is written, as on two workers at once.
    with (
        mock.patch.object(employer_tasks.run_import_chunk, "delay"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        employer_tasks.run_import(started.pk)
    chunks = list(ImportChunk.objects.filter(run_id=started.pk).order_by("index"))
    assert len(chunks) == 2
    real = Employer.objects.only

    with mock.patch.object(Employer.objects, "only", side_effect=lambda *a: real(*a).none()):
        for chunk in chunks:  # neither part sees the other's new employer
            import_chunks.run_chunk(chunk.pk)
    run = ImportRun.objects.get(pk=started.pk)
    assert run.status == "done" and run.rows_imported == 2
    employers = Employer.objects.filter(name="PT Dua Bagian")
    assert employers.count() == 1
    assert Vacancy.objects.filter(import_run=run, employer=employers.get()).count() == 2
    assert (
        AuditEvent.objects.get(
            object_type="employers.importrun", object_id=str(run.pk), action="create"
        ).detail["employers_merged"]
        == 1
    )


def test_a_part_killed_midway_leaves_nothing_and_runs_again_once(
    db, alice, small_parts, django_capture_on_commit_callbacks
):
    started = _start(alice, [board_row(840 + n) for n in range(4)])
    with (
        mock.patch.object(employer_tasks.run_import_chunk, "delay"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        employer_tasks.run_import(started.pk)
    first, second = ImportChunk.objects.filter(run_id=started.pk).order_by("index")
    with (
        mock.patch(
            "employers.imports._flush_mapped",
            side_effect=OperationalError("terminating connection due to administrator command"),
        ),
        pytest.raises(OperationalError),
    ):
        import_chunks.run_chunk(first.pk)
    first.refresh_from_db()
    assert first.status == "running"  # as the redelivered task finds it
    assert not Vacancy.objects.filter(import_run_id=started.pk).exists()
    assert import_chunks.run_chunk(first.pk) == "done"
    assert Vacancy.objects.filter(import_run_id=started.pk).count() == 2
    # Delivered once more after it was written (the ack was lost): nothing is done twice ...
    assert import_chunks.run_chunk(first.pk) == "skipped"
    # ... and even a part forced to run again updates its ads instead of duplicating them.
    ImportChunk.objects.filter(pk=first.pk).update(status="pending")
    import_chunks.run_chunk(first.pk)
    first.refresh_from_db()
    assert first.counts["updated"] == 2 and first.counts["imported"] == 0
    assert Vacancy.objects.filter(import_run_id=started.pk).count() == 2
    assert ImportRun.objects.get(pk=started.pk).status == "running"  # part 2 still to come
    import_chunks.run_chunk(second.pk)
    run = ImportRun.objects.get(pk=started.pk)
    assert run.status == "done" and Vacancy.objects.filter(import_run=run).count() == 4


def test_the_progress_bar_sums_the_parts(
    db, alice, small_parts, django_capture_on_commit_callbacks
):
    started = _start(alice, [board_row(860 + n) for n in range(4)])
    with (
        mock.patch.object(employer_tasks.run_import_chunk, "delay"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        employer_tasks.run_import(started.pk)
    run = ImportRun.objects.get(pk=started.pk)
    assert imports.progress(run) == {"percent": 0, "rows": 0}
    import_chunks.run_chunk(run.chunks.first().pk)
    assert imports.progress(run) == {"percent": 50, "rows": 2}


def test_small_or_all_or_nothing_files_run_whole(
    db, alice, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        small = _start(alice, [board_row(880)])
    settings.IMPORT_SPLIT_BYTES = 1
    with django_capture_on_commit_callbacks(execute=True):
        strict = imports.start_import(
            kind="vacancies", policy="all", upload=csv_upload([board_row(881)]), by=alice
        )
    for started in (small, strict):
        run = ImportRun.objects.get(pk=started.pk)
        assert run.status == "done" and not run.chunks.exists()


def test_parts_whose_messages_were_lost_are_queued_again_and_the_run_ends(
    db, alice, small_parts, django_capture_on_commit_callbacks
):
    started = _start(alice, [board_row(890 + n) for n in range(4)])
    with (
        mock.patch.object(employer_tasks.run_import_chunk, "delay"),  # the messages are lost
        django_capture_on_commit_callbacks(execute=True),
    ):
        employer_tasks.run_import(started.pk)
    assert employer_tasks.resume_imports() == {"runs": 0, "parts": 0}  # too early to tell
    ImportRun.objects.filter(pk=started.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    assert employer_tasks.resume_imports() == {"runs": 0, "parts": 2}
    run = ImportRun.objects.get(pk=started.pk)
    assert run.status == "done" and Vacancy.objects.filter(import_run=run).count() == 4
    assert employer_tasks.resume_imports() == {"runs": 0, "parts": 0}

"""A large import through a real Celery worker of two processes (Redis broker, PostgreSQL): the
file split in parts, the parts run by both processes, the run ended once with every row."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import fresh_postgres_database

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.celery]

ROOT = Path(__file__).resolve().parents[2]
ROWS = 24
PART = 4


@pytest.fixture(scope="module")
def env(tmp_path_factory, redis_url):
    database_url = fresh_postgres_database("import_worker")
    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "TEST_REDIS_URL")},
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        # The Redis of the Redis tests, on a queue of this test's own (a benchmark or another
        # worker sharing the database never takes its messages).
        "REDIS_URL": redis_url,
        "CELERY_QUEUE": f"test-import-worker-{os.getpid()}",
        "EMAIL_URL": "console://",
        "VAR_DIR": str(tmp_path_factory.mktemp("import-worker-var")),
        "IMPORT_SPLIT_BYTES": "1",
        "IMPORT_CHUNK_MIN_ROWS": str(PART),
        "IMPORT_CHUNK_MAX_ROWS": str(PART),
    }
    for args in (["migrate", "--noinput", "-v0"], ["load_reference_data"]):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=environment, check=True, timeout=600, capture_output=True,
        )  # fmt: skip
    return environment


START = f"""
import csv, io
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from employers import imports
from placement.accounts.models import User
from tests.employers.test_imports import board_row

officer = User.objects.create_user("pusat@example.org", "x-Kuat-2026!", role="national")
rows = [board_row(n, Perusahaan=f"PT Pekerja {{n % 3}}") for n in range({ROWS})]
buffer = io.StringIO()
writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
writer.writeheader()
writer.writerows(rows)
upload = SimpleUploadedFile("besar.csv", buffer.getvalue().encode())
with transaction.atomic():
    run = imports.start_import(kind="vacancies", policy="skip", upload=upload, by=officer)
print("RUN", run.pk)
"""

CHECK = """
from employers.models import Employer, ImportRun, Vacancy
from placement.accounts.models import AuditEvent
run = ImportRun.objects.get(pk={pk})
print("STATUS", run.status, run.rows_total, run.rows_imported, run.rows_failed)
print("PARTS", run.chunks.count(), run.chunks.filter(status="done").count())
print("PROCESSES", len({{c.counts.get("process") for c in run.chunks.all()}}))
print("VACANCIES", Vacancy.objects.filter(import_run=run).count())
print("EMPLOYERS", Employer.objects.filter(name__startswith="PT Pekerja").count())
print("ENDED", AuditEvent.objects.filter(
    object_type="employers.importrun", object_id=str(run.pk), action="create").count())
"""


def _shell(env: dict, script: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT, env=env, check=True, timeout=300, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout


def test_a_large_file_is_shared_by_two_worker_processes_and_ends_once(env, tmp_path):
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "placement", "worker", "-c", "2",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"],
            cwd=ROOT, env=env, start_new_session=True, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        pk = int(re.search(r"RUN (\d+)", _shell(env, START)).group(1))
        deadline = time.monotonic() + 300  # a worker starts slowly on a loaded machine
        parts = ROWS // PART
        while time.monotonic() < deadline:
            finished = re.findall(r"run_import_chunk\[[^\]]+\] succeeded", log.read_text())
            if len(finished) >= parts:
                break
            time.sleep(1)
        time.sleep(2)
        report = _shell(env, CHECK.format(pk=pk))
        text = log.read_text()
        assert f"STATUS done {ROWS} {ROWS} 0" in report, (report, text[-3000:])
        assert f"PARTS {ROWS // PART} {ROWS // PART}" in report, report
        assert f"VACANCIES {ROWS}" in report and "EMPLOYERS 3" in report, report
        assert "ENDED 1" in report, report  # the run ended once
        assert "PROCESSES 2" in report, report  # both processes of the pool ran parts
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)

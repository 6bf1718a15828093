"""Backup and restore: a seeded PostgreSQL database and its media, restored into a fresh one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import fresh_postgres_databases

pytestmark = [pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]

SEED = """
import datetime
from pathlib import Path
from django.conf import settings
from officers.models import Office
from placement.ledger.models import Event
from placement.reports import services
offices = list(Office.objects.exclude(regency=None).order_by("code")[:5])
month = services.previous_month()
Event.objects.bulk_create([
    Event(kind=kind, occurred_on=month + datetime.timedelta(days=n % 27),
          subject_type="jobseekers.jobseeker", subject_id=n, office=office,
          regency_id=office.regency_id, province_id=office.province_id,
          sex="LP"[n % 2], age_group="20-29", education="3000", detail={"n": n})
    for n, (office, kind) in enumerate(
        (office, kind) for office in offices
        for kind in ("seeker_registered", "seeker_placed", "vacancy_registered") * 7)
])
services.build_month(month=month)
cv = Path(settings.MEDIA_ROOT) / "cv"
cv.mkdir(parents=True, exist_ok=True)
(cv / "a1b2.pdf").write_bytes(b"%PDF-1.4 test cv")
"""


def _manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _ipk(url: str) -> list[tuple]:
    import psycopg2

    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT month, region_code, tables::text, headline::text FROM reports_ipkreport "
                "ORDER BY month, region_code"
            )
            return cursor.fetchall()
    finally:
        connection.close()


def test_a_backup_restored_into_a_fresh_database_has_the_same_ledger_and_ipk_tables(tmp_path):
    source_url, target_url = fresh_postgres_databases(["backup_source", "backup_target"])
    common = {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)},
        "DEBUG": "1",
    }
    source = {**common, "DATABASE_URL": source_url, "VAR_DIR": str(tmp_path / "source")}
    target = {**common, "DATABASE_URL": target_url, "VAR_DIR": str(tmp_path / "target")}
    for args in (["migrate", "--noinput", "-v0"], ["load_reference_data"], ["shell", "-c", SEED]):
        result = _manage(source, *args)
        assert result.returncode == 0, result.stderr
    verified = _manage(source, "verify_ledger", "--json")
    assert verified.returncode == 0, verified.stderr
    ledger = json.loads(verified.stdout)
    assert ledger["ok"] and ledger["events"] == 5 * 21

    folder = tmp_path / "backup"
    result = _manage(source, "backup", str(folder))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["ledger"]["checksum"] == ledger["checksum"]
    assert set(manifest["files"]) == {"database.dump", "media.tar.gz"}
    # Everyone's personal data: readable by the service user only, whatever the umask.
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {(folder / name).stat().st_mode & 0o777 for name in manifest["files"]} == {0o600}

    # A restore refuses without --yes, and refuses a backup whose file changed.
    assert _manage(target, "restore", str(folder)).returncode != 0
    tampered = tmp_path / "tampered"
    subprocess.run(["cp", "-r", str(folder), str(tampered)], check=True)
    with (tampered / "media.tar.gz").open("ab") as handle:
        handle.write(b"x")
    refused = _manage(target, "restore", str(tampered), "--yes")
    assert refused.returncode != 0 and "checksum" in refused.stderr

    result = _manage(target, "restore", str(folder), "--yes")
    assert result.returncode == 0, result.stderr
    restored = json.loads(_manage(target, "verify_ledger", "--json").stdout)
    assert restored == ledger
    assert _ipk(target_url) == _ipk(source_url) and len(_ipk(target_url)) > 0
    cv = tmp_path / "target" / "private" / "cv" / "a1b2.pdf"
    assert cv.read_bytes() == b"%PDF-1.4 test cv"
    # The restored database is a working installation: the schema is up to date.
    assert "No planned migration" in _manage(target, "migrate", "--plan").stdout

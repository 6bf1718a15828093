"""Moving offices, officers, their activity and the last contact to `placement.offices` keeps
every row: a database at the schema before the move, with rows in it, migrates forward intact.

Runs in a child process on a throwaway SQLite file, so the shared test database is untouched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import datetime, json
import django
django.setup()
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("officers", "0003_counselling_actions_seekercase"),
    ("jobseekers", "0003_cvdocument_cardsequence_consent"),
    ("ledger", "0002_append_only"),
    ("pipeline", "0002_referral_placement_followup"),
    ("contenttypes", "0002_remove_content_type_name"),
]
executor = MigrationExecutor(connection)
executor.migrate(BEFORE)
old = executor.loader.project_state(BEFORE).apps
Province = old.get_model("taxonomy", "Province")
Regency = old.get_model("taxonomy", "Regency")
province = Province.objects.create(code="62", name="Kalimantan Tengah")
regency = Regency.objects.create(code="62.71", name="Kota Palangka Raya", province=province)
Office = old.get_model("officers", "Office")
office = Office.objects.create(
    code="62.71", level="regency", name="Disnaker Palangka Raya", province=province, regency=regency
)
user = old.get_model("accounts", "User").objects.create(email="alice@example.org", role="officer")
officer = old.get_model("officers", "Officer").objects.create(user=user, office=office, nip="1")
now = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.timezone.utc)
old.get_model("officers", "Activity").objects.create(
    officer=officer, office=office, kind="referral", at=now, evidence={"note": "kept"}
)
seeker = old.get_model("jobseekers", "JobSeeker").objects.create(
    full_name="Siti", regency=regency, office=office, status="active"
)
old.get_model("officers", "SeekerCase").objects.create(
    seeker=seeker, last_contact_on=datetime.date(2026, 11, 2), last_contact_kind="referral",
    office=office,
)
old.get_model("officers", "CounsellingSession").objects.create(
    kind="individual", office=office, officer=officer, held_on=datetime.date(2026, 11, 2)
)
old.get_model("ledger", "Event").objects.create(
    kind="seeker_registered", occurred_on=datetime.date(2026, 11, 2),
    subject_type="jobseekers.jobseeker", subject_id=seeker.pk, office=office, regency=regency,
)
old.get_model("contenttypes", "ContentType").objects.create(app_label="officers", model="office")

executor = MigrationExecutor(connection)
executor.migrate(executor.loader.graph.leaf_nodes())

from django.contrib.contenttypes.models import ContentType
from jobseekers.models import JobSeeker
from officers.models import CounsellingSession
from placement.ledger.models import Event
from placement.offices.models import Activity, Office, Officer, SeekerCase

activity = Activity.objects.get()
print(json.dumps({
    "office": Office.objects.get().code,
    "officer": Officer.objects.get().user.email,
    "activity": [activity.office.code, activity.officer.nip, activity.evidence],
    "case": [SeekerCase.objects.get().office.code, JobSeeker.objects.get().case.last_contact_kind],
    "seeker_office": JobSeeker.objects.get().office.code,
    "session_officer": CounsellingSession.objects.get().officer.user.email,
    "event_office": Event.objects.get().office.code,
    "content_type": ContentType.objects.get(model="office").app_label,
}))
"""


def test_moving_offices_to_the_ground_floor_keeps_existing_rows(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "placement.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'before.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = json.loads(done.stdout.strip().splitlines()[-1])
    assert rows == {
        "office": "62.71",
        "officer": "alice@example.org",
        "activity": ["62.71", "1", {"note": "kept"}],
        "case": ["62.71", "referral"],
        "seeker_office": "62.71",
        "session_officer": "alice@example.org",
        "event_office": "62.71",
        "content_type": "offices",
    }

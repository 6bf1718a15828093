"""Default standard times of the workload report (Permenaker 10/2023 method).

ASSUMPTIONS. The regulation fixes the method -- sum of (volume x standard time) / 1,250 effective
hours a year (235 working days x 5.5 hours, rounded) -- but its annex with the per-activity
standard times was not available (DOMAIN.md §4, [U]). These minutes are the team's estimates of
one activity done well at a regency office; the national administrator edits them on
/officer/reports/workload/standard-times/ and every change is audited.
"""

from django.db import migrations

DEFAULTS = [
    # kind, minutes, per unit of quantity, basis
    ("seeker_verified", 15, False, "Check documents, verify the registration, issue the AK/I card"),
    ("seeker_updated", 10, False, "Update a seeker's record at the counter"),
    ("employer_verified", 20, False, "Check the NIB and company documents, verify the employer"),
    ("vacancy_verified", 15, False, "Check an AK/III vacancy report against Perpres 57/2023"),
    ("vacancy_returned", 10, False, "Write the reason and return a vacancy report"),
    ("interview", 30, False, "AK/II interview and data sheet"),
    ("counselling_individual", 45, False, "One individual guidance session (bimbingan jabatan)"),
    ("counselling_group", 90, False, "One group guidance session, whatever its size"),
    ("referral", 20, False, "Select, refer and issue the referral letter (surat pengantar)"),
    ("placement", 20, False, "Record a placement and close the AK/I card"),
    ("follow_up", 15, False, "Three-month follow-up call after a placement"),
    ("import", 30, False, "Prepare, run and check one data import"),
    ("report", 120, False, "Check and sign off one month's IPK tables"),
]


def forwards(apps, schema_editor) -> None:
    StandardTime = apps.get_model("reports", "StandardTime")
    existing = set(StandardTime.objects.values_list("kind", flat=True))
    StandardTime.objects.bulk_create(
        [
            StandardTime(kind=kind, minutes=minutes, per_unit=per_unit, basis=basis)
            for kind, minutes, per_unit, basis in DEFAULTS
            if kind not in existing
        ]
    )


def backwards(apps, schema_editor) -> None:
    StandardTime = apps.get_model("reports", "StandardTime")
    StandardTime.objects.filter(kind__in=[row[0] for row in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]

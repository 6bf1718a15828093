"""Workload and staffing need, standard times, and the officers' activity with SKP evidence."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from placement.accounts.models import AuditEvent
from placement.offices.models import Activity, Officer
from placement.reports.models import StandardTime
from placement.reports.workload import effective_hours, workload
from tests.factories import OfficerFactory

FIRST, LAST = date(2025, 1, 1), date(2025, 12, 1)
PERIOD = {"first": "2025-01", "last": "2025-12"}


def log(officer: Officer, kind: str, n: int = 1, *, on: date = date(2025, 5, 6), quantity=1):
    at = datetime(on.year, on.month, on.day, 10, tzinfo=timezone.get_current_timezone())
    Activity.objects.bulk_create(
        [
            Activity(
                officer=officer,
                office=officer.office,
                kind=kind,
                at=at,
                quantity=quantity,
                evidence={"note": "AK/II"},
            )
            for _ in range(n)
        ]
    )


@pytest.fixture
def activity(alice, bob):
    """Alice (62.71): 1,000 interviews and 100 group sessions of 20; Bob (62.01): 50 referrals."""
    log(alice.officer_profile, "interview", 1000)
    log(alice.officer_profile, "counselling_group", 100, quantity=20)
    log(alice.officer_profile, "referral", 3, on=date(2024, 12, 31))  # before the period
    log(bob.officer_profile, "referral", 50)


def test_the_default_standard_times_are_loaded_by_the_migration(db):
    minutes = dict(StandardTime.objects.values_list("kind", "minutes"))
    assert minutes["interview"] == 30
    assert minutes["counselling_group"] == 90
    assert len(minutes) == len(Activity.Kind.choices)


def test_officers_needed_are_volume_times_standard_time_over_1250_hours(activity):
    result = workload(region_code="62.71", first=FIRST, last=LAST)
    assert result.effective_hours == 1250
    # 1,000 x 30 min + 100 sessions x 90 min (a group session counts once) = 650 hours.
    assert result.total.hours == 650
    assert result.total.needed == round(650 / 1250, 2)
    assert result.total.in_post == 1
    interview = next(k for k in result.kinds if k.kind == "interview")
    assert (interview.volume, interview.minutes, interview.hours) == (1000, 30, 500)


def test_a_province_shows_each_office_and_a_half_year_has_half_the_hours(activity):
    result = workload(region_code="62", first=date(2025, 1, 1), last=date(2025, 6, 1))
    assert result.effective_hours == effective_hours(date(2025, 1, 1), date(2025, 6, 1)) == 625
    lines = {line.code: line for line in result.lines}
    assert lines["62.71"].hours == 650
    assert lines["62.01"].hours == round(50 * 20 / 60, 1)
    assert lines["62"].in_post == 0
    assert result.total.in_post == 2


def test_a_kind_timed_per_unit_counts_its_quantity(activity):
    StandardTime.objects.filter(kind="counselling_group").update(per_unit=True, minutes=10)
    result = workload(region_code="62.71", first=FIRST, last=LAST)
    assert result.total.hours == pytest.approx(500 + 100 * 20 * 10 / 60, abs=0.1)


def test_the_workload_page_is_scoped(client, alice, activity):
    client.force_login(alice)
    response = client.get("/officer/reports/workload/", PERIOD)
    assert response.status_code == 200
    assert "650" in response.content.decode()
    assert (
        client.get("/officer/reports/workload/", {**PERIOD, "region": "62.01"}).status_code == 404
    )
    assert client.get("/officer/reports/workload/", {**PERIOD, "region": "62"}).status_code == 404


def test_the_national_workload_lists_every_province(client, nadia, activity):
    client.force_login(nadia)
    response = client.get("/officer/reports/workload/", PERIOD)
    assert response.status_code == 200
    assert response.content.decode().count('href="?region=') == 38


def test_a_period_ending_before_it_starts_is_an_error_at_the_field(client, alice, db):
    client.force_login(alice)
    response = client.get("/officer/reports/workload/", {"first": "2025-06", "last": "2025-01"})
    assert response.status_code == 400
    assert 'id="id_last_error"' in response.content.decode()


def test_only_the_national_administrator_edits_standard_times(client, alice, victor, db):
    for user in (alice, victor):
        client.force_login(user)
        assert client.get("/officer/reports/workload/standard-times/").status_code == 404


def formset_data(**changes) -> dict:
    rows = list(StandardTime.objects.order_by("kind"))
    data = {
        "form-TOTAL_FORMS": len(rows),
        "form-INITIAL_FORMS": len(rows),
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(rows):
        data[f"form-{i}-id"] = row.pk
        data[f"form-{i}-minutes"] = changes.get(row.kind, row.minutes)
        data[f"form-{i}-basis"] = row.basis
        if row.per_unit:
            data[f"form-{i}-per_unit"] = "on"
    return data


def test_the_national_administrator_changes_a_standard_time_and_it_is_audited(client, nadia):
    client.force_login(nadia)
    assert client.get("/officer/reports/workload/standard-times/").status_code == 200
    response = client.post("/officer/reports/workload/standard-times/", formset_data(interview=40))
    assert response.status_code == 302
    assert StandardTime.objects.get(kind="interview").minutes == 40
    entry = AuditEvent.objects.get(object_type="reports.standardtime")
    assert entry.detail["before"]["minutes"] == 30
    assert entry.detail["after"]["minutes"] == 40


def test_an_invalid_standard_time_saves_nothing(client, nadia):
    client.force_login(nadia)
    response = client.post(
        "/officer/reports/workload/standard-times/", formset_data(interview=-5, referral=25)
    )
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert StandardTime.objects.get(kind="interview").minutes == 30
    assert StandardTime.objects.get(kind="referral").minutes == 20


def test_an_officer_sees_only_their_own_activity(client, alice, activity):
    client.force_login(alice)
    response = client.get("/officer/reports/officers/", PERIOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert alice.get_full_name() in html
    assert "bob@example.org" not in html
    bob_officer = Officer.objects.get(user__email="bob@example.org")
    assert client.get(f"/officer/reports/officers/{bob_officer.pk}/").status_code == 404


def test_a_supervisor_sees_the_officers_of_the_region(
    client, victor, alice, bob, activity, django_assert_max_num_queries
):
    outsider = OfficerFactory(office__code="31.71", user__email="oscar@example.org")
    client.force_login(victor)
    with django_assert_max_num_queries(13):  # +1: the bell's unread count
        response = client.get("/officer/reports/officers/", PERIOD)
    html = response.content.decode()
    assert alice.get_full_name() in html and bob.get_full_name() in html
    assert outsider.user.get_full_name() not in html
    assert client.get(f"/officer/reports/officers/{outsider.pk}/").status_code == 404
    detail = client.get(f"/officer/reports/officers/{alice.officer_profile.pk}/", PERIOD)
    assert detail.status_code == 200
    assert "1100" in detail.content.decode()  # services delivered


def test_the_evidence_export_lists_every_activity_and_is_audited(client, victor, alice, activity):
    client.force_login(victor)
    pk = alice.officer_profile.pk
    response = client.get(f"/officer/reports/officers/{pk}/evidence/xlsx/", PERIOD)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1100
    assert rows[0][2] == "interview"
    assert rows[0][5] == "note: AK/II"
    assert AuditEvent.objects.filter(action="export", object_type="offices.officer").count() == 1
    csv_response = client.get(f"/officer/reports/officers/{pk}/evidence/csv/", PERIOD)
    assert csv_response.content.decode("utf-8-sig").count("\n") == 1101


def test_the_evidence_of_another_regions_officer_is_404(client, bob, alice, activity):
    client.force_login(bob)
    pk = alice.officer_profile.pk
    assert client.get(f"/officer/reports/officers/{pk}/evidence/csv/", PERIOD).status_code == 404

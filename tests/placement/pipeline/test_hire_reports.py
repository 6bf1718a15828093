""" "I got a job": the seeker reports, the officer confirms; one placement, counted once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from jobseekers import services as seeker_services
from placement.ledger.models import Event
from placement.pipeline import services
from placement.pipeline.models import HireReport, Placement
from placement.reports.services import compute_region
from placement.taxonomy.models import Occupation, Regency
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(alice):
    today = timezone.localdate()
    return seeker_services.verify_jobseeker(
        seeker=JobSeekerFactory(), officer=alice, on=today.replace(day=1)
    )


def _report(seeker, **overrides):
    values = {
        "seeker": seeker,
        "actor": seeker.user,
        "employer_name": "CV  Maju Jaya",
        "job_title": "Kasir",
        "started_on": timezone.localdate(),
        "occupation": Occupation.objects.get(code="5230"),
        "work_regency": Regency.objects.get(code="62.01"),
    }
    values.update(overrides)
    return services.report_hire(**values)


def test_a_confirmed_report_is_one_placement_found_by_the_seeker_counted_once(alice, holder):
    report = _report(holder)
    assert report.status == "pending" and report.employer_name == "CV Maju Jaya"
    assert not Event.objects.filter(kind="seeker_placed").exists()  # nothing counted yet
    placement = services.confirm_hire_report(
        report=report, officer=alice, employer_type="private", industry_section="G"
    )
    report.refresh_from_db()
    holder.refresh_from_db()
    assert report.status == "confirmed" and report.placement == placement
    assert (placement.source, placement.reported_by) == ("outside", "seeker")
    assert placement.scope == "AKAD"  # lives in 62.71, works in 62.01
    assert holder.status == "placed"
    with pytest.raises(services.HireReportRefused):
        services.confirm_hire_report(report=report, officer=alice, employer_type="private")
    assert Placement.objects.count() == 1
    month = timezone.localdate().replace(day=1)
    tables = compute_region(month=month, region_code="62.71")
    placed = sum(
        n for row in tables["iii-1"]["seekers"].values() for n in row.get("placed", {}).values()
    )
    by_scope = sum(
        n for row in tables["iii-8"]["employer"].values() for n in row.get("AKAD", {}).values()
    )
    assert placed == 1 and by_scope == 1


def test_one_open_report_at_a_time_and_only_an_active_card(alice, holder):
    _report(holder)
    with pytest.raises(services.HireReportRefused):
        _report(holder)
    assert HireReport.objects.count() == 1
    with pytest.raises(services.HireReportRefused):
        _report(JobSeekerFactory())  # not verified


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"started_on": timezone.localdate() + timedelta(days=400)}, "started_on"),
        ({"started_on": date(2000, 1, 1)}, "started_on"),
        ({"country": "Malaysia"}, "country"),
        ({"work_regency": None}, "work_regency"),
    ],
)
def test_bad_reports_are_refused_on_their_field(holder, overrides, field):
    with pytest.raises(services.HireReportRefused) as refused:
        _report(holder, **overrides)
    assert refused.value.field == field
    assert not HireReport.objects.exists()


def test_a_dismissed_report_counts_nothing_and_the_card_stays(alice, holder):
    report = _report(holder)
    with pytest.raises(services.HireReportRefused):
        services.dismiss_hire_report(report=report, officer=alice, reason=" ")
    services.dismiss_hire_report(report=report, officer=alice, reason="Masih training, belum kerja")
    holder.refresh_from_db()
    assert holder.status == "active"
    assert not Placement.objects.exists()
    _report(holder)  # a new report is possible after the decision


def test_a_placement_recorded_meanwhile_makes_the_report_unconfirmable(alice, holder):
    report = _report(holder)
    services.record_placement(seeker=holder, by=alice, employer_name="X", employer_type="private")
    with pytest.raises(services.HireReportRefused):
        services.confirm_hire_report(report=report, officer=alice, employer_type="private")
    assert Event.objects.filter(kind="seeker_placed").count() == 1


def test_only_an_officer_confirms(holder):
    report = _report(holder)
    with pytest.raises(services.HireReportRefused):
        services.confirm_hire_report(report=report, officer=holder.user, employer_type="private")

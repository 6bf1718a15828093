"""The employer reports a hire from its candidates (issue 15): the report waits for an officer of
the seeker's region, who confirms it through record_placement; counted once in IPK III/1 and
III/8; the employer sees the status and the seeker is told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from jobseekers import services as seeker_services
from placement.ledger.models import Event
from placement.notifications.models import Notification
from placement.pipeline import services
from placement.pipeline.models import HireReport, Placement
from placement.reports.services import compute_region
from tests.factories import (
    ApplicationFactory,
    EmployerUserFactory,
    JobSeekerFactory,
    VacancyFactory,
)

pytestmark = pytest.mark.django_db


def _label(status) -> str:
    with translation.override("id"):  # pages speak Indonesian unless English was chosen
        return str(status.label)


@pytest.fixture
def vacancy():
    """A published cashier vacancy of a company in 62.71."""
    return VacancyFactory()


@pytest.fixture
def hr(vacancy):
    """erin-like: a user of the vacancy's company."""
    return EmployerUserFactory(employer=vacancy.employer).user


@pytest.fixture
def applicant(alice, vacancy):
    """An active card holder of 62.71 who applied to the vacancy."""
    seeker = seeker_services.verify_jobseeker(
        seeker=JobSeekerFactory(), officer=alice, on=timezone.localdate().replace(day=1)
    )
    ApplicationFactory(seeker=seeker, vacancy=vacancy)
    return seeker


def test_the_employer_reports_a_future_start_and_the_officer_confirms_it_once(
    client, alice, hr, vacancy, applicant
):
    start = timezone.localdate() + timedelta(days=10)
    client.force_login(hr)
    page = client.get(f"/employer/vacancies/{vacancy.pk}/hires/")
    assert page.status_code == 200 and applicant.full_name in page.content.decode()
    response = client.post(
        f"/employer/vacancies/{vacancy.pk}/hires/",
        {
            "seeker": applicant.pk,
            "started_on_0": start.day,
            "started_on_1": start.month,
            "started_on_2": start.year,
        },
    )
    assert response.status_code == 302
    report = HireReport.objects.get()
    assert (report.reported_by, report.vacancy, report.started_on) == ("employer", vacancy, start)
    assert report.employer_name == vacancy.employer.name and report.job_title == vacancy.title
    assert not Event.objects.filter(kind="seeker_placed").exists()  # nothing counted yet
    notice = Notification.objects.get(user=applicant.user, event="seeker.hire_reported_by_employer")
    assert notice.context["employer"] == vacancy.employer.name

    page = client.get(f"/employer/vacancies/{vacancy.pk}/hires/").content.decode()
    assert _label(HireReport.Status.PENDING) in page

    client.force_login(alice)
    detail = client.get(f"/officer/hire-reports/{report.pk}/").content.decode()
    assert 'name="employer_type"' not in detail  # the vacancy's company gives it
    confirmed = client.post(f"/officer/hire-reports/{report.pk}/", {"action": "confirm"})
    assert confirmed.status_code == 302
    placement = Placement.objects.get()
    assert (placement.vacancy, placement.reported_by, placement.placed_on) == (
        vacancy,
        "employer",
        start,
    )
    with pytest.raises(services.HireReportRefused):
        services.confirm_hire_report(report=report, officer=alice)
    assert Placement.objects.count() == 1
    assert Event.objects.filter(kind="seeker_placed").count() == 1

    month = timezone.localdate().replace(day=1)
    tables = compute_region(month=month, region_code="62.71")
    placed = sum(
        n for row in tables["iii-1"]["seekers"].values() for n in row.get("placed", {}).values()
    )
    by_employer = sum(
        n
        for row in tables["iii-8"]["employer"].values()
        for scope in row.values()
        for n in scope.values()
    )
    assert placed == 1 and by_employer == 1

    client.force_login(hr)
    page = client.get(f"/employer/vacancies/{vacancy.pk}/hires/").content.decode()
    assert _label(HireReport.Status.CONFIRMED) in page


def test_only_the_companys_own_candidates_can_be_reported(client, hr, vacancy, applicant, alice):
    stranger = seeker_services.verify_jobseeker(seeker=JobSeekerFactory(), officer=alice)
    client.force_login(hr)
    response = client.post(
        f"/employer/vacancies/{vacancy.pk}/hires/",
        {
            "seeker": stranger.pk,
            "started_on_0": 1,
            "started_on_1": 1,
            "started_on_2": timezone.localdate().year,
        },
    )
    assert response.status_code == 400
    assert 'id="id_seeker_error"' in response.content.decode()
    assert not HireReport.objects.exists()


def test_another_companys_user_gets_404_and_cannot_report(client, vacancy, applicant):
    other = EmployerUserFactory().user
    client.force_login(other)
    assert client.get(f"/employer/vacancies/{vacancy.pk}/hires/").status_code == 404
    with pytest.raises(services.HireReportRefused):
        services.report_hire_by_employer(
            vacancy=vacancy, seeker=applicant, actor=other, started_on=timezone.localdate()
        )
    assert not HireReport.objects.exists()


def test_a_seeker_and_an_officer_cannot_use_the_employer_page(client, vacancy, applicant, alice):
    client.force_login(applicant.user)
    assert client.get(f"/employer/vacancies/{vacancy.pk}/hires/").status_code in (403, 404)
    client.force_login(alice)
    assert client.get(f"/employer/vacancies/{vacancy.pk}/hires/").status_code in (403, 404)


def test_one_open_report_per_person_and_a_start_too_far_ahead_is_refused(hr, vacancy, applicant):
    today = timezone.localdate()
    with pytest.raises(services.HireReportRefused) as refused:
        services.report_hire_by_employer(
            vacancy=vacancy, seeker=applicant, actor=hr, started_on=today + timedelta(days=400)
        )
    assert refused.value.field == "started_on"
    services.report_hire_by_employer(vacancy=vacancy, seeker=applicant, actor=hr, started_on=today)
    with pytest.raises(services.HireReportRefused):
        services.report_hire_by_employer(
            vacancy=vacancy, seeker=applicant, actor=hr, started_on=today
        )
    assert HireReport.objects.count() == 1


def test_the_officer_of_another_region_does_not_see_the_report(client, hr, vacancy, applicant, bob):
    report = services.report_hire_by_employer(
        vacancy=vacancy, seeker=applicant, actor=hr, started_on=timezone.localdate()
    )
    client.force_login(bob)
    assert client.get(f"/officer/hire-reports/{report.pk}/").status_code == 404

"""Placements: AKL/AKAD/AKAN, the card, the vacancy's filled count, the ledger, follow-ups."""

# The casework fixtures (personas' records) are shared with tests/officers through its conftest:
# imported here, they are pytest fixtures used as parameters, not redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from employers.models import Vacancy
from jobseekers.models import JobSeeker
from jobseekers.services import add_months
from placement.ledger.models import Event, EventKind
from placement.offices.models import Activity
from placement.pipeline import services
from placement.pipeline.models import FollowUp, Placement
from placement.pipeline.services import placement_scope
from tests.factories import (
    ApplicationFactory,
    EmployerFactory,
    EmployerUserFactory,
    JobSeekerFactory,
    VacancyFactory,
)
from tests.officers.conftest import andi, arut, dewi, kahayan, kasir, rina, sopir  # noqa: F401


def test_the_same_regency_is_akl_another_is_akad_and_abroad_is_akan():
    assert placement_scope(home_regency="62.71", work_regency="62.71", abroad=False) == "AKL"
    assert placement_scope(home_regency="62.71", work_regency="62.01", abroad=False) == "AKAD"
    assert placement_scope(home_regency="62.71", work_regency="31.71", abroad=False) == "AKAD"
    assert placement_scope(home_regency="62.71", work_regency=None, abroad=True) == "AKAN"


def test_with_a_provincial_boundary_the_whole_province_is_akl(settings):
    settings.ANTARKERJA = {**settings.ANTARKERJA, "AKL_BOUNDARY": "province"}
    assert placement_scope(home_regency="62.71", work_regency="62.01", abroad=False) == "AKL"
    assert placement_scope(home_regency="62.71", work_regency="63.71", abroad=False) == "AKAD"


def test_a_hire_places_the_seeker_fills_the_vacancy_and_writes_the_ledger(alice, dewi, kasir):
    placement = services.record_placement(seeker=dewi, vacancy=kasir, by=alice)
    dewi.refresh_from_db()
    kasir.refresh_from_db()
    assert dewi.status == JobSeeker.Status.PLACED
    assert kasir.filled_count == 1 and kasir.status == Vacancy.Status.PUBLISHED
    assert placement.scope == "AKL"
    assert placement.employer_type == "private"
    assert placement.industry_section == kasir.employer.industry.section
    event = Event.objects.get(kind=EventKind.SEEKER_PLACED, subject_id=dewi.pk)
    assert event.regency_id == "62.71" and event.office.code == "62.71"
    assert event.placement_scope == "AKL" and event.employer_type == "private"
    assert event.industry_section == "G" and event.occupation_group == "5"
    assert event.sex == "P" and event.education == "3000" and event.age_group
    assert Event.objects.filter(kind=EventKind.VACANCY_FILLED, subject_id=kasir.pk).count() == 1
    assert Activity.objects.filter(kind="placement", officer__user=alice).count() == 1
    follow_up = FollowUp.objects.get(placement=placement)
    assert follow_up.due_on == add_months(timezone.localdate(), 3) and follow_up.done_on is None


def test_the_last_open_position_closes_the_vacancy_as_filled(alice, kahayan):
    vacancy = VacancyFactory(employer=kahayan, headcount=1)
    services.record_placement(seeker=JobSeekerFactory(verified=True), vacancy=vacancy, by=alice)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.FILLED and vacancy.filled_count == 1


def test_a_seeker_of_62_71_hired_in_62_01_is_akad_counted_at_home(bob, dewi, sopir):
    placement = services.record_placement(seeker=dewi, vacancy=sopir, by=bob)
    assert placement.scope == "AKAD"
    assert placement.regency_id == "62.71"
    event = Event.objects.get(kind=EventKind.SEEKER_PLACED, subject_id=dewi.pk)
    assert event.regency_id == "62.71" and event.province_id == "62"


def test_an_overseas_vacancy_is_akan(alice, dewi, kahayan):
    vacancy = VacancyFactory(
        employer=kahayan, regency=None, scope="AKAN", is_overseas=True, country="Malaysia"
    )
    assert services.record_placement(seeker=dewi, vacancy=vacancy, by=alice).scope == "AKAN"


def test_only_an_active_card_holder_can_be_placed(alice, rina, kasir):
    with pytest.raises(services.PlacementRefused):
        services.record_placement(seeker=rina, vacancy=kasir, by=alice)
    kasir.refresh_from_db()
    assert kasir.filled_count == 0
    assert not Placement.objects.exists()
    assert not Event.objects.filter(kind=EventKind.SEEKER_PLACED).exists()


def test_a_start_date_far_ahead_or_before_registration_is_refused(alice, dewi, kasir):
    # A start next week is fine (issue 14); half a year ahead is a typing mistake.
    far = timezone.localdate() + timedelta(days=services.placements.MAX_START_AHEAD_DAYS + 1)
    for day in (far, dewi.registered_on - timedelta(1)):
        with pytest.raises(services.PlacementRefused):
            services.record_placement(seeker=dewi, vacancy=kasir, by=alice, placed_on=day)
    assert not Placement.objects.exists()


def test_a_job_found_outside_needs_the_employer_and_its_type(alice, dewi):
    with pytest.raises(services.PlacementRefused):
        services.record_placement(seeker=dewi, by=alice, employer_name="Warung Bu Ani")
    placement = services.record_placement(
        seeker=dewi,
        by=alice,
        employer_name="Warung Bu Ani",
        employer_type="individual",
        industry_section="I",
        reported_by="seeker",
    )
    assert placement.source == "outside" and placement.scope == "AKL"
    assert placement.reported_by == "seeker"


def test_when_the_employer_marks_an_application_hired_a_placement_results(erin, dewi, kasir):
    application = ApplicationFactory(seeker=dewi, vacancy=kasir)
    services.change_application_status(application=application, status="hired", by=erin)
    placement = Placement.objects.get(application=application)
    assert placement.source == "application" and placement.vacancy == kasir
    dewi.refresh_from_db()
    assert dewi.status == JobSeeker.Status.PLACED
    assert not Activity.objects.exists()  # the employer did it, not an officer


def test_a_hire_that_cannot_be_placed_leaves_the_application_open(erin, dewi, kasir, alice):
    application = ApplicationFactory(seeker=dewi, vacancy=kasir)
    services.record_placement(seeker=dewi, by=alice, employer_name="X", employer_type="other")
    with pytest.raises(services.ApplicationRefused):
        services.change_application_status(application=application, status="hired", by=erin)
    application.refresh_from_db()
    assert application.status == "submitted"


def test_the_follow_up_is_recorded_once_with_the_answer(alice, dewi, kasir):
    placement = services.record_placement(seeker=dewi, vacancy=kasir, by=alice)
    follow_up = services.record_follow_up(follow_up=placement.follow_up, answer="yes", by=alice)
    assert follow_up.done_on == timezone.localdate() and follow_up.still_employed == "yes"
    assert Activity.objects.filter(kind="follow_up").count() == 1
    with pytest.raises(services.PlacementRefused):
        services.record_follow_up(follow_up=follow_up, answer="maybe", by=alice)


# --- Pages -----------------------------------------------------------------------------------


def test_the_officer_records_a_job_found_outside_on_the_page(client, alice, dewi):
    client.force_login(alice)
    url = f"/officer/placements/new/?seeker={dewi.pk}"
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    response = client.post(
        "/officer/placements/new/",
        {
            "seeker": dewi.pk,
            "reported_by": "seeker",
            "placed_on_0": today.day,
            "placed_on_1": today.month,
            "placed_on_2": today.year,
            "employer_name": "Koperasi Maju",
            "employer_type": "cooperative",
            "industry_section": "A",
        },
    )
    placement = Placement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/officer/placements/{placement.pk}/"
    assert placement.employer_type == "cooperative" and placement.source == "outside"
    dewi.refresh_from_db()
    assert dewi.status == "placed"


def test_a_registered_employer_is_found_by_its_nib(client, alice, dewi, arut):
    client.force_login(alice)
    today = timezone.localdate()
    client.post(
        "/officer/placements/new/",
        {
            "seeker": dewi.pk,
            "reported_by": "employer",
            "placed_on_0": today.day,
            "placed_on_1": today.month,
            "placed_on_2": today.year,
            "nib": arut.nib,
        },
    )
    placement = Placement.objects.get()
    assert placement.employer == arut and placement.scope == "AKAD"


def test_bad_input_on_the_outside_placement_shows_errors_and_saves_nothing(client, alice, dewi):
    client.force_login(alice)
    response = client.post(
        "/officer/placements/new/",
        {
            "seeker": dewi.pk,
            "reported_by": "seeker",
            "placed_on_0": "31",
            "placed_on_1": "2",
            "placed_on_2": "2026",
            "nib": "12",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_placed_on_error"' in html and 'id="id_nib_error"' in html
    assert not Placement.objects.exists()


def test_the_occupation_picker_search_saves_nothing(client, alice, dewi):
    client.force_login(alice)
    response = client.post(
        "/officer/placements/new/",
        {"seeker": dewi.pk, "occupation_q": "kasir", "occupation_search": "1"},
    )
    assert response.status_code == 200
    assert "5230" in response.content.decode()
    assert not Placement.objects.exists()


def test_the_placement_pages_of_another_regency_answer_404(client, alice, bob, dewi, kasir):
    placement = services.record_placement(seeker=dewi, vacancy=kasir, by=alice)
    client.force_login(bob)
    assert client.get(f"/officer/placements/{placement.pk}/").status_code == 404
    assert client.get(f"/officer/placements/new/?seeker={dewi.pk}").status_code == 404
    assert (
        client.post(
            f"/officer/follow-ups/{placement.follow_up.pk}/", {"still_employed": "yes"}
        ).status_code
        == 404
    )
    assert "Dewi" not in client.get("/officer/placements/").content.decode()
    placement.follow_up.refresh_from_db()
    assert placement.follow_up.done_on is None


def test_follow_ups_due_are_queued_and_recorded_in_the_case_file(client, alice, dewi, kasir):
    long_ago = timezone.localdate() - timedelta(days=120)
    JobSeeker.objects.filter(pk=dewi.pk).update(registered_on=long_ago - timedelta(days=30))
    placement = services.record_placement(seeker=dewi, vacancy=kasir, by=alice, placed_on=long_ago)
    client.force_login(alice)
    queue = client.get("/officer/follow-ups/").content.decode()
    assert "Dewi Palangka" in queue
    response = client.post(
        f"/officer/follow-ups/{placement.follow_up.pk}/", {"still_employed": "no"}
    )
    assert response.status_code == 302
    assert "Dewi Palangka" not in client.get("/officer/follow-ups/").content.decode()
    casework = client.get(f"/officer/seekers/{dewi.pk}/casework/").content.decode()
    assert str(FollowUp.Answer.NO.label) in casework


def test_the_placement_list_is_scoped_and_bounded(
    client, alice, carol, dewi, andi, kasir, sopir, django_assert_max_num_queries
):
    services.record_placement(seeker=dewi, vacancy=kasir, by=alice)
    services.record_placement(seeker=andi, vacancy=sopir, by=carol)
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        html = client.get("/officer/placements/").content.decode()
    assert "Dewi Palangka" in html and "Andi Kobar" not in html
    client.force_login(carol)
    html = client.get("/officer/placements/?scope=AKL").content.decode()
    assert "Dewi Palangka" in html and "Andi Kobar" in html


def test_the_placement_pages_refuse_the_wrong_method_and_anonymous_visitors(client, alice, dewi):
    assert client.get("/officer/placements/").status_code == 302
    client.force_login(alice)
    assert client.post("/officer/placements/").status_code == 405
    assert client.get("/officer/follow-ups/1/").status_code == 405


# --- API -------------------------------------------------------------------------------------


def test_the_placements_api_is_scoped_for_officers_employers_and_seekers(
    alice, bob, erin, dewi, kasir
):
    from rest_framework.test import APIClient

    services.record_placement(seeker=dewi, vacancy=kasir, by=alice)
    api = APIClient()
    for user, expected in ((alice, 1), (bob, 0), (erin, 1), (dewi.user, 1)):
        api.force_authenticate(user)
        rows = api.get("/api/v1/placements/").json()["results"]
        assert len(rows) == expected, user
    api.force_authenticate(alice)
    row = api.get("/api/v1/placements/").json()["results"][0]
    assert row["scope"] == "AKL" and row["home_regency"] == "62.71"
    assert "nik" not in row
    other = EmployerUserFactory(employer=EmployerFactory()).user
    api.force_authenticate(other)
    assert api.get("/api/v1/placements/").json()["results"] == []
    api.force_authenticate(None)
    assert api.get("/api/v1/placements/").status_code == 401

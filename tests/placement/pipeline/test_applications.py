"""Applications: verified seekers apply, employers answer, nobody sees what is not theirs."""

from __future__ import annotations

import pytest

from jobseekers.models import JobSeeker, SeekerSkill
from placement.accounts.models import AuditEvent
from placement.pipeline import services
from placement.pipeline.models import Application
from placement.taxonomy.models import Skill
from tests.factories import (
    ApplicationFactory,
    EmployerUserFactory,
    JobSeekerFactory,
    UserFactory,
    VacancyFactory,
)


@pytest.fixture
def sam_seeker(sam):
    """sam, a verified (active) seeker of 62.71 with a skill."""
    seeker = JobSeekerFactory(user=sam, verified=True, full_name="Samuel Tarigan")
    SeekerSkill.objects.create(seeker=seeker, skill=Skill.objects.get(label_en="count money"))
    return seeker


@pytest.fixture
def erin_vacancy(erin):
    return VacancyFactory(employer=EmployerUserFactory(user=erin).employer, title="Kasir Erin")


# --- Services -----------------------------------------------------------------------------------


def test_an_active_seeker_applies_once_to_an_open_vacancy(db, sam_seeker, erin_vacancy):
    application = services.apply_to_vacancy(
        seeker=sam_seeker, vacancy=erin_vacancy, note="  Siap kerja.  "
    )
    assert application.status == "submitted" and application.note == "Siap kerja."
    with pytest.raises(services.ApplicationRefused):
        services.apply_to_vacancy(seeker=sam_seeker, vacancy=erin_vacancy)
    assert Application.objects.count() == 1


@pytest.mark.parametrize("status", ["submitted", "draft", "removed", "placed"])
def test_a_seeker_who_is_not_active_cannot_apply(db, erin_vacancy, status):
    seeker = JobSeekerFactory(status=status)
    with pytest.raises(services.ApplicationRefused):
        services.apply_to_vacancy(seeker=seeker, vacancy=erin_vacancy)
    assert not Application.objects.exists()


def test_nobody_applies_to_a_vacancy_that_is_not_open(db, sam_seeker):
    for vacancy in (
        VacancyFactory(status="submitted"),
        VacancyFactory(status="filled"),
        VacancyFactory(headcount=1, filled_count=1),
    ):
        with pytest.raises(services.ApplicationRefused):
            services.apply_to_vacancy(seeker=sam_seeker, vacancy=vacancy)


def test_the_employer_moves_an_application_forward_never_back(db, erin, erin_vacancy):
    application = ApplicationFactory(vacancy=erin_vacancy)
    services.change_application_status(application=application, status="shortlisted", by=erin)
    with pytest.raises(services.ApplicationRefused):
        services.change_application_status(application=application, status="seen", by=erin)
    services.change_application_status(application=application, status="hired", by=erin)
    with pytest.raises(services.ApplicationRefused):
        services.change_application_status(application=application, status="rejected", by=erin)
    application.refresh_from_db()
    assert application.status == "hired"


def test_the_seeker_withdraws_an_open_application_only(db, sam, sam_seeker, erin_vacancy):
    application = ApplicationFactory(seeker=sam_seeker, vacancy=erin_vacancy)
    services.withdraw_application(application=application, by=sam)
    application.refresh_from_db()
    assert application.status == "withdrawn"
    with pytest.raises(services.ApplicationRefused):
        services.withdraw_application(application=application, by=sam)


# --- Pages: seekers -----------------------------------------------------------------------------


def test_a_verified_seeker_applies_from_the_vacancy_page(client, sam, sam_seeker, erin_vacancy):
    client.force_login(sam)
    page = client.get(f"/vacancies/{erin_vacancy.pk}/").content.decode()
    assert f'action="/applications/apply/{erin_vacancy.pk}/"' in page
    response = client.post(f"/applications/apply/{erin_vacancy.pk}/", {"note": "Halo."})
    assert response.status_code == 302 and response["Location"] == "/applications/mine/"
    mine = client.get("/applications/mine/").content.decode()
    assert "Kasir Erin" in mine
    assert Application.objects.get().note == "Halo."


def test_a_seeker_who_is_not_verified_sees_why_and_cannot_apply(client, sam, erin_vacancy):
    JobSeekerFactory(user=sam, status=JobSeeker.Status.SUBMITTED)
    client.force_login(sam)
    page = client.get(f"/vacancies/{erin_vacancy.pk}/").content.decode()
    assert "AK/I" in page and 'action="/applications/apply/' not in page
    response = client.post(f"/applications/apply/{erin_vacancy.pk}/", {"note": ""})
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_a_note_longer_than_allowed_is_an_error_and_nothing_is_saved(
    client, sam, sam_seeker, erin_vacancy
):
    client.force_login(sam)
    response = client.post(f"/applications/apply/{erin_vacancy.pk}/", {"note": "x" * 2001})
    assert response.status_code == 400
    assert 'id="id_note_error"' in response.content.decode()
    assert not Application.objects.exists()


def test_applying_asks_anonymous_visitors_to_sign_in(client, erin_vacancy):
    response = client.post(f"/applications/apply/{erin_vacancy.pk}/", {"note": ""})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Application.objects.exists()


def test_employers_and_officers_cannot_apply(client, alice, erin, erin_vacancy):
    for user in (alice, erin):
        client.force_login(user)
        assert client.post(f"/applications/apply/{erin_vacancy.pk}/").status_code == 404
    assert not Application.objects.exists()


def test_applying_to_an_unpublished_vacancy_answers_404(client, sam, sam_seeker):
    vacancy = VacancyFactory(status="submitted")
    client.force_login(sam)
    assert client.post(f"/applications/apply/{vacancy.pk}/").status_code == 404


def test_a_seeker_sees_only_their_own_applications(
    client, sam, sam_seeker, erin_vacancy, django_assert_max_num_queries
):
    ApplicationFactory(seeker=sam_seeker, vacancy=erin_vacancy)
    ApplicationFactory(vacancy=VacancyFactory(title="Lamaran Orang Lain"))
    client.force_login(sam)
    with django_assert_max_num_queries(10):
        html = client.get("/applications/mine/").content.decode()
    assert "Kasir Erin" in html and "Lamaran Orang Lain" not in html


def test_a_seeker_cannot_withdraw_someone_else_application(client, sam, sam_seeker):
    other = ApplicationFactory()
    client.force_login(sam)
    assert client.post(f"/applications/{other.pk}/withdraw/").status_code == 404
    other.refresh_from_db()
    assert other.status == "submitted"


def test_the_my_applications_page_is_for_seekers_only(client, erin, db):
    assert client.get("/applications/mine/").status_code == 302
    client.force_login(erin)
    assert client.get("/applications/mine/").status_code == 404


# --- Pages: employers ---------------------------------------------------------------------------


def test_the_employer_sees_applicants_with_a_summary_but_never_nik_or_disability(
    client, erin, erin_vacancy, django_assert_max_num_queries
):
    seeker = JobSeekerFactory(
        verified=True,
        full_name="Rahmat Hidayat",
        has_disability=True,
        disability_note="Tunarungu ringan",
    )
    SeekerSkill.objects.create(seeker=seeker, skill=Skill.objects.get(label_en="count money"))
    application = ApplicationFactory(seeker=seeker, vacancy=erin_vacancy)
    ApplicationFactory.create_batch(3, vacancy=erin_vacancy)
    client.force_login(erin)
    with django_assert_max_num_queries(16):
        listing = client.get(f"/employer/vacancies/{erin_vacancy.pk}/applications/")
    html = listing.content.decode()
    assert "Rahmat Hidayat" in html and "Menghitung uang" in html
    detail = client.get(f"/employer/applications/{application.pk}/").content.decode()
    for secret in (seeker.nik, "Tunarungu", seeker.phone):
        assert secret not in html and secret not in detail
    assert "Kota Palangkaraya" in detail
    assert AuditEvent.objects.filter(
        actor=erin, action="view", object_id=str(seeker.pk), object_type="jobseekers.jobseeker"
    ).exists()


def test_the_applicant_contact_appears_once_shortlisted(client, erin, erin_vacancy):
    application = ApplicationFactory(vacancy=erin_vacancy)
    client.force_login(erin)
    response = client.post(
        f"/employer/applications/{application.pk}/status/", {"status": "shortlisted"}
    )
    assert response.status_code == 302
    detail = client.get(f"/employer/applications/{application.pk}/").content.decode()
    assert application.seeker.phone in detail


def test_a_status_the_rules_do_not_allow_is_an_error_on_the_field(client, erin, erin_vacancy):
    application = ApplicationFactory(vacancy=erin_vacancy, status="hired")
    client.force_login(erin)
    response = client.post(
        f"/employer/applications/{application.pk}/status/", {"status": "rejected"}
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == "hired"


def test_another_company_applicants_answer_404_on_pages(client, erin, fiona):
    EmployerUserFactory(user=erin)
    vacancy = VacancyFactory(employer=fiona.employer_membership.employer)
    application = ApplicationFactory(vacancy=vacancy)
    client.force_login(erin)
    assert client.get(f"/employer/vacancies/{vacancy.pk}/applications/").status_code == 404
    assert client.get(f"/employer/applications/{application.pk}/").status_code == 404
    response = client.post(
        f"/employer/applications/{application.pk}/status/", {"status": "rejected"}
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "submitted"


def test_the_status_action_refuses_get(client, erin, erin_vacancy):
    application = ApplicationFactory(vacancy=erin_vacancy)
    client.force_login(erin)
    assert client.get(f"/employer/applications/{application.pk}/status/").status_code == 405


# --- API ----------------------------------------------------------------------------------------


def test_the_api_lets_a_seeker_apply_and_list_only_their_applications(
    client, sam, sam_seeker, erin_vacancy
):
    ApplicationFactory(vacancy=VacancyFactory())
    client.force_login(sam)
    response = client.post(
        "/api/v1/applications/", {"vacancy": erin_vacancy.pk, "note": "Halo"}, "application/json"
    )
    assert response.status_code == 201, response.content
    again = client.post("/api/v1/applications/", {"vacancy": erin_vacancy.pk}, "application/json")
    assert again.status_code == 400
    listed = client.get("/api/v1/applications/").json()
    assert [row["vacancy"] for row in listed["results"]] == [erin_vacancy.pk]


def test_the_api_lists_applicants_to_the_employer_without_personal_identifiers(
    client, erin, erin_vacancy
):
    ApplicationFactory(vacancy=erin_vacancy)
    ApplicationFactory(vacancy=VacancyFactory())
    client.force_login(erin)
    rows = client.get("/api/v1/applications/").json()["results"]
    assert len(rows) == 1
    assert set(rows[0]["applicant"]) == {
        "name",
        "education",
        "experience_months",
        "regency",
        "skills",
    }


def test_the_api_status_change_of_another_company_application_answers_404(client, erin, fiona):
    EmployerUserFactory(user=erin)
    application = ApplicationFactory(
        vacancy=VacancyFactory(employer=fiona.employer_membership.employer)
    )
    client.force_login(erin)
    response = client.post(
        f"/api/v1/applications/{application.pk}/status/", {"status": "hired"}, "application/json"
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "submitted"


def test_officers_list_applications_of_their_region_seekers_only(client, alice, db):
    ApplicationFactory()  # the seeker lives in 62.71
    ApplicationFactory(seeker=JobSeekerFactory(verified=True, regency_id="62.01"))
    client.force_login(alice)
    rows = client.get("/api/v1/applications/").json()["results"]
    assert len(rows) == 1


def test_the_api_refuses_applications_from_other_roles_and_anonymous(client, erin_vacancy, db):
    response = client.post("/api/v1/applications/", {"vacancy": erin_vacancy.pk})
    assert response.status_code in (401, 403)
    client.force_login(UserFactory(email="emp@x.example", role="employer"))
    response = client.post(
        "/api/v1/applications/", {"vacancy": erin_vacancy.pk}, "application/json"
    )
    assert response.status_code == 404
    assert not Application.objects.exists()

"""Employer pages: registration, portal, colleagues and the vacancy report step by step."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation

from employers import services
from employers.models import Employer, EmployerUser, Vacancy
from placement.accounts.models import User
from placement.taxonomy.models import Industry, Occupation, Skill
from tests.factories import EmployerUserFactory, VacancyFactory

REGISTRATION = {
    "name": "PT Sinar Kahayan Mandiri",
    "nib": "1234567890123",
    "ownership": "private",
    "address": "Jl. Yos Sudarso No. 3",
    "regency": "62.71",
    "district": "",
    "contact_name": "Rina",
    "contact_email": "hrd@sinar.example",
    "contact_phone": "0536 3221234",
    "website": "",
    "full_name": "Rina Kartika",
    "email": "rina@sinar.example",
    "password1": "a long enough passphrase",
    "password2": "a long enough passphrase",
}


def registration(**overrides) -> dict:
    data = dict(REGISTRATION)
    data["industry"] = str(Industry.objects.current().get(code="47111").pk)
    data.update(overrides)
    return data


# --- Registration -------------------------------------------------------------------------------


def test_a_company_registers_and_sees_the_next_steps(client, db):
    response = client.post("/employer/register/", registration())
    assert response.status_code == 302
    employer = Employer.objects.get(nib="1234567890123")
    assert employer.status == "pending"
    done = client.get(response["Location"])
    assert "1234567890123" in done.content.decode()
    assert EmployerUser.objects.get(employer=employer).is_admin


@pytest.mark.parametrize(
    ("language", "subject"),
    [("en", "PT Sinar Kahayan Mandiri is verified"), ("id", "PT Sinar Kahayan Mandiri sudah")],
)
def test_who_registers_a_company_in_a_language_is_written_to_in_it(
    client, alice, language, subject, django_capture_on_commit_callbacks
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.post("/employer/register/", registration(regency="62.71"))
    employer = Employer.objects.get(nib="1234567890123")
    officer_language = "id" if language == "en" else "en"  # the officer works in the other one
    with translation.override(officer_language), django_capture_on_commit_callbacks(execute=True):
        services.verify_employer(employer=employer, by=alice)
    (message,) = [m for m in mail.outbox if m.to == ["rina@sinar.example"]]
    assert subject in message.subject


def test_registration_with_bad_input_shows_errors_and_keeps_what_was_typed(client, db):
    response = client.post(
        "/employer/register/", registration(nib="12345", password2="something else")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_nib"' in html  # the error summary links to the field
    assert 'href="#id_password2"' in html  # the two passwords differ: the second is wrong
    assert 'value="PT Sinar Kahayan Mandiri"' in html
    assert not Employer.objects.exists()
    assert not User.objects.filter(email="rina@sinar.example").exists()


def test_a_common_password_is_refused_on_the_first_password(client, db):
    response = client.post(
        "/employer/register/", registration(password1="12345678", password2="12345678")
    )
    assert response.status_code == 400
    assert 'href="#id_password1"' in response.content.decode()
    assert not Employer.objects.exists()


def test_a_district_outside_the_chosen_regency_is_refused(client, db):
    response = client.post("/employer/register/", registration(district="62.01.01"))
    assert response.status_code == 400
    assert not Employer.objects.exists()


def test_the_picker_search_button_re_renders_without_saving(client, db):
    data = registration(regency="", regency_q="palangka", regency_search="1")
    response = client.post("/employer/register/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="62.71"' in html  # offered as a result
    assert "error-summary" not in html
    assert not Employer.objects.exists()


def test_signed_in_users_are_sent_to_their_area_instead_of_registering(client, erin_company, erin):
    client.force_login(erin)
    assert client.get("/employer/register/").status_code == 302


# --- Portal and company ------------------------------------------------------------------------


def test_the_portal_lists_only_the_company_own_vacancies(
    client, erin, erin_company, fiona, django_assert_max_num_queries
):
    VacancyFactory.create_batch(3, employer=erin_company)
    VacancyFactory(employer=fiona.employer_membership.employer, title="Rahasia Fiona")
    client.force_login(erin)
    with django_assert_max_num_queries(12):
        response = client.get("/employer/")
    html = response.content.decode()
    assert html.count("Kasir Minimarket") == 3
    assert "Rahasia Fiona" not in html


def test_the_portal_is_not_for_anonymous_users_or_other_roles(client, sam, db):
    assert client.get("/employer/").status_code == 302
    client.force_login(sam)
    assert client.get("/employer/").status_code == 404


def test_an_employer_user_without_a_company_gets_404(client, erin):
    client.force_login(erin)
    assert client.get("/employer/").status_code == 404


def test_the_administrator_adds_a_colleague_from_the_company_page(client, erin, erin_company):
    client.force_login(erin)
    response = client.post(
        "/employer/company/colleagues/add/",
        {"full_name": "Budi", "email": "budi@sinar.example", "is_admin": ""},
    )
    assert response.status_code == 302
    assert EmployerUser.objects.filter(employer=erin_company, user__email="budi@sinar.example")


def test_a_colleague_with_an_existing_email_is_refused_on_the_field(client, erin, erin_company):
    client.force_login(erin)
    response = client.post(
        "/employer/company/colleagues/add/", {"full_name": "Erin", "email": "erin@example.org"}
    )
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()


def test_a_user_who_is_not_administrator_cannot_add_or_remove_colleagues(client, erin, db):
    membership = EmployerUserFactory(user=erin, is_admin=False)
    other = EmployerUserFactory(employer=membership.employer)
    client.force_login(erin)
    assert client.get("/employer/company/").status_code == 200
    assert (
        client.post(
            "/employer/company/colleagues/add/", {"full_name": "X", "email": "x@x.example"}
        ).status_code
        == 404
    )
    assert client.post(f"/employer/company/colleagues/{other.pk}/remove/").status_code == 404
    other.user.refresh_from_db()
    assert other.user.is_active


def test_removing_a_colleague_of_another_company_answers_404(client, erin, erin_company, fiona):
    client.force_login(erin)
    other = fiona.employer_membership
    assert client.post(f"/employer/company/colleagues/{other.pk}/remove/").status_code == 404
    fiona.refresh_from_db()
    assert fiona.is_active


def test_colleague_pages_refuse_get_on_actions(client, erin, erin_company):
    client.force_login(erin)
    assert client.get("/employer/company/colleagues/add/").status_code == 405


# --- The vacancy report --------------------------------------------------------------------------


def job_step(**overrides) -> dict:
    data = {
        "title": "Kasir Minimarket",
        "occupation": str(Occupation.objects.current().get(code="5230").pk),
        "industry": str(Industry.objects.current().get(code="47111").pk),
        "headcount": "3",
        "description": "Melayani pembayaran pelanggan.",
    }
    data.update(overrides)
    return data


def test_a_new_report_starts_a_draft_and_goes_to_the_next_step(client, erin, erin_company):
    client.force_login(erin)
    response = client.post("/employer/vacancies/new/", job_step())
    vacancy = Vacancy.objects.get(employer=erin_company)
    assert vacancy.status == "draft" and vacancy.title == "Kasir Minimarket"
    assert response["Location"] == f"/employer/vacancies/{vacancy.pk}/edit/requirements/"


def test_an_invalid_first_step_keeps_the_draft_and_what_was_typed(client, erin, erin_company):
    client.force_login(erin)
    response = client.post("/employer/vacancies/new/", job_step(headcount="0", occupation=""))
    assert response.status_code == 400
    vacancy = Vacancy.objects.get(employer=erin_company)
    assert vacancy.title == "Kasir Minimarket"  # the valid answers are kept
    html = response.content.decode()
    assert f'action="/employer/vacancies/{vacancy.pk}/edit/job/"' in html
    assert 'value="0"' in html and 'id="id_headcount_error"' in html


def test_an_invalid_first_step_without_a_title_saves_nothing(client, erin, erin_company):
    client.force_login(erin)
    response = client.post("/employer/vacancies/new/", job_step(title=""))
    assert response.status_code == 400
    assert not Vacancy.objects.exists()


def test_every_step_saves_and_the_check_page_lets_the_employer_submit(client, erin, erin_company):
    client.force_login(erin)
    client.post("/employer/vacancies/new/", job_step())
    vacancy = Vacancy.objects.get(employer=erin_company)
    base = f"/employer/vacancies/{vacancy.pk}/edit/"
    skill = Skill.objects.get(label_en="process payments")
    today = timezone.localdate()
    later = today + timedelta(days=30)
    steps = {
        "requirements": {
            "min_education": "3000",
            "min_experience_months": "0",
            "required_skills": [str(skill.pk)],
        },
        "limits": {"age_min": "", "age_max": "", "sex": "", "limits_reason": ""},
        "pay-and-place": {
            "wage_min": "3400000",
            "wage_max": "3900000",
            "scope": "AKL",
            "regency": "62.71",
        },
        "period": {
            "valid_from_0": today.day,
            "valid_from_1": today.month,
            "valid_from_2": today.year,
            "valid_to_0": later.day,
            "valid_to_1": later.month,
            "valid_to_2": later.year,
        },
    }
    for slug, data in steps.items():
        response = client.post(base + slug + "/", data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])
    assert response["Location"] == f"/employer/vacancies/{vacancy.pk}/"
    check = client.get(f"/employer/vacancies/{vacancy.pk}/").content.decode()
    assert "Memproses pembayaran" in check and "error-summary" not in check
    response = client.post(f"/employer/vacancies/{vacancy.pk}/submit/")
    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.status == "submitted"
    assert vacancy.valid_to == later and vacancy.wage_max == 3_900_000
    assert list(vacancy.skills.values_list("skill__label_en", flat=True)) == ["process payments"]


def test_submitting_an_incomplete_report_lists_the_problems_linked_to_their_steps(
    client, erin, erin_company
):
    client.force_login(erin)
    client.post("/employer/vacancies/new/", job_step())
    vacancy = Vacancy.objects.get(employer=erin_company)
    response = client.post(f"/employer/vacancies/{vacancy.pk}/submit/")
    assert response.status_code == 400
    html = response.content.decode()
    assert f"/employer/vacancies/{vacancy.pk}/edit/period/" in html
    vacancy.refresh_from_db()
    assert vacancy.status == "draft"


def test_a_limit_without_reason_is_an_error_and_the_age_is_still_kept(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="draft")
    client.force_login(erin)
    response = client.post(
        f"/employer/vacancies/{vacancy.pk}/edit/limits/",
        {"age_min": "", "age_max": "35", "sex": "", "limits_reason": ""},
    )
    assert response.status_code == 400
    assert 'id="id_limits_reason_error"' in response.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.age_max == 35  # kept in the draft: nothing typed is lost


def test_an_impossible_date_is_an_error_on_the_date(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="draft")
    client.force_login(erin)
    response = client.post(
        f"/employer/vacancies/{vacancy.pk}/edit/period/",
        {
            "valid_from_0": "31",
            "valid_from_1": "2",
            "valid_from_2": "2027",
            "valid_to_0": "",
            "valid_to_1": "",
            "valid_to_2": "",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_valid_from_error"' in html and 'href="#id_valid_from_0"' in html


def test_work_abroad_without_the_agency_is_an_error_on_the_agency_field(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="draft")
    client.force_login(erin)
    response = client.post(
        f"/employer/vacancies/{vacancy.pk}/edit/pay-and-place/",
        {"wage_min": "", "wage_max": "", "scope": "AKAN", "country": "Jepang"},
    )
    assert response.status_code == 400
    assert 'id="id_p3mi_name_error"' in response.content.decode()


def test_a_picker_search_on_a_step_saves_nothing(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="draft", title="Lama")
    client.force_login(erin)
    response = client.post(
        f"/employer/vacancies/{vacancy.pk}/edit/job/",
        job_step(title="Baru", occupation_q="kasir", occupation_search="1"),
    )
    assert response.status_code == 200
    assert "Kasir dan Petugas Tiket" in response.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.title == "Lama"


def test_a_submitted_vacancy_cannot_be_edited_from_the_steps(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="submitted", title="Asli")
    client.force_login(erin)
    response = client.post(f"/employer/vacancies/{vacancy.pk}/edit/job/", job_step(title="Ubah"))
    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.title == "Asli"


@pytest.mark.parametrize(
    "url",
    [
        "/employer/vacancies/{pk}/",
        "/employer/vacancies/{pk}/edit/job/",
        "/employer/vacancies/{pk}/close/",
        "/employer/vacancies/{pk}/applications/",
    ],
)
def test_another_company_vacancy_pages_answer_404(client, erin, erin_company, fiona, url):
    vacancy = VacancyFactory(employer=fiona.employer_membership.employer)
    client.force_login(erin)
    assert client.get(url.format(pk=vacancy.pk)).status_code == 404


def test_another_company_vacancy_cannot_be_submitted_edited_or_closed(
    client, erin, erin_company, fiona
):
    employer = fiona.employer_membership.employer
    draft = VacancyFactory(employer=employer, status="draft", title="Punya Fiona")
    published = VacancyFactory(employer=employer)
    client.force_login(erin)
    assert client.post(f"/employer/vacancies/{draft.pk}/submit/").status_code == 404
    assert client.post(f"/employer/vacancies/{draft.pk}/edit/job/", job_step()).status_code == 404
    assert (
        client.post(f"/employer/vacancies/{published.pk}/close/", {"hired": "0"}).status_code == 404
    )
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == "draft" and draft.title == "Punya Fiona"
    assert published.status == "published"


def test_the_submit_and_close_actions_refuse_get(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company)
    client.force_login(erin)
    assert client.get(f"/employer/vacancies/{vacancy.pk}/submit/").status_code == 405


def test_closing_a_vacancy_reports_hires(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, headcount=4)
    client.force_login(erin)
    response = client.post(f"/employer/vacancies/{vacancy.pk}/close/", {"hired": "3"})
    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert (vacancy.status, vacancy.filled_count, vacancy.removed_count) == ("closed", 3, 1)


def test_closing_with_too_many_hires_is_an_error_on_the_field(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, headcount=2)
    client.force_login(erin)
    response = client.post(f"/employer/vacancies/{vacancy.pk}/close/", {"hired": "5"})
    assert response.status_code == 400
    vacancy.refresh_from_db()
    assert vacancy.status == "published"

"""Employer and vacancy services: registration, verification, the AK/III lifecycle, ledger."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from employers import services
from employers.models import Employer, EmployerUser, Vacancy
from placement.accounts.models import AuditEvent, User
from placement.ledger.models import Event
from placement.taxonomy.models import Industry, Occupation, Regency, Skill
from tests.factories import EmployerFactory, EmployerUserFactory, VacancyFactory


def _registration(**overrides) -> dict:
    values = {
        "name": "PT Sinar Kahayan Mandiri",
        "nib": "1234567890123",
        "industry": Industry.objects.current().get(code="47111"),
        "ownership": "private",
        "address": "Jl. Yos Sudarso No. 3",
        "regency": Regency.objects.get(code="62.71"),
        "contact_name": "Rina",
        "contact_email": "HRD@sinar.example",
        "contact_phone": "0536 3221234",
        "email": "Rina@Sinar.example",
        "full_name": "Rina Kartika",
        "password": "a long enough passphrase",
    }
    values.update(overrides)
    return values


def test_registering_creates_a_pending_company_and_its_administrator(db):
    employer = services.register_employer(**_registration())
    assert employer.status == Employer.Status.PENDING
    membership = EmployerUser.objects.get(employer=employer)
    assert membership.is_admin
    assert membership.user.email == "rina@sinar.example"
    assert membership.user.role == "employer"
    assert membership.user.check_password("a long enough passphrase")
    assert employer.contact_email == "hrd@sinar.example"
    assert AuditEvent.objects.filter(object_id=str(employer.pk), action="create").exists()


def test_registering_an_existing_nib_or_email_is_refused_and_creates_nothing(db):
    services.register_employer(**_registration())
    users = User.objects.count()
    with pytest.raises(services.EmployerRefused):
        services.register_employer(**_registration(email="other@sinar.example"))
    with pytest.raises(services.EmployerRefused):
        services.register_employer(**_registration(nib="9999999999999"))
    assert User.objects.count() == users
    assert Employer.objects.count() == 1


def test_an_administrator_adds_a_colleague_who_gets_a_password_link(
    db, erin, django_capture_on_commit_callbacks
):
    employer = EmployerUserFactory(user=erin).employer
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.add_colleague(
            employer=employer,
            by=erin,
            email="Budi@Company.example",
            full_name="Budi",
            is_admin=False,
            base_url="https://antarkerja.example/",
        )
    assert membership.user.email == "budi@company.example"
    assert not membership.user.has_usable_password()
    assert len(mail.outbox) == 1
    assert "https://antarkerja.example/accounts/reset/" in mail.outbox[0].body


def test_a_user_who_is_not_administrator_cannot_add_colleagues(db, erin):
    employer = EmployerUserFactory(user=erin, is_admin=False).employer
    with pytest.raises(services.EmployerRefused):
        services.add_colleague(
            employer=employer,
            by=erin,
            email="x@company.example",
            full_name="X",
            is_admin=False,
            base_url="https://antarkerja.example/",
        )
    assert not User.objects.filter(email="x@company.example").exists()


def test_verifying_and_rejecting_an_employer_record_who_and_why(db, alice):
    employer = EmployerFactory(status="pending")
    services.verify_employer(employer=employer, by=alice)
    employer.refresh_from_db()
    assert employer.status == "verified" and employer.verified_by == alice
    other = EmployerFactory(status="pending")
    with pytest.raises(services.EmployerRefused):
        services.reject_employer(employer=other, by=alice, reason="  ")
    services.reject_employer(employer=other, by=alice, reason="NIB tidak ditemukan di OSS.")
    other.refresh_from_db()
    assert other.status == "rejected" and other.status_reason == "NIB tidak ditemukan di OSS."


def test_a_rejected_company_that_corrects_its_details_goes_back_to_the_queue(db, erin):
    employer = EmployerUserFactory(user=erin, employer__status="rejected").employer
    services.update_employer(employer=employer, by=erin, fields={"address": "Jl. Baru 1"})
    employer.refresh_from_db()
    assert employer.status == "pending" and employer.address == "Jl. Baru 1"


# --- The vacancy lifecycle --------------------------------------------------------------------


def _complete_fields(**overrides) -> dict:
    today = timezone.localdate()
    fields = {
        "title": "Kasir",
        "occupation": Occupation.objects.current().get(code="5230"),
        "headcount": 3,
        "description": "Melayani pembayaran.",
        "min_education_id": "3000",
        "valid_from": today,
        "valid_to": today + timedelta(days=30),
        "wage_min": 3_400_000,
        "wage_max": 3_900_000,
    }
    fields.update(overrides)
    return fields


def _draft(employer, by, **overrides) -> Vacancy:
    fields = _complete_fields(**overrides)
    education = fields.pop("min_education_id")
    vacancy = services.create_vacancy(employer=employer, by=by, fields=fields)
    vacancy.min_education_id = education
    vacancy.save()
    return vacancy


def test_a_new_draft_takes_the_company_industry_and_regency(db, erin):
    employer = EmployerUserFactory(user=erin).employer
    vacancy = services.create_vacancy(employer=employer, by=erin, fields={"title": "Kasir"})
    assert vacancy.status == "draft"
    assert vacancy.industry == employer.industry
    assert vacancy.regency_id == employer.regency_id
    assert vacancy.created_by == erin


def test_an_incomplete_draft_cannot_be_submitted_and_says_what_is_missing(db, erin):
    employer = EmployerUserFactory(user=erin).employer
    vacancy = services.create_vacancy(employer=employer, by=erin, fields={"title": "Kasir"})
    with pytest.raises(services.VacancyRefused) as refused:
        services.submit_vacancy(vacancy=vacancy, by=erin)
    assert {"occupation", "min_education", "valid_from", "valid_to", "description"} <= set(
        refused.value.problems
    )
    vacancy.refresh_from_db()
    assert vacancy.status == "draft"


def test_age_or_sex_limits_need_a_reason_before_submission(db, erin):
    employer = EmployerUserFactory(user=erin).employer
    vacancy = _draft(employer, erin, age_max=35)
    with pytest.raises(services.VacancyRefused) as refused:
        services.submit_vacancy(vacancy=vacancy, by=erin)
    assert "limits_reason" in refused.value.problems


def test_work_abroad_needs_the_p3mi_and_job_order(db, erin):
    employer = EmployerUserFactory(user=erin).employer
    vacancy = _draft(employer, erin, scope="AKAN", regency=None, country="Jepang")
    assert vacancy.is_overseas
    with pytest.raises(services.VacancyRefused) as refused:
        services.submit_vacancy(vacancy=vacancy, by=erin)
    assert {"p3mi_name", "job_order_number"} <= set(refused.value.problems)


def test_skills_are_kept_as_needed_or_optional_never_both(db, erin):
    employer = EmployerUserFactory(user=erin).employer
    first, second = Skill.objects.order_by("common_rank")[:2]
    vacancy = services.create_vacancy(
        employer=employer,
        by=erin,
        fields={"title": "Kasir"},
        required_skills=[first],
        optional_skills=[second],
    )
    services.save_vacancy_draft(
        vacancy=vacancy, by=erin, fields={}, required_skills=[second], optional_skills=[]
    )
    assert list(vacancy.skills.values_list("skill_id", "is_required")) == [(second.pk, True)]


def test_publishing_records_the_vacancy_registered_with_its_ipk_dimensions(db, erin, alice):
    employer = EmployerUserFactory(user=erin).employer
    vacancy = _draft(employer, erin, sex="P", limits_reason="Pendamping pasien perempuan.")
    services.submit_vacancy(vacancy=vacancy, by=erin)
    services.publish_vacancy(vacancy=vacancy, by=alice)
    vacancy.refresh_from_db()
    assert vacancy.status == "published" and vacancy.verified_by == alice
    event = Event.objects.get(subject_id=vacancy.pk, kind="vacancy_registered")
    assert event.quantity == 3
    assert event.education == "3000"
    assert event.occupation_group == "5"
    assert event.industry_section == "G"
    assert event.sex == "P"
    assert event.regency_id == "62.71" and event.province_id == "62"
    assert event.office.code == "62.71"


def test_an_unverified_company_cannot_publish(db, erin, alice):
    employer = EmployerUserFactory(user=erin, employer__status="pending").employer
    vacancy = _draft(employer, erin)
    services.submit_vacancy(vacancy=vacancy, by=erin)
    with pytest.raises(services.VacancyRefused):
        services.publish_vacancy(vacancy=vacancy, by=alice)
    assert not Event.objects.filter(subject_id=vacancy.pk).exists()


def test_a_returned_vacancy_keeps_the_reason_and_can_be_corrected_and_sent_again(db, erin, alice):
    employer = EmployerUserFactory(user=erin).employer
    vacancy = _draft(employer, erin)
    services.submit_vacancy(vacancy=vacancy, by=erin)
    with pytest.raises(services.VacancyRefused):
        services.return_vacancy(vacancy=vacancy, by=alice, reason="")
    services.return_vacancy(vacancy=vacancy, by=alice, reason="Lengkapi upah.")
    vacancy.refresh_from_db()
    assert vacancy.status == "returned" and vacancy.return_reason == "Lengkapi upah."
    services.save_vacancy_draft(vacancy=vacancy, by=erin, fields={"wage_max": 4_000_000})
    services.submit_vacancy(vacancy=vacancy, by=erin)
    vacancy.refresh_from_db()
    assert vacancy.status == "submitted"


def test_a_submitted_vacancy_cannot_be_edited(db, erin):
    employer = EmployerUserFactory(user=erin).employer
    vacancy = _draft(employer, erin)
    services.submit_vacancy(vacancy=vacancy, by=erin)
    with pytest.raises(services.VacancyRefused):
        services.save_vacancy_draft(vacancy=vacancy, by=erin, fields={"title": "Changed"})
    vacancy.refresh_from_db()
    assert vacancy.title == "Kasir"


def test_closing_reports_the_hires_and_removes_the_open_positions(db, erin):
    vacancy = VacancyFactory(employer=EmployerUserFactory(user=erin).employer, headcount=20)
    services.close_vacancy(vacancy=vacancy, by=erin, hired=15)
    vacancy.refresh_from_db()
    assert (vacancy.filled_count, vacancy.removed_count, vacancy.status) == (15, 5, "closed")
    kinds = dict(Event.objects.filter(subject_id=vacancy.pk).values_list("kind", "quantity"))
    assert kinds == {"vacancy_filled": 15, "vacancy_removed": 5}


def test_closing_with_every_position_filled_marks_the_vacancy_filled(db, erin):
    vacancy = VacancyFactory(employer=EmployerUserFactory(user=erin).employer, headcount=2)
    services.close_vacancy(vacancy=vacancy, by=erin, hired=2)
    vacancy.refresh_from_db()
    assert vacancy.status == "filled"
    assert not Event.objects.filter(subject_id=vacancy.pk, kind="vacancy_removed").exists()


def test_closing_more_hires_than_open_positions_is_refused(db, erin):
    vacancy = VacancyFactory(employer=EmployerUserFactory(user=erin).employer, headcount=2)
    with pytest.raises(services.VacancyRefused):
        services.close_vacancy(vacancy=vacancy, by=erin, hired=3)
    vacancy.refresh_from_db()
    assert vacancy.status == "published"


def test_placements_report_hires_one_by_one_until_the_vacancy_is_filled(db):
    vacancy = VacancyFactory(headcount=2)
    services.record_vacancy_filled(vacancy=vacancy, quantity=1)
    vacancy.refresh_from_db()
    assert vacancy.status == "published" and vacancy.open_positions == 1
    services.record_vacancy_filled(vacancy=vacancy, quantity=1)
    vacancy.refresh_from_db()
    assert vacancy.status == "filled"
    assert Event.objects.filter(subject_id=vacancy.pk, kind="vacancy_filled").count() == 2


def test_the_nightly_expiry_removes_open_positions_of_vacancies_past_their_closing_date(db):
    today = timezone.localdate()
    lapsed = VacancyFactory(
        headcount=5, filled_count=1, valid_from=today - timedelta(days=40), valid_to=today
    )
    still_open = VacancyFactory(valid_to=today + timedelta(days=1))
    draft = VacancyFactory(status="draft", valid_to=today - timedelta(days=3))
    assert services.expire_vacancies(today=today + timedelta(days=1)) == 1
    lapsed.refresh_from_db()
    assert lapsed.status == "expired" and lapsed.removed_count == 4
    event = Event.objects.get(subject_id=lapsed.pk, kind="vacancy_removed")
    assert event.quantity == 4 and event.occurred_on == today + timedelta(days=1)
    still_open.refresh_from_db()
    draft.refresh_from_db()
    assert still_open.status == "published" and draft.status == "draft"
    # Running it again changes nothing.
    assert services.expire_vacancies(today=today + timedelta(days=1)) == 0


def test_the_celery_task_calls_the_expiry(db):
    from employers.tasks import expire_vacancies

    VacancyFactory(
        valid_from=timezone.localdate() - timedelta(days=20),
        valid_to=timezone.localdate() - timedelta(days=1),
    )
    assert expire_vacancies.delay().get() == 1

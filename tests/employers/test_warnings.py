"""The automatic warnings an officer sees when reviewing a vacancy (aids, not decisions)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from employers.warnings import usual_wage, vacancy_warnings
from tests.factories import EmployerFactory, VacancyFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def codes(vacancy) -> set[str]:
    return {warning.code for warning in vacancy_warnings(vacancy)}


def test_a_plain_local_vacancy_of_a_verified_company_has_no_warning(db):
    assert codes(VacancyFactory(status="submitted")) == set()


def test_a_missing_wage_is_flagged(db):
    assert "wage_missing" in codes(VacancyFactory(wage_min=None, wage_max=None))


def test_a_wage_far_from_the_fallback_table_is_flagged_both_ways(db):
    # Cashiers (major group 5): the reference is Rp3.2 million without published samples.
    assert "wage_unusual" in codes(VacancyFactory(wage_min=15_000_000, wage_max=20_000_000))
    assert "wage_unusual" in codes(VacancyFactory(wage_min=900_000, wage_max=1_000_000))
    assert "wage_unusual" not in codes(VacancyFactory(wage_min=3_000_000, wage_max=3_500_000))


def test_the_usual_wage_comes_from_published_vacancies_of_the_sub_major_group(db):
    for wage in (6_000_000, 6_200_000, 6_400_000, 6_600_000, 6_800_000, 7_000_000, 7_200_000):
        VacancyFactory(wage_min=wage, wage_max=wage)
    assert usual_wage("5230")[0] == 3_200_000  # seven samples: not enough, the table answers
    cache.clear()
    VacancyFactory(wage_min=7_400_000, wage_max=7_400_000)
    assert usual_wage("5230")[0] == 6_700_000  # eight samples: their median
    assert "wage_unusual" not in codes(VacancyFactory(wage_min=6_500_000, wage_max=7_000_000))


def test_age_and_sex_limits_are_flagged_with_the_stated_reason(db):
    vacancy = VacancyFactory(age_min=18, age_max=35, sex="L", limits_reason="Kerja malam.")
    messages = [w.message for w in vacancy_warnings(vacancy) if w.code == "limits"]
    assert (
        messages and "18" in messages[0] and "35" in messages[0] and "Kerja malam." in messages[0]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Pelamar wajib membayar biaya pendaftaran Rp 500.000.",
        "Ada uang jaminan seragam.",
        "Biaya pelatihan ditanggung pelamar.",
        "Silakan transfer ke rekening kami.",
        "A registration fee applies; pay a deposit first.",
        "Gaji dipotong untuk biaya seragam.",
    ],
)
def test_phrases_asking_applicants_for_money_are_flagged(db, text):
    assert "money" in codes(VacancyFactory(description=text))


def test_ordinary_words_about_pay_are_not_flagged_as_asking_for_money(db):
    vacancy = VacancyFactory(description="Gaji dibayar tiap bulan. Tidak dipungut biaya apa pun.")
    assert "money" not in codes(vacancy)


def test_personal_mailboxes_and_phone_numbers_in_the_text_are_flagged(db):
    vacancy = VacancyFactory(
        description="Kirim CV ke lowongan.kerja88@gmail.com atau WA 0812-3456-7890."
    )
    found = codes(vacancy)
    assert "personal_email_in_text" in found and "phone_in_text" in found


def test_a_company_contact_on_a_free_mailbox_or_a_mobile_number_is_flagged(db):
    employer = EmployerFactory(contact_email="pt.maju@yahoo.co.id", contact_phone="081234567890")
    found = codes(VacancyFactory(employer=employer))
    assert {"personal_email", "personal_phone"} <= found


def test_work_abroad_without_licence_data_is_flagged(db):
    vacancy = VacancyFactory(scope="AKAN", regency=None, country="Taiwan", p3mi_name="")
    assert "overseas_unlicensed" in codes(vacancy)
    licensed = VacancyFactory(
        scope="AKAN", regency=None, country="Taiwan", p3mi_name="PT X", job_order_number="JO-1"
    )
    assert "overseas_unlicensed" not in codes(licensed) and "overseas_register" in codes(licensed)


def test_work_abroad_under_a_valid_sip2mi_shows_the_places_left(db):
    from tests.market_factories import JobOrderFactory

    job_order = JobOrderFactory(country="Taiwan")
    vacancy = VacancyFactory(
        scope="AKAN",
        regency=None,
        country="Taiwan",
        occupation=job_order.occupation,
        p3mi_name=job_order.agency.name,
        job_order_number=job_order.number,
    )
    found = {w.code: w.message for w in vacancy_warnings(vacancy)}
    assert "overseas_register" not in found
    assert "3" in found["overseas"]


def test_an_unverified_company_is_flagged_first(db):
    vacancy = VacancyFactory(employer=EmployerFactory(status="pending"), status="submitted")
    assert vacancy_warnings(vacancy)[0].code == "employer_unverified"

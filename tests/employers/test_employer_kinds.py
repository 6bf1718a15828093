"""Employer kinds (company, government body, foundation, household) and the required wage."""

from __future__ import annotations

from datetime import date

import pytest

from employers import rules, services
from employers.models import Employer
from placement.reports import services as reports
from placement.taxonomy.models import Industry
from tests.employers.test_services import _registration
from tests.factories import VacancyFactory
from tests.placement.reports.conftest import event


@pytest.mark.parametrize(
    ("kind", "identifier", "ownership"),
    [
        ("government", "027.01.62.01", "government"),
        ("foundation", "AHU-0012345.AH.01.04.Tahun 2020", "foundation"),
        ("individual", "6271034501990002", "individual"),
    ],
)
def test_a_body_without_nib_registers_with_its_own_identifier(db, kind, identifier, ownership):
    employer = services.register_employer(
        **_registration(
            kind=kind, nib=None, identifier=identifier, ownership="private", email=f"{kind}@x.id"
        )
    )
    assert employer.nib is None
    assert employer.identifier == identifier
    assert employer.ownership == ownership  # the kind decides the III/8(b) row


def test_two_households_without_nib_can_both_register(db):
    for n, nik in enumerate(("6271034501990002", "6271034501990003")):
        services.register_employer(
            **_registration(kind="individual", nib="", identifier=nik, email=f"h{n}@x.id")
        )
    assert Employer.objects.filter(nib__isnull=True).count() == 2


@pytest.mark.parametrize(
    ("kind", "nib", "identifier", "field"),
    [
        ("company", "", "", "nib"),  # a company needs its NIB
        ("government", "1234567890123", "027.01", "nib"),  # only companies have an NIB
        ("foundation", "", "", "identifier"),
        ("individual", "", "12345", "identifier"),  # an NIK has 16 digits
    ],
)
def test_the_identifier_each_kind_needs_is_checked(db, kind, nib, identifier, field):
    with pytest.raises(services.EmployerRefused) as refused:
        services.register_employer(**_registration(kind=kind, nib=nib, identifier=identifier))
    assert field in refused.value.problems
    assert not Employer.objects.exists()


def test_the_registration_page_takes_a_household_without_nib(client, db):
    data = {
        "kind": "individual",
        "name": "Ibu Sari",
        "nib": "",
        "identifier": "6271034501990002",
        "industry": str(Industry.objects.current().get(code="97000").pk),
        "address": "Jl. Kenanga 4",
        "regency": "62.71",
        "contact_name": "Sari",
        "contact_email": "sari@rumah.example",
        "contact_phone": "081234567890",
        "full_name": "Sari Wulandari",
        "email": "sari@rumah.example",
        "password1": "a long enough passphrase",
        "password2": "a long enough passphrase",
    }
    response = client.post("/employer/register/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    employer = Employer.objects.get()
    assert (employer.kind, employer.ownership, employer.nib) == ("individual", "individual", None)


def test_iii_8_counts_each_kind_of_receiving_employer(db):
    seeker = {"sex": "P", "age_group": "20-29", "education": "3801", "occupation_group": "5"}
    for n, kind in enumerate(("government", "foundation", "individual", "private"), start=1):
        event("seeker_registered", date(2025, 2, 3), n, **seeker).save()
        placed = {"industry_section": "P", "placement_scope": "AKL", "employer_type": kind}
        event("seeker_placed", date(2025, 3, 9), n, **seeker, **placed).save()
    tables = reports.compute_region(month=date(2025, 3, 1), region_code="62.71")
    rows = tables["iii-8"]["employer"]
    assert {row: cells["AKL"]["P"] for row, cells in rows.items()} == {
        "government": 1,
        "foundation": 1,
        "individual": 1,
        "private": 1,
    }


def test_a_vacancy_report_needs_a_wage_and_negotiable_is_not_one(db):
    assert "wage_min" in rules.wage_problems(None, None)
    assert "wage_min" in rules.wage_problems(0, 5_000_000)
    assert rules.wage_problems(3_400_000, None) == {}
    vacancy = VacancyFactory(status="draft", wage_min=None, wage_max=None)
    assert "wage_min" in services.submission_problems(vacancy)


def test_the_pay_step_refuses_negotiable(db):
    from employers.vacancy_forms import PayPlaceStepForm

    form = PayPlaceStepForm({"wage_min": "nego", "scope": "AKL", "regency": "62.71"})
    assert "wage_min" in form.errors
    form = PayPlaceStepForm({"wage_min": "", "scope": "AKL", "regency": "62.71"})
    assert "wage_min" in form.errors

"""The employer's and the officer's forms read well in Indonesian (issue 14, items 6 and 8)."""

from __future__ import annotations

import re

from employers.models import Vacancy
from tests.factories import EmployerFactory, VacancyFactory


def test_a_wage_written_with_dots_is_saved(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="draft")
    client.force_login(erin)
    response = client.post(
        f"/employer/vacancies/{vacancy.pk}/edit/pay-and-place/",
        {"wage_min": "3.500.000", "wage_max": "Rp 4.000.000", "scope": "AKL", "regency": "62.71"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    vacancy = Vacancy.objects.get(pk=vacancy.pk)
    assert (vacancy.wage_min, vacancy.wage_max) == (3_500_000, 4_000_000)
    page = client.get(f"/employer/vacancies/{vacancy.pk}/edit/pay-and-place/").content.decode()
    assert 'type="number"' not in re.search(r'<input[^>]*name="wage_min"[^>]*>', page).group(0)


def test_a_reason_needed_to_return_or_reject_is_not_labelled_optional(client, alice, db):
    vacancy = VacancyFactory(status="submitted")
    employer = EmployerFactory(status="pending")
    client.force_login(alice)
    for url in (f"/officer/vacancies/{vacancy.pk}/", f"/officer/employers/{employer.pk}/"):
        page = client.get(url).content.decode()
        assert "wajib jika" in page
        assert "(tidak wajib)" not in page.split("wajib jika", 1)[1][:200]


def test_a_status_in_brackets_has_no_space_before_the_bracket(client, alice, db):
    vacancy = VacancyFactory(status="submitted")
    client.force_login(alice)
    page = client.get(f"/officer/vacancies/{vacancy.pk}/").content.decode()
    assert "Terverifikasi</span>)" in page
    assert not re.search(r"Terverifikasi</span>\s+\)", page)


def test_the_picker_script_is_loaded_once(client, erin, erin_company, db):
    vacancy = VacancyFactory(employer=erin_company, status="draft")
    pages = ["/employer/register/", f"/employer/vacancies/{vacancy.pk}/edit/job/"]
    client.force_login(erin)
    pages.append("/employer/company/edit/")
    for url in pages:
        if url == "/employer/register/":
            client.logout()
        else:
            client.force_login(erin)
        page = client.get(url).content.decode()
        assert page.count("js/picker.js") == 1, url

"""The caseload lists: scoped to the officer's region, filterable, paginated, bounded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from employers.models import Employer
from jobseekers.models import JobSeeker
from placement.offices.models import SeekerCase
from placement.pipeline import services
from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory

LISTS = (
    "/officer/caseload/seekers/",
    "/officer/caseload/employers/",
    "/officer/caseload/vacancies/",
)


@pytest.fixture
def population(dewi, rina, andi, kasir, sopir):
    """Seekers, employers and vacancies in 62.71 (alice) and 62.01 (bob)."""
    return {"dewi": dewi, "rina": rina, "andi": andi, "kasir": kasir, "sopir": sopir}


# (list, a record of 62.71, a record of 62.01)
RECORDS = [
    ("/officer/caseload/seekers/", "Dewi Palangka", "Andi Kobar"),
    ("/officer/caseload/employers/", "PT Kahayan Uji", "PT Arut Uji"),
    ("/officer/caseload/vacancies/", "Kasir Minimarket", "Sopir Truk"),
]


@pytest.mark.parametrize(("url", "palangka", "kobar"), RECORDS)
def test_every_list_shows_only_the_officers_region(
    client, alice, bob, carol, population, url, palangka, kobar
):
    client.force_login(alice)
    html = client.get(url + "?status=all").content.decode()
    assert palangka in html and kobar not in html
    client.force_login(bob)
    html = client.get(url + "?status=all").content.decode()
    assert kobar in html and palangka not in html
    client.force_login(carol)
    html = client.get(url + "?status=all").content.decode()
    assert palangka in html and kobar in html


@pytest.mark.parametrize("url", LISTS)
def test_every_list_has_a_query_bound(
    client, alice, population, url, django_assert_max_num_queries
):
    for _index in range(30):
        JobSeekerFactory(verified=True)
        VacancyFactory(employer=population["kasir"].employer)
    client.force_login(alice)
    client.get(url)  # the reference lists are cached after the first page
    with django_assert_max_num_queries(12):
        response = client.get(url + "?status=all&page=1")
    assert response.status_code == 200


@pytest.mark.parametrize("url", LISTS)
def test_the_lists_refuse_post_anonymous_and_non_officers(client, alice, sam, url):
    assert client.get(url).status_code == 302
    client.force_login(sam)
    assert client.get(url).status_code == 404
    client.force_login(alice)
    assert client.post(url).status_code == 405


def test_seekers_filter_by_status_education_occupation_district_and_search(client, alice):
    today = timezone.localdate()
    smk = JobSeekerFactory(verified=True, full_name="Siti Kasir", wanted=["5230"])
    sarjana = JobSeekerFactory(
        verified=True,
        full_name="Bayu Sarjana",
        education_level_id="6200",
        wanted=["2411"],
        district_id="62.71.02",
    )
    waiting = JobSeekerFactory(full_name="Tini Menunggu")
    client.force_login(alice)

    def names(query: str) -> str:
        return client.get("/officer/caseload/seekers/?" + query).content.decode()

    assert "Siti Kasir" in names("") and "Tini Menunggu" not in names("")
    assert "Tini Menunggu" in names("status=submitted")
    html = names("education=6200")
    assert "Bayu Sarjana" in html and "Siti Kasir" not in html
    html = names("occupation_group=2")
    assert "Bayu Sarjana" in html and "Siti Kasir" not in html
    html = names("district=62.71.02")
    assert "Bayu Sarjana" in html and "Siti Kasir" not in html
    assert "Siti Kasir" in names("q=siti")
    assert "Siti Kasir" in names(f"q={smk.nik}") and "Bayu" not in names(f"q={smk.nik}")
    assert "Bayu Sarjana" in names(f"q={sarjana.ak1_number}")
    SeekerCase.objects.create(seeker=smk, last_contact_on=today - timedelta(days=5))
    SeekerCase.objects.create(seeker=sarjana, last_contact_on=today - timedelta(days=200))
    html = names("last_contact=30")
    assert "Siti Kasir" in html and "Bayu Sarjana" not in html
    html = names("last_contact=older")
    assert "Bayu Sarjana" in html and "Siti Kasir" not in html
    html = names("last_contact=none&status=all")
    assert "Tini Menunggu" in html and "Siti Kasir" not in html
    assert waiting.pk


def test_a_bad_filter_value_shows_an_error_and_is_not_applied(client, alice, dewi):
    client.force_login(alice)
    response = client.get("/officer/caseload/seekers/?education=9999&last_contact=soon")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_education_error"' in html and 'id="id_last_contact_error"' in html
    assert "Dewi Palangka" in html


def test_the_report_due_queue_lists_active_cards_due_within_two_weeks(client, alice, dewi):
    today = timezone.localdate()
    later = JobSeekerFactory(verified=True, full_name="Lapor Nanti")
    JobSeeker.objects.filter(pk=dewi.pk).update(next_report_on=today + timedelta(days=10))
    client.force_login(alice)
    html = client.get("/officer/caseload/seekers/?queue=report_due").content.decode()
    assert "Dewi Palangka" in html and "Lapor Nanti" not in html
    assert later.pk


def test_employers_filter_by_status_type_industry_and_last_referral(client, alice, dewi, kasir):
    EmployerFactory(
        name="Koperasi Sawit Uji", ownership="cooperative", status=Employer.Status.PENDING
    )
    services.refer_jobseeker(seeker=dewi, vacancy=kasir, by=alice)
    client.force_login(alice)

    def page(query: str) -> str:
        return client.get("/officer/caseload/employers/?" + query).content.decode()

    assert "Koperasi Sawit Uji" in page("status=pending") and "Kahayan" not in page(
        "status=pending"
    )
    assert "Koperasi Sawit Uji" in page("ownership=cooperative")
    html = page("last_contact=30")
    assert "Kahayan" in html and "Koperasi Sawit Uji" not in html
    assert "Koperasi Sawit Uji" in page("last_contact=none")
    assert "Kahayan" in page(f"q={kasir.employer.nib}")


def test_vacancies_filter_and_the_closing_queue(client, alice, dewi, kahayan):
    today = timezone.localdate()
    closing = VacancyFactory(
        employer=kahayan, title="Kasir Tutup Segera", valid_to=today + timedelta(days=4)
    )
    VacancyFactory(employer=kahayan, title="Teller Bank", min_education_id="6200")
    referred = VacancyFactory(
        employer=kahayan, title="Pramuniaga Dirujuk", valid_to=today + timedelta(days=4)
    )
    services.refer_jobseeker(seeker=dewi, vacancy=referred, by=alice)
    client.force_login(alice)

    def page(query: str) -> str:
        return client.get("/officer/caseload/vacancies/?" + query).content.decode()

    html = page("queue=closing")
    assert "Kasir Tutup Segera" in html and "Pramuniaga Dirujuk" not in html
    assert "Teller Bank" in page("education=6200") and "Kasir Tutup" not in page("education=6200")
    assert "Kasir Tutup Segera" in page(f"q={closing.reference}")
    html = page("last_contact=none")
    assert "Kasir Tutup Segera" in html and "Pramuniaga Dirujuk" not in html


def test_the_provincial_officer_filters_by_regency(client, carol, dewi, andi):
    client.force_login(carol)
    html = client.get("/officer/caseload/seekers/?regency=62.01").content.decode()
    assert "Andi Kobar" in html and "Dewi Palangka" not in html
    response = client.get("/officer/caseload/seekers/?regency=31.71")
    assert response.status_code == 400

"""The public search at / and the vacancy detail page: only published vacancies for the public."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from employers.search import headline_stats, search_vacancies, search_words
from placement.taxonomy.models import EducationLevel, Occupation
from tests.factories import EmployerUserFactory, VacancyFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def titles(**filters) -> set[str]:
    return set(search_vacancies(**filters).values_list("title", flat=True))


def test_search_words_keep_letters_and_digits_only():
    assert search_words("Sopir & truk' OR 1=1; --") == ["sopir", "truk", "or", "1", "1"]
    assert len(search_words("a " * 50)) == 8


def test_only_published_vacancies_within_their_dates_are_found(db):
    today = timezone.localdate()
    VacancyFactory(title="Kasir Terbit")
    VacancyFactory(title="Kasir Draf", status="draft")
    VacancyFactory(title="Kasir Menunggu", status="submitted")
    VacancyFactory(title="Kasir Penuh", status="filled")
    VacancyFactory(title="Kasir Nanti", valid_from=today + timedelta(days=2))
    VacancyFactory(title="Kasir Lewat", valid_to=today - timedelta(days=1))
    assert titles(q="kasir") == {"Kasir Terbit"}


def test_every_word_must_match_the_title_or_the_description(db):
    VacancyFactory(title="Sopir Truk", description="Antar barang ke pelabuhan.")
    VacancyFactory(title="Sopir Pribadi", description="Antar direksi.")
    assert titles(q="sopir pelabuhan") == {"Sopir Truk"}
    assert titles(q="SOPIR") == {"Sopir Truk", "Sopir Pribadi"}


def test_filters_for_region_occupation_group_education_and_wage(db):
    VacancyFactory(title="Kota", employer__regency_id="62.71")
    VacancyFactory(title="Kabupaten", employer__regency_id="62.01")
    VacancyFactory(title="Kalsel", employer__regency_id="63.71")
    assert titles(province="62") == {"Kota", "Kabupaten"}
    assert titles(province="62", regency="62.01") == {"Kabupaten"}
    VacancyFactory(
        title="Sopir", occupation=Occupation.objects.current().get(code="8322"), wage_max=None
    )
    assert titles(group="8") == {"Sopir"}
    VacancyFactory(title="Sarjana", min_education_id="6200")
    smk = EducationLevel.objects.get(code="3000")
    assert "Sarjana" not in titles(education=smk) and "Kota" in titles(education=smk)
    VacancyFactory(title="Mahal", wage_min=9_000_000, wage_max=12_000_000)
    assert titles(wage=8_000_000) == {"Mahal"}


def test_the_home_page_searches_filters_and_paginates(client, db, django_assert_max_num_queries):
    VacancyFactory.create_batch(25, title="Pramuniaga Toko")
    VacancyFactory(title="Operator Forklift")
    with django_assert_max_num_queries(14):
        response = client.get("/?q=pramuniaga&province=62")
    html = response.content.decode()
    assert html.count("Pramuniaga Toko") == 20
    assert "Operator Forklift" not in html
    assert "page=2" in html and "q=pramuniaga" in html
    second = client.get("/?q=pramuniaga&province=62&page=2").content.decode()
    assert second.count("Pramuniaga Toko") == 5


def test_bad_filter_values_are_ignored_not_fatal(client, db):
    VacancyFactory(title="Kasir")
    response = client.get("/?wage=banyak&education=9999&province=xx&page=abc")
    assert response.status_code == 200
    assert "Kasir" in response.content.decode()


def test_the_home_page_shows_open_vacancies_and_positions_cached_briefly(db, client):
    VacancyFactory(headcount=5, filled_count=2)
    VacancyFactory(headcount=1)
    VacancyFactory(headcount=9, status="draft")
    assert headline_stats() == {"vacancies": 2, "positions": 4}
    VacancyFactory(headcount=10)
    assert headline_stats() == {"vacancies": 2, "positions": 4}  # from the cache
    cache.clear()
    assert headline_stats() == {"vacancies": 3, "positions": 14}


def test_the_home_page_refuses_post(client, db):
    assert client.post("/").status_code == 405


def test_the_detail_page_shows_a_published_vacancy_to_everyone(client, db):
    vacancy = VacancyFactory(title="Kasir Minimarket Besar")
    response = client.get(f"/vacancies/{vacancy.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kasir Minimarket Besar" in html
    assert vacancy.employer.contact_phone not in html  # applications go through the service


@pytest.mark.parametrize("status", ["draft", "submitted", "returned", "filled", "expired"])
def test_the_detail_page_of_an_unpublished_vacancy_answers_404_to_the_public(
    client, sam, db, status
):
    vacancy = VacancyFactory(status=status)
    assert client.get(f"/vacancies/{vacancy.pk}/").status_code == 404
    client.force_login(sam)
    assert client.get(f"/vacancies/{vacancy.pk}/").status_code == 404


def test_the_owner_and_the_regional_officer_see_a_submitted_vacancy(client, erin, alice, bob):
    vacancy = VacancyFactory(status="submitted", employer=EmployerUserFactory(user=erin).employer)
    client.force_login(erin)
    assert client.get(f"/vacancies/{vacancy.pk}/").status_code == 200
    client.force_login(alice)
    assert client.get(f"/vacancies/{vacancy.pk}/").status_code == 200
    client.force_login(bob)
    assert client.get(f"/vacancies/{vacancy.pk}/").status_code == 404


def test_another_company_never_sees_a_vacancy_that_is_not_published(client, erin, fiona):
    EmployerUserFactory(user=erin)
    vacancy = VacancyFactory(status="draft", employer=fiona.employer_membership.employer)
    client.force_login(erin)
    assert client.get(f"/vacancies/{vacancy.pk}/").status_code == 404


def test_the_detail_page_asks_anonymous_visitors_to_sign_in_to_apply(client, db):
    vacancy = VacancyFactory()
    html = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert f"next=/applications/apply/{vacancy.pk}/" in html


@pytest.mark.postgres
def test_postgres_full_text_search_matches_word_prefixes(db):
    VacancyFactory(title="Operator Forklift", description="Gudang pendingin.")
    VacancyFactory(title="Kasir", description="Operasional toko.")
    assert titles(q="forkl") == {"Operator Forklift"}
    assert titles(q="oper") == {"Operator Forklift", "Kasir"}
    # The index behind it: tests/employers/test_search_vector.py.


# --- relevance, synonyms, places and filler words (issue 13) ---------------------------------


def ordered(**filters) -> list[str]:
    return list(search_vacancies(**filters).values_list("title", flat=True))


def test_plan_drops_filler_resolves_places_and_adds_occupation_synonyms():
    from employers.search import plan_query

    plan = plan_query("Lowongan kerja sopir dicari Jakarta Selatan")
    assert plan.regencies == ["31.74"]
    assert len(plan.terms) == 1 and {"sopir", "supir"} <= set(plan.terms[0].words)
    assert "driver" in plan.terms[0].synonyms
    assert plan.occupation_codes == ["8322"]
    assert "security" in plan_query("satpam").terms[0].synonyms
    assert "pramuniaga" in plan_query("spg").terms[0].synonyms
    assert "cashier" in plan_query("kasir").terms[0].synonyms
    assert plan_query("admin cikarang").regencies == ["32.16"]
    # A place name inside an occupation stays a word: a bricklayer, not the city of Batu.
    assert plan_query("tukang batu").regencies == []
    assert plan_query("loker kerja").terms == []


def test_perawat_finds_nurses_first_not_maintenance_jobs(db):
    VacancyFactory(title="Teknisi Perawatan Mesin", description="Perawatan dan perbaikan mesin.")
    VacancyFactory(title="Staff Perawatan Gedung", description="Perawatan gedung kantor.")
    nurse = VacancyFactory(title="Perawat", description="Merawat pasien rawat inap.")
    found = ordered(q="perawat")
    assert found and found[0] == nurse.title
    assert "Teknisi Perawatan Mesin" not in found[:1]


def test_sopir_finds_driver_ads_and_filler_words_are_ignored(db):
    driver = Occupation.objects.current().get(code="8332")  # the factory's default is a cashier
    VacancyFactory(title="Driver Ekspedisi", description="Antar paket.", occupation=driver)
    VacancyFactory(title="Supir Pribadi", description="Antar direksi.", occupation=driver)
    VacancyFactory(title="Kasir", description="Toko ritel.")
    assert set(ordered(q="sopir")) == {"Driver Ekspedisi", "Supir Pribadi"}
    assert set(ordered(q="lowongan kerja sopir dicari")) == {"Driver Ekspedisi", "Supir Pribadi"}
    assert set(ordered(q="loker kasir")) == {"Kasir"}


def test_a_vacancy_coded_with_the_occupation_is_found_without_the_word(db):
    VacancyFactory(
        title="Pengemudi Operasional",
        description="Mengantar tamu.",
        occupation=Occupation.objects.current().get(code="8322"),
    )
    assert ordered(q="sopir") == ["Pengemudi Operasional"]


def test_place_names_and_regency_aliases_filter_the_search(db):
    VacancyFactory(title="Admin Gudang", employer__regency_id="32.16")  # Kab. Bekasi
    VacancyFactory(title="Admin Toko", employer__regency_id="62.71")
    VacancyFactory(title="Kasir", employer__regency_id="31.74")  # Jakarta Selatan
    VacancyFactory(title="Kasir Pusat", employer__regency_id="31.73")  # Jakarta Pusat
    assert ordered(q="admin Cikarang") == ["Admin Gudang"]
    assert ordered(q="kasir Jakarta Selatan") == ["Kasir"]
    assert set(ordered(q="lowongan kerja Jakarta")) == {"Kasir", "Kasir Pusat"}


def test_synonyms_count_in_the_title_only(db):
    VacancyFactory(title="Resepsionis", description="Menjaga keamanan data tamu.")
    VacancyFactory(title="Security Mall", description="Patroli.")
    assert ordered(q="satpam") == ["Security Mall"]


def test_title_matches_rank_above_description_matches(db):
    VacancyFactory(title="Staff Gudang", description="Dibutuhkan kasir cadangan.")
    VacancyFactory(title="Kasir Minimarket", description="Melayani pembeli.")
    assert ordered(q="kasir")[0] == "Kasir Minimarket"


@pytest.mark.postgres
def test_postgres_word_filter_of_the_search_is_answered_from_the_gin_index(db):
    from django.contrib.postgres.search import SearchQuery
    from django.db import connection

    from employers.models import Vacancy

    VacancyFactory(title="Perawat", description="Klinik.")
    # The search filters on the stored column (tests/employers/test_search_vector.py); with
    # sequential scans off, the planner can only answer that filter from the column's GIN index.
    # Whether it prefers the index on a given table size is measured by bench_search.py.
    query = SearchQuery("perawat | ners:A", search_type="raw", config="simple")
    sql, params = Vacancy.objects.filter(search_vector=query).values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT count(*) FROM (" + sql + ") AS hits", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "vacancy_search_vector_gin" in plan, plan


def test_typos_in_job_words_are_corrected_to_the_nearest_job_word(db):
    driver = Occupation.objects.current().get(code="8332")
    VacancyFactory(title="Driver Ekspedisi", description="Antar paket.", occupation=driver)
    VacancyFactory(title="Perawat Klinik", description="Merawat pasien.")
    VacancyFactory(title="Teknisi Perawatan Mesin", description="Perawatan mesin.")
    VacancyFactory(title="Kasir", description="Toko ritel.")
    assert ordered(q="perawt")[0] == "Perawat Klinik"
    assert "Driver Ekspedisi" in ordered(q="sopier")  # sopir, and so its synonym driver
    assert "Kasir" not in ordered(q="sopier") + ordered(q="perawt")
    assert ordered(q="qwxzvb") == []  # nothing near: nothing found, not everything


def test_each_unknown_word_of_a_query_is_corrected_on_its_own(db):
    stock_clerk = Occupation.objects.current().get(code="4321")
    VacancyFactory(title="Kasir Minimarket", description="Melayani pembeli.")
    VacancyFactory(
        title="Staf Gudang Minimarket", description="Menata stok.", occupation=stock_clerk
    )
    VacancyFactory(title="Kasir Alfamart", description="Shift pagi.")
    # "kasr" is no word of any ad: one slip from the job word "kasir"; "minimarket" is kept.
    found = ordered(q="kasr minimarket")
    assert found[0] == "Kasir Minimarket"
    assert found == ordered(q="kasir minimarket")
    assert "Staf Gudang Minimarket" not in found
    assert ordered(q="minimarket kasr")[0] == "Kasir Minimarket"  # the order does not matter
    assert ordered(q="kasir minimarkt")[0] == "Kasir Minimarket"
    # A word some ad holds is kept even when it is no job word and looks like one: "minimart"
    # (in a description only) is not read as "minimarket".
    VacancyFactory(title="Kasir Shift Malam", description="Kasir untuk minimart 24 jam.")
    assert ordered(q="kasr minimart") == ["Kasir Shift Malam"]


def test_one_slip_of_the_finger():
    from employers.search import one_slip

    assert one_slip("kasr", "kasir") and one_slip("kasir", "kasr")  # missing / extra
    assert one_slip("sopier", "sopir") and one_slip("gdang", "udang")  # extra / wrong
    assert one_slip("ksair", "kasir")  # neighbours swapped
    assert not one_slip("kasir", "kasir") and not one_slip("kas", "kasir")
    assert not one_slip("sopri", "spoir")


@pytest.mark.postgres
def test_postgres_matches_a_misspelt_title_word_through_the_trigram_index(db):
    from django.db import connection
    from django.db.models.functions import Lower

    from employers.models import Vacancy

    VacancyFactory(title="Barista Kopi Kenangan", description="Meracik minuman.")
    VacancyFactory(title="Kasir", description="Toko ritel.")
    # "kenagan" is no job word the vocabulary could correct; the title trigrams still find it.
    assert ordered(q="kenagan") == ["Barista Kopi Kenangan"]
    # The filter is the indexed expression (the planner picks the index once the table is big).
    queryset = (
        Vacancy.objects.alias(lower_title=Lower("title"))
        .filter(lower_title__trigram_word_similar="kenagan")
        .values("id")
    )
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "vacancy_title_trgm" in plan, plan

"""The place resolver on place texts we wrote (no real ad text)."""

import pytest

from placement.taxonomy.text.places import regency_codes_for, resolve, resolve_one


def codes(text: str) -> list[str]:
    return [r.place.code for r in resolve(text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Cikarang", "32.16"),
        ("Solo", "33.72"),
        ("Serpong", "36.74"),
        ("Jakarta Selatan", "31.74"),
        ("south jakarta", "31.74"),
        ("Jakarta", "31"),
        ("Remote", "remote"),
        ("WFH", "remote"),
        ("Kota Palangka Raya", "62.71"),
        ("Palangkaraya", "62.71"),
        ("Pematang Siantar", "12.72"),
        ("Bau-Bau", "74.72"),
        ("Sidoarjo Regency", "35.15"),
        ("Jawa Barat", "32"),
        ("West Java", "32"),
        ("Indonesia", "ID"),
    ],
)
def test_a_place_text_resolves_to_its_code(text, code):
    first = resolve_one(text)
    # A locality that is a district answers the district, inside the expected regency.
    assert first is not None and (first.place.regency_code or first.place.code) == code
    assert not first.ambiguous


def test_a_name_shared_by_a_kota_and_a_kabupaten_is_ambiguous_with_both():
    results = resolve("Bekasi")
    assert [r.place.code for r in results] == ["32.75", "32.16"]
    assert all(r.ambiguous for r in results)
    assert results[0].score > results[1].score


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kabupaten Tangerang", "36.03"),
        ("Kab. Tangerang", "36.03"),
        ("Tangerang Regency", "36.03"),
        ("Tangerang District, Banten", "36.03"),
        ("Kota Tangerang", "36.71"),
        ("Bandung Kota", "32.73"),
        ("Bandung Kabupaten", "32.04"),
    ],
)
def test_the_kind_word_settles_kota_or_kabupaten(text, code):
    assert codes(text) == [code]


def test_a_locality_settles_the_ambiguous_name_beside_it():
    assert codes("Cikarang, Bekasi") == ["32.16"]


def test_a_district_gives_the_district_and_its_regency():
    result = resolve_one("Kebayoran Lama, Jakarta")
    assert result.place.level == "district"
    assert result.place.regency_code == "31.74"
    assert regency_codes_for("Kebayoran Lama") == ["31.74"]


def test_the_province_narrows_a_district_name_found_in_several_provinces():
    assert regency_codes_for("Cileungsi, West Java") == ["32.01"]


def test_jakarta_alone_offers_the_picker_all_six_regencies_the_islands_last():
    assert regency_codes_for("Jakarta") == ["31.71", "31.72", "31.73", "31.74", "31.75", "31.01"]
    assert regency_codes_for("Pulau Seribu") == ["31.01"]
    assert codes("Kepulauan Seribu") == ["31.01"]


def test_a_first_word_shared_by_several_regencies_lists_them_all():
    results = resolve("Kotawaringin")
    assert {r.place.code for r in results} == {"62.01", "62.02"}
    assert all(r.ambiguous for r in results)


def test_remote_comes_first_and_the_office_city_follows():
    assert codes("Remote (Jakarta Barat)") == ["remote", "31.73"]


def test_in_a_sentence_everyday_words_are_not_places():
    assert codes("pengalaman kerja di tambang batu minimal dua tahun") == []
    assert codes("Penempatan di kantor cabang Jakarta Utara") == ["31.72"]


@pytest.mark.parametrize(
    "text", ["", "   ", "😀😀😀", "'; DROP TABLE taxonomy_regency; --", "<script>x</script>"]
)
def test_nonsense_resolves_to_nothing(text):
    assert resolve(text) == []


def test_a_very_long_text_is_cut_not_refused():
    assert codes("Surabaya " + "x" * 10_000) == ["35.78"]


def test_the_description_settles_an_ambiguous_name():
    assert codes_with("Tangerang", "Penempatan di gudang Cikupa") == ["36.03"]
    assert codes_with("Bekasi", "siap ditempatkan di area cikarang") == ["32.16"]
    assert codes_with("Serang", "Lokasi KAWASAN INDUSTRI MODERN CIKANDE") == ["36.04"]
    assert codes_with("Yogyakarta", "Kantor kami di Sleman") == ["34.04"]
    # Context never adds a place of its own.
    assert codes_with("Surabaya", "cabang Jakarta dan Medan") == ["35.78"]


def codes_with(text: str, context: str) -> list[str]:
    return [r.place.code for r in resolve(text, context=context)]


def test_a_misspelt_name_is_still_found_with_a_lower_score():
    first = resolve_one("Surabay")
    assert first.place.code == "35.78" and first.score < 1
    assert codes("Tanggerang") == ["36.71", "36.03"]
    assert resolve("Xqzvbn") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # The shapes other job sites write: kind word, province, country after the place.
        ("Kota Jakarta Selatan, DKI Jakarta", "31.74"),
        ("Jakarta Selatan, Jakarta Raya", "31.74"),
        ("Kota Tangerang Selatan", "36.74"),
        ("Kabupaten Tangerang, Banten, Indonesia", "36.03"),
        ("Kota Adm. Jakarta Barat", "31.73"),
        ("Kab. Kep. Seribu", "31.01"),
        ("Kep. Riau", "21"),
        ("Medan City, North Sumatra", "12.71"),
        ("Surabaya, Indonesia", "35.78"),
        ("Hybrid, Jakarta Utara", "31.72"),
        ("KAB. BOGOR", "32.01"),
        ("Sby", "35.78"),
        ("Luar negeri", "abroad"),
        ("Penempatan Singapura", "abroad"),
        ("Seluruh Indonesia", "ID"),
        ("Work from home", "remote"),
    ],
)
def test_a_job_site_location_field_resolves_to_one_place(text, code):
    found = resolve(text)
    assert [r.place.code for r in found] == [code]
    assert not found[0].ambiguous


def test_the_country_after_a_place_adds_nothing():
    assert codes("Bekasi, Indonesia") == ["32.75", "32.16"]


def test_a_street_named_after_a_city_is_not_that_city():
    assert codes("Jl. Raya Bogor No. 12, Cimanggis, Depok") == ["32.76.02"]
    assert codes("Jalan Jakarta 5, Bandung") == ["32.73", "32.04"]
    # ...but a street our table places still says where, and a lone street is all there is.
    assert codes("Jl. Gatot Subroto Kav. 9, Jakarta") == ["31.74"]
    assert codes("Jl. Pemuda, Semarang Kota") == ["33.74"]
    assert codes("Jl. Surabaya") == ["35.78"]


def test_a_metropolitan_area_is_the_core_province_then_its_neighbours():
    found = resolve("Jabodetabek")
    assert found[0].place.code == "31" and found[0].ambiguous
    assert {"32.01", "32.71", "32.76", "36.03", "36.71", "36.74", "32.16", "32.75"} <= {
        r.place.code for r in found
    }
    assert [r.place.code for r in resolve("Bandung Raya")][:2] == ["32.73", "32.04"]


def test_an_island_is_its_provinces():
    found = resolve("Seluruh Jawa")
    assert {r.place.code for r in found} == {"31", "32", "33", "34", "35", "36"}
    assert all(r.ambiguous for r in found)


def test_a_language_named_after_a_country_is_not_a_post_abroad():
    assert codes("Guru bahasa Jepang, Surabaya") == ["35.78"]
    assert codes("Jepang") == ["abroad"]


def test_a_misspelt_word_beside_a_correct_one_is_still_found():
    assert codes("Jakarta Seltan") == ["31.74"]
    assert codes("Surabya, Jatim") == ["35.78"]
    # A word that is no place is left alone.
    assert codes("Hybrid - Jakarta") == ["31"]


def test_a_greater_name_said_after_a_place_is_not_another_place():
    assert codes("Serpong, Tangerang") == ["36.74.01"]
    assert codes("BSD, Tangerang") == ["36.74"]
    assert codes("Lembang, Bandung") == ["32.17.01"]
    # A neighbour that does not carry the name stays an alternative.
    assert codes("Cimahi, Bandung") == ["32.77", "32.73", "32.04"]


@pytest.mark.parametrize(
    ("text", "code"),
    [("Muka Kuning", "21.71"), ("Pasuruan (PIER)", "35.14"), ("GIIC Deltamas", "32.16")],
)
def test_an_industrial_estate_names_its_regency(text, code):
    assert codes(text) == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Purwokerto", "33.02"),  # the first word of four districts, all in Kab. Banyumas
        ("Baturaja", "16.01"),
        ("Pangkalan Bun", "62.01"),  # a regency's seat, not the district Pangkalan in Karawang
        ("Sampit", "62.02"),
        ("Timika", "94.04"),
        ("Kisaran", "12.09"),
    ],
)
def test_a_town_that_is_no_district_names_its_regency(text, code):
    assert codes(text) == [code]


def test_an_island_of_several_regencies_lists_them():
    found = resolve("Madura")
    assert [r.place.code for r in found] == ["35.26", "35.27", "35.28", "35.29"]
    assert all(r.ambiguous for r in found)

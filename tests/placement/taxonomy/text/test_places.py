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

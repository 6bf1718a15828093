"""The shared text normalisation: what every coder sees of a title or a phrase."""

import pytest

from placement.taxonomy.text.normalize import clean_input, fold, normalize_title


def test_fold_lowercases_unaccents_and_keeps_programming_signs():
    assert fold("  Café  BARISTA!! ") == "cafe barista"
    assert fold("C++ / C# Developer") == "c++ c# developer"
    assert fold("Laki-laki") == "laki laki"


@pytest.mark.parametrize(
    ("title", "core"),
    [
        ("URGENT!! Sales Executive (Jakarta Selatan) - Fresh Graduate", "sales executive"),
        ("Staf Admin Gudang (Cikarang) URGENT", "staf admin gudang"),
        ("Operator Produksi Shift Malam (JKT-01)", "operator produksi"),
        ("Driver Pribadi Pria Max 40 thn", "driver pribadi"),
        ("Teknisi AC (Kota Bekasi)", "teknisi ac"),
        ("Kurir Motor Jakarta Utara", "kurir motor"),
        ("Marketing Internship - PT Contoh Sejahtera", "marketing internship"),
        ("Kepala Gudang - Surabaya, Jawa Timur", "kepala gudang"),
        ("Staff IT (D3/S1)", "staff it"),
    ],
)
def test_title_noise_is_removed(title, core):
    assert normalize_title(title) == core


def test_brackets_that_carry_meaning_are_kept_as_words():
    assert normalize_title("Kasir (Cashier)") == "kasir cashier"
    assert normalize_title("Admin - Gudang") == "admin gudang"


def test_a_regency_name_that_is_an_everyday_word_stays():
    assert normalize_title("Tukang Batu") == "tukang batu"


@pytest.mark.parametrize("text", ["", "   ", "😀😀🙏", "!!!???", None])
def test_nothing_usable_gives_an_empty_string(text):
    assert clean_input(text) == ""
    assert normalize_title(text) == ""


def test_long_input_is_cut_and_markup_is_only_words():
    assert len(clean_input("a" * 10_000)) == 2000
    assert normalize_title("<b>Kasir</b>") == "kasir"
    assert "drop table" in normalize_title("'; DROP TABLE x;--")

"""The skill extractor and the skill search, on texts we wrote."""

import pytest

from placement.taxonomy.text.skills import extract, lexicon, search


def labels(uris: list[str]) -> list[str]:
    entries = lexicon().entries
    return [entries[uri].label_en for uri in uris]


def test_kasir_finds_the_cashier_skill():
    assert labels(search("kasir"))[0] == "process payments"
    assert labels(extract("Dicari kasir toko").uris) == ["process payments"]


def test_las_is_welding_and_never_kelas():
    assert labels(search("las"))[0] == "welding techniques"
    assert labels(extract("Bisa las listrik").uris) == ["welding techniques"]
    assert extract("Menunggu di kelas").uris == []
    assert not any("kelas" in lexicon().entries[u].label_id.lower() for u in search("las")[:3])


def test_spans_point_at_the_words_in_the_text():
    text = "Menguasai Ms Excel dan memiliki SIM A."
    found = extract(text).skills
    assert [(text[m.start : m.end], labels([m.uri])[0]) for m in found] == [
        ("Ms Excel", "use spreadsheets software"),
        ("SIM A", "drive vehicles"),
    ]


def test_the_longest_phrase_wins():
    found = extract("Mampu menyusun laporan keuangan bulanan").skills
    assert labels([m.uri for m in found]) == ["prepare financial statements"]
    assert found[0].text == "menyusun laporan keuangan"


def test_english_and_indonesian_labels_are_both_found():
    uris = extract("Good communication skills; bekerja dalam tim; operate forklift").uris
    assert labels(uris) == ["communication", "work in teams", "operate forklift"]


def test_list_items_that_name_no_known_skill_are_kept_as_free_text():
    result = extract("Excel, Blender, Houdini dan kemampuan komunikasi")
    assert labels(result.uris) == ["use spreadsheets software", "communication"]
    assert result.unknown == ["Blender", "Houdini"]


def test_a_seekers_own_short_list_keeps_lower_case_items_too():
    assert extract("menjahit, membatik tulis").unknown == ["membatik tulis"]


def test_filler_and_generic_words_are_not_free_text_skills():
    result = extract("Kualifikasi: ability, knowledge, good understanding")
    assert result.uris == [] and result.unknown == []


def test_bad_input_gives_nothing():
    for text in ["", "😀😀", "<script src=x></script>", "<b><i></i></b>", "'; DROP TABLE x; --"]:
        result = extract(text)
        assert result.skills == [] and result.uris == []


def test_a_long_text_is_read_to_its_limit():
    result = extract(("Bisa menjahit. " * 1000) + "Bisa mengelas.")
    assert labels(result.uris) == ["sew pieces of fabric", "welding techniques"]


def test_words_about_the_employer_or_the_pay_are_not_required_skills():
    text = (
        "PT Contoh adalah perusahaan yang bergerak di bidang alat berat. "
        "Kami mencari welder yang bisa mengelas.\n"
        "Tunjangan : BPJS, tunjangan komunikasi\nKeahlian : negosiasi"
    )
    assert labels(extract(text).uris) == ["welding techniques", "negotiate price"]


def test_a_word_naming_a_team_or_a_duty_is_not_a_skill():
    assert extract("Berkoordinasi dengan tim admin").uris == []
    assert extract("Bertanggung jawab atas stok gudang").uris != []
    assert "act reliably" not in labels(extract("Bertanggung jawab atas kas").uris)
    assert labels(extract("Jujur dan bertanggung jawab").uris) == [
        "demonstrate trustworthiness",
        "act reliably",
    ]
    assert extract("menarik perhatian target audiens").uris == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # How requirements are written in Indonesian ads and by seekers, spoken forms included.
        (
            "Mampu mengoperasikan Ms. Office (Excel, Word)",
            ["use microsoft office", "use spreadsheets software", "use word processing software"],
        ),
        ("bisa nyetir", ["drive vehicles"]),
        ("bisa bawa mobil", ["drive vehicles"]),
        ("memiliki SIM B1", ["drive vehicles"]),
        ("menguasai AutoCAD", ["use CAD software"]),
        ("paham akuntansi", ["accounting"]),
        ("bisa bahasa Inggris aktif", ["English"]),
        (
            "jujur, disiplin, teliti",
            ["demonstrate trustworthiness", "act reliably", "attend to detail"],
        ),
        ("pengalaman las argon", ["welding techniques"]),
        ("bisa ngelas", ["welding techniques"]),
        ("bisa ngecat tembok", ["use painting equipment"]),
        ("menjahit", ["sew pieces of fabric"]),
        ("mengemudi", ["drive vehicles"]),
        ("memotong rambut", ["hairdressing"]),
        ("mampu menggunakan alat-alat pertukangan", ["use hand tools"]),
        ("paham jaringan komputer", ["ICT networking hardware"]),
    ],
)
def test_indonesian_phrasings_name_their_skills(text, expected):
    assert labels(extract(text).uris) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pria/Wanita, usia maks 35 tahun",
        "Pendidikan min SMA/SMK sederajat",
        "Sehat jasmani dan rohani, tidak buta warna",
        "Domisili Bekasi",
        "Memiliki kendaraan sendiri",
        "Fresh graduate dipersilakan melamar",
    ],
)
def test_a_requirement_of_the_person_is_neither_a_skill_nor_a_free_text_one(text):
    found = extract(text)
    assert found.uris == [] and found.unknown == []


def test_a_language_said_spoken_and_written_keeps_no_stray_word():
    found = extract("Fasih berbahasa Inggris lisan dan tulisan")
    assert found.unknown == [] and len(found.uris) == 1


def test_english_collocations_of_tech_ads_are_not_the_trade_skill():
    found = extract("Data mining, data warehouse and load balancing; data migration")
    assert labels(found.uris) == ["data mining methods", "database"]
    assert extract("Knowledge of social security rules").uris == []
    assert labels(extract("Cyber security awareness").uris) == ["ensure information security"]


def test_a_whole_word_keeps_to_that_word_a_half_typed_one_finds_its_words():
    assert all("weld" in label for label in labels(search("las")))
    assert labels(search("excel")) == ["use spreadsheets software"]
    assert "laser types" in labels(search("lase"))


def test_on_indonesian_pages_untranslated_skills_come_after_translated_ones():
    entries = lexicon().entries
    found = [bool(entries[u].label_id) for u in search("lase")]
    assert found == sorted(found, reverse=True) and found[0] and not found[-1]

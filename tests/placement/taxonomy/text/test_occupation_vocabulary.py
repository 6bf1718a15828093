"""The coder's vocabulary: everyday Indonesian job words, abbreviations, employment-status words
and the decided readings of disputed aliases (benchmarks/README.md, sixth round).

Every title here is written for the test (none is taken from the real ads).
"""

from __future__ import annotations

import pytest

from placement.taxonomy.text.normalize import normalize_title
from placement.taxonomy.text.occupations import suggest_occupations


def codes(title: str) -> list[str]:
    return [s.code for s in suggest_occupations(title, limit=3)]


@pytest.mark.parametrize(
    ("title", "code"),
    [
        # Informal and blue-collar words.
        ("Pramukamar Hotel Bintang 3", "9112"),
        ("Helper Sopir Truk", "9621"),
        ("Buruh Pelabuhan", "9333"),
        ("Tukang Servis Elektronik", "7421"),
        ("Pengantar Galon Air", "9621"),
        ("Juru Rawat", "2221"),
        # Plantations, fisheries and villages.
        ("Mandor Panen Sawit", "6112"),
        ("Krani Timbang", "4321"),
        ("Asisten Kepala Kebun", "1311"),
        ("Anak Tambak", "9216"),
        ("Kader Posyandu", "3253"),
        ("Pendamping Desa", "3412"),
        # Workshops, mines, hotels, clinics and software.
        ("Fuelman Tambang", "8332"),
        ("Tyreman", "7231"),
        ("Pencuci Motor", "9122"),
        ("Houseman Hotel", "9112"),
        ("Petugas Pendaftaran Pasien", "4226"),
        ("Golang Engineer", "2512"),
        ("Bendahara Sekolah", "4311"),
        ("Kepala Koki", "3434"),
        ("Kepala Security", "5414"),
        ("Teknisi Forklift", "7233"),
        ("Operator Jembatan Timbang", "4321"),
        ("Operator CCTV", "5414"),
        ("Pelatih Futsal", "3422"),
        ("Pincab", "1346"),
        ("Wakasek Kurikulum", "1345"),
        ("Admin Pabrik Plastik", "4110"),
        ("Sopir Tronton", "8332"),
        # Abbreviations, variants and slips of the keyboard in frequent words.
        ("Sekuriti Malam", "5414"),
        ("Oprator Produksi", "8189"),
        ("Koord. Lapangan", "3341"),
        ("Karyawati Toko", "5223"),
    ],
)
def test_everyday_words_people_use_find_their_group(title: str, code: str) -> None:
    assert codes(title)[:1] == [code]


@pytest.mark.parametrize(
    ("title", "same_as"),
    [
        ("Guru Honorer SD", "Guru SD"),
        ("THL Penyuluh Pertanian", "Penyuluh Pertanian"),
        ("Bidan PTT", "Bidan"),
        ("Satpam Outsourcing", "Satpam"),
        ("PKWT Operator Produksi", "Operator Produksi"),
    ],
)
def test_an_employment_status_is_not_the_job(title: str, same_as: str) -> None:
    assert normalize_title(title) == normalize_title(same_as)
    assert codes(title) == codes(same_as)


@pytest.mark.parametrize(
    ("title", "same_as"),
    [
        # Indonesian abbreviations of heads and grades read as the words they stand for.
        ("Ka. Gudang", "Kepala Gudang"),
        ("Kasubag Keuangan", "Kepala Keuangan"),
        ("Kanit Produksi", "Kepala Produksi"),
        ("Asman Gudang", "Manager Gudang"),
        ("SVP Finance", "VP Finance"),
        ("Guru SD (Infal)", "Guru SD"),
        ("Program Permagangan Sales Motoris", "Sales Motoris"),
    ],
)
def test_abbreviated_heads_read_as_their_words(title: str, same_as: str) -> None:
    assert codes(title) == codes(same_as)


def test_a_job_name_holding_a_status_word_keeps_its_reading() -> None:
    # "outsourcing" is noise in "Satpam Outsourcing", the field in "Outsourcing Coordinator".
    assert codes("Outsourcing Coordinator")[0] == "3333"


@pytest.mark.parametrize(
    ("title", "first", "also"),
    [
        # KBJI 2014 names the job: 2166.10 Desainer Website, 2411.03 Pengawas Keuangan (financial
        # controller), 1211.02 Sekretaris Perusahaan (corporate secretary).
        ("Web Designer", "2166", "2513"),
        ("Financial Controller", "2411", "1211"),
        ("Corporate Secretary", "1211", "2619"),
        # Drafting contracts and legal advice is 2619's task list; paralegals are 3411.
        ("Legal Officer", "2619", "3411"),
        # Account managers and marketing supervisors sell (the workers supervised).
        ("Key Account Manager", "3322", "1221"),
        ("Supervisor Marketing", "3322", "2431"),
        # A line's lead operator is a production supervisor (3122).
        ("Lead Operator", "3122", "8189"),
        # PPIC: production planning (4322), then inventory control (4321).
        ("Staff PPIC", "4322", "4321"),
    ],
)
def test_the_decided_readings_of_disputed_aliases(title: str, first: str, also: str) -> None:
    found = codes(title)
    assert found[0] == first and also in found

"""Demo data of the jobseekers app (run by seed_demo after the demo accounts exist).

Two complete seekers of the Contract (seeker.6271 and seeker.6201) go through the real services;
the generated population is written with bulk_create (10,000 seekers in well under a minute):
Indonesian names by regional flavour (invented combinations, no real persons), valid NIKs that
match region, sex and birth date, regions weighted by population with a large share in Kalimantan
Tengah (62) so the demo officers have work, a plausible education mix, occupations weighted toward
common ones, skills that fit the occupation, and a lifecycle: some waiting for verification, most
active, some lapsed (removed), some reactivated, some placed, each with its ledger events.
"""

from __future__ import annotations

import bisect
import itertools
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from jobseekers import services
from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import (
    CardSequence,
    Consent,
    Education,
    Experience,
    JobSeeker,
    SeekerSkill,
)
from jobseekers.nik import format_nik
from officers.demo import demo_user
from officers.models import Office
from placement.accounts.models import Role
from placement.ledger.models import Event, EventKind
from placement.ledger.services import age_group
from placement.taxonomy.models import District, EducationLevel, Occupation, Regency, Skill

KALTENG = "62"
KALTENG_SHARE = 0.35  # of generated seekers, so the demo officers of 62 have work
DEMO_OFFICES_BOOST = {"62.71": 3.0, "62.01": 3.0}  # within 62: the two demo regency offices


def _w(text: str) -> list[str]:
    return text.split()


# --- Names: invented combinations of common given and family names, by regional flavour --------
# (male given names, female given names, family names for men, family names for women)
NAMES: dict[str, dict[str, tuple[list[str], list[str], list[str], list[str]]]] = {
    "jawa": {
        "muslim": (
            _w(
                "Budi Agus Slamet Joko Bambang Eko Dwi Hadi Wahyu Teguh Arif Rudi Bayu Dimas Rizky "
                "Fajar Aditya Gilang Yoga Hendra Anton Danang Ilham"
            ),
            _w(
                "Sri Siti Dewi Wulan Endang Rina Ayu Indah Fitri Putri Ratna Yuni Kartika Anisa "
                "Nur Tri Dian Novi Retno Sekar"
            ),
            _w(
                "Santoso Wibowo Susanto Prasetyo Nugroho Setiawan Kurniawan Saputra Hidayat "
                "Purnomo Wijaya Utomo Pratama Firmansyah Hartono"
            ),
            _w(
                "Lestari Handayani Rahayu Susanti Wulandari Puspitasari Rahmawati Wahyuni Safitri "
                "Kusumawati Anggraini"
            ),
        ),
        "christian": (
            _w("Yohanes Antonius Paulus Agustinus Yosef Stefanus Markus"),
            _w("Maria Theresia Veronika Yuliana Agnes Lusia"),
            _w("Santoso Wibowo Susanto Prasetyo Nugroho Setiawan"),
            _w("Lestari Handayani Rahayu Wulandari Susanti"),
        ),
    },
    "sunda": {
        "muslim": (
            _w("Asep Dadang Ujang Cecep Deden Yayan Iwan Ade Dedi Rizal Ujang Agus Tatang"),
            _w("Euis Neneng Imas Iis Siti Rina Yuli Lilis Nining Dewi Ai Elis"),
            _w("Sudrajat Permana Gunawan Hermawan Kusnadi Suryana Hidayat Ramdani Mulyana"),
            _w("Nurhayati Rosita Kurniasih Maryati Rohayati Sumiati Kartini"),
        ),
    },
    "batak": {
        "christian": (
            _w("Togar Parlindungan Hotman Bonar Sahat Daniel Roy Yosua Martin Benny"),
            _w("Rosmawati Lamria Tiurma Debora Rut Maria Sarma Rosdiana"),
            _w(
                "Siregar Simanjuntak Nainggolan Hutapea Sitompul Pardede Sinaga Situmorang "
                "Panjaitan Manurung"
            ),
            _w("Siregar Simanjuntak Nainggolan Hutapea Sitompul Sinaga Situmorang"),
        ),
        "muslim": (
            _w("Ahmad Rizki Fadli Syahrul Irwan Hendra Zulfan"),
            _w("Nurhaliza Aisyah Rahma Yanti Sari Mutia"),
            _w("Lubis Nasution Harahap Siregar Hasibuan Daulay Rangkuti"),
            _w("Lubis Nasution Harahap Siregar Hasibuan"),
        ),
    },
    "minang": {
        "muslim": (
            _w("Rahmat Fauzi Zulkifli Hendri Afrizal Yusuf Rizki Ridwan Fikri"),
            _w("Yusnita Rahmi Fitriani Nurul Desi Mira Rini Yelli"),
            _w("Putra Syahputra Effendi Yunus Hamzah Fauzan Chaniago Koto"),
            _w("Putri Syafitri Yanti Hayati Efendi Rahmadani"),
        ),
    },
    "melayu": {
        "muslim": (
            _w("Muhammad Fadli Syahrul Rizal Irwan Hendra Zainal Khairul Amri Faisal Teuku"),
            _w("Nurhaliza Siti Aisyah Rahma Zahra Dian Yanti Cut Intan Mawar"),
            _w("Syahputra Rahman Hamid Abdullah Ismail Sulaiman Azhari Hasan Ramadhan"),
            _w("Rahmawati Safitri Nurjanah Maulida Fadhilah Ramadhani"),
        ),
    },
    "kalimantan": {
        "muslim": (
            _w(
                "Ahmad Muhammad Rahmadi Yusran Norhadi Bayu Ardiansyah Rizal Herman Fahrul Syarif "
                "Akhmad Gusti Iwan Wahyudi"
            ),
            _w(
                "Norhayati Maulida Rusmini Siti Novita Eka Marlina Rabiatul Hairunnisa Fitriani "
                "Nurul Mariana Salma"
            ),
            _w("Rahman Hidayat Saputra Ardiansyah Pratama Kurniawan Ramadhan Noor Arsyad Abdillah"),
            _w("Lestari Handayani Rahmawati Safitri Maulida Noor Hasanah"),
        ),
        "christian": (
            _w("Yohanes Antonius Fransiskus Agustinus Elia Yosua Kristian Markus Simon Natalis"),
            _w("Yuliana Theresia Vivi Marlina Debora Elisabeth Natalia Meri Ester"),
            _w("Tambun Lambung Sahay Nyahu Bahen Ngabut Dehen Anyam Uneng Tingang"),
            _w("Tambun Lambung Sahay Nyahu Bahen Dehen Anyam"),
        ),
        "hindu": (
            _w("Bahen Dehen Sanan Liber Jaya Rusdi"),
            _w("Inin Sandra Elma Dinie Warni"),
            _w("Tambun Lambung Sahay Nyahu Uneng"),
            _w("Tambun Lambung Sahay Nyahu Uneng"),
        ),
    },
    "sulawesi": {
        "muslim": (
            _w("Andi Muhammad Ilham Syamsul Arman Rusli Fadli Irfan Hasrul Sudirman"),
            _w("Nurul Hasnawati Rahmawati Kasmawati Sitti Musdalifah Nurhidayah Ayu"),
            _w("Amir Hasan Saleh Basri Rauf Latif Syam Baharuddin Mappa"),
            _w("Amir Hasan Saleh Basri Rauf Latif Syam"),
        ),
        "christian": (
            _w("Steven Jeffry Frangky Rionaldo Stenly Johny Alfian Meiky"),
            _w("Grace Sherly Meity Novita Vanny Jein Olvie"),
            _w("Rumengan Sondakh Mamahit Wowor Lumintang Pangemanan Tumbelaka Rondonuwu"),
            _w("Rumengan Sondakh Mamahit Wowor Lumintang Pangemanan"),
        ),
    },
    "bali": {
        "hindu": (
            _w("Wayan Made Nyoman Ketut Putu Gede Komang Kadek"),
            _w("Wayan Made Nyoman Ketut Putu Komang Kadek Luh"),
            _w("Sudarma Suardana Artawan Mahendra Wirawan Astawa Budiarta Sujana"),
            _w("Suartini Ariani Sukarini Sriasih Wahyuni Lestari Damayanti"),
        ),
    },
    "timur": {
        "christian": (
            _w("Yohanes Petrus Markus Yakob Frans Stefanus Yosep Elia Daniel Obaja Melkianus"),
            _w("Maria Yuliana Agustina Margaretha Elisabeth Ester Fransiska Yustina Magdalena"),
            _w(
                "Lado Manek Bere Seran Nahak Tefa Pattiasina Tuhumury Pattinama Sahetapy Wenda "
                "Kogoya Rumbiak Mandowen Karubaba Wanimbo"
            ),
            _w("Lado Manek Bere Seran Nahak Tefa Pattiasina Tuhumury Rumbiak Mandowen"),
        ),
        "muslim": (
            _w("Muhammad Abdul Husen Ismail Rahim Yusuf"),
            _w("Siti Nurul Fatma Hadija Aisa"),
            _w("Latuconsina Tuasikal Ohorella Marasabessy Tawainella"),
            _w("Latuconsina Tuasikal Ohorella Marasabessy"),
        ),
    },
}
FLAVOUR_BY_PROVINCE = {
    **dict.fromkeys(["11", "14", "15", "16", "17", "18", "19", "21"], "melayu"),
    "12": "batak",
    "13": "minang",
    **dict.fromkeys(["31", "33", "34", "35", "36"], "jawa"),
    "32": "sunda",
    "51": "bali",
    "52": "melayu",
    **dict.fromkeys(["61", "62", "63", "64", "65"], "kalimantan"),
    **dict.fromkeys(["71", "72", "73", "74", "75", "76"], "sulawesi"),
    **dict.fromkeys(["53", "81", "82", "91", "92", "93", "94", "95", "96", "97"], "timur"),
}
# Religion mix by province (the AK/I card lists it); others: mostly Islam.
RELIGION_MIX = {
    "51": [("hindu", 86), ("islam", 10), ("protestan", 2), ("katolik", 2)],
    "53": [("katolik", 54), ("protestan", 35), ("islam", 11)],
    "71": [("protestan", 64), ("islam", 31), ("katolik", 5)],
    "12": [("islam", 64), ("protestan", 29), ("katolik", 7)],
    "62": [("islam", 72), ("protestan", 18), ("hindu", 6), ("katolik", 4)],
    "61": [("islam", 58), ("katolik", 22), ("protestan", 13), ("buddha", 6), ("khonghucu", 1)],
    "81": [("islam", 51), ("protestan", 42), ("katolik", 7)],
    **{
        code: [("protestan", 65), ("katolik", 18), ("islam", 17)]
        for code in ("91", "92", "93", "94", "95", "96", "97")
    },
}
DEFAULT_RELIGION_MIX = [
    ("islam", 88),
    ("protestan", 6),
    ("katolik", 3),
    ("hindu", 2),
    ("buddha", 1),
]
RELIGION_GROUP = {
    "islam": "muslim",
    "protestan": "christian",
    "katolik": "christian",
    "hindu": "hindu",
    "buddha": "christian",
    "khonghucu": "christian",
    "kepercayaan": "hindu",
}

# --- Education (IPK codes) and occupations ----------------------------------------------------
EDUCATION_MIX = [
    ("0000", 1),
    ("1000", 8),
    ("2000", 13),
    ("3000", 48),
    ("4100", 1.2),
    ("4200", 0.5),
    ("5100", 6),
    ("6100", 1.5),
    ("6200", 19),
    ("7100", 1.6),
    ("7200", 0.2),
]
SCHOOLS = {
    "0000": [""],
    "1000": ["SDN {n} {city}", "MI Al-Hidayah {city}"],
    "2000": ["SMPN {n} {city}", "MTsN {n} {city}"],
    "3000": ["SMAN {n} {city}", "SMKN {n} {city}", "MAN {n} {city}", "SMK Swasta Karya {city}"],
    "4100": ["Politeknik Negeri {city}", "LPK Terampil {city}"],
    "4200": ["Politeknik Negeri {city}"],
    "5100": ["Politeknik Negeri {city}", "Akademi Keperawatan {city}", "AMIK {city}"],
    "6100": ["Politeknik Negeri {city}"],
    "6200": ["Universitas {city}", "Universitas Muhammadiyah {city}", "STIE {city}"],
    "7100": ["Universitas {city}"],
    "7200": ["Universitas {city}"],
}

# (KBJI unit group, weight, skill family, lowest education rank, highest education rank, majors)
OCCUPATIONS = [
    ("5223", 9, "sales", 2, 7, ["Pemasaran", "Tata Niaga"]),
    ("5230", 5, "cashier", 2, 7, ["Akuntansi", "Administrasi Perkantoran"]),
    ("4110", 6, "office", 3, 8, ["Administrasi Perkantoran", "Manajemen"]),
    ("4311", 3, "accounting", 3, 8, ["Akuntansi"]),
    ("4321", 3, "warehouse", 2, 7, ["Logistik", "Teknik Pergudangan"]),
    ("4226", 2, "reception", 3, 7, ["Perhotelan", "Administrasi Perkantoran"]),
    ("8322", 6, "driving", 1, 6, ["Teknik Kendaraan Ringan"]),
    ("8332", 3, "driving", 1, 4, ["Teknik Kendaraan Ringan"]),
    ("8344", 2, "warehouse", 2, 5, ["Teknik Alat Berat"]),
    ("9112", 6, "cleaning", 0, 4, [""]),
    ("5414", 5, "security", 2, 6, [""]),
    ("5120", 4, "cooking", 1, 6, ["Tata Boga"]),
    ("5131", 3, "food_service", 2, 6, ["Perhotelan", "Tata Boga"]),
    ("7533", 3, "sewing", 1, 5, ["Tata Busana"]),
    ("7212", 3, "welding", 1, 5, ["Teknik Pengelasan", "Teknik Mesin"]),
    ("7411", 3, "electrical", 2, 6, ["Teknik Instalasi Tenaga Listrik"]),
    ("7231", 4, "mechanic", 1, 6, ["Teknik Kendaraan Ringan", "Teknik Sepeda Motor"]),
    ("6111", 4, "agriculture", 0, 5, ["Agribisnis Tanaman Pangan"]),
    ("6112", 3, "agriculture", 0, 5, ["Agribisnis Tanaman Perkebunan"]),
    ("9211", 3, "agriculture", 0, 4, [""]),
    ("6121", 1.5, "livestock", 0, 5, ["Agribisnis Ternak"]),
    ("6221", 1.5, "fishery", 0, 5, ["Agribisnis Perikanan"]),
    ("6222", 1.5, "fishery", 0, 4, ["Nautika Kapal Penangkap Ikan"]),
    ("2341", 2, "teaching", 7, 9, ["Pendidikan Guru SD"]),
    ("2330", 1.5, "teaching", 7, 9, ["Pendidikan Matematika", "Pendidikan Bahasa Inggris"]),
    ("2221", 1.5, "nursing", 6, 9, ["Keperawatan"]),
    ("3221", 1.5, "nursing", 6, 7, ["Keperawatan", "Kebidanan"]),
    ("3313", 1.5, "accounting", 6, 8, ["Akuntansi"]),
    ("2411", 1.2, "accounting", 7, 9, ["Akuntansi"]),
    ("5141", 1.5, "beauty", 1, 6, ["Tata Kecantikan"]),
    ("5311", 1.5, "care", 1, 6, [""]),
    ("5322", 1, "care", 1, 6, ["Keperawatan"]),
    ("7115", 2, "construction", 0, 5, ["Teknik Konstruksi Kayu"]),
    ("7112", 2, "construction", 0, 5, ["Teknik Konstruksi Batu dan Beton"]),
    ("9313", 3, "construction", 0, 4, [""]),
    ("8219", 3, "production", 2, 6, ["Teknik Elektronika Industri"]),
    ("8160", 2, "production", 2, 6, ["Teknologi Pengolahan Hasil Pertanian"]),
    ("9329", 3, "production", 1, 5, [""]),
    ("9333", 2, "warehouse", 0, 4, [""]),
    ("2512", 1.5, "it", 7, 9, ["Teknik Informatika", "Sistem Informasi"]),
    ("3512", 1.5, "it", 3, 8, ["Teknik Komputer dan Jaringan"]),
    ("2431", 1, "marketing", 7, 9, ["Manajemen Pemasaran"]),
    ("3322", 2, "sales", 3, 8, ["Manajemen Pemasaran"]),
    ("4222", 1.5, "call_center", 3, 7, [""]),
    ("9412", 1.5, "cooking", 1, 4, [""]),
    ("7512", 1, "cooking", 1, 5, ["Tata Boga"]),
    ("8111", 1.5, "mining", 1, 5, ["Teknik Pertambangan"]),
]

# Skill families: words found in the Indonesian (or English) labels of skills_id.csv.
FAMILY_WORDS = {
    "sales": ["menjual", "penjualan", "pelanggan", "harga", "toko", "upselling", "pesanan"],
    "cashier": [
        "kasir",
        "pembayaran",
        "menghitung uang",
        "transaksi keuangan",
        "kartu kredit",
        "tutup buku",
    ],
    "office": [
        "office",
        "word",
        "excel",
        "arsip",
        "administrasi",
        "perkantoran",
        "mengetik",
        "surel",
        "dokumen",
        "formulir",
        "presentasi",
        "telepon",
        "alat tulis",
    ],
    "accounting": [
        "akuntansi",
        "keuangan",
        "pembukuan",
        "pajak",
        "jurnal",
        "buku besar",
        "kas",
        "penggajian",
        "excel",
    ],
    "warehouse": [
        "gudang",
        "stok",
        "forklift",
        "bongkar",
        "barang",
        "mengemas",
        "paket",
        "persediaan",
        "pengiriman",
        "logistik",
        "alat angkat",
    ],
    "reception": ["tamu", "reservasi", "check-in", "check-out", "telepon", "pelanggan"],
    "driving": [
        "mengemudikan",
        "kendaraan",
        "lalu lintas",
        "truk",
        "bus",
        "gps",
        "peta",
        "memarkir",
        "mengganti ban",
        "sistem rem",
        "mengemudi",
    ],
    "cleaning": [
        "kebersihan",
        "membersihkan",
        "pembersih",
        "pembersihan",
        "lantai",
        "kaca",
        "sampah",
        "mendisinfeksi",
        "linen",
    ],
    "security": [
        "pemeriksaan keamanan",
        "keamanan pintu",
        "patroli",
        "cctv",
        "mencurigakan",
        "kerumunan",
        "pencurian",
        "kebakaran",
        "apar",
        "insiden",
        "kejadian",
        "waspada",
    ],
    "cooking": ["pangan", "makanan", "resep", "dapur", "haccp", "higienis"],
    "food_service": [
        "menyajikan",
        "penyajian",
        "pelanggan",
        "pesanan",
        "higiene",
        "piring",
        "kopi",
    ],
    "sewing": ["menjahit", "kain", "garmen", "busana", "benang", "memermak", "menyetrika"],
    "welding": ["las", "pengelasan", "logam", "gerinda", "gambar kerja", "apd", "menyolder"],
    "electrical": ["listrik", "kabel", "sakelar", "pemutus arus", "diagram", "pendingin ruangan"],
    "mechanic": [
        "kendaraan",
        "perawatan mesin",
        "memperbaiki mesin",
        "pemeriksaan rutin mesin",
        "sistem rem",
        "mengganti ban",
        "perkakas tangan",
        "perkakas listrik",
        "mekanika",
        "kerusakan",
    ],
    "agriculture": ["tanaman", "pemupukan", "hama", "irigasi", "budi daya", "pohon"],
    "livestock": ["ternak", "hewan", "pakan"],
    "fishery": ["ikan", "perikanan", "kualitas air"],
    "teaching": [
        "mengajar",
        "pembelajaran",
        "peserta didik",
        "kelas",
        "pelajaran",
        "bimbingan belajar",
    ],
    "nursing": ["keperawatan", "pasien", "infeksi", "pertolongan pertama", "p3k", "lansia"],
    "beauty": ["rambut", "rias", "kuku", "pijat", "pangkas"],
    "care": ["anak", "lansia", "pendampingan", "pengasuhan", "bayi", "merawat diri"],
    "construction": [
        "beton",
        "kayu",
        "plesteran",
        "perancah",
        "konstruksi",
        "pengecatan",
        "bahan bangunan",
        "ketinggian",
        "pipa",
        "penutup lantai",
        "pertukangan",
    ],
    "production": [
        "mesin bubut",
        "mesin cetak",
        "mesin pengemasan",
        "operasi mesin",
        "kontrol mesin",
        "produksi",
        "lini",
        "merakit",
        "konveyor",
        "mutu",
        "kualitas produk",
        "kualitas bahan",
        "cacat",
        "5s",
        "ban berjalan",
    ],
    "it": [
        "pemrograman",
        "komputer",
        "data",
        "digital",
        "desain grafis",
        "troubleshooting",
        "daring",
        "perangkat lunak",
        "ponsel",
    ],
    "marketing": [
        "pemasaran",
        "media sosial",
        "konten",
        "pelanggan",
        "menegosiasikan",
        "desain grafis",
    ],
    "call_center": ["telepon", "pelanggan", "keluhan", "telemarketing", "komunikasi"],
    "mining": ["tambang", "bawah tanah", "alat berat", "b3", "k3", "apd"],
}
TRANSVERSAL_WORDS = [
    "tim",
    "komunikasi",
    "mandiri",
    "tekanan",
    "kemauan untuk belajar",
    "diandalkan",
    "teliti",
    "waktu",
    "inisiatif",
    "sopan",
    "jujur",
    "instruksi",
    "beradaptasi",
    "memecahkan masalah",
    "sif",
    "k3",
    "rekan kerja",
    "empati",
    "efisien",
]
GROUP_FAMILIES = {
    "1": "office",
    "2": "office",
    "3": "office",
    "4": "office",
    "5": "sales",
    "6": "agriculture",
    "7": "construction",
    "8": "production",
    "9": "cleaning",
}
EMPLOYER_NAMES = [
    "CV Maju Jaya",
    "PT Sinar Abadi",
    "Toko Berkah",
    "UD Sumber Rezeki",
    "PT Karya Mandiri",
    "CV Harapan Baru",
    "Koperasi Sejahtera",
    "PT Borneo Lestari",
    "Rumah Makan Sederhana",
    "Bengkel Sinar Motor",
    "PT Agro Sawit Nusantara",
    "Hotel Dandang Tingang",
]
STREETS = [
    "Jl. Merdeka",
    "Jl. Ahmad Yani",
    "Jl. Diponegoro",
    "Jl. Sudirman",
    "Jl. Gatot Subroto",
    "Jl. Kartini",
    "Jl. Pahlawan",
    "Jl. Cilik Riwut",
    "Jl. Imam Bonjol",
    "Jl. Veteran",
]


def _weighted(rng: random.Random, items: list, weights: list[float]):
    return rng.choices(items, weights=weights, k=1)[0]


class _Picker:
    """Fast repeated weighted choice (cumulative weights, bisect)."""

    def __init__(self, items: list, weights: list[float]) -> None:
        self.items = items
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng: random.Random):
        x = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, x)]


@dataclass
class _Reference:
    regency_picker_62: _Picker
    regency_picker_other: _Picker
    regency_names: dict[str, str]
    districts: dict[str, list[str]]
    education_picker: _Picker
    education_rank: dict[str, int]
    occupations: dict[str, list[int]]  # unit group -> ids of the 4- and 6-digit occupations
    occupation_code: dict[int, str]
    family_skills: dict[str, tuple[list[int], list[float]]]
    transversal_skills: tuple[list[int], list[float]]
    offices: dict[str, Office]
    next_serial: dict[tuple[int, int], int] = field(default_factory=dict)


def _skill_families() -> tuple[dict[str, tuple[list[int], list[float]]], tuple]:
    """Occupation family -> skills whose Indonesian labels fit it, weighted by commonness."""
    skills = list(Skill.objects.exclude(label_id="").values_list("pk", "label_id", "common_rank"))

    def matching(words: list[str]) -> tuple[list[int], list[float]]:
        # Whole words only: "ban" is not "bangunan", "bus" is not "busana".
        alternatives = "|".join(map(re.escape, words))
        pattern = re.compile(r"(?<![a-z0-9])(" + alternatives + r")(?![a-z0-9])")
        chosen = [
            (pk, 1.0 / (rank or 300) ** 0.5)
            for pk, label, rank in skills
            if pattern.search(label.lower())
        ]
        return [pk for pk, _w in chosen], [w for _pk, w in chosen]

    families = {name: matching(words) for name, words in FAMILY_WORDS.items()}
    return families, matching(TRANSVERSAL_WORDS)


def _reference() -> _Reference:
    regencies = list(
        Regency.objects.filter(population__isnull=False).values_list(
            "code", "province_id", "population", "name"
        )
    )
    in_62 = [r for r in regencies if r[1] == KALTENG]
    other = [r for r in regencies if r[1] != KALTENG]
    districts: dict[str, list[str]] = defaultdict(list)
    for code, regency in District.objects.values_list("code", "regency_id"):
        districts[regency].append(code)
    levels = {lvl.code: lvl.rank for lvl in EducationLevel.objects.all()}
    units = [row[0] for row in OCCUPATIONS]
    occupations: dict[str, list[int]] = defaultdict(list)
    occupation_code = {}
    for pk, code in (
        Occupation.objects.current()
        .filter(code__regex=r"^(" + "|".join(units) + r")(\.[0-9]{2})?$")
        .values_list("pk", "code")
    ):
        if code.endswith(".99"):
            continue  # "lainnya": keep the named jabatan
        occupations[code[:4]].append(pk)
        occupation_code[pk] = code
    families, transversal = _skill_families()
    return _Reference(
        regency_picker_62=_Picker(
            [r[0] for r in in_62], [r[2] * DEMO_OFFICES_BOOST.get(r[0], 1.0) for r in in_62]
        ),
        regency_picker_other=_Picker([r[0] for r in other], [r[2] for r in other]),
        regency_names={r[0]: r[3] for r in regencies},
        districts=districts,
        education_picker=_Picker([c for c, _w in EDUCATION_MIX], [w for _c, w in EDUCATION_MIX]),
        education_rank=levels,
        occupations=occupations,
        occupation_code=occupation_code,
        family_skills=families,
        transversal_skills=transversal,
        offices={o.code: o for o in Office.objects.filter(level=Office.Level.REGENCY)},
    )


def _city_word(regency_name: str) -> str:
    for prefix in ("Kabupaten ", "Kota ", "Kab. "):
        if regency_name.startswith(prefix):
            return regency_name[len(prefix) :]
    return regency_name


def _name(rng: random.Random, province: str, religion: str, sex: str) -> str:
    flavour = NAMES[FLAVOUR_BY_PROVINCE.get(province, "jawa")]
    group = RELIGION_GROUP.get(religion, "muslim")
    lists = flavour.get(group) or next(iter(flavour.values()))
    male, female, family_m, family_f = lists
    if FLAVOUR_BY_PROVINCE.get(province) == "bali" and group == "hindu":
        first = ("I " if sex == "L" else "Ni ") + rng.choice(male if sex == "L" else female)
        return f"{first} {rng.choice(family_m if sex == 'L' else family_f)}"
    given = rng.choice(male if sex == "L" else female)
    if rng.random() < 0.25:
        second = rng.choice(male if sex == "L" else female)
        if second != given:
            given = f"{given} {second}"
    if rng.random() < 0.12:
        return given  # one-word and given-name-only names are common in Indonesia
    return f"{given} {rng.choice(family_m if sex == 'L' else family_f)}"


def _age(rng: random.Random) -> int:
    # Job seekers are mostly young: a triangular distribution between 17 and 58, mode 22.
    return int(rng.triangular(17, 58, 22))


def _education_for(rng: random.Random, ref: _Reference, age: int) -> str:
    cap = 3 if age < 19 else 6 if age < 21 else 7 if age < 23 else 9
    for _attempt in range(10):
        code = ref.education_picker.pick(rng)
        if ref.education_rank[code] <= cap:
            return code
    return "3000"


def _occupation_for(rng: random.Random, rank: int) -> tuple:
    fitting = [row for row in OCCUPATIONS if row[3] <= rank <= row[4]]
    return _weighted(rng, fitting, [row[1] for row in fitting])


def _skills_for(rng: random.Random, ref: _Reference, families: list[str], count: int) -> list[int]:
    """Mostly skills of the occupation's family, a few of the second wish, then transversal."""
    chosen: list[int] = []
    quotas = [max(2, round(count * 0.6))] + [2] * (len(families) - 1)
    for family, quota in zip(families, quotas, strict=True):
        items, weights = ref.family_skills.get(family) or ([], [])
        target = len(chosen) + min(quota, len(items))
        for _attempt in range(quota * 4):
            if len(chosen) >= target:
                break
            pk = _weighted(rng, items, weights)
            if pk not in chosen:
                chosen.append(pk)
    items, weights = ref.transversal_skills
    for _attempt in range(count * 3):
        if len(chosen) >= count or not items:
            break
        pk = _weighted(rng, items, weights)
        if pk not in chosen:
            chosen.append(pk)
    return chosen[:count]


# --- The two seekers of the Contract -------------------------------------------------------------
CONTRACT_SEEKERS = [
    {
        "local": "seeker.6271",
        "officer": "officer.6271",
        "registered_days_ago": 170,  # the six-monthly report opens soon: the demo shows "lapor"
        "profile": {
            "full_name": "Dewi Lestari",
            "sex": "P",
            "birth_date": date(1998, 5, 14),
            "birth_place": "Palangka Raya",
            "marital_status": "single",
            "religion": "islam",
            "address": "Jl. G. Obos X No. 21, RT 03/RW 05, Menteng",
            "regency": "62.71",
            "district": "62.71.03",
            "postcode": "73112",
            "phone": "081251234567",
            "expected_wage": 4_000_000,
            "relocation": "province",
            "category": "stopped",
        },
        "nik_serial": 17,
        "educations": [
            ("6200", "Akuntansi", "Universitas Palangka Raya", 2020),
            ("3000", "IPS", "SMAN 2 Palangka Raya", 2016),
        ],
        "experiences": [
            ("Staf administrasi keuangan", "4311", "CV Borneo Niaga", 2020, 2023, 36),
        ],
        "wanted": ["3313", "4311", "2411"],
        "skills": [
            "Akuntansi",
            "Mencatat transaksi keuangan",
            "Menyusun laporan keuangan",
            "Menggunakan sistem akuntansi",
            "Pencatatan jurnal akuntansi",
            "Menghitung pajak",
            "Menggunakan aplikasi lembar kerja (Excel)",
            "Menggunakan Microsoft Office",
            "Teliti dalam bekerja",
            "Bekerja dalam tim",
        ],
    },
    {
        "local": "seeker.6201",
        "officer": "officer.6201",
        "registered_days_ago": 40,
        "profile": {
            "full_name": "Andi Pratama",
            "sex": "L",
            "birth_date": date(2000, 8, 9),
            "birth_place": "Pangkalan Bun",
            "marital_status": "married",
            "religion": "islam",
            "address": "Jl. Pangeran Antasari No. 7, Mendawai",
            "regency": "62.01",
            "district": "62.01.02",
            "postcode": "74112",
            "phone": "081349876543",
            "expected_wage": 3_800_000,
            "relocation": "national",
            "category": "stopped",
        },
        "nik_serial": 3,
        "educations": [("3000", "Teknik Kendaraan Ringan", "SMKN 1 Pangkalan Bun", 2018)],
        "experiences": [
            ("Mekanik mobil", "7231", "Bengkel Sinar Motor", 2018, 2022, 48),
            ("Sopir pengiriman", "8322", "CV Maju Jaya", 2022, 2024, 18),
        ],
        "wanted": ["7231", "8322", "8332"],
        "skills": [
            "Mekanika kendaraan bermotor",
            "Melakukan perawatan kendaraan",
            "Memeriksa kerusakan kendaraan",
            "Merawat sistem rem",
            "Mengganti ban",
            "Menggunakan perkakas tangan",
            "Mengemudikan kendaraan",
            "Peraturan lalu lintas jalan",
            "Menerapkan K3 (keselamatan dan kesehatan kerja)",
            "Bekerja dalam tim",
        ],
    },
]


def _seed_contract_seeker(spec: dict) -> JobSeeker | None:
    user = demo_user(spec["local"], Role.SEEKER, spec["profile"]["full_name"])
    if JobSeeker.objects.filter(user=user).exists():
        return None
    officer = demo_user(spec["officer"], Role.OFFICER, "")
    profile = dict(spec["profile"])
    district = District.objects.filter(code=profile.pop("district")).first()
    profile["regency"] = Regency.objects.get(code=profile["regency"])
    profile["district"] = district
    district_code = district.code if district else f"{profile['regency'].code}.01"
    profile["nik"] = format_nik(
        district_code=district_code,
        sex=profile["sex"],
        birth_date=profile["birth_date"],
        serial=spec["nik_serial"],
    )
    while JobSeeker.objects.filter(nik=profile["nik"]).exists():
        spec["nik_serial"] += 1
        profile["nik"] = profile["nik"][:12] + f"{spec['nik_serial']:04d}"
    occupations = {o.code: o for o in Occupation.objects.current().filter(code__in=spec["wanted"])}
    profile["preferred_occupations"] = [occupations[c] for c in spec["wanted"] if c in occupations]
    profile["skills"] = list(Skill.objects.filter(label_id__in=spec["skills"]))
    registered_on = timezone.localdate() - timedelta(days=spec["registered_days_ago"])
    with transaction.atomic():
        seeker = services.start_registration(user=user)
        services.update_jobseeker(seeker=seeker, actor=user, changes=profile)
        for level, major, school, year in spec["educations"]:
            services.add_education(
                seeker=seeker,
                actor=user,
                level_id=level,
                major=major,
                school=school,
                graduation_year=year,
            )
        for title, code, employer, start, end, months in spec["experiences"]:
            services.add_experience(
                seeker=seeker,
                actor=user,
                job_title=title,
                occupation=Occupation.objects.current().get(code=code),
                employer_name=employer,
                start_year=start,
                end_year=end,
                months=months,
            )
        seeker.steps_done = list(services.REGISTRATION_STEPS)
        seeker.save(update_fields=["steps_done"])
        seeker = services.submit_registration(
            seeker=seeker, actor=user, consent_version=CURRENT_CONSENT_VERSION
        )
        return services.verify_jobseeker(seeker=seeker, officer=officer, on=registered_on)


# --- The generated population ------------------------------------------------------------------
@dataclass
class _Plan:
    seeker: JobSeeker
    educations: list[Education]
    experiences: list[Experience]
    skills: list[int]
    wanted: list[int]
    events: list[tuple[str, date, dict]]
    consent_at: datetime | None


def _simulate(rng: random.Random, seeker: JobSeeker, registered_on: date, today: date) -> list:
    """Walk one card from registration to today: reports, misses, removals, reactivations."""
    add = services.add_months
    events = [(EventKind.SEEKER_REGISTERED, registered_on, {})]
    next_report, expires = add(registered_on, 6), add(registered_on, 24)
    last_report = None
    placed_on = None
    if rng.random() < 0.12:
        placed_on = registered_on + timedelta(days=rng.randint(30, 420))
    status = JobSeeker.Status.ACTIVE
    removed_on, reason = None, ""
    while True:
        if placed_on and placed_on <= today and placed_on < next_report:
            events.append((EventKind.SEEKER_PLACED, placed_on, {"demo": True}))
            status = JobSeeker.Status.PLACED
            break
        if next_report >= today:
            break
        if rng.random() < 0.8:
            day = next_report - timedelta(days=rng.randint(0, 25))
            events.append((EventKind.SEEKER_REPORTED, day, {}))
            last_report = day
            next_report = add(day, 6)
            if expires < next_report:
                expires = add(day, 24)
            continue
        removed_on = next_report + timedelta(days=1)
        reason = JobSeeker.RemovalReason.MISSED_REPORT
        events.append((EventKind.SEEKER_REMOVED, removed_on, {"reason": reason}))
        status = JobSeeker.Status.REMOVED
        back = removed_on + timedelta(days=rng.randint(10, 240))
        if rng.random() < 0.3 and back < today:
            events.append(
                (EventKind.SEEKER_REACTIVATED, back, {"previous_status": JobSeeker.Status.REMOVED})
            )
            status, removed_on, reason = JobSeeker.Status.ACTIVE, None, ""
            last_report, next_report = back, add(back, 6)
            if expires < next_report:
                expires = add(back, 24)
            continue
        break
    seeker.status = status
    seeker.registered_on = registered_on
    seeker.last_reported_on = last_report
    seeker.next_report_on = next_report
    seeker.expires_on = expires
    seeker.removed_on = removed_on
    seeker.removal_reason = reason
    return events


def _plan_seeker(
    rng: random.Random, ref: _Reference, today: date, used_niks: set[str]
) -> _Plan | None:
    regency = (
        ref.regency_picker_62.pick(rng)
        if rng.random() < KALTENG_SHARE
        else ref.regency_picker_other.pick(rng)
    )
    district_codes = ref.districts.get(regency)
    if not district_codes:
        return None
    district = rng.choice(district_codes)
    province = regency.split(".")[0]
    sex = "L" if rng.random() < 0.53 else "P"
    age = _age(rng)
    birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
    nik = ""
    for _attempt in range(20):
        nik = format_nik(
            district_code=district, sex=sex, birth_date=birth, serial=rng.randint(1, 9999)
        )
        if nik not in used_niks:
            break
    else:
        return None
    used_niks.add(nik)
    religion = _weighted(
        rng,
        [r for r, _w in RELIGION_MIX.get(province, DEFAULT_RELIGION_MIX)],
        [w for _r, w in RELIGION_MIX.get(province, DEFAULT_RELIGION_MIX)],
    )
    education = _education_for(rng, ref, age)
    rank = ref.education_rank[education]
    unit, _weight, family, _low, _high, majors = _occupation_for(rng, rank)
    if not ref.occupations.get(unit):
        return None
    city = _city_word(ref.regency_names[regency])
    school_template = rng.choice(SCHOOLS[education])
    grad_year = min(today.year, birth.year + {0: 12, 1: 12, 2: 15, 3: 18}.get(rank, 22))
    educations = []
    if education != "0000":
        educations.append(
            Education(
                level_id=education,
                major=rng.choice(majors) if rank >= 3 else "",
                school=school_template.format(n=rng.randint(1, 9), city=city),
                graduation_year=grad_year,
            )
        )
    else:
        educations.append(Education(level_id=education, school="-", graduation_year=None))
    if rank >= 6 and rng.random() < 0.8:
        educations.append(
            Education(
                level_id="3000",
                major="",
                school=f"SMAN {rng.randint(1, 9)} {city}",
                graduation_year=birth.year + 18,
            )
        )
    # Work experience: older seekers more often; coded to KBJI, mostly in the same family.
    experiences = []
    working_years = max(0, today.year - grad_year)
    category = JobSeeker.Category.NEVER_WORKED
    if working_years >= 1 and rng.random() < min(0.85, 0.25 + working_years * 0.08):
        for _i in range(1 if rng.random() < 0.7 else 2):
            job_unit = unit if rng.random() < 0.75 else _occupation_for(rng, rank)[0]
            ids = ref.occupations.get(job_unit)
            if not ids:
                continue
            start = rng.randint(grad_year, max(grad_year, today.year - 1))
            end = min(today.year, start + rng.randint(0, 4))
            occupation_id = rng.choice(ids)
            experiences.append(
                Experience(
                    job_title=_title_cache.get(occupation_id, "")[:150],
                    occupation_id=occupation_id,
                    employer_name=rng.choice(EMPLOYER_NAMES),
                    start_year=start,
                    end_year=end,
                    months=max(1, (end - start) * 12 + rng.randint(1, 11)),
                )
            )
        category = (
            JobSeeker.Category.EMPLOYED if rng.random() < 0.15 else JobSeeker.Category.STOPPED
        )
    wanted_units = [unit]
    if rng.random() < 0.6:
        other = _occupation_for(rng, rank)[0]
        if other != unit:
            wanted_units.append(other)
    wanted = [rng.choice(ref.occupations[u]) for u in wanted_units if ref.occupations.get(u)]
    families = [family]
    second_family = next((row[2] for row in OCCUPATIONS if row[0] == wanted_units[-1]), family)
    if second_family != family:
        families.append(second_family)
    skills = _skills_for(rng, ref, families, rng.randint(4, 11))
    seeker = JobSeeker(
        full_name=_name(rng, province, religion, sex),
        nik=nik,
        birth_place=city,
        birth_date=birth,
        sex=sex,
        marital_status=(
            JobSeeker.MaritalStatus.SINGLE
            if age < 24 or rng.random() < 0.35
            else JobSeeker.MaritalStatus.MARRIED
        ),
        religion=religion,
        address=f"{rng.choice(STREETS)} No. {rng.randint(1, 180)}",
        regency_id=regency,
        district_id=district,
        phone=f"08{rng.choice(['11', '12', '13', '21', '22', '52', '53', '57', '77', '95'])}"
        f"{rng.randint(10_000_000, 99_999_999)}",
        education_level_id=max(
            (e.level_id for e in educations), key=lambda code: ref.education_rank[code]
        ),
        experience_months=sum(x.months for x in experiences),
        category=category,
        expected_wage=rng.choice([None, 2_500_000, 3_000_000, 3_500_000, 4_000_000, 5_000_000])
        if rank < 7
        else rng.choice([4_500_000, 5_500_000, 7_000_000, 9_000_000]),
        relocation=_weighted(
            rng,
            [c for c, _l in JobSeeker.Relocation.choices],
            [65, 24, 9, 2],
        ),
        has_disability=rng.random() < 0.02,
        steps_done=list(services.REGISTRATION_STEPS),
    )
    if seeker.has_disability:
        seeker.disability_note = rng.choice(
            ["Tunadaksa ringan: butuh tempat kerja tanpa tangga", "Tunarungu: komunikasi tertulis"]
        )
    # 8 % wait for verification; the others were verified on a day of the last 30 months.
    events: list[tuple[str, date, dict]] = []
    if rng.random() < 0.08:
        seeker.status = JobSeeker.Status.SUBMITTED
        submitted = today - timedelta(days=rng.randint(0, 20))
    else:
        registered_on = today - timedelta(days=rng.randint(0, 900))
        events = _simulate(rng, seeker, registered_on, today)
        submitted = registered_on - timedelta(days=rng.randint(0, 5))
        seeker.office = ref.offices.get(regency)
        seeker.verified_at = timezone.make_aware(datetime.combine(registered_on, time(10, 0)))
    seeker.submitted_at = timezone.make_aware(
        datetime.combine(submitted, time(rng.randint(7, 21), rng.randint(0, 59)))
    )
    return _Plan(seeker, educations, experiences, skills, wanted, events, seeker.submitted_at)


_title_cache: dict[int, str] = {}


def _issue_numbers(plans: list[_Plan]) -> list[CardSequence]:
    """AK/I numbers for the verified plans, continuing each office's yearly sequence."""
    sequences = {
        (s.office_id, s.year): s
        for s in CardSequence.objects.filter(
            office_id__in={p.seeker.office_id for p in plans if p.seeker.office_id}
        )
    }
    new = []
    for plan in sorted(plans, key=lambda p: p.seeker.registered_on or date.min):
        seeker = plan.seeker
        if seeker.office is None or seeker.registered_on is None:
            continue
        key = (seeker.office_id, seeker.registered_on.year)
        sequence = sequences.get(key)
        if sequence is None:
            sequence = CardSequence(office=seeker.office, year=key[1], last_number=0)
            sequences[key] = sequence
            new.append(sequence)
        sequence.last_number += 1
        seeker.ak1_number = services.format_ak1_number(
            services.office_number_code(seeker.office), key[1], sequence.last_number
        )
    CardSequence.objects.bulk_create(new)
    CardSequence.objects.bulk_update(
        [s for s in sequences.values() if s not in new], ["last_number"]
    )
    return list(sequences.values())


def _event(plan: _Plan, kind: str, day: date, detail: dict, occupation_group: str) -> Event:
    seeker = plan.seeker
    age = seeker.age_on(day)
    return Event(
        kind=kind,
        occurred_on=day,
        recorded_at=timezone.make_aware(datetime.combine(day, time(12, 0))),
        subject_type=JobSeeker._meta.label_lower,
        subject_id=seeker.pk,
        office_id=seeker.office_id,
        regency_id=seeker.regency_id,
        province_id=seeker.regency_id.split(".")[0],
        sex=seeker.sex,
        age_group=age_group(age),
        education=seeker.education_level_id or "",
        occupation_group=occupation_group,
        placement_scope="AKL" if kind == EventKind.SEEKER_PLACED else "",
        employer_type="private" if kind == EventKind.SEEKER_PLACED else "",
        detail=detail,
    )


def _seed_population(*, count: int, rng: random.Random, stdout) -> int:
    if count <= 0:
        return 0
    existing = JobSeeker.objects.filter(user__isnull=True).count()
    missing = count - existing
    if missing <= 0:
        return 0
    ref = _reference()
    _title_cache.update(
        dict(Occupation.objects.filter(pk__in=list(ref.occupation_code)).values_list("pk", "title"))
    )
    today = timezone.localdate()
    used_niks = set(JobSeeker.objects.exclude(nik=None).values_list("nik", flat=True))
    plans: list[_Plan] = []
    while len(plans) < missing:
        plan = _plan_seeker(rng, ref, today, used_niks)
        if plan is not None:
            plans.append(plan)
    with transaction.atomic():
        _issue_numbers(plans)
        JobSeeker.objects.bulk_create([p.seeker for p in plans], batch_size=1000)
        through = JobSeeker.preferred_occupations.through
        educations, experiences, skills, wanted, consents, events = [], [], [], [], [], []
        for plan in plans:
            seeker = plan.seeker
            for row in plan.educations:
                row.seeker_id = seeker.pk
                educations.append(row)
            for row in plan.experiences:
                row.seeker_id = seeker.pk
                experiences.append(row)
            skills.extend(SeekerSkill(seeker_id=seeker.pk, skill_id=pk) for pk in plan.skills)
            wanted.extend(through(jobseeker_id=seeker.pk, occupation_id=pk) for pk in plan.wanted)
            consents.append(
                Consent(
                    seeker_id=seeker.pk,
                    version=CURRENT_CONSENT_VERSION,
                    language="id",
                    given_at=plan.consent_at,
                )
            )
            group = ref.occupation_code[plan.wanted[0]][0] if plan.wanted else ""
            events.extend(
                _event(plan, kind, day, detail, group) for kind, day, detail in plan.events
            )
        Education.objects.bulk_create(educations, batch_size=2000)
        Experience.objects.bulk_create(experiences, batch_size=2000)
        SeekerSkill.objects.bulk_create(skills, batch_size=5000)
        through.objects.bulk_create(wanted, batch_size=5000)
        Consent.objects.bulk_create(consents, batch_size=2000)
        Event.objects.bulk_create(events, batch_size=2000)
    return len(plans)


def seed(*, stdout, options: dict, rng: random.Random) -> None:
    """The two Contract seekers (idempotent) and options["seekers"] generated seekers."""
    created = [s for s in (_seed_contract_seeker(spec) for spec in CONTRACT_SEEKERS) if s]
    generated = _seed_population(count=int(options.get("seekers") or 0), rng=rng, stdout=stdout)
    stdout.write(
        f"Job seekers: {len(created)} demo accounts completed, {generated} generated "
        f"({JobSeeker.objects.count()} in all)"
    )

"""Reference lists of the demo seeder: names by regional flavour, religion and education mixes,
common occupations with their skill families, and the two seekers of the Contract.

The names are common Indonesian given and family names combined at random: no real persons.

Size: data tables only (word lists and mixes), no logic.
"""

from __future__ import annotations

from datetime import date


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
        # DOMAIN.md scenario 10 (UU 27/2022 PDP): she asks for her data, then for deletion.
        "local": "seeker.pdp",
        "officer": "officer.6271",
        "registered_days_ago": 75,
        "profile": {
            "full_name": "Maria Ulfah",
            "sex": "P",
            "birth_date": date(1996, 11, 2),
            "birth_place": "Sampit",
            "marital_status": "married",
            "religion": "katolik",
            "address": "Jl. Seth Adji No. 40, Palangka",
            "regency": "62.71",
            "district": "62.71.03",
            "postcode": "73112",
            "phone": "081377001122",
            "expected_wage": 3_500_000,
            "relocation": "regency",
            "category": "never_worked",
        },
        "nik_serial": 41,
        "educations": [("3000", "IPA", "SMAN 1 Palangka Raya", 2014)],
        "experiences": [],
        "wanted": ["4311", "5223"],
        "skills": ["Menggunakan Microsoft Office", "Bekerja dalam tim"],
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

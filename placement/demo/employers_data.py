"""The tables of the employers' demo data: occupations with their wages, skills and words (JOBS),
approximate provincial minimum wages (UMP 2025, rounded, demo only), invented company-name words,
and the companies of the Contract's demo employer users. Every name is invented; the seeder is
`placement.demo.employers`.

Size: data tables only, no logic.
"""

from __future__ import annotations

from dataclasses import dataclass

# Approximate monthly UMP 2025 by province (Rp, rounded): demo wages only, not a legal reference.
UMP = {
    "11": 3_685_000, "12": 2_993_000, "13": 2_994_000, "14": 3_509_000, "15": 3_235_000,
    "16": 3_682_000, "17": 2_670_000, "18": 2_893_000, "19": 3_877_000, "21": 3_624_000,
    "31": 5_397_000, "32": 2_191_000, "33": 2_169_000, "34": 2_264_000, "35": 2_306_000,
    "36": 2_905_000, "51": 2_997_000, "52": 2_603_000, "53": 2_329_000, "61": 2_878_000,
    "62": 3_474_000, "63": 3_496_000, "64": 3_579_000, "65": 3_580_000, "71": 3_775_000,
    "72": 2_915_000, "73": 3_658_000, "74": 3_074_000, "75": 3_222_000, "76": 3_104_000,
    "81": 3_142_000, "82": 3_408_000,
}  # fmt: skip
DEFAULT_UMP = 4_000_000  # the Papua provinces


@dataclass(frozen=True)
class Job:
    kbji: str
    titles: tuple[str, ...]
    weight: int
    education: str
    wage: tuple[float, float]  # multiples of the provincial minimum wage
    skills: tuple[str, ...]  # ESCO English labels, the needed ones first
    kbli: tuple[str, ...]
    tasks: str
    optional: tuple[str, ...] = ("work in teams", "communication")
    experience: tuple[int, ...] = (0, 0, 6, 12)
    licence: str = ""  # the SIM class the job needs (placement/taxonomy/credentials.py)
    night_work: bool = False


# Occupations weighted roughly as vacancies arrive at a regency office: shops, transport,
# plantations, food, offices and security first; health, teaching and trades less often.
JOBS = (
    Job(
        "5223",
        ("Pramuniaga", "Asisten Toko", "Pramuniaga Minimarket"),
        14,
        "3000",
        (1.0, 1.15),
        (
            "sell products",
            "communicate with customers",
            "maintain customer service",
            "carry out stock rotation",
        ),
        ("47111", "46900"),
        "melayani pelanggan, menata barang di rak dan menjaga kebersihan toko",
    ),
    Job(
        "5230",
        ("Kasir", "Kasir Minimarket", "Kasir Toko Bangunan"),
        8,
        "3000",
        (1.0, 1.1),
        (
            "process payments",
            "count money",
            "handle financial transactions",
            "maintain customer service",
        ),
        ("47111", "46900"),
        "melayani pembayaran, menghitung uang kas dan membuat laporan harian",
    ),
    Job(
        "8322",
        ("Sopir", "Pengemudi Mobil Box", "Sopir Pribadi Perusahaan"),
        7,
        "2000",
        (1.0, 1.3),
        (
            "drive vehicles",
            "road traffic laws",
            "execute vehicle maintenance",
            "load products for dispatch",
        ),
        ("49431", "46900", "52101"),
        "mengantar barang ke pelanggan dan merawat kendaraan operasional",
        experience=(12, 24),
        licence="A",
    ),
    Job(
        "8332",
        ("Sopir Truk", "Pengemudi Truk CPO"),
        4,
        "2000",
        (1.1, 1.45),
        ("manoeuvre heavy trucks", "perform loading and unloading operations", "road traffic laws"),
        ("49431", "10431"),
        "mengemudikan truk angkutan barang antarkota sesuai jadwal pengiriman",
        experience=(24, 36),
        licence="B1",
    ),
    Job(
        "8160",
        ("Operator Produksi", "Operator Pabrik Kelapa Sawit", "Operator Mesin Roti"),
        8,
        "3000",
        (1.0, 1.2),
        (
            "monitor machine operations",
            "apply health and safety standards",
            "follow production schedule",
            "use personal protection equipment",
        ),
        ("10431", "10710"),
        "menjalankan mesin produksi sesuai standar dan mencatat hasil sif",
    ),
    Job(
        "8344",
        ("Operator Forklift",),
        3,
        "3000",
        (1.1, 1.3),
        ("operate forklift", "perform warehousing operations", "stack goods"),
        ("52101", "46900"),
        "memindahkan dan menyusun barang di gudang dengan forklift",
        experience=(6, 12),
    ),
    Job(
        "6112",
        ("Pekerja Kebun Sawit", "Pemanen Sawit", "Perawat Tanaman Sawit"),
        10,
        "1000",
        (1.0, 1.2),
        (
            "work in outdoor conditions",
            "agronomical production principles",
            "fertilisation principles",
            "pest control in plants",
        ),
        ("01262", "01291"),
        "memanen tandan buah segar, memupuk dan merawat tanaman di blok kebun",
        optional=("use hand tools", "work in teams"),
    ),
    Job(
        "5120",
        ("Juru Masak", "Koki", "Cook Helper"),
        5,
        "3000",
        (1.0, 1.3),
        (
            "work according to recipe",
            "comply with food safety and hygiene",
            "store raw food materials",
            "select adequate ingredients",
        ),
        ("56101",),
        "menyiapkan dan memasak menu sesuai resep serta menjaga kebersihan dapur",
    ),
    Job(
        "5131",
        ("Pramusaji", "Pelayan Restoran"),
        4,
        "3000",
        (1.0, 1.1),
        ("provide food and beverages", "greet guests", "maintain customer service"),
        ("56101", "55110"),
        "menyambut tamu, mencatat pesanan dan menyajikan makanan",
    ),
    Job(
        "4110",
        ("Staf Administrasi", "Admin Kantor", "Staf Administrasi Gudang"),
        7,
        "3000",
        (1.0, 1.3),
        (
            "perform clerical duties",
            "use microsoft office",
            "use spreadsheets software",
            "organise business documents",
        ),
        ("46900", "41011", "49431", "86105"),
        "mengelola surat-menyurat, arsip dan data administrasi kantor",
    ),
    Job(
        "4311",
        ("Staf Akuntansi", "Admin Keuangan"),
        3,
        "5100",
        (1.2, 1.6),
        (
            "accounting",
            "use accounting systems",
            "maintain financial records",
            "prepare financial statements",
        ),
        ("46900", "47111", "10431"),
        "mencatat transaksi, membuat laporan keuangan bulanan dan mengelola kas kecil",
    ),
    Job(
        "5414",
        ("Satpam", "Petugas Keamanan"),
        5,
        "3000",
        (1.0, 1.15),
        (
            "perform security checks",
            "patrol areas",
            "monitor surveillance equipment",
            "identify suspicious behaviour",
        ),
        ("80100",),
        "menjaga keamanan area, memeriksa tamu dan berpatroli sesuai jadwal sif",
        night_work=True,  # night shifts: closed to anyone under 18
    ),
    Job(
        "9112",
        ("Petugas Kebersihan", "Cleaning Service", "Room Attendant"),
        5,
        "2000",
        (1.0, 1.05),
        (
            "perform cleaning duties",
            "clean surfaces",
            "handle chemical cleaning agents",
            "clean building floors",
        ),
        ("81210", "55110", "86105"),
        "membersihkan ruangan, lantai dan fasilitas umum sesuai jadwal",
    ),
    Job(
        "3221",
        ("Perawat", "Perawat Klinik"),
        3,
        "5100",
        (1.1, 1.5),
        (
            "implement fundamentals of nursing",
            "infection control",
            "interact with healthcare users",
            "provide first aid",
        ),
        ("86105", "86103"),
        "memberikan asuhan keperawatan kepada pasien dan membantu dokter jaga",
        experience=(0, 12),
    ),
    Job(
        "3222",
        ("Bidan",),
        1,
        "5100",
        (1.1, 1.5),
        ("newborn care", "infection control", "interact with healthcare users"),
        ("86105",),
        "melayani pemeriksaan kehamilan, persalinan dan perawatan bayi baru lahir",
    ),
    Job(
        "2341",
        ("Guru SD", "Guru Kelas"),
        2,
        "6200",
        (0.9, 1.3),
        (
            "teach in academic or vocational contexts",
            "prepare lesson content",
            "assess students",
            "perform classroom management",
        ),
        ("85210", "85220"),
        "mengajar, menyusun materi pelajaran dan menilai perkembangan siswa",
    ),
    Job(
        "2330",
        ("Guru Bahasa Inggris", "Guru Matematika SMA"),
        2,
        "6200",
        (1.0, 1.4),
        (
            "teach in academic or vocational contexts",
            "prepare lesson content",
            "assess students",
            "apply teaching strategies",
        ),
        ("85220",),
        "mengajar di kelas, membimbing siswa dan menyiapkan ujian",
        optional=("English", "use presentation software"),
    ),
    Job(
        "7212",
        ("Tukang Las", "Welder"),
        2,
        "3000",
        (1.1, 1.4),
        (
            "welding techniques",
            "operate welding equipment",
            "apply arc welding techniques",
            "use personal protection equipment",
        ),
        ("25111",),
        "mengelas konstruksi baja sesuai gambar kerja",
        experience=(12, 24),
    ),
    Job(
        "7231",
        ("Mekanik", "Montir Mobil", "Mekanik Alat Berat"),
        3,
        "3000",
        (1.0, 1.4),
        (
            "mechanics of motor vehicles",
            "execute vehicle maintenance",
            "repair engines",
            "use hand tools",
        ),
        ("45201", "05100"),
        "memeriksa, merawat dan memperbaiki kendaraan pelanggan",
        experience=(12, 24),
    ),
    Job(
        "7411",
        ("Teknisi Listrik", "Instalatir Listrik"),
        2,
        "3000",
        (1.1, 1.4),
        (
            "install low voltage wiring",
            "interpret electrical diagrams",
            "install electric switches",
            "repair wiring",
        ),
        ("43211",),
        "memasang dan merawat instalasi listrik gedung",
    ),
    Job(
        "7112",
        ("Tukang Bangunan", "Tukang Batu"),
        3,
        "1000",
        (1.0, 1.2),
        ("mix concrete", "use hand tools", "build scaffolding"),
        ("41011",),
        "mengerjakan pasangan bata, plesteran dan pengecoran di proyek perumahan",
        optional=("work in outdoor conditions",),
    ),
    Job(
        "7533",
        ("Penjahit", "Operator Jahit"),
        2,
        "2000",
        (0.9, 1.1),
        ("sew pieces of fabric", "cut textiles", "dressmaking"),
        ("14111",),
        "menjahit pakaian jadi sesuai pola dan target harian",
    ),
    Job(
        "3322",
        ("Sales Lapangan", "Tenaga Pemasaran"),
        4,
        "3000",
        (1.0, 1.4),
        (
            "achieve sales targets",
            "sell products",
            "negotiate price",
            "apply social media marketing",
        ),
        ("46900", "46100"),
        "menawarkan produk ke toko dan pelanggan di wilayah kerja",
        optional=("drive vehicles", "communication"),
    ),
    Job(
        "4321",
        ("Staf Gudang", "Admin Gudang"),
        3,
        "3000",
        (1.0, 1.15),
        (
            "manage warehouse inventory",
            "perform warehousing operations",
            "pack goods",
            "check deliveries on receipt",
        ),
        ("52101", "46900"),
        "menerima, mencatat dan menyiapkan barang keluar masuk gudang",
    ),
    Job(
        "8342",
        ("Operator Alat Berat", "Operator Excavator"),
        2,
        "3000",
        (1.3, 1.8),
        (
            "drive mobile heavy construction equipment",
            "conduct routine machinery checks",
            "apply health and safety standards",
        ),
        ("05100", "41011"),
        "mengoperasikan excavator di area tambang dan proyek",
        experience=(24, 36),
    ),
    Job(
        "5245",
        ("Operator SPBU", "Petugas SPBU"),
        2,
        "3000",
        (1.0, 1.05),
        ("process payments", "maintain customer service", "count money"),
        ("47301",),
        "melayani pengisian bahan bakar dan pembayaran pelanggan",
    ),
    Job(
        "5311",
        ("Pengasuh Anak", "Pendidik PAUD"),
        1,
        "3000",
        (0.9, 1.1),
        ("attend to children's basic physical needs", "supervise children", "play with children"),
        ("85134",),
        "mengasuh dan mendampingi kegiatan anak",
    ),
)
OVERSEAS_JOB = Job(
    "5322",
    ("Caregiver Lansia (Jepang)", "Caregiver Panti Lansia (Taiwan)"),
    1,
    "3000",
    (2.5, 3.5),
    ("older adults' needs", "provide first aid", "interact verbally in Japanese"),
    ("78102",),
    "merawat lansia di panti wreda sesuai kontrak kerja",
)
LIMITS = (
    (18, 40, "", "Pekerjaan fisik berat di lapangan dengan sif malam."),
    (None, 35, "", "Program pelatihan kerja 2 tahun untuk lulusan baru."),
    (20, 45, "L", "Pekerjaan mengangkat beban berat di kebun dan sif malam."),
    (21, None, "", "Syarat usia minimal untuk SIM B2 Umum."),
)
BENEFITS = (
    "BPJS Ketenagakerjaan dan BPJS Kesehatan, THR.",
    "BPJS Ketenagakerjaan dan BPJS Kesehatan, THR, uang makan.",
    "BPJS, THR, mes karyawan dan uang transport.",
    "BPJS, THR, bonus bulanan sesuai target.",
)
HOURS = (
    "Senin sampai Sabtu, pukul 08.00-16.00.",
    "Sistem sif (pagi/siang/malam), 40 jam per minggu.",
    "Senin sampai Jumat, pukul 08.00-17.00.",
    "6 hari kerja, 7 jam per hari.",
)
# Invented company names: a legal form, a place-like word and a business word.
KALTENG_WORDS = (
    "Kahayan", "Barito", "Sampit", "Katingan", "Arut", "Lamandau", "Seruyan", "Kapuas",
)  # fmt: skip
NAME_START = (
    *KALTENG_WORDS, "Nusa", "Bumi", "Sinar", "Cahaya", "Mitra", "Karya", "Surya", "Tunas",
    "Harapan", "Anugerah", "Mandiri", "Maju", "Sentosa", "Prima", "Bintang", "Citra",
)  # fmt: skip
STREETS = (
    "Merdeka", "Sudirman", "Ahmad Yani", "Diponegoro", "Pahlawan", "Pemuda", "Gatot Subroto",
    "Pattimura", "Imam Bonjol", "Veteran",
)  # fmt: skip
NAME_END = (
    "Sejahtera", "Abadi", "Lestari", "Makmur", "Jaya", "Utama", "Perkasa", "Gemilang", "Sentosa",
    "Bersama", "Mulia", "Nusantara",
)  # fmt: skip
BUSINESS_WORD = {
    "47111": "Swalayan", "46900": "Niaga", "49431": "Logistik", "52101": "Pergudangan",
    "10431": "Agro Industri", "10710": "Roti", "01262": "Sawit", "01291": "Perkebunan",
    "56101": "Rumah Makan", "55110": "Hotel", "41011": "Konstruksi", "86105": "Klinik",
    "86103": "Rumah Sakit", "80100": "Satpam Jasa", "81210": "Kebersihan", "85210": "Sekolah",
    "85220": "Sekolah", "25111": "Baja", "45201": "Motor", "05100": "Tambang", "43211": "Elektrik",
    "14111": "Konveksi", "46100": "Distribusi", "47301": "Energi", "85134": "Ceria",
    "78102": "Karya Penempatan",
}  # fmt: skip
# The companies of the Contract's demo employer users (DESIGN.md).
CONTRACT_COMPANIES = (
    {
        "local": "employer.6271",
        "full_name": "Hendra Wijaya",
        "name": "PT Kahayan Mitra Niaga",
        "nib": "8129000006271",
        "kbli": "47111",
        "regency": "62.71",
        "address": "Jl. Tjilik Riwut Km 3 No. 18, Palangka Raya",
        "email": "rekrutmen@kahayan-mitra.example",
        "phone": "0536 3224517",
        "jobs": ("5223", "5230", "4321", "8322", "4110"),
    },
    {
        "local": "employer.6201",
        "full_name": "Agus Salim",
        "name": "PT Arut Sawit Lestari",
        "nib": "8129000006201",
        "kbli": "01262",
        "regency": "62.01",
        "address": "Jl. Pangeran Antasari No. 45, Pangkalan Bun",
        "email": "hrd@arut-sawit.example",
        "phone": "0532 2123456",
        "jobs": ("6112", "8160", "8332", "7231", "4311"),
    },
)
JOBS_BY_KBJI = {job.kbji: job for job in (*JOBS, OVERSEAS_JOB)}

"""Demo data of the employers app: companies across Indonesia and realistic vacancies.

Every company and vacancy is invented. Wages follow the occupation and an approximate provincial
minimum wage (UMP 2025, rounded, for demo data only); skills are the ESCO skills with Indonesian
labels (placement/taxonomy/data/skills_id.csv) that fit the occupation; at least a third of the
vacancies are in Kalimantan Tengah (62), where the demo officers work.

Size: mostly data (the JOBS table of occupations, wages and words); demo code, top floor.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from employers.models import Employer, EmployerUser, Vacancy, VacancySkill
from placement.accounts.models import Role, User
from placement.demo.accounts import demo_user
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.registers.models import Agency, JobOrder
from placement.taxonomy.models import EducationLevel, Industry, Occupation, Regency, Skill

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
GENERATED_NIB_PREFIX = "81200"
KALTENG_SHARE = 0.4


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
STATUS_MIX = (
    (Vacancy.Status.PUBLISHED, 72),
    (Vacancy.Status.SUBMITTED, 8),
    (Vacancy.Status.DRAFT, 5),
    (Vacancy.Status.RETURNED, 3),
    (Vacancy.Status.FILLED, 5),
    (Vacancy.Status.CLOSED, 3),
    (Vacancy.Status.EXPIRED, 4),
)
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


class _Refs:
    """The reference rows the seeder needs, loaded once."""

    def __init__(self) -> None:
        codes = {job.kbji for job in JOBS_BY_KBJI.values()}
        self.occupations = {o.code: o for o in Occupation.objects.current().filter(code__in=codes)}
        kblis = {k for job in JOBS_BY_KBJI.values() for k in job.kbli}
        kblis |= {c["kbli"] for c in CONTRACT_COMPANIES}
        self.industries = {i.code: i for i in Industry.objects.current().filter(code__in=kblis)}
        self.education = {e.code: e for e in EducationLevel.objects.all()}
        labels = {label for job in JOBS_BY_KBJI.values() for label in (*job.skills, *job.optional)}
        self.skills = dict(Skill.objects.filter(label_en__in=labels).values_list("label_en", "pk"))
        self.regencies = list(Regency.objects.select_related("office").order_by("code"))
        self.by_code = {r.code: r for r in self.regencies}


def _round(value: float, step: int = 50_000) -> int:
    return int(round(value / step) * step)


def _wage(job: Job, regency: Regency, rng: random.Random) -> tuple[int | None, int | None]:
    ump = UMP.get(regency.province_id, DEFAULT_UMP)
    low = _round(ump * job.wage[0] * rng.uniform(0.97, 1.05))
    high = _round(ump * job.wage[1] * rng.uniform(0.97, 1.08))
    roll = rng.random()
    if roll < 0.06:
        return None, None  # some employers leave the wage out (a warning for the officer)
    if roll < 0.2:
        return low, None
    return low, max(low, high)


def _description(job: Job, title: str, company: str, place: str, rng: random.Random) -> str:
    return (
        f"{company} membuka lowongan {title} untuk penempatan di {place}. "
        f"Tugas utama: {job.tasks}.\n\n"
        f"Jam kerja: {rng.choice(HOURS)}\n"
        f"Fasilitas: {rng.choice(BENEFITS)}\n\n"
        "Lamaran diproses melalui AntarKerja dan Disnaker setempat. "
        "Tidak dipungut biaya apa pun."
    )


def _pick_regency(refs: _Refs, rng: random.Random, weights_all, weights_62) -> Regency:
    if rng.random() < KALTENG_SHARE:
        return rng.choices(weights_62[0], weights=weights_62[1])[0]
    return rng.choices(weights_all[0], weights=weights_all[1])[0]


def _company_name(kbli: str, rng: random.Random, taken: set[str], province: str = "62") -> str:
    starts = NAME_START if province == "62" else NAME_START[len(KALTENG_WORDS) :]
    for _attempt in range(20):
        form = rng.choices(("PT", "CV", "UD", "Koperasi"), weights=(60, 25, 10, 5))[0]
        word = BUSINESS_WORD.get(kbli, "Usaha")
        name = f"{form} {rng.choice(starts)} {word} {rng.choice(NAME_END)}"
        if name not in taken:
            taken.add(name)
            return name
    return f"{name} {len(taken)}"


def _ownership(name: str, kbli: str) -> str:
    if name.startswith("Koperasi"):
        return Employer.Ownership.COOPERATIVE
    if kbli in ("85210", "86104"):
        return Employer.Ownership.GOVERNMENT
    if name.startswith("UD"):
        return Employer.Ownership.INDIVIDUAL
    return Employer.Ownership.PRIVATE


def _slug(name: str) -> str:
    words = [w for w in name.lower().split() if w not in ("pt", "cv", "ud", "koperasi")]
    return "-".join(words[:2])


def _new_vacancy(
    *,
    employer: Employer,
    job: Job,
    regency: Regency | None,
    refs: _Refs,
    rng: random.Random,
    status: str,
    today: date,
    officer: User | None,
    creator: User | None,
) -> Vacancy:
    title = rng.choice(job.titles)
    location = regency or employer.regency
    wage_min, wage_max = _wage(job, location, rng)
    vacancy = Vacancy(
        employer=employer,
        title=title,
        occupation=refs.occupations[job.kbji],
        industry=refs.industries.get(job.kbli[0]) or employer.industry,
        headcount=rng.choices((1, 2, 3, 5, 10, 20), weights=(35, 25, 15, 12, 8, 5))[0],
        min_education=refs.education[job.education],
        min_experience_months=rng.choice(job.experience),
        wage_min=wage_min,
        wage_max=wage_max,
        regency=regency,
        scope=Vacancy.Scope.AKL,
        description=_description(job, title, employer.name, location.name, rng),
        status=status,
        created_by=creator,
    )
    if job.education == "3000" and rng.random() < 0.5:
        # Half the SLTA-level vacancies say which school: trades and offices ask for SMK.
        vocational = job.kbji[0] in "3478" or rng.random() < 0.4
        vacancy.school_track = "vocational" if vocational else "general"
    if rng.random() < 0.15:
        vacancy.scope = Vacancy.Scope.AKAD
    if rng.random() < 0.08:
        vacancy.age_min, vacancy.age_max, vacancy.sex, vacancy.limits_reason = rng.choice(LIMITS)
    # Dates: published vacancies are open today; ended ones closed in the last weeks.
    if status in (Vacancy.Status.DRAFT, Vacancy.Status.SUBMITTED, Vacancy.Status.RETURNED):
        vacancy.valid_from = today + timedelta(days=rng.randint(0, 10))
        vacancy.valid_to = vacancy.valid_from + timedelta(days=rng.choice((30, 45, 60, 90)))
    elif status == Vacancy.Status.EXPIRED:
        vacancy.valid_to = today - timedelta(days=rng.randint(1, 30))
        vacancy.valid_from = vacancy.valid_to - timedelta(days=rng.choice((30, 45, 60)))
    else:
        vacancy.valid_from = today - timedelta(days=rng.randint(0, 45))
        vacancy.valid_to = today + timedelta(days=rng.randint(7, 75))
    # Nothing is sent or published in the future, even for a vacancy that opens next week.
    latest = timezone.now() - timedelta(hours=1)
    if status != Vacancy.Status.DRAFT:
        vacancy.submitted_at = min(
            _aware(vacancy.valid_from - timedelta(days=rng.randint(1, 5))),
            latest,  # no draw from `rng`: the rest of the demo stays as it was
        )
    if status in (Vacancy.Status.RETURNED,):
        vacancy.return_reason = (
            "Mohon lengkapi kisaran upah dan jelaskan alasan batas usia yang dicantumkan."
        )
        vacancy.verified_by = officer
    if status in Vacancy.ENDED_STATUSES or status == Vacancy.Status.PUBLISHED:
        vacancy.verified_by = officer
        vacancy.published_at = min(_aware(vacancy.valid_from, hour=9 + rng.randint(0, 6)), latest)
    vacancy.is_overseas = vacancy.scope == Vacancy.Scope.AKAN
    vacancy._skills = _skills_for(job, refs, rng)
    return vacancy


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _skills_for(job: Job, refs: _Refs, rng: random.Random) -> tuple[list[int], list[int]]:
    needed = [refs.skills[label] for label in job.skills if label in refs.skills]
    needed = needed[: rng.randint(min(2, len(needed)), len(needed))] if needed else []
    extra = [refs.skills[label] for label in job.optional if label in refs.skills]
    extra = [pk for pk in rng.sample(extra, k=rng.randint(0, len(extra))) if pk not in needed]
    return needed, extra


def _ledger_events(vacancy: Vacancy, today: date, rng: random.Random) -> list[Event]:
    """The events a real history would have left: registered, then filled/removed."""
    if vacancy.published_at is None:
        return []
    registered_on = timezone.localdate(vacancy.published_at)
    events = [
        ledger.vacancy_event(
            EventKind.VACANCY_REGISTERED,
            vacancy,
            quantity=vacancy.headcount,
            occurred_on=registered_on,
        )
    ]
    ended_on = min(today, registered_on + timedelta(days=rng.randint(5, 30)))
    if vacancy.filled_count:
        events.append(
            ledger.vacancy_event(
                EventKind.VACANCY_FILLED,
                vacancy,
                quantity=vacancy.filled_count,
                occurred_on=ended_on,
            )
        )
    if vacancy.removed_count:
        removed_on = (
            vacancy.valid_to + timedelta(days=1)
            if vacancy.status == Vacancy.Status.EXPIRED
            else ended_on
        )
        events.append(
            ledger.vacancy_event(
                EventKind.VACANCY_REMOVED,
                vacancy,
                quantity=vacancy.removed_count,
                occurred_on=removed_on,
            )
        )
    return events


def _finish_counts(vacancy: Vacancy, rng: random.Random) -> None:
    if vacancy.status == Vacancy.Status.FILLED:
        vacancy.filled_count = vacancy.headcount
    elif vacancy.status == Vacancy.Status.CLOSED:
        vacancy.filled_count = rng.randint(0, max(0, vacancy.headcount - 1))
        vacancy.removed_count = vacancy.headcount - vacancy.filled_count
    elif vacancy.status == Vacancy.Status.EXPIRED:
        vacancy.filled_count = rng.randint(0, vacancy.headcount // 2)
        vacancy.removed_count = vacancy.headcount - vacancy.filled_count
    elif vacancy.status == Vacancy.Status.PUBLISHED and vacancy.headcount > 2:
        vacancy.filled_count = rng.randint(0, vacancy.headcount // 3)
    if vacancy.status in Vacancy.ENDED_STATUSES:
        vacancy.closed_at = _aware(vacancy.valid_to)


def _save(vacancies: list[Vacancy], today: date, rng: random.Random) -> None:
    for vacancy in vacancies:
        _finish_counts(vacancy, rng)
    Vacancy.objects.bulk_create(vacancies, batch_size=500)
    skills, events = [], []
    for vacancy in vacancies:
        needed, extra = vacancy._skills
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=True) for pk in needed]
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=False) for pk in extra]
        events += _ledger_events(vacancy, today, rng)
    VacancySkill.objects.bulk_create(skills, batch_size=1000)
    Event.objects.bulk_create(events, batch_size=1000)


def _officer_for(regency: Regency) -> User | None:
    return (
        User.objects.filter(officer_profile__office__regency=regency).first()
        or User.objects.filter(role=Role.NATIONAL).first()
    )


def _seed_contract_companies(refs: _Refs, rng: random.Random, today: date) -> int:
    created = 0
    for spec in CONTRACT_COMPANIES:
        if Employer.objects.filter(nib=spec["nib"]).exists():
            continue
        user = demo_user(spec["local"], Role.EMPLOYER, spec["full_name"])
        regency = refs.by_code[spec["regency"]]
        officer = _officer_for(regency)
        employer = Employer.objects.create(
            name=spec["name"],
            nib=spec["nib"],
            industry=refs.industries[spec["kbli"]],
            ownership=Employer.Ownership.PRIVATE,
            address=spec["address"],
            regency=regency,
            contact_name=spec["full_name"],
            contact_email=spec["email"],
            contact_phone=spec["phone"],
            status=Employer.Status.VERIFIED,
            verified_by=officer,
            verified_at=timezone.now() - timedelta(days=60),
        )
        EmployerUser.objects.get_or_create(
            user=user, defaults={"employer": employer, "is_admin": True}
        )
        vacancies = [
            _new_vacancy(
                employer=employer,
                job=JOBS_BY_KBJI[kbji],
                regency=regency,
                refs=refs,
                rng=rng,
                status=Vacancy.Status.PUBLISHED,
                today=today,
                officer=officer,
                creator=user,
            )
            for kbji in spec["jobs"]
        ]
        # One waiting for the officer (with an age limit to review), one draft, one filled.
        waiting = _new_vacancy(
            employer=employer,
            job=JOBS_BY_KBJI[spec["jobs"][0]],
            regency=regency,
            refs=refs,
            rng=rng,
            status=Vacancy.Status.SUBMITTED,
            today=today,
            officer=None,
            creator=user,
        )
        waiting.age_min, waiting.age_max, waiting.sex, waiting.limits_reason = LIMITS[0]
        vacancies.append(waiting)
        for status in (Vacancy.Status.DRAFT, Vacancy.Status.FILLED):
            vacancies.append(
                _new_vacancy(
                    employer=employer,
                    job=JOBS_BY_KBJI[spec["jobs"][1]],
                    regency=regency,
                    refs=refs,
                    rng=rng,
                    status=status,
                    today=today,
                    officer=officer,
                    creator=user,
                )
            )
        for vacancy in vacancies:
            vacancy.industry = employer.industry
        _save(vacancies, today, rng)
        created += 1
    return created


def _seed_population(refs: _Refs, rng: random.Random, count: int, today: date) -> tuple[int, int]:
    if count <= 0 or Employer.objects.filter(nib__startswith=GENERATED_NIB_PREFIX + "1").exists():
        return 0, 0
    weights_all = (refs.regencies, [r.population or 100_000 for r in refs.regencies])
    kalteng = [r for r in refs.regencies if r.province_id == "62"]
    weights_62 = (kalteng, [(r.population or 100_000) for r in kalteng])
    officers = {r.code: _officer_for(r) for r in kalteng}
    national = User.objects.filter(role=Role.NATIONAL).first()
    taken = set(Employer.objects.values_list("name", flat=True))
    employer_count = max(8, count // 5)
    employers: list[Employer] = []
    now = timezone.now()
    for index in range(employer_count):
        job = rng.choices(JOBS, weights=[j.weight for j in JOBS])[0]
        kbli = rng.choice(job.kbli)
        regency = _pick_regency(refs, rng, weights_all, weights_62)
        name = _company_name(kbli, rng, taken, regency.province_id)
        # A few registrations still wait for an officer (the employer queue of the demo).
        pending = index % 17 == 5
        employers.append(
            Employer(
                name=name,
                nib=f"{GENERATED_NIB_PREFIX}1{index:07d}",
                industry=refs.industries[kbli],
                ownership=_ownership(name, kbli),
                address=f"Jl. {rng.choice(STREETS)} No. {rng.randint(1, 200)}, {regency.name}",
                regency=regency,
                contact_name=rng.choice(("Rina", "Yusuf", "Dewi", "Bambang", "Sari", "Rudi")),
                contact_email=f"hrd@{_slug(name)}-{index}.example",
                contact_phone=f"0{rng.randint(21, 986)} {rng.randint(300000, 7999999)}",
                status=Employer.Status.PENDING if pending else Employer.Status.VERIFIED,
                verified_by=None if pending else officers.get(regency.code, national),
                verified_at=None if pending else now - timedelta(days=rng.randint(30, 400)),
            )
        )
    # A licensed placement agency (P3MI) for the work-abroad vacancies.
    agency_regency = refs.by_code["62.71"]
    agency = Employer(
        name=_company_name("78102", rng, taken).replace("CV ", "PT ").replace("UD ", "PT "),
        nib=f"{GENERATED_NIB_PREFIX}2{0:07d}",
        industry=refs.industries["78102"],
        ownership=Employer.Ownership.PRIVATE,
        address="Jl. G. Obos No. 12, Palangka Raya",
        regency=agency_regency,
        contact_name="Maria",
        contact_email="penempatan@p3mi-demo.example",
        contact_phone="0536 3239001",
        status=Employer.Status.VERIFIED,
        verified_by=officers.get(agency_regency.code, national),
        verified_at=now - timedelta(days=200),
    )
    employers.append(agency)
    Employer.objects.bulk_create(employers, batch_size=500)
    verified = [e for e in employers[:-1] if e.status == Employer.Status.VERIFIED]
    # Companies by (province, line of business): a vacancy goes to a company of its trade.
    by_trade: dict[tuple[str, str], list[Employer]] = {}
    by_province: dict[str, list[Employer]] = {}
    for employer in verified:
        province = employer.regency.province_id
        by_trade.setdefault((province, employer.industry.code), []).append(employer)
        by_province.setdefault(province, []).append(employer)
    statuses, status_weights = zip(*STATUS_MIX, strict=True)
    vacancies = []
    for _index in range(count):
        job = rng.choices(JOBS, weights=[j.weight for j in JOBS])[0]
        province = _pick_regency(refs, rng, weights_all, weights_62).province_id
        candidates = [e for kbli in job.kbli for e in by_trade.get((province, kbli), [])]
        if not candidates:
            # Office, driving, security and cleaning jobs exist in every trade.
            candidates = by_province.get(province) or verified
        employer = rng.choice(candidates)
        regency = employer.regency
        if rng.random() < 0.2:
            regency = rng.choice([r for r in refs.regencies if r.province_id == province])
        vacancy = _new_vacancy(
            employer=employer,
            job=job,
            regency=regency,
            refs=refs,
            rng=rng,
            status=rng.choices(statuses, weights=status_weights)[0],
            today=today,
            officer=officers.get(regency.code, national),
            creator=None,
        )
        vacancy.industry = employer.industry
        vacancies.append(vacancy)
    # Work abroad through a licensed P3MI, one in fifty, under its SIP2MI of the register.
    job_orders = _demo_job_orders(agency, refs.occupations[OVERSEAS_JOB.kbji], today)
    for vacancy in vacancies[::50] if count >= 20 else []:
        vacancy.employer = agency
        vacancy.occupation = refs.occupations[OVERSEAS_JOB.kbji]
        vacancy.title = rng.choice(OVERSEAS_JOB.titles)
        vacancy.scope = Vacancy.Scope.AKAN
        vacancy.is_overseas = True
        vacancy.country = "Jepang" if "Jepang" in vacancy.title else "Taiwan"
        vacancy.regency = None
        vacancy.p3mi_name = agency.name
        vacancy.job_order = job_orders[vacancy.country]
        vacancy.job_order_number = vacancy.job_order.number
        vacancy.wage_min = _round(DEFAULT_UMP * 3)
        vacancy.wage_max = _round(DEFAULT_UMP * 3.8)
        vacancy.min_education = refs.education["3000"]
        vacancy.industry = agency.industry
        vacancy.age_min, vacancy.age_max, vacancy.sex = 18, 45, ""
        vacancy.limits_reason = "Syarat usia visa kerja negara tujuan."
        vacancy.description = _description(
            OVERSEAS_JOB, vacancy.title, vacancy.p3mi_name, vacancy.country, rng
        )
        vacancy._skills = _skills_for(OVERSEAS_JOB, refs, rng)
    _save(vacancies, today, rng)
    return len(employers), len(vacancies)


def _demo_job_orders(agency: Employer, occupation, today: date) -> dict:
    """The demo P3MI in the register, with a SIP2MI for Japan and one for Taiwan."""
    licensed, _created = Agency.objects.get_or_create(
        licence_number="KEP.999/PPTKLN/DEMO",
        defaults={
            "name": agency.name,
            "licence_issued_on": today - timedelta(days=700),
            "licence_valid_to": today + timedelta(days=1000),
            "head_office": agency.address,
            "regency": agency.regency,
            "phone": agency.contact_phone,
        },
    )
    job_orders = {}
    for index, country in enumerate(("Jepang", "Taiwan")):
        job_orders[country], _created = JobOrder.objects.get_or_create(
            number=f"SIP2MI/DEMO/{index + 1:03d}/{today.year}",
            defaults={
                "agency": licensed,
                "foreign_employer": "Kaigo Care Co." if country == "Jepang" else "Hsin Care Home",
                "country": country,
                "occupation": occupation,
                "quota": 500,
                "valid_from": today - timedelta(days=60),
                "valid_to": today + timedelta(days=300),
            },
        )
    return job_orders


def seed(*, stdout, options: dict, rng: random.Random) -> None:
    """Companies of the demo employer users, then a generated population (idempotent)."""
    today = timezone.localdate()
    with transaction.atomic():
        refs = _Refs()
        contract = _seed_contract_companies(refs, rng, today)
        employers, vacancies = _seed_population(refs, rng, options.get("vacancies") or 0, today)
    stdout.write(
        f"Employers: {contract} demo companies, {employers} generated; "
        f"{vacancies} generated vacancies"
    )

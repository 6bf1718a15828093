"""The word tables of the occupation coder: filler words, spelling variants, manager words and
the fields they head, and the employer sectors' likely occupations (KBLI section -> KBJI prefixes).

Written by the AntarKerja team from real ads; `occupations.py` reads them."""

from __future__ import annotations

import re

#: Words that say nothing about which occupation it is ("Senior Staff Accounting" = accounting).
FILLER_WORDS = frozenset(
    """staff staf senior junior intern interns internship magang trainee i ii iii iv v level team
    tim member bagian divisi division department dept karyawan pegawai program programme jr sr
    expert professional profesional experienced the of dan and untuk for di in academy
    akademi paid""".split()  # noqa: SIM905
)
#: Words after which a title names its employer or programme, not the job ("Store Manager at X",
#: "Sales Trainee by X", "Data Analyst for X Group"): the job name before them is looked up alone.
EMPLOYER_TAIL_WORDS = frozenset("at for by bersama".split())  # noqa: SIM905
#: Spelling variants folded to one form on both sides (labels and queries).
SPELLING = {
    "staf": "staff",
    "spv": "supervisor",
    "supervisior": "supervisor",
    "sr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "manajer": "manager",
    "asst": "assistant",
    "asisten": "assistant",
    "opr": "operator",
    "adm": "admin",
    "engineeer": "engineer",
    "kontruksi": "konstruksi",
    "akuntansi": "akunting",
    "marketting": "marketing",
    "secretary": "sekretaris",
    "sekertaris": "sekretaris",
    "supir": "sopir",
    "kurir": "kurir",
    "kru": "crew",
    "maintanance": "maintenance",
    "maintenace": "maintenance",
    "maintance": "maintenance",
    "engginer": "engineer",
    "enginering": "engineering",
    "warehause": "warehouse",
    "purcashing": "purchasing",
    "analist": "analyst",
    "tehnik": "teknik",
    "satpam": "satpam",
    "technician": "teknisi",
    "costumer": "customer",
    "custome": "customer",
    "cutomer": "customer",
    "finace": "finance",
    "acounting": "accounting",
    "adminstrasi": "administrasi",
    "administrsi": "administrasi",
    "desainer": "desainer",
    "enginer": "engineer",
    "managment": "management",
    "managemen": "management",
    "programer": "programmer",
    "repersentative": "representative",
    "representatif": "representative",
    "resepsionist": "resepsionis",
    "recepsionis": "resepsionis",
    "sekretariat": "sekretaris",
    "analis": "analis",
    "officer": "officer",
    "ofiicer": "officer",
    "spesialis": "specialist",
    "koordinator": "coordinator",
    "kordinator": "coordinator",
    "organisation": "organization",
    "assisten": "assistant",
    "asisstant": "assistant",
    "assistent": "assistant",
    "asistant": "assistant",
    "spesialist": "specialist",
    "specialis": "specialist",
    "therapis": "therapist",
    "therapsist": "therapist",
    "terapist": "therapist",
    "tranning": "training",
    "traning": "training",
    "internhip": "internship",
    "intership": "internship",
    "livestreaming": "live streaming",
    "livestream": "live streaming",
    "elektromedik": "elektromedis",
    "pergudangan": "gudang",
    "pramubhakti": "pramubakti",
    "teknikal": "technical",
    "techincal": "technical",
    "tehnisi": "teknisi",
    "tekhnisi": "teknisi",
    "developement": "development",
    "bussiness": "business",
    "busines": "business",
    "enviromental": "environmental",
    "sience": "science",
    "phyton": "python",
    # Abbreviations and variants of role words in real titles ("Koord. Lapangan", "Ass. Manager",
    # "Karyawati Toko": the feminine form of "karyawan").
    "koord": "coordinator",
    "coord": "coordinator",
    "ass": "assistant",
    "ast": "assistant",
    "karyawati": "karyawan",
    # Heads by their Indonesian abbreviations ("Ka. Gudang", "Kasubag Keuangan", "Kanit
    # Produksi", "Kaur Umum", "Kadept HRD"): the head of the field named, as "Kepala ...".
    "ka": "kepala",
    "kasubag": "kepala",
    "kasubbag": "kepala",
    "kasie": "kepala",
    "kasi": "kepala",
    "kanit": "kepala",
    "kaur": "kepala",
    "kadept": "kepala",
    "kadep": "kepala",
    # An assistant manager is coded as the manager (ISCO-08): "Asman Gudang" = "Manager Gudang".
    "asman": "manager",
    "asmen": "manager",
    # Vice-president grades: "SVP Finance" is a finance manager as "VP Finance" is.
    "svp": "vp",
    "avp": "vp",
    "evp": "vp",
    "korwil": "coordinator",
    "drv": "driver",
    # Slips of the keyboard in frequent job words.
    "sekuriti": "security",
    "securty": "security",
    "scurity": "security",
    "markting": "marketing",
    "marketng": "marketing",
    "opertor": "operator",
    "oprator": "operator",
    "operater": "operator",
    "reseptionis": "resepsionis",
    "receptionis": "receptionist",
    "vidiographer": "videographer",
    "vidiografer": "videografer",
    "merchandizer": "merchandiser",
    "surpervisor": "supervisor",
    "practicioner": "practitioner",
    "inhouse": "in house",
    "nailart": "nail art",
    "coolstorage": "cold storage",
    "trado": "trailer",
    "inject": "injection",
    # An apprenticeship programme is a grade, like "magang" ("Program Permagangan Sales").
    "permagangan": "magang",
    "kost": "kos",
}
#: Words that make a title a manager's ("Manager Sales Marketing", "Kepala Unit Riset", "Sales
#: Director"): English ones first or last, Indonesian ones only first ("Sopir Direktur" drives).
MANAGER_WORDS = frozenset("manager head director gm chief vp".split())  # noqa: SIM905
MANAGER_WORDS_FIRST = frozenset("kepala direktur kadiv kabag pimpinan".split())  # noqa: SIM905
#: English role nouns: a title ending in one has its head at the end ("Quality Control Data
#: Analyst"); otherwise, as in Indonesian, the head comes first ("Guru Bahasa Mandarin").
ENGLISH_HEADS = frozenset(
    """manager engineer specialist officer analyst executive assistant consultant developer
    designer coordinator supervisor lead leader representative scientist architect administrator
    technician teknisi advisor associate agent clerk writer editor planner controller auditor
    operator inspector tester programmer trainer instructor teacher host creator""".split()  # noqa: SIM905
)
#: The manager of a field: "Kepala Akuntansi" is 1211 because "akuntansi" is 2411/3313. Longest
#: prefix wins; fields not listed keep the generic 1219 of the "manager" word itself.
FIELD_MANAGERS = {
    "2411": "1211", "2412": "1211", "2413": "1211", "3313": "1211", "4311": "1211",
    "4312": "1211", "4313": "1212", "2423": "1212", "2424": "1212", "4416": "1212",
    "3322": "1221", "2431": "1221", "2433": "1221", "2434": "1221", "5244": "1221",
    "5242": "1221", "2432": "1222", "2149": "1223", "2145": "1223",
    "3312": "1346", "3321": "1346", "4211": "1346",
    "25": "1330", "35": "1330", "2166": "1222",
    "3122": "1321", "72": "1321", "73": "1321", "75": "1321", "81": "1321", "82": "1321",
    "9329": "1321", "7543": "1321", "2141": "1321", "2144": "1321",
    "3123": "1323", "2142": "1323", "3112": "1323", "71": "1323", "9313": "1323",
    "4321": "1324", "9333": "1324", "3323": "1324", "4323": "1324", "3331": "1324",
    "83": "1324", "9621": "1324",
    "22": "1342", "32": "1342", "23": "1345", "5312": "1345",
    "5120": "1412", "5131": "1412", "5132": "1412", "3434": "1412", "9412": "1412",
    "5246": "1412", "4224": "1411", "9112": "1411",
    "5223": "1420", "5230": "1420", "5222": "1420",
    "3423": "1431", "3332": "1439", "4221": "1439", "4222": "1439", "4225": "1439", "4229": "1439",
}  # fmt: skip
GENERIC_MANAGERS = frozenset({"1219", "1120"})
#: Words that make a title a first-line supervisor's ("Supervisor Sewing", "Warehouse Lead",
#: "Koordinator Kasir"), first or last.
SUPERVISOR_WORDS = frozenset("supervisor leader lead coordinator mandor foreman".split())  # noqa: SIM905
#: The supervisor of a field, as ISCO-08 places supervisors: with their own groups in production
#: (3122), construction (3123), shops (5222), housekeeping (5151), offices (3341), restaurants
#: (1412) and warehouses (1324, our convention for "Supervisor Gudang"); elsewhere a supervisor is
#: coded with the workers supervised ("Accounting Supervisor" = 3313). Longest prefix wins.
FIELD_SUPERVISORS = {
    "72": "3122", "73": "3122", "75": "3122", "81": "3122", "82": "3122", "9329": "3122",
    "3122": "3122", "7543": "3122", "7233": "3122", "3115": "3122",
    "71": "3123", "9313": "3123", "9312": "3123", "3112": "3123",
    "4321": "1324", "9333": "1324", "4323": "1324", "8322": "1324",
    "8332": "1324", "9621": "1324",
    "5223": "5222", "5230": "5222", "5242": "5222", "9334": "5222", "1420": "5222",
    "5120": "1412", "5131": "1412", "5132": "1412", "9411": "1412", "9412": "1412",
    "3434": "1412",
    "9112": "5151", "9111": "5151", "9121": "5151", "9129": "5151", "5151": "5151",
    "41": "3341", "4222": "3341", "4229": "3341", "4311": "3313", "4312": "3313",
    "4313": "3313", "2423": "1212", "4416": "1212", "5244": "3322", "5249": "3322",
}  # fmt: skip
#: Selling words, and the fields that make a seller a technical or medical one (ISCO-08 2433:
#: "Sales Alat Laboratorium", "Medical Sales Executive") or an ICT one (2434: "Sales Software").
SALES_WORDS = frozenset(
    "sales marketing penjualan pemasaran account representative salesman".split()  # noqa: SIM905
)
TECHNICAL_SALES_FIELDS = frozenset(
    """medical medis alkes kesehatan laboratory laboratorium lab farmasi pharma pharmaceutical
    engineering teknik technical chemical kimia industrial industri machinery mesin equipment
    instrument instrumen scientific healthcare hospital diagnostic""".split()  # noqa: SIM905
)
ICT_SALES_FIELDS = frozenset("it software saas ict cloud erp sap hardware".split())  # noqa: SIM905
#: Teachers by the level they teach (ISCO-08 23xx): the first level word of the title decides.
TEACHER_WORDS = frozenset("guru teacher pengajar".split())  # noqa: SIM905
TUTOR_WORDS = frozenset("les privat private bimbel tutor kursus course".split())  # noqa: SIM905
#: A level or role word and the field word beside it ("Python Instructor", "Asisten Guru TK",
#: "Data Operator"): the role word says which kind of job of that field it is. Instructors,
#: trainers and mentors of an ICT field are ICT trainers (ISCO-08 2356), not developers;
#: assistants of a teacher are teachers' aides (5312), not teachers; operators of data or a
#: computer are data entry clerks (4132), not machine operators.
INSTRUCTOR_WORDS = frozenset(
    "instruktur instructor trainer mentor tutor pengajar coach pelatih bootcamp".split()  # noqa: SIM905
)
ICT_FIELD_PREFIXES = ("25", "35")
#: The names of a professional's job (not of a department): "Data Analyst Assistant Manager" is
#: an analyst at a manager's grade, "Assistant Manager Finance" the finance department's manager.
PROFESSIONAL_NOUNS = frozenset(
    """analyst analis engineer insinyur specialist consultant konsultan developer designer
    administrator planner auditor scientist architect arsitek accountant akuntan programmer
    researcher peneliti lawyer pengacara editor writer penulis""".split()  # noqa: SIM905
)
ASSISTANT_WORDS = frozenset("assistant pembantu pendamping aide".split())  # noqa: SIM905
TEACHING_WORDS = (
    TEACHER_WORDS
    | TUTOR_WORDS
    | frozenset(
        "pembimbing tk paud kelas sekolah kindergarten preschool".split()  # noqa: SIM905
    )
)
#: The head of a study programme, department or faculty of a university ("Kepala Program Studi
#: Akuntansi", "Kaprodi Informatika", "Dekan"): an education manager (1345, ESCO "university
#: department head"), then a lecturer (2310), not the manager or professional of the subject.
ACADEMIC_UNITS = re.compile(
    r"\b(?:program studi|prodi|kaprodi|jurusan|fakultas|faculty|dekan|dean|study program(?:me)?)\b"
)
#: A lecturer of any subject is a university teacher (2310): "Civil Engineering Lecturer" is no
#: civil engineer, "Dosen Akuntansi" no accountant.
LECTURER_WORDS = frozenset("dosen lecturer lektor professor profesor".split())  # noqa: SIM905
ACADEMIC_HEAD_WORDS = frozenset("kepala ketua head kaprodi dekan dean director direktur".split())  # noqa: SIM905
OPERATOR_WORDS = frozenset("operator".split())  # noqa: SIM905
DATA_ENTRY_WORDS = frozenset("data entry input komputer computer entri".split())  # noqa: SIM905
TEACHING_LEVELS = {
    **dict.fromkeys("sd primary elementary".split(), "2341"),  # noqa: SIM905
    **dict.fromkeys("tk paud kindergarten preschool prasekolah playgroup".split(), "2342"),  # noqa: SIM905
    **dict.fromkeys("smp sma smk secondary highschool".split(), "2330"),  # noqa: SIM905
}
#: Engineers by their branch (ISCO-08 214x/215x): "Project Engineer (Electrical)" = 2151.
ENGINEER_WORDS = frozenset("engineer insinyur".split())  # noqa: SIM905
ENGINEERING_BRANCHES = {
    **dict.fromkeys("electrical elektro listrik elektrik electric".split(), "2151"),  # noqa: SIM905
    **dict.fromkeys("electronics electronic elektronika elektronik".split(), "2152"),  # noqa: SIM905
    **dict.fromkeys("telecommunication telekomunikasi telco".split(), "2153"),  # noqa: SIM905
    **dict.fromkeys("civil sipil".split(), "2142"),  # noqa: SIM905
    **dict.fromkeys("mechanical mekanikal".split(), "2144"),  # noqa: SIM905
    **dict.fromkeys("chemical kimia".split(), "2145"),  # noqa: SIM905
    **dict.fromkeys("mining tambang pertambangan".split(), "2146"),  # noqa: SIM905
    **dict.fromkeys("environmental lingkungan".split(), "2143"),  # noqa: SIM905
}
#: Words that make an engineer a software, data, network or medical one: no branch rule then.
OTHER_ENGINEER_WORDS = frozenset(
    """software data it network cloud devops backend frontend fullstack mobile web qa test
    system systems security ai ml machine medis medical biomedis biomedical""".split()  # noqa: SIM905
)
#: One-word role names that say little alone inside a longer title ("Asset Management
#: Supervisor" is about assets first): their own candidates count less there.
ROLE_WORDS = frozenset(
    """supervisor leader lead coordinator assistant associate specialist officer executive head
    manager analyst consultant technician teknisi""".split()  # noqa: SIM905
)
#: Vague titles: a title made only of these words ("Staff Admin", "Staff Operasional", "Crew",
#: "Helper", "Officer", "Project Manager") does not say which job it is. Each lists its usual
#: KBJI unit groups in Indonesian job ads, most common first, as ISCO-08 places them in ESCO
#: (admin: general office clerk 4110, finance/accounting admin 4311, warehouse stock admin 4321;
#: operations: office 4110, stock 4321, packing 9321 "e-commerce packer"; crew: shop 5223, food
#: outlet counter 5246, kitchen 9412 "kitchen hand"; helper: warehouse 9333, production 9329,
#: construction 9313; operator: production plant 8189, production labourer 9329, forklift 8344;
#: manager titles by their field: product 1223 or "ICT product manager" 1330 or marketing 1221,
#: project 1219 or construction 1323 or "ICT project manager" 1330). The coder keeps its own first
#: reading and offers these as the next ones instead of near-duplicates of the first.
_ADMIN = ("4110", "4311", "4321")
_OPERATIONS = ("4110", "4321", "9321")
_STAFF = ("4110", "5223", "9333")
_WORKER = ("9329", "9629", "9333")
VAGUE_HEADS = {
    **dict.fromkeys("admin administrasi administration administrative clerical".split(), _ADMIN),  # noqa: SIM905
    **dict.fromkeys("operasional operational operations operasi ops".split(), _OPERATIONS),  # noqa: SIM905
    **dict.fromkeys("staff karyawan pegawai".split(), _STAFF),  # noqa: SIM905
    **dict.fromkeys("pekerja worker workers tenaga buruh".split(), _WORKER),  # noqa: SIM905
    "crew": ("5223", "5246", "9412"),
    "helper": ("9333", "9329", "9313"),
    "operator": ("8189", "9329", "8344"),
    "officer": ("4110", "3322", "4222"),
    "associate": ("3322", "4110", "5223"),
    "assistant": ("3343", "4110", "4120"),
    # A supervisor or technician of no named field: offices 3341, production 3122, shops 5222
    # (FIELD_SUPERVISORS). A "teknisi" of no named field is most often a factory's machine
    # mechanic (7233, KBJI "mekanik dan reparasi mesin pertanian dan industri"), then the
    # electronics mechanic (7421) or the mechanical engineering technician (3115).
    **dict.fromkeys("supervisor leader lead coordinator".split(), ("3341", "3122", "5222")),  # noqa: SIM905
    "teknisi": ("7233", "7421", "3115"),
    # A head of no named field: a department (1219), the sales department (1221, the most usual
    # department manager in job ads: UNLIKELY_BESIDE), a branch or shop (1420); an analyst or
    # consultant of none: systems, management, finance.
    **dict.fromkeys("head kepala".split(), ("1219", "1221", "1420")),  # noqa: SIM905
    "analyst": ("2511", "2421", "2413"),
    # "Senior Manager": a grade and the role word alone, no field.
    "manager": ("1219", "1221", "1321"),
    "consultant": ("2421", "3322", "2431"),
    "product manager": ("1223", "1330", "1221"),
    "project manager": ("1219", "1323", "1330"),
}
#: The armed forces (KBJI major group 0) are read only when a title names them: "General
#: Support" is no army general, "Field Engineer" no sapper.
MILITARY_WORDS = frozenset(
    """tni polri army militer military tentara prajurit angkatan marinir navy perwira bintara
    tamtama kopassus armed""".split()  # noqa: SIM905
)
#: Legislators and senior government officials (KBJI 111x) are read only when a title names
#: the state: a "Service Ambassador" is no envoy.
GOVERNMENT_WORDS = frozenset(
    """pemerintah pemerintahan government kementerian ministry menteri minister dprd dpr mpr
    bupati walikota gubernur camat lurah desa kelurahan kecamatan dinas negara state duta besar
    legislatif parlemen parliament""".split()  # noqa: SIM905
)
#: Words that leave a vague title vague ("Admin Umum", "General Worker", "Admin Support").
VAGUE_MODIFIERS = frozenset("umum general support harian lepas daily".split())  # noqa: SIM905
# Words in KBJI titles that are not part of any job's name.
KBJI_TITLE_NOISE = re.compile(r"\b(?:ybdi|ytdl|lainnya|dan sejenisnya)\b")

# Employer sector (KBLI section letter) -> KBJI code prefixes that are more likely there.
# Trade employs sales and business services agents (332, 333), not every associate
# professional: "33" would lift an executive secretary (3343) over a driver in a shop.
SECTOR_PRIORS = {
    "A": ("61", "62", "92", "13", "21"),
    "B": ("81", "311", "93", "2146", "2114"),
    "C": ("81", "82", "72", "73", "75", "31", "93", "3122", "1321"),
    "D": ("31", "74", "21"),
    "E": ("313", "96", "91", "21"),
    "F": ("71", "31", "93", "21", "1323", "834"),
    "G": ("52", "332", "333", "14", "43", "93"),
    "H": ("83", "43", "96", "51", "3331"),
    "I": ("51", "94", "14", "3434", "5246"),
    "J": ("25", "35", "21", "26"),
    "K": ("33", "24", "41", "42", "1346"),
    "L": ("3334", "5153", "33"),
    "M": ("21", "24", "26", "31"),
    "N": ("54", "91", "33", "42", "51"),
    "O": ("1", "24", "33", "41"),
    "P": ("23", "13", "53"),
    "Q": ("22", "32", "53", "1342"),
    "R": ("26", "34", "14"),
    "S": ("51", "52", "96"),
    "T": ("91", "53", "51"),
}

# KBLI 2020 division (2 digits) -> section letter, as in ISIC Rev. 4.
_DIVISION_SECTIONS = (
    (3, "A"), (9, "B"), (33, "C"), (35, "D"), (39, "E"), (43, "F"), (47, "G"), (53, "H"),
    (56, "I"), (63, "J"), (66, "K"), (68, "L"), (75, "M"), (82, "N"), (84, "O"), (85, "P"),
    (88, "Q"), (93, "R"), (96, "S"), (98, "T"), (99, "U"),
)  # fmt: skip


def kbli_section(sector: str) -> str:
    """`"Q"` -> `"Q"`; `"56101"` (a KBLI code) -> `"I"`; anything else -> `""`."""
    sector = (sector or "").strip().upper()
    if sector[:1].isalpha():
        return sector[:1]
    if len(sector) >= 2 and sector[:2].isdigit():
        division = int(sector[:2])
        return next((letter for last, letter in _DIVISION_SECTIONS if division <= last), "")
    return ""


#: Word pairs read as one ("Asisten Manajer Keuangan" is coded as the finance manager, as ISCO-08
#: codes assistant managers; "F&B" folds to "f b").
PAIRS = {"assistant manager": "manager", "f b": "fnb"}


#: "Man." opening a title with a field ("Man. Keuangan", "Man Produksi") abbreviates manager;
#: not in "Man Power Planning" (manpower: HR) nor "MAN 2" (a state Islamic high school), and a
#: "sales man" or "delivery man" ends with it.
_MAN_ABBREVIATION = re.compile(r"^man (?!powers?\b|\d)(?=\w)")


def canonical(folded: str) -> str:
    """Folded text with spelling variants unified (`"staf spv"` -> `"staff supervisor"`)."""
    if folded.startswith("man "):
        folded = _MAN_ABBREVIATION.sub("manager ", folded)
    text = " ".join(SPELLING.get(word, word) for word in folded.split())
    if " " in text:
        for pair, one in PAIRS.items():
            if pair in text:
                text = re.sub(rf"\b{pair}\b", one, text)
    return text


#: Conventional confusions: unit groups that careful coders give the same kind of title, each
#: reading defensible (written by the AntarKerja team, each with its reason). Each entry reads
#: "when the coder's first reading is the first code, the others are plausible too": when none
#: of them is in the first three, the one the title's words support best (else the first listed)
#: takes the third place, so the person choosing sees both readings.
_CONFUSABLE_GROUPS: tuple[tuple[tuple[str, ...], str], ...] = (
    # Software, web and application developers: ads use "developer", "programmer", "engineer"
    # for all three; the stack (web, mobile, back end) rarely decides.
    (("2512", "2513", "2514"), "software developer vs web developer vs application programmer"),
    (("2513", "2512", "2514"), "web developer vs software developer vs application programmer"),
    (("2514", "2512", "2513"), "application programmer vs software or web developer"),
    # "Business analyst", "IT business analyst": systems analyst (ICT) or management analyst.
    (("2511", "2421"), "systems analyst vs management and organisation analyst"),
    (("2421", "2511"), "management and organisation analyst vs systems analyst"),
    # "Content writer", "copywriter", "social media": marketing, writers or public relations.
    (("2431", "2641", "2432"), "marketing vs writer vs public relations"),
    (("2641", "2431"), "writer vs marketing content"),
    (("2432", "2431"), "public relations vs marketing"),
    # "Head of production", "plant manager", "production & R&D manager" (not the other way:
    # 1223 is mostly product managers, whose readings are in VAGUE_HEADS).
    (("1321", "1223"), "manufacturing manager vs research and development manager"),
    # "Project manager", "site manager": construction manager or business services manager.
    (("1323", "1219"), "construction manager vs business services manager"),
    # "Head of accounting": finance manager or (chief) accountant.
    (("1211", "2411"), "finance manager vs accountant"),
    # "Senior accountant", "staff accounting": accountant or accounting associate.
    (("2411", "3313"), "accountant vs accounting associate professional"),
    # "AR / AP staff", "admin accounting": accounting associate or bookkeeping clerk.
    (("3313", "4311", "2411"), "accounting associate vs bookkeeping clerk vs accountant"),
    (("4311", "3313"), "bookkeeping clerk vs accounting associate"),
    # "Admin finance": finance clerk or bookkeeping clerk.
    (("4312", "4311", "3313"), "finance clerk vs bookkeeping clerk vs accounting associate"),
    # "Corporate secretary": legal professional (company secretary) or executive secretary.
    (("2619", "3343", "3411"), "legal professional vs executive secretary vs legal associate"),
    (("3343", "2619"), "executive secretary vs company secretary"),
    # "Legal officer", "legal staff": legal associate or legal professional.
    (("3411", "2619"), "legal associate vs legal professional"),
    # "Courier coordinator", "delivery lead": couriers or distribution manager.
    (("9621", "1324"), "couriers vs distribution manager"),
    # "Customer service manager", "head of customer care": other services manager or sales and
    # marketing manager.
    (("1439", "1221"), "services manager vs sales and marketing manager"),
    # "HR manager", "HR business partner": human resource manager or personnel professional.
    (("1212", "2423"), "human resource manager vs personnel professional"),
    (("2423", "1212"), "personnel professional vs human resource manager"),
    # Supervisors and managers of one field (ISCO-08 places first-line supervisors of production,
    # construction and shops in their own groups, their managers in 13xx/14xx): "Supervisor
    # Produksi" is a production supervisor or manufacturing manager (and QC supervisors are
    # coded 3122), "Site Supervisor" a construction supervisor, manager or site technician,
    # "Supervisor Toko" a shop supervisor, the retail manager or a senior shop assistant.
    (("3122", "1321", "7543"), "production supervisor vs manufacturing manager vs QC inspector"),
    (("3123", "1323", "3112"), "construction supervisor vs manager vs site technician"),
    (("5222", "1420", "5223"), "shop supervisor vs retail manager vs shop sales assistant"),
    (("1420", "5222", "1221"), "retail manager vs shop supervisor vs sales manager"),
    # "Kepala Gudang", "Logistics Manager": the warehouse manager, its stock clerks, its buyers.
    (("1324", "4321", "3323"), "supply and distribution manager vs stock clerk vs buyer"),
    # "General Manager", "Kepala Cabang": a general manager's firm or branch is most often an
    # office (1219) or a shop (1420); a bank's branch manager (1346) may be its sales manager or
    # its credit officer; hotels and restaurants share their managers.
    (("1120", "1219", "1420"), "chief executive vs business services manager vs retail manager"),
    (("1346", "1221", "3312"), "bank branch manager vs sales manager vs credit officer"),
    (("1411", "1412", "1120"), "hotel manager vs restaurant manager vs general manager"),
    (("1412", "1411", "3434"), "restaurant manager vs hotel manager vs chef"),
    # Quality control: a product grader or tester (7543), the quality technician (3119, ESCO
    # "quality engineering technician"), the quality engineer (2141 by our convention).
    (("7543", "3119", "2141"), "product grader vs quality technician vs quality engineer"),
    # Sellers: of technical or medical goods (2433) or ICT (2434), or any goods (3322).
    (("2433", "3322", "2434"), "technical sales vs sales representative vs ICT sales"),
    (("2434", "2433", "3322"), "ICT sales vs technical sales vs sales representative"),
    # Clerks of a field and the general office clerk: "Admin Gudang" (stock 4321), "Admin
    # Produksi" (production 4322), "Admin Front Office" (receptionist 4226).
    (("4321", "4110", "1324"), "stock clerk vs office clerk vs warehouse manager"),
    (("4322", "4321", "4110"), "production clerk vs stock clerk vs office clerk"),
    # "Admin Pengiriman", "Admin Ekspedisi": the transport clerk or the stock clerk who ships.
    (("4323", "4321", "4110"), "transport clerk vs stock clerk vs office clerk"),
    (("4226", "4110", "4222"), "receptionist vs office clerk vs contact centre clerk"),
    # ICT: testers and developers; operations and user support technicians and administrators.
    (("2519", "2512", "2141"), "software tester vs software developer vs quality engineer"),
    (("3511", "3512", "2522"), "ICT operations vs user support vs systems administrator"),
    (("3512", "3511", "2512"), "ICT user support vs ICT operations vs software developer"),
    (("2522", "3511", "2523"), "systems administrator vs ICT operations vs network professional"),
    # Teachers by level (ISCO-08 23xx): the level is often unsaid; language teachers (2353)
    # teach in schools (2330) and courses (2359); special needs teachers (2352) in both.
    (("2341", "2330", "2342"), "primary vs secondary vs early childhood teacher"),
    (("2342", "2341", "5312", "2359"), "early childhood vs primary teacher vs aide vs courses"),
    (("2352", "2359", "2341"), "special needs teacher vs other teacher vs primary teacher"),
    (("2353", "2330", "2359"), "language teacher vs secondary teacher vs other teacher"),
    (("2359", "2353", "2330", "2341", "2342"), "other teacher vs language vs school teachers"),
)
CONFUSABLE: dict[str, tuple[str, ...]] = {codes[0]: codes[1:] for codes, _ in _CONFUSABLE_GROUPS}

# Readings that are very unlikely beside a first reading, each with the likelier alternatives
# (the first not already in the first three takes its place: first reading -> {unlikely:
# alternatives}). The n-gram, ESCO-synonym and alias readings fill the list with siblings that
# the first reading rules out, or with the "not elsewhere classified" groups of a field that hand
# coders never choose for the jobs of job ads. Each checked against the KBJI 2014 definitions.
UNLIKELY_BESIDE: dict[str, dict[str, tuple[str, ...]]] = {
    # A subject teacher (physics, maths, religion) is no early-childhood teacher; the usual
    # other reading is a teacher at a private tutoring centre (bimbel: 2359).
    "2330": {"2342": ("2359",)},
    # A data analyst or scientist is no office supervisor (an ESCO label of "senior data
    # analyst"), no biologist (an ESCO synonym of "data scientist") and, by our convention for
    # data jobs, no statistician (2120: research into statistical theory); the usual other
    # readings are the business or management analyst (2421) and the ML developer (2512).
    "2511": dict.fromkeys(("3341", "2120", "2131"), ("2421", "2512")),
    # A seller: KBJI 5249 holds the sellers no other group takes (rental salespersons); the
    # usual other readings of "sales" are the ICT (2434: B2B and account sales of the many
    # software firms) and technical (2433) sellers.
    # A seller or a marketer supervising sellers is coded with them or as the sales manager
    # (1221), not as the office supervisor (3341) of clerks.
    "3322": {"5249": ("2434", "2433"), "3341": ("1221",)},
    "2431": {"3341": ("1221",), "5249": ("2432", "1221")},
    # A shop's seller: the promoter (5242) or the cashier (5230), not the rental salesperson.
    "5223": {"5249": ("5242", "5230")},
    # Quality control and assurance: a product grader (7543) or a quality engineer (2141) is
    # offered the quality technician (3119, ESCO "quality engineering technician"), not the
    # mechanical engineering technician (3115).
    "7543": {"3115": ("3119",)},
    # Food quality control (7515 tasters and graders): the food safety specialist (2263, ESCO)
    # or the quality technician, not the mechanical technician.
    "7515": {"3115": ("2263", "3119")},
    "2141": {"3115": ("3119",)},
    # An office clerk: KBJI 4419 (correspondence clerks, press clippers) and 4229 (client
    # intake interviewers) are no admin's job; the usual others are the bookkeeping (4311),
    # stock (4321) clerks, the secretary (4120) and the receptionist (4226).
    "4110": {"4419": ("4311", "4321", "4120"), "4229": ("4311", "4321", "4226")},
    # Customer service: the enquiry clerk (4225) or the contact centre seller (5244), not the
    # intake interviewer (4229).
    "4222": {"4229": ("4225", "5244")},
    # An HR officer: its other readings are the HR manager (1212) and the training officer
    # (2424); a personnel clerk (4416) keeps records, which job ads call "admin HR".
    "2423": {"4416": ("2424",)},
    # A manager of no named field (operations, project): the department's manager, of which
    # the sales and marketing manager (1221) is the most usual in job ads, rather than the
    # chief executive (1120) of the whole firm.
    "1219": {"1120": ("1221",)},
    # A supervisor supervises (ISCO-08 places supervisors apart from managers): an accounting
    # supervisor is coded with the accountants (3313; then 2411, 4311), not as the finance
    # manager (1211); a site supervisor with construction (1323, 3112), not with office clerks
    # (3341); an office supervisor is never the chief executive (1120).
    "3313": {"1211": ("2411", "4311")},
    "3123": {"3341": ("1323", "3112")},
    "3341": {"1120": ("1219", "5222", "3122")},
    # A general or branch manager heads a firm or a branch: in job ads a shop (1420), a sales
    # office (1221) or a bank (1346) far more often than a factory (1321).
    "1120": {"1321": ("1420", "1221")},
}
#: Scientists and engineers of one branch (ISCO-08 211x-215x) and their nearest groups: the
#: technicians of the same branch (311x, 314x, 3522) and the sibling branch. A civil engineer
#: (2142) or civil engineering technician (3112) beside a chemist or an electrical engineer is a
#: filler reading, not one a coder would choose.
_BRANCH_NEIGHBOURS = {
    "2113": ("3111", "2145"),  # chemist: chemical technician, chemical engineer
    "2114": ("3111", "2146"),  # geologist: physical science technician, mining engineer
    "2131": ("3141", "2133"),  # biologist: life science technician, environmental professional
    "2132": ("3142", "2131"),  # agronomist: agricultural technician, biologist
    "2133": ("2143", "2263"),  # environmental protection: environmental engineer, HSE
    "2141": ("3119", "2144"),  # industrial engineer: industrial technician, mechanical engineer
    "2143": ("2133", "2263"),  # environmental engineer: environmental professional, HSE
    "2144": ("3115", "2141"),  # mechanical engineer: mechanical technician, industrial engineer
    "2145": ("3116", "2113"),  # chemical engineer: chemical engineering technician, chemist
    "2146": ("3117", "2114"),  # mining engineer: mining technician, geologist
    "2151": ("3113", "2152"),  # electrical engineer: electrical technician, electronics engineer
    "2152": ("3114", "2151"),  # electronics engineer: electronics technician, electrical engineer
    "2153": ("3522", "2152"),  # telecommunications engineer: its technician, electronics
    "3111": ("2113", "3141"),  # laboratory analyst: chemist, life science technician
}
for _code, _alternatives in _BRANCH_NEIGHBOURS.items():
    UNLIKELY_BESIDE.setdefault(_code, {}).update(dict.fromkeys(("2142", "3112"), _alternatives))
#: Generic "filler" pairs the alias table gives many jobs of other minor groups as their second
#: and third readings (counted over the aliases whose first codes lie in three or more minor
#: groups): the physiotherapist and its technician (2264, 3255) beside health and counselling
#: jobs, the announcer and the actor (2656, 2655) beside librarians, writers and artists, the crop
#: growers (6111, 6112) beside animal keepers, fishers and machine operators, the office cleaner
#: and the housekeeping supervisor (9112, 5151) beside launderers, gardeners and refuse workers.
#: Each job is offered its own neighbours instead (KBJI 2014, ISCO-08 as ESCO applies it).
_FILLER_NEIGHBOURS: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {
    ("2264", "3255"): {
        "2263": ("3257", "2133"),  # HSE professional: occupational health inspector, environment
        "2265": ("3253", "2269"),  # dietitian: community health worker, other health professional
        "2266": ("2269", "2352"),  # speech therapist: other therapists, special needs teacher
        "2267": ("3254", "2269"),  # optometrist: dispensing optician, other health professional
        "2634": ("2635", "2423"),  # psychologist: counsellor, personnel and careers professional
        "2635": ("2634", "3412"),  # counsellor, social worker: psychologist, social work associate
        "3211": ("3212", "3256"),  # radiographer: medical laboratory technician, medical assistant
        "3212": ("3141", "3111"),  # medical laboratory analyst: life science, chemical technician
        "3252": ("4415", "4132"),  # medical records: filing clerk, data entry clerk
        "3253": ("3221", "3412"),  # community health worker: nursing associate, social work
        "3254": ("2267", "5223"),  # optician: optometrist, shop sales assistant
        "3256": ("3221", "5321"),  # medical assistant: nursing associate, health care assistant
        "3257": ("2263", "2133"),  # occupational health inspector: HSE, environment
    },
    ("2656", "2655"): {
        "2621": ("2622", "4415"),  # archivist, curator: librarian, filing clerk
        "2622": ("4411", "2621"),  # librarian: library clerk, archivist
        "2641": ("2642", "2643"),  # writer: journalist, translator
        "2651": ("2166", "7316"),  # visual artist: graphic designer, decorative painter
        "2652": ("2354", "2659"),  # musician: music teacher, other performing artist
        "2653": ("2355", "2659"),  # dancer: arts teacher, other performing artist
        "3521": ("3435", "2654"),  # broadcast, sound, lighting technician: stage, director
        "4411": ("2622", "4415"),  # library clerk: librarian, filing clerk
    },
    ("6111", "6112"): {
        "2132": ("3142", "2131"),  # agronomist, extension worker: agricultural technician
        "3142": ("2132", "3141"),  # agricultural technician: agronomist, life science technician
        "3240": ("2250", "5164"),  # veterinary assistant: veterinarian, animal care worker
        "5164": ("3240", "6121"),  # animal keeper, groomer: veterinary assistant, livestock
        "5419": ("6210", "5414"),  # forest ranger: forestry worker, security guard
        "6121": ("6122", "9212"),  # livestock farmer: poultry farmer, livestock labourer
        "6122": ("6121", "9212"),  # poultry farmer: livestock farmer, livestock labourer
        "6210": ("9215", "7521"),  # forestry worker: forestry labourer, wood treater
        "6221": ("9216", "6222"),  # aquaculture: fishery labourer, inland and coastal fisher
        "6223": ("6222", "8350"),  # deep-sea fisher: coastal fisher, ships' deck crew
        "8341": ("8342", "7233"),  # farm machinery operator: earthmoving operator, its mechanic
        "9212": ("6121", "9211"),  # livestock labourer: livestock farmer, crop labourer
        "9215": ("6210", "9211"),  # forestry labourer: forestry worker, crop labourer
        "9216": ("6221", "6222"),  # fishery labourer: aquaculture, fisher
    },
    ("9112", "5151"): {
        "7544": ("9129", "3257"),  # pest control: other cleaner, environmental health inspector
        "9111": ("5152", "5311"),  # domestic cleaner: domestic housekeeper, child care worker
        "9121": ("8157", "9111"),  # hand launderer: laundry machine operator, domestic cleaner
        "9122": ("9129", "7231"),  # vehicle cleaner: other cleaner, motor vehicle mechanic
        "9214": ("6113", "9211"),  # gardener: horticultural grower, crop labourer
        "9611": ("9612", "9613"),  # refuse collector: refuse sorter, sweeper
        "9612": ("9611", "9613"),  # refuse sorter: refuse collector, sweeper
        "9613": ("9611", "9214"),  # sweeper: refuse collector, gardener
    },
    # House builders and bricklayers are the building trades' neighbours, not those of mining,
    # lifting and earthmoving plant, nor of the plumber.
    ("7111", "7112"): {
        "8342": ("8343", "8332"),  # earthmoving operator: crane operator, heavy truck driver
        "8343": ("8342", "8344"),  # crane operator: earthmoving operator, lifting truck operator
        "8111": ("8113", "9311"),  # miner: driller, mining labourer
        "8113": ("8111", "8342"),  # driller: miner, earthmoving operator
        "9311": ("8111", "9313"),  # mining labourer: miner, building labourer
        "7542": ("8111", "8113"),  # shotfirer: miner, driller
        "7126": ("7127", "7411"),  # plumber: air conditioning mechanic, building electrician
    },
    # Other plant operators and manufacturing labourers beside printers and water treatment.
    ("8189", "9329"): {
        "7322": ("7321", "7323"),  # printer: pre-press technician, print finisher
        "3132": ("3131", "3133"),  # water treatment operator: power plant, chemical plant
    },
    # The security guard beside a shop assistant.
    ("5414", "5419"): {
        "5223": ("5230", "5222"),  # shop assistant: cashier, shop supervisor
    },
}
for _filler, _jobs in _FILLER_NEIGHBOURS.items():
    for _code, _alternatives in _jobs.items():
        UNLIKELY_BESIDE.setdefault(_code, {}).update(dict.fromkeys(_filler, _alternatives))


def _words(text: str) -> list[str]:
    return text.split()


#: The department, category or function of an ad (Dealls `job_department`, loker.id Category and
#: Function, Jobstreet `category`) -> the KBJI code prefixes of the jobs usual there. A context
#: word only reorders readings the title already gives, or names the job of a vague title ("Area
#: Manager" in sales). Written by the AntarKerja team from the job boards' own department lists.
DEPARTMENT_FIELDS = {
    **dict.fromkeys(
        "sales penjualan bisnis business dev development".split(),  # noqa: SIM905
        ("332", "243", "1221", "52", "3334", "1420"),
    ),
    **dict.fromkeys(
        "marketing pemasaran social media periklanan advertising brand".split(),  # noqa: SIM905
        ("243", "1221", "1222", "2641", "2166", "3322", "2656"),
    ),
    **dict.fromkeys(
        _words(
            "finance accounting akuntansi akunting keuangan finansial financial perbankan banking "
            "pajak perpajakan tax audit"
        ),
        ("241", "331", "43", "1211", "1346", "421"),
    ),
    **dict.fromkeys(
        _words(
            "it ict software technology teknologi informasi information developers programmers "
            "database"
        ),
        ("25", "35", "2356", "1330", "2166"),
    ),
    **dict.fromkeys(
        "engineering teknik engineer mesin elektro elektronika otomotif".split(),  # noqa: SIM905
        ("21", "31", "72", "74", "1321", "1323"),
    ),
    **dict.fromkeys(
        _words(
            "admin administrasi administration ops operations operasional office perkantoran "
            "sekretaris"
        ),
        ("41", "42", "43", "33", "1219", "1324", "9321"),
    ),
    **dict.fromkeys(
        "data product analysis analysts statistics analisis riset research".split(),  # noqa: SIM905
        ("2511", "2421", "2120", "1223", "1330", "2512", "2631", "2413"),
    ),
    **dict.fromkeys(
        "design creative desain kreatif seni arsitektur media".split(),  # noqa: SIM905
        ("216", "265", "264", "343", "731", "2161"),
    ),
    **dict.fromkeys(
        "recruiting people human resources hr hrd sdm personalia".split(),  # noqa: SIM905
        ("2423", "1212", "4416", "2424", "4313"),
    ),
    **dict.fromkeys(
        "health kesehatan medis medical science sains farmasi perawat".split(),  # noqa: SIM905
        ("22", "32", "21", "2262", "5321", "1342", "2263"),
    ),
    **dict.fromkeys(
        "pendidikan education pelatihan training teaching tutor instruktur guru dosen".split(),  # noqa: SIM905
        ("23", "5312", "1345", "2424"),
    ),
    **dict.fromkeys(
        "transportasi logistik logistics transport warehouse gudang driver".split(),  # noqa: SIM905
        ("83", "432", "9333", "1324", "9621", "3331", "4321"),
    ),
    **dict.fromkeys("ritel retail".split(), ("52", "1420", "9334", "4321")),  # noqa: SIM905
    **dict.fromkeys(
        "restaurant restoran hospitality travel hotel koki chef".split(),  # noqa: SIM905
        ("51", "94", "1411", "1412", "5246", "3434", "4221", "4224"),
    ),
    **dict.fromkeys(
        _words("konstruksi construction bangunan"),
        ("71", "2142", "3112", "3123", "1323", "93"),
    ),
    **dict.fromkeys("kecantikan beauty".split(), ("514", "3255", "5142")),  # noqa: SIM905
    **dict.fromkeys("hukum legal".split(), ("261", "3411", "2619")),  # noqa: SIM905
    **dict.fromkeys(
        "pabrik manufaktur manufacturing produksi production".split(),  # noqa: SIM905
        ("81", "82", "3122", "1321", "72", "75", "9329", "3115"),
    ),
    **dict.fromkeys("properti property real estate".split(), ("3334", "1219")),  # noqa: SIM905
    "pelanggan": ("422", "1439", "5244"),
    **dict.fromkeys("pertanian peternakan agribisnis".split(), ("61", "92", "2132", "1311")),  # noqa: SIM905
}

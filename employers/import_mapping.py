"""Column mapping for vacancy files in other people's shapes (job boards, companies, job fairs).

A mapping is {our field: the file's column}. It is suggested from the header names first, then
from the contents of a sample of rows (a column of city names is a location, "Rp ..." a wage,
long text a description, links a link). Saved mappings (`ImportProfile`) are picked when the
file's headers match.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy

from employers.models import ImportProfile
from placement.taxonomy.text import places, wages

# Our fields a job-board file may carry, in the order an officer reads them.
FIELDS = [
    "title",
    "company",
    "employer_nib",
    "location",
    "description",
    "skills",
    "wage",
    "wage_min",
    "wage_max",
    "education",
    "employment_type",
    "work_arrangement",
    "posted",
    "valid_to",
    "headcount",
    "experience_months",
    "external_id",
    "link",
    "kbji",
    "department",
    "category",
]
FIELD_LABELS = {
    "title": gettext_lazy("Job title"),
    "company": gettext_lazy("Company name"),
    "employer_nib": gettext_lazy("Company NIB"),
    "location": gettext_lazy("Place of work"),
    "description": gettext_lazy("Description"),
    "skills": gettext_lazy("Skills"),
    "wage": gettext_lazy("Wage (text)"),
    "wage_min": gettext_lazy("Lowest wage"),
    "wage_max": gettext_lazy("Highest wage"),
    "education": gettext_lazy("Education"),
    "employment_type": gettext_lazy("Employment type"),
    "work_arrangement": gettext_lazy("Work arrangement"),
    "posted": gettext_lazy("Date posted"),
    "valid_to": gettext_lazy("Closing date"),
    "headcount": gettext_lazy("Headcount"),
    "experience_months": gettext_lazy("Experience (months)"),
    "external_id": gettext_lazy("Ad number at the source"),
    "link": gettext_lazy("Link to the ad"),
    "kbji": gettext_lazy("KBJI code"),
    "department": gettext_lazy("Department or job function"),
    "category": gettext_lazy("Job category"),
}
# Normalised header names (see `normalise_header`) that name each field.
HEADER_WORDS = {
    "title": [
        "title",
        "job_title",
        "judul",
        "jabatan",
        "posisi",
        "position",
        "nama_lowongan",
        "lowongan",
        "nama_jabatan",
    ],
    "company": [
        "company",
        "company_name",
        "perusahaan",
        "nama_perusahaan",
        "employer",
        "name",
        "nama",
    ],
    "employer_nib": ["nib", "employer_nib", "nib_perusahaan"],
    "location": [
        "location",
        "lokasi",
        "job_location",
        "kota",
        "city",
        "penempatan",
        "regency",
        "kab_kota",
        "kabupaten_kota",
        "lokasi_kerja",
    ],
    "description": [
        "description",
        "deskripsi",
        "job_description",
        "job_desc",
        "jobdesc",
        "uraian",
        "uraian_tugas",
    ],
    "skills": [
        "skill_set",
        "skills",
        "skill",
        "keahlian",
        "keterampilan",
        "skills_required",
    ],
    "wage": ["salary", "gaji", "base_salary", "upah", "wage"],
    "wage_min": ["min_salary", "wage_min", "gaji_min", "upah_min", "salary_min"],
    "wage_max": ["max_salary", "wage_max", "gaji_max", "upah_maks", "upah_max", "salary_max"],
    "education": ["education", "pendidikan", "pendidikan_minimal", "min_education"],
    "employment_type": ["type", "job_type", "employment_type", "jenis", "status_kerja", "tipe"],
    "work_arrangement": ["work_arrangement", "workplace", "remote", "sistem_kerja"],
    "posted": [
        "posted_date",
        "date_posted",
        "first_seen",
        "tanggal",
        "tanggal_posting",
        "valid_from",
        "mulai",
        "posted",
    ],
    "valid_to": [
        "job_apply_end_date",
        "valid_to",
        "closing_date",
        "deadline",
        "sampai",
        "batas_lamaran",
        "tanggal_tutup",
    ],
    "headcount": ["headcount", "jumlah", "kuota", "jumlah_kebutuhan", "vacancies"],
    "experience_months": ["experience_months", "pengalaman_bulan"],
    "external_id": ["job_id", "id", "external_id", "id_lowongan"],
    "link": ["link", "url", "job_url", "tautan"],
    "kbji": ["kbji", "kode_kbji"],
    # The ad's department or function, and its category: a context for the occupation coder
    # (weaker than the title), read together ("Akuntansi / Staff Accounting").
    "department": [
        "job_department",
        "department",
        "departemen",
        "divisi",
        "function",
        "job_function",
        "fungsi",
    ],
    "category": ["category", "job_category", "kategori", "bidang"],
}
# Yes/no columns that say which education levels an ad accepts (loker.id: "SMA/SMK/STM" = 1).
EDUCATION_FLAG_WORDS = [
    ("sma", "3000"),
    ("smk", "3000"),
    ("slta", "3000"),
    ("diploma", "5100"),
    ("d3", "5100"),
    ("sarjana", "6200"),
    ("s1", "6200"),
    ("master", "7100"),
    ("s2", "7100"),
    ("doctor", "7200"),
    ("s3", "7200"),
]
DEFAULTS = {"headcount": 1, "valid_days": 30, "employment_type": ""}
SAMPLE_ROWS = 50
LONG_TEXT = 200
URL = re.compile(r"^https?://\S+$", re.I)
RUPIAH = re.compile(r"^\s*(rp|idr)\.?\s*\d", re.I)


def normalise_header(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", (name or "").lower()).strip("_")


def signature(header: list[str]) -> list[str]:
    """The file's identity for profiles: its normalised, sorted column names."""
    return sorted({normalise_header(name) for name in header if name})


def _share(values: list[str], test) -> float:
    filled = [v for v in values if v.strip()]
    if not filled:
        return 0.0
    return sum(1 for v in filled if test(v)) / len(filled)


def _is_place(value: str) -> bool:
    return len(value) <= 80 and places.resolve_one(value) is not None


def _is_wage(value: str) -> bool:
    return bool(RUPIAH.match(value)) or wages.parse_wage(value).stated


def suggest(header: list[str], sample: list[list[str]]) -> dict:
    """{our field: column} from the header names, then the contents; plus education flags."""
    mapping: dict = {}
    taken: set[str] = set()
    normalised = [normalise_header(name) for name in header]
    for field in FIELDS:
        for word in HEADER_WORDS[field]:
            if word in normalised and header[normalised.index(word)] not in taken:
                mapping[field] = header[normalised.index(word)]
                taken.add(mapping[field])
                break
    columns = {
        name: [row[i] if i < len(row) else "" for row in sample[:SAMPLE_ROWS]]
        for i, name in enumerate(header)
    }
    free = [name for name in header if name not in taken]
    content_tests = [
        ("link", lambda v: bool(URL.match(v.strip())), 0.8),
        ("description", lambda v: len(v) >= LONG_TEXT, 0.6),
        ("wage", _is_wage, 0.6),
        ("location", _is_place, 0.7),
    ]
    for field, test, needed in content_tests:
        if field in mapping or (field == "wage" and "wage_min" in mapping):
            continue
        best = max(free, key=lambda name, test=test: _share(columns[name], test), default=None)
        if best is not None and _share(columns[best], test) >= needed:
            mapping[field] = best
            free.remove(best)
    flags = []
    for name in free:
        key = normalise_header(name)
        parts = set(key.split("_"))
        values = {v.strip() for v in columns[name] if v.strip()}
        if values and values <= {"0", "1", "true", "false", "True", "False"}:
            for word, code in EDUCATION_FLAG_WORDS:
                if word in parts:
                    flags.append([name, code])
                    break
    if flags and "education" not in mapping:
        mapping["education_flags"] = flags
    return mapping


def pick_profile(header: list[str]):
    """The saved profile whose columns are exactly the file's, or None."""

    wanted = signature(header)
    for profile in ImportProfile.objects.all():
        if profile.headers == wanted:
            return profile
    return None


def save_profile(name: str, header: list[str], mapping: dict, defaults: dict | None, by):
    """Save (or replace) a named mapping for files with these headers."""

    profile, _ = ImportProfile.objects.update_or_create(
        name=name,
        defaults={
            "headers": signature(header),
            "mapping": {k: v for k, v in mapping.items() if not k.startswith("__")},
            "defaults": defaults or {},
            "created_by": by,
        },
    )
    return profile


EMPLOYMENT_WORDS = [
    ("intern", "internship"),
    ("magang", "internship"),
    ("freelance", "freelance"),
    ("lepas", "freelance"),
    ("part", "part_time"),
    ("paruh", "part_time"),
    ("harian", "daily"),
    ("daily", "daily"),
    ("kontrak", "contract"),
    ("contract", "contract"),
    ("pkwt", "contract"),
    ("full", "permanent"),
    ("tetap", "permanent"),
    ("permanent", "permanent"),
]


ARRANGEMENT_WORDS = [
    ("hybrid", "hybrid"),
    ("hibrid", "hybrid"),
    ("remote", "remote"),
    ("wfh", "remote"),
    ("work from home", "remote"),
    ("jarak jauh", "remote"),
    ("dari rumah", "remote"),
    ("wfo", "on_site"),
    ("on site", "on_site"),
    ("onsite", "on_site"),
    ("on-site", "on_site"),
    ("di kantor", "on_site"),
]


def work_arrangement(text: str) -> str:
    """On site, hybrid or remote from a file's words ("" when it does not say)."""
    folded = (text or "").lower()
    for word, value in ARRANGEMENT_WORDS:
        if word in folded:
            return value
    return ""


def employment_type(text: str) -> str:
    folded = (text or "").lower()
    for word, value in EMPLOYMENT_WORDS:
        if word in folded:
            return value
    return ""

"""Put a synthetic, country-shaped population into the database, for load tests and benchmarks.

The seekers, vacancies, skills, occupations, education and wages come from `synthetic.generate`;
they are placed in real regencies weighted by population and mapped onto the real reference data
(KBJI unit groups, the loaded ESCO skills, the IPK education levels). Bulk inserts throughout:
`bulk_create` for the model rows and COPY for the large link tables on PostgreSQL.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from employers.models import Employer, Vacancy
from jobseekers.models import Experience, JobSeeker
from placement.matching import synthetic
from placement.taxonomy.models import EducationLevel, Industry, Occupation, Regency, Skill

RELOCATION = np.array(["regency", "province", "national", "abroad"])
SEX = np.array(["", "L", "P"])


def _copy_pairs(table: str, columns: tuple[str, ...], rows: np.ndarray) -> None:
    """Insert integer rows into a link table: COPY on PostgreSQL, executemany elsewhere."""
    if not len(rows):
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buffer = io.StringIO("\n".join("\t".join(map(str, row)) for row in rows.tolist()))
            cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                rows.tolist(),
            )


def _link_rows(owner_ids: np.ndarray, matrix, skill_pk: np.ndarray) -> np.ndarray:
    matrix = matrix.tocsr()
    owners = np.repeat(owner_ids, np.diff(matrix.indptr))
    pairs = np.stack([owners, skill_pk[matrix.indices]], axis=1)
    return np.unique(pairs, axis=0)


@transaction.atomic
def load_population(*, n_seekers: int, n_vacancies: int, seed: int = 0) -> dict[str, int]:
    """Create active seekers and published vacancies; returns how many rows of each."""

    seekers, vacancies, meta = synthetic.generate(n_seekers, n_vacancies, seed)
    rng = np.random.default_rng(seed + 1)
    regencies = list(Regency.objects.order_by("code").values_list("code", "population"))
    codes = np.array([code for code, _ in regencies])
    weights = np.array([population or 1 for _, population in regencies], dtype=float)
    weights /= weights.sum()
    seeker_regency = codes[rng.choice(len(codes), len(seekers.ids), p=weights)]
    vacancy_regency = codes[rng.choice(len(codes), len(vacancies.ids), p=weights)]

    level4 = list(Occupation.objects.current().filter(level=4).order_by("code").values_list("id"))
    occupation_pk = np.array([row[0] for row in level4])
    synthetic_codes = np.asarray(meta.occupation_codes)

    def occupation_of(code: np.ndarray) -> np.ndarray:
        return occupation_pk[np.searchsorted(synthetic_codes, code) % len(occupation_pk)]

    skill_pk = np.array(Skill.objects.common_first().values_list("pk", flat=True), dtype=np.int64)
    n_skills = max(seekers.skills.shape[1], vacancies.required_skills.shape[1])
    skill_pk = skill_pk[np.arange(n_skills) % len(skill_pk)]
    education_by_rank = {}
    for code, rank in EducationLevel.objects.order_by("order").values_list("code", "rank"):
        education_by_rank.setdefault(rank, code)
    education = [education_by_rank.get(int(r), "3000") for r in range(10)]

    today = timezone.localdate()
    seeker_rows = [
        JobSeeker(
            full_name=f"Pencari Kerja {seed}-{i}",
            status=JobSeeker.Status.ACTIVE,
            regency_id=seeker_regency[i],
            education_level_id=education[min(int(seekers.education[i]), 9)],
            experience_months=int(seekers.experience_months[i]),
            expected_wage=int(seekers.expected_wage[i]) or None,
            birth_date=date(today.year - int(seekers.age[i]), 1 + i % 12, 1 + i % 28),
            sex=SEX[int(seekers.sex[i])],
            relocation=RELOCATION[int(seekers.scope[i])],
            registered_on=today - timedelta(days=int(i % 300)),
        )
        for i in range(len(seekers.ids))
    ]
    JobSeeker.objects.bulk_create(seeker_rows, batch_size=5000)
    seeker_ids = np.array([s.pk for s in seeker_rows], dtype=np.int64)
    occupations = np.asarray(seekers.occupations)
    owner, slot = np.nonzero(occupations[:, :3] >= 0)
    preferred = np.unique(
        np.stack([seeker_ids[owner], occupation_of(occupations[owner, slot])], axis=1), axis=0
    )
    _copy_pairs(
        JobSeeker.preferred_occupations.through._meta.db_table,
        ("jobseeker_id", "occupation_id"),
        preferred,
    )
    _copy_pairs(
        "jobseekers_seekerskill",
        ("seeker_id", "skill_id"),
        _link_rows(seeker_ids, seekers.skills, skill_pk),
    )
    # Past jobs by kind: matching counts only the months in a related occupation.
    owner, slot = np.nonzero(np.asarray(seekers.experience_codes) >= 0)
    past_codes = occupation_of(np.asarray(seekers.experience_codes)[owner, slot])
    past_months = np.asarray(seekers.experience_code_months)[owner, slot]
    Experience.objects.bulk_create(
        [
            Experience(
                seeker_id=int(seeker_ids[i]),
                job_title="Pekerjaan",
                occupation_id=int(o),
                months=int(m),
            )
            for i, o, m in zip(owner, past_codes, past_months, strict=True)
        ],
        batch_size=5000,
    )

    industry = Industry.objects.current().filter(level=1).order_by("code").first()
    per_employer = 20
    employers = [
        Employer(
            name=f"PT Sintetis {seed}-{i}",
            nib=f"{seed % 100:02d}{i:011d}",
            industry=industry,
            ownership=Employer.Ownership.PRIVATE,
            address="Jl. Uji Beban",
            regency_id=vacancy_regency[i * per_employer],
            contact_name="Uji",
            contact_email=f"hr{i}@sintetis.example",
            contact_phone="0210000000",
            status=Employer.Status.VERIFIED,
        )
        for i in range((len(vacancies.ids) + per_employer - 1) // per_employer)
    ]
    Employer.objects.bulk_create(employers, batch_size=5000)
    vacancy_rows = [
        Vacancy(
            employer=employers[j // per_employer],
            title=f"Lowongan {seed}-{j}",
            occupation_id=int(occupation_of(vacancies.occupation[j : j + 1])[0]),
            industry=industry,
            headcount=1 + j % 5,
            valid_from=today - timedelta(days=10),
            valid_to=today + timedelta(days=60),
            min_education_id=education[min(int(vacancies.min_education[j]), 9)],
            min_experience_months=int(vacancies.min_experience_months[j]),
            age_min=int(vacancies.age_min[j]) or None,
            age_max=int(vacancies.age_max[j]) or None,
            sex=SEX[int(vacancies.sex[j])],
            limits_reason="uji" if vacancies.age_max[j] or vacancies.sex[j] else "",
            wage_min=int(vacancies.wage_min[j]) or None,
            wage_max=int(vacancies.wage_max[j]) or None,
            regency_id=None if vacancies.is_overseas[j] else vacancy_regency[j],
            is_overseas=bool(vacancies.is_overseas[j]),
            scope="AKAN" if vacancies.is_overseas[j] else "AKL",
            status=Vacancy.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        for j in range(len(vacancies.ids))
    ]
    Vacancy.objects.bulk_create(vacancy_rows, batch_size=5000)
    vacancy_ids = np.array([v.pk for v in vacancy_rows], dtype=np.int64)
    required = _link_rows(vacancy_ids, vacancies.required_skills, skill_pk)
    optional = _link_rows(vacancy_ids, vacancies.optional_skills, skill_pk)
    # A skill both required and optional stays required.
    optional_keys = set(map(tuple, optional.tolist())) - set(map(tuple, required.tolist()))
    optional = np.array(sorted(optional_keys), dtype=np.int64).reshape(-1, 2)
    links = np.concatenate(
        [
            np.column_stack([required, np.ones(len(required), dtype=np.int64)]),
            np.column_stack([optional, np.zeros(len(optional), dtype=np.int64)]),
        ]
    )
    if connection.vendor == "postgresql":
        links = links.astype(object)
        links[:, 2] = np.where(links[:, 2] == 1, "t", "f")
    _copy_pairs("employers_vacancyskill", ("vacancy_id", "skill_id", "is_required"), links)
    return {
        "seekers": len(seeker_ids),
        "vacancies": len(vacancy_ids),
        "seeker_skills": int(seekers.skills.nnz),
        "employers": len(employers),
    }

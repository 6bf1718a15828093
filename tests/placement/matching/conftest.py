"""A small, known population for the matching tests (rows created directly)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from employers.models import Employer, Vacancy, VacancySkill
from jobseekers.models import JobSeeker, SeekerSkill
from placement.taxonomy.models import EducationLevel, Industry, Occupation, Skill


def skill(label_en: str) -> Skill:
    return Skill.objects.get(label_en=label_en)


WELDING, FORKLIFT, SEWING, OFFICE, DRIVE = (
    "welding techniques",
    "operate forklift",
    "sew pieces of fabric",
    "use microsoft office",
    "drive vehicles",
)


def make_seeker(
    name: str,
    *,
    regency: str = "62.71",
    skills: tuple[str, ...] = (),
    education: str = "3000",
    occupations: tuple[str, ...] = (),
    relocation: str = "regency",
    sex: str = "L",
    age: int = 25,
    status: str = "active",
    expected_wage: int | None = None,
) -> JobSeeker:
    today = timezone.localdate()
    seeker = JobSeeker.objects.create(
        full_name=name,
        status=status,
        regency_id=regency,
        education_level_id=education,
        relocation=relocation,
        sex=sex,
        birth_date=datetime.date(today.year - age, 1, 1),
        expected_wage=expected_wage,
        experience_months=12,
    )
    SeekerSkill.objects.bulk_create([SeekerSkill(seeker=seeker, skill=skill(s)) for s in skills])
    seeker.preferred_occupations.set(Occupation.objects.filter(code__in=occupations))
    return seeker


@pytest.fixture
def employer(db) -> Employer:
    return Employer.objects.create(
        name="PT Contoh Sejahtera",
        nib="1234567890123",
        industry=Industry.objects.get(code="C"),
        ownership=Employer.Ownership.PRIVATE,
        address="Jl. Contoh 1",
        regency_id="62.71",
        contact_name="Contoh",
        contact_email="hr@contoh.example",
        contact_phone="0536123456",
        status=Employer.Status.VERIFIED,
    )


def make_vacancy(
    employer: Employer,
    title: str,
    *,
    regency: str = "62.71",
    occupation: str = "7212",
    required: tuple[str, ...] = (),
    optional: tuple[str, ...] = (),
    min_education: str = "3000",
    status: str = "published",
    **extra,
) -> Vacancy:
    today = timezone.localdate()
    vacancy = Vacancy.objects.create(
        employer=employer,
        title=title,
        occupation=Occupation.objects.get(code=occupation),
        industry=employer.industry,
        headcount=3,
        valid_from=today - datetime.timedelta(days=3),
        valid_to=today + datetime.timedelta(days=30),
        min_education=EducationLevel.objects.get(code=min_education),
        regency_id=regency,
        status=status,
        **extra,
    )
    VacancySkill.objects.bulk_create(
        [VacancySkill(vacancy=vacancy, skill=skill(s), is_required=True) for s in required]
        + [VacancySkill(vacancy=vacancy, skill=skill(s), is_required=False) for s in optional]
    )
    return vacancy

"""Employers (pemberi kerja), their vacancies and the bulk imports of their files: one module each
(`companies`, `vacancies`, `import_runs`); Django and the rest of the code import them from here."""

from employers.models.companies import Employer, EmployerQuerySet, EmployerUser
from employers.models.import_runs import ImportChunk, ImportProfile, ImportRun
from employers.models.vacancies import (
    SEARCH_CONFIG,
    SEARCH_VECTOR,
    Vacancy,
    VacancyQuerySet,
    VacancySkill,
    open_vacancy,
    positions_left,
    referable_vacancy,
)

__all__ = [
    "SEARCH_CONFIG",
    "SEARCH_VECTOR",
    "Employer",
    "EmployerQuerySet",
    "EmployerUser",
    "ImportChunk",
    "ImportProfile",
    "ImportRun",
    "Vacancy",
    "VacancyQuerySet",
    "VacancySkill",
    "open_vacancy",
    "positions_left",
    "referable_vacancy",
]

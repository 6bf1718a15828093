"""Employer and vacancy operations: registration, verification, the AK/III lifecycle.

Lifecycle of a vacancy (Perpres 57/2023):

    draft -> submitted -> published (verified by an officer) -> filled | closed | expired
                       -> returned (with the officer's reason) -> submitted again

Modules: `companies` (the employer: registration, colleagues, verification, details) and
`vacancies` (the report and its lifecycle, with the ledger events it writes). Callers use
`from employers import services` and the names below.
"""

from employers.services.companies import (
    EmployerRefused,
    add_colleague,
    company_users,
    register_employer,
    reject_employer,
    remove_colleague,
    update_employer,
    verify_employer,
)
from employers.services.vacancies import (
    REQUIRED_FOR_SUBMISSION,
    VACANCY_FIELDS,
    VacancyRefused,
    close_lapsed_overseas_vacancies,
    close_vacancy,
    create_vacancy,
    expire_vacancies,
    overseas_problems,
    publish_vacancy,
    record_vacancy_filled,
    return_vacancy,
    save_vacancy_draft,
    submission_problems,
    submit_vacancy,
    vacancy_values,
)

__all__ = [
    "REQUIRED_FOR_SUBMISSION",
    "VACANCY_FIELDS",
    "EmployerRefused",
    "VacancyRefused",
    "add_colleague",
    "close_lapsed_overseas_vacancies",
    "close_vacancy",
    "company_users",
    "create_vacancy",
    "expire_vacancies",
    "overseas_problems",
    "publish_vacancy",
    "record_vacancy_filled",
    "register_employer",
    "reject_employer",
    "remove_colleague",
    "return_vacancy",
    "save_vacancy_draft",
    "submission_problems",
    "submit_vacancy",
    "update_employer",
    "vacancy_values",
    "verify_employer",
]

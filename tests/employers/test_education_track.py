"""A vacancy can ask for SMA or SMK (and an SMK programme); III/4 counts them apart (issue 15)."""

from __future__ import annotations

from employers import services
from employers.vacancy_forms import RequirementsStepForm
from placement.ledger.models import Event
from placement.taxonomy.models import SmkProgramme
from tests.factories import OfficerFactory, VacancyFactory


def test_a_published_smk_vacancy_is_registered_with_the_vocational_code(db):
    welding = SmkProgramme.objects.get(code="1.4.2")
    vacancy = VacancyFactory(status="submitted", school_track="vocational", smk_programme=welding)
    officer = OfficerFactory()
    services.publish_vacancy(vacancy=vacancy, by=officer.user)
    event = Event.objects.get(subject_type="employers.vacancy", subject_id=vacancy.pk)
    assert event.education == "3101"


def test_a_vacancy_open_to_sma_or_smk_keeps_the_slta_code(db):
    assert VacancyFactory().education_code == "3000"
    assert VacancyFactory(school_track="general").education_code == "3801"
    assert VacancyFactory(min_education_id="6200").education_code == "6200"


def test_sma_or_smk_is_asked_only_for_the_slta_level_and_a_programme_only_for_smk(db):
    welding = SmkProgramme.objects.get(code="1.4.2")
    form = RequirementsStepForm(
        {"min_education": "6200", "school_track": "vocational", "min_experience_months": "0"}
    )
    assert "school_track" in form.errors
    form = RequirementsStepForm(
        {
            "min_education": "3000",
            "school_track": "general",
            "smk_programme": str(welding.pk),
            "min_experience_months": "0",
        }
    )
    assert "smk_programme" in form.errors

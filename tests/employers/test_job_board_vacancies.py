"""Vacancies of employers known only from a job board (no NIB, no account): verified and published
by the officer ad by ad, without registering the company first; seekers apply at the source."""

from __future__ import annotations

from unittest import mock

import pytest

from employers import import_review
from employers.models import Employer, Vacancy
from employers.services import VacancyRefused, publish_vacancy
from employers.warnings import vacancy_warnings
from placement.taxonomy.models import Industry
from tests.employers.test_imports import board_row, csv_upload, run
from tests.factories import EmployerFactory, JobSeekerFactory


def _imported(alice, n: int) -> Vacancy:
    run(csv_upload([board_row(n, Pendidikan="SMA/SMK")]), kind="vacancies", by=alice)
    vacancy = Vacancy.objects.select_related("employer").get(external_id=f"9{n:05d}")
    assert vacancy.employer.origin == "job_board" and vacancy.employer.status == "pending"
    return vacancy


def _complete(vacancy: Vacancy) -> Vacancy:
    # A job board names no KBLI: the officer sets it on the vacancy before publishing.
    vacancy.industry = Industry.objects.current().get(code="47111")
    vacancy.needs_review = False
    vacancy.save(update_fields=["industry", "needs_review"])
    return vacancy


def test_the_officer_publishes_a_job_board_vacancy_without_registering_the_company(db, alice):
    vacancy = _complete(_imported(alice, 101))
    codes = [w.code for w in vacancy_warnings(vacancy)]
    assert "employer_job_board" in codes and "employer_unverified" not in codes
    with mock.patch("placement.matching.tasks.rescore_vacancy.delay"):
        published = publish_vacancy(vacancy=vacancy, by=alice)
    assert published.status == "published" and published.verified_by == alice
    assert Employer.objects.get(pk=vacancy.employer_id).status == "pending"  # still to invite


def test_the_whole_file_publishes_job_board_vacancies_too(db, alice):
    vacancy = _complete(_imported(alice, 102))
    assert list(import_review.publishable(vacancy.import_run)) == [vacancy]
    with mock.patch("placement.matching.tasks.rescore_vacancy.delay"):
        result = import_review.publish_import(run=vacancy.import_run, by=alice)
    assert result["published"] == 1


def test_a_rejected_job_board_employer_or_a_pending_registered_company_cannot_publish(db, alice):
    vacancy = _complete(_imported(alice, 103))
    Employer.objects.filter(pk=vacancy.employer_id).update(status="rejected")
    vacancy.refresh_from_db()
    with pytest.raises(VacancyRefused):
        publish_vacancy(vacancy=vacancy, by=alice)
    assert not import_review.publishable(vacancy.import_run).exists()
    registered = EmployerFactory(status="pending", regency_id="62.71")  # registered itself
    assert not registered.may_publish
    assert not Employer.objects.filter(Employer.may_publish_q(), pk=registered.pk).exists()
    assert "employer_unverified" in [
        w.code for w in vacancy_warnings(Vacancy(employer=registered, title="Kasir"))
    ]


def test_seekers_are_sent_to_the_original_ad(client, alice):
    vacancy = _complete(_imported(alice, 104))
    with mock.patch("placement.matching.tasks.rescore_vacancy.delay"):
        publish_vacancy(vacancy=vacancy, by=alice)
    seeker = JobSeekerFactory(verified=True)
    client.force_login(seeker.user)
    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert "tidak terdaftar di Disnaker" in page
    assert f'href="{vacancy.source_url}"' in page
    assert f'action="/applications/apply/{vacancy.pk}/"' not in page  # no application form
    client.post(f"/applications/apply/{vacancy.pk}/", {"note": ""})
    assert not vacancy.applications.exists()

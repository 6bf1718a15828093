"""A vacancy published to open later (tomorrow, next week): it has a default opening date, says
when it opens, is matched and referable at once, and is findable where officers and the public
look for it (issue 14, item 2)."""

# ruff: noqa: F811

from __future__ import annotations

import datetime

from django.utils import timezone

from employers import services as employer_services
from placement.matching.models import Match
from placement.pipeline import services as pipeline_services
from tests.factories import JobSeekerFactory, VacancyFactory
from tests.placement.matching.conftest import WELDING, employer, make_seeker, make_vacancy  # noqa: F401


def _tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


def test_the_period_step_opens_today_by_default(client, erin, erin_company):
    draft = VacancyFactory(employer=erin_company, status="draft", valid_from=None)
    client.force_login(erin)
    page = client.get(f"/employer/vacancies/{draft.pk}/edit/period/").content.decode()
    today = timezone.localdate()
    assert f'name="valid_from_0" value="{today.day}"' in page or (
        f'value="{today.day}"' in page and f'value="{today.year}"' in page
    )


def test_a_vacancy_opening_tomorrow_is_shown_with_its_date_not_a_404(client, db):
    vacancy = VacancyFactory(valid_from=_tomorrow())
    response = client.get(f"/vacancies/{vacancy.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "data-opens-on" in page and "dibuka pada" in page
    assert f"{_tomorrow():%Y-%m-%d}" in page


def test_a_vacancy_opening_tomorrow_is_matched_on_publication(
    employer, carol, django_capture_on_commit_callbacks
):
    make_seeker("Ani", skills=(WELDING,))
    vacancy = make_vacancy(
        employer,
        "Juru las",
        required=(WELDING,),
        status="submitted",
        description="Mengelas.",
        wage_min=3_500_000,
    )
    vacancy.valid_from = _tomorrow()
    vacancy.save(update_fields=["valid_from"])
    with django_capture_on_commit_callbacks(execute=True):
        employer_services.publish_vacancy(vacancy=vacancy, by=carol)
    assert [m.seeker.full_name for m in Match.objects.for_vacancy(vacancy.pk)] == ["Ani"]


def test_officers_find_and_refer_to_a_vacancy_opening_tomorrow(client, alice, db):
    vacancy = VacancyFactory(title="Kasir Besok Buka", valid_from=_tomorrow())
    seeker = JobSeekerFactory(verified=True, regency_id="62.71")
    client.force_login(alice)
    found = client.get(f"/officer/referrals/new/?seeker={seeker.pk}&q=Besok").content.decode()
    assert "Kasir Besok Buka" in found
    page = client.get(f"/officer/vacancies/{vacancy.pk}/referrals/").content.decode()
    assert "dibuka pada" in page
    referral = pipeline_services.refer_jobseeker(seeker=seeker, vacancy=vacancy, by=alice)
    assert referral.status == "referred"

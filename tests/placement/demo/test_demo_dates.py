"""Demo vacancies are never "sent" or "published" on a date that has not come (issue 14)."""

from __future__ import annotations

from django.utils import timezone

from employers.models import Vacancy
from tests.placement.demo.test_employers import seed


def test_no_demo_vacancy_was_sent_or_published_in_the_future(db):
    seed(200)
    now = timezone.now()
    assert not Vacancy.objects.filter(submitted_at__gt=now).exists()
    assert not Vacancy.objects.filter(published_at__gt=now).exists()

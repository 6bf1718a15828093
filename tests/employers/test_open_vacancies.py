"""One definition per rule: an open vacancy (`Vacancy.objects.open()`, `Vacancy.is_open`) and a
referable one (`referable()`, `is_referable`, the matching extract's SQL) agree on every kind of
vacancy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from employers.models import Vacancy, open_vacancy, positions_left, referable_vacancy
from placement.matching.extract import extract
from tests.factories import VacancyFactory


@pytest.fixture
def vacancies(db) -> dict[str, Vacancy]:
    """One vacancy per way of being open or not (all located in 62.71)."""
    today = timezone.localdate()
    return {
        "open": VacancyFactory(),
        "one_left": VacancyFactory(headcount=3, filled_count=1, removed_count=1),
        "last_day": VacancyFactory(valid_to=today),
        "first_day": VacancyFactory(valid_from=today),
        "full": VacancyFactory(headcount=2, filled_count=1, removed_count=1),
        "not_yet": VacancyFactory(valid_from=today + timedelta(days=1)),
        "expired": VacancyFactory(valid_to=today - timedelta(days=1)),
        "submitted": VacancyFactory(status=Vacancy.Status.SUBMITTED),
        "closed": VacancyFactory(status=Vacancy.Status.CLOSED),
        "draft": VacancyFactory(status=Vacancy.Status.DRAFT),
    }


OPEN = {"open", "one_left", "last_day", "first_day"}
REFERABLE = OPEN | {"not_yet"}  # published vacancies opening later are matched and referable


def _names(vacancies: dict[str, Vacancy], pks) -> set[str]:
    by_pk = {v.pk: name for name, v in vacancies.items()}
    return {by_pk[pk] for pk in pks if pk in by_pk}


def test_open_vacancies_are_published_current_and_not_full(vacancies):
    assert _names(vacancies, Vacancy.objects.open().values_list("pk", flat=True)) == OPEN


def test_the_row_rule_and_the_q_agree_with_the_queryset(vacancies):
    assert {name for name, v in vacancies.items() if v.is_open} == OPEN
    pks = Vacancy.objects.filter(open_vacancy()).values_list("pk", flat=True)
    assert _names(vacancies, pks) == OPEN


def test_referable_vacancies_are_open_or_opening_later_with_positions_left(vacancies):
    assert _names(vacancies, Vacancy.objects.referable().values_list("pk", flat=True)) == REFERABLE
    assert {name for name, v in vacancies.items() if v.is_referable} == REFERABLE
    pks = Vacancy.objects.filter(referable_vacancy()).values_list("pk", flat=True)
    assert _names(vacancies, pks) == REFERABLE


def test_the_matching_extract_takes_exactly_the_referable_vacancies(vacancies):
    snapshot = extract(timezone.localdate())
    assert _names(vacancies, snapshot.vacancies.ids.tolist()) == REFERABLE


def test_positions_left_is_headcount_minus_filled_and_withdrawn(vacancies):
    left = dict(Vacancy.objects.with_positions_left().values_list("pk", "positions_left"))
    assert left[vacancies["one_left"].pk] == 1
    assert left[vacancies["full"].pk] == 0
    assert Vacancy.objects.annotate(p=positions_left()).get(pk=vacancies["open"].pk).p == 2

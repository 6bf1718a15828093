"""The seeker's forms take what people type (issue 14, item 6): "3.500.000" as a wage, months of
experience counted from the years, the wanted jobs in the order given, a picker that picks the
one row whose whole name was typed, and no stray punctuation in the error summary."""

from __future__ import annotations

from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation

from jobseekers.forms import ExperienceForm, PreferencesForm, SubmitForm
from placement.taxonomy.fields import parse_rupiah
from placement.taxonomy.models import Occupation


def test_wages_are_read_as_people_write_them():
    assert parse_rupiah("3.500.000") == 3_500_000
    assert parse_rupiah("3,500,000") == 3_500_000
    assert parse_rupiah("Rp 3.500.000,-") == 3_500_000
    assert parse_rupiah("3500000") == 3_500_000
    assert parse_rupiah("3,5 juta") == 3_500_000
    assert parse_rupiah("3.50.000") is None
    assert parse_rupiah("tiga juta") is None


def _preferences(**data) -> PreferencesForm:
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return PreferencesForm(query)


def test_a_wage_with_dots_is_accepted_and_the_wanted_jobs_keep_their_order(db):
    first, second = Occupation.objects.get(code="5230"), Occupation.objects.get(code="4311")
    form = _preferences(
        preferred_occupations=[str(first.pk), str(second.pk)],
        expected_wage="3.500.000",
        relocation="province",
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["expected_wage"] == 3_500_000
    assert list(form.cleaned_data["preferred_occupations"]) == [first, second]


def test_experience_months_are_counted_from_the_years_when_left_empty(db):
    occupation = Occupation.objects.get(code="5230")
    data = {
        "job_title": "Kasir",
        "occupation": str(occupation.pk),
        "employer_name": "Toko Maju",
        "start_year": "2019",
        "end_year": "2022",
    }
    form = ExperienceForm(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["months"] == 36
    form = ExperienceForm({**data, "months": "10"})
    assert form.is_valid() and form.cleaned_data["months"] == 10
    this_year = timezone.localdate().year
    form = ExperienceForm({**data, "start_year": str(this_year - 1), "end_year": ""})
    assert form.is_valid() and form.cleaned_data["months"] == 12 + timezone.localdate().month


def test_the_whole_typed_name_picks_the_only_match_and_found_is_not_nothing(db):
    cashier = Occupation.objects.get(code="5230")
    form = _preferences(
        preferred_occupations_q=cashier.title, expected_wage="", relocation="province"
    )
    assert form.is_valid(), form.errors
    assert list(form.cleaned_data["preferred_occupations"]) == [cashier]
    with translation.override("id"):
        html = str(form["preferred_occupations"])
    assert f'value="{cashier.pk}" checked' in html
    # The message is in the picker's data attribute for the live search; it must not be shown.
    assert '<p class="hint">Tidak ditemukan' not in html
    assert 'data-nothing-found="Tidak ditemukan' in html


def test_the_consent_error_has_no_stray_punctuation():
    form = SubmitForm({"consent_version": "x"})
    form.is_valid()
    with translation.override("id"):
        html = render_to_string("components/error_summary.html", {"form": form})
    assert ".:" not in html and "Centang" in html

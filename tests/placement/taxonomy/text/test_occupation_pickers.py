"""The occupation pickers find the right KBJI group on their first screen for everyday words.

Both paths: the page without JavaScript (the form re-rendered with results) and the suggest-as-
you-type list (`/api/v1/taxonomy/occupations/?q=`), for every occupation picker of the service.
"""

from __future__ import annotations

import re

import pytest
from django.http import QueryDict

from employers.vacancy_forms import JobStepForm
from jobseekers.forms import ExperienceForm, PreferencesForm
from officers.forms import OutsidePlacementForm
from placement.taxonomy.models import Occupation

WORDS = {
    "kasir": "5230",
    "pramuniaga": "5223",
    "SPG": "5242",
    "sopir": "8322",
    "driver": "8322",
    "satpam": "5414",
    "security": "5414",
    "admin gudang": "4321",
    "staff admin": "4110",
    "cleaning service": "9112",
    "perawat": "2221",
    "guru": "2330",
    "teknisi AC": "7127",
    "operator produksi": "8189",
    "barista": "5132",
}
FIRST_SCREEN = 15  # what static/js/picker.js and the no-JS picker show


def _codes_on_page(html: str) -> list[str]:
    ids = re.findall(r'<input type="(?:radio|checkbox)" name="[^"]+" value="(\d+)"', html)
    codes = dict(Occupation.objects.filter(pk__in=ids).values_list("pk", "code"))
    return [codes[int(pk)] for pk in ids]


@pytest.mark.parametrize(("words", "code"), WORDS.items())
def test_the_suggest_as_you_type_list_shows_the_group_first(client, db, words, code):
    response = client.get("/api/v1/taxonomy/occupations/", {"q": words, "level": "4,6"})
    results = response.json()["results"][:FIRST_SCREEN]
    assert results[0]["code"] == code
    assert all(r["code"][:4] == code for r in results[:1])


@pytest.mark.parametrize(
    ("form_class", "field"),
    [
        (ExperienceForm, "occupation"),
        (PreferencesForm, "preferred_occupations"),
        (JobStepForm, "occupation"),
        (OutsidePlacementForm, "occupation"),
    ],
)
def test_every_occupation_picker_without_javascript_lists_the_group_first(db, form_class, field):
    for words, code in WORDS.items():
        form = form_class(QueryDict(f"{field}_q={words}&{field}_search=1"))
        codes = _codes_on_page(str(form[field]))[:FIRST_SCREEN]
        assert codes and codes[0] == code, (words, codes[:3])


def test_a_code_typed_into_the_picker_still_finds_the_code(client, db):
    response = client.get("/api/v1/taxonomy/occupations/", {"q": "5230", "level": "4"})
    assert [r["code"] for r in response.json()["results"]] == ["5230"]


def test_the_jobs_of_the_group_follow_it(client, db):
    results = client.get("/api/v1/taxonomy/occupations/", {"q": "kasir", "level": "4,6"}).json()
    codes = [r["code"] for r in results["results"]]
    assert codes[:2] == ["5230", "5230.01"]


def test_a_neighbour_no_typed_word_names_brings_no_jobs_of_its_own(client, db):
    results = client.get("/api/v1/taxonomy/occupations/", {"q": "kasir", "level": "4,6"}).json()
    codes = [r["code"] for r in results["results"]]
    assert codes[:3] == ["5230", "5230.01", "5230.02"] and "5223" in codes  # the group stays
    assert not any(code.startswith("5223.") for code in codes)
    assert "5222.01" in codes  # "Supervisor Kasir": the typed word, in its title


@pytest.mark.parametrize(
    ("form_class", "data", "code"),
    [
        (ExperienceForm, "job_title=Sopir+Truk+Ekspedisi&occupation_search=suggest", "8332"),
        (OutsidePlacementForm, "job_title=Kasir+Minimarket&occupation_search=suggest", "5230"),
    ],
)
def test_a_job_title_row_suggests_its_group_without_javascript(db, form_class, data, code):
    html = str(form_class(QueryDict(data))["occupation"])
    assert "Suggest from the job title" in html or "Sarankan dari nama jabatan" in html
    assert _codes_on_page(html)[0] == code
    # Nothing typed yet: the button, no list.
    assert _codes_on_page(str(form_class()["occupation"])) == []


def test_the_kbli_category_of_an_outside_placement_helps_its_suggestion(db):
    # "Petugas Pelayanan" in a bank (K) or a hotel (I): the category orders the close readings.
    def codes(query: str) -> list[str]:
        return _codes_on_page(str(OutsidePlacementForm(QueryDict(query))["occupation"]))

    alone = codes("job_title=Petugas+Pelayanan")
    in_bank = codes("job_title=Petugas+Pelayanan&industry_section=K")
    in_hotel = codes("job_title=Petugas+Pelayanan&industry_section=I")
    assert alone[0] == in_bank[0] == in_hotel[0] == "4222"
    assert "4225" in in_bank[:3]
    assert "5131" in in_hotel[:3]
    assert in_bank != in_hotel

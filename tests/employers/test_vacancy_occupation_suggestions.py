"""The vacancy report suggests the KBJI group from the job title (htmx, and without JavaScript)."""

from __future__ import annotations

import re

from employers.models import Vacancy
from placement.taxonomy.models import Occupation
from tests.factories import VacancyFactory

URL = "/taxonomy/occupation-suggestions/"


def _suggested_codes(html: str) -> list[str]:
    block = html.split('id="occupation-suggestions"', 1)[1].split("</div>", 1)[0]
    ids = re.findall(r'name="occupation" value="(\d+)"', block)
    codes = dict(Occupation.objects.filter(pk__in=ids).values_list("pk", "code"))
    return [codes[int(pk)] for pk in ids]


def test_typing_a_title_suggests_the_group_as_a_fragment(client, erin, erin_company):
    client.force_login(erin)
    response = client.get(URL, {"title": "Sopir Pribadi Direktur"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="picker-suggestions" id="occupation-suggestions"')
    assert _suggested_codes(html)[0] == "8322"
    assert "Disarankan dari nama jabatan" in html


def test_a_title_without_a_job_says_so(client, erin, erin_company):
    client.force_login(erin)
    html = client.get(URL, {"title": "🙂🙂"}).content.decode()
    assert _suggested_codes(html) == []


def test_the_suggestions_are_for_signed_in_users_only(client, db):
    assert client.get(URL, {"title": "kasir"}).status_code == 302


def test_the_line_of_business_chosen_on_the_form_is_read(client, erin, erin_company):
    client.force_login(erin)
    html = client.get(
        URL, {"title": "Sopir Pribadi Direktur", "industry": "not-a-row", "sector": "H"}
    ).content.decode()
    assert _suggested_codes(html)[0] == "8322"


def test_the_job_step_suggests_from_the_saved_title_without_javascript(client, erin, erin_company):
    vacancy = VacancyFactory(
        employer=erin_company, status="draft", title="Admin Gudang", occupation=None
    )
    client.force_login(erin)
    html = client.get(f"/employer/vacancies/{vacancy.pk}/edit/job/").content.decode()
    assert _suggested_codes(html)[0] == "4321"
    assert 'hx-get="/taxonomy/occupation-suggestions/"' in html


def test_the_suggest_button_uses_the_typed_title_and_saves_nothing(client, erin, erin_company):
    client.force_login(erin)
    response = client.post(
        "/employer/vacancies/new/",
        {"title": "Barista Kopi", "occupation_search": "suggest", "headcount": "1"},
    )
    assert response.status_code == 200
    assert _suggested_codes(response.content.decode())[0] == "5132"
    assert not Vacancy.objects.exists()


def test_a_chosen_occupation_hides_the_suggestions(client, erin, erin_company):
    vacancy = VacancyFactory(employer=erin_company, status="draft", title="Kasir")
    client.force_login(erin)
    html = client.get(f"/employer/vacancies/{vacancy.pk}/edit/job/").content.decode()
    assert 'id="occupation-suggestions"' not in html


def test_a_ticked_suggestion_stays_ticked_when_the_list_is_refreshed(client, erin, erin_company):
    client.force_login(erin)
    kasir = Occupation.objects.get(code="5230", level=4)
    html = client.get(URL, {"title": "Kasir Toko", "occupation": kasir.pk}).content.decode()
    assert f'value="{kasir.pk}" checked' in html


def test_the_description_typed_so_far_helps_a_vague_title(client, erin, erin_company):
    client.force_login(erin)
    description = "Melakukan data entry harian ke sistem; pengalaman data entry diutamakan."
    alone = _suggested_codes(client.get(URL, {"title": "Staff"}).content.decode())
    helped = client.get(URL, {"title": "Staff", "description": description}).content.decode()
    assert "4132" not in alone
    assert "4132" in _suggested_codes(helped)


def test_the_job_step_sends_the_description_and_line_of_business_with_the_title(
    client, erin, erin_company
):
    vacancy = VacancyFactory(employer=erin_company, status="draft", title="Kasir", occupation=None)
    client.force_login(erin)
    html = client.get(f"/employer/vacancies/{vacancy.pk}/edit/job/").content.decode()
    assert "[name=description], [name=industry]:checked" in html


def test_the_suggest_button_reads_the_description_without_javascript(client, erin, erin_company):
    client.force_login(erin)
    data = {"title": "Staff", "occupation_search": "suggest", "headcount": "1"}
    description = "Melakukan data entry harian ke sistem; pengalaman data entry diutamakan."
    alone = client.post("/employer/vacancies/new/", data).content.decode()
    helped = client.post("/employer/vacancies/new/", {**data, "description": description})
    assert "4132" not in _suggested_codes(alone)
    assert "4132" in _suggested_codes(helped.content.decode())
    assert not Vacancy.objects.exists()


def test_the_saved_job_step_reads_the_saved_description(client, erin, erin_company):
    description = "Melakukan data entry harian ke sistem; pengalaman data entry diutamakan."
    vacancy = VacancyFactory(
        employer=erin_company,
        status="draft",
        title="Staff",
        occupation=None,
        description=description,
    )
    client.force_login(erin)
    html = client.get(f"/employer/vacancies/{vacancy.pk}/edit/job/").content.decode()
    assert "4132" in _suggested_codes(html)


def test_continuing_without_ticking_a_suggestion_asks_to_tick_one(client, erin, erin_company):
    client.force_login(erin)
    data = {"title": "Sopir Pribadi", "headcount": "2", "description": "Mengantar direktur."}
    response = client.post("/employer/vacancies/new/", {**data, "continue": "1"})
    html = response.content.decode()
    assert "Centang salah satu saran, atau cari yang lain." in html
    assert _suggested_codes(html)[0] == "8322"  # still there to tick
    assert 'value="Sopir Pribadi"' in html  # the typed title is kept

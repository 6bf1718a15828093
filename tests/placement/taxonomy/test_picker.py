from django import forms
from django.http import QueryDict
from django.utils import translation

from placement.taxonomy.models import Occupation, Regency, Skill
from placement.taxonomy.widgets import (
    TaxonomyChoiceField,
    TaxonomyMultipleChoiceField,
    is_picker_search,
)


class SkillsForm(forms.Form):
    skills = TaxonomyMultipleChoiceField(
        kind="skills", queryset=Skill.objects.all(), max_choices=2, label="Skills"
    )
    occupation = TaxonomyChoiceField(
        kind="occupations", queryset=Occupation.objects.filter(level=4), required=False
    )


def _welding():
    return Skill.objects.get(label_en="welding techniques")


def test_search_without_javascript_lists_results_as_checkboxes(db):
    form = SkillsForm(QueryDict("skills_q=pengelasan&skills_search=1"))
    html = str(form["skills"])
    assert 'type="checkbox"' in html
    assert "Teknik pengelasan" in html
    assert 'value="pengelasan"' in html


def test_chosen_items_stay_ticked_while_searching_again(db):
    welding = _welding()
    form = SkillsForm(QueryDict(f"skills={welding.pk}&skills_q=menjahit&skills_search=1"))
    html = str(form["skills"])
    assert f'value="{welding.pk}" checked' in html
    assert "Menjahit" in html


def test_enter_without_javascript_presses_a_nameless_send_before_the_search(db):
    # The browser's implicit submission presses the form's first submit button.
    html = str(SkillsForm()["skills"])
    first = html.split('type="submit"', 2)[1].split(">", 1)[0]
    assert "data-picker-default" in first and 'tabindex="-1"' in first
    assert "name=" not in first  # no picker search: the view saves like the main button


def test_picker_search_is_recognised_so_the_view_does_not_save():
    assert is_picker_search(QueryDict("skills_q=x&skills_search=1"))
    assert not is_picker_search(QueryDict("skills=1&skills_q=x"))


def test_choosing_too_many_gives_an_error_on_the_field(db):
    ids = list(Skill.objects.values_list("pk", flat=True)[:3])
    form = SkillsForm(QueryDict("&".join(f"skills={pk}" for pk in ids)))
    assert not form.is_valid()
    assert form.errors["skills"][0] == "Pilih paling banyak 2."


def test_a_valid_choice_cleans_to_model_rows(db):
    welding = _welding()
    occupation = Occupation.objects.get(code="7212")
    form = SkillsForm(QueryDict(f"skills={welding.pk}&occupation={occupation.pk}"))
    assert form.is_valid(), form.errors
    assert list(form.cleaned_data["skills"]) == [welding]
    assert form.cleaned_data["occupation"] == occupation


def test_a_choice_outside_the_queryset_is_refused(db):
    jabatan = Occupation.objects.get(code="2512.01")  # level 6, the field allows level 4 only
    form = SkillsForm(QueryDict(f"skills={_welding().pk}&occupation={jabatan.pk}"))
    assert not form.is_valid()
    assert "occupation" in form.errors


def test_label_of_the_field_points_at_the_search_box(db):
    form = SkillsForm()
    assert form["skills"].id_for_label == "id_skills"
    assert 'id="id_skills"' in str(form["skills"])
    assert 'data-api="/api/v1/taxonomy/skills/"' in str(form["skills"])


class RegencyForm(forms.Form):
    regency = TaxonomyChoiceField(kind="regions", queryset=Regency.objects.all())


def test_the_skills_picker_offers_welding_first_for_las(db):
    form = SkillsForm(QueryDict("skills_q=las&skills_search=1"))
    html = str(form["skills"])
    assert html.index("Teknik pengelasan") < html.index("kelas") if "kelas" in html else True
    assert "Teknik pengelasan" in html


def test_the_skills_picker_keeps_to_whole_words_when_the_word_is_one(db):
    html = str(SkillsForm(QueryDict("skills_q=las&skills_search=1"))["skills"])
    assert "Teknik pengelasan" in html
    assert "kelas" not in html and "laser" not in html.lower()


def test_the_regency_picker_offers_the_regency_of_a_locality(db):
    form = RegencyForm(QueryDict("regency_q=Cikarang&regency_search=1"))
    html = str(form["regency"])
    assert 'value="32.16"' in html
    assert "Kabupaten Bekasi" in html


def test_typed_words_without_a_tick_ask_to_tick_a_result_not_to_fill_the_field(db):
    # "Solo" finds Kota Surakarta and the Solok regencies: the person must choose one.
    form = RegencyForm(QueryDict("regency_q=Solo"))
    assert not form.is_valid()
    assert form.errors["regency"] == [
        "Centang salah satu hasil untuk “Solo”, atau cari dengan kata lain."
    ]
    assert "Kota Surakarta" in str(form["regency"])  # the results are there to tick


def test_typed_words_that_find_nothing_say_so_on_the_field(db):
    form = RegencyForm(QueryDict("regency_q=Qwertyuiop"))
    assert not form.is_valid()
    assert form.errors["regency"] == ["Tidak ada hasil untuk “Qwertyuiop”. Cari dengan kata lain."]


def test_a_required_multiple_picker_explains_the_missing_tick_too(db):
    form = SkillsForm(QueryDict("skills_q=kasir"))
    assert not form.is_valid()
    assert form.errors["skills"] == [
        "Centang salah satu hasil untuk “kasir”, atau cari dengan kata lain."
    ]


def test_an_empty_picker_keeps_the_plain_required_message(db):
    form = RegencyForm(QueryDict(""))
    assert not form.is_valid()
    assert form.errors["regency"] == ["Bidang ini harus diisi."]


def test_the_occupation_picker_speaks_the_page_s_language_like_the_suggestions(db):
    with translation.override("en"):
        html = str(SkillsForm(QueryDict("occupation_q=kasir&occupation_search=1"))["occupation"])
        assert "5230 Cashiers and ticket clerks" in html
    html = str(SkillsForm(QueryDict("occupation_q=kasir&occupation_search=1"))["occupation"])
    assert "5230 Kasir dan Petugas Tiket" in html
    assert "Cashiers and ticket clerks" not in html

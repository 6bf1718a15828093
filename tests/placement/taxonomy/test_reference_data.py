from django.core.management import call_command

from placement.taxonomy.loaders import load_all
from placement.taxonomy.models import (
    District,
    EducationLevel,
    Industry,
    Occupation,
    Province,
    Regency,
    Skill,
)


def test_every_province_and_regency_is_loaded_with_kemendagri_codes(db):
    assert Province.objects.count() == 38
    assert Regency.objects.count() == 514
    assert District.objects.count() == 7285
    palangka = Regency.objects.get(code="62.71")
    assert palangka.province.name == "Kalimantan Tengah"
    assert palangka.kind == Regency.Kind.KOTA
    assert palangka.population > 100_000


def test_kbji_has_every_level_with_isco_codes_for_unit_groups(db):
    levels = {level: Occupation.objects.filter(level=level).count() for level in (1, 2, 3, 4, 6)}
    assert levels == {1: 10, 2: 43, 3: 130, 4: 446, 6: 2137}
    developer = Occupation.objects.get(code="2512.01")
    assert developer.parent.code == "2512"
    assert developer.parent.isco08_code == "2512"
    assert developer.parent.parent.parent.parent.code == "2"
    assert not Occupation.objects.filter(level=4, isco08_code="").exists()


def test_kbli_hierarchy_runs_from_category_to_five_digits(db):
    assert Industry.objects.count() == 2712
    group = Industry.objects.get(code="01111")
    assert group.parent.code == "0111"
    assert group.parent.parent.parent.parent.code == "A"


def test_education_levels_are_ordered_so_at_least_sma_is_a_comparison(db):
    sma = EducationLevel.objects.get(short_name="SMA/SMK")
    at_least_sma = set(
        EducationLevel.objects.filter(rank__gte=sma.rank).values_list("short_name", flat=True)
    )
    assert {"SMA/SMK", "D3", "S1", "S3"} <= at_least_sma
    assert not {"SD", "SMP"} & at_least_sma
    assert EducationLevel.objects.count() == 13


def test_skills_have_clean_labels_and_indonesian_labels_for_common_ones(db):
    assert Skill.objects.count() > 4000
    assert Skill.objects.exclude(label_id="").count() >= 200
    welding = Skill.objects.get(label_en="welding techniques")
    assert welding.label_id == "Teknik pengelasan"
    assert not Skill.objects.filter(label_en__startswith=" ").exists()


def test_a_second_load_changes_nothing(db):
    results = load_all()
    assert all(r.created == 0 and r.updated == 0 for r in results), results


def test_a_changed_row_is_updated_back_to_the_file(db):
    Regency.objects.filter(code="62.71").update(name="Wrong")
    results = {r.model: r for r in load_all()}
    assert results["Regency"].updated == 1
    assert Regency.objects.get(code="62.71").name == "Kota Palangkaraya"


def test_command_reports_and_creates_offices(db, capsys):
    call_command("load_reference_data")
    out = capsys.readouterr().out
    assert "Offices: 0 created" in out
    assert "Reference data loaded" in out

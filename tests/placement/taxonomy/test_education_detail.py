"""The SMK spectrum, ISCED-F fields and the detailed IPK education codes (issue 15)."""

from __future__ import annotations

from placement.taxonomy.education import SchoolType, detailed_code, slta_track
from placement.taxonomy.loaders import load_smk_programmes, load_study_fields
from placement.taxonomy.models import SmkProgramme, StudyField


def test_the_smk_spectrum_is_loaded_as_bidang_program_and_kompetensi(db):
    levels = {n: SmkProgramme.objects.filter(level=n).count() for n in (1, 2, 3)}
    assert levels[1] == 9
    assert levels[2] == 49
    assert levels[3] >= 130
    welding = SmkProgramme.objects.get(code="1.4.2")
    assert welding.title == "Teknik Pengelasan"
    assert welding.parent.code == "1.4"
    assert welding.parent.parent.title == "Teknologi dan Rekayasa"
    assert welding.bidang == "1"
    # "1.1" and "1.10" are different programmes, each under bidang 1.
    assert SmkProgramme.objects.get(code="1.10").parent.code == "1"


def test_loading_the_education_detail_again_changes_nothing(db):
    assert load_smk_programmes().created == 0
    assert load_smk_programmes().updated == 0
    assert load_study_fields().created == 0


def test_isced_narrow_fields_hang_under_their_broad_field(db):
    ict = StudyField.objects.get(code="061")
    assert ict.parent.code == "06"
    assert ict.title_en.startswith("Information and Communication")
    assert StudyField.objects.filter(level=2).count() >= 28


def test_sma_and_smk_get_different_ipk_codes_under_slta():
    assert detailed_code("3000", SchoolType.SMA) == "3801"
    assert detailed_code("3000", SchoolType.MA) == "3802"
    assert detailed_code("3000", SchoolType.PAKET_C) == "3803"
    assert detailed_code("3000", SchoolType.SMK, "1.4.2") == "3101"
    assert detailed_code("3000", SchoolType.SMK, "7.3") == "3107"
    assert detailed_code("3000", SchoolType.MAK, "") == "3299"
    assert detailed_code("1000", SchoolType.PAKET_A) == "1103"
    # A school type that does not belong to the level is ignored: the level's code stays.
    assert detailed_code("6200", SchoolType.SMK, "1.4.2") == "6200"
    assert detailed_code("3000") == "3000"


def test_the_report_rows_split_slta_into_general_and_vocational():
    assert slta_track("3801") == "3800"
    assert slta_track("3803") == "3800"
    assert slta_track("3104") == "3100"
    assert slta_track("3299") == "3100"
    assert slta_track("3000") == "3000"
    assert slta_track("6200") == ""

"""III/2 and III/4 show SMA and SMK apart; III/8 keeps one SLTA row (issue 15)."""

from __future__ import annotations

from datetime import date

from placement.reports import services
from tests.placement.reports.conftest import event


def test_iii_2_and_iii_4_count_sma_and_smk_in_separate_rows(db):
    sma = {"sex": "P", "age_group": "15-19", "education": "3801", "occupation_group": "5"}
    smk = {"sex": "L", "age_group": "20-29", "education": "3101", "occupation_group": "7"}
    placed = {"industry_section": "C", "placement_scope": "AKL", "employer_type": "private"}
    for e in (
        event("seeker_registered", date(2025, 3, 3), 1, **sma),
        event("seeker_registered", date(2025, 3, 4), 2, **smk),
        event("seeker_placed", date(2025, 3, 20), 2, **smk, **placed),
        event("vacancy_registered", date(2025, 3, 5), 9, quantity=4, education="3107", sex=""),
        event("vacancy_registered", date(2025, 3, 6), 8, quantity=2, education="3000", sex=""),
    ):
        e.save()
    tables = services.compute_region(month=date(2025, 3, 1), region_code="62.71")
    seekers = tables["iii-2"]["seekers"]
    assert seekers["3800"]["registered"] == {"P": 1}
    assert seekers["3100"]["registered"] == {"L": 1}
    assert seekers["3100"]["placed"] == {"L": 1}
    assert "3000" not in seekers
    vacancies = tables["iii-4"]["vacancies"]
    assert vacancies["3100"]["registered"] == {"": 4}
    assert vacancies["3000"]["registered"] == {"": 2}
    # III/8 keeps the thirteen official rows: the SMK graduate is placed as SLTA.
    assert tables["iii-8"]["education"]["3000"]["AKL"] == {"L": 1}

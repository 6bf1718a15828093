"""The matching engine, without a database: hard filters, components, lists, units, fairness.

Populations are built by hand (a few seekers and vacancies whose right answer is obvious) or drawn
from the synthetic generator and checked pair by pair against the slow reference.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from placement.matching import engine, synthetic
from placement.matching.engine import SeekerArrays, VacancyArrays

N_SKILLS = 12
LIST_FIELDS = ("vacancy_index", "seeker_index", "score", "rank", "partner_order")


def skills_matrix(rows: list[list[int]], n_skills: int = N_SKILLS) -> sp.csr_matrix:
    """A binary seekers/vacancies x skills matrix from lists of skill indices."""
    matrix = sp.lil_matrix((len(rows), n_skills), dtype=np.int8)
    for i, row in enumerate(rows):
        for j in row:
            matrix[i, j] = 1
    return matrix.tocsr()


def column(value: object, n: int, dtype: type) -> np.ndarray:
    """A scalar broadcast to n entries, or a list as an array."""
    if np.ndim(value) == 0:
        return np.full(n, value, dtype=dtype)
    return np.asarray(value, dtype=dtype)


def make_seekers(n: int = 1, **fields: object) -> SeekerArrays:
    """Seekers in regency 0 of province 0 who stay there, SMA, 25, male, welders with skills 0-2."""
    occupations = np.asarray(fields.pop("occupations", [7212, -1, -1, -1]), dtype=np.int16)
    if occupations.ndim == 1:
        occupations = np.tile(occupations, (n, 1))
    skills = fields.pop("skills", [[0, 1, 2]] * n)
    defaults = {
        "ids": np.arange(1, n + 1),
        "regency": 0,
        "province": 0,
        "scope": 0,
        "education": 3,
        "experience_months": 24,
        "expected_wage": 0,
        "age": 25,
        "sex": 1,
    }
    dtypes = {
        "ids": np.int64,
        "regency": np.int32,
        "province": np.int32,
        "scope": np.int8,
        "education": np.int16,
        "experience_months": np.int32,
        "expected_wage": np.int64,
        "age": np.int16,
        "sex": np.int8,
    }
    holds = fields.pop("holds", None)
    credential_codes = fields.pop("credential_codes", None)
    past = fields.pop("experience_codes", None)
    past_months = fields.pop("experience_code_months", None)
    tiebreak = fields.pop("tiebreak", 0)
    values = {name: column(fields.pop(name, d), n, dtypes[name]) for name, d in defaults.items()}
    assert not fields, f"unknown seeker fields {fields}"
    if past is None:  # by default all experience was in the first wanted occupation
        past = np.full((n, 4), -1, dtype=np.int16)
        past[:, 0] = np.where(values["experience_months"] > 0, occupations[:, 0], -1)
        past_months = np.zeros((n, 4), dtype=np.int32)
        past_months[:, 0] = np.where(past[:, 0] >= 0, values["experience_months"], 0)
    return SeekerArrays(
        **values,
        occupations=occupations,
        experience_codes=np.asarray(past, dtype=np.int16).reshape(n, 4),
        experience_code_months=np.asarray(past_months, dtype=np.int32).reshape(n, 4),
        tiebreak=column(tiebreak, n, np.int32),
        skills=skills_matrix(skills),
        holds=holds,
        credential_codes=(
            None
            if credential_codes is None
            else np.asarray(credential_codes, dtype=np.int16).reshape(n, 4)
        ),
    )


def make_vacancies(n: int = 1, **fields: object) -> VacancyArrays:
    """Welder vacancies in regency 0 of province 0 requiring skills 0-2, SMA, no other limits."""
    required = fields.pop("required_skills", [[0, 1, 2]] * n)
    optional = fields.pop("optional_skills", [[]] * n)
    defaults = {
        "ids": np.arange(101, 101 + n),
        "regency": 0,
        "province": 0,
        "is_overseas": False,
        "min_education": 3,
        "min_experience_months": 0,
        "wage_min": 0,
        "wage_max": 0,
        "age_min": 0,
        "age_max": 0,
        "sex": 0,
        "occupation": 7212,
    }
    dtypes = {
        "ids": np.int64,
        "regency": np.int32,
        "province": np.int32,
        "is_overseas": bool,
        "min_education": np.int16,
        "min_experience_months": np.int32,
        "wage_min": np.int64,
        "wage_max": np.int64,
        "age_min": np.int16,
        "age_max": np.int16,
        "sex": np.int8,
        "occupation": np.int16,
    }
    evidence = fields.pop("skill_evidence", engine.EVIDENCE_LEVELS)  # default: specific skills
    tiebreak = fields.pop("tiebreak", 0)
    requires = fields.pop("requires", None)
    relevant = fields.pop("relevant", None)
    asks = fields.pop("asks_certification", None)
    values = {name: column(fields.pop(name, d), n, dtypes[name]) for name, d in defaults.items()}
    assert not fields, f"unknown vacancy fields {fields}"
    return VacancyArrays(
        **values,
        skill_evidence=column(evidence, n, np.int8),
        tiebreak=column(tiebreak, n, np.int32),
        required_skills=skills_matrix(required),
        optional_skills=skills_matrix(optional),
        requires=requires,
        relevant=relevant,
        asks_certification=None if asks is None else column(asks, n, bool),
    )


def matched_pairs(seekers: SeekerArrays, vacancies: VacancyArrays) -> set[tuple[int, int]]:
    """(seeker id, vacancy id) of every pair in the vacancy lists."""
    side = engine.match(seekers, vacancies).vacancy_side
    return set(
        zip(
            seekers.ids[side.seeker_index].tolist(),
            vacancies.ids[side.vacancy_index].tolist(),
            strict=True,
        )
    )


def one_pair(seekers: SeekerArrays, vacancies: VacancyArrays, **weights: float) -> np.ndarray:
    """Score and components of the single pair (seeker 0, vacancy 0), as [score, c1..c6]."""
    w = weights or engine.DEFAULT_WEIGHTS
    result = engine.match(seekers, vacancies, weights=w)
    side = result.vacancy_side
    assert len(side) == 1, "the pair should be admissible"
    return np.concatenate([[side.score[0]], side.components[0]])


def same_lists(a: engine.TopK, b: engine.TopK) -> bool:
    """Identical entries, field by field."""
    return len(a) == len(b) and all(
        np.array_equal(getattr(a, f), getattr(b, f)) for f in LIST_FIELDS
    )


# --- Hard filters ---------------------------------------------------------------------------


def test_seeker_below_minimum_education_is_never_matched() -> None:
    seekers = make_seekers(3, education=[2, 3, 7])
    vacancies = make_vacancies(1, min_education=3)
    assert matched_pairs(seekers, vacancies) == {(2, 101), (3, 101)}


def test_seeker_who_stays_in_the_regency_is_not_matched_elsewhere_in_the_province() -> None:
    seekers = make_seekers(2, regency=[0, 1], scope=0)
    vacancies = make_vacancies(1, regency=0)
    assert matched_pairs(seekers, vacancies) == {(1, 101)}


def test_seeker_willing_to_move_within_the_province_is_matched_there_but_not_beyond() -> None:
    seekers = make_seekers(1, regency=1, province=0, scope=1)
    vacancies = make_vacancies(2, regency=[0, 5], province=[0, 1])
    assert matched_pairs(seekers, vacancies) == {(1, 101)}


def test_seeker_willing_to_move_anywhere_is_matched_across_provinces_but_not_abroad() -> None:
    seekers = make_seekers(1, regency=1, province=0, scope=2)
    vacancies = make_vacancies(3, regency=[0, 5, 0], province=[0, 1, 0], is_overseas=[0, 0, 1])
    assert matched_pairs(seekers, vacancies) == {(1, 101), (1, 102)}


def test_overseas_vacancy_only_reaches_seekers_who_opted_in_to_work_abroad() -> None:
    seekers = make_seekers(4, scope=[0, 1, 2, 3], regency=[0, 0, 0, 7], province=[0, 0, 0, 3])
    vacancies = make_vacancies(1, is_overseas=True)
    assert matched_pairs(seekers, vacancies) == {(4, 101)}


def test_age_limits_apply_only_where_the_vacancy_states_them() -> None:
    seekers = make_seekers(3, age=[17, 30, 50])
    vacancies = make_vacancies(3, age_min=[18, 0, 0], age_max=[35, 35, 0])
    assert matched_pairs(seekers, vacancies) == {
        (2, 101),
        (1, 102),
        (2, 102),
        (1, 103),
        (2, 103),
        (3, 103),
    }


def test_sex_limit_applies_only_where_the_vacancy_states_it() -> None:
    seekers = make_seekers(2, sex=[1, 2])
    vacancies = make_vacancies(3, sex=[0, 1, 2])
    assert matched_pairs(seekers, vacancies) == {(1, 101), (2, 101), (1, 102), (2, 103)}


def test_a_requirement_reaches_only_seekers_holding_every_required_bit() -> None:
    # Bits 1 and 2 (say SIM B1 and English), bit 64 (a scheme, in the second word).
    holds = np.array([[0, 0], [2, 0], [6, 0], [6, 1], [0, 1]], dtype=np.uint64)
    seekers = make_seekers(5, holds=holds)
    vacancies = make_vacancies(4, requires=np.array([0, 2, 6, 0], dtype=np.uint64))
    wider = make_vacancies(1, ids=[200], requires=np.array([[4, 1]], dtype=np.uint64))
    assert matched_pairs(seekers, vacancies) == {
        *((i, 101) for i in range(1, 6)),
        (2, 102),
        (3, 102),
        (4, 102),
        (3, 103),
        (4, 103),
        *((i, 104) for i in range(1, 6)),
    }
    assert matched_pairs(seekers, wider) == {(4, 200)}
    # Seekers with one word against a vacancy with two: the missing word holds nothing.
    assert matched_pairs(make_seekers(1, holds=np.array([7], np.uint64)), wider) == set()


def test_chosen_pairs_are_admissible_exactly_when_the_lists_find_them() -> None:
    seekers = make_seekers(4, holds=np.array([0, 2, 6, 7], dtype=np.uint64))
    vacancies = make_vacancies(3, requires=np.array([0, 2, 5], dtype=np.uint64))
    s, v = np.repeat(np.arange(4), 3), np.tile(np.arange(3), 4)
    _, _, admissible = engine.score_pairs(engine.prepare(seekers, vacancies), s, v)
    scored = {
        (int(seekers.ids[i]), int(vacancies.ids[j]))
        for i, j, ok in zip(s, v, admissible, strict=True)
        if ok
    }
    assert scored == matched_pairs(seekers, vacancies)
    assert (4, 103) in scored and (3, 103) not in scored


def test_bitmasks_must_be_one_row_per_seeker() -> None:
    with pytest.raises(ValueError):
        make_seekers(2, holds=np.zeros((3, 1), np.uint64))
    with pytest.raises(ValueError):
        make_vacancies(1, requires=np.zeros((1, 0), np.uint64))


# --- Components -----------------------------------------------------------------------------


def test_full_match_on_everything_scores_one_hundred() -> None:
    pair = one_pair(make_seekers(1), make_vacancies(1))
    assert pair.tolist() == [100.0, 1, 1, 1, 1, 1, 1, 0]  # no credential is relevant: not scored
    relevant = make_vacancies(1, relevant=np.array([4], np.uint64))
    pair = one_pair(make_seekers(1, holds=np.array([4], np.uint64)), relevant)
    assert pair.tolist() == [100.0, 1, 1, 1, 1, 1, 1, 1]


def test_an_ad_with_no_relevant_credential_scores_as_with_the_six_old_weights() -> None:
    # Spread like a wage not stated: exactly the weights before credentials counted.
    seekers, vacancies = random_population(5)
    vacancies = replace(vacancies, relevant=None, asks_certification=None)
    old = {"skills": 0.4, "occupation": 0.2, "education": 0.1, "experience": 0.1}
    old |= {"location": 0.1, "wage": 0.1}
    now = engine.match(seekers, vacancies)
    before = engine.match(seekers, vacancies, weights=old)
    assert same_lists(now.vacancy_side, before.vacancy_side)
    assert same_lists(now.seeker_side, before.seeker_side)


def test_a_relevant_licence_or_language_held_scores_the_credentials_weight() -> None:
    seekers = make_seekers(3, holds=np.array([4, 16, 0], np.uint64))
    vacancies = make_vacancies(1, relevant=np.array([4 | 8], np.uint64))  # e.g. SIM A or B1
    side = engine.match(seekers, vacancies).vacancy_side
    scores = dict(zip(side.seeker_index.tolist(), side.score.tolist(), strict=True))
    credentials = dict(zip(side.seeker_index.tolist(), side.components[:, 6].tolist(), strict=True))
    assert credentials == {0: 1.0, 1: 0.0, 2: 0.0}
    assert scores[0] == 100.0
    assert (
        scores[1] == scores[2] == pytest.approx(100 - 100 * engine.DEFAULT_WEIGHTS["credentials"])
    )


def test_a_certificate_or_course_in_a_related_occupation_counts_when_the_ad_asks_for_one() -> None:
    # Welder vacancy (7212) asking for certification: a 7212 or 7213 (same minor group) credential
    # counts, a software one (2512) does not; an ad that does not ask ignores them all.
    codes = [[7212, -1, -1, -1], [-1, 7213, -1, -1], [2512, -1, -1, -1], [-1, -1, -1, -1]]
    seekers = make_seekers(4, credential_codes=codes)
    asks = make_vacancies(1, asks_certification=True)
    side = engine.match(seekers, asks).vacancy_side
    met = dict(zip(side.seeker_index.tolist(), side.components[:, 6].tolist(), strict=True))
    assert met == {0: 1.0, 1: 1.0, 2: 0.0, 3: 0.0}
    plain = engine.match(seekers, make_vacancies(1)).vacancy_side
    assert set(plain.score.tolist()) == {100.0}
    # Both kinds relevant: each is half of the component.
    both = make_vacancies(1, asks_certification=True, relevant=np.array([4], np.uint64))
    side = engine.match(
        replace(seekers, holds=np.array([[0], [4], [4], [0]], np.uint64)), both
    ).vacancy_side
    met = dict(zip(side.seeker_index.tolist(), side.components[:, 6].tolist(), strict=True))
    assert met == {0: 0.5, 1: 1.0, 2: 0.5, 3: 0.0}


def test_skills_component_is_the_idf_weighted_share_of_required_skills() -> None:
    # Skill 3 is held by one seeker, skill 0 by all four: the rare skill weighs more.
    seekers = make_seekers(4, skills=[[0], [0, 3], [0], [0]])
    vacancies = make_vacancies(1, required_skills=[[0, 3]])
    side = engine.match(seekers, vacancies).vacancy_side
    skills = dict(zip(side.seeker_index.tolist(), side.components[:, 0].tolist(), strict=True))
    idf = engine.skill_idf(seekers.skills)
    rare_share = idf[3] / (idf[0] + idf[3])
    assert skills[1] == 1.0
    assert skills[0] == pytest.approx(1 - rare_share, abs=1e-3)
    assert skills[0] < 0.5 < rare_share


def test_optional_skills_add_a_bonus_of_at_most_a_quarter_and_the_component_stays_at_one() -> None:
    seekers = make_seekers(2, skills=[[0, 1, 5, 6], [0, 5, 6]])
    vacancies = make_vacancies(1, required_skills=[[0, 1]], optional_skills=[[5, 6]])
    side = engine.match(seekers, vacancies).vacancy_side
    skills = dict(zip(side.seeker_index.tolist(), side.components[:, 0].tolist(), strict=True))
    required_share = skills[1] - 0.25
    assert skills[0] == 1.0
    assert 0.25 < required_share < 0.75


def test_vacancy_without_required_skills_weighs_its_optional_ones_fully() -> None:
    seekers = make_seekers(1, skills=[[4]])
    vacancies = make_vacancies(1, required_skills=[[]], optional_skills=[[4]])
    assert one_pair(seekers, vacancies)[1] == 1.0


def test_occupation_component_follows_the_kbji_hierarchy_including_zero_codes() -> None:
    seekers = make_seekers(6, occupations=[[7212, -1, -1, -1]] * 6)
    codes = [7212, 7213, 7223, 7311, 8111, -1]
    side = engine.match(seekers, make_vacancies(6, occupation=codes)).vacancy_side
    first = side.rank == 1
    first_codes = np.asarray(codes)[side.vacancy_index[first]]
    by_code = dict(zip(first_codes, side.components[first, 1], strict=True))
    assert by_code == pytest.approx(
        {7212: 1.0, 7213: 0.5, 7223: 0.15, 7311: 0.0, 8111: 0.0, -1: 0.0}
    )
    # "0110" and "0210" share their sub-major group (01 vs 02: no) and major group only: 0.
    armed = make_seekers(1, occupations=[110, -1, -1, -1])
    assert one_pair(armed, make_vacancies(1, occupation=210))[2] == 0.0
    assert one_pair(armed, make_vacancies(1, occupation=111))[2] == 0.5


def test_occupation_component_takes_the_best_of_the_seekers_four_slots() -> None:
    seekers = make_seekers(1, occupations=[2512, 8111, 7213, -1])
    assert one_pair(seekers, make_vacancies(1, occupation=7212))[2] == 0.5


def test_known_neighbours_are_close_and_digit_cousins_are_not() -> None:
    """A 2221 nurse is ranked for a 3221 "Perawat" vacancy; a cook is not a beautician's kin."""
    nurse = make_seekers(1, occupations=[2221, -1, -1, -1])
    assert one_pair(nurse, make_vacancies(1, occupation=3221))[2] == pytest.approx(0.85)
    side = engine.match(
        make_seekers(2, occupations=[[2221, -1, -1, -1], [4321, -1, -1, -1]]),
        make_vacancies(1, occupation=3221),
    ).vacancy_side
    assert side.seeker_index[side.rank == 1].tolist() == [0]
    cook = make_seekers(1, occupations=[5120, -1, -1, -1])
    assert one_pair(cook, make_vacancies(1, occupation=5142))[2] == pytest.approx(0.15)
    driver = make_seekers(1, occupations=[8322, -1, -1, -1])
    assert one_pair(driver, make_vacancies(1, occupation=8332))[2] == pytest.approx(0.8)
    assert engine.occupation_units(4321, 4110) == 600 == engine.occupation_units(4110, 4321)


def test_education_component_penalises_only_heavy_over_qualification() -> None:
    seekers = make_seekers(4, education=[3, 5, 6, 9])
    side = engine.match(seekers, make_vacancies(1, min_education=3)).vacancy_side
    by_seeker = dict(zip(side.seeker_index.tolist(), side.components[:, 2].tolist(), strict=True))
    assert by_seeker == {0: 1.0, 1: 1.0, 2: pytest.approx(0.9), 3: pytest.approx(0.6)}


def test_experience_component_is_the_share_of_required_months() -> None:
    seekers = make_seekers(3, experience_months=[0, 6, 30])
    side = engine.match(seekers, make_vacancies(1, min_experience_months=24)).vacancy_side
    by_seeker = dict(zip(side.seeker_index.tolist(), side.components[:, 3].tolist(), strict=True))
    assert by_seeker == {0: 0.0, 1: 0.25, 2: 1.0}
    assert one_pair(make_seekers(1, experience_months=0), make_vacancies(1))[4] == 1.0


def test_location_component_prefers_the_same_regency_then_the_same_province() -> None:
    seekers = make_seekers(3, regency=[0, 1, 9], province=[0, 0, 4], scope=2)
    side = engine.match(seekers, make_vacancies(1)).vacancy_side
    by_seeker = dict(zip(side.seeker_index.tolist(), side.components[:, 4].tolist(), strict=True))
    assert by_seeker == {0: 1.0, 1: pytest.approx(0.5), 2: 0.0}


def test_at_equal_fit_the_local_seeker_comes_first_then_the_same_province() -> None:
    # Ids and recent activity favour the far seekers: only the distance can put the local first.
    seekers = make_seekers(
        3, ids=[3, 2, 1], regency=[0, 1, 9], province=[0, 0, 4], scope=2, tiebreak=[9, 5, 0]
    )
    side = engine.match(seekers, make_vacancies(1)).vacancy_side
    assert side.seeker_index.tolist() == [0, 1, 2]


def test_wage_component_falls_only_once_the_expectation_exceeds_the_maximum() -> None:
    wages = [0, 3_000_000, 4_000_000, 5_000_000, 6_000_000, 9_000_000]
    seekers = make_seekers(6, expected_wage=wages)
    side = engine.match(seekers, make_vacancies(1, wage_max=4_000_000)).vacancy_side
    fit = dict(zip(side.seeker_index.tolist(), side.components[:, 5].tolist(), strict=True))
    assert fit[0] == fit[1] == fit[2] == 1.0  # unknown, below, at the maximum
    assert 0.4 < fit[3] < 0.6  # 25 % above: about half
    assert fit[4] == 0.0 and fit[5] == 0.0  # 50 % above and beyond: no fit
    unknown_max = make_vacancies(1, wage_max=0)
    assert one_pair(make_seekers(1, expected_wage=9_000_000), unknown_max)[6] == 1.0


def test_score_is_the_weighted_sum_of_components_in_points() -> None:
    seekers = make_seekers(1, experience_months=6, education=6, skills=[[0]])
    vacancies = make_vacancies(1, min_experience_months=24, occupation=7213, wage_max=9_000_000)
    weights = {
        "skills": 0.3,
        "occupation": 0.3,
        "education": 0.1,
        "experience": 0.1,
        "location": 0.1,
        "wage": 0.1,
    }
    score, *components = one_pair(seekers, vacancies, **weights)
    expected = 100 * sum(
        weights.get(c, 0) * v for c, v in zip(engine.COMPONENTS, components, strict=True)
    )
    assert score == pytest.approx(expected, abs=1e-4)
    assert 0 < score < 100


def test_a_vacancy_stating_no_wage_is_scored_on_the_rest_neither_fit_nor_misfit() -> None:
    seekers = make_seekers(
        1, experience_months=6, education=6, skills=[[0]], expected_wage=9_000_000
    )
    stated = one_pair(seekers, make_vacancies(1, min_experience_months=24, wage_max=9_000_000))
    silent = one_pair(seekers, make_vacancies(1, min_experience_months=24, wage_max=0))
    no_wage = {**engine.DEFAULT_WEIGHTS, "wage": 0.0, "credentials": 0.0}  # neither relevant
    total = sum(no_wage.values())
    expected = 100 * sum(
        no_wage[c] / total * v for c, v in zip(engine.COMPONENTS, silent[1:], strict=True)
    )
    assert silent[0] == pytest.approx(expected, abs=0.05)  # the other components, renormalised
    assert silent[0] < stated[0]  # a stated wage that fits is evidence; silence is not
    misfit = one_pair(seekers, make_vacancies(1, min_experience_months=24, wage_max=4_000_000))
    assert misfit[0] < silent[0]  # ... and a wage that does not fit counts against


def test_a_generic_skill_does_not_decide_the_ranking() -> None:
    # "Sales Marketing" (3322) asking only "Komunikasi" (skill 0, asked by most vacancies: no
    # evidence). A contact-centre clerk holds the skill; a salesman does not but sold for 3 years.
    clerk_and_salesman = make_seekers(
        2,
        occupations=[[4222, -1, -1, -1], [3322, -1, -1, -1]],
        experience_months=[36, 36],
        skills=[[0], []],
    )
    sales = make_vacancies(
        1, occupation=3322, required_skills=[[0]], skill_evidence=0, min_experience_months=12
    )
    side = engine.match(clerk_and_salesman, sales).vacancy_side
    assert side.seeker_index.tolist() == [1, 0]
    assert side.components[0, 1] == 1.0 and side.components[1, 0] == 1.0


def test_an_ad_with_few_generic_skills_can_still_reach_the_top_of_the_scale() -> None:
    perfect = make_seekers(1, skills=[[]])
    plain = make_vacancies(1, required_skills=[[]], skill_evidence=0)
    generic = make_vacancies(1, required_skills=[[0]], skill_evidence=0)
    assert one_pair(perfect, plain)[0] == 100.0
    assert one_pair(perfect, generic)[0] == 100.0  # the one generic skill missing costs nothing
    specific = make_vacancies(1, required_skills=[[0]], skill_evidence=engine.EVIDENCE_LEVELS)
    # A specific skill missing: 0.4 of the 0.9 the vacancy states (no wage) is lost.
    assert one_pair(perfect, specific)[0] == pytest.approx(100 * 0.5 / 0.9, abs=0.1)


def test_skill_evidence_falls_for_skills_most_vacancies_ask() -> None:
    # Skill 0 in every vacancy, skill 1 in one of 200, skills 2 and 3 in 10 of 200 each.
    required = [[0] for _ in range(200)]
    required[0] = [0, 1]
    required[1] = [0, 2, 3]
    for i in range(2, 20):
        required[i] = [0, 2, 3] if i < 11 else [0]
    matrix = skills_matrix(required)
    specificity = engine.skill_specificity(matrix)
    assert specificity[0] < 300 and specificity[1] > specificity[2] > 3000
    evidence = engine.skill_evidence(matrix, skills_matrix([[]] * 200), specificity)
    # generic + one rare: 2 of 4; generic + two uncommon: 3 of 4; the generic one alone: 0.
    assert evidence[0] == 2 and evidence[1] == 3 and evidence[50] == 0


def test_only_experience_in_the_same_or_a_related_occupation_counts() -> None:
    # A truck driver (8332) with 45 months, a cashier (5230) with 12, a shop assistant (5223,
    # a listed neighbour of cashiers) with 12: for a cashier job asking 12 months.
    seekers = make_seekers(
        3,
        occupations=[[8332, 5230, -1, -1], [5230, -1, -1, -1], [5230, -1, -1, -1]],
        experience_months=[45, 12, 12],
        experience_codes=[[8332, -1, -1, -1], [5230, -1, -1, -1], [5223, -1, -1, -1]],
        experience_code_months=[[45, 0, 0, 0], [12, 0, 0, 0], [12, 0, 0, 0]],
    )
    side = engine.match(seekers, make_vacancies(1, occupation=5230, min_experience_months=12))
    experience = dict(
        zip(
            side.vacancy_side.seeker_index.tolist(),
            side.vacancy_side.components[:, 3].tolist(),
            strict=True,
        )
    )
    assert experience == {0: 0.0, 1: 1.0, 2: 1.0}


def test_ties_go_to_the_more_recently_active_seeker_and_the_newer_vacancy_before_ids() -> None:
    seekers = make_seekers(3, ids=[10, 20, 30], tiebreak=[5, 0, 5])
    vacancies = make_vacancies(2, ids=[700, 800], tiebreak=[3, 1])
    result = engine.match(seekers, vacancies, k_vacancy=3, k_seeker=2)
    first = result.vacancy_side.vacancy_index == 0
    assert seekers.ids[result.vacancy_side.seeker_index[first]].tolist() == [20, 10, 30]
    mine = result.seeker_side.seeker_index == 0
    assert vacancies.ids[result.seeker_side.vacancy_index[mine]].tolist() == [800, 700]


def test_weights_must_name_every_component_and_sum_to_one() -> None:
    with pytest.raises(ValueError, match="sum to 1"):
        engine.weight_units({**engine.DEFAULT_WEIGHTS, "skills": 0.9})
    with pytest.raises(ValueError, match="keys"):
        engine.weight_units({"skills": 1.0})


def test_inputs_the_blocks_cannot_place_are_refused() -> None:
    with pytest.raises(ValueError, match="regency"):
        engine.match(make_seekers(1), make_vacancies(1, regency=-1))
    with pytest.raises(ValueError, match="scope"):
        engine.match(make_seekers(1, scope=4), make_vacancies(1))
    with pytest.raises(ValueError, match="unique"):
        engine.match(make_seekers(2, ids=[5, 5]), make_vacancies(1))
    # An overseas vacancy has no domestic location to check.
    assert matched_pairs(make_seekers(1, scope=3), make_vacancies(1, regency=-1, is_overseas=True))


# --- Explanations ---------------------------------------------------------------------------


def test_explanations_list_matched_and_missing_required_and_matched_optional_skills() -> None:
    seekers = make_seekers(2, skills=[[0, 2, 7], [5]])
    vacancies = make_vacancies(1, required_skills=[[0, 1, 2]], optional_skills=[[2, 7, 8]])
    explained = engine.explain_pairs(seekers, vacancies, np.array([0, 1]), np.array([0, 0]))
    matched, missing, optional = explained.skills(0)
    assert matched.tolist() == [0, 2]
    assert missing.tolist() == [1]
    assert optional.tolist() == [7]  # 2 is required, so it is explained there only
    matched, missing, optional = explained.skills(1)
    assert (matched.tolist(), missing.tolist(), optional.tolist()) == ([], [0, 1, 2], [])


def test_explaining_a_hundred_thousand_pairs_takes_well_under_a_second_or_two() -> None:
    seekers, vacancies, _ = synthetic.generate(20_000, 2_000, seed=3)
    rng = np.random.default_rng(0)
    s = rng.integers(0, len(seekers), 100_000)
    v = rng.integers(0, len(vacancies), 100_000)
    started = time.process_time()  # CPU time: other processes on the machine do not count
    explained = engine.explain_pairs(seekers, vacancies, s, v)
    assert time.process_time() - started < 2.0
    i = 12_345
    held = set(seekers.skills[s[i]].indices)
    required = set(vacancies.required_skills[v[i]].indices)
    matched, missing, _ = explained.skills(i)
    assert set(matched) == required & held and set(missing) == required - held


# --- Lists: ties, exactness against the reference, units ------------------------------------


def test_ties_are_broken_by_the_smaller_id_on_both_sides() -> None:
    seekers = make_seekers(4, ids=[40, 10, 30, 20])
    vacancies = make_vacancies(3, ids=[900, 700, 800])
    result = engine.match(seekers, vacancies, k_vacancy=2, k_seeker=2)
    vacancy_side, seeker_side = result.vacancy_side, result.seeker_side
    assert len(set(vacancy_side.score.tolist())) == 1  # every pair scores the same
    first_vacancy = vacancy_side.vacancy_index == 0
    assert seekers.ids[vacancy_side.seeker_index[first_vacancy]].tolist() == [10, 20]
    first_seeker = seeker_side.seeker_index == 0
    assert vacancies.ids[seeker_side.vacancy_index[first_seeker]].tolist() == [700, 800]


@pytest.mark.parametrize(
    ("seed", "weights", "k_vacancy", "k_seeker"),
    [
        (1, None, 50, 20),
        (2, None, 5, 3),
        (3, {"skills": 0.5, "occupation": 0.5}, 10, 10),
        (4, {"location": 1.0}, 3, 2),  # almost everything ties: ids decide
        (5, {"wage": 0.6, "experience": 0.4}, 1, 1),
    ],
)
def test_engine_lists_equal_the_per_pair_reference_exactly(
    seed: int, weights: dict[str, float] | None, k_vacancy: int, k_seeker: int
) -> None:
    full = dict.fromkeys(engine.COMPONENTS, 0.0) | (weights or engine.DEFAULT_WEIGHTS)
    seekers, vacancies, _ = synthetic.generate(2_500, 250, seed=seed)
    kwargs = {"weights": full, "k_vacancy": k_vacancy, "k_seeker": k_seeker}
    fast = engine.match(seekers, vacancies, n_tasks=3, **kwargs)
    slow = engine.reference_match(seekers, vacancies, **kwargs)
    assert same_lists(fast.vacancy_side, slow.vacancy_side)
    assert same_lists(fast.seeker_side, slow.seeker_side)
    assert fast.stats.admissible_pairs == slow.stats.admissible_pairs
    assert np.allclose(fast.vacancy_side.components, slow_components(slow, seekers, vacancies))


def slow_components(
    result: engine.MatchResult, seekers: SeekerArrays, vacancies: VacancyArrays
) -> np.ndarray:
    """Components of the reference's vacancy side, computed pair by pair."""
    prepared = engine.prepare(seekers, vacancies)
    side = result.vacancy_side
    _, components, admissible = engine.score_pairs(prepared, side.seeker_index, side.vacancy_index)
    assert admissible.all()
    return components / engine.UNIT


def random_population(seed: int) -> tuple[SeekerArrays, VacancyArrays]:
    """A tiny population full of edge values: empty slots and skills, unknown wages, ties."""
    rng = np.random.default_rng(seed)
    n_s, n_v = int(rng.integers(1, 40)), int(rng.integers(1, 12))
    codes = np.array([-1, 110, 210, 7212, 7213, 7223, 7311, 2512])
    seekers = make_seekers(
        n_s,
        ids=rng.permutation(n_s) * 3 + 5,
        regency=rng.integers(0, 4, n_s),
        province=0,
        scope=rng.integers(0, 4, n_s),
        education=rng.integers(0, 4, n_s),
        experience_months=rng.choice([0, 6, 12, 40], n_s),
        expected_wage=rng.choice([0, 2_000_000, 3_100_000, 5_000_000], n_s),
        age=rng.choice([17, 25, 40], n_s),
        sex=rng.integers(1, 3, n_s),
        occupations=rng.choice(codes, (n_s, 4)),
        experience_codes=rng.choice(codes, (n_s, 4)),
        experience_code_months=rng.choice([0, 6, 12, 30], (n_s, 4)),
        tiebreak=rng.integers(0, 3, n_s),
        skills=[
            list(rng.choice(N_SKILLS, int(rng.integers(0, 4)), replace=False)) for _ in range(n_s)
        ],
        holds=rng.choice(
            np.array([0, 1, 3, 7, 16, (1 << 63) | 3], dtype=np.uint64),
            (n_s, int(rng.integers(1, 3))),
        ),
        credential_codes=rng.choice(codes, (n_s, 4), p=[0.7] + [0.3 / 7] * 7),
    )
    regency = rng.integers(0, 6, n_v)
    words_v = int(rng.integers(1, 3))
    vacancies = make_vacancies(
        n_v,
        ids=rng.permutation(n_v) * 7 + 2,
        regency=regency,
        province=regency // 4,
        is_overseas=rng.random(n_v) < 0.2,
        min_education=rng.integers(0, 4, n_v),
        min_experience_months=rng.choice([0, 12, 24], n_v),
        wage_max=rng.choice([0, 3_000_000, 4_000_000], n_v),
        age_min=rng.choice([0, 18], n_v),
        age_max=rng.choice([0, 30], n_v),
        sex=rng.integers(0, 3, n_v),
        occupation=rng.choice(codes, n_v),
        skill_evidence=rng.integers(0, engine.EVIDENCE_LEVELS + 1, n_v),
        tiebreak=rng.integers(0, 3, n_v),
        required_skills=[
            list(rng.choice(N_SKILLS, int(rng.integers(0, 4)), replace=False)) for _ in range(n_v)
        ],
        optional_skills=[
            list(rng.choice(N_SKILLS, int(rng.integers(0, 3)), replace=False)) for _ in range(n_v)
        ],
        # Requirements over 1-2 words: few bits, so that some pairs pass and some fail.
        requires=rng.choice(np.array([0, 1, 2, 3, 1 << 63], dtype=np.uint64), (n_v, words_v)),
        # Relevant (not required) credentials: bits, and asking for certification or training.
        relevant=rng.choice(
            np.array([0, 0, 4, 16, 20, 1 << 62], dtype=np.uint64), (n_v, int(rng.integers(1, 3)))
        ),
        asks_certification=rng.random(n_v) < 0.4,
    )
    return seekers, vacancies


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), k_vacancy=st.integers(1, 6), k_seeker=st.integers(1, 4))
def test_any_small_population_gets_exactly_the_reference_lists(
    seed: int, k_vacancy: int, k_seeker: int
) -> None:
    seekers, vacancies = random_population(seed)
    kwargs = {"k_vacancy": k_vacancy, "k_seeker": k_seeker}
    fast = engine.match(seekers, vacancies, n_tasks=2, **kwargs)
    slow = engine.reference_match(seekers, vacancies, **kwargs)
    assert same_lists(fast.vacancy_side, slow.vacancy_side)
    assert same_lists(fast.seeker_side, slow.seeker_side)


def test_work_units_merged_equal_the_one_shot_run() -> None:
    seekers, vacancies, _ = synthetic.generate(30_000, 3_000, seed=7)
    prepared = engine.prepare(seekers, vacancies)
    one_shot = engine.match_units(seekers, vacancies, np.arange(len(vacancies)), prepared=prepared)
    tasks = engine.plan_units(seekers, vacancies, 6, prepared=prepared)
    results = [
        engine.match_units(seekers, vacancies, t.vacancy_indices, prepared=prepared) for t in tasks
    ]
    assert sorted(np.concatenate([t.vacancy_indices for t in tasks])) == list(range(3_000))
    assert same_lists(engine.concat_topk([r.vacancy_side for r in results]), one_shot.vacancy_side)
    merged = engine.merge_seeker_topk([r.seeker_side for r in results], 20)
    assert same_lists(merged, one_shot.seeker_side)
    assert sum(r.admissible_pairs for r in results) == one_shot.admissible_pairs


def test_plan_counts_each_units_pairs_from_group_counts_and_balances_the_tasks() -> None:
    seekers, vacancies, _ = synthetic.generate(30_000, 3_000, seed=8)
    no_limits = VacancyArrays(
        **{
            **{f: getattr(vacancies, f) for f in vacancies.__dataclass_fields__},
            "age_min": np.zeros(3_000, np.int16),
            "age_max": np.zeros(3_000, np.int16),
            "sex": np.zeros(3_000, np.int8),
            "requires": None,
        }
    )
    tasks = engine.plan_units(seekers, no_limits, 4)
    planned = sum(t.admissible_pairs for t in tasks)
    # Without age/sex limits and requirements the planned count is exact: location + education.
    assert planned == engine.match(seekers, no_limits, with_components=False).stats.admissible_pairs
    loads = [t.admissible_pairs for t in tasks]
    assert len(tasks) == 4 and max(loads) < 1.25 * planned / 4
    provinces = {u.province for t in tasks for u in t.units}
    assert len(provinces) > 30  # units are per province (and batches of the big ones)


# --- Fair spread ----------------------------------------------------------------------------


def capped_by_hand(side: engine.TopK, k: int, cap: int, vacancy_ids: np.ndarray) -> set:
    """The cap's rounds in plain Python: keep each over-listed seeker's best lists, refill."""
    ranked: dict[int, list[tuple[int, float]]] = {}
    for v, s, score in zip(side.vacancy_index, side.seeker_index, side.score, strict=True):
        ranked.setdefault(int(v), []).append((int(s), float(score)))
    banned: set[tuple[int, int]] = set()
    while True:
        lists = {
            v: [(s, sc) for s, sc in entries if (v, s) not in banned][:k]
            for v, entries in ranked.items()
        }
        held: dict[int, list[tuple[float, int, int]]] = {}
        for v, entries in lists.items():
            for s, sc in entries:
                held.setdefault(s, []).append((-sc, int(vacancy_ids[v]), v))
        over = {s: sorted(h) for s, h in held.items() if len(h) > cap}
        if not over:
            return {(v, s) for v, entries in lists.items() for s, _ in entries}
        for s, entries in over.items():
            banned.update((v, s) for _, _, v in entries[cap:])


def test_seeker_cap_keeps_each_seeker_in_at_most_cap_lists_and_refills_them() -> None:
    seekers, vacancies, _ = synthetic.generate(20_000, 2_000, seed=11)
    plain = engine.match(seekers, vacancies, k_vacancy=10, with_components=False)
    capped = engine.match(
        seekers, vacancies, k_vacancy=10, seeker_cap=5, cap_depth=40, with_components=False
    )
    appearances = np.bincount(capped.vacancy_side.seeker_index)
    assert appearances.max() <= 5 < np.bincount(plain.vacancy_side.seeker_index).max()
    assert capped.stats.cap_rounds > 0
    assert capped.stats.coverage > plain.stats.coverage
    assert capped.stats.exposure_gini < plain.stats.exposure_gini
    # Lists are refilled from deeper candidates (a few run out: reported as short lists).
    assert len(capped.vacancy_side) > 0.9 * len(plain.vacancy_side)
    per_list = np.bincount(capped.vacancy_side.vacancy_index, minlength=len(vacancies))
    assert capped.stats.short_lists == (per_list < 10).sum()
    deep = engine.match(seekers, vacancies, k_vacancy=40, with_components=False).vacancy_side
    side = capped.vacancy_side
    got = set(zip(side.vacancy_index.tolist(), side.seeker_index.tolist(), strict=True))
    assert got == capped_by_hand(deep, 10, 5, vacancies.ids)
    for v in np.unique(side.vacancy_index)[:200]:
        in_list = side.vacancy_index == v
        assert (np.diff(side.score[in_list]) <= 0).all()
        assert side.rank[in_list].tolist() == list(range(1, in_list.sum() + 1))


def test_stats_report_coverage_and_exposure_concentration() -> None:
    # Two vacancies, three seekers; k = 1: the same best seeker heads both lists.
    seekers = make_seekers(3, skills=[[0, 1, 2], [0, 1], [0]])
    result = engine.match(seekers, make_vacancies(2), k_vacancy=1)
    stats = result.stats
    assert stats.eligible_seekers == 3
    assert stats.admissible_pairs == 6
    assert stats.coverage == pytest.approx(1 / 3)
    assert stats.max_appearances == 2
    assert stats.top1pct_share == 1.0
    assert stats.exposure_gini == pytest.approx(2 / 3)
    spread = engine.match(seekers, make_vacancies(2), k_vacancy=1, seeker_cap=1).stats
    assert spread.coverage == pytest.approx(2 / 3) and spread.max_appearances == 1


# --- Quality ----------------------------------------------------------------------------------


def test_seekers_find_their_own_occupations_vacancies_first() -> None:
    seekers, vacancies, seeker_truth, vacancy_truth = synthetic.planted(12, 40, seed=5)
    side = engine.match(seekers, vacancies, k_seeker=10).seeker_side
    own = vacancy_truth[side.vacancy_index] == seeker_truth[side.seeker_index]
    precision_at_10 = own.sum() / (10 * len(seekers))
    assert precision_at_10 >= 0.9


def test_synthetic_country_has_the_documented_shape() -> None:
    seekers, vacancies, meta = synthetic.generate(40_000, 4_000, seed=2)
    assert len(np.unique(meta.province_of_regency)) == 38 and len(meta.province_of_regency) == 514
    assert 440 <= len(meta.occupation_codes) <= 460 and (meta.occupation_codes < 1000).any()
    assert seekers.skills.shape[1] == 15_000
    assert 8 <= seekers.skills.getnnz(axis=1).mean() <= 11
    assert 6 <= vacancies.required_skills.getnnz(axis=1).mean() <= 9
    shares = np.bincount(seekers.scope, minlength=4) / len(seekers)
    assert shares[0] == pytest.approx(0.65, abs=0.02) and shares[1] == pytest.approx(0.27, abs=0.02)
    assert shares[2:].sum() == pytest.approx(0.08, abs=0.01) and 0 < shares[3] < shares[2]
    assert 0 < vacancies.is_overseas.mean() < 0.1
    assert len(np.unique(seekers.ids)) == len(seekers) and not (np.diff(seekers.ids) > 0).all()

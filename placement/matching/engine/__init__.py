"""Matching engine: score every admissible seeker-vacancy pair, keep the best K on both sides.

Pure numpy/scipy: arrays in, arrays out; no Django, no I/O (STYLE.md, "Matching code").

Score
-----
A pair is scored only if it passes the hard filters: the seeker's education is at least the
vacancy's minimum; the location is admissible (same regency always; same province if the seeker's
scope >= 1; anywhere in Indonesia if scope >= 2; an overseas vacancy only if scope == 3); and the
vacancy's age and sex limits, where it states them (0 = no limit); and the vacancy's requirement
bits (a licence class, a language level, a certificate scheme, "adult" for work closed to minors:
the Django side numbers them) are all among the bits the seeker holds. The score is
``100 * sum(w_c * component_c)`` in [0, 100], each component in [0, 1]:

- skills: IDF-weighted share of the vacancy's required skills the seeker holds, plus up to 0.25 for
  its optional skills (IDF-weighted share of them), clipped to 1. A vacancy listing only optional
  skills weighs them like required ones; a vacancy listing none scores 0 (no evidence).
  ``idf = ln((1 + n_seekers) / (1 + seekers_with_skill)) + 1``, rounded to 1/1000.
- occupation: the best unit-group similarity over the seeker's four slots (`similarity.py`): the
  same unit group 1, a known neighbour from the hand-written table (2221/3221 nurses, 8322/8332
  drivers) 0.5..0.85, the same minor group 0.5, the same sub-major group 0.15, else 0. A
  precomputed matrix read as a lookup. Codes are 4-digit integers ("0110" -> 110).
- education: 1 when the seeker meets the minimum, minus 0.1 per level beyond two levels above it
  (heavy over-qualification often ends in early quits), never below 0.5.
- experience by kind: min(1, months / required months), counting only the months of past jobs
  (`experience_codes`) whose occupation is related to the vacancy's (similarity >= 0.5: the same
  unit group, a listed neighbour or the same minor group); 1 when nothing is required. A truck
  driver's 45 months do not qualify him for a cashier job.
- location: same regency 1, same province 0.5, elsewhere in Indonesia 0, overseas vacancy 0.3.
- wage: 1 when the expectation is within the vacancy's maximum or the seeker states none; beyond
  the maximum it falls linearly in the log of the ratio, reaching 0 at about 1.5x the maximum.
  Wages are compared on a 0.4 % log grid (``WAGE_GRID``), so the arithmetic stays integer (an
  expectation less than 0.4 % above the maximum can still count as within it).

- credentials: what the vacancy does not require but that counts for it (the Django side decides
  what is relevant, placement/taxonomy/credentials.py `relevance`): `relevant` bits (a SIM for a
  driving occupation or one its text names, a language its text names) met when the seeker holds
  any of them; and, when the vacancy asks for certification or training
  (`asks_certification`), a valid BNSP certificate or course of the seeker coded to an occupation
  related to the vacancy's (`credential_codes`, the experience rule: similarity >= 0.5). With
  both kinds relevant each is half the component.

Weights (`DEFAULT_WEIGHTS`; the settings' MATCHING["WEIGHTS"] in the app) are renormalised per
vacancy over what it states (`scoring.profile_weights`): the skills weight scales with the
vacancy's skill evidence (`skill_evidence`, 0..4: the summed specificity of its skills over all
open vacancies, so one generic skill such as "Komunikasi" counts for nothing and a vacancy with no
coded skills is scored on the rest, up to 100); a vacancy that states no wage is not scored on
wage at all (neither a fit nor a misfit); a vacancy to which no credential is relevant is not
scored on credentials (so it is not penalised: with the default weights it gets exactly the
weights of before credentials counted). Freed weight goes to skills, occupation, education,
experience and location in proportion.

Exactness: every component is an integer in 0..1000 and weights are rounded to 0.001, so a score is
an integer number of 1/10,000 points. Pairs compare by score, then the smaller ``tiebreak`` (days
since the seeker's last activity / the vacancy's publication), then the smaller id, so the fast
engine and the per-pair reference agree exactly, ties included.

How it is fast
--------------
Pairs are visited in blocks that are exactly admissible on location, each pair in exactly one:
(vacancies of regency r x scope-0 seekers of r), (vacancies of province p x scope-1 seekers of p),
(all domestic vacancies x every seeker who accepts anywhere, scope >= 2), (overseas vacancies x
scope-3 seekers). Within a block seekers are sorted by education and vacancies by minimum
education, so a chunk of seekers only meets the prefix of vacancies whose minimum it can pass.
Each tile (512 vacancies x 2,048 seekers, int32) is filled by row gathers from small per-chunk
tables (education + experience + age/sex/requirements + relevant licences and languages per
vacancy group, occupation + certificates and courses per KBJI code, location per regency), one
broadcast wage term, and the sparse skill product ``vacancy_weights @ skills.T`` (clipped while
still sparse, then added in place). The top K of both sides are kept with running thresholds:
only entries at or above a list's current K-th score are merged, and a list still filling gets a
valid bound from the tile itself (the smallest of K disjoint group maxima), so a tile is never
sorted. PERFORMANCE.md has the measured figures
this is designed against; benchmarks/bench_matching.py measures it.
"""

from __future__ import annotations

from placement.matching.engine.arrays import (
    Explanations,
    MatchResult,
    MatchStats,
    SeekerArrays,
    TopK,
    UnitResult,
    VacancyArrays,
    WorkTask,
    WorkUnit,
)
from placement.matching.engine.constants import (
    CHUNK_SEEKERS,
    COMPONENTS,
    CREDENTIAL_BITS,
    CREDENTIAL_OCCUPATION,
    DEFAULT_WEIGHTS,
    EDUCATION_FLOOR,
    EDUCATION_SLACK,
    EDUCATION_STEP,
    EVIDENCE_FULL,
    EVIDENCE_LEVELS,
    IDF_SCALE,
    LOCATION_ELSEWHERE,
    LOCATION_OVERSEAS,
    LOCATION_SAME_PROVINCE,
    LOCATION_SAME_REGENCY,
    MAX_UNITS,
    OPTIONAL_SKILL_SHARE,
    RELATED_UNITS,
    SCOPE_ABROAD,
    SCOPE_NATIONAL,
    SCOPE_PROVINCE,
    SCOPE_REGENCY,
    SCORE_DIVISOR,
    TILE_VACANCIES,
    UNIT,
    WAGE_GRID,
    WAGE_GRID_RATIO,
    WAGE_STEP,
    WAGE_STEPS_TO_ZERO,
)
from placement.matching.engine.pairs import attach_components, explain_pairs, score_pairs
from placement.matching.engine.prepare import Prepared, prepare
from placement.matching.engine.reference import reference_match
from placement.matching.engine.run import (
    SeekerTopKMerger,
    apply_seeker_cap,
    concat_topk,
    match,
    match_stats,
    match_units,
    merge_seeker_topk,
)
from placement.matching.engine.scoring import (
    credential_kinds,
    credential_shares,
    education_units,
    experience_counts,
    experience_units,
    profile_weights,
    skill_evidence,
    skill_idf,
    skill_specificity,
    skill_specificity_from_counts,
    vacancy_profiles,
    vacancy_skill_weights,
    wage_step,
    wage_units,
    weight_units,
)
from placement.matching.engine.similarity import OccupationSimilarity, occupation_units
from placement.matching.engine.units import admissible_pair_counts, plan_units

__all__ = [
    "CHUNK_SEEKERS",
    "COMPONENTS",
    "CREDENTIAL_BITS",
    "CREDENTIAL_OCCUPATION",
    "DEFAULT_WEIGHTS",
    "EDUCATION_FLOOR",
    "EDUCATION_SLACK",
    "EDUCATION_STEP",
    "EVIDENCE_FULL",
    "EVIDENCE_LEVELS",
    "IDF_SCALE",
    "LOCATION_ELSEWHERE",
    "LOCATION_OVERSEAS",
    "LOCATION_SAME_PROVINCE",
    "LOCATION_SAME_REGENCY",
    "MAX_UNITS",
    "OPTIONAL_SKILL_SHARE",
    "RELATED_UNITS",
    "SCOPE_ABROAD",
    "SCOPE_NATIONAL",
    "SCOPE_PROVINCE",
    "SCOPE_REGENCY",
    "SCORE_DIVISOR",
    "TILE_VACANCIES",
    "UNIT",
    "WAGE_GRID",
    "WAGE_GRID_RATIO",
    "WAGE_STEP",
    "WAGE_STEPS_TO_ZERO",
    "Explanations",
    "MatchResult",
    "MatchStats",
    "OccupationSimilarity",
    "Prepared",
    "SeekerArrays",
    "SeekerTopKMerger",
    "TopK",
    "UnitResult",
    "VacancyArrays",
    "WorkTask",
    "WorkUnit",
    "admissible_pair_counts",
    "apply_seeker_cap",
    "attach_components",
    "concat_topk",
    "credential_kinds",
    "credential_shares",
    "education_units",
    "experience_counts",
    "experience_units",
    "explain_pairs",
    "match",
    "match_stats",
    "match_units",
    "merge_seeker_topk",
    "occupation_units",
    "plan_units",
    "prepare",
    "profile_weights",
    "reference_match",
    "score_pairs",
    "skill_evidence",
    "skill_idf",
    "skill_specificity",
    "skill_specificity_from_counts",
    "vacancy_profiles",
    "vacancy_skill_weights",
    "wage_step",
    "wage_units",
    "weight_units",
]

"""Matching engine: constants (weights, units, tile sizes)."""

from __future__ import annotations

import numpy as np

COMPONENTS = (
    "skills",
    "occupation",
    "education",
    "experience",
    "location",
    "wage",
    "credentials",
)

# The weights of a vacancy for which every component counts. A vacancy to which no credential is
# relevant spreads the credentials weight over the first five in proportion (as for a wage not
# stated, scoring.profile_weights), which gives exactly 0.40 / 0.20 / 0.10 / 0.10 / 0.10 and the
# wage 0.10: the weights before credentials counted, so such an ad scores as before.
DEFAULT_WEIGHTS: dict[str, float] = {
    "skills": 0.36,  # what the employer asked for: the strongest evidence of fit
    "occupation": 0.18,  # the seeker's stated preferences and past jobs against the vacancy's KBJI
    "education": 0.09,  # the minimum is a hard filter; this only tempers over-qualification
    "experience": 0.09,  # months of experience against the months required
    "location": 0.09,  # closer is better even within what the seeker accepts
    "wage": 0.10,  # an expectation the vacancy cannot pay is a likely refusal
    # A credential the vacancy does not require but that is relevant to it (a SIM for a driving
    # job, a language it mentions, a certificate or course in its occupation when it asks for
    # certification or training): evidence of fit, weaker than skills.
    "credentials": 0.09,
}
CREDENTIAL_BITS, CREDENTIAL_OCCUPATION = 1, 2  # kinds relevant to a vacancy (a 2-bit set)

SCOPE_REGENCY, SCOPE_PROVINCE, SCOPE_NATIONAL, SCOPE_ABROAD = 0, 1, 2, 3

UNIT = 1000  # a component is an integer 0..UNIT; weights are integers 0..UNIT summing to UNIT
SCORE_DIVISOR = UNIT * UNIT // 100  # score points = units / 10,000: four exact decimals
MAX_UNITS = UNIT * UNIT
OPTIONAL_SKILL_SHARE = 250  # optional skills add at most 0.25 to the skills component
EDUCATION_SLACK = 2  # levels above the minimum before the over-qualification penalty starts
EDUCATION_STEP = 100  # penalty per level beyond the slack
EDUCATION_FLOOR = 500
LOCATION_SAME_REGENCY = 1000
LOCATION_SAME_PROVINCE = 500  # distance decay: a local seeker is preferred at equal fit
LOCATION_ELSEWHERE = 0
LOCATION_OVERSEAS = 300
EVIDENCE_LEVELS = 4  # a vacancy's skill evidence: 0 (none or generic skills) .. 4 (specific)
EVIDENCE_FULL = 7000  # specificity (milli-nats) that gives full evidence: ~2 skills each in 2 %
RELATED_UNITS = 500  # occupation similarity from which past experience counts for a vacancy
WAGE_GRID_RATIO = 1.004  # one wage step = 0.4 %
WAGE_STEPS_TO_ZERO = 100  # 1.004 ** 100 = 1.49: the wage fit reaches 0 at ~1.5x the maximum
WAGE_STEP = UNIT // WAGE_STEPS_TO_ZERO
WAGE_GRID = np.ceil(10_000 * WAGE_GRID_RATIO ** np.arange(4_200)).astype(np.int64)
IDF_SCALE = 1000

_EXCLUDED = -(1 << 28)  # added to a pair that fails a hard filter: below every threshold (>= 0)
_WAGE_UNKNOWN = 1 << 28
_SCORE_BITS = 20  # MAX_UNITS < 2 ** 20
_LIST_FIELDS = ("vacancy_index", "seeker_index", "score", "rank", "partner_order")
TILE_VACANCIES = 512
CHUNK_SEEKERS = 2048

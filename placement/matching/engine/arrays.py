"""Matching engine: inputs and outputs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from placement.matching.engine.helpers import _bit_words, _check_lengths, _row, _take


@dataclass(frozen=True)
class SeekerArrays:
    """Active seekers as parallel arrays (index i is one seeker)."""

    ids: np.ndarray  # int64 database ids, any order
    regency: np.ndarray  # int32 index of the home regency
    province: np.ndarray  # int32 index of the home province
    scope: np.ndarray  # int8: 0 same regency, 1 same province, 2 Indonesia, 3 also abroad
    education: np.ndarray  # int16 ordinal rank, higher = more
    experience_months: np.ndarray  # int32, all past jobs (shown, not scored: kind matters)
    expected_wage: np.ndarray  # int64 rupiah per month, 0 = not stated
    age: np.ndarray  # int16 years
    sex: np.ndarray  # int8: 1 male, 2 female
    occupations: np.ndarray  # int16 (n, 4) KBJI unit-group codes ("0110" -> 110), -1 = empty
    # Past jobs by kind: up to four KBJI unit groups with the months worked in each (-1 / 0 empty);
    # only months in the vacancy's own or a related occupation count as experience.
    experience_codes: np.ndarray  # int16 (n, 4)
    experience_code_months: np.ndarray  # int32 (n, 4)
    # Among equal scores the smaller comes first (days since last activity); ids decide the rest.
    tiebreak: np.ndarray  # int32
    skills: sp.spmatrix | sp.sparray  # (n, n_skills) binary CSR
    # uint64 (n, words): what the seeker holds (licences, languages, certificates, being an
    # adult) as bits; a vacancy's `requires` must be a subset. None = nothing held.
    holds: np.ndarray | None = None
    # int16 (n, 4): KBJI unit groups of the seeker's valid BNSP certificates and courses (-1
    # empty); one related to a vacancy's occupation counts when the vacancy asks for
    # certification or training. None = none.
    credential_codes: np.ndarray | None = None

    def __post_init__(self) -> None:
        """Check that every array describes the same seekers."""
        object.__setattr__(self, "holds", _bit_words(self.holds, len(self.ids)))
        if self.credential_codes is None:
            object.__setattr__(
                self, "credential_codes", np.full((len(self.ids), 4), -1, dtype=np.int16)
            )
        _check_lengths(self, len(self.ids), ("skills",))
        for name in (
            "occupations",
            "experience_codes",
            "experience_code_months",
            "credential_codes",
        ):
            if getattr(self, name).shape != (len(self.ids), 4):
                raise ValueError(f"{name} must have shape (n_seekers, 4)")
        if self.skills.shape[0] != len(self.ids):
            raise ValueError("skills must have one row per seeker")

    def __len__(self) -> int:
        """Number of seekers."""
        return len(self.ids)

    def take(self, index: np.ndarray) -> SeekerArrays:
        """The seekers at these positions, in this order."""
        return _take(self, np.asarray(index), ("skills",))


@dataclass(frozen=True)
class VacancyArrays:
    """Open, verified vacancies as parallel arrays (index j is one vacancy)."""

    ids: np.ndarray  # int64 database ids, any order
    regency: np.ndarray  # int32 index of the work regency
    province: np.ndarray  # int32 index of the work province
    is_overseas: np.ndarray  # bool: work abroad (AKAN); regency/province are then ignored
    min_education: np.ndarray  # int16 ordinal rank
    min_experience_months: np.ndarray  # int32
    wage_min: np.ndarray  # int64 rupiah per month, 0 = not stated
    wage_max: np.ndarray  # int64 rupiah per month, 0 = not stated
    age_min: np.ndarray  # int16, 0 = no limit
    age_max: np.ndarray  # int16, 0 = no limit
    sex: np.ndarray  # int8: 0 any, 1 male, 2 female
    occupation: np.ndarray  # int16 KBJI unit-group code, -1 = unknown
    # How specific its skills are, 0..EVIDENCE_LEVELS (scoring.skill_evidence): the skills weight
    # scales with it, so a vacancy asking only "Komunikasi" is not decided by that one skill.
    skill_evidence: np.ndarray  # int8
    # Among equal scores the smaller comes first (days since publication); ids decide the rest.
    tiebreak: np.ndarray  # int32
    required_skills: sp.spmatrix | sp.sparray  # (n, n_skills) binary CSR
    optional_skills: sp.spmatrix | sp.sparray  # (n, n_skills) binary CSR
    # uint64 (n, words): bits a seeker must hold (a hard filter); None = no requirement.
    requires: np.ndarray | None = None
    # uint64 (n, words): licence and language bits relevant to the vacancy though not required
    # (a SIM for a driving job, a language it mentions); holding any of them meets the
    # credentials component's licence/language part. None = none.
    relevant: np.ndarray | None = None
    # bool: the vacancy asks for certification or training, so a certificate or course of the
    # seeker in its occupation or a related one (`credential_codes`) counts. None = no.
    asks_certification: np.ndarray | None = None

    def __post_init__(self) -> None:
        """Check that every array describes the same vacancies."""
        object.__setattr__(self, "requires", _bit_words(self.requires, len(self.ids)))
        object.__setattr__(self, "relevant", _bit_words(self.relevant, len(self.ids)))
        if self.asks_certification is None:
            object.__setattr__(self, "asks_certification", np.zeros(len(self.ids), dtype=bool))
        _check_lengths(self, len(self.ids), ("required_skills", "optional_skills"))
        for name in ("required_skills", "optional_skills"):
            if getattr(self, name).shape[0] != len(self.ids):
                raise ValueError(f"{name} must have one row per vacancy")

    def __len__(self) -> int:
        """Number of vacancies."""
        return len(self.ids)

    def take(self, index: np.ndarray) -> VacancyArrays:
        """The vacancies at these positions, in this order."""
        return _take(self, np.asarray(index), ("required_skills", "optional_skills"))


@dataclass(frozen=True)
class TopK:
    """Ranked lists, one row per entry, sorted by list owner then rank.

    The owner is the vacancy on the vacancy side and the seeker on the seeker side.
    """

    vacancy_index: np.ndarray  # int32 position in VacancyArrays
    seeker_index: np.ndarray  # int32 position in SeekerArrays
    score: np.ndarray  # float32 points in [0, 100], four exact decimals
    rank: np.ndarray  # int16, 1-based within the owner's list
    partner_order: np.ndarray  # int32 rank of the partner's (tiebreak, id): breaks ties in merges
    components: np.ndarray | None = None  # float32 (n, 7) in COMPONENTS order, or None

    def __len__(self) -> int:
        """Number of entries."""
        return len(self.score)


@dataclass(frozen=True)
class MatchStats:
    """What a run did and how evenly it spread the seekers over the vacancy lists."""

    seekers: int
    vacancies: int
    admissible_pairs: int  # pairs passing every hard filter (each scored exactly once)
    scored_pairs: int  # pairs computed: admissible ones plus those masked by age/sex/education
    eligible_seekers: int  # seekers with at least one admissible vacancy
    coverage: float  # share of eligible seekers that appear in at least one vacancy list
    exposure_gini: float  # Gini of vacancy-list appearances over eligible seekers (0 = even)
    top1pct_share: float  # share of vacancy-list slots held by the 1 % most-listed seekers
    max_appearances: int  # most vacancy lists any one seeker is in
    short_lists: int  # vacancies whose list is shorter than k (too few admissible seekers)
    cap_rounds: int  # re-ranking rounds the seeker cap needed (0 without a cap)


@dataclass(frozen=True)
class MatchResult:
    """Both sides of a run and its statistics."""

    vacancy_side: TopK  # top k_vacancy seekers per vacancy
    seeker_side: TopK  # top k_seeker vacancies per seeker
    stats: MatchStats


@dataclass(frozen=True)
class UnitResult:
    """One work unit: final vacancy lists and partial seeker lists (merge them across units)."""

    vacancy_side: TopK
    seeker_side: TopK  # partial: only this unit's vacancies
    admissible_pairs: int
    scored_pairs: int


@dataclass(frozen=True)
class WorkUnit:
    """Vacancies of one province (or overseas, province -1) matched together."""

    province: int
    vacancy_indices: np.ndarray  # int32
    admissible_pairs: int  # location + education admissible pairs (age/sex not deducted)


@dataclass(frozen=True)
class WorkTask:
    """Work units bin-packed into one task (one Celery task or one process)."""

    units: tuple[WorkUnit, ...]
    admissible_pairs: int

    @property
    def vacancy_indices(self) -> np.ndarray:
        """All vacancies of the task."""
        return np.concatenate([u.vacancy_indices for u in self.units]).astype(np.int32)


@dataclass(frozen=True)
class Explanations:
    """Per pair: which required skills matched, which are missing, which optional ones matched.

    Row i of each (n_pairs x n_skills) CSR matrix is pair i; its column indices are skills.
    """

    matched_required: sp.csr_matrix
    missing_required: sp.csr_matrix
    matched_optional: sp.csr_matrix

    def skills(self, pair: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Matched required, missing required and matched optional skill indices of one pair."""
        return tuple(_row(m, pair) for m in self._matrices())  # type: ignore[return-value]

    def _matrices(self) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
        """The three matrices in a fixed order."""
        return (self.matched_required, self.missing_required, self.matched_optional)

"""Learning from outcomes, offline: replay decided referrals against today's score.

The labels are the pipeline's: a referral decided as hired (1) or rejected (0) in the last N
months. Each pair is scored by the engine with the configured weights (the seeker and vacancy as
they are now, open or not: `extract(history=...)`), and the report says how well the score ranks
the hires:

- ``auc``: the chance that a hire scores above a rejection (0.5 = the score says nothing);
- ``auc_recorded``: the same for the score recorded on the referral when it was made;
- ``top10_share``: the share of hires that are in their vacancy's top 10 of the engine's list
  over every active seeker plus the replayed ones;
- ``listed_share`` / ``rejected_listed_share``: hires / rejections at or above the minimum score;
- ``fitted_min_score``: the highest whole score that still lists `keep` (90 %) of the hires, the
  rule MATCHING["MIN_SCORE"] is fitted by (a list that hides later hires is worse than a longer
  one). With fewer than `MIN_HIRES` hires nothing is fitted;
- ``adopt``: whether the fitted value may replace the setting: only when the score ranks the
  hires (``auc`` >= MIN_AUC) and enough were fitted.

`manage.py replay_matching` prints it; settings.MATCHING documents the value in use.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from django.db.models import Q
from django.utils import timezone

from placement.matching import engine
from placement.matching.extract import extract
from placement.matching.queries import min_score
from placement.matching.weights import current_weights
from placement.pipeline.models import Referral

MIN_HIRES = 20  # below this a fitted threshold is noise
MIN_AUC = 0.6  # below this the score does not rank hires: a threshold fitted on it means nothing
TOP = 10


def auc(positive: np.ndarray, negative: np.ndarray) -> float | None:
    """Area under the ROC curve (Mann-Whitney, ties count half); None without both classes."""
    positive = np.asarray(positive, dtype=np.float64)
    negative = np.asarray(negative, dtype=np.float64)
    if not len(positive) or not len(negative):
        return None
    values = np.concatenate([positive, negative])
    order = values.argsort(kind="stable")
    ranks = np.empty(len(values))
    sorted_values = values[order]
    # Average ranks of ties.
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_values)) + 1]
    ends = np.r_[starts[1:], len(values)]
    average = (starts + ends - 1) / 2 + 1
    ranks[order] = np.repeat(average, ends - starts)
    n_pos, n_neg = len(positive), len(negative)
    return float((ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def fit_min_score(hired: np.ndarray, keep: float = 0.9) -> int | None:
    """The highest whole score at or above which at least `keep` of the hires scored."""
    hired = np.sort(np.asarray(hired, dtype=np.float64))
    if len(hired) < MIN_HIRES:
        return None
    allowed_below = int(np.floor((1 - keep) * len(hired) + 1e-9))
    return int(np.floor(hired[allowed_below]))


def decided_referrals(since: date) -> list[tuple[int, int, bool, float | None]]:
    """(seeker id, vacancy id, hired, score recorded at the referral) decided since a day."""
    rows = (
        Referral.objects.filter(
            Q(status=Referral.Status.HIRED) | Q(status=Referral.Status.REJECTED),
            outcome_on__gte=since,
        )
        .order_by("pk")
        .values_list("seeker_id", "vacancy_id", "status", "match_score")
    )
    return [(s, v, status == Referral.Status.HIRED, score) for s, v, status, score in rows]


def decided_since(months: int, today: date) -> list[tuple[int, int, bool, float | None]]:
    """decided_referrals of the last `months` months before `today`, oldest referral first."""
    return decided_referrals(today - timedelta(days=round(months * 30.44)))


def replay_pairs(rows: list, today: date):
    """The decided pairs as the engine sees them today: (snapshot, seeker index, vacancy index,
    the rows it could place). A seeker or vacancy deleted since is left out."""
    seeker_ids = sorted({r[0] for r in rows})
    vacancy_ids = sorted({r[1] for r in rows})
    snapshot = extract(today, history=(seeker_ids, vacancy_ids))
    s_ids, v_ids = np.asarray(snapshot.seekers.ids), np.asarray(snapshot.vacancies.ids)
    s_known, v_known = set(s_ids.tolist()), set(v_ids.tolist())
    known = [r for r in rows if r[0] in s_known and r[1] in v_known]
    s_index = np.searchsorted(s_ids, [r[0] for r in known]).astype(np.int64)
    v_index = np.searchsorted(v_ids, [r[1] for r in known]).astype(np.int64)
    return snapshot, s_index, v_index, known


def in_top(snapshot, prepared, weights: dict, s_index: np.ndarray, v_index: np.ndarray):
    """Whether each pair is in its vacancy's top TOP over every active seeker plus the replayed
    ones, with these weights."""
    result = engine.match(
        snapshot.seekers,
        snapshot.vacancies,
        weights=weights,
        k_vacancy=TOP,
        k_seeker=1,
        prepared=prepared,
        with_components=False,
    )
    listed = set(
        zip(
            result.vacancy_side.seeker_index.tolist(),
            result.vacancy_side.vacancy_index.tolist(),
            strict=True,
        )
    )
    return np.array([(s, v) in listed for s, v in zip(s_index, v_index, strict=True)], dtype=bool)


def replay(*, months: int = 12, keep: float = 0.9, today: date | None = None) -> dict:
    """The report described in the module docstring."""
    today = today or timezone.localdate()
    rows = decided_since(months, today)
    report: dict = {"months": months, "referrals": len(rows), "min_score": min_score()}
    if not rows:
        return report
    snapshot, s_index, v_index, known = replay_pairs(rows, today)
    weights = current_weights()[0]
    prepared = engine.prepare(
        snapshot.seekers, snapshot.vacancies, weights=weights, idf=snapshot.skill_idf
    )
    units, _, _ = engine.score_pairs(prepared, s_index, v_index)
    score = units / engine.SCORE_DIVISOR
    hired = np.array([r[2] for r in known], dtype=bool)
    recorded = np.array([np.nan if r[3] is None else r[3] for r in known], dtype=np.float64)
    with_record = ~np.isnan(recorded)
    listed = in_top(snapshot, prepared, weights, s_index, v_index)
    threshold = min_score()
    report.update(
        scored=len(known),
        hired=int(hired.sum()),
        rejected=int((~hired).sum()),
        auc=_round(auc(score[hired], score[~hired])),
        auc_recorded=_round(auc(recorded[hired & with_record], recorded[~hired & with_record])),
        hired_score_median=_round(float(np.median(score[hired])) if hired.any() else None),
        rejected_score_median=_round(float(np.median(score[~hired])) if (~hired).any() else None),
        top10_share=_round(float(listed[hired].mean()) if hired.any() else None),
        listed_share=_round(float((score[hired] >= threshold).mean()) if hired.any() else None),
        rejected_listed_share=_round(
            float((score[~hired] >= threshold).mean()) if (~hired).any() else None
        ),
        keep=keep,
        fitted_min_score=fit_min_score(score[hired], keep),
    )
    fitted_auc = report["auc"]
    report["adopt"] = bool(
        report["fitted_min_score"] is not None and fitted_auc is not None and fitted_auc >= MIN_AUC
    )
    return report


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)

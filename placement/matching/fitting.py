"""Weights fitted to referral outcomes, adopted only behind a guard (issue 13).

The labels are the pipeline's decided referrals of the last N months (hired 1, rejected 0); the
features are each pair's six score components as the engine computes them today (`replay`). A
logistic regression (scikit-learn, lbfgs: deterministic) is fitted on 70 % of the referrals
(a stratified split with a fixed seed); its non-negative coefficients, normalised to sum to 1,
are the fitted weights (a component whose coefficient is negative gets 0: a better fit must not
rank a skill or a nearer home down). On the 30 % held out it reports, for the current and the
fitted weights, the AUC of the engine's score (per-vacancy renormalisation included) and the
share of held-out hires in their vacancy's top 10.

The guard (`adoptable`): at least MIN_PER_CLASS hires and as many rejections, a fitted held-out
AUC of at least MIN_AUC that beats the current weights' by MIN_AUC_GAIN and beats them surely:
the lower 95 % bound of the gain over paired bootstrap resamples of the held-out referrals is
above 0 (a few dozen held-out outcomes give a fit to noise an AUC of 0.6 by chance), and no lower
top-10 share of held-out hires. Only then may `fit_matching_weights --adopt` make the version
the one the nightly run uses (`weights.current_weights`).
"""

from __future__ import annotations

from datetime import date

import numpy as np
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, User
from placement.matching import engine
from placement.matching.models import MatchingWeights
from placement.matching.replay import decided_since, in_top, replay_pairs
from placement.matching.weights import current_weights

MIN_PER_CLASS = 50  # hires and rejections each: ~10 per component and class (a common floor)
MIN_AUC = 0.6  # below this the fitted score does not rank hires (replay.MIN_AUC)
MIN_AUC_GAIN = 0.02  # the fitted weights must beat the current ones by this much, held out
HELD_OUT = 0.3
SEED = 20261206
BOOTSTRAP = 500  # paired resamples of the held-out referrals for the gain's confidence bound
CONFIDENCE = 0.95


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 3)


def _auc(labels: np.ndarray, scores: np.ndarray) -> float | None:
    if labels.all() or not labels.any():
        return None
    return float(roc_auc_score(labels, scores))


def auc_gain_bound(labels: np.ndarray, current: np.ndarray, fitted: np.ndarray) -> float | None:
    """The lower CONFIDENCE bound of AUC(fitted) - AUC(current) over paired bootstrap resamples
    (deterministic: a fixed seed)."""
    rng = np.random.default_rng(SEED)
    gains = []
    for _ in range(BOOTSTRAP):
        pick = rng.integers(0, len(labels), len(labels))
        a, b = _auc(labels[pick], fitted[pick]), _auc(labels[pick], current[pick])
        if a is not None and b is not None:
            gains.append(a - b)
    return float(np.quantile(gains, 1 - CONFIDENCE)) if gains else None


def fit_weights(*, months: int = 12, today: date | None = None) -> dict:
    """Fit weights to the outcomes and compare them with the current ones on held-out referrals.

    Returns the report: counts, `weights` (fitted, or None when nothing could be fitted),
    `current_weights`, held-out `auc_current`/`auc_fitted` and `top10_current`/`top10_fitted`,
    `adoptable` and, when not, `refused` (why)."""
    today = today or timezone.localdate()
    current, version = current_weights()
    rows = decided_since(months, today)
    report: dict = {
        "months": months,
        "referrals": len(rows),
        "current_weights": current,
        "current_version": version,
        "weights": None,
        "adoptable": False,
    }
    hires = sum(1 for r in rows if r[2])
    report.update(hired=hires, rejected=len(rows) - hires)
    if min(hires, len(rows) - hires) < MIN_PER_CLASS:
        report["refused"] = f"fewer than {MIN_PER_CLASS} hires or rejections"
        return report
    snapshot, s_index, v_index, known = replay_pairs(rows, today)
    labels = np.array([r[2] for r in known], dtype=bool)
    prepared = engine.prepare(
        snapshot.seekers, snapshot.vacancies, weights=current, idf=snapshot.skill_idf
    )
    current_units, components, _ = engine.score_pairs(prepared, s_index, v_index)
    features = components / engine.UNIT
    train, test = train_test_split(
        np.arange(len(known)), test_size=HELD_OUT, random_state=SEED, stratify=labels
    )
    model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)
    model.fit(features[train], labels[train])
    coefficients = np.maximum(model.coef_[0], 0.0)
    report["coefficients"] = dict(
        zip(engine.COMPONENTS, (round(float(c), 4) for c in model.coef_[0]), strict=True)
    )
    if coefficients.sum() <= 0:
        report["refused"] = "no component raises the chance of a hire"
        return report
    raw = dict(zip(engine.COMPONENTS, coefficients / coefficients.sum(), strict=True))
    units = engine.weight_units(raw)  # exact thousandths summing to 1, as the engine uses them
    fitted = {name: int(u) / engine.UNIT for name, u in zip(engine.COMPONENTS, units, strict=True)}
    fitted_prepared = engine.prepare(
        snapshot.seekers, snapshot.vacancies, weights=fitted, idf=snapshot.skill_idf
    )
    fitted_units, _, _ = engine.score_pairs(fitted_prepared, s_index, v_index)
    held_hires = test[labels[test]]
    top_current = in_top(snapshot, prepared, current, s_index, v_index)
    top_fitted = in_top(snapshot, fitted_prepared, fitted, s_index, v_index)
    report.update(
        weights=fitted,
        scored=len(known),
        held_out=len(test),
        auc_current=_round(_auc(labels[test], current_units[test])),
        auc_fitted=_round(_auc(labels[test], fitted_units[test])),
        auc_gain_low=_round(auc_gain_bound(labels[test], current_units[test], fitted_units[test])),
        top10_current=_round(top_current[held_hires].mean()) if len(held_hires) else None,
        top10_fitted=_round(top_fitted[held_hires].mean()) if len(held_hires) else None,
    )
    report["refused"] = _refusal(report)
    report["adoptable"] = report["refused"] == ""
    return report


def _refusal(report: dict) -> str:
    """Why the fitted weights may not be adopted ("" when they may)."""
    fitted, current = report["auc_fitted"], report["auc_current"]
    if fitted is None or current is None:
        return "the held-out referrals lack hires or rejections"
    if fitted < MIN_AUC:
        return f"the fitted score does not rank hires (held-out AUC {fitted} < {MIN_AUC})"
    if fitted < current + MIN_AUC_GAIN:
        return f"held-out AUC {fitted} does not beat the current {current} by {MIN_AUC_GAIN}"
    if report["auc_gain_low"] is None or report["auc_gain_low"] <= 0:
        return (
            f"the gain in held-out AUC ({current} -> {fitted}) may be chance: its lower "
            f"{CONFIDENCE:.0%} bound is {report['auc_gain_low']}"
        )
    if (report["top10_fitted"] or 0) < (report["top10_current"] or 0):
        return "fewer held-out hires in their vacancy's top 10 than with the current weights"
    return ""


@transaction.atomic
def record_fit(*, report: dict, by: User | None, adopt: bool) -> MatchingWeights | None:
    """Store a fit as the next version (audited: who, when, the held-out figures); adopt it only
    when asked and the guard agrees. Nothing is stored when nothing could be fitted."""
    if report.get("weights") is None:
        return None
    now = timezone.now()
    number = (MatchingWeights.objects.aggregate(top=Max("version"))["top"] or 0) + 1
    accepted = adopt and report["adoptable"]
    version = MatchingWeights.objects.create(
        version=number,
        weights=report["weights"],
        report=report,
        fitted_at=now,
        fitted_by=by,
        is_adopted=accepted,
        adopted_at=now if accepted else None,
    )
    audit(
        actor=by,
        action=AuditEvent.Action.CREATE,
        obj=version,
        via="task",
        version=number,
        auc_current=report["auc_current"],
        auc_fitted=report["auc_fitted"],
        adopted=accepted,
    )
    return version

"""Which weights the score uses: the latest adopted fitted version, else the settings.

`manage.py fit_matching_weights` fits weights to referral outcomes and stores each fit as a
`MatchingWeights` version; only a version adopted through its guard (fitting.py) is used. A
version whose components are not the engine's (a component added or removed since) is ignored.
"""

from __future__ import annotations

from django.conf import settings

from placement.matching.models import MatchingWeights


def configured_weights() -> dict[str, float]:
    """The weights written in settings.MATCHING["WEIGHTS"] (by judgement)."""
    return dict(settings.MATCHING["WEIGHTS"])


def adopted_version() -> MatchingWeights | None:
    """The latest adopted fitted version that weighs exactly the configured components."""
    components = set(configured_weights())
    for version in MatchingWeights.objects.filter(is_adopted=True).order_by("-version")[:5]:
        if set(version.weights) == components:
            return version
    return None


def current_weights() -> tuple[dict[str, float], int | None]:
    """The weights a run scores with now and their fitted version (None: the settings)."""
    version = adopted_version()
    if version is None:
        return configured_weights(), None
    return {name: float(value) for name, value in version.weights.items()}, version.version

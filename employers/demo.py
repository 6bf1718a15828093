"""Demo data of the employers app (run by seed_demo after the demo accounts exist)."""

from __future__ import annotations

import random


def seed(*, stdout, options: dict, rng: random.Random) -> None:
    """Nothing yet: filled in by the employers issue."""

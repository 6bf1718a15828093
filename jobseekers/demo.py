"""Demo data of the jobseekers app (run by seed_demo after the demo accounts exist)."""

from __future__ import annotations

import random


def seed(*, stdout, options: dict, rng: random.Random) -> None:
    """Nothing yet: filled in by the jobseekers issue."""

"""Who may be offered work abroad (UU 18/2017 on the protection of Indonesian migrant workers).

A migrant worker must be at least 18 (Art. 5): a younger seeker never sees, matches or is referred
to a vacancy abroad. Unknown birth dates count as under age: the rule fails closed.
"""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.utils import timezone

MIN_OVERSEAS_AGE = 18


def is_minor(seeker, on: date | None = None) -> bool:
    """Whether `seeker` is under 18 (or of unknown age) on `on`."""
    age = seeker.age_on(on or timezone.localdate()) if seeker is not None else None
    return age is None or age < MIN_OVERSEAS_AGE


def user_is_minor(user) -> bool:
    """A signed-in job seeker under 18 (cached on the user); False for everyone else.

    Anonymous visitors see published vacancies abroad; they cannot apply or be referred.
    """
    if not getattr(user, "is_authenticated", False) or user.role != "seeker":
        return False
    cached = getattr(user, "_is_minor", None)
    if cached is None:
        seeker = apps.get_model("jobseekers", "JobSeeker").objects.filter(user=user).first()
        cached = seeker is not None and is_minor(seeker)
        user._is_minor = cached
    return cached

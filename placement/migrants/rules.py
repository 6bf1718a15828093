"""Work closed to people under 18: the one definition of the protection of minors.

- Abroad: a migrant worker must be at least 18 (UU 18/2017 on the protection of Indonesian
  migrant workers, Art. 5).
- Night work and hazardous work: UU 13/2003 on manpower Art. 68-75 allow a child (under 18) to
  work only in the narrow cases they list and forbid "the worst forms of work" for every child
  (Art. 74); Kepmenakertrans 235/2003 lists the work that endangers a child's health, safety or
  morals, among it work between 18.00 and 06.00 [P]; Art. 76(1) also forbids night work
  (23.00-07.00) for women under 18. The employer marks a vacancy as night work (18.00-06.00) or
  hazardous work on the report.

A seeker under 18 (15-17: the working-age population starts at 15) never sees, matches, applies
to, is referred to or is placed in such a vacancy. Unknown birth dates count as under age: the
rule fails closed. Every caller (search, vacancy page, matching extract, applications, referrals,
placements) asks this module; the matching gets it as the "adult" bit of the requirement masks
(placement/taxonomy/credentials.py).
"""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

MIN_OVERSEAS_AGE = 18
ADULT_AGE = 18
# The vacancy flags that close it to minors.
ADULTS_ONLY_FIELDS = ("is_overseas", "night_work", "hazardous_work")


def is_minor(seeker, on: date | None = None) -> bool:
    """Whether `seeker` is under 18 (or of unknown age) on `on`."""
    age = seeker.age_on(on or timezone.localdate()) if seeker is not None else None
    return age is None or age < ADULT_AGE


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


def closed_to_minors(vacancy) -> bool:
    """Whether the vacancy is work abroad, night work or hazardous work."""
    return any(getattr(vacancy, name, False) for name in ADULTS_ONLY_FIELDS)


def adults_only_q(prefix: str = "") -> Q:
    """The vacancies closed to minors, as a filter (`prefix` is the path to the vacancy)."""
    q = Q()
    for name in ADULTS_ONLY_FIELDS:
        q |= Q(**{f"{prefix}{name}": True})
    return q


def adults_only_sql(alias: str) -> str:
    """The same test in SQL over the vacancy table aliased `alias` (the matching extract)."""
    return " OR ".join(f"{alias}.{name}" for name in ADULTS_ONLY_FIELDS)


def minor_refusal(seeker, vacancy, on: date | None = None) -> str:
    """'' unless `seeker` is under 18 and the vacancy is closed to minors; else why, naming the
    person and the law."""
    if not closed_to_minors(vacancy) or not is_minor(seeker, on):
        return ""
    values = {"name": seeker.full_name}
    if vacancy.is_overseas:
        return _("%(name)s is under 18: work abroad is not allowed (UU 18/2017).") % values
    if getattr(vacancy, "hazardous_work", False):
        return (
            _(
                "%(name)s is under 18: hazardous work is not allowed "
                "(UU 13/2003 Art. 74, Kepmenakertrans 235/2003)."
            )
            % values
        )
    return (
        _(
            "%(name)s is under 18: night work is not allowed "
            "(UU 13/2003 Art. 74, Kepmenakertrans 235/2003)."
        )
        % values
    )


def age_warning(seeker, vacancy, on: date | None = None) -> str:
    """What an officer should see about a candidate's age for a vacancy ('' if nothing): the
    refusal when the work is closed to minors; the vacancy's age limit when the seeker is outside
    it (the nightly list may be a day old, a search list is not filtered); else, under 18, that
    the child-labour rules above apply. Reads only the two objects (no query)."""
    refusal = minor_refusal(seeker, vacancy, on)
    if refusal:
        return refusal
    day = on or timezone.localdate()
    age = seeker.age_on(day) if seeker is not None else None
    low, high = getattr(vacancy, "age_min", None), getattr(vacancy, "age_max", None)
    if age is not None and ((low and age < low) or (high and age > high)):
        limit = f"{low}-{high}" if low and high else (f"min. {low}" if low else f"max. {high}")
        return _("Aged %(age)d: outside the vacancy's age limit (%(limit)s).") % {
            "age": age,
            "limit": limit,
        }
    if age is None:
        return _("Birth date unknown: treated as under 18 (no work abroad, at night or hazardous).")
    if age < ADULT_AGE:
        return _(
            "Under 18 (%(age)d): a child may work only as UU 13/2003 Art. 68-75 allow; no work "
            "abroad, at night or hazardous."
        ) % {"age": age}
    return ""

"""School types under the IPK education levels, and the detailed IPK education code.

The IPK forms (Kepdirjen Binapenta KEP.268/PPTK/XII/2012, DOMAIN.md §3) code education in four
digits: 1xxx SD, 2xxx SLTP, 3xxx SLTA with 3801 SMU (SMA) and 31xx-32xx the SMK programmes,
xx99 undefined. The ledger stores this detailed code, so III/2 and III/4 can show SMA and SMK
apart while III/8 folds every code into its thirteen levels. Which codes are verified and which
are inferred: `data/SOURCES.md`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

SLTA = "3000"
GENERAL_SLTA = "3800"  # report row: SMA, MA, Paket C
VOCATIONAL_SLTA = "3100"  # report row: SMK, MAK


class SchoolType(models.TextChoices):
    """The kind of school under a level (the ijazah says which)."""

    SD = "sd", _("SD/MI")
    PAKET_A = "paket_a", _("Paket A (equivalent to SD)")
    SMP = "smp", _("SMP/MTs")
    PAKET_B = "paket_b", _("Paket B (equivalent to SMP)")
    SMA = "sma", _("SMA (general upper secondary)")
    MA = "ma", _("MA (Madrasah Aliyah)")
    PAKET_C = "paket_c", _("Paket C (equivalent to SMA)")
    SMK = "smk", _("SMK (vocational upper secondary)")
    MAK = "mak", _("MAK (vocational Madrasah Aliyah)")


class SchoolTrack(models.TextChoices):
    """What a vacancy with an SLTA minimum asks for ("" = either)."""

    GENERAL = "general", _("General (SMA/MA)")
    VOCATIONAL = "vocational", _("Vocational (SMK/MAK)")


# The level (IPK code of education_levels.csv) each school type belongs to.
SCHOOL_LEVEL = {
    SchoolType.SD: "1000",
    SchoolType.PAKET_A: "1000",
    SchoolType.SMP: "2000",
    SchoolType.PAKET_B: "2000",
    SchoolType.SMA: SLTA,
    SchoolType.MA: SLTA,
    SchoolType.PAKET_C: SLTA,
    SchoolType.SMK: SLTA,
    SchoolType.MAK: SLTA,
}
VOCATIONAL = frozenset({SchoolType.SMK, SchoolType.MAK})
# Fixed detailed codes; SMK and MAK add the bidang keahlian number (31BB, 32BB).
_FIXED_CODE = {
    SchoolType.PAKET_A: "1103",
    SchoolType.PAKET_B: "2103",
    SchoolType.SMA: "3801",
    SchoolType.MA: "3802",
    SchoolType.PAKET_C: "3803",
}
_VOCATIONAL_PREFIX = {SchoolType.SMK: "31", SchoolType.MAK: "32"}


def school_types_of(level_code: str | None) -> list[str]:
    """The school types that may be chosen under a level (none for diploma and degrees)."""
    return [kind for kind, level in SCHOOL_LEVEL.items() if level == level_code]


def detailed_code(level_code: str, school_type: str = "", smk_programme_code: str = "") -> str:
    """The 4-digit IPK code of one education: `3801` SMA, `3104` SMK bidang 4, else the level."""
    if not school_type or SCHOOL_LEVEL.get(school_type) != level_code:
        return level_code
    if school_type in _VOCATIONAL_PREFIX:
        bidang = smk_programme_code.split(".")[0] if smk_programme_code else ""
        suffix = f"{int(bidang):02d}" if bidang.isdigit() else "99"
        return _VOCATIONAL_PREFIX[school_type] + suffix
    return _FIXED_CODE.get(school_type, level_code)


def slta_track(code: str | None) -> str:
    """The III/2 and III/4 row of an SLTA code: general, vocational, or SLTA not stated."""
    if not code or code[:1] != "3":
        return ""
    if code[:2] == "38":
        return GENERAL_SLTA
    if code[:2] in ("31", "32"):
        return VOCATIONAL_SLTA
    return SLTA

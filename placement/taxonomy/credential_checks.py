"""Whether a seeker holds what a vacancy requires (a SIM class, a BNSP scheme, a language at a
level), in sentences: one definition for the matching's reasons, the vacancy page's checks and the
referral warning. Seekers and vacancies are read by their fields (no model import: this is the
ground floor); the vectorised same is placement/matching/extract.py `_requirement_bits`.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from placement.taxonomy import credentials

REQUIREMENT_FIELDS = (
    "required_licence",
    "required_certificate",
    "required_language",
    "required_language_level",
)


def requirement_sentences(vacancy, held: dict | None, audience: str) -> list[tuple[bool, str]]:
    """(met, sentence) per requirement of `vacancy`; `held` None means all are met."""
    you = audience == "seeker"
    out = []
    if vacancy.required_licence:
        name = credentials.licence_label(vacancy.required_licence)
        ok = held is None or vacancy.required_licence in held["licences"]
        if ok:
            text = (
                _("You have the %(what)s asked for.") if you else _("Has the %(what)s asked for.")
            )
        else:
            text = (
                _("You do not have the %(what)s asked for (a valid one).")
                if you
                else _("Does not have the %(what)s asked for (a valid one).")
            )
        out.append((ok, text % {"what": name}))
    if vacancy.required_certificate:
        key = credentials.scheme_key(vacancy.required_certificate)
        ok = held is None or key in held["schemes"]
        what = {"what": vacancy.required_certificate}
        if ok:
            text = (
                _("You have the BNSP certificate asked for: %(what)s.")
                if you
                else _("Has the BNSP certificate asked for: %(what)s.")
            )
        else:
            text = (
                _("You do not have a valid BNSP certificate of the scheme asked for: %(what)s.")
                if you
                else _("Does not have a valid BNSP certificate of the scheme asked for: %(what)s.")
            )
        out.append((ok, text % what))
    if vacancy.required_language:
        level = vacancy.required_language_level or 1
        what = {"what": credentials.language_label(vacancy.required_language, level)}
        ok = held is None or held["languages"].get(vacancy.required_language, 0) >= level
        if ok:
            text = (
                _("You speak the language asked for: %(what)s.")
                if you
                else _("Speaks the language asked for: %(what)s.")
            )
        else:
            text = (
                _("The language asked for is %(what)s: not (yet) on your profile at that level.")
                if you
                else _("Does not speak the language asked for at that level: %(what)s.")
            )
        out.append((ok, text % what))
    return out


def holdings(seeker, on: date | None = None) -> dict:
    """What a seeker holds on `on` as the matching counts it (placement/matching/extract.py
    `_requirement_bits` is the vectorised same): the licence classes their valid licences cover,
    their languages with levels, the schemes of their valid certificates."""
    day = on or timezone.localdate()
    licences: set[str] = set()
    for licence in seeker.licences.all():
        if licence.is_valid_on(day):
            licences |= credentials.LICENCE_COVERS.get(licence.licence_class, frozenset())
    return {
        "licences": licences,
        "languages": {row.language: row.level for row in seeker.languages.all()},
        "schemes": {c.scheme_key for c in seeker.certificates.all() if c.is_valid_on(day)},
    }


def requirement_checks(
    seeker, vacancy, *, audience: str = "seeker", on: date | None = None
) -> list[tuple[bool, str]]:
    """Per requirement of the vacancy: whether the seeker meets it, in a sentence."""
    if not any(getattr(vacancy, name) for name in REQUIREMENT_FIELDS[:3]):
        return []
    return requirement_sentences(vacancy, holdings(seeker, on), audience)

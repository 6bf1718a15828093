"""Credentials a vacancy does not require but that count for it, read from the database.

The rules are in placement/taxonomy/credentials.py (`relevance`); the engine scores them as its
"credentials" component. Here: each extracted vacancy's relevant bits and whether it asks for
certification or training, and the KBJI unit groups of the seekers' valid BNSP certificates and
courses (their names coded by the occupation coder, remembered in the cache for a month, so a
night codes only the names it has not seen).
"""

from __future__ import annotations

import hashlib
from datetime import date

import numpy as np
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import Vacancy
from jobseekers.models import (
    CompetencyCertificate,
    DrivingLicence,
    JobSeeker,
    LanguageSkill,
    Training,
)
from placement.matching.engine import RELATED_UNITS, occupation_units
from placement.taxonomy import credentials
from placement.taxonomy.text.normalize import fold
from placement.taxonomy.text.occupations import suggest_many

SLOTS = 4  # certificate/course codes kept per seeker (engine.SeekerArrays.credential_codes)
CODE_CACHE_SECONDS = 30 * 24 * 3600
_NONE = -1


def vacancy_relevance(vacancy_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per vacancy id (sorted): the relevant bits (uint64, one word) and asks-certification."""
    relevant = np.zeros((len(vacancy_ids), 1), dtype=np.uint64)
    asks = np.zeros(len(vacancy_ids), dtype=bool)
    if len(vacancy_ids) == 0:
        return relevant, asks
    rows = Vacancy.objects.filter(id__in=[int(pk) for pk in vacancy_ids]).values_list(
        "id",
        "occupation__code",
        "title",
        "description",
        "required_licence",
        "required_language",
        "required_certificate",
    )
    for pk, code, title, description, licence, language, certificate in rows.iterator():
        found = for_vacancy_values(code, title, description, licence, language, certificate)
        at = int(np.searchsorted(vacancy_ids, pk))
        relevant[at, 0] = np.uint64(found.bits())
        asks[at] = found.asks_certification
    return relevant, asks


def for_vacancy_values(
    code: str | None,
    title: str,
    description: str,
    licence: str,
    language: str,
    certificate: str,
) -> credentials.Relevance:
    return credentials.relevance(
        occupation_code=code or "",
        text=f"{title}\n{description}",
        required_licence=licence,
        required_language=language,
        required_certificate=certificate,
    )


def for_vacancy(vacancy: Vacancy) -> credentials.Relevance:
    """`relevance` of one vacancy object (its occupation loaded or not)."""
    code = vacancy.occupation.code if vacancy.occupation_id else ""
    return for_vacancy_values(
        code,
        vacancy.title,
        vacancy.description,
        vacancy.required_licence,
        vacancy.required_language,
        vacancy.required_certificate,
    )


def credential_codes(run_on: date, seeker_ids: np.ndarray) -> np.ndarray:
    """int16 (n, SLOTS): distinct KBJI unit groups of each active seeker's certificates valid on
    `run_on` and courses (-1 empty)."""
    codes = np.full((len(seeker_ids), SLOTS), _NONE, dtype=np.int16)
    active = {"seeker__status": JobSeeker.Status.ACTIVE}
    names = list(
        CompetencyCertificate.objects.filter(
            valid_from__lte=run_on, valid_until__gte=run_on, **active
        ).values_list("seeker_id", "scheme")
    )
    names += list(Training.objects.filter(**active).values_list("seeker_id", "course"))
    if not names:
        return codes
    coded = name_codes([name for _pk, name in names])
    for seeker_id, name in sorted(names):
        code = coded.get(name, _NONE)
        at = int(np.searchsorted(seeker_ids, seeker_id))
        if code < 0 or at >= len(seeker_ids) or seeker_ids[at] != seeker_id:
            continue
        row = codes[at]
        if code not in row:
            free = np.flatnonzero(row < 0)
            if len(free):
                row[free[0]] = code
    return codes


def name_codes(names: list[str]) -> dict[str, int]:
    """{name: KBJI unit group as an integer, or -1}: the occupation coder's first suggestion for
    a certificate scheme or course name ("Operator Forklift" -> 8344)."""
    distinct = sorted(set(names))
    keys = {name: _cache_key(name) for name in distinct}
    known = cache.get_many(list(keys.values()))
    result = {name: known[key] for name, key in keys.items() if key in known}
    missing = [name for name in distinct if name not in result]
    if missing:
        fresh = {}
        for name, suggestions in zip(missing, suggest_many(missing, limit=1), strict=True):
            fresh[name] = int(suggestions[0].code[:4]) if suggestions else _NONE
        cache.set_many({keys[n]: c for n, c in fresh.items()}, CODE_CACHE_SECONDS)
        result |= fresh
    return result


def _cache_key(name: str) -> str:
    return "credential-occupation:" + hashlib.sha256(fold(name).encode()).hexdigest()


# --- Reasons -------------------------------------------------------------------------------------


def credential_reasons(
    pairs: list[tuple[int, int]],
    vacancies: dict[int, Vacancy],
    *,
    audience: str,
    on: date | None = None,
) -> dict[tuple[int, int], tuple[list[str], list[str]]]:
    """(good, gaps) sentences per (seeker id, vacancy id) about the credentials that count for
    the vacancy without being required, as the engine scores them: a relevant licence or
    language held, a certificate or course in a related occupation. `vacancies` are the pairs'
    vacancies with title, description, occupation and requirements loaded; no query unless a
    credential is relevant to one of them, then a handful for all pairs."""
    day = on or timezone.localdate()
    found_for = {pk: for_vacancy(v) for pk, v in vacancies.items()}
    vacancy_codes = {
        pk: (v.occupation.code if v.occupation_id else "") for pk, v in vacancies.items()
    }
    relevant = {
        pk: r for pk, r in found_for.items() if r.licences or r.languages or r.asks_certification
    }
    seekers = {s for s, v in pairs if v in relevant}
    if not seekers:
        return {}
    licences: dict[int, set[str]] = {}
    for seeker_id, cls in DrivingLicence.objects.filter(
        seeker_id__in=seekers, valid_until__gte=day
    ).values_list("seeker_id", "licence_class"):
        licences.setdefault(seeker_id, set()).add(cls)
    languages: dict[int, set[str]] = {}
    for seeker_id, code in LanguageSkill.objects.filter(seeker_id__in=seekers).values_list(
        "seeker_id", "language"
    ):
        languages.setdefault(seeker_id, set()).add(code)
    held: dict[int, list[tuple[str, str]]] = {}  # seeker -> [(kind, name)]
    if any(r.asks_certification for r in relevant.values()):
        for seeker_id, name in CompetencyCertificate.objects.filter(
            seeker_id__in=seekers, valid_from__lte=day, valid_until__gte=day
        ).values_list("seeker_id", "scheme"):
            held.setdefault(seeker_id, []).append(("certificate", name))
        for seeker_id, name in Training.objects.filter(seeker_id__in=seekers).values_list(
            "seeker_id", "course"
        ):
            held.setdefault(seeker_id, []).append(("training", name))
    coded = name_codes([name for rows in held.values() for _kind, name in rows]) if held else {}
    out = {}
    for seeker_id, vacancy_id in pairs:
        found = relevant.get(vacancy_id)
        if found is None:
            continue
        code = vacancy_codes.get(vacancy_id) or ""
        out[(seeker_id, vacancy_id)] = _sentences(
            found,
            code,
            licences.get(seeker_id, set()),
            languages.get(seeker_id, set()),
            held.get(seeker_id, []),
            coded,
            audience,
        )
    return out


def _related(name_code: int, vacancy_code: str) -> bool:
    if name_code < 0 or not vacancy_code[:4].isdigit():
        return False
    units = occupation_units(np.array([name_code]), np.array([int(vacancy_code[:4])]))
    return int(units[0]) >= RELATED_UNITS


def _sentences(
    found: credentials.Relevance,
    vacancy_code: str,
    licences: set[str],
    languages: set[str],
    held: list[tuple[str, str]],
    coded: dict[str, int],
    audience: str,
) -> tuple[list[str], list[str]]:
    you = audience == "seeker"
    good: list[str] = []
    gaps: list[str] = []
    if found.licences:
        # Name the licence the seeker holds (a SIM B1 also covers the SIM A a job asks).
        wanted = set(found.licences)
        met = [c for c in sorted(licences) if credentials.LICENCE_COVERS.get(c, set()) & wanted]
        if met:
            what = {"what": credentials.licence_label(met[0])}
            text = (
                _("You have a %(what)s, useful for this job.")
                if you
                else _("Has a %(what)s, useful for this job.")
            )
            good.append(text % what)
        else:
            what = {"what": credentials.licence_label(found.licences[0])}
            gaps.append(_("A %(what)s would help in this job.") % what)
    for code in found.languages:
        what = {"what": str(credentials.Language(code).label)}
        if code in languages:
            text = (
                _("You speak %(what)s, which the vacancy mentions.")
                if you
                else _("Speaks %(what)s, which the vacancy mentions.")
            )
            good.append(text % what)
        else:
            gaps.append(_("The vacancy mentions %(what)s.") % what)
    if found.asks_certification:
        for kind, name in held:
            if not _related(coded.get(name, -1), vacancy_code):
                continue
            if kind == "certificate":
                text = (
                    _("You have a relevant BNSP certificate: %(what)s.")
                    if you
                    else _("Has a relevant BNSP certificate: %(what)s.")
                )
            else:
                text = (
                    _("You have taken a relevant course: %(what)s.")
                    if you
                    else _("Has taken a relevant course: %(what)s.")
                )
            good.append(text % {"what": name})
            break
    return good, gaps

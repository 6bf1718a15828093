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

from employers.models import Vacancy
from jobseekers.models import CompetencyCertificate, JobSeeker, Training
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
    return "credential-occupation:" + hashlib.sha1(fold(name).encode()).hexdigest()

"""A match's reasons in plain words, for the person reading them (seeker, employer, officer).

The engine keeps every component and the matched and missing skills of each pair; this turns them
into short sentences an officer can read back to a seeker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from employers.models import Vacancy
from jobseekers.occupations import PastJob, SeekerOccupations, occupations_of
from placement.matching.credential_fit import credential_reasons
from placement.matching.engine import experience_counts, occupation_units
from placement.matching.extract import OCCUPATION_SLOTS
from placement.matching.models import Match
from placement.migrants.rules import ADULTS_ONLY_FIELDS, age_warning
from placement.taxonomy.credential_checks import (  # noqa: F401 - explain's names for the pages
    REQUIREMENT_FIELDS,
    holdings,
    requirement_checks,
    requirement_sentences,
)
from placement.taxonomy.models import Skill


@dataclass
class Reasons:
    match: Match
    score_percent: int
    good: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # neither for nor against (a wage not stated)
    age_warning: str = ""  # officers only: placement/migrants/rules.age_warning
    matched_skills: list[str] = field(default_factory=list)
    missing_skills: list[str] = field(default_factory=list)
    # The seeker's wanted occupations and past jobs (officer and employer lists show them).
    occupations: SeekerOccupations | None = None


def skill_labels(matches: Iterable[Match]) -> dict[int, str]:
    """Labels of every skill the matches mention, in one query."""
    ids = {pk for m in matches for pk in (*m.matched_skills, *m.missing_skills)}
    return {s.pk: s.label for s in Skill.objects.filter(pk__in=ids)}


def _join(labels: list[str]) -> str:
    return ", ".join(labels)


def reasons(
    match: Match,
    labels: dict[int, str],
    *,
    audience: str = "seeker",
    occupations: SeekerOccupations | None = None,
    vacancy_code: int | None = None,
    required_months: int | None = None,
) -> Reasons:
    """Sentences for one match. `audience` is "seeker" (you) or "employer"/"officer" (they).

    With the seeker's `occupations` and the vacancy's KBJI unit group (`vacancy_code`, -1 for
    none) the sentences name which wanted occupation or past job is related and which past jobs
    counted as experience (`required_months`: what the vacancy asks, None when unknown); without
    them they only say how well each component scored."""
    you = audience == "seeker"
    result = Reasons(
        match=match,
        score_percent=round(match.score),
        matched_skills=[labels[pk] for pk in match.matched_skills if pk in labels],
        missing_skills=[labels[pk] for pk in match.missing_skills if pk in labels],
        occupations=occupations,
    )
    have, missing = len(result.matched_skills), len(result.missing_skills)
    total = have + missing
    if total:
        text = (
            ngettext(
                "You have %(have)d of the %(total)d skill asked.",
                "You have %(have)d of the %(total)d skills asked.",
                total,
            )
            if you
            else ngettext(
                "Has %(have)d of the %(total)d skill asked.",
                "Has %(have)d of the %(total)d skills asked.",
                total,
            )
        )
        (result.good if have else result.gaps).append(text % {"have": have, "total": total})
    if missing:
        result.gaps.append(_("Missing: %(skills)s.") % {"skills": _join(result.missing_skills)})
    known = occupations is not None and vacancy_code is not None
    _occupation_sentence(result, match, you, occupations if known else None, vacancy_code)
    _experience_sentences(
        result, match, you, occupations if known else None, vacancy_code, required_months
    )
    if match.location >= 0.99:
        result.good.append(_("In your regency/city.") if you else _("Lives in the same area."))
    elif match.location >= 0.49:
        result.good.append(_("In your province.") if you else _("Lives in the same province."))
    else:
        result.gaps.append(
            _("Far from where you live.") if you else _("Lives in another province.")
        )
    vacancy = match.vacancy if Match.vacancy.is_cached(match) else None
    if vacancy is not None and not vacancy.wage_max:
        # Not scored (engine/scoring.profile_weights): neither a fit nor a misfit, but said.
        result.notes.append(
            _("The vacancy states no wage: ask about it.")
            if you
            else _("The vacancy states no wage (not scored).")
        )
    elif match.wage < 0.999:
        result.gaps.append(
            _("The wage is below what you expect.")
            if you
            else _("Expects more than the wage offered.")
        )
    if match.education < 0.999:
        result.gaps.append(
            _("Your education is well above what is asked.")
            if you
            else _("Education well above what is asked.")
        )
    return result


def _code_int(code: str) -> int:
    """A KBJI code's 4-digit unit group as the engine reads it ("0110" -> 110); -1 if none."""
    return int(code[:4]) if code and code[:4].isdigit() else -1


def _occupation_sentence(
    result: Reasons,
    match: Match,
    you: bool,
    occupations: SeekerOccupations | None,
    vacancy_code: int | None,
) -> None:
    """How the seeker's wanted occupations and past jobs relate to the vacancy's, naming the
    closest one when the profile is known (engine/similarity.py gives the units)."""
    occupation = match.occupation
    if occupation < 0.49:
        return
    name = _closest_occupation(occupations, vacancy_code) if occupations is not None else ""
    if occupation >= 0.99:
        if name:
            text = (
                _("The job is the occupation you want or have done: %(name)s.")
                if you
                else _("Wants or has done this occupation: %(name)s.")
            )
        else:
            text = (
                _("The job is the occupation you want or have done.")
                if you
                else _("Wants or has done this occupation.")
            )
    elif occupation >= 0.74:
        # A known neighbour (2221/3221 nurses, 8322/8332 drivers): see engine/similarity.py.
        text = (
            _("An occupation of the same family (closely related): %(name)s.")
            if name
            else _("An occupation of the same family (closely related).")
        )
    else:
        text = _("A related occupation: %(name)s.") if name else _("A related occupation.")
    result.good.append(text % {"name": name} if name else text)


def _closest_occupation(occupations: SeekerOccupations, vacancy_code: int | None) -> str:
    """The wanted occupation or past job closest to the vacancy's, as "Title (code)"; wanted
    ones first on a tie, as the engine fills its occupation slots."""
    candidates: list[tuple[int, str]] = [
        (_code_int(o.code), f"{o.title} ({o.code})") for o in occupations.wanted
    ]
    candidates += [
        (
            job.unit_group,
            _("%(title)s (%(code)s, past job)") % {"title": job.title, "code": job.code},
        )
        for job in occupations.jobs
        if job.code
    ]
    if not candidates or vacancy_code is None or vacancy_code < 0:
        return ""
    units = occupation_units(np.array([c for c, _name in candidates]), vacancy_code)
    best = int(np.argmax(units))  # the first of the highest: wanted before past jobs
    return candidates[best][1] if units[best] > 0 else ""


def counted_jobs(
    occupations: SeekerOccupations, vacancy_code: int
) -> tuple[list[tuple[PastJob, bool]], list[PastJob]]:
    """The past jobs whose months count as experience for a vacancy of `vacancy_code`, each with
    whether it counted as the same occupation (else a related one), and the coded jobs that do
    not count. As the matching reads them (extract._past_jobs): months are summed per unit group,
    the OCCUPATION_SLOTS groups with the most months are kept; engine.experience_counts decides."""
    months: dict[int, int] = {}
    for job in occupations.jobs:
        if job.unit_group >= 0:
            months[job.unit_group] = months.get(job.unit_group, 0) + job.months
    kept = sorted(months, key=lambda code: (-months[code], code))[:OCCUPATION_SLOTS]
    counts = (
        dict(
            zip(
                kept,
                experience_counts(np.array(kept, dtype=np.int64), vacancy_code).tolist(),
                strict=True,
            )
        )
        if kept
        else {}
    )
    counted = [
        (job, job.unit_group == vacancy_code or vacancy_code < 0)
        for job in occupations.jobs
        if counts.get(job.unit_group) and job.months
    ]
    other = [
        job for job in occupations.jobs if job.unit_group >= 0 and not counts.get(job.unit_group)
    ]
    return counted, other


def _experience_sentences(
    result: Reasons,
    match: Match,
    you: bool,
    occupations: SeekerOccupations | None,
    vacancy_code: int | None,
    required_months: int | None,
) -> None:
    """Enough experience or not, and which past jobs counted (or did not) when known."""
    counted, other = (
        counted_jobs(occupations, vacancy_code)
        if occupations is not None and vacancy_code is not None
        else ([], [])
    )
    named = []
    for job, same in counted[:3]:
        values = {"months": job.months, "title": job.title}
        if same:
            text = ngettext(
                "%(months)d month of experience as %(title)s.",
                "%(months)d months of experience as %(title)s.",
                job.months,
            )
        else:
            text = ngettext(
                "%(months)d month of experience as %(title)s (a related occupation).",
                "%(months)d months of experience as %(title)s (a related occupation).",
                job.months,
            )
        named.append(text % values)
    if required_months == 0:  # nothing asked: the component is full, only say what counts
        result.good.extend(named)
        return
    if match.experience >= 0.999:
        result.good.extend(named or [_("Enough experience in this or a related occupation.")])
    elif match.experience > 0:
        result.gaps.append(
            _("Less work experience than asked (%(percent)d%%).")
            % {"percent": round(match.experience * 100)}
        )
        result.good.extend(named)
    else:
        result.gaps.append(_("No work experience of the kind asked."))
    if other and not counted:
        titles = _join([job.title for job in other[:3]])
        result.notes.append(
            _("Experience as %(titles)s does not count for this job (another occupation).")
            % {"titles": titles}
        )


def explain_all(matches: list[Match], *, audience: str) -> list[Reasons]:
    """Reasons for each match, in a fixed number of queries whatever the list's length: the skill
    labels, the vacancies' occupation and requirements, the seekers' occupations and past jobs."""
    labels = skill_labels(matches)
    ids = {m.vacancy_id for m in matches}
    vacancies = {
        v.pk: v
        for v in Vacancy.objects.filter(pk__in=ids)
        .select_related("occupation")
        .only(
            "pk",
            "title",
            "description",
            "occupation__code",
            "min_experience_months",
            "age_min",
            "age_max",
            *ADULTS_ONLY_FIELDS,
            *REQUIREMENT_FIELDS,
        )
    }
    profiles = occupations_of(m.seeker_id for m in matches)
    items = []
    for m in matches:
        vacancy = vacancies.get(m.vacancy_id)
        code = _code_int(vacancy.occupation.code) if vacancy and vacancy.occupation else -1
        item = reasons(
            m,
            labels,
            audience=audience,
            occupations=profiles.get(m.seeker_id),
            vacancy_code=code,
            required_months=vacancy.min_experience_months if vacancy else None,
        )
        # What the vacancy requires, every listed pair has it (a hard filter).
        if vacancy is not None and any(getattr(vacancy, f) for f in REQUIREMENT_FIELDS[:3]):
            met = [sentence for _ok, sentence in requirement_sentences(vacancy, None, audience)]
            item.good[:0] = met
        items.append(item)
    # Officers see an age warning (a vacancy's age limit, the rules for minors): from the
    # seeker the list already loaded and the vacancy above, no query per row.
    if audience == "officer":
        for item in items:
            vacancy = vacancies.get(item.match.vacancy_id)
            if vacancy is not None and Match.seeker.is_cached(item.match):
                item.age_warning = age_warning(item.match.seeker, vacancy)
    # Credentials that count without being required (the engine's "credentials" component).
    pairs = [(m.seeker_id, m.vacancy_id) for m in matches]
    extra = credential_reasons(pairs, vacancies, audience=audience)
    for item in items:
        good, gaps = extra.get((item.match.seeker_id, item.match.vacancy_id), ([], []))
        item.good.extend(good)
        item.gaps.extend(gaps)
    return items


def skills_to_learn(matches: list[Match], limit: int = 5) -> list[tuple[str, int]]:
    """The skills most often missing across a seeker's recommendations, with how often."""
    counts: dict[int, int] = {}
    for m in matches:
        for pk in m.missing_skills:
            counts[pk] = counts.get(pk, 0) + 1
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    labels = {s.pk: s.label for s in Skill.objects.filter(pk__in=[pk for pk, _n in top])}
    return [(labels[pk], n) for pk, n in top if pk in labels]

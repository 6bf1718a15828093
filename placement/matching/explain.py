"""A match's reasons in plain words, for the person reading them (seeker, employer, officer).

The engine keeps every component and the matched and missing skills of each pair; this turns them
into short sentences an officer can read back to a seeker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from employers.models import Vacancy
from jobseekers.models import JobSeeker
from placement.matching.models import Match
from placement.taxonomy import credentials
from placement.taxonomy.models import Skill

REQUIREMENT_FIELDS = (
    "required_licence",
    "required_certificate",
    "required_language",
    "required_language_level",
)


@dataclass
class Reasons:
    match: Match
    score_percent: int
    good: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # neither for nor against (a wage not stated)
    matched_skills: list[str] = field(default_factory=list)
    missing_skills: list[str] = field(default_factory=list)


def skill_labels(matches: Iterable[Match]) -> dict[int, str]:
    """Labels of every skill the matches mention, in one query."""
    ids = {pk for m in matches for pk in (*m.matched_skills, *m.missing_skills)}
    return {s.pk: s.label for s in Skill.objects.filter(pk__in=ids)}


def _join(labels: list[str]) -> str:
    return ", ".join(labels)


def reasons(match: Match, labels: dict[int, str], *, audience: str = "seeker") -> Reasons:
    """Sentences for one match. `audience` is "seeker" (you) or "employer"/"officer" (they)."""
    you = audience == "seeker"
    result = Reasons(
        match=match,
        score_percent=round(match.score),
        matched_skills=[labels[pk] for pk in match.matched_skills if pk in labels],
        missing_skills=[labels[pk] for pk in match.missing_skills if pk in labels],
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
    occupation = match.occupation
    if occupation >= 0.99:
        result.good.append(
            _("The job is the occupation you want or have done.")
            if you
            else _("Wants or has done this occupation.")
        )
    elif occupation >= 0.74:
        # A known neighbour (2221/3221 nurses, 8322/8332 drivers): see engine/similarity.py.
        result.good.append(_("An occupation of the same family (closely related)."))
    elif occupation >= 0.49:
        result.good.append(_("A related occupation."))
    if match.experience >= 0.999:
        result.good.append(_("Enough experience in this or a related occupation."))
    elif match.experience > 0:
        result.gaps.append(
            _("Less work experience than asked (%(percent)d%%).")
            % {"percent": round(match.experience * 100)}
        )
    else:
        result.gaps.append(_("No work experience of the kind asked."))
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


def explain_all(matches: list[Match], *, audience: str) -> list[Reasons]:
    labels = skill_labels(matches)
    items = [reasons(m, labels, audience=audience) for m in matches]
    # What the vacancy requires, every listed pair has it (a hard filter): one query for all.
    ids = {m.vacancy_id for m in matches}
    asked = {
        v.pk: v
        for v in Vacancy.objects.filter(pk__in=ids)
        .exclude(required_licence="", required_certificate="", required_language="")
        .only("pk", *REQUIREMENT_FIELDS)
    }
    for item in items:
        vacancy = asked.get(item.match.vacancy_id)
        if vacancy is not None:
            met = [sentence for _ok, sentence in _requirement_sentences(vacancy, None, audience)]
            item.good[:0] = met
    return items


def _requirement_sentences(
    vacancy: Vacancy, held: dict | None, audience: str
) -> list[tuple[bool, str]]:
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


def holdings(seeker: JobSeeker, on: date | None = None) -> dict:
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
    seeker: JobSeeker, vacancy: Vacancy, *, audience: str = "seeker", on: date | None = None
) -> list[tuple[bool, str]]:
    """Per requirement of the vacancy: whether the seeker meets it, in a sentence."""
    if not any(getattr(vacancy, name) for name in REQUIREMENT_FIELDS[:3]):
        return []
    return _requirement_sentences(vacancy, holdings(seeker, on), audience)


def skills_to_learn(matches: list[Match], limit: int = 5) -> list[tuple[str, int]]:
    """The skills most often missing across a seeker's recommendations, with how often."""
    counts: dict[int, int] = {}
    for m in matches:
        for pk in m.missing_skills:
            counts[pk] = counts.get(pk, 0) + 1
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    labels = {s.pk: s.label for s in Skill.objects.filter(pk__in=[pk for pk, _n in top])}
    return [(labels[pk], n) for pk, n in top if pk in labels]

"""A match's reasons in plain words, for the person reading them (seeker, employer, officer).

The engine keeps every component and the matched and missing skills of each pair; this turns them
into short sentences an officer can read back to a seeker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from placement.matching.models import Match
from placement.taxonomy.models import Skill


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
    return [reasons(m, labels, audience=audience) for m in matches]


def skills_to_learn(matches: list[Match], limit: int = 5) -> list[tuple[str, int]]:
    """The skills most often missing across a seeker's recommendations, with how often."""
    counts: dict[int, int] = {}
    for m in matches:
        for pk in m.missing_skills:
            counts[pk] = counts.get(pk, 0) + 1
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    labels = {s.pk: s.label for s in Skill.objects.filter(pk__in=[pk for pk, _n in top])}
    return [(labels[pk], n) for pk, n in top if pk in labels]

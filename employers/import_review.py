"""After an import: the officer's review queue (confirm, or pick among the coder's suggestions,
which teaches the alias tables), publishing a whole file, and merging job-board employers that
turn out to be the same company."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from employers import services
from employers.import_coding import company_key
from employers.models import Employer, ImportRun, Vacancy, VacancySkill
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.accounts.scope import region_scope
from placement.taxonomy import learned
from placement.taxonomy.models import LearnedAlias, Occupation, Regency, Skill
from placement.taxonomy.text import skills as skill_coder

Kind = LearnedAlias.Kind


def review_queue(user):
    """Imported vacancies whose coding waits for the officer, in the officer's region."""
    return (
        Vacancy.objects.in_scope(region_scope(user))
        .filter(needs_review=True)
        .select_related("employer", "occupation", "regency")
        .order_by("title", "id")
    )


SHOWN_UNKNOWN_SKILLS = 3


def _regency_code(place_code: str | None) -> str:
    """The regency of a place code ("62.71.01" -> "62.71"); "" for a province or country."""
    return (place_code or "")[:5] if len(place_code or "") >= 5 else ""


def suggestions(vacancies: list[Vacancy]) -> dict[int, dict]:
    """For each vacancy in review, the coder's suggestions to choose among (three queries):
    {pk: {"kbji": [(code, name)], "regency": [(code, name)], "skills": [(word, [(uri, label)])]}}"""
    wanted_kbji, wanted_regency, words = set(), set(), {}
    for vacancy in vacancies:
        kbji = vacancy.coding.get("kbji", {})
        wanted_kbji |= {kbji.get("value"), *kbji.get("alternatives", [])} - {None}
        place = vacancy.coding.get("regency", {})
        wanted_regency |= {place.get("value") or ""}
        wanted_regency |= {_regency_code(code) for code in place.get("alternatives", [])}
        for word in vacancy.coding.get("skills", {}).get("unknown", [])[:SHOWN_UNKNOWN_SKILLS]:
            words[word] = skill_coder.search(word, limit=3)
    occupations = dict(
        Occupation.objects.current()
        .filter(code__in=wanted_kbji, level__gte=4)
        .values_list("code", "title")
    )
    regencies = dict(Regency.objects.filter(code__in=wanted_regency).values_list("code", "name"))
    uris = {uri for found in words.values() for uri in found}
    skills = {skill.uri: skill.label for skill in Skill.objects.filter(uri__in=uris)}
    result = {}
    for vacancy in vacancies:
        kbji = vacancy.coding.get("kbji", {})
        codes = [kbji.get("value"), *kbji.get("alternatives", [])]
        place = vacancy.coding.get("regency", {})
        places = [place.get("value"), *map(_regency_code, place.get("alternatives", []))]
        unknown = vacancy.coding.get("skills", {}).get("unknown", [])[:SHOWN_UNKNOWN_SKILLS]
        result[vacancy.pk] = {
            "kbji": [(c, occupations[c]) for c in dict.fromkeys(codes) if c in occupations],
            "regency": [(c, regencies[c]) for c in dict.fromkeys(places) if c in regencies],
            "skills": [
                (word, [(uri, skills[uri]) for uri in words[word] if uri in skills])
                for word in unknown
                if words.get(word)
            ],
        }
    return result


@transaction.atomic
def confirm_review(
    *, vacancy_ids: list[int], by: User, choices: dict[int, dict] | None = None
) -> int:
    """The officer confirms the coding of these vacancies (several at once), with the choices
    made among the suggestions ({pk: {"kbji": code, "regency": code, "skills": {word: uri}}});
    each choice for a field that was in review teaches the alias tables."""
    choices = choices or {}
    scope = region_scope(by)
    chosen = list(
        review_queue(by).filter(pk__in=vacancy_ids).select_related("occupation", "regency")
    )
    occupations = {o.code: o for o in Occupation.objects.current().filter(level__gte=4)}
    skill_pks = dict(Skill.objects.values_list("uri", "pk"))
    for vacancy in chosen:
        choice = choices.get(vacancy.pk, {})
        in_review = vacancy.coding.get("review", [])
        fields = ["needs_review", "updated_at"]
        code = choice.get("kbji")
        if code in occupations:
            vacancy.occupation = occupations[code]
            fields.append("occupation")
        if vacancy.occupation is not None and "kbji" in in_review:
            text = vacancy.coding.get("kbji", {}).get("text") or vacancy.title
            learned.teach(kind=Kind.OCCUPATION, text=text, code=vacancy.occupation.code, by=by)
        code = choice.get("regency")
        if code and scope.contains_regency(code) and Regency.objects.filter(code=code).exists():
            vacancy.regency_id = code
            fields.append("regency")
        place_text = vacancy.coding.get("regency", {}).get("text")
        if vacancy.regency_id and place_text and "regency" in in_review:
            learned.teach(kind=Kind.PLACE, text=place_text, code=vacancy.regency_id, by=by)
        unknown = vacancy.coding.get("skills", {}).get("unknown", [])
        for word, uri in (choice.get("skills") or {}).items():
            if str(word).isdigit():  # the page names the unknown words by their place
                word = unknown[int(word)] if int(word) < len(unknown) else ""
            if word and uri in skill_pks:
                VacancySkill.objects.get_or_create(
                    vacancy=vacancy, skill_id=skill_pks[uri], defaults={"is_required": True}
                )
                learned.teach(kind=Kind.SKILL, text=word, code=uri, by=by)
        vacancy.needs_review = False
        vacancy.coding = {**vacancy.coding, "review": [], "confirmed_by": by.pk}
        fields.append("coding")
        vacancy.save(update_fields=fields)
        audit(actor=by, action="update", obj=vacancy, review="confirmed")
    return len(chosen)


def publishable(run: ImportRun):
    """The run's vacancies an officer may publish at once: waiting for verification, coding
    confirmed (not in review), complete, of an employer that may publish (a verified company, or
    one known from a job board)."""
    return Vacancy.objects.exclude(description="").filter(
        Employer.may_publish_q("employer__"),
        import_run=run,
        status=Vacancy.Status.SUBMITTED,
        needs_review=False,
        occupation__isnull=False,
        industry__isnull=False,
        min_education__isnull=False,  # else the officer completes it on the vacancy's page
    )


def publish_import(*, run: ImportRun, by: User) -> dict:
    """The officer chose to publish the whole file: every publishable vacancy is published
    through the usual service (counted, audited, rescored at once); {"published", "held"}."""
    published = 0
    for vacancy in publishable(run).in_scope(region_scope(by)).only("pk").iterator():
        try:
            services.publish_vacancy(vacancy=vacancy, by=by, via="import")
        except services.VacancyRefused:
            continue  # still waiting: counted below
        else:
            published += 1
    waiting = Vacancy.objects.filter(import_run=run, status=Vacancy.Status.SUBMITTED).count()
    audit(actor=by, action="update", obj=run, event="published", published=published)
    return {"published": published, "held": waiting}


class MergeRefused(Exception):
    """The two employers cannot be merged (the brief says why)."""


def likely_duplicate_employers(user, *, limit: int = 100) -> list[list[Employer]]:
    """Employers in the officer's region with the same company name (PT, CV... aside), at least
    one of them from a job board: the registered or verified one first."""
    groups: dict[str, list[Employer]] = defaultdict(list)
    employers = Employer.objects.visible_to(user).select_related("regency").order_by("pk")
    for employer in employers.iterator():
        groups[company_key(employer.name)].append(employer)
    found = []
    for group in groups.values():
        if len(group) > 1 and any(e.origin == Employer.Origin.JOB_BOARD for e in group):
            group.sort(key=lambda e: (e.origin == Employer.Origin.JOB_BOARD, not e.is_verified))
            found.append(group)
    return found[:limit]


@transaction.atomic
def merge_employers(*, keep: Employer, duplicate: Employer, by: User) -> int:
    """A job-board employer is the same company as `keep`: its vacancies (and anything else that
    points at it) move to `keep`, and it is removed; the number of rows moved."""
    if keep.pk == duplicate.pk:
        raise MergeRefused(_("Choose two different employers."))
    if duplicate.origin != Employer.Origin.JOB_BOARD or duplicate.users.exists():
        raise MergeRefused(_("Only an employer from a job board, without accounts, is merged."))
    moved = 0
    for relation in Employer._meta.related_objects:
        if relation.one_to_many:
            manager = relation.related_model._base_manager
            moved += manager.filter(**{relation.field.name: duplicate}).update(
                **{relation.field.name: keep}
            )
    audit(actor=by, action="update", obj=keep, merged=duplicate.pk, name=duplicate.name)
    duplicate.delete()
    return moved

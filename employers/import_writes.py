"""Writing the vacancies of a mapped file: new ones created, those imported before (same source)
updated, likely duplicates across sources flagged for review, and the verification warnings of
each row kept with its coding."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from employers.models import Vacancy, VacancySkill
from employers.warnings import text_warnings
from placement.taxonomy.text.normalize import fold

BATCH = 1000
# Vacancies that are (or will be) open; a duplicate of a closed one is a new opening.
LIVE = [Vacancy.Status.SUBMITTED, Vacancy.Status.PUBLISHED, Vacancy.Status.RETURNED]

UPDATED_FIELDS = [
    "title",
    "occupation",
    "industry",
    "min_education",
    "regency",
    "description",
    "headcount",
    "wage_min",
    "wage_max",
    "valid_from",
    "valid_to",
    "employment_type",
    "work_arrangement",
    "import_run",
    "source_file",
    "source_row",
    "external_id",
    "source_url",
    "coding",
    "needs_review",
]


def write_mapped(batch: list[Vacancy]) -> tuple[int, int]:
    """Create new vacancies, update those imported before (same source); (created, updated)."""
    unique: dict[str, Vacancy] = {}
    for vacancy in batch:
        unique[vacancy.source_key] = vacancy  # the later row of the same ad wins
    existing = {
        v.source_key: v
        for v in Vacancy.objects.filter(source_key__in=list(unique)).only("id", "source_key")
    }
    new, changed = [], []
    for key, vacancy in unique.items():
        if key in existing:
            vacancy.pk = existing[key].pk
            changed.append(vacancy)
        else:
            new.append(vacancy)
    if new:
        Vacancy.objects.bulk_create(new, batch_size=BATCH)
    if changed:
        Vacancy.objects.bulk_update(changed, UPDATED_FIELDS, batch_size=BATCH)
        VacancySkill.objects.filter(vacancy__in=changed).delete()
    skills = []
    for vacancy in new + changed:
        required, _optional = vacancy._import_skills
        skills += [VacancySkill(vacancy=vacancy, skill_id=pk, is_required=True) for pk in required]
    VacancySkill.objects.bulk_create(skills, batch_size=BATCH)
    # A row repeating an ad of the same batch (same id or link) updated that ad.
    return len(new), len(changed) + len(batch) - len(unique)


def _overlap(a_from: date, a_to: date, b_from: date, b_to: date) -> bool:
    return a_from <= b_to and b_from <= a_to


def flag_duplicates(batch: list[Vacancy]) -> list[tuple[Vacancy, str]]:
    """Rows that repeat a vacancy from another source (same employer, title and regency, open at
    the same time): flagged for review with the other's reference; [(row's vacancy, reference)]."""
    employer_ids = {v.employer_id for v in batch if v.employer_id}
    if not employer_ids:
        return []
    start = min(v.valid_from for v in batch)
    known: dict[tuple, list[tuple]] = defaultdict(list)
    others = Vacancy.objects.filter(
        employer_id__in=employer_ids, status__in=LIVE, valid_to__gte=start
    ).values_list(
        "pk", "employer_id", "title", "regency_id", "valid_from", "valid_to", "source_key"
    )
    for pk, employer_id, title, regency, valid_from, valid_to, key in others.iterator():
        known[(employer_id, fold(title), regency)].append((pk, valid_from, valid_to, key))
    flagged = []
    for vacancy in batch:
        for pk, valid_from, valid_to, key in known.get(
            (vacancy.employer_id, fold(vacancy.title), vacancy.regency_id), []
        ):
            if key != vacancy.source_key and _overlap(
                valid_from, valid_to, vacancy.valid_from, vacancy.valid_to
            ):
                reference = Vacancy(pk=pk).reference
                vacancy.coding["duplicate_of"] = pk
                if "duplicate" not in vacancy.coding["review"]:
                    vacancy.coding["review"].append("duplicate")
                vacancy.needs_review = True
                flagged.append((vacancy, reference))
                break
    return flagged


def warn(batch: list[Vacancy]) -> list[tuple[Vacancy, str]]:
    """The verification warnings of each row's text (fees, personal contacts, too-good pay), kept
    in its coding for the officer who verifies it; [(vacancy, message)]."""
    found = []
    for vacancy in batch:
        warnings = text_warnings(f"{vacancy.title}\n{vacancy.description}")
        vacancy.coding["warnings"] = [w.code for w in warnings]
        found += [(vacancy, w.message) for w in warnings]
    return found

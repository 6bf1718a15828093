"""Building and recording ledger events: the one module that turns a seeker, a vacancy or a
placement into an event, so the region (office, regency, province) and the IPK dimensions are
derived the same way by every door (web, API, import, nightly jobs, demo data).

The ledger imports no app: a seeker or a vacancy arrives as a model instance and is read through
its attributes; a subject that is not a row (demo history) arrives as a (type, id) pair.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import models
from django.db.models import F
from django.utils import timezone

from placement.ledger.models import Event, EventKind

AGE_GROUPS = ((15, 19), (20, 29), (30, 44), (45, 54), (55, 200))


def age_group(age: int | None) -> str:
    """The IPK III/1 age band of an age in years ("15-19" ... "55+"); blank when unknown."""
    if age is None or age < 15:
        return ""
    for low, high in AGE_GROUPS:
        if low <= age <= high:
            return f"{low}+" if high == 200 else f"{low}-{high}"
    return ""


def province_of(regency_code: str | None) -> str | None:
    """The province of a dotted regency code ("62.71" -> "62")."""
    return regency_code.split(".")[0] if regency_code else None


def build(
    kind: EventKind | str,
    *,
    subject: models.Model | tuple[str, int],
    occurred_on: date | None = None,
    office_id: int | None = None,
    regency_id: str | None = None,
    quantity: int = 1,
    recorded_at: datetime | None = None,
    detail: dict | None = None,
    **dimensions: object,
) -> Event:
    """An unsaved event (bulk paths save many with bulk_create); the province comes from the
    regency."""
    if isinstance(subject, tuple):
        subject_type, subject_id = subject
    else:
        subject_type, subject_id = subject._meta.label_lower, subject.pk
    return Event(
        kind=kind,
        occurred_on=occurred_on or timezone.localdate(),
        recorded_at=recorded_at or timezone.now(),
        subject_type=subject_type,
        subject_id=subject_id,
        office_id=office_id,
        regency_id=regency_id,
        province_id=province_of(regency_id),
        quantity=quantity,
        detail=detail or {},
        **dimensions,
    )


def record(
    kind: EventKind | str,
    *,
    subject: models.Model | tuple[str, int],
    occurred_on: date | None = None,
    office: models.Model | None = None,
    regency: models.Model | None = None,
    **fields: object,
) -> Event:
    """Append one event about `subject` (office and regency as rows or as `office_id`,
    `regency_id`)."""
    if office is not None:
        fields["office_id"] = office.pk
    if regency is not None:
        fields["regency_id"] = regency.pk
    event = build(kind, subject=subject, occurred_on=occurred_on, **fields)
    event.save()
    return event


# --- Seekers (IPK III/1-III/3, III/7-III/8) ------------------------------------------------------


def seeker_occupation_group(seeker) -> str:
    """KBJI major group: of the first wanted occupation, else of the latest coded job. Reads the
    `first_wanted_code` / `latest_job_code` annotations when the queryset has them."""
    code = getattr(seeker, "first_wanted_code", None)
    if code is None and not hasattr(seeker, "first_wanted_code"):
        code = (
            seeker.preferred_occupations.through.objects.filter(jobseeker=seeker)
            .order_by("pk")
            .values_list("occupation__code", flat=True)
            .first()
        )
    if not code:
        code = getattr(seeker, "latest_job_code", None)
        if code is None and not hasattr(seeker, "latest_job_code"):
            code = (
                seeker.experiences.filter(occupation__isnull=False)
                .order_by(F("end_year").desc(nulls_first=True), "-start_year", "-pk")
                .values_list("occupation__code", flat=True)
                .first()
            )
    return code[0] if code else ""


def seeker_education(seeker) -> str:
    """The IPK education code: the detailed school code when known, else the level's code."""
    return getattr(seeker, "education_code", "") or seeker.education_level_id or ""


def seeker_dimensions(seeker, on: date) -> dict[str, str]:
    """Sex, age group, education code and occupation group of a seeker on a day."""
    return {
        "sex": seeker.sex,
        "age_group": age_group(seeker.age_on(on)),
        "education": seeker_education(seeker),
        "occupation_group": seeker_occupation_group(seeker),
    }


def seeker_event(seeker, kind: EventKind | str, on: date, **fields: object) -> Event:
    """An unsaved event about a seeker: their issuing office, home regency and dimensions on
    `on`; `fields` override dimensions (a placement's job) or add `detail`, `quantity`..."""
    values: dict[str, object] = {
        "office_id": seeker.office_id,
        "regency_id": seeker.regency_id,
        "sex": seeker.sex,
        "age_group": age_group(seeker.age_on(on)),
        "education": seeker_education(seeker),
    }
    if "occupation_group" not in fields:  # a placement's job gives it without a query
        values["occupation_group"] = seeker_occupation_group(seeker)
    values.update(fields)
    return build(kind, subject=seeker, occurred_on=on, **values)


def record_seeker_event(seeker, kind: EventKind | str, on: date, **fields: object) -> Event:
    """Append one event about a seeker (see `seeker_event`)."""
    event = seeker_event(seeker, kind, on, **fields)
    event.save()
    return event


# --- Vacancies (IPK III/4-III/6) -----------------------------------------------------------------


def vacancy_dimensions(vacancy) -> dict[str, object]:
    """Region and IPK dimensions of a vacancy: its work location (else the company's regency) and
    that regency's office; III/4 education, III/5 occupation, III/6 industry."""
    regency = vacancy.location_regency
    office = getattr(regency, "office", None) if regency is not None else None
    return {
        "regency_id": regency.pk if regency is not None else None,
        "office_id": office.pk if office is not None else None,
        "education": getattr(vacancy, "education_code", "") or vacancy.min_education_id or "",
        "occupation_group": vacancy.occupation.code[0] if vacancy.occupation_id else "",
        "industry_section": vacancy.industry.section if vacancy.industry_id else "",
        "sex": vacancy.sex or "",
        "placement_scope": vacancy.scope,
        "employer_type": vacancy.employer.ownership,
    }


def vacancy_event(
    kind: EventKind | str, vacancy, *, quantity: int, occurred_on: date | None = None
) -> Event:
    """An unsaved event about a vacancy (`quantity` positions)."""
    return build(
        kind,
        subject=vacancy,
        occurred_on=occurred_on,
        quantity=quantity,
        **vacancy_dimensions(vacancy),
    )


def record_vacancy_event(
    kind: EventKind | str, vacancy, *, quantity: int, occurred_on: date | None = None
) -> Event:
    """Append one event about a vacancy."""
    event = vacancy_event(kind, vacancy, quantity=quantity, occurred_on=occurred_on)
    event.save()
    return event


def history(subject: models.Model, *, also_ids: tuple[int, ...] = ()) -> models.QuerySet[Event]:
    """The events about one subject, oldest first; `also_ids`: other records of the same type
    whose events belong to this history (a duplicate merged into it keeps its own events)."""
    return Event.objects.filter(
        subject_type=subject._meta.label_lower, subject_id__in=[subject.pk, *also_ids]
    ).order_by("occurred_on", "id")

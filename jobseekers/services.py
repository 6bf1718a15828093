"""Job seeker operations: registration, verification (AK/I), reports, removal, CV and data export.

Pages and API call the same functions. Every state change writes the audit trail; every change of
the seeker's standing (registered, reported, removed, reactivated) writes one ledger event with the
dimensions of the IPK tables.

Status transitions:
    draft --submit_registration--> submitted --verify_jobseeker--> active
    active --report_jobseeker--> active            (seeker_reported; moves the next report date)
    active --expire_lapsed_seekers--> removed      (seeker_removed: report missed or card expired)
    removed/placed --report_jobseeker or reactivate_jobseeker--> active   (seeker_reactivated,
                                                                           same AK/I number)
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import (
    CardSequence,
    Consent,
    CVDocument,
    Education,
    Experience,
    JobSeeker,
    SeekerSkill,
)
from jobseekers.nik import parse_nik
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, Role, User
from placement.ledger import services as ledger
from placement.ledger.models import Event, EventKind
from placement.taxonomy.models import District, Occupation, Regency, Skill

Action = AuditEvent.Action

# --- Field-level rules: what each actor may set ------------------------------------------------
IDENTITY_FIELDS = frozenset(
    {"full_name", "nik", "birth_place", "birth_date", "sex", "marital_status", "religion"}
)
CONTACT_FIELDS = frozenset({"address", "regency", "district", "postcode", "phone"})
PREFERENCE_FIELDS = frozenset({"preferred_occupations", "expected_wage", "relocation"})
PROFILE_FIELDS = (
    IDENTITY_FIELDS
    | CONTACT_FIELDS
    | PREFERENCE_FIELDS
    | {"skills", "category", "has_disability", "disability_note"}
)
# The identity an officer checked against the KTP: after verification only an officer changes it.
VERIFIED_IDENTITY = frozenset({"full_name", "nik", "birth_place", "birth_date", "sex"})
RELATION_FIELDS = frozenset({"skills", "preferred_occupations"})
MAX_PREFERRED_OCCUPATIONS = 3

NIK_TAKEN = _(
    "This NIK is already registered. If it is yours, sign in to your account or ask your "
    "Disnaker office for help."
)
EMAIL_TAKEN = _("An account with this e-mail address already exists. Sign in instead.")

CV_MAX_BYTES = 2 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


class ServiceError(ValidationError):
    """A business rule refused the operation; the message is for the person."""


# --- Dates ---------------------------------------------------------------------------------------
def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the end of a shorter month (31 Aug + 6 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _rules() -> dict:
    return settings.ANTARKERJA


def validity_months() -> int:
    # AK/I is valid for two years (Permenaker 39/2016).
    return int(_rules()["CARD_VALIDITY_MONTHS"])


def report_interval_months() -> int:
    # An unemployed holder reports at least every six months (Permenaker 39/2016).
    return int(_rules()["REPORT_INTERVAL_MONTHS"])


def _today(on: date | None) -> date:
    return on or timezone.localdate()


# --- Warnings and duplicates ---------------------------------------------------------------------
def compute_warnings(seeker: JobSeeker) -> list[dict[str, str]]:
    """Soft checks for the officer: the NIK disagrees with sex/birth date, region, domicile."""
    if not seeker.nik:
        return []
    try:
        parsed = parse_nik(seeker.nik)
    except ValidationError:
        return [{"code": "nik_invalid"}]
    warnings: list[dict[str, str]] = []
    if seeker.sex and seeker.sex != parsed.sex:
        warnings.append({"code": "nik_sex", "nik_sex": parsed.sex})
    if seeker.birth_date and seeker.birth_date != parsed.birth_date:
        warnings.append({"code": "nik_birth_date", "nik_birth_date": parsed.birth_date.isoformat()})
    if not District.objects.filter(code=parsed.district_code).exists():
        warnings.append({"code": "nik_region_unknown", "nik_region": parsed.district_code})
    if seeker.regency_id and seeker.regency_id != parsed.regency_code:
        warnings.append({"code": "domicile_elsewhere", "nik_regency": parsed.regency_code})
    return warnings


def warning_messages(seeker: JobSeeker) -> list[str]:
    """The stored warnings as sentences for the officer."""
    messages = []
    names = dict(
        Regency.objects.filter(
            code__in=[w.get("nik_regency") for w in seeker.warnings if w.get("nik_regency")]
        ).values_list("code", "name")
    )
    for warning in seeker.warnings:
        code = warning.get("code")
        if code == "nik_sex":
            sex = JobSeeker.Sex(warning["nik_sex"]).label
            messages.append(_("The NIK says the holder is %(sex)s.") % {"sex": sex})
        elif code == "nik_birth_date":
            born = date.fromisoformat(warning["nik_birth_date"])
            messages.append(
                _("The NIK gives another date of birth: %(date)s.")
                % {"date": born.strftime("%d-%m-%Y")}
            )
        elif code == "nik_region_unknown":
            messages.append(
                _("The region code of the NIK (%(code)s) is not in the current region list.")
                % {"code": warning["nik_region"]}
            )
        elif code == "domicile_elsewhere":
            region = warning["nik_regency"]
            messages.append(
                _("The NIK was first registered in %(region)s; the seeker lives elsewhere.")
                % {"region": names.get(region, region)}
            )
        elif code == "nik_invalid":
            messages.append(_("The NIK does not pass the checks any more."))
    return messages


def normalise_name(name: str) -> str:
    return " ".join(name.split())


def possible_duplicates(seeker: JobSeeker) -> QuerySet[JobSeeker]:
    """Other registrations with the same name, date of birth and phone under another NIK."""
    if not (seeker.full_name and seeker.birth_date and seeker.phone):
        return JobSeeker.objects.none()
    return (
        JobSeeker.objects.filter(
            birth_date=seeker.birth_date,
            phone=seeker.phone,
            full_name__iexact=normalise_name(seeker.full_name),
            nik__isnull=False,
        )
        .exclude(pk=seeker.pk)
        .exclude(nik=seeker.nik)
    )


# --- Ledger dimensions ---------------------------------------------------------------------------
def occupation_group(seeker: JobSeeker) -> str:
    """KBJI major group: of the first wanted occupation, else of the latest coded job."""
    code = getattr(seeker, "first_wanted_code", None)
    if code is None and not hasattr(seeker, "first_wanted_code"):
        through = JobSeeker.preferred_occupations.through
        code = (
            through.objects.filter(jobseeker=seeker)
            .order_by("pk")
            .values_list("occupation__code", flat=True)
            .first()
        )
    if not code:
        code = getattr(seeker, "latest_job_code", None)
        if code is None and not hasattr(seeker, "latest_job_code"):
            latest = (
                seeker.experiences.filter(occupation__isnull=False)
                .order_by(F("end_year").desc(nulls_first=True), "-start_year", "-pk")
                .values_list("occupation__code", flat=True)
                .first()
            )
            code = latest
    return code[0] if code else ""


def ipk_dimensions(seeker: JobSeeker, on: date) -> dict[str, str]:
    """Sex, age group, education code and occupation group of a seeker on a day (IPK III/1-3)."""
    return {
        "sex": seeker.sex,
        "age_group": ledger.age_group(seeker.age_on(on)),
        "education": seeker.education_level_id or "",
        "occupation_group": occupation_group(seeker),
    }


def build_event(seeker: JobSeeker, kind: str, on: date, **detail: object) -> Event:
    """An unsaved ledger event about `seeker` (for bulk_create in the nightly job and demo)."""
    regency = seeker.regency_id
    return Event(
        kind=kind,
        occurred_on=on,
        subject_type=JobSeeker._meta.label_lower,
        subject_id=seeker.pk,
        office_id=seeker.office_id,
        regency_id=regency,
        province_id=regency.split(".")[0] if regency else None,
        detail=detail,
        **ipk_dimensions(seeker, on),
    )


def _record(seeker: JobSeeker, kind: str, on: date, **detail: object) -> Event:
    return ledger.record(
        kind,
        subject=seeker,
        occurred_on=on,
        office=seeker.office,
        regency=seeker.regency,
        detail=detail,
        **ipk_dimensions(seeker, on),
    )


def _locked(seeker: JobSeeker) -> JobSeeker:
    return (
        JobSeeker.objects.select_for_update(of=("self",))
        .select_related("regency", "office", "education_level", "user")
        .get(pk=seeker.pk)
    )


# --- Registration --------------------------------------------------------------------------------
@transaction.atomic
def create_seeker_account(*, email: str, password: str, full_name: str = "") -> JobSeeker:
    """Create a seeker user and their draft registration (the first step of the online form)."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ServiceError({"email": [EMAIL_TAKEN]})
    user = User.objects.create_user(email, password, role=Role.SEEKER, full_name=full_name)
    seeker = JobSeeker.objects.create(user=user, full_name=full_name, steps_done=["account"])
    audit(actor=user, action=Action.CREATE, obj=seeker, step="account")
    return seeker


@transaction.atomic
def start_registration(*, user: User) -> JobSeeker:
    """A draft registration for a signed-in seeker who has none yet."""
    seeker, created = JobSeeker.objects.get_or_create(
        user=user, defaults={"full_name": user.full_name, "steps_done": ["account"]}
    )
    if created:
        audit(actor=user, action=Action.CREATE, obj=seeker, step="account")
    return seeker


def mark_step(*, seeker: JobSeeker, step: str) -> None:
    """Remember that a registration step was completed."""
    _mark_step(seeker, step)


def editable_fields(seeker: JobSeeker, actor: User) -> frozenset[str]:
    """Profile fields `actor` may set on `seeker`: never status, numbers, office or scope."""
    if actor.role == Role.SEEKER:
        if seeker.user_id != actor.pk:
            return frozenset()
        return PROFILE_FIELDS - VERIFIED_IDENTITY if seeker.is_verified else PROFILE_FIELDS
    return PROFILE_FIELDS


def _check_nik_free(nik: str, seeker: JobSeeker) -> None:
    if JobSeeker.objects.filter(nik=nik).exclude(pk=seeker.pk).exists():
        raise ServiceError({"nik": [NIK_TAKEN]})


def _set_preferred_occupations(seeker: JobSeeker, occupations: Sequence[Occupation]) -> None:
    # The through table's primary key keeps the order: the first is the main wish (IPK III/3).
    unique = list(dict.fromkeys(occupations))[:MAX_PREFERRED_OCCUPATIONS]
    through = JobSeeker.preferred_occupations.through
    through.objects.filter(jobseeker=seeker).delete()
    through.objects.bulk_create(
        [through(jobseeker_id=seeker.pk, occupation_id=o.pk) for o in unique]
    )


def _set_skills(seeker: JobSeeker, skills: Iterable[Skill]) -> None:
    wanted = {s.pk for s in skills}
    current = set(seeker.skills.values_list("skill_id", flat=True))
    seeker.skills.filter(skill_id__in=current - wanted).delete()
    SeekerSkill.objects.bulk_create(
        [SeekerSkill(seeker=seeker, skill_id=pk) for pk in sorted(wanted - current)]
    )


@transaction.atomic
def update_jobseeker(
    *,
    seeker: JobSeeker,
    actor: User,
    changes: dict[str, object],
    step: str | None = None,
) -> JobSeeker:
    """Save profile fields (a registration step, a profile edit or an officer's correction)."""
    allowed = editable_fields(seeker, actor)
    refused = sorted(set(changes) - allowed)
    if refused:
        raise ServiceError(
            {name: [_("You cannot change this field.")] for name in refused}, code="forbidden"
        )
    changes = dict(changes)
    if changes.get("nik"):
        _check_nik_free(str(changes["nik"]), seeker)
    if "full_name" in changes:
        changes["full_name"] = normalise_name(str(changes["full_name"]))
    occupations = changes.pop("preferred_occupations", None)
    skills = changes.pop("skills", None)
    if "district" in changes and changes["district"] is not None:
        regency = changes.get("regency", seeker.regency)
        if regency is None or changes["district"].regency_id != regency.pk:
            raise ServiceError({"district": [_("Choose a district of the chosen regency/city.")]})
    changed = []
    for name, value in changes.items():
        if getattr(seeker, name) != value:
            setattr(seeker, name, value)
            changed.append(name)
    if occupations is not None:
        _set_preferred_occupations(seeker, list(occupations))
        changed.append("preferred_occupations")
    if skills is not None:
        _set_skills(seeker, skills)
        changed.append("skills")
    seeker.warnings = compute_warnings(seeker)
    if step and step not in seeker.steps_done:
        seeker.steps_done = [*seeker.steps_done, step]
    seeker.save()
    if changed:
        audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=sorted(changed), step=step)
    return seeker


def _refresh_derived(seeker: JobSeeker) -> None:
    """Keep the highest education and total experience in step with the rows (matching reads)."""
    highest = (
        Education.objects.filter(seeker=seeker)
        .order_by("-level__rank", "-level__order")
        .values_list("level_id", flat=True)
        .first()
    )
    months = sum(seeker.experiences.values_list("months", flat=True))
    JobSeeker.objects.filter(pk=seeker.pk).update(
        education_level_id=highest, experience_months=months, updated_at=timezone.now()
    )
    seeker.education_level_id, seeker.experience_months = highest, months


def _mark_step(seeker: JobSeeker, step: str | None) -> None:
    if step and step not in seeker.steps_done:
        seeker.steps_done = [*seeker.steps_done, step]
        seeker.save(update_fields=["steps_done", "updated_at"])


@transaction.atomic
def add_education(*, seeker: JobSeeker, actor: User, **fields: object) -> Education:
    """Add one education row (level, major, school, year)."""
    row = Education.objects.create(seeker=seeker, **fields)
    _refresh_derived(seeker)
    _mark_step(seeker, "education")
    audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=["educations"])
    return row


@transaction.atomic
def remove_education(*, seeker: JobSeeker, actor: User, education_id: int) -> None:
    """Remove one of the seeker's education rows (others' rows are not found)."""
    deleted, _rows = Education.objects.filter(seeker=seeker, pk=education_id).delete()
    if deleted:
        _refresh_derived(seeker)
        audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=["educations"])


@transaction.atomic
def add_experience(*, seeker: JobSeeker, actor: User, **fields: object) -> Experience:
    """Add one work-experience row, coded to KBJI."""
    row = Experience.objects.create(seeker=seeker, **fields)
    _refresh_derived(seeker)
    _mark_step(seeker, "experience")
    audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=["experiences"])
    return row


@transaction.atomic
def remove_experience(*, seeker: JobSeeker, actor: User, experience_id: int) -> None:
    """Remove one of the seeker's work-experience rows."""
    deleted, _rows = Experience.objects.filter(seeker=seeker, pk=experience_id).delete()
    if deleted:
        _refresh_derived(seeker)
        audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=["experiences"])


@transaction.atomic
def replace_rows(
    *,
    seeker: JobSeeker,
    actor: User,
    educations: Sequence[dict] | None = None,
    experiences: Sequence[dict] | None = None,
) -> None:
    """Replace all education and/or experience rows at once (the API's nested lists)."""
    changed = []
    if educations is not None:
        Education.objects.filter(seeker=seeker).delete()
        Education.objects.bulk_create([Education(seeker=seeker, **row) for row in educations])
        changed.append("educations")
    if experiences is not None:
        Experience.objects.filter(seeker=seeker).delete()
        Experience.objects.bulk_create([Experience(seeker=seeker, **row) for row in experiences])
        changed.append("experiences")
    if changed:
        _refresh_derived(seeker)
        audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=changed)


def missing_for_submission(seeker: JobSeeker) -> list[str]:
    """The steps whose required answers are still missing before the registration can be sent."""
    missing = []
    if not (seeker.full_name and seeker.nik and seeker.birth_date and seeker.sex):
        missing.append("identity")
    if not (seeker.address and seeker.regency_id and seeker.phone):
        missing.append("contact")
    if not seeker.educations.exists():
        missing.append("education")
    if not seeker.preferred_occupations.exists():
        missing.append("preferences")
    if not seeker.category:
        missing.append("category")
    return missing


def has_current_consent(seeker: JobSeeker) -> bool:
    """Whether the seeker consented to the current version of the text and did not withdraw."""
    return seeker.consents.filter(
        version=CURRENT_CONSENT_VERSION, withdrawn_at__isnull=True
    ).exists()


@transaction.atomic
def give_consent(*, seeker: JobSeeker, actor: User, version: str) -> Consent:
    """Store explicit consent to a version of the processing text, with its time."""
    if version != CURRENT_CONSENT_VERSION:
        raise ServiceError({"consent": [_("The consent text has changed. Read it again, please.")]})
    consent = Consent.objects.create(
        seeker=seeker, version=version, language=(get_language() or "")[:5]
    )
    audit(actor=actor, action=Action.CREATE, obj=consent, version=version)
    return consent


@transaction.atomic
def submit_registration(*, seeker: JobSeeker, actor: User, consent_version: str) -> JobSeeker:
    """Send a complete registration, with consent, to the officers for verification."""
    seeker = _locked(seeker)
    if seeker.status != JobSeeker.Status.DRAFT:
        raise ServiceError(_("This registration has already been sent."), code="not_draft")
    missing = missing_for_submission(seeker)
    if missing:
        raise ServiceError(
            _("Some answers are still missing: %(steps)s.") % {"steps": ", ".join(missing)},
            code="incomplete",
        )
    give_consent(seeker=seeker, actor=actor, version=consent_version)
    seeker.status = JobSeeker.Status.SUBMITTED
    seeker.submitted_at = timezone.now()
    seeker.warnings = compute_warnings(seeker)
    seeker.save(update_fields=["status", "submitted_at", "warnings", "updated_at"])
    audit(actor=actor, action=Action.CHANGE, obj=seeker, event="submitted")
    return seeker


@transaction.atomic
def register_jobseeker(
    *,
    email: str,
    password: str,
    profile: dict[str, object],
    educations: Sequence[dict],
    experiences: Sequence[dict],
    consent_version: str,
) -> JobSeeker:
    """Self-registration in one go (the API): account, every step, consent, submission."""
    seeker = create_seeker_account(
        email=email, password=password, full_name=str(profile.get("full_name", ""))
    )
    user = seeker.user
    update_jobseeker(seeker=seeker, actor=user, changes=profile)
    replace_rows(seeker=seeker, actor=user, educations=educations, experiences=experiences)
    seeker.steps_done = list(REGISTRATION_STEPS)
    seeker.save(update_fields=["steps_done", "updated_at"])
    return submit_registration(seeker=seeker, actor=user, consent_version=consent_version)


REGISTRATION_STEPS = (
    "account",
    "identity",
    "contact",
    "education",
    "experience",
    "skills",
    "preferences",
    "category",
    "disability",
)


# --- The AK/I card -------------------------------------------------------------------------------
def office_number_code(office) -> str:
    """The office part of an AK/I number: the region code without dots (`6271`, `62`, `00`)."""
    return office.code.replace(".", "")


def issue_ak1_number(*, office, year: int) -> str:
    """The next AK/I number of `office` in `year`: `<office code>-<year>-<serial>`, unique."""
    sequence, _created = CardSequence.objects.get_or_create(office=office, year=year)
    CardSequence.objects.filter(pk=sequence.pk).update(last_number=F("last_number") + 1)
    sequence.refresh_from_db(fields=["last_number"])
    return format_ak1_number(office_number_code(office), year, sequence.last_number)


def format_ak1_number(office_code: str, year: int, serial: int) -> str:
    return f"{office_code}-{year}-{serial:06d}"


def _office_of(user: User):
    officer = getattr(user, "officer_profile", None)
    if officer is None or not officer.is_active:
        raise ServiceError(_("Only an officer of a manpower office can do this."), code="no_office")
    return officer.office


@transaction.atomic
def verify_jobseeker(*, seeker: JobSeeker, officer: User, on: date | None = None) -> JobSeeker:
    """Verify a submitted registration: issue the AK/I number and start the card's two years."""
    on = _today(on)
    office = _office_of(officer)
    seeker = _locked(seeker)
    if seeker.status != JobSeeker.Status.SUBMITTED:
        raise ServiceError(_("This registration is not waiting for verification."), code="state")
    seeker.ak1_number = issue_ak1_number(office=office, year=on.year)
    seeker.status = JobSeeker.Status.ACTIVE
    seeker.office = office
    seeker.registered_on = on
    seeker.last_reported_on = None
    seeker.next_report_on = add_months(on, report_interval_months())
    seeker.expires_on = add_months(on, validity_months())
    seeker.verified_by = officer
    seeker.verified_at = timezone.now()
    seeker.save()
    _record(seeker, EventKind.SEEKER_REGISTERED, on)
    audit(actor=officer, action=Action.CHANGE, obj=seeker, event="verified")
    return seeker


def _renew_dates(seeker: JobSeeker, on: date) -> None:
    seeker.last_reported_on = on
    seeker.next_report_on = add_months(on, report_interval_months())
    if seeker.expires_on is None or seeker.expires_on < seeker.next_report_on:
        # The report at the end of the card's two years re-registers it (same number).
        seeker.expires_on = add_months(on, validity_months())


@transaction.atomic
def report_jobseeker(*, seeker: JobSeeker, actor: User, on: date | None = None) -> str:
    """The six-monthly report ("lapor"); for a removed or placed seeker it reactivates the card."""
    on = _today(on)
    seeker = _locked(seeker)
    if seeker.status in (JobSeeker.Status.REMOVED, JobSeeker.Status.PLACED):
        _reactivate(seeker, actor, on)
        return EventKind.SEEKER_REACTIVATED
    if seeker.status != JobSeeker.Status.ACTIVE:
        raise ServiceError(_("Your card has not been issued yet."), code="not_active")
    if not seeker.can_report_on(on):
        opens = seeker.report_opens_on()
        raise ServiceError(
            _("Your next report opens on %(date)s.") % {"date": opens.strftime("%d-%m-%Y")},
            code="not_due",
        )
    _renew_dates(seeker, on)
    seeker.save()
    _record(seeker, EventKind.SEEKER_REPORTED, on)
    audit(actor=actor, action=Action.CHANGE, obj=seeker, event="reported")
    return EventKind.SEEKER_REPORTED


def _reactivate(seeker: JobSeeker, actor: User, on: date) -> None:
    if not seeker.ak1_number:
        raise ServiceError(_("This registration has no AK/I card yet."), code="no_card")
    previous = seeker.status
    seeker.status = JobSeeker.Status.ACTIVE
    seeker.removed_on = None
    seeker.removal_reason = ""
    _renew_dates(seeker, on)
    seeker.save()
    _record(seeker, EventKind.SEEKER_REACTIVATED, on, previous_status=previous)
    audit(actor=actor, action=Action.CHANGE, obj=seeker, event="reactivated")


@transaction.atomic
def reactivate_jobseeker(*, seeker: JobSeeker, actor: User, on: date | None = None) -> JobSeeker:
    """Re-registration of a removed or placed seeker: the same AK/I number becomes active again."""
    seeker = _locked(seeker)
    if seeker.status not in (JobSeeker.Status.REMOVED, JobSeeker.Status.PLACED):
        raise ServiceError(_("Only a removed or placed card can be reactivated."), code="state")
    _reactivate(seeker, actor, _today(on))
    return seeker


def expire_lapsed_seekers(*, on: date | None = None, batch_size: int = 500) -> int:
    """Mark active seekers who missed their report or whose card expired as removed."""
    on = _today(on)
    total = 0
    while True:
        with transaction.atomic():
            batch = list(
                JobSeeker.objects.lapsed(on)
                .with_ipk_dimensions()
                .select_for_update(skip_locked=True, of=("self",))
                .order_by("pk")[:batch_size]
            )
            if not batch:
                return total
            events, audits = [], []
            for seeker in batch:
                expired = seeker.expires_on is not None and seeker.expires_on < on
                reason = (
                    JobSeeker.RemovalReason.EXPIRED
                    if expired
                    else JobSeeker.RemovalReason.MISSED_REPORT
                )
                seeker.status = JobSeeker.Status.REMOVED
                seeker.removed_on = on
                seeker.removal_reason = reason
                seeker.updated_at = timezone.now()
                events.append(build_event(seeker, EventKind.SEEKER_REMOVED, on, reason=reason))
                audits.append(
                    AuditEvent(
                        action=Action.CHANGE,
                        object_type=JobSeeker._meta.label_lower,
                        object_id=str(seeker.pk),
                        detail={"event": "removed", "reason": reason},
                    )
                )
            JobSeeker.objects.bulk_update(
                batch, ["status", "removed_on", "removal_reason", "updated_at"]
            )
            Event.objects.bulk_create(events)
            AuditEvent.objects.bulk_create(audits)
            total += len(batch)


# --- CV ------------------------------------------------------------------------------------------
def cv_max_bytes() -> int:
    return int(_rules().get("CV_MAX_BYTES", CV_MAX_BYTES))


def check_cv_upload(upload: UploadedFile) -> None:
    """PDF only, size-capped, checked by its first bytes (not by its name or declared type)."""
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > cv_max_bytes():
        raise ValidationError(
            _("The file is larger than %(size)d MB.") % {"size": cv_max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(_("The file is not a PDF. Save your CV as PDF."), code="not_pdf")


def cv_path(cv: CVDocument) -> Path:
    return Path(settings.MEDIA_ROOT) / "cv" / cv.stored_name


def _safe_display_name(name: str) -> str:
    stem = Path(name or "cv.pdf").name
    cleaned = "".join(ch for ch in stem if ch.isalnum() or ch in " ._-()").strip() or "cv.pdf"
    if not cleaned.lower().endswith(".pdf"):
        cleaned += ".pdf"
    return cleaned[-150:]


@transaction.atomic
def store_cv(*, seeker: JobSeeker, actor: User, upload: UploadedFile) -> CVDocument:
    """Store a CV under a generated name outside the web root, replacing the previous one."""
    check_cv_upload(upload)
    directory = Path(settings.MEDIA_ROOT) / "cv"
    directory.mkdir(parents=True, exist_ok=True)
    stored_name = f"{uuid.uuid4().hex}.pdf"
    target = directory / stored_name
    with open(target, "xb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    old = CVDocument.objects.filter(seeker=seeker).first()
    if old is not None:
        old_path = cv_path(old)
        old.delete()
        transaction.on_commit(lambda: old_path.unlink(missing_ok=True))
    try:
        cv = CVDocument.objects.create(
            seeker=seeker,
            stored_name=stored_name,
            original_name=_safe_display_name(upload.name),
            size=upload.size,
        )
    except Exception:
        target.unlink(missing_ok=True)
        raise
    audit(actor=actor, action=Action.CREATE, obj=cv, seeker=seeker.pk)
    return cv


@transaction.atomic
def delete_cv(*, seeker: JobSeeker, actor: User) -> None:
    """Delete the seeker's CV and its file."""
    cv = CVDocument.objects.filter(seeker=seeker).first()
    if cv is None:
        return
    path = cv_path(cv)
    audit(actor=actor, action=Action.DELETE, obj=cv, seeker=seeker.pk)
    cv.delete()
    transaction.on_commit(lambda: path.unlink(missing_ok=True))


# --- "My data" -----------------------------------------------------------------------------------
def _iso(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


def processing_log(seeker: JobSeeker) -> QuerySet[AuditEvent]:
    """Audit events about the seeker's record, consents and CV, oldest first."""
    from django.db.models import Q

    condition = Q(object_type=JobSeeker._meta.label_lower, object_id=str(seeker.pk))
    consent_ids = [str(pk) for pk in seeker.consents.values_list("pk", flat=True)]
    if consent_ids:
        condition |= Q(object_type=Consent._meta.label_lower, object_id__in=consent_ids)
    condition |= Q(object_type=CVDocument._meta.label_lower, detail__seeker=seeker.pk)
    return AuditEvent.objects.filter(condition).select_related("actor").order_by("at", "pk")


def _actor_description(event: AuditEvent, seeker: JobSeeker) -> str:
    actor = event.actor
    if actor is None:
        return "system"
    if actor.pk == seeker.user_id:
        return "you"
    office = getattr(getattr(actor, "officer_profile", None), "office", None)
    return f"{actor.role} ({office.name})" if office else actor.role


@transaction.atomic
def export_seeker_data(*, seeker: JobSeeker, actor: User) -> dict[str, object]:
    """Everything held about the seeker, with the processing log (UU 27/2022 PDP Art. 32)."""
    seeker = JobSeeker.objects.select_related(
        "regency", "district", "education_level", "office", "user"
    ).get(pk=seeker.pk)
    profile = {
        field.name: _iso(getattr(seeker, field.attname))
        for field in JobSeeker._meta.concrete_fields
        if field.name not in {"user", "verified_by"}
    }
    profile["email"] = seeker.user.email if seeker.user else ""
    cv = CVDocument.objects.filter(seeker=seeker).first()
    data = {
        "exported_at": timezone.now().isoformat(),
        "profile": profile,
        "educations": [
            {
                "level": e.level_id,
                "level_name": e.level.name,
                "major": e.major,
                "school": e.school,
                "graduation_year": e.graduation_year,
            }
            for e in seeker.educations.select_related("level")
        ],
        "experiences": [
            {
                "job_title": x.job_title,
                "occupation": x.occupation.code if x.occupation else None,
                "employer_name": x.employer_name,
                "months": x.months,
                "start_year": x.start_year,
                "end_year": x.end_year,
            }
            for x in seeker.experiences.select_related("occupation")
        ],
        "skills": [
            {"uri": s.skill.uri, "label": s.skill.label}
            for s in seeker.skills.select_related("skill").order_by("pk")
        ],
        "preferred_occupations": [
            {"code": o.code, "title": o.title} for o in preferred_occupations(seeker)
        ],
        "consents": [
            {
                "version": c.version,
                "purpose": c.purpose,
                "language": c.language,
                "given_at": _iso(c.given_at),
                "withdrawn_at": _iso(c.withdrawn_at),
            }
            for c in seeker.consents.all()
        ],
        "cv": (
            {"file_name": cv.original_name, "size": cv.size, "uploaded_at": _iso(cv.uploaded_at)}
            if cv
            else None
        ),
        "ledger_events": [
            {"kind": e.kind, "occurred_on": _iso(e.occurred_on), "office": e.office_id}
            for e in ledger.history(seeker)
        ],
        "processing_log": [
            {
                "at": _iso(event.at),
                "action": event.action,
                "object_type": event.object_type,
                "by": _actor_description(event, seeker),
                "detail": event.detail,
            }
            for event in processing_log(seeker)
        ],
    }
    audit(actor=actor, action=Action.EXPORT, obj=seeker)
    return data


def preferred_occupations(seeker: JobSeeker) -> list[Occupation]:
    """The wanted occupations in the order the seeker gave them."""
    through = JobSeeker.preferred_occupations.through
    rows = through.objects.filter(jobseeker=seeker).select_related("occupation").order_by("pk")
    return [row.occupation for row in rows]

"""Certificates, training courses, driving licences and languages on the seeker's profile.

The rules of each row live here, so the registration step, the profile and the API check the same
things; every error names its field. What the rows mean for matching is in
placement/taxonomy/credentials.py. Expired certificates and licences are kept (the card lists
them) but flagged, and they do not count for a vacancy that requires them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobseekers.models import (
    CompetencyCertificate,
    DrivingLicence,
    JobSeeker,
    LanguageSkill,
    Training,
)
from jobseekers.services.rules import add_months
from jobseekers.signals import seeker_profile_changed
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, User
from placement.taxonomy.credentials import (
    LICENCE_VALID_YEARS,
    Language,
    LanguageLevel,
    LicenceClass,
    TrainingProvider,
    scheme_key,
)

Action = AuditEvent.Action
MAX_ROWS = 20  # of each kind per seeker
MAX_CERTIFICATE_YEARS = 10  # BNSP certificates run about three years; more is a typo
MAX_TRAINING_HOURS = 3000
KINDS = {
    "certificate": CompetencyCertificate,
    "training": Training,
    "licence": DrivingLicence,
    "language": LanguageSkill,
}
# The relation on JobSeeker of each kind.
RELATED = {
    "certificate": "certificates",
    "training": "trainings",
    "licence": "licences",
    "language": "languages",
}


def _fail(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError({field: [message] for field, message in errors.items()})


def _years_later(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def _check_count(seeker: JobSeeker, kind: str) -> None:
    if getattr(seeker, RELATED[kind]).count() >= MAX_ROWS:
        raise ValidationError(_("At most %(n)d rows of this kind.") % {"n": MAX_ROWS})


def check_certificate(
    seeker: JobSeeker | None,
    *,
    scheme: str,
    lsp: str,
    number: str,
    valid_from: date | None,
    valid_until: date | None,
    today: date | None = None,
) -> dict:
    """The cleaned fields of a BNSP certificate, or a ValidationError naming each bad field."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    scheme, lsp, number = scheme.strip(), lsp.strip(), " ".join(number.split())
    if not scheme_key(scheme):
        errors["scheme"] = _("Enter the certification scheme, as printed on the certificate.")
    if not lsp:
        errors["lsp"] = _("Enter the LSP that issued the certificate.")
    if not number:
        errors["number"] = _("Enter the certificate number.")
    elif seeker is not None and seeker.certificates.filter(number__iexact=number).exists():
        errors["number"] = _("A certificate with this number is already on your profile.")
    if valid_from is None:
        errors["valid_from"] = _("Enter the date the certificate was issued.")
    elif valid_from > today:
        errors["valid_from"] = _("The issue date cannot be in the future.")
    if valid_until is None:
        errors["valid_until"] = _("Enter the date the certificate is valid until.")
    elif valid_from is not None and valid_until <= valid_from:
        errors["valid_until"] = _("The end of validity must be after the issue date.")
    elif valid_from is not None and valid_until > _years_later(valid_from, MAX_CERTIFICATE_YEARS):
        errors["valid_until"] = _(
            "A competency certificate is not valid for more than %(n)d years."
        ) % {"n": MAX_CERTIFICATE_YEARS}
    _fail(errors)
    return {
        "scheme": scheme,
        "lsp": lsp,
        "number": number,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }


def check_training(
    *, course: str, provider_kind: str, institution: str, hours, year, today: date | None = None
) -> dict:
    """The cleaned fields of a training course."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    course, institution = course.strip(), institution.strip()
    if not course:
        errors["course"] = _("Enter the name of the course.")
    if provider_kind not in TrainingProvider.values:
        errors["provider_kind"] = _("Choose the kind of institution.")
    if not institution:
        errors["institution"] = _("Enter the institution, for example BLK Palangka Raya.")
    if hours is None or not 1 <= int(hours) <= MAX_TRAINING_HOURS:
        errors["hours"] = _("Enter the hours of the course (1 to %(n)d).") % {
            "n": MAX_TRAINING_HOURS
        }
    if year is None or not 1950 <= int(year) <= today.year:
        errors["year"] = _("Enter the year you finished the course (not in the future).")
    _fail(errors)
    return {
        "course": course,
        "provider_kind": provider_kind,
        "institution": institution,
        "hours": int(hours),
        "year": int(year),
    }


def check_licence(
    seeker: JobSeeker | None, *, licence_class: str, valid_until: date | None, today=None
) -> dict:
    """The cleaned fields of a driving licence (SIM): one per class, valid at most 5 years ahead."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if licence_class not in LicenceClass.values:
        errors["licence_class"] = _("Choose the class of the licence.")
    elif seeker is not None and seeker.licences.filter(licence_class=licence_class).exists():
        errors["licence_class"] = _("This class is already on your profile; remove it first.")
    if valid_until is None:
        errors["valid_until"] = _("Enter the date the licence is valid until.")
    elif valid_until > _years_later(today, LICENCE_VALID_YEARS):
        errors["valid_until"] = _(
            "A driving licence is valid for %(n)d years: check the date on the card."
        ) % {"n": LICENCE_VALID_YEARS}
    _fail(errors)
    return {"licence_class": licence_class, "valid_until": valid_until}


def check_language(seeker: JobSeeker | None, *, language: str, level, test: str = "") -> dict:
    """The cleaned fields of a language: one row per language."""
    errors: dict[str, str] = {}
    if language not in Language.values:
        errors["language"] = _("Choose the language.")
    elif seeker is not None and seeker.languages.filter(language=language).exists():
        errors["language"] = _("This language is already on your profile; remove it first.")
    if level is None or int(level) not in LanguageLevel.values:
        errors["level"] = _("Choose how well you speak it.")
    _fail(errors)
    return {"language": language, "level": int(level), "test": (test or "").strip()[:100]}


CHECKS = {
    "certificate": lambda seeker, data: check_certificate(seeker, **data),
    "training": lambda seeker, data: check_training(**data),
    "licence": lambda seeker, data: check_licence(seeker, **data),
    "language": lambda seeker, data: check_language(seeker, **data),
}


def _changed(seeker: JobSeeker, actor: User, kind: str) -> None:
    audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=[RELATED[kind]])
    # A licence, language or certificate opens vacancies: the matching rescores (its hooks).
    seeker_profile_changed.send(sender=JobSeeker, seeker=seeker, fields=frozenset({RELATED[kind]}))


@transaction.atomic
def add_credential(*, seeker: JobSeeker, actor: User, kind: str, **fields: object):
    """Add one certificate, course, licence or language row after checking it."""
    if kind not in KINDS:
        raise ValidationError(_("Unknown kind of row."))
    JobSeeker.objects.select_for_update().filter(pk=seeker.pk).first()  # one writer per seeker
    _check_count(seeker, kind)
    row = KINDS[kind].objects.create(seeker=seeker, **CHECKS[kind](seeker, fields))
    _changed(seeker, actor, kind)
    return row


@transaction.atomic
def remove_credential(*, seeker: JobSeeker, actor: User, kind: str, row_id: int) -> None:
    """Remove one of the seeker's rows (another seeker's row is not found)."""
    if kind not in KINDS:
        return
    deleted, _rows = KINDS[kind].objects.filter(seeker=seeker, pk=row_id).delete()
    if deleted:
        _changed(seeker, actor, kind)


@transaction.atomic
def replace_credentials(*, seeker: JobSeeker, actor: User, rows: dict[str, Sequence[dict]]) -> None:
    """Replace every row of the kinds given (the API's nested lists); all checked or none saved."""
    JobSeeker.objects.select_for_update().filter(pk=seeker.pk).first()
    errors: dict[str, list] = {}
    cleaned: dict[str, list[dict]] = {}
    for kind, items in rows.items():
        if kind not in KINDS:
            continue
        if len(items) > MAX_ROWS:
            errors[RELATED[kind]] = [_("At most %(n)d rows of this kind.") % {"n": MAX_ROWS}]
            continue
        cleaned[kind] = []
        keys = set()
        for index, item in enumerate(items):
            try:
                data = CHECKS[kind](None, item)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    errors[f"{RELATED[kind]}[{index}].{field}"] = messages
                continue
            key = {
                "certificate": data.get("number", "").casefold(),
                "licence": data.get("licence_class"),
                "language": data.get("language"),
            }.get(kind)
            if key is not None and key in keys:
                errors[f"{RELATED[kind]}[{index}]"] = [_("This row is given twice.")]
            keys.add(key)
            cleaned[kind].append(data)
    if errors:
        raise ValidationError(errors)
    for kind, items in cleaned.items():
        KINDS[kind].objects.filter(seeker=seeker).delete()
        for data in items:
            KINDS[kind].objects.create(seeker=seeker, **data)  # save() sets the scheme key
        _changed(seeker, actor, kind)

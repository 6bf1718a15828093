"""Shared rules of the seeker services: field-level permissions, dates, messages."""

from __future__ import annotations

import calendar
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.models import JobSeeker

# --- Field-level rules: what each actor may set ------------------------------------------------
# The fields of the registration steps, in the order asked (jobseekers.views.STEPS names them).
IDENTITY_FIELDS = (
    "full_name",
    "nik",
    "birth_place",
    "birth_date",
    "sex",
    "identity_note",
    "marital_status",
    "religion",
)
CONTACT_FIELDS = (
    "address",
    "regency",
    "district",
    "postcode",
    "phone",
    "ktp_address",
    "ktp_regency",
)
PREFERENCE_FIELDS = ("preferred_occupations", "expected_wage", "relocation")
PROFILE_FIELDS = frozenset(
    {
        *IDENTITY_FIELDS,
        *CONTACT_FIELDS,
        *PREFERENCE_FIELDS,
        "skills",
        "category",
        "has_disability",
        "disability_note",
    }
)
# The identity an officer checked against the KTP: after verification only an officer changes it.
VERIFIED_IDENTITY = frozenset(
    {"full_name", "nik", "birth_place", "birth_date", "sex", "identity_note"}
)
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


def rules() -> dict:
    return settings.ANTARKERJA


def validity_months() -> int:
    # AK/I is valid for two years (Permenaker 39/2016).
    return int(rules()["CARD_VALIDITY_MONTHS"])


def report_interval_months() -> int:
    # An unemployed holder reports at least every six months (Permenaker 39/2016).
    return int(rules()["REPORT_INTERVAL_MONTHS"])


def today_or(on: date | None) -> date:
    return on or timezone.localdate()


def locked(seeker: JobSeeker) -> JobSeeker:
    """The seeker row, locked for the rest of the transaction."""
    return (
        JobSeeker.objects.select_for_update(of=("self",))
        .select_related("regency", "office", "education_level", "user")
        .get(pk=seeker.pk)
    )

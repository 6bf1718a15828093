"""Sex and date of birth as the NIK gives them, confirmed by the person (or corrected from the
KTP with a reason). The one rule the online identity step, the counter form, the counter API and
the walk-in service apply (DOMAIN.md section 3: the NIK is permanent; a KTP that disagrees is
recorded with why)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.nik import parse_nik
from jobseekers.services.rules import ServiceError

# Permenaker 39/2016: job seekers are of working age, 15 years and over.
MIN_AGE = 15


def derived_identity(nik: str) -> tuple[str, date]:
    """Sex and date of birth as the NIK gives them (raises ValidationError on a bad NIK)."""
    parsed = parse_nik(nik)
    return parsed.sex, parsed.birth_date


def confirmed_identity(
    *,
    nik: str,
    confirmed: bool,
    stated_sex: str = "",
    stated_birth_date: date | None = None,
    note: str = "",
    today: date | None = None,
) -> tuple[str, date, str]:
    """The sex and birth date to store (the NIK's, or the KTP's with a reason when the person
    and the KTP disagree with the NIK) and that reason; errors name the field. The one rule the
    counter form and the service both apply."""
    today = today or timezone.localdate()
    note = (note or "").strip()
    try:
        nik_sex, nik_born = derived_identity(nik)
    except ValidationError as error:
        raise ServiceError({"nik": error.messages}) from None
    if confirmed:
        sex, born, note = nik_sex, nik_born, ""
    else:
        errors: dict[str, list] = {}
        if not note:
            errors["identity_note"] = [_("Say why the KTP or the person differs from the NIK.")]
        if not stated_sex:
            errors["stated_sex"] = [_("Choose the sex the KTP gives.")]
        if stated_birth_date is None:
            errors["stated_birth_date"] = [_("Enter the date of birth the KTP gives.")]
        if not errors and stated_sex == nik_sex and stated_birth_date == nik_born:
            errors["identity_confirmed"] = [
                _("These agree with the NIK: choose that the NIK is right.")
            ]
        if errors:
            raise ServiceError(errors)
        sex, born = stated_sex, stated_birth_date
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if born > today or age < MIN_AGE:
        field = "nik" if confirmed else "stated_birth_date"
        raise ServiceError(
            {field: [_("A job seeker must be at least 15 years old (this person is younger).")]}
        )
    return sex, born, note

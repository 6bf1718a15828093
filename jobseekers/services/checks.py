"""Soft checks for the officer: NIK warnings and possible duplicates."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jobseekers.models import JobSeeker
from jobseekers.nik import parse_nik
from placement.taxonomy.models import District, Regency, Sex


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
    if seeker.duplicate_of_id is not None:
        warnings.append({"code": "nik_duplicate", "holder": str(seeker.duplicate_of_id)})
    if seeker.sex and seeker.sex != parsed.sex:
        warnings.append({"code": "nik_sex", "nik_sex": parsed.sex})
    if seeker.birth_date and seeker.birth_date != parsed.birth_date:
        warnings.append({"code": "nik_birth_date", "nik_birth_date": parsed.birth_date.isoformat()})
    if not District.objects.filter(code=parsed.district_code).exists():
        warnings.append({"code": "nik_region_unknown", "nik_region": parsed.district_code})
    if seeker.identity_note:
        warnings.append({"code": "identity_note"})
    warnings += domicile_warnings(seeker)
    return warnings


def domicile_warnings(seeker: JobSeeker) -> list[dict[str, str]]:
    """Registration outside the domicile: the KTP's regency differs from where the person lives
    (and registers). Allowed, the service is national (DOMAIN.md section 1), but the officer sees
    it. The NIK's region is the place of first registration, not the domicile: never used here."""
    if seeker.ktp_regency_id and seeker.regency_id and seeker.ktp_regency_id != seeker.regency_id:
        return [{"code": "domicile_elsewhere", "ktp_regency": seeker.ktp_regency_id}]
    return []


def warning_messages(seeker: JobSeeker) -> list[str]:
    """The stored warnings as sentences for the officer."""
    messages = []
    names = dict(
        Regency.objects.filter(
            code__in=[w.get("ktp_regency") for w in seeker.warnings if w.get("ktp_regency")]
        ).values_list("code", "name")
    )
    for warning in seeker.warnings:
        code = warning.get("code")
        if code == "nik_sex":
            sex = Sex(warning["nik_sex"]).label
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
        elif code == "domicile_elsewhere" and warning.get("ktp_regency"):
            region = warning["ktp_regency"]
            messages.append(
                _(
                    "Registration outside the KTP domicile: the KTP gives %(region)s; the person "
                    "lives and registers here (allowed, the service is national)."
                )
                % {"region": names.get(region, region)}
            )
        elif code == "identity_note":
            messages.append(
                _("Sex or date of birth differ from the NIK: %(reason)s")
                % {"reason": seeker.identity_note}
            )
        elif code == "nik_duplicate":
            messages.append(
                _(
                    "Another registration already holds this NIK. Check the KTP: keep the "
                    "genuine holder's record and reject or correct this one."
                )
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

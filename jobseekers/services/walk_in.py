"""Walk-in registration at the Disnaker counter: the officer enters the online steps' answers on
one page for a person with a KTP in hand (e-mail and phone optional); the record goes to
verification at once and the person gets a one-time code to claim an online account later. The
ledger event comes at verification (`seeker_registered`), as for an online registration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from jobseekers.models import Education, JobSeeker
from jobseekers.nik import parse_nik
from jobseekers.services.checks import normalise_name
from jobseekers.services.claims import send_claim_code, set_claim_code
from jobseekers.services.desk import check_documents, log_desk_change, send_for_verification
from jobseekers.services.identity import confirmed_identity
from jobseekers.services.lifecycle import _office_of
from jobseekers.services.registration import (
    _holder_of,
    _refresh_derived,
    _set_preferred_occupations,
    give_consent,
)
from jobseekers.services.rules import EMAIL_TAKEN, NIK_TAKEN, ServiceError
from placement.accounts.audit import Via
from placement.accounts.models import AuditEvent, User
from placement.accounts.scope import region_scope


@dataclass(frozen=True)
class WalkIn:
    """What the officer enters at the counter (the same answers as the online steps)."""

    full_name: str
    nik: str
    birth_place: str
    marital_status: str
    religion: str
    ktp_address: str
    ktp_regency: object
    address: str
    regency: object
    district: object | None
    category: str
    education: dict
    preferred_occupations: tuple = ()
    documents: tuple[str, ...] = ()
    # The person and the KTP agree with the sex and date of birth the NIK gives...
    identity_confirmed: bool = True
    # ...or not: what the KTP says instead, and why (the NIK is permanent, DOMAIN.md section 3).
    stated_sex: str = ""
    stated_birth_date: date | None = None
    identity_note: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    relocation: str = JobSeeker.Relocation.REGENCY
    consent_version: str = ""


@transaction.atomic
def register_walk_in(*, officer: User, entry: WalkIn, via: Via = "web") -> tuple[JobSeeker, str]:
    """Register a person at the counter (KTP in hand, e-mail and phone optional): the record is
    sent for verification at once. Returns the record and the one-time claim code (shown once,
    printed on the slip; stored only as a hash)."""
    office = _office_of(officer)
    sex, born, note = confirmed_identity(
        nik=entry.nik,
        confirmed=entry.identity_confirmed,
        stated_sex=entry.stated_sex,
        stated_birth_date=entry.stated_birth_date,
        note=entry.identity_note,
    )
    nik = parse_nik(entry.nik).nik
    errors: dict[str, list] = {}
    if not region_scope(officer).contains_regency(entry.regency.pk):
        errors["regency"] = [
            _(
                "The person lives outside your office's region: they register at the office "
                "where they live or where their KTP is."
            )
        ]
    if entry.district is not None and entry.district.regency_id != entry.regency.pk:
        errors["district"] = [_("Choose a district of the chosen regency/city.")]
    email = entry.email.strip().lower()
    if email and User.objects.filter(email__iexact=email).exists():
        errors["email"] = [EMAIL_TAKEN]
    if errors:
        raise ServiceError(errors)
    documents = check_documents(entry.documents)
    seeker = JobSeeker(
        channel=JobSeeker.Channel.COUNTER,
        registered_by=officer,
        full_name=normalise_name(entry.full_name),
        birth_place=entry.birth_place.strip(),
        birth_date=born,
        sex=sex,
        identity_note=note,
        marital_status=entry.marital_status,
        religion=entry.religion,
        ktp_address=entry.ktp_address.strip(),
        ktp_regency=entry.ktp_regency,
        address=entry.address.strip(),
        regency=entry.regency,
        district=entry.district,
        postcode=entry.postcode,
        phone=entry.phone,
        category=entry.category,
        relocation=entry.relocation,
        documents_seen=documents,
        steps_done=["identity", "contact", "education", "preferences", "category"],
    )
    if _holder_of(nik, seeker) is not None:
        raise ServiceError({"nik": [NIK_TAKEN]})
    seeker.nik = nik
    code = set_claim_code(seeker)
    seeker.save()
    Education.objects.create(seeker=seeker, **entry.education)
    _refresh_derived(seeker)
    _set_preferred_occupations(seeker, list(entry.preferred_occupations))
    send_for_verification(seeker)
    give_consent(seeker=seeker, actor=officer, version=entry.consent_version)
    audit_only = {"documents": documents, "office": office.code}
    log_desk_change(
        officer, seeker, "registered_at_counter", via, audit_only, action=AuditEvent.Action.CREATE
    )
    if email:
        transaction.on_commit(lambda: send_claim_code(email, seeker.full_name, code))
    return seeker, code

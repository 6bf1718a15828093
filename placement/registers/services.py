"""Writing the registers: each change keeps a history row and an audit entry.

The job-order checks used by vacancy publication, referrals and placements live here too, so every
door (web, API, import, demo) applies the same rule: work abroad is offered only under a valid
SIP2MI of an active P3MI, for that country and occupation, while the quota lasts (UU 18/2017).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.registers.models import (
    Agency,
    Bkk,
    JobOrder,
    LicenceStatus,
    Lptks,
    RegisterChange,
)

REGISTER_OF = {
    Agency: RegisterChange.Register.AGENCY,
    JobOrder: RegisterChange.Register.JOB_ORDER,
    Bkk: RegisterChange.Register.BKK,
    Lptks: RegisterChange.Register.LPTKS,
}


class RegisterRefused(Exception):
    """A register change the rules do not allow; the message is for the officer."""


def _note(obj: Model, event: str, *, by: User | None, status: str = "", reason: str = "") -> None:
    RegisterChange.objects.create(
        register=REGISTER_OF[type(obj)],
        object_id=obj.pk,
        event=event,
        status=status,
        reason=reason[:255],
        changed_by=by if by is not None and by.is_authenticated else None,
    )
    audit(actor=by, action="create" if event == "registered" else "change", obj=obj, event=event)


def history(obj: Model):
    """The history rows of a register entry, newest first."""
    return RegisterChange.objects.filter(register=REGISTER_OF[type(obj)], object_id=obj.pk)


def normalise_number(value: str) -> str:
    """Register numbers are compared without case and surrounding spaces."""
    return " ".join((value or "").split()).upper()


@transaction.atomic
def register_entry(*, model: type[Model], fields: dict, by: User | None) -> Model:
    """Add one entry to a register (P3MI, SIP2MI, BKK or LPTKS)."""
    for name in ("licence_number", "number", "registration_number"):
        if name in fields:
            fields[name] = normalise_number(fields[name])
            if model.objects.filter(**{f"{name}__iexact": fields[name]}).exists():
                raise RegisterRefused(
                    _("Number %(number)s is already in the register.") % {"number": fields[name]}
                )
    if model is JobOrder:
        if fields["valid_to"] < fields["valid_from"]:
            raise RegisterRefused(_("The end date must be on or after the start date."))
        if not fields.get("quota"):
            raise RegisterRefused(_("The quota must be at least 1."))
    obj = model.objects.create(**fields)
    _note(obj, "registered", by=by, status=getattr(obj, "status", ""))
    return obj


@transaction.atomic
def update_entry(*, obj: Model, fields: dict, by: User) -> Model:
    """Correct an entry's details (not its status: see change_status)."""
    changed = []
    for name, value in fields.items():
        if name in ("status", "is_active", "quota_used", "id"):
            continue
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    if changed:
        obj.save(update_fields=[*changed, "updated_at"])
        _note(obj, "changed", by=by, reason=", ".join(sorted(changed)))
    return obj


@transaction.atomic
def change_status(*, obj: Model, status: str, by: User | None, reason: str = "") -> Model:
    """Suspend, revoke or reactivate an agency or a job order; (de)activate a BKK.

    A BKK takes "active" or "revoked" (its tanda daftar lapses when it stops operating).
    """
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if status not in LicenceStatus.values:
        raise RegisterRefused(_("Unknown status."))
    if status != LicenceStatus.ACTIVE and not reason.strip():
        raise RegisterRefused(_("Give the reason for the change."))
    if isinstance(obj, Bkk):
        obj.is_active = status == LicenceStatus.ACTIVE
        fields = ["is_active"]
    else:
        if obj.status == status:
            raise RegisterRefused(_("The status is already %(status)s.") % {"status": status})
        obj.status = status
        fields = ["status"]
    obj.status_reason = reason.strip()[:255]
    obj.save(update_fields=[*fields, "status_reason", "updated_at"])
    _note(obj, "status", by=by, status=status, reason=reason)
    return obj


@transaction.atomic
def record_bkk_placements(*, bkk: Bkk, count: int, by: User) -> Bkk:
    """A BKK reports how many of its alumni it placed."""
    if count < 1:
        raise RegisterRefused(_("Report at least one placement."))
    Bkk.objects.filter(pk=bkk.pk).update(placements_reported=F("placements_reported") + count)
    bkk.refresh_from_db()
    _note(bkk, "placements", by=by, reason=str(count))
    return bkk


# --- Job orders and overseas vacancies -----------------------------------------------------------


def find_job_order(number: str) -> JobOrder | None:
    number = normalise_number(number)
    if not number:
        return None
    return JobOrder.objects.select_related("agency", "occupation").filter(number=number).first()


def same_country(a: str, b: str) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def same_occupation(job_order_code: str, vacancy_code: str) -> bool:
    """The vacancy's KBJI code falls under the job order's (same 4-digit unit group)."""
    return bool(vacancy_code) and vacancy_code[:4] == job_order_code[:4]


def job_order_problems(
    *,
    number: str,
    country: str,
    occupation_code: str,
    today: date | None = None,
    places_needed: int = 1,
) -> dict[str, str]:
    """Why a vacancy abroad cannot be offered under SIP2MI `number` ({} when it can)."""
    today = today or timezone.localdate()
    job_order = find_job_order(number)
    if job_order is None:
        return {
            "job_order_number": _(
                "SIP2MI %(number)s is not in the register: work abroad may only be offered with "
                "a SIP2MI issued to a licensed P3MI."
            )
            % {"number": number or "—"}
        }
    return job_order_fit(
        job_order,
        country=country,
        occupation_code=occupation_code,
        today=today,
        places_needed=places_needed,
    )


def job_order_fit(
    job_order: JobOrder,
    *,
    country: str,
    occupation_code: str,
    today: date,
    places_needed: int = 1,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    agency = job_order.agency
    if agency.status != LicenceStatus.ACTIVE:
        problems["job_order_number"] = _(
            "The licence of %(agency)s is %(status)s: it may not recruit."
        ) % {"agency": agency.name, "status": agency.get_status_display().lower()}
    elif not agency.is_valid_on(today):
        problems["job_order_number"] = _("The licence of %(agency)s expired on %(date)s.") % {
            "agency": agency.name,
            "date": agency.licence_valid_to.strftime("%d-%m-%Y"),
        }
    elif job_order.status != LicenceStatus.ACTIVE:
        problems["job_order_number"] = _("SIP2MI %(number)s is %(status)s.") % {
            "number": job_order.number,
            "status": job_order.get_status_display().lower(),
        }
    elif not job_order.valid_from <= today <= job_order.valid_to:
        problems["job_order_number"] = _(
            "SIP2MI %(number)s is valid only from %(start)s to %(end)s."
        ) % {
            "number": job_order.number,
            "start": job_order.valid_from.strftime("%d-%m-%Y"),
            "end": job_order.valid_to.strftime("%d-%m-%Y"),
        }
    elif job_order.places_left < places_needed:
        problems["job_order_number"] = _(
            "The quota of SIP2MI %(number)s is used up (%(used)s of %(quota)s)."
        ) % {"number": job_order.number, "used": job_order.quota_used, "quota": job_order.quota}
    if country and not same_country(country, job_order.country):
        problems["country"] = _("SIP2MI %(number)s is for %(country)s, not this country.") % {
            "number": job_order.number,
            "country": job_order.country,
        }
    if occupation_code and not same_occupation(job_order.occupation.code, occupation_code):
        problems["occupation"] = _(
            "SIP2MI %(number)s is for the occupation %(occupation)s, not this one."
        ) % {"number": job_order.number, "occupation": job_order.occupation}
    return problems


@transaction.atomic
def use_job_order_place(*, job_order: JobOrder, by: User | None, reason: str = "") -> JobOrder:
    """Count one placement against the job order's quota; refuses when it is used up."""
    updated = JobOrder.objects.filter(pk=job_order.pk, quota_used__lt=F("quota")).update(
        quota_used=F("quota_used") + 1, updated_at=timezone.now()
    )
    job_order.refresh_from_db()
    if not updated:
        raise RegisterRefused(
            _("The quota of SIP2MI %(number)s is used up (%(quota)s placements).")
            % {"number": job_order.number, "quota": job_order.quota}
        )
    _note(job_order, "quota_used", by=by, reason=reason or str(job_order.quota_used))
    return job_order

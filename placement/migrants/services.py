"""CPMI checklist and non-procedural cases: each change is one function with its audit entry."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.accounts.scope import region_scope
from placement.migrants.models import (
    Case,
    CpmiItem,
    CpmiItemKind,
    CpmiRecord,
    phone_digits,
)
from placement.migrants.rules import is_minor

DOCUMENT_MAX_BYTES = 5 * 1024 * 1024
DOCUMENT_TYPES = {b"%PDF-": ".pdf", b"\xff\xd8\xff": ".jpg", b"\x89PNG\r\n\x1a\n": ".png"}
CASE_FIELDS = (
    "kind",
    "status",
    "reported_on",
    "regency",
    "summary",
    "agency",
    "agency_name",
    "phone",
    "job_order_number",
    "people",
    "country",
    "follow_up",
    "outcome",
    "reporter_contact",
)


class MigrantRefused(Exception):
    """A CPMI or case change the rules do not allow; the message is for the user."""


# --- CPMI ------------------------------------------------------------------------------------


def document_suffix(upload: UploadedFile) -> str:
    """'.pdf', '.jpg' or '.png' from the file's first bytes; refuses anything else."""
    if not upload.size or upload.size > DOCUMENT_MAX_BYTES:
        raise MigrantRefused(_("Upload a PDF, JPEG or PNG file of at most 5 MB."))
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    for magic, suffix in DOCUMENT_TYPES.items():
        if head.startswith(magic):
            return suffix
    raise MigrantRefused(_("Upload a PDF, JPEG or PNG file of at most 5 MB."))


def document_path(item: CpmiItem) -> Path:
    return Path(settings.MEDIA_ROOT) / "cpmi" / item.stored_name


def store_document(upload: UploadedFile, folder: str = "cpmi") -> tuple[str, str]:
    """Store a PDF/JPEG/PNG under a generated name in MEDIA_ROOT/<folder>: (stored, original)."""
    suffix = document_suffix(upload)
    directory = Path(settings.MEDIA_ROOT) / folder
    directory.mkdir(parents=True, exist_ok=True)
    stored_name = f"{uuid.uuid4().hex}{suffix}"
    with open(directory / stored_name, "xb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    original = "".join(ch for ch in Path(upload.name or "").name if ch.isalnum() or ch in "._- ")
    return stored_name, (original or f"dokumen{suffix}")[-150:]


@transaction.atomic
def check_cpmi_item(
    *,
    seeker,
    kind: str,
    done_on: date,
    by: User,
    reference: str = "",
    upload: UploadedFile | None = None,
    note: str = "",
    country: str = "",
) -> CpmiItem:
    """An officer checks one requirement of a prospective migrant worker (with its document)."""
    if kind not in CpmiItemKind.values:
        raise MigrantRefused(_("Unknown requirement."))
    if is_minor(seeker):
        raise MigrantRefused(
            _("A prospective migrant worker must be at least 18 years old (UU 18/2017).")
        )
    if done_on > timezone.localdate():
        raise MigrantRefused(_("The date cannot be in the future."))
    record, created = CpmiRecord.objects.select_for_update().get_or_create(
        seeker=seeker, defaults={"opened_by": by, "destination_country": country.strip()}
    )
    if created:
        audit(actor=by, action="create", obj=record, seeker=seeker.pk)
    elif country.strip() and record.destination_country != country.strip():
        record.destination_country = country.strip()[:100]
        record.save(update_fields=["destination_country"])
    stored_name, original_name = store_document(upload) if upload is not None else ("", "")
    item = CpmiItem.objects.filter(record=record, kind=kind).first()
    old_file = document_path(item) if item is not None and item.stored_name else None
    if item is None:
        item = CpmiItem(record=record, kind=kind)
    item.done_on = done_on
    item.reference = reference.strip()[:100]
    item.note = note.strip()[:255]
    item.checked_by = by
    item.checked_at = timezone.now()
    if stored_name:
        item.stored_name, item.original_name = stored_name, original_name
        if old_file is not None:
            transaction.on_commit(lambda: old_file.unlink(missing_ok=True))
    item.save()
    done = set(record.items.values_list("kind", flat=True))
    complete = done >= set(CpmiItemKind.values)
    if complete != record.is_complete:
        record.completed_at = timezone.now() if complete else None
        record.save(update_fields=["completed_at"])
    audit(actor=by, action="change", obj=record, event="cpmi_item_checked", item=kind)
    return item


def cpmi_missing(seeker) -> list[str]:
    """The labels of the requirements not checked yet (all of them without a record)."""
    done = set(CpmiItem.objects.filter(record__seeker=seeker).values_list("kind", flat=True))
    return [label for value, label in CpmiItemKind.choices if value not in done]


def is_cpmi_complete(seeker) -> bool:
    return CpmiRecord.objects.filter(seeker=seeker, completed_at__isnull=False).exists()


def card_marks(seeker) -> list[str]:
    """Marks the AK/I card prints for the seeker: "CPMI" for a prospective migrant worker."""
    return ["CPMI"] if CpmiRecord.objects.filter(seeker=seeker).exists() else []


# --- Cases -----------------------------------------------------------------------------------


def _clean_case_fields(fields: dict) -> dict:
    values = {name: fields[name] for name in CASE_FIELDS if name in fields}
    for name in ("agency_name", "phone", "job_order_number", "country", "reporter_contact"):
        if name in values:
            values[name] = (values[name] or "").strip()
    if "phone" in values:
        values["phone_digits"] = phone_digits(values["phone"])
    return values


@transaction.atomic
def open_case(*, fields: dict, by: User | None, from_public: bool = False) -> Case:
    """Record a report of non-procedural placement (an officer, or a person through the site)."""
    values = _clean_case_fields(fields)
    if from_public:
        values["status"] = Case.Status.NEW
    if by is not None and not from_public:
        regency = values.get("regency")
        if regency is None or not region_scope(by).contains_regency(regency.code):
            raise MigrantRefused(_("Choose a regency/city of your region."))
    if values.get("agency") is not None and not values.get("agency_name"):
        values["agency_name"] = values["agency"].name
    case = Case.objects.create(
        **values, from_public=from_public, created_by=by if not from_public else None
    )
    audit(actor=by if not from_public else None, action="create", obj=case, kind=case.kind)
    return case


@transaction.atomic
def update_case(*, case: Case, fields: dict, by: User) -> Case:
    """Write the follow-up, the outcome or a correction of a case."""
    values = _clean_case_fields(fields)
    changed = []
    for name, value in values.items():
        if getattr(case, name) != value:
            setattr(case, name, value)
            changed.append(name)
    if changed:
        case.save(update_fields=[*changed, "updated_at"])
        audit(actor=by, action="change", obj=case, fields=sorted(changed))
    return case


def related_cases(*, agency_names=(), agency_ids=(), phones=()) -> list[Case]:
    """Past cases about the same agency (name or register entry) or the same phone number."""
    condition = Q(pk__in=[])
    for name in {n.strip() for n in agency_names if n and n.strip()}:
        condition |= Q(agency_name__iexact=name)
    ids = [pk for pk in agency_ids if pk]
    if ids:
        condition |= Q(agency_id__in=ids)
    digits = {phone_digits(p) for p in phones if p and len(phone_digits(p)) >= 8}
    if digits:
        condition |= Q(phone_digits__in=digits)
    return list(Case.objects.filter(condition).order_by("-reported_on")[:10])


def case_counts(user, *, since: date) -> list[dict]:
    """Cases per regency and month since `since`, in the user's region: for the dashboard and
    the report (rows: regency code and name, month, kind, count)."""
    rows = (
        Case.objects.visible_to(user)
        .filter(reported_on__gte=since)
        .annotate(month=TruncMonth("reported_on"))
        .values("regency_id", "regency__name", "month", "kind")
        .annotate(n=Count("id"))
        .order_by("regency_id", "month", "kind")
    )
    return list(rows)

"""The retention job (UU 27/2022 PDP Art. 16(2)(h), 43): personal data is kept only as long as
the service needs it. Periods are in settings.PRIVACY_RETENTION:

- FILES_AFTER_REMOVAL_YEARS: the CV, card photo, document copies (KTP, ijazah...) and CPMI
  documents of a registration removed that long ago (and not reactivated) are deleted;
- ANONYMISE_AFTER_REMOVAL_YEARS: such a person is anonymised (anonymise.py; the ledger and the IPK
  tables keep their counts);
- READ_AUDIT_YEARS: read entries of the audit trail ("viewed") are deleted (the database refuses
  entries younger than one year; records of changes are kept).

Idempotent: a second run finds nothing left to do. `dry_run` reports what would go and changes
nothing. Each real run leaves one audit entry with its counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from jobseekers import services as seeker_services
from jobseekers.models import CVDocument, JobSeeker, SeekerDocument, SeekerPhoto
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent
from placement.migrants.models import CpmiItem
from placement.migrants.services import document_path
from placement.privacy.anonymise import anonymise_seeker

BATCH = 500


@dataclass
class RetentionReport:
    on: date
    dry_run: bool
    files_seekers: list[int] = field(default_factory=list)
    files: int = 0
    anonymised: list[int] = field(default_factory=list)
    read_audit_rows: int = 0

    def lines(self) -> list[str]:
        verb = "would" if self.dry_run else "did"
        return [
            f"retention on {self.on.isoformat()} ({'dry run' if self.dry_run else 'applied'}):",
            f"  files: {verb} delete {self.files} file(s) of {len(self.files_seekers)} removed "
            f"seeker(s) {_sample(self.files_seekers)}",
            f"  anonymise: {verb} anonymise {len(self.anonymised)} removed seeker(s) "
            f"{_sample(self.anonymised)}",
            f"  read audit: {verb} delete {self.read_audit_rows} read entr(y/ies)",
        ]


def _sample(ids: list[int]) -> str:
    shown = ", ".join(str(pk) for pk in ids[:20])
    return f"[{shown}{', ...' if len(ids) > 20 else ''}]"


def periods() -> dict[str, int]:
    values = getattr(settings, "PRIVACY_RETENTION", {})
    return {
        "files": int(values.get("FILES_AFTER_REMOVAL_YEARS", 2)),
        "anonymise": int(values.get("ANONYMISE_AFTER_REMOVAL_YEARS", 5)),
        # The database keeps every read entry for a year at least (accounts migration 0005).
        "read_audit": max(1, int(values.get("READ_AUDIT_YEARS", 2))),
    }


def years_before(day: date, years: int) -> date:
    return seeker_services.add_months(day, -12 * years)


def _removed_before(day: date):
    return JobSeeker.objects.filter(
        status=JobSeeker.Status.REMOVED, removed_on__lt=day, anonymised_on__isnull=True
    )


def apply_retention(*, on: date | None = None, dry_run: bool = False) -> RetentionReport:
    on = on or timezone.localdate()
    keep = periods()
    report = RetentionReport(on=on, dry_run=dry_run)

    # 1. Files of registrations removed long ago (the person may still be anonymised later).
    has_files = (
        Exists(CVDocument.objects.filter(seeker=OuterRef("pk")))
        | Exists(SeekerPhoto.objects.filter(seeker=OuterRef("pk")))
        | Exists(SeekerDocument.objects.filter(seeker=OuterRef("pk")))
        | Exists(CpmiItem.objects.filter(record__seeker=OuterRef("pk")).exclude(stored_name=""))
    )
    for seeker in _removed_before(years_before(on, keep["files"])).filter(has_files).order_by("pk"):
        report.files_seekers.append(seeker.pk)
        report.files += _delete_files(seeker, dry_run=dry_run)

    # 2. People whose registration ended long ago.
    stale = _removed_before(years_before(on, keep["anonymise"])).order_by("pk")
    report.anonymised = list(stale.values_list("pk", flat=True))
    if not dry_run:
        for seeker in stale.iterator(chunk_size=BATCH):
            anonymise_seeker(
                seeker=seeker,
                actor=None,
                reason=JobSeeker.RemovalReason.RETENTION,
                on=on,
                via="task",
            )

    # 3. Old read entries of the audit trail.
    cutoff = timezone.make_aware(datetime.combine(years_before(on, keep["read_audit"]), time()))
    old_reads = AuditEvent.objects.filter(action=AuditEvent.Action.VIEW, at__lt=cutoff)
    if dry_run:
        report.read_audit_rows = old_reads.count()
    else:
        while True:
            ids = list(old_reads.order_by("pk").values_list("pk", flat=True)[:5000])
            if not ids:
                break
            AuditEvent.objects.filter(pk__in=ids).delete()
            report.read_audit_rows += len(ids)

    if not dry_run and (report.files or report.anonymised or report.read_audit_rows):
        audit(
            actor=None,
            action=AuditEvent.Action.DELETE,
            object_type="privacy.retention",
            on=on.isoformat(),
            files=report.files,
            file_seekers=len(report.files_seekers),
            anonymised=len(report.anonymised),
            read_audit_rows=report.read_audit_rows,
            periods=keep,
            via="task",
        )
    return report


def _delete_files(seeker: JobSeeker, *, dry_run: bool) -> int:
    items = list(CpmiItem.objects.filter(record__seeker=seeker).exclude(stored_name=""))
    cpmi_paths = [document_path(i) for i in items]
    if dry_run:
        return len(seeker_services.seeker_file_paths(seeker)) + len(cpmi_paths)
    with transaction.atomic():
        # The CV, the card photo and the document copies.
        paths = seeker_services.delete_seeker_files(seeker) + cpmi_paths
        CpmiItem.objects.filter(pk__in=[i.pk for i in items]).update(
            stored_name="", original_name=""
        )
        audit(
            actor=None,
            action=AuditEvent.Action.DELETE,
            obj=seeker,
            event="files_deleted",
            reason="retention",
            files=len(paths),
            via="task",
        )
        transaction.on_commit(lambda: [path.unlink(missing_ok=True) for path in paths])
    return len(paths)

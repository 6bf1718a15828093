"""The seeker's data export ("my data"), with the processing log (UU 27/2022 PDP Art. 32)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from jobseekers.models import Consent, CVDocument, JobSeeker, SeekerDocument
from jobseekers.services.registration import preferred_occupations
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, User
from placement.ledger import services as ledger

Action = AuditEvent.Action


# --- "My data" -----------------------------------------------------------------------------------
def _iso(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


def processing_log(seeker: JobSeeker) -> QuerySet[AuditEvent]:
    """Audit events about the seeker's record, consents and CV, oldest first."""

    condition = Q(object_type=JobSeeker._meta.label_lower, object_id=str(seeker.pk))
    consent_ids = [str(pk) for pk in seeker.consents.values_list("pk", flat=True)]
    if consent_ids:
        condition |= Q(object_type=Consent._meta.label_lower, object_id__in=consent_ids)
    condition |= Q(object_type=CVDocument._meta.label_lower, detail__seeker=seeker.pk)
    # Who uploaded, opened or deleted a copy of the person's documents.
    condition |= Q(object_type=SeekerDocument._meta.label_lower, detail__seeker=seeker.pk)
    # The person's own requests about their data (placement/privacy), through the reverse relation.
    request_ids = [str(pk) for pk in seeker.privacy_requests.values_list("pk", flat=True)]
    if request_ids:
        condition |= Q(object_type="privacy.subjectrequest", object_id__in=request_ids)
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
        "documents": [
            {
                "document": d.kind,
                "file_name": d.original_name,
                "format": d.file_format,
                "uploaded_at": d.uploaded_at.isoformat(),
            }
            for d in seeker.documents.all()
        ],
        "educations": [
            {
                "level": e.level_id,
                "level_name": e.level.name,
                "school_type": e.school_type,
                "ipk_code": e.ipk_code,
                "smk_programme": e.smk_programme.code if e.smk_programme_id else None,
                "study_field": e.study_field_id,
                "major": e.major,
                "school": e.school,
                "graduation_year": e.graduation_year,
            }
            for e in seeker.educations.select_related("level", "smk_programme", "study_field")
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
        "certificates": list(
            seeker.certificates.values("scheme", "lsp", "number", "valid_from", "valid_until")
        ),
        "trainings": list(
            seeker.trainings.values("course", "provider_kind", "institution", "hours", "year")
        ),
        "licences": list(seeker.licences.values("licence_class", "valid_until")),
        "languages": list(seeker.languages.values("language", "level", "test")),
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

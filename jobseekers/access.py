"""Who may see which seeker: object or 404 (never 403), and every officer read is audited."""

from __future__ import annotations

from django.http import Http404

from jobseekers.models import CVDocument, JobSeeker, SeekerDocument
from placement.accounts.access import is_office_staff, parse_pk
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, Role, User


def get_own_seeker(user: User) -> JobSeeker:
    """The signed-in seeker's own record, or 404."""
    if not user.is_authenticated or user.role != Role.SEEKER:
        raise Http404
    seeker = (
        JobSeeker.objects.select_related(
            "regency", "district", "education_level", "office", "ktp_regency"
        )
        .filter(user=user)
        .first()
    )
    if seeker is None:
        raise Http404
    return seeker


def get_seeker_for_officer(user: User, pk: object, *, purpose: str = "view") -> JobSeeker:
    """A seeker in the officer's region, or 404; the read is written to the audit trail."""
    if not is_office_staff(user):
        raise Http404
    pk = parse_pk(pk)
    seeker = (
        JobSeeker.objects.visible_to(user)
        .select_related("regency", "district", "education_level", "office", "user", "verified_by")
        .filter(pk=pk)
        .first()
    )
    if seeker is None:
        raise Http404
    audit(actor=user, action=AuditEvent.Action.VIEW, obj=seeker, purpose=purpose)
    return seeker


def get_seeker_for_card(user: User, pk: object) -> JobSeeker:
    """The seeker's card: the seeker themself or an officer of their region; 404 otherwise."""
    if user.is_authenticated and user.role == Role.SEEKER:
        seeker = get_own_seeker(user)
        if str(seeker.pk) != str(pk):
            raise Http404
    else:
        seeker = get_seeker_for_officer(user, pk, purpose="card")
    if not seeker.ak1_number:
        raise Http404
    return seeker


def get_cv_for_officer(user: User, seeker_pk: object) -> CVDocument:
    """The CV of a seeker in the officer's region, or 404."""
    seeker = get_seeker_for_officer(user, seeker_pk, purpose="cv")
    cv = CVDocument.objects.filter(seeker=seeker).first()
    if cv is None:
        raise Http404
    return cv


def get_own_cv(user: User) -> CVDocument:
    """The signed-in seeker's CV, or 404."""
    cv = CVDocument.objects.filter(seeker=get_own_seeker(user)).first()
    if cv is None:
        raise Http404
    return cv


def _document_read(user: User, seeker: JobSeeker, document_pk: object) -> SeekerDocument:
    document = SeekerDocument.objects.filter(seeker=seeker, pk=parse_pk(document_pk)).first()
    if document is None:
        raise Http404
    # Copies of identity papers: every read is in the audit trail, the person's own too.
    audit(
        actor=user,
        action=AuditEvent.Action.VIEW,
        obj=document,
        seeker=seeker.pk,
        kind=document.kind,
    )
    return document


def get_document_for_officer(user: User, seeker_pk: object, document_pk: object) -> SeekerDocument:
    """A document copy of a seeker in the officer's region, or 404; the read is audited."""
    seeker = get_seeker_for_officer(user, seeker_pk, purpose="document")
    return _document_read(user, seeker, document_pk)


def get_own_document(user: User, document_pk: object) -> SeekerDocument:
    """One of the signed-in seeker's own document copies, or 404; the read is audited."""
    return _document_read(user, get_own_seeker(user), document_pk)

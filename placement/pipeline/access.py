"""Who may see which application: each helper returns the object or 404."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from employers.access import membership_for
from jobseekers.models import JobSeeker, SeekerSkill
from placement.accounts.access import parse_pk
from placement.accounts.audit import audit
from placement.accounts.models import Role
from placement.pipeline.models import Application, CandidateRequest, Referral


def seeker_for(user) -> JobSeeker | None:
    """The signed-in seeker's record (None while they have not started registering)."""
    if not user.is_authenticated or user.role != Role.SEEKER:
        raise Http404
    return JobSeeker.objects.filter(user=user).first()


def applicant_queryset():
    """Applications with the applicant's profile summary loaded (no NIK, no disability)."""
    return Application.objects.select_related(
        "vacancy",
        "seeker",
        "seeker__user",
        "seeker__regency",
        "seeker__education_level",
    ).prefetch_related(
        Prefetch("seeker__skills", queryset=SeekerSkill.objects.select_related("skill")),
        "seeker__educations__level",
        "seeker__experiences",
    )


def get_application_for_employer(user, pk: int) -> Application:
    """An application to a vacancy of the user's own company, or 404; the read is audited."""
    membership = membership_for(user)
    application = get_object_or_404(
        applicant_queryset(), pk=parse_pk(pk), vacancy__employer_id=membership.employer_id
    )
    audit(actor=user, action="view", obj=application.seeker, via="application")
    return application


def get_application_for_seeker(user, pk: int) -> Application:
    """One of the signed-in seeker's own applications, or 404."""
    if not user.is_authenticated or user.role != Role.SEEKER:
        raise Http404
    return get_object_or_404(
        Application.objects.select_related("vacancy", "seeker"), pk=parse_pk(pk), seeker__user=user
    )


def referrals_for_employer(user):
    """Referrals sent to the vacancies of the user's company (proposals stay with the office)."""

    membership = membership_for(user)
    return Referral.objects.filter(vacancy__employer_id=membership.employer_id).exclude(
        status=Referral.Status.PROPOSED
    )


def get_referral_for_employer(user, pk: int):
    """A referral to a vacancy of the user's company, or 404; reading the candidate is audited."""
    referral = get_object_or_404(
        referrals_for_employer(user).select_related(
            "seeker",
            "seeker__user",
            "seeker__education_level",
            "seeker__regency",
            "vacancy",
            "vacancy__employer",
            "office",
            "referred_by",
        ),
        pk=parse_pk(pk),
    )
    audit(actor=user, action="view", obj=referral.seeker, via="referral")
    return referral


def get_candidate_request_for_holder(user, pk: int):
    """A request about a seeker of the officer's region (the holding office's queue), or 404."""

    if not user.is_authenticated or user.role not in (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL):
        raise Http404
    return get_object_or_404(
        CandidateRequest.objects.for_holder(user).select_related("seeker", "vacancy"), pk=pk
    )

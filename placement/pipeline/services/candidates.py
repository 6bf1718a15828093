"""Candidates from another office's region (AKAD): shown without identity, requested through the
office that holds them.

A vacancy's nightly candidates may live anywhere the seekers accept to work. An officer sees the
identity of candidates of their own region; of others only what the match needs (education,
regency, score, skills, the office they registered at) until that office agrees to a request or
the seeker applies to the vacancy (SECURITY.md: out-of-scope personal data is never shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from jobseekers.models import JobSeeker
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, User
from placement.accounts.scope import region_scope
from placement.pipeline.models import Application, CandidateRequest

Action = AuditEvent.Action


class CandidateRequestRefused(Exception):
    """The request cannot be made or decided; the message is for the officer."""


@dataclass
class Candidate:
    match: object  # placement.matching.models.Match with seeker (and its office) loaded
    identified: bool
    request: CandidateRequest | None
    in_region: bool = False

    @property
    def request_status(self) -> str | None:
        return self.request.status if self.request is not None else None

    @property
    def office_name(self) -> str:
        office = getattr(self.match.seeker, "office", None)
        return office.name if office is not None else ""


def candidates_for_officer(*, user: User, vacancy_id: int, matches: Sequence) -> list[Candidate]:
    """Each match of the vacancy with whether `user` may see the candidate's identity."""
    scope = region_scope(user)
    outside = [m.seeker_id for m in matches if not scope.contains_regency(m.seeker.regency_id)]
    applied: set[int] = set()
    requests: dict[int, CandidateRequest] = {}
    if outside:
        applied = set(
            Application.objects.filter(vacancy_id=vacancy_id, seeker_id__in=outside).values_list(
                "seeker_id", flat=True
            )
        )
        requests = {
            r.seeker_id: r
            for r in CandidateRequest.objects.filter(vacancy_id=vacancy_id, seeker_id__in=outside)
        }
    result = []
    for match in matches:
        request = requests.get(match.seeker_id)
        in_region = scope.contains_regency(match.seeker.regency_id)
        identified = (
            in_region
            or match.seeker_id in applied
            or (request is not None and request.status == CandidateRequest.Status.AGREED)
        )
        result.append(
            Candidate(match=match, identified=identified, request=request, in_region=in_region)
        )
    return result


@transaction.atomic
def request_candidate(*, user: User, seeker_id: int, vacancy_id: int) -> CandidateRequest:
    """Ask the office holding an out-of-region candidate to share them for one vacancy."""

    seeker = JobSeeker.objects.select_related("regency").get(pk=seeker_id)
    if region_scope(user).contains_regency(seeker.regency_id):
        raise CandidateRequestRefused(_("This candidate is in your own region."))
    try:
        with transaction.atomic():
            request = CandidateRequest.objects.create(
                seeker_id=seeker_id, vacancy_id=vacancy_id, requested_by=user
            )
    except IntegrityError:
        return CandidateRequest.objects.get(seeker_id=seeker_id, vacancy_id=vacancy_id)
    audit(actor=user, action=Action.CREATE, obj=request, vacancy=vacancy_id)
    return request


@transaction.atomic
def decide_candidate_request(
    *, user: User, candidate_request: CandidateRequest, agree: bool
) -> CandidateRequest:
    """The holding office agrees to share the candidate with the asking office, or declines."""
    request = CandidateRequest.objects.select_for_update().get(pk=candidate_request.pk)
    if request.status != CandidateRequest.Status.PENDING:
        raise CandidateRequestRefused(_("This request has already been answered."))
    status = CandidateRequest.Status.AGREED if agree else CandidateRequest.Status.DECLINED
    request.save(update_fields=request.decide(status, user))
    audit(actor=user, action=Action.CHANGE, obj=request, status=request.status)
    return request

"""Who may use the officer area, and which casework records an officer may open (object or 404).

Seekers, referrals, placements and follow-ups belong to the region of the seeker's home regency;
counselling sessions to the office that held them; actions to the session's office.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from jobseekers.models import JobSeeker
from officers.models import Action, CounsellingSession
from placement.accounts.access import parse_pk
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, Role
from placement.accounts.scope import region_scope
from placement.offices.models import Office, Officer
from placement.pipeline.models import FollowUp, Placement, Referral

OFFICE_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL, Role.PRIVACY)
STAFF_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL)


def load_officer(user) -> Officer | None:
    """The user's officer profile with its office, in one query (cached on the user)."""
    try:
        return user._state.fields_cache["officer_profile"]
    except KeyError:
        pass
    officer = Officer.objects.select_related("office").filter(user=user).first()
    if officer is not None:
        user.officer_profile = officer  # fills the reverse one-to-one cache
    return officer


def office_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Officers, supervisors, national administrators and the privacy officer; others get 404."""

    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.role not in OFFICE_ROLES:
            raise Http404
        load_officer(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def _staff(user) -> None:
    if not user.is_authenticated or user.role not in STAFF_ROLES:
        raise Http404


def get_case_seeker(
    user,
    pk: object,
    *,
    purpose: str = "view",
    queryset: QuerySet[JobSeeker] | None = None,
) -> JobSeeker:
    """A seeker of the officer's region for the case file, or 404; the read is audited.

    `queryset` lets a page load what it shows in the same query (select_related, annotations);
    it is always narrowed to the officer's region.
    """
    _staff(user)
    base = queryset if queryset is not None else JobSeeker.objects.all()
    seeker = (
        base.visible_to(user).filter(pk=parse_pk(pk)).exclude(status=JobSeeker.Status.DRAFT).first()
    )
    if seeker is None:
        raise Http404
    audit(actor=user, action=AuditEvent.Action.VIEW, obj=seeker, purpose=purpose)
    return seeker


def referrals_for_officer(user) -> QuerySet[Referral]:
    """Referrals of the seekers of the officer's region."""
    _staff(user)
    return Referral.objects.visible_to(user)


def get_referral_for_officer(user, pk: object) -> Referral:
    """A referral of a seeker in the officer's region, or 404."""
    referral = (
        referrals_for_officer(user)
        .select_related(
            "seeker",
            "seeker__education_level",
            "seeker__regency",
            "vacancy",
            "vacancy__employer",
            "vacancy__employer__regency",
            "vacancy__regency",
            "office",
            "referred_by",
        )
        .filter(pk=parse_pk(pk))
        .first()
    )
    if referral is None:
        raise Http404
    audit(actor=user, action=AuditEvent.Action.VIEW, obj=referral.seeker, via="referral")
    return referral


def get_placement_for_officer(user, pk: object) -> Placement:
    """A placement of a seeker of the officer's region, or 404."""
    _staff(user)
    placement = (
        Placement.objects.visible_to(user)
        .select_related(
            "seeker",
            "seeker__education_level",
            "vacancy",
            "employer",
            "occupation",
            "work_regency",
            "regency",
            "follow_up",
            "recorded_by",
        )
        .filter(pk=parse_pk(pk))
        .first()
    )
    if placement is None:
        raise Http404
    audit(actor=user, action=AuditEvent.Action.VIEW, obj=placement.seeker, via="placement")
    return placement


def get_follow_up_for_officer(user, pk: object) -> FollowUp:
    """A follow-up of a placement of the officer's region, or 404."""
    _staff(user)
    follow_up = (
        FollowUp.objects.filter(
            placement__in=Placement.objects.visible_to(user).values("pk"), pk=parse_pk(pk)
        )
        .select_related("placement", "placement__seeker")
        .first()
    )
    if follow_up is None:
        raise Http404
    return follow_up


def sessions_for_officer(user) -> QuerySet[CounsellingSession]:
    """Counselling sessions held by offices of the officer's region."""
    _staff(user)
    return CounsellingSession.objects.visible_to(user)


def get_session_for_officer(user, pk: object) -> CounsellingSession:
    """A counselling session of an office of the officer's region, or 404."""
    session = (
        sessions_for_officer(user)
        .select_related("office", "officer", "officer__user")
        .filter(pk=parse_pk(pk))
        .first()
    )
    if session is None:
        raise Http404
    audit(actor=user, action=AuditEvent.Action.VIEW, obj=session)
    return session


def actions_for_officer(user) -> QuerySet[Action]:
    """Agreed actions of sessions of the officer's region."""
    _staff(user)
    scope = region_scope(user)
    if scope.everything:
        return Action.objects.all()
    return Action.objects.filter(session__office__in=Office.objects.in_scope(scope))


def get_action_for_officer(user, pk: object) -> Action:
    """An agreed action of a session of the officer's region, or 404."""
    action = actions_for_officer(user).filter(pk=parse_pk(pk)).first()
    if action is None:
        raise Http404
    return action

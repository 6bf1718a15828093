"""Who may see which region's reports: answers 404, never 403 (SECURITY.md)."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from placement.accounts.access import parse_pk, role_required
from placement.accounts.models import Role
from placement.accounts.scope import RegionScope, region_scope
from placement.offices.models import Office, Officer
from placement.reports import ipk
from placement.reports.services import is_region_code, region_name

REPORT_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL)
# Officers see their own activity; supervisors every officer of their region; national everyone.
SUPERVISING_ROLES = (Role.SUPERVISOR, Role.NATIONAL)

reports_required = role_required(*REPORT_ROLES)
national_required = role_required(Role.NATIONAL)


def scope_contains(scope: RegionScope, code: str) -> bool:
    """Whether a region's reports are within `scope` (a province includes its regencies)."""
    if scope.everything:
        return True
    if code == ipk.NATION or scope.is_empty:
        return False
    if "." in code:
        return scope.contains_regency(code)
    return code in scope.province_codes


def home_region(user) -> str:
    """The region a user's reports open on: the nation, their province or their regency."""
    scope = region_scope(user)
    if scope.everything:
        return ipk.NATION
    if scope.province_codes:
        return sorted(scope.province_codes)[0]
    if scope.regency_codes:
        return sorted(scope.regency_codes)[0]
    raise Http404


def get_region_for_user(user, code: str | None) -> str:
    """The region code asked for (default: the user's own) if it exists and is in scope."""
    if not code:
        return home_region(user)
    if not is_region_code(code) or not scope_contains(region_scope(user), code):
        raise Http404
    if region_name(code) is None:
        raise Http404
    return code


def offices_in_scope(user) -> Q:
    """A filter on `office` for offices whose region is within the user's scope."""
    scope = region_scope(user)
    if scope.everything:
        return Q()
    if scope.is_empty:
        return Q(pk__in=[])
    condition = Q(pk__in=[])
    if scope.province_codes:
        condition |= Q(province_id__in=scope.province_codes)
    if scope.regency_codes:
        condition |= Q(regency_id__in=scope.regency_codes)
    return condition


def get_officer_for_user(user, pk: int):
    """An officer whose activity `user` may see: themself; supervisors and national: their
    region's officers. Anyone else: 404."""

    officer = Officer.objects.select_related("user", "office").filter(pk=parse_pk(pk)).first()
    if officer is None:
        raise Http404
    own = getattr(user, "officer_profile", None)
    if own is not None and own.is_active and own.pk == officer.pk:
        return officer
    if user.role not in SUPERVISING_ROLES:
        raise Http404
    if not Office.objects.filter(offices_in_scope(user), pk=officer.office_id).exists():
        raise Http404
    return officer

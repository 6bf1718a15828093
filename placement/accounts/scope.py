"""Which regions a user may see. Every queryset of personal or regional data goes through here.

An office is bound to a region: a regency/city office sees that regency, a provincial office its
regencies, the national office everything. Seekers and employers see no region: they reach only
their own records through the access helpers of their apps.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from placement.accounts.models import Role
from placement.taxonomy.models import Regency


@dataclass(frozen=True)
class RegionScope:
    everything: bool = False
    province_codes: frozenset[str] = frozenset()
    regency_codes: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.province_codes or self.regency_codes)

    @property
    def key(self) -> str:
        """The scope as text, for cache keys: equal only for scopes that see the same regions."""
        if self.everything:
            return "all"
        text = f"p{','.join(sorted(self.province_codes))}-r{','.join(sorted(self.regency_codes))}"
        return text if len(text) <= 80 else "h" + hashlib.sha256(text.encode()).hexdigest()

    def q(self, regency_field: str = "regency") -> Q:
        """A filter for rows whose `regency_field` (a Regency foreign key) is in scope."""
        if self.everything:
            return Q()
        condition = Q(pk__in=[])
        if self.province_codes:
            condition |= Q(**{f"{regency_field}__province_id__in": self.province_codes})
        if self.regency_codes:
            condition |= Q(**{f"{regency_field}_id__in": self.regency_codes})
        return condition

    def filter(self, queryset: QuerySet, regency_field: str = "regency") -> QuerySet:
        """Restrict `queryset` to the scope; an empty scope gives an empty queryset."""
        if self.everything:
            return queryset
        if self.is_empty:
            return queryset.none()
        return queryset.filter(self.q(regency_field))

    def regencies(self) -> QuerySet[Regency]:
        """The regencies in scope, by code (all of them for the national scope)."""
        regencies = Regency.objects.order_by("code")
        if self.everything:
            return regencies
        return regencies.filter(
            Q(province_id__in=self.province_codes) | Q(code__in=self.regency_codes)
        )

    def contains_regency(self, regency_code: str | None) -> bool:
        """Whether a record located in `regency_code` is visible."""
        if self.everything:
            return True
        if not regency_code:
            return False
        return (
            regency_code in self.regency_codes or regency_code.split(".")[0] in self.province_codes
        )


NOTHING = RegionScope()
EVERYTHING = RegionScope(everything=True)


def region_scope(user) -> RegionScope:
    """The regions `user` may see, from their role and their office (cached on the user)."""
    cached = getattr(user, "_region_scope", None)
    if cached is not None:
        return cached
    scope = _compute_scope(user)
    if user is not None:
        user._region_scope = scope
    return scope


def _compute_scope(user) -> RegionScope:
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.role == Role.NATIONAL:
        return EVERYTHING
    if user.role not in (Role.OFFICER, Role.SUPERVISOR):
        return NOTHING
    officer = getattr(user, "officer_profile", None)
    if officer is None or not officer.is_active:
        return NOTHING
    office = officer.office
    if office.level == "national":
        return EVERYTHING
    if office.level == "province":
        return RegionScope(province_codes=frozenset({office.province_id}))
    return RegionScope(regency_codes=frozenset({office.regency_id}))

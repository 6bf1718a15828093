"""Region choices of the report filters: what the user's scope allows, or (public pages) every
province with the regencies of the current one."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from placement.accounts.scope import region_scope
from placement.reports import ipk
from placement.taxonomy.models import Province, Regency


def _regions(*, everything: bool, provinces: list[str], regencies: list[str], current: str):
    """Choices for a region <select>: what the scope allows, regencies of the current province."""

    choices: list[tuple[str, str]] = []
    if everything:
        choices.append((ipk.NATION, _("Indonesia (national)")))
        choices += [(p.code, p.name) for p in Province.objects.only("code", "name")]
        province = current.split(".")[0] if current != ipk.NATION else None
        if province:
            choices += [
                (r.code, f"— {r.name}")
                for r in Regency.objects.filter(province_id=province).only("code", "name")
            ]
        return _sorted_regions(choices)
    for province in Province.objects.filter(code__in=provinces).only("code", "name"):
        choices.append((province.code, province.name))
        choices += [
            (r.code, f"— {r.name}")
            for r in Regency.objects.filter(province_id=province.code).only("code", "name")
        ]
    choices += [(r.code, r.name) for r in Regency.objects.filter(code__in=regencies)]
    return choices


def _sorted_regions(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(choices, key=lambda c: (c[0] != ipk.NATION, c[0]))


def region_choices(user, current: str) -> list[tuple[str, str]]:
    scope = region_scope(user)
    return _regions(
        everything=scope.everything,
        provinces=sorted(scope.province_codes),
        regencies=sorted(scope.regency_codes),
        current=current,
    )


def public_region_choices(current: str) -> list[tuple[str, str]]:
    """Every province, and the regencies of the current one (cached: reference data)."""
    province = current.split(".")[0]
    return cache.get_or_set(
        f"reports:region-choices:{get_language()}:{province}",
        lambda: _regions(everything=True, provinces=[], regencies=[], current=current),
        24 * 60 * 60,
    )

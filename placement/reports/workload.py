"""Workload and staffing need (Permenaker 10/2023, DOMAIN.md §4) from the officer activity log.

    officers needed = sum over activity kinds of (volume x standard time) / effective hours

Effective hours: 1,250 a year (235 working days x 5.5 hours = 1,292.5, which the method rounds to
1,250), prorated for a period of whole months: 1,250 x months / 12. Volume is the number of
activities of a kind in the period (or the sum of their quantities for kinds timed per unit).
Officers in post: active officer profiles of the offices, administrators excepted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from placement.offices.models import Activity, Office, Officer
from placement.reports import ipk
from placement.reports.exports import Sheet
from placement.reports.models import StandardTime
from placement.reports.services import add_months
from placement.taxonomy.models import Province

EFFECTIVE_HOURS_PER_YEAR = 1250
# Activities that are services delivered to seekers and employers (the per-officer view).
SERVICE_KINDS = (
    "interview",
    "counselling_individual",
    "counselling_group",
    "referral",
    "placement",
    "follow_up",
    "seeker_verified",
    "employer_verified",
    "vacancy_verified",
)


def period_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Aware datetimes from the first day of `first` to the start of the month after `last`."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(add_months(last, 1), time.min, tzinfo=tz)
    return start, end


def months_in(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def effective_hours(first: date, last: date) -> float:
    return EFFECTIVE_HOURS_PER_YEAR * months_in(first, last) / 12


def kind_labels() -> dict[str, str]:

    return {value: str(label) for value, label in Activity.Kind.choices}


@dataclass
class KindLine:
    kind: str
    label: str
    volume: int
    minutes: int | None
    per_unit: bool
    hours: float


@dataclass
class OfficeLine:
    code: str
    name: str
    hours: float
    needed: float
    in_post: int
    is_drillable: bool = False

    @property
    def gap(self) -> float:
        """Officers in post minus officers needed (negative: understaffed)."""
        return round(self.in_post - self.needed, 2)


@dataclass
class Workload:
    region_code: str
    first: date
    last: date
    months: int
    effective_hours: float
    kinds: list[KindLine]
    lines: list[OfficeLine]
    total: OfficeLine
    standard_times: dict[str, StandardTime] = field(default_factory=dict)


def _office_filter(region_code: str) -> Q:
    if region_code == ipk.NATION:
        return Q()
    if "." in region_code:
        return Q(office__code=region_code)
    return Q(office__province_id=region_code)


def _child(region_code: str, office_code: str) -> str:
    """The line of the workload table an office belongs to."""
    if region_code == ipk.NATION:
        return office_code if office_code == ipk.NATION else office_code[:2]
    return office_code


def _hours(volume: int, standard: StandardTime | None) -> float:
    return volume * standard.minutes / 60 if standard is not None else 0.0


def workload(*, region_code: str, first: date, last: date) -> Workload:
    """Volumes, hours, officers needed and officers in post for a region and period."""

    start, end = period_bounds(first, last)
    standards = {s.kind: s for s in StandardTime.objects.all()}
    where = _office_filter(region_code)
    volumes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kind_volumes: dict[str, int] = defaultdict(int)
    rows = (
        Activity.objects.filter(where, at__gte=start, at__lt=end)
        .values("office__code", "kind")
        .annotate(n=Count("id"), units=Sum("quantity"))
    )
    for row in rows:
        standard = standards.get(row["kind"])
        volume = row["units"] if standard is not None and standard.per_unit else row["n"]
        volumes[_child(region_code, row["office__code"])][row["kind"]] += volume
        kind_volumes[row["kind"]] += volume
    in_post: dict[str, int] = defaultdict(int)
    officers = (
        Officer.objects.filter(where, is_active=True)
        .exclude(position=Officer.Position.ADMINISTRATOR)
        .values("office__code")
        .annotate(n=Count("id"))
    )
    for row in officers:
        in_post[_child(region_code, row["office__code"])] += row["n"]
    hours_available = effective_hours(first, last)

    names = _line_names(region_code)
    lines = []
    for code, name in names:
        hours = sum(_hours(v, standards.get(k)) for k, v in volumes.get(code, {}).items())
        lines.append(
            OfficeLine(
                code=code,
                name=name,
                hours=round(hours, 1),
                needed=round(hours / hours_available, 2),
                in_post=in_post.get(code, 0),
                is_drillable=code != region_code and code != ipk.NATION,
            )
        )
    total_hours = sum(line.hours for line in lines)
    total = OfficeLine(
        code=region_code,
        name=_("Total"),
        hours=round(total_hours, 1),
        needed=round(total_hours / hours_available, 2),
        in_post=sum(line.in_post for line in lines),
    )
    labels = kind_labels()
    kinds = [
        KindLine(
            kind=kind,
            label=labels.get(kind, kind),
            volume=kind_volumes.get(kind, 0),
            minutes=standards[kind].minutes if kind in standards else None,
            per_unit=standards[kind].per_unit if kind in standards else False,
            hours=round(_hours(kind_volumes.get(kind, 0), standards.get(kind)), 1),
        )
        for kind in sorted(set(labels) | set(kind_volumes), key=lambda k: labels.get(k, k))
    ]
    return Workload(
        region_code=region_code,
        first=first,
        last=last,
        months=months_in(first, last),
        effective_hours=hours_available,
        kinds=kinds,
        lines=lines,
        total=total,
        standard_times=standards,
    )


def _line_names(region_code: str) -> list[tuple[str, str]]:
    """The lines of a region's table: the nation by province, a province by office."""

    if region_code == ipk.NATION:
        national = Office.objects.filter(code=ipk.NATION).values_list("name", flat=True).first()
        return [(ipk.NATION, national or _("National office"))] + [
            (p.code, p.name) for p in Province.objects.order_by("code")
        ]
    if "." in region_code:
        return list(Office.objects.filter(code=region_code).values_list("code", "name"))
    return list(
        Office.objects.filter(province_id=region_code).order_by("code").values_list("code", "name")
    )


# --- Per officer ----------------------------------------------------------------------------------
@dataclass
class OfficerLine:
    officer: object
    counts: dict[str, int]
    services: int
    referrals: int
    placements: int
    hours: float


def officer_lines(officers: list, *, first: date, last: date) -> list[OfficerLine]:
    """Services delivered, referrals, placements and hours per officer (one grouped query)."""

    start, end = period_bounds(first, last)
    standards = {s.kind: s for s in StandardTime.objects.all()}
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    units: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = (
        Activity.objects.filter(officer_id__in=[o.pk for o in officers], at__gte=start, at__lt=end)
        .values("officer_id", "kind")
        .annotate(n=Count("id"), q=Sum("quantity"))
    )
    for row in rows:
        counts[row["officer_id"]][row["kind"]] += row["n"]
        units[row["officer_id"]][row["kind"]] += row["q"] or 0
    lines = []
    for officer in officers:
        mine = counts.get(officer.pk, {})
        hours = 0.0
        for kind, n in mine.items():
            standard = standards.get(kind)
            volume = units[officer.pk][kind] if standard and standard.per_unit else n
            hours += _hours(volume, standard)
        lines.append(
            OfficerLine(
                officer=officer,
                counts=dict(mine),
                services=sum(n for k, n in mine.items() if k in SERVICE_KINDS),
                referrals=mine.get("referral", 0),
                placements=mine.get("placement", 0),
                hours=round(hours, 1),
            )
        )
    return lines


def evidence_sheet(officer, *, first: date, last: date) -> Sheet:
    """Every logged activity of an officer in the period, with its evidence (for the SKP)."""

    start, end = period_bounds(first, last)
    labels = kind_labels()
    activities = (
        Activity.objects.filter(officer=officer, at__gte=start, at__lt=end)
        .order_by("at", "pk")
        .values_list("at", "kind", "subject_type", "subject_id", "quantity", "evidence")
    )

    def rows():
        for at, kind, subject_type, subject_id, quantity, evidence in activities.iterator():
            yield [
                timezone.localtime(at).strftime("%Y-%m-%d %H:%M"),
                labels.get(kind, kind),
                kind,
                f"{subject_type}:{subject_id}" if subject_type else "",
                quantity,
                _evidence_text(evidence),
            ]

    return Sheet(
        title=_("Activity evidence"),
        headers=[
            _("Date and time"),
            _("Activity"),
            _("Activity code"),
            _("Record"),
            _("Quantity"),
            _("Evidence"),
        ],
        rows=rows(),
    )


def _evidence_text(evidence: object) -> str:
    if isinstance(evidence, dict):
        return "; ".join(f"{k}: {v}" for k, v in sorted(evidence.items()))
    return str(evidence or "")

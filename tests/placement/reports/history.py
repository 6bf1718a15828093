"""Random ledger histories and an independent, event-by-event count of what the IPK tables must say.

The oracle walks the events one at a time in ledger order, remembering each subject's latest
inflow; it shares no code with placement.reports.ipk (which groups in SQL and distributes rows).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from hypothesis import strategies as st

from placement.ledger.models import Event

SEEKER = "jobseekers.jobseeker"
VACANCY = "employers.vacancy"
REGENCIES = ("62.71", "62.01", "62.02", "31.71", "31.72")
AGES = ("15-19", "20-29", "30-44", "45-54", "55+")
EDUCATIONS = (
    "0000",
    "1000",
    "1103",
    "2000",
    "3000",
    "3801",
    "3803",
    "3104",
    "3299",
    "4100",
    "5100",
    "6200",
    "7100",
)
# III/2 and III/4 split SLTA into general (SMA/MA/Paket C) and vocational (SMK/MAK); III/8 keeps
# the thirteen levels. Written out here, not imported, so the oracle stays independent.
DETAIL_ROW = {"1103": "1000", "3801": "3800", "3803": "3800", "3104": "3100", "3299": "3100"}
LEVEL_ROW = {"1103": "1000", "3801": "3000", "3803": "3000", "3104": "3000", "3299": "3000"}
OCCUPATIONS = tuple("0123456789")
INDUSTRIES = ("A", "C", "G", "I", "P")
SCOPES = ("AKL", "AKAD", "AKAN")
EMPLOYERS = (
    "government",
    "bumn_bumd",
    "cooperative",
    "private",
    "other",
    "foundation",
    "individual",
)
BASE = date(2025, 1, 1)


@dataclass
class E:
    """An event as the tests write it (turned into a ledger Event by `to_event`)."""

    kind: str
    day: int  # days after BASE
    subject_type: str
    subject_id: int
    regency: str
    sex: str = ""
    age_group: str = ""
    education: str = ""
    occupation_group: str = ""
    industry_section: str = ""
    placement_scope: str = ""
    employer_type: str = ""
    quantity: int = 1
    order: int = 0  # insertion order = id order

    @property
    def on(self) -> date:
        return BASE + timedelta(days=self.day)


def to_event(e: E) -> Event:
    return Event(
        kind=e.kind,
        occurred_on=e.on,
        subject_type=e.subject_type,
        subject_id=e.subject_id,
        regency_id=e.regency,
        province_id=e.regency.split(".")[0],
        sex=e.sex,
        age_group=e.age_group,
        education=e.education,
        occupation_group=e.occupation_group,
        industry_section=e.industry_section,
        placement_scope=e.placement_scope,
        employer_type=e.employer_type,
        quantity=e.quantity,
        detail={"test": True},
    )


# --- Strategies -----------------------------------------------------------------------------------
@st.composite
def seeker_history(draw, subject_id: int) -> list[E]:
    """A card's life: registered, then reports, removals, placements, reactivations; the
    person may age, study or move between events (the stock rule must cope)."""
    first = E(
        "seeker_registered",
        draw(st.integers(0, 120)),
        SEEKER,
        subject_id,
        draw(st.sampled_from(REGENCIES)),
        sex=draw(st.sampled_from(("L", "P"))),
        age_group=draw(st.sampled_from(AGES)),
        education=draw(st.sampled_from(EDUCATIONS)),
        occupation_group=draw(st.sampled_from((*OCCUPATIONS, ""))),
    )
    events = [first]
    active, day, current = True, first.day, first
    for _ in range(draw(st.integers(0, 4))):
        day += draw(st.integers(0, 40))
        if draw(st.booleans()):  # drift: older, better educated, moved
            current = replace(
                current,
                age_group=draw(st.sampled_from(AGES)),
                education=draw(st.sampled_from(EDUCATIONS)),
                regency=draw(st.sampled_from(REGENCIES)),
            )
        if active:
            kind = draw(st.sampled_from(("seeker_reported", "seeker_removed", "seeker_placed")))
        else:
            kind = "seeker_reactivated"
        extra = {}
        if kind == "seeker_placed":
            extra = {
                "industry_section": draw(st.sampled_from(INDUSTRIES)),
                "placement_scope": draw(st.sampled_from(SCOPES)),
                "employer_type": draw(st.sampled_from(EMPLOYERS)),
            }
        events.append(replace(current, kind=kind, day=day, **extra))
        active = kind in ("seeker_reported", "seeker_reactivated")
    return events


@st.composite
def vacancy_history(draw, subject_id: int) -> list[E]:
    """A vacancy published with a headcount, filled in parts, the rest withdrawn."""
    headcount = draw(st.integers(1, 20))
    first = E(
        "vacancy_registered",
        draw(st.integers(0, 120)),
        VACANCY,
        subject_id,
        draw(st.sampled_from(REGENCIES)),
        sex=draw(st.sampled_from(("L", "P", ""))),
        education=draw(st.sampled_from(EDUCATIONS)),
        occupation_group=draw(st.sampled_from(OCCUPATIONS)),
        industry_section=draw(st.sampled_from(INDUSTRIES)),
        employer_type=draw(st.sampled_from(EMPLOYERS)),
        placement_scope=draw(st.sampled_from(SCOPES)),
        quantity=headcount,
    )
    events, left, day = [first], headcount, first.day
    for _ in range(draw(st.integers(0, 3))):
        if not left:
            break
        day += draw(st.integers(0, 40))
        kind = draw(st.sampled_from(("vacancy_filled", "vacancy_removed")))
        quantity = left if kind == "vacancy_removed" else draw(st.integers(1, left))
        events.append(replace(first, kind=kind, day=day, quantity=quantity))
        left -= quantity
    return events


@st.composite
def histories(draw, *, orphans: bool = False) -> list[E]:
    """Several seekers and vacancies, interleaved in a random insertion order."""
    events: list[E] = []
    n_seekers = draw(st.integers(0, 12))
    for i in range(n_seekers):
        events += draw(seeker_history(1000 + i))
    for i in range(draw(st.integers(0, 6))):
        events += draw(vacancy_history(2000 + i))
    if orphans:
        # Outflows whose inflow is older than the ledger: they keep their own dimensions.
        for i in range(draw(st.integers(0, 3))):
            events.append(
                E(
                    draw(st.sampled_from(("seeker_removed", "seeker_placed"))),
                    draw(st.integers(0, 150)),
                    SEEKER,
                    3000 + i,
                    draw(st.sampled_from(REGENCIES)),
                    sex="P",
                    age_group="20-29",
                    education="3000",
                )
            )
    # Events of different subjects reach the ledger in any order (late reports, bulk loads);
    # same-day ties are broken by id, so shuffling also shuffles same-day events. One subject's
    # own events keep their order: a card is recorded as registered before it can be removed.
    order = draw(st.permutations(range(len(events))))
    positions: dict[tuple[str, int], list[int]] = {}
    for position, index in enumerate(order):
        key = (events[index].subject_type, events[index].subject_id)
        positions.setdefault(key, []).append(position)
    for key, slots in positions.items():
        own = [e for e in events if (e.subject_type, e.subject_id) == key]
        for event, slot in zip(own, sorted(slots), strict=True):
            event.order = slot
    return sorted(events, key=lambda e: e.order)


# --- The oracle -----------------------------------------------------------------------------------
INFLOW = {"seeker_registered", "seeker_reactivated", "vacancy_registered"}
OUTFLOW = {"seeker_placed": "placed", "seeker_removed": "removed"}
VACANCY_OUTFLOW = {"vacancy_filled": "filled", "vacancy_removed": "removed"}


@dataclass
class Expected:
    cells: dict[str, dict[tuple, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )

    def nested(self, region: str) -> dict:
        out: dict = {}
        for (table, part, row, group, sex), n in self.cells.get(region, {}).items():
            if n:
                groups = out.setdefault(table, {}).setdefault(part, {}).setdefault(row, {})
                groups.setdefault(group, {})[sex] = n
        return out


def expected_tables(events: list[E], *, start: date, end: date) -> Expected:
    """Count every event into every cell it belongs to, one event at a time."""
    result = Expected()
    latest_inflow: dict[tuple[str, int], E] = {}
    for e in sorted(events, key=lambda e: (e.on, e.order)):
        if e.on > end:
            continue
        subject = (e.subject_type, e.subject_id)
        if e.kind in INFLOW:
            latest_inflow[subject] = e
            cohort = e
        elif e.kind in OUTFLOW or e.kind in VACANCY_OUTFLOW:
            cohort = latest_inflow.get(subject, e)
        else:
            continue  # seeker_reported changes no stock
        before = e.on < start
        regions = (cohort.regency, cohort.regency[:2], "00")
        cells: list[tuple[tuple, int]] = []

        def count(table, part, row, group, n, cells=cells, sex=cohort.sex) -> None:
            cells.append(((table, part, row, group, sex), n))

        if e.subject_type == SEEKER:
            if e.kind in INFLOW:
                groups = ["carried"] if before else ["registered"]
                if not before and e.kind == "seeker_reactivated":
                    groups.append("reactivated")
                sign = 1
            else:
                groups, sign = (["carried"], -1) if before else ([OUTFLOW[e.kind]], 1)
            for group in groups:
                count("iii-1", "seekers", cohort.age_group, group, sign)
                count(
                    "iii-2",
                    "seekers",
                    DETAIL_ROW.get(cohort.education, cohort.education),
                    group,
                    sign,
                )
                count("iii-3", "seekers", cohort.occupation_group, group, sign)
            if e.kind in INFLOW or e.kind in OUTFLOW:
                stock = 1 if e.kind in INFLOW else -1
                for table, row in (
                    ("iii-1", cohort.age_group),
                    ("iii-2", DETAIL_ROW.get(cohort.education, cohort.education)),
                    ("iii-3", cohort.occupation_group),
                ):
                    count(table, "seekers", row, "remaining", stock)
            if e.kind == "seeker_placed" and not before:
                count("iii-7", "placements", e.industry_section, "placed", 1)
                count(
                    "iii-8",
                    "education",
                    LEVEL_ROW.get(cohort.education, cohort.education),
                    e.placement_scope,
                    1,
                )
                count("iii-8", "employer", e.employer_type, e.placement_scope, 1)
        else:
            q = e.quantity
            if e.kind in INFLOW:
                group, sign = ("carried", 1) if before else ("registered", 1)
            else:
                group, sign = ("carried", -1) if before else (VACANCY_OUTFLOW[e.kind], 1)
            stock = q if e.kind in INFLOW else -q
            for table, row in (
                ("iii-1", ""),
                ("iii-4", DETAIL_ROW.get(cohort.education, cohort.education)),
                ("iii-5", cohort.occupation_group),
                ("iii-6", cohort.industry_section),
            ):
                count(table, "vacancies", row, group, sign * q)
                count(table, "vacancies", row, "remaining", stock)
        for region in regions:
            for key, n in cells:
                result.cells[region][key] += n
    return result

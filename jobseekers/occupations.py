"""What a seeker does, for lists: wanted occupations and past jobs of many seekers in two queries.

An officer reading a candidate list needs each candidate's occupation (what they want, what they
last did, with the KBJI code) and the explanations need which past job counted as experience;
loading both per row would cost two queries per candidate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F

from jobseekers.models import Experience, JobSeeker
from placement.taxonomy.models import Occupation


@dataclass(frozen=True)
class PastJob:
    title: str
    months: int
    code: str  # KBJI code as entered ("5230" or "5230.01"), "" when not coded

    @property
    def unit_group(self) -> int:
        """The 4-digit unit group as the matching reads it ("0110" -> 110), -1 when not coded."""
        return int(self.code[:4]) if self.code[:4].isdigit() else -1


@dataclass(frozen=True)
class SeekerOccupations:
    wanted: list[Occupation] = field(default_factory=list)  # in the order the seeker gave them
    jobs: list[PastJob] = field(default_factory=list)  # latest first (a current job first)

    @property
    def first_wanted(self) -> Occupation | None:
        return self.wanted[0] if self.wanted else None

    @property
    def last_job(self) -> PastJob | None:
        return self.jobs[0] if self.jobs else None


def occupations_of(seeker_ids: Iterable[int]) -> dict[int, SeekerOccupations]:
    """Every listed seeker's wanted occupations and past jobs, in two queries."""
    ids = sorted(set(seeker_ids))
    if not ids:
        return {}
    wanted: dict[int, list[Occupation]] = {pk: [] for pk in ids}
    through = JobSeeker.preferred_occupations.through
    for row in (
        through.objects.filter(jobseeker_id__in=ids).select_related("occupation").order_by("pk")
    ):
        wanted[row.jobseeker_id].append(row.occupation)
    jobs: dict[int, list[PastJob]] = {pk: [] for pk in ids}
    # The latest job first, as the ledger reads it (JobSeekerQuerySet.with_ipk_dimensions).
    rows = (
        Experience.objects.filter(seeker_id__in=ids)
        .order_by(
            F("end_year").desc(nulls_first=True), F("start_year").desc(nulls_last=True), "-pk"
        )
        .values_list("seeker_id", "job_title", "months", "occupation__code")
    )
    for seeker_id, title, months, code in rows:
        jobs[seeker_id].append(PastJob(title=title, months=months, code=code or ""))
    return {pk: SeekerOccupations(wanted=wanted[pk], jobs=jobs[pk]) for pk in ids}

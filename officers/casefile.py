"""The seeker's case file: what each of its tabs loads, a few bounded queries per tab.

Tabs: profile (identity, AK/I card, education, experience, skills), casework (counselling,
actions, referrals, placements and follow-ups), matches (recommended vacancies with their
reasons, applications), history (the ledger, officers' activities, consent).
"""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Concat

from jobseekers.models import JobSeeker
from officers.models import Action, CounsellingSession
from placement.offices.models import Activity
from placement.pipeline.models import Application, Placement, Referral

WANTED_SHOWN = 3
TABS = ("profile", "casework", "matches", "history")


def header_queryset() -> QuerySet[JobSeeker]:
    """What every tab's header shows: status, card, region, education, last contact."""
    return JobSeeker.objects.select_related(
        "regency", "district", "education_level", "office", "case"
    )


def profile_queryset() -> QuerySet[JobSeeker]:
    """The profile tab: the header plus the user, verifier, CV and the wanted occupations."""
    through = JobSeeker.preferred_occupations.through
    wanted = {
        f"wanted_{index}": Subquery(
            through.objects.filter(jobseeker=OuterRef("pk"))
            .order_by("pk")
            .values(label=Concat("occupation__code", Value(" "), "occupation__title"))[
                index : index + 1
            ]
        )
        for index in range(WANTED_SHOWN)
    }
    return (
        header_queryset()
        .select_related("user", "verified_by", "cv", "ktp_regency")
        .annotate(**wanted)
    )


def wanted_labels(seeker: JobSeeker) -> list[str]:
    return [
        label
        for label in (getattr(seeker, f"wanted_{i}", None) for i in range(WANTED_SHOWN))
        if label
    ]


def has_cv(seeker: JobSeeker) -> bool:
    try:
        return seeker.cv is not None
    except JobSeeker.cv.RelatedObjectDoesNotExist:
        return False


def sessions_of(seeker: JobSeeker) -> list[CounsellingSession]:
    """The seeker's counselling sessions with their agreed actions (two queries)."""
    return list(
        CounsellingSession.objects.filter(seekers=seeker)
        .select_related("officer__user", "office")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("due_on", "pk")))
        .order_by("-held_on", "-pk")[:50]
    )


def referrals_of(seeker: JobSeeker) -> list[Referral]:
    return list(
        Referral.objects.filter(seeker=seeker)
        .select_related("vacancy", "vacancy__employer", "office")
        .order_by("-created_at", "-pk")[:50]
    )


def placements_of(seeker: JobSeeker) -> list[Placement]:
    return list(
        Placement.objects.filter(seeker=seeker)
        .select_related("follow_up", "work_regency", "occupation")
        .order_by("-placed_on", "-pk")[:20]
    )


def applications_of(seeker: JobSeeker) -> list[Application]:
    return list(
        Application.objects.filter(seeker=seeker)
        .select_related("vacancy", "vacancy__employer")
        .order_by("-created_at", "-pk")[:50]
    )


def activities_about(seeker: JobSeeker) -> list[Activity]:
    """What officers logged about this seeker directly (verification, reports)."""
    return list(
        Activity.objects.filter(subject_type=JobSeeker._meta.label_lower, subject_id=seeker.pk)
        .select_related("officer__user")
        .order_by("-at")[:50]
    )

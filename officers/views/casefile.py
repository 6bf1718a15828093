"""The seeker's case file, tabs after the profile: casework, matches and applications, history.

Each tab loads the seeker through `get_case_seeker` (scoped, 404 outside the region, audited) and
then a few bounded queries of its own.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from officers import casefile
from officers.access import get_case_seeker, office_required
from placement.ledger import services as ledger
from placement.matching import queries
from placement.matching.explain import explain_all
from placement.pipeline.models import Referral


@office_required
@require_GET
def seeker_casework(request: HttpRequest, pk: int) -> HttpResponse:
    """Counselling sessions and their actions, referrals, placements and follow-ups."""
    seeker = get_case_seeker(
        request.user, pk, purpose="casework", queryset=casefile.header_queryset()
    )
    return render(
        request,
        "officers/seekers/seeker_casework.html",
        {
            "seeker": seeker,
            "tab": "casework",
            "sessions": casefile.sessions_of(seeker),
            "referrals": casefile.referrals_of(seeker),
            "placements": casefile.placements_of(seeker),
        },
    )


@office_required
@require_GET
def seeker_matches(request: HttpRequest, pk: int) -> HttpResponse:
    """The seeker's recommended vacancies with their reasons (refer from here), and applications."""
    seeker = get_case_seeker(
        request.user, pk, purpose="matches", queryset=casefile.header_queryset()
    )
    matches = queries.seeker_recommendations(seeker.pk)
    referred = set(
        Referral.objects.filter(seeker=seeker)
        .exclude(status__in=[Referral.Status.WITHDRAWN, Referral.Status.REJECTED])
        .values_list("vacancy_id", flat=True)
    )
    return render(
        request,
        "officers/seekers/seeker_matches.html",
        {
            "seeker": seeker,
            "tab": "matches",
            "items": explain_all(matches, audience="officer"),
            "referred": referred,
            "run": None,
            "applications": casefile.applications_of(seeker),
        },
    )


@office_required
@require_GET
def seeker_history(request: HttpRequest, pk: int) -> HttpResponse:
    """The ledger's events about the seeker, officers' logged actions and the consent."""
    seeker = get_case_seeker(
        request.user, pk, purpose="history", queryset=casefile.header_queryset()
    )
    return render(
        request,
        "officers/seekers/seeker_history.html",
        {
            "seeker": seeker,
            "tab": "history",
            "events": list(
                ledger.history(
                    seeker, also_ids=tuple(seeker.merged_records.values_list("pk", flat=True))
                )
            ),
            "activities": casefile.activities_about(seeker),
            "consent": seeker.consents.filter(withdrawn_at__isnull=True).first(),
        },
    )


urlpatterns = [
    path("seekers/<int:pk>/casework/", seeker_casework, name="seeker_casework"),
    path("seekers/<int:pk>/matches/", seeker_matches, name="seeker_matches"),
    path("seekers/<int:pk>/history/", seeker_history, name="seeker_history"),
]

"""The seeker's "Recommended for you" page: the best open vacancies of the nightly matching, each
with its reasons (the matches come from `placement.matching.queries`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jobseekers.access import get_own_seeker
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.matching import queries
from placement.matching.explain import explain_all, skills_to_learn


@require_GET
@role_required(Role.SEEKER)
def seeker_recommendations(request: HttpRequest) -> HttpResponse:
    """ "Recommended for you": the seeker's best open vacancies, each with its reasons."""

    seeker = get_own_seeker(request.user)
    matches = queries.seeker_recommendations(seeker.pk)
    return render(
        request,
        "jobseekers/recommendations.html",
        {
            "seeker": seeker,
            "items": explain_all(matches, audience="seeker"),
            "to_learn": skills_to_learn(matches),
            "run": queries.latest_run(),
            "min_score": round(queries.min_score()),
        },
    )

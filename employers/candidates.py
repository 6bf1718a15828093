"""The employer's recommended candidates for an own vacancy (consenting, verified seekers of the
nightly matching; the matches come from `placement.matching.queries`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from employers.access import get_vacancy_for_employer
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.matching import queries
from placement.matching.explain import explain_all


@require_GET
@role_required(Role.EMPLOYER)
def employer_candidates(request: HttpRequest, pk: int) -> HttpResponse:
    """Recommended candidates for the employer's own vacancy (consenting, verified seekers)."""

    vacancy = get_vacancy_for_employer(request.user, pk)
    matches = queries.vacancy_candidates(vacancy.pk, for_employer=True)
    return render(
        request,
        "employers/vacancy_candidates.html",
        {
            "vacancy": vacancy,
            "items": explain_all(matches, audience="employer"),
            "audience": "employer",
            "run": queries.latest_run(),
            "min_score": round(queries.min_score()),
        },
    )

"""Where people see the matches: the seeker's recommendations, the employer's candidates, the
officer's views of both, and the runs with their progress."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from employers.access import get_vacancy_for_employer, get_vacancy_for_officer
from jobseekers.access import get_own_seeker, get_seeker_for_officer
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.matching import queries
from placement.matching.explain import explain_all, skills_to_learn
from placement.matching.models import MatchRun
from placement.matching.tasks import nightly_matching

RUN_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL)
START_ROLES = (Role.SUPERVISOR, Role.NATIONAL)


@require_GET
@role_required(Role.SEEKER)
def seeker_recommendations(request: HttpRequest) -> HttpResponse:
    """ "Recommended for you": the seeker's best open vacancies, each with its reasons."""

    seeker = get_own_seeker(request.user)
    matches = queries.seeker_recommendations(seeker.pk)
    return render(
        request,
        "matching/seeker_recommendations.html",
        {
            "seeker": seeker,
            "items": explain_all(matches, audience="seeker"),
            "to_learn": skills_to_learn(matches),
            "run": queries.latest_run(),
            "min_score": round(queries.min_score()),
        },
    )


@require_GET
@role_required(Role.EMPLOYER)
def employer_candidates(request: HttpRequest, pk: int) -> HttpResponse:
    """Recommended candidates for the employer's own vacancy (consenting, verified seekers)."""

    vacancy = get_vacancy_for_employer(request.user, pk)
    matches = queries.vacancy_candidates(vacancy.pk, for_employer=True)
    return render(
        request,
        "matching/vacancy_candidates.html",
        {
            "vacancy": vacancy,
            "items": explain_all(matches, audience="employer"),
            "audience": "employer",
            "run": queries.latest_run(),
            "min_score": round(queries.min_score()),
        },
    )


@require_GET
@role_required(*RUN_ROLES)
def officer_vacancy_matches(request: HttpRequest, pk: int) -> HttpResponse:
    """An officer's view of a vacancy's candidates (the officer's region only)."""

    vacancy = get_vacancy_for_officer(request.user, pk)
    matches = queries.vacancy_candidates(vacancy.pk, for_employer=False)
    return render(
        request,
        "matching/vacancy_candidates.html",
        {
            "vacancy": vacancy,
            "items": explain_all(matches, audience="officer"),
            "audience": "officer",
            "run": queries.latest_run(),
            "min_score": round(queries.min_score()),
        },
    )


@require_GET
@role_required(*RUN_ROLES)
def officer_seeker_matches(request: HttpRequest, pk: int) -> HttpResponse:
    """An officer's view of a seeker's recommended vacancies (the officer's region only)."""

    seeker = get_seeker_for_officer(request.user, pk, purpose="matches")
    matches = queries.seeker_recommendations(seeker.pk)
    return render(
        request,
        "matching/seeker_recommendations.html",
        {
            "seeker": seeker,
            "items": explain_all(matches, audience="officer"),
            "to_learn": skills_to_learn(matches),
            "run": queries.latest_run(),
            "min_score": round(queries.min_score()),
            "officer_view": True,
        },
    )


@require_GET
@vary_on_headers("HX-Request")
@role_required(*RUN_ROLES)
def runs(request: HttpRequest) -> HttpResponse:
    """The matching runs with their progress; htmx refreshes the table while one is running."""
    recent = list(MatchRun.objects.order_by("-run_on", "province")[:30])
    context = {
        "runs": recent,
        "active": any(r.status in ("running", "finalizing", "pending") for r in recent),
        "can_start": request.user.role in START_ROLES,
        "today": timezone.localdate(),
    }
    template = "matching/runs.html#runs-table" if request.htmx else "matching/runs.html"
    return render(request, template, context)


@require_POST
@role_required(*START_ROLES)
def start(request: HttpRequest) -> HttpResponse:
    """Start today's run now (a supervisor's or the national administrator's decision)."""

    province = request.POST.get("province", "").strip()[:2]
    if province and not province.isdigit():
        raise Http404
    nightly_matching.delay(timezone.localdate().isoformat(), province, True)
    messages.success(request, _("The matching run has started. Its progress is shown below."))
    return redirect("matching:runs")

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
    from placement.pipeline.services.candidates import candidates_for_officer

    vacancy = get_vacancy_for_officer(request.user, pk)
    matches = queries.vacancy_candidates(vacancy.pk, for_employer=False)
    candidates = candidates_for_officer(user=request.user, vacancy_id=vacancy.pk, matches=matches)
    items = explain_all(matches, audience="officer")
    for item, candidate in zip(items, candidates, strict=True):
        item.candidate = candidate
    return render(
        request,
        "matching/vacancy_candidates.html",
        {
            "vacancy": vacancy,
            "items": items,
            "audience": "officer",
            "run": queries.latest_run(),
            "min_score": round(queries.min_score()),
        },
    )


@require_POST
@role_required(*RUN_ROLES)
def request_candidate(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the office holding an out-of-region candidate to share them for this vacancy."""
    from employers.access import get_vacancy_for_officer
    from placement.pipeline.services.candidates import CandidateRequestRefused
    from placement.pipeline.services.candidates import request_candidate as ask

    vacancy = get_vacancy_for_officer(request.user, pk)
    match_id = request.POST.get("match", "")
    matches = queries.vacancy_candidates(vacancy.pk, for_employer=False)
    match = next((m for m in matches if str(m.pk) == match_id), None)
    if match is None:
        raise Http404
    try:
        ask(user=request.user, seeker_id=match.seeker_id, vacancy_id=vacancy.pk)
    except CandidateRequestRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("Request sent to the candidate's office. The name appears once it agrees."),
        )
    return redirect("matching:officer_vacancy", vacancy.pk)


@require_GET
@role_required(*RUN_ROLES)
def candidate_requests(request: HttpRequest) -> HttpResponse:
    """The office's queue: other offices ask to share seekers of this region for a vacancy."""
    from placement.pipeline.models import CandidateRequest

    requests = (
        CandidateRequest.objects.for_holder(request.user)
        .select_related(
            "seeker",
            "seeker__regency",
            "vacancy",
            "vacancy__employer",
            "vacancy__regency",
            "requested_by",
        )
        .order_by("status", "-created_at")[:200]
    )
    return render(
        request,
        "matching/candidate_requests.html",
        {"requests": requests, "pending": CandidateRequest.Status.PENDING},
    )


@require_POST
@role_required(*RUN_ROLES)
def decide_candidate_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Agree to share the seeker with the asking office for the vacancy, or decline."""
    from placement.pipeline.access import get_candidate_request_for_holder
    from placement.pipeline.services.candidates import (
        CandidateRequestRefused,
        decide_candidate_request,
    )

    candidate_request = get_candidate_request_for_holder(request.user, pk)
    decision = request.POST.get("decision", "")
    if decision not in ("agree", "decline"):
        messages.error(request, _("Choose agree or decline."))
        return redirect("matching:candidate_requests")
    try:
        decide_candidate_request(
            user=request.user, candidate_request=candidate_request, agree=decision == "agree"
        )
    except CandidateRequestRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Your answer was recorded."))
    return redirect("matching:candidate_requests")


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
    recent = list(queries.runs_visible_to(request.user)[:30])
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
    if (province and not province.isdigit()) or not queries.may_start_run(request.user, province):
        raise Http404
    nightly_matching.delay(timezone.localdate().isoformat(), province, True)
    messages.success(request, _("The matching run has started. Its progress is shown below."))
    return redirect("matching:runs")

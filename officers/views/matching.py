"""The officer's matching pages, at /officer/matching/: a vacancy's candidates and a seeker's
recommended vacancies (the region only), requests to share out-of-region candidates, and the
runs with their progress. The matches come from `placement.matching.queries`."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from employers.access import get_vacancy_for_officer
from jobseekers.access import get_seeker_for_officer
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.matching import queries
from placement.matching.explain import explain_all, skills_to_learn
from placement.matching.tasks import nightly_matching
from placement.pipeline.access import get_candidate_request_for_holder
from placement.pipeline.models import CandidateRequest
from placement.pipeline.services import candidates as sharing

RUN_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL)
START_ROLES = (Role.SUPERVISOR, Role.NATIONAL)


@require_GET
@role_required(*RUN_ROLES)
def officer_vacancy_matches(request: HttpRequest, pk: int) -> HttpResponse:
    """An officer's view of a vacancy's candidates (the officer's region only)."""

    vacancy = get_vacancy_for_officer(request.user, pk)
    matches = queries.vacancy_candidates(vacancy.pk, for_employer=False)
    candidates = sharing.candidates_for_officer(
        user=request.user, vacancy_id=vacancy.pk, matches=matches
    )
    items = explain_all(matches, audience="officer")
    for item, candidate in zip(items, candidates, strict=True):
        item.candidate = candidate
    return render(
        request,
        "employers/vacancy_candidates.html",
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

    vacancy = get_vacancy_for_officer(request.user, pk)
    match_id = request.POST.get("match", "")
    matches = queries.vacancy_candidates(vacancy.pk, for_employer=False)
    match = next((m for m in matches if str(m.pk) == match_id), None)
    if match is None:
        raise Http404
    try:
        sharing.request_candidate(
            user=request.user, seeker_id=match.seeker_id, vacancy_id=vacancy.pk
        )
    except sharing.CandidateRequestRefused as refused:
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
        "officers/matching/candidate_requests.html",
        {"requests": requests, "pending": CandidateRequest.Status.PENDING},
    )


@require_POST
@role_required(*RUN_ROLES)
def decide_candidate_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Agree to share the seeker with the asking office for the vacancy, or decline."""

    candidate_request = get_candidate_request_for_holder(request.user, pk)
    decision = request.POST.get("decision", "")
    if decision not in ("agree", "decline"):
        messages.error(request, _("Choose agree or decline."))
        return redirect("matching:candidate_requests")
    try:
        sharing.decide_candidate_request(
            user=request.user, candidate_request=candidate_request, agree=decision == "agree"
        )
    except sharing.CandidateRequestRefused as refused:
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
        "jobseekers/recommendations.html",
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
    template = (
        "officers/matching/runs.html#runs-table" if request.htmx else "officers/matching/runs.html"
    )
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


# Mounted at /officer/matching/ under the "matching" URL names (placement/urls.py).
urlpatterns = [
    path("", runs, name="runs"),
    path("start/", start, name="start"),
    path("vacancies/<int:pk>/", officer_vacancy_matches, name="officer_vacancy"),
    path("vacancies/<int:pk>/request/", request_candidate, name="request_candidate"),
    path("requests/", candidate_requests, name="candidate_requests"),
    path("requests/<int:pk>/decide/", decide_candidate_request, name="decide_candidate_request"),
    path("seekers/<int:pk>/", officer_seeker_matches, name="officer_seeker"),
]

"""Matching pages, mounted at the site root (their paths sit in each audience's area)."""

from django.urls import path

from placement.matching import views

app_name = "matching"

urlpatterns = [
    path("seeker/recommendations/", views.seeker_recommendations, name="seeker_recommendations"),
    path(
        "employer/vacancies/<int:pk>/candidates/",
        views.employer_candidates,
        name="employer_candidates",
    ),
    path("officer/matching/", views.runs, name="runs"),
    path("officer/matching/start/", views.start, name="start"),
    path(
        "officer/matching/vacancies/<int:pk>/",
        views.officer_vacancy_matches,
        name="officer_vacancy",
    ),
    path(
        "officer/matching/vacancies/<int:pk>/request/",
        views.request_candidate,
        name="request_candidate",
    ),
    path("officer/matching/requests/", views.candidate_requests, name="candidate_requests"),
    path(
        "officer/matching/requests/<int:pk>/decide/",
        views.decide_candidate_request,
        name="decide_candidate_request",
    ),
    path("officer/matching/seekers/<int:pk>/", views.officer_seeker_matches, name="officer_seeker"),
]

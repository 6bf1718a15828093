"""The API, version 1."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from placement.accounts.api import ObtainTokenView
from placement.matching import api as matching_api
from placement.taxonomy import api as taxonomy_api

router = DefaultRouter()
router.register("taxonomy/regions", taxonomy_api.RegionViewSet, basename="region")
router.register("taxonomy/occupations", taxonomy_api.OccupationViewSet, basename="occupation")
router.register("taxonomy/industries", taxonomy_api.IndustryViewSet, basename="industry")
router.register(
    "taxonomy/education-levels", taxonomy_api.EducationLevelViewSet, basename="education-level"
)
router.register("taxonomy/skills", taxonomy_api.SkillViewSet, basename="skill")

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path(
        "jobseekers/<int:pk>/matches/",
        matching_api.SeekerMatchesView.as_view(),
        name="api-seeker-matches",
    ),
    path(
        "vacancies/<int:pk>/matches/",
        matching_api.VacancyMatchesView.as_view(),
        name="api-vacancy-matches",
    ),
    path(
        "vacancies/<int:pk>/matches/<int:candidate_id>/request/",
        matching_api.CandidateRequestView.as_view(),
        name="api-candidate-request",
    ),
    path("matching/runs/", matching_api.MatchRunsView.as_view(), name="api-matching-runs"),
    path("", include("placement.reports.api_urls")),
    path("", include(router.urls)),
    path("", include("jobseekers.api_urls")),
    path("", include("employers.api_urls")),
    path("", include("placement.pipeline.api_urls")),
]

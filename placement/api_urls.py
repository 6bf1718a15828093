"""The API, version 1."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from placement.accounts.api import ObtainTokenView
from placement.market import api as market_api
from placement.matching import api as matching_api
from placement.migrants import api as migrants_api
from placement.registers import api as registers_api
from placement.taxonomy import api as taxonomy_api
from placement.taxonomy import words_api
from placement.taxonomy.text.occupations_api import OccupationSuggestView

router = DefaultRouter()
router.register("taxonomy/regions", taxonomy_api.RegionViewSet, basename="region")
router.register("taxonomy/occupations", taxonomy_api.OccupationViewSet, basename="occupation")
router.register("taxonomy/industries", taxonomy_api.IndustryViewSet, basename="industry")
router.register(
    "taxonomy/education-levels", taxonomy_api.EducationLevelViewSet, basename="education-level"
)
router.register("taxonomy/skills", taxonomy_api.SkillViewSet, basename="skill")
router.register("registers/p3mi", registers_api.AgencyViewSet, basename="register-p3mi")
router.register("registers/sip2mi", registers_api.JobOrderViewSet, basename="register-sip2mi")
router.register("registers/bkk", registers_api.BkkViewSet, basename="register-bkk")
router.register("registers/lptks", registers_api.LptksViewSet, basename="register-lptks")
router.register("market/fairs", market_api.FairViewSet, basename="fair")
router.register("migrants/cases", migrants_api.CaseViewSet, basename="case")

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path(
        "taxonomy/occupations/suggest/",
        OccupationSuggestView.as_view(),
        name="api-occupation-suggest",
    ),
    path(
        "taxonomy/regions/resolve/",
        words_api.ResolveRegionView.as_view(),
        name="api-region-resolve",
    ),
    path("taxonomy/wages/parse/", words_api.ParseWageView.as_view(), name="api-wage-parse"),
    path(
        "taxonomy/skills/extract/",
        words_api.ExtractSkillsView.as_view(),
        name="api-skill-extract",
    ),
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

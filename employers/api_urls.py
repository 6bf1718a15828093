"""API routes of the employers app and of applications (mounted under /api/v1/)."""

from rest_framework.routers import SimpleRouter

from employers.api import EmployerViewSet
from employers.import_api import ImportViewSet
from employers.vacancy_api import VacancyViewSet
from placement.pipeline.api import ApplicationViewSet

router = SimpleRouter()
router.register("employers", EmployerViewSet, basename="employer")
router.register("vacancies", VacancyViewSet, basename="vacancy")
router.register("imports", ImportViewSet, basename="import")
router.register("applications", ApplicationViewSet, basename="application")

urlpatterns = [*router.urls]

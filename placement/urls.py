"""Top-level URLs: public site, the three areas, the API and the health check."""

from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from employers import urls as employer_urls
from jobseekers import applications as seeker_applications
from jobseekers import privacy as seeker_privacy
from jobseekers import urls as seeker_urls
from officers.views import market as officer_market
from officers.views import matching as officer_matching
from officers.views import migrants as officer_migrants
from officers.views import privacy as officer_privacy
from officers.views import registers as officer_registers
from officers.views import reports as officer_reports
from placement import views
from placement.ops import views as ops_views
from placement.privacy import views as privacy_views
from placement.taxonomy import views as taxonomy_views

# Swagger UI (served from the sidecar package, no CDN) sets inline styles.
docs_view = csp_update({"style-src": ["'unsafe-inline'"]})(
    SpectacularSwaggerSplitView.as_view(url_name="schema")
)

# The matching pages live with their audience (jobseekers, employers, officers) and keep their
# "matching:..." names: one namespace over three areas.
matching_pages = [
    path("seeker/", include(seeker_urls.matching_urlpatterns)),
    path("employer/", include(employer_urls.matching_urlpatterns)),
    path("officer/matching/", include(officer_matching.urlpatterns)),
]

# The data-protection pages too: the seeker's requests, an officer's walk-in request, and the
# privacy officer's desk, all "privacy:..." names.
privacy_pages = [
    path("seeker/", include(seeker_privacy.urlpatterns)),
    path("officer/", include(officer_privacy.urlpatterns)),
    path("privacy/", include(privacy_views.urlpatterns)),
]

urlpatterns = [
    # Listed first so they resolve before the rest of each area.
    path("", include((matching_pages, "matching"))),
    path("", include((privacy_pages, "privacy"))),
    path("", views.home, name="home"),
    path("vacancies/<int:pk>/", views.vacancy_detail, name="vacancy_detail"),
    # The seeker's application pages keep their "pipeline:..." names.
    path("applications/", include((seeker_applications.urlpatterns, "pipeline"))),
    path("healthz", views.healthz, name="healthz"),
    path("metrics", ops_views.metrics_view, name="metrics"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("placement.accounts.urls")),
    path(
        "taxonomy/occupation-suggestions/",
        taxonomy_views.occupation_suggestions_view,
        name="occupation_suggestions",
    ),
    path("notifications/", include("placement.notifications.views")),
    path("seeker/", include("jobseekers.urls")),
    path("verify/", include("jobseekers.verify_urls")),
    path("employer/", include("employers.urls")),
    path("statistik/", include("placement.reports.public_urls")),
    path("officer/reports/", include((officer_reports.urlpatterns, "reports"))),
    path("officer/registers/", include((officer_registers.urlpatterns, "registers"))),
    path("registers/", include("placement.registers.public_urls")),
    path("officer/migrants/", include((officer_migrants.urlpatterns, "migrants"))),
    path("cek-tawaran/", include("placement.migrants.public_urls")),
    path("officer/market/", include((officer_market.urlpatterns, "market"))),
    path("bursa-kerja/", include("placement.market.public_urls")),
    path("officer/", include("officers.urls")),
    path("api/v1/", include("placement.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", docs_view, name="api-docs"),
    path("admin/", admin.site.urls),
]

# A lost database connection answers a friendly 503 page; other errors the 500 page.
handler500 = "placement.ops.views.server_error"

"""API routes of the jobseekers app (mounted under /api/v1/; DESIGN.md Contract)."""

from django.urls import path

from jobseekers import api

urlpatterns = [
    path("jobseekers/", api.JobSeekerListView.as_view(), name="api-jobseekers"),
    path("jobseekers/me/", api.MeView.as_view(), name="api-jobseekers-me"),
    path("jobseekers/me/report/", api.MeReportView.as_view(), name="api-jobseekers-me-report"),
    path(
        "jobseekers/me/privacy-requests/",
        api.MePrivacyRequestsView.as_view(),
        name="api-jobseekers-me-privacy-requests",
    ),
    path("jobseekers/<int:pk>/", api.JobSeekerDetailView.as_view(), name="api-jobseeker"),
    path(
        "jobseekers/<int:pk>/verify/",
        api.JobSeekerVerifyView.as_view(),
        name="api-jobseeker-verify",
    ),
    path(
        "jobseekers/<int:pk>/card.pdf", api.JobSeekerCardView.as_view(), name="api-jobseeker-card"
    ),
]

"""API routes of the jobseekers app (mounted under /api/v1/; DESIGN.md Contract)."""

from django.urls import path

from jobseekers import api, desk_api

urlpatterns = [
    path("jobseekers/", api.JobSeekerListView.as_view(), name="api-jobseekers"),
    path("jobseekers/me/", api.MeView.as_view(), name="api-jobseekers-me"),
    path("jobseekers/me/report/", api.MeReportView.as_view(), name="api-jobseekers-me-report"),
    path(
        "jobseekers/me/privacy-requests/",
        api.MePrivacyRequestsView.as_view(),
        name="api-jobseekers-me-privacy-requests",
    ),
    path(
        "jobseekers/me/hire-report/",
        desk_api.MeHireReportView.as_view(),
        name="api-jobseekers-me-hire-report",
    ),
    path(
        "jobseekers/counter/",
        desk_api.CounterRegistrationView.as_view(),
        name="api-jobseekers-counter",
    ),
    path("jobseekers/<int:pk>/", api.JobSeekerDetailView.as_view(), name="api-jobseeker"),
    path("jobseekers/<int:pk>/return/", desk_api.ReturnView.as_view(), name="api-jobseeker-return"),
    path("jobseekers/<int:pk>/reject/", desk_api.RejectView.as_view(), name="api-jobseeker-reject"),
    path("jobseekers/<int:pk>/remove/", desk_api.RemoveView.as_view(), name="api-jobseeker-remove"),
    path(
        "jobseekers/<int:pk>/reissue/", desk_api.ReissueView.as_view(), name="api-jobseeker-reissue"
    ),
    path("jobseekers/<int:pk>/merge/", desk_api.MergeView.as_view(), name="api-jobseeker-merge"),
    path(
        "hire-reports/<int:pk>/confirm/",
        desk_api.HireReportConfirmView.as_view(),
        name="api-hire-report-confirm",
    ),
    path(
        "jobseekers/<int:pk>/verify/",
        api.JobSeekerVerifyView.as_view(),
        name="api-jobseeker-verify",
    ),
    path(
        "jobseekers/<int:pk>/card.pdf", api.JobSeekerCardView.as_view(), name="api-jobseeker-card"
    ),
]

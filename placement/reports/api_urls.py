"""API routes of the reports, included under /api/v1/."""

from django.urls import path

from placement.reports import api

urlpatterns = [
    path("reports/ipk/<str:table>/", api.IpkTableView.as_view(), name="api-ipk-table"),
]

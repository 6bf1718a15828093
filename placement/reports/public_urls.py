"""Public statistics pages, mounted at /statistik/ (anonymous, no personal data)."""

from django.urls import path

from placement.reports import public_views as views

app_name = "statistics"

urlpatterns = [
    path("", views.public_statistics, name="labour_market"),
    path("keterampilan/", views.public_skills_gap, name="skills_gap"),
    path(
        "keterampilan/unduh/<slug:fmt>/", views.public_skills_gap_export, name="skills_gap_export"
    ),
]

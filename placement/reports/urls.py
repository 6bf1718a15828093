"""Report pages of the officer area, mounted at /officer/reports/."""

from django.urls import path

from placement.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("ipk/<slug:table>/", views.ipk_table, name="ipk_table"),
    path("ipk/<slug:table>/export/<slug:fmt>/", views.ipk_export, name="ipk_export"),
    path("workload/", views.workload_view, name="workload"),
    path("workload/standard-times/", views.standard_times, name="standard_times"),
    path("officers/", views.officer_list, name="officer_list"),
    path("officers/<int:pk>/", views.officer_detail, name="officer_detail"),
    path("officers/<int:pk>/evidence/<slug:fmt>/", views.officer_evidence, name="officer_evidence"),
]

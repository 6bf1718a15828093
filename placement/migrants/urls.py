from django.urls import path

from placement.migrants import views

app_name = "migrants"

urlpatterns = [
    path("cpmi/<int:seeker_pk>/", views.cpmi_checklist, name="cpmi"),
    path(
        "cpmi/<int:seeker_pk>/documents/<int:item_pk>/",
        views.cpmi_document,
        name="cpmi_document",
    ),
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_edit, name="case_new"),
    path("cases/export.csv", views.case_export, name="case_export"),
    path("cases/report/", views.case_report, name="case_report"),
    path("cases/<int:pk>/", views.case_edit, name="case_edit"),
]

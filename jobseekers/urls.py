from django.urls import path

from jobseekers import documents, recommendations, self_service, views

app_name = "jobseekers"

urlpatterns = [
    path("", views.portal, name="portal"),
    path("register/", views.register_start, name="register"),
    path("register/check/", views.register_check, name="register_check"),
    path("register/done/", views.register_done, name="register_done"),
    path("register/<slug:slug>/", views.register_step, name="register_step"),
    path("profile/", views.profile, name="profile"),
    path("report/", self_service.report, name="report"),
    path("job/", self_service.hire_report, name="hire_report"),
    path("claim/", self_service.claim, name="claim"),
    path("card.pdf", views.card, name="card"),
    path("photo/", views.photo, name="photo"),
    path("photo/file.jpg", views.photo_file, name="photo_file"),
    path("cv/", views.cv, name="cv"),
    path("cv/file/", views.cv_download, name="cv_download"),
    path("cv/delete/", views.cv_delete, name="cv_delete"),
    path("documents/", documents.documents, name="documents"),
    path("documents/<int:document_pk>/", documents.document_file, name="document_file"),
    path("documents/<int:document_pk>/delete/", documents.document_delete, name="document_delete"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data.json", views.my_data_export, name="my_data_export"),
]

# The seeker's matching page, mounted at /seeker/ under the "matching" URL names
# (placement/urls.py).
matching_urlpatterns = [
    path(
        "recommendations/",
        recommendations.seeker_recommendations,
        name="seeker_recommendations",
    ),
]

from django.urls import path

from jobseekers import views

app_name = "jobseekers"

urlpatterns = [
    path("", views.portal, name="portal"),
]

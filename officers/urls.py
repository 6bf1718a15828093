from django.urls import path

from officers import views

app_name = "officers"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]

from django.urls import path

from officers import views
from officers.views import employers as employer_views
from officers.views import seekers as seeker_views

app_name = "officers"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    *seeker_views.urlpatterns,
    *employer_views.urlpatterns,
]

from django.urls import path

from officers import views
from officers.views import aliases as alias_views
from officers.views import casefile as casefile_views
from officers.views import caseload as caseload_views
from officers.views import counselling as counselling_views
from officers.views import desk as desk_views
from officers.views import employers as employer_views
from officers.views import imports as import_views
from officers.views import placements as placement_views
from officers.views import referrals as referral_views
from officers.views import seekers as seeker_views

app_name = "officers"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    *seeker_views.urlpatterns,
    *employer_views.urlpatterns,
    *alias_views.urlpatterns,
    *import_views.urlpatterns,
    *casefile_views.urlpatterns,
    *caseload_views.urlpatterns,
    *counselling_views.urlpatterns,
    *referral_views.urlpatterns,
    *placement_views.urlpatterns,
    # Last: its `seekers/<pk>/<action>/` answers only the desk's actions (404 for the rest).
    *desk_views.urlpatterns,
]

from django.urls import path

from placement.migrants import public_views as views

urlpatterns = [
    path("", views.check_offer, name="check_offer"),
    path("lapor/", views.report_offer, name="report_offer"),
]

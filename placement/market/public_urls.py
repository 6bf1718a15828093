from django.urls import path

from placement.market import public_views as views

app_name = "fairs"

urlpatterns = [
    path("", views.public_fairs, name="list"),
    path("<int:pk>/", views.public_fair, name="detail"),
]

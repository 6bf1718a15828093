from django.urls import path

from employers import views

app_name = "employers"

urlpatterns = [
    path("", views.portal, name="portal"),
]

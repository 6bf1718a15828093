"""The public card check, mounted at /verify/ (the AK/I card's QR code opens it)."""

from django.urls import path

from jobseekers import views

urlpatterns = [
    path("<str:number>/", views.verify_card, name="verify_card"),
]

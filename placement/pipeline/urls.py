"""Application pages of seekers, mounted at /applications/ (the employer's are under /employer/)."""

from django.urls import path

from placement.pipeline import views

app_name = "pipeline"

urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("apply/<int:vacancy_pk>/", views.apply, name="apply"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("referrals/<int:pk>/letter.pdf", views.referral_letter, name="referral_letter"),
]

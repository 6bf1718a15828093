from django.urls import path

from employers import applications, candidates, hires, referrals, views

app_name = "employers"

urlpatterns = [
    path("", views.portal, name="portal"),
    path("register/", views.register, name="register"),
    path("register/done/", views.register_done, name="register_done"),
    path("company/", views.company, name="company"),
    path("company/edit/", views.company_edit, name="company_edit"),
    path("company/colleagues/add/", views.colleague_add, name="colleague_add"),
    path("company/colleagues/<int:pk>/remove/", views.colleague_remove, name="colleague_remove"),
    path("vacancies/new/", views.vacancy_new, name="vacancy_new"),
    path("vacancies/<int:pk>/", views.vacancy_check, name="vacancy_check"),
    path("vacancies/<int:pk>/edit/<slug:slug>/", views.vacancy_step, name="vacancy_step"),
    path("vacancies/<int:pk>/submit/", views.vacancy_submit, name="vacancy_submit"),
    path("vacancies/<int:pk>/close/", views.vacancy_close, name="vacancy_close"),
    path(
        "vacancies/<int:pk>/applications/",
        applications.employer_applications,
        name="vacancy_applications",
    ),
    path(
        "applications/<int:pk>/",
        applications.employer_application_detail,
        name="application_detail",
    ),
    path(
        "applications/<int:pk>/status/",
        applications.employer_application_status,
        name="application_status",
    ),
    path("vacancies/<int:pk>/hires/", hires.vacancy_hires, name="vacancy_hires"),
    path("referrals/", referrals.referral_list, name="referral_list"),
    path("referrals/<int:pk>/", referrals.referral_detail, name="referral_detail"),
    path("referrals/<int:pk>/outcome/", referrals.referral_outcome, name="referral_outcome"),
    path("referrals/<int:pk>/letter.pdf", referrals.referral_letter, name="referral_letter"),
]

# The employer's matching page, mounted at /employer/ under the "matching" URL names
# (placement/urls.py).
matching_urlpatterns = [
    path(
        "vacancies/<int:pk>/candidates/",
        candidates.employer_candidates,
        name="employer_candidates",
    ),
]

from django.urls import path

from placement.market import views

app_name = "market"

urlpatterns = [
    path("fairs/", views.fair_list, name="fair_list"),
    path("fairs/<int:pk>/", views.fair_detail, name="fair_detail"),
    path("fairs/<int:pk>/statement/", views.fair_statement, name="fair_statement"),
    path("fairs/<int:pk>/decide/", views.fair_decide, name="fair_decide"),
    path("fairs/<int:pk>/vacancies/", views.fair_add_vacancy, name="fair_add_vacancy"),
    path("fairs/<int:pk>/visitors/", views.fair_add_visitor, name="fair_add_visitor"),
    path("fairs/<int:pk>/results/", views.fair_add_result, name="fair_add_result"),
    path("fairs/<int:pk>/close/", views.fair_close, name="fair_close"),
    path("fairs/<int:pk>/report/", views.fair_report, name="fair_report"),
    path("reporting/", views.reporting_duty, name="reporting_duty"),
    path("reporting/<int:pk>/remind/", views.reporting_remind, name="reporting_remind"),
    path("reporting/<int:pk>/warn/", views.reporting_warn, name="reporting_warn"),
    path("letters/<int:pk>/", views.letter_pdf, name="letter_pdf"),
]

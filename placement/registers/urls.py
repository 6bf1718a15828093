from django.urls import path

from placement.registers import views

app_name = "registers"

urlpatterns = [
    path("<slug:slug>/", views.register_list, name="list"),
    path("<slug:slug>/new/", views.register_edit, name="new"),
    path("<slug:slug>/export.csv", views.register_export, name="export"),
    path("<slug:slug>/import/", views.register_import, name="import"),
    path("<slug:slug>/template.csv", views.register_template, name="template"),
    path("<slug:slug>/<int:pk>/", views.register_detail, name="detail"),
    path("<slug:slug>/<int:pk>/edit/", views.register_edit, name="edit"),
    path("<slug:slug>/<int:pk>/status/", views.register_status, name="status"),
]

from django.urls import path

from placement.registers import public_views as views

app_name = "public_registers"

urlpatterns = [path("", views.public_lookup, name="lookup")]

"""The public look-up of the registers, at /registers/: anyone checks an agency, a job order or a
BKK (read-only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from placement.registers import forms
from placement.registers.lookup import lookup


@require_GET
def public_lookup(request: HttpRequest) -> HttpResponse:
    """Anyone checks an agency, a job order or a BKK in the registers (read-only)."""
    form = forms.LookupForm(request.GET or None)
    result = None
    if form.is_valid() and form.cleaned_data["q"]:
        result = lookup(form.cleaned_data["q"])
    return render(
        request,
        "registers/public_lookup.html",
        {"form": form, "result": result, "today": timezone.localdate()},
    )

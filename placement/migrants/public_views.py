"""Public migrant-protection pages, at /cek-tawaran/: "check an offer" (no sign-in, rate-limited,
nothing stored) and, if the person chooses, a report of the offer, which becomes a new case."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from employers.warnings import offer_phones, text_warnings
from placement.migrants import forms, services
from placement.offices.models import Office
from placement.registers import services as registers
from placement.registers.lookup import lookup
from placement.taxonomy.models import Regency

# "Check an offer": at most this many checks (and reports) per address per window.
CHECK_LIMIT = 30
REPORT_LIMIT = 5
LIMIT_WINDOW = 600


def _client(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _over_limit(request: HttpRequest, bucket: str, limit: int) -> bool:
    """Count a request of this address; True once it is over `limit` in the window."""
    key = f"migrants:{bucket}:{_client(request)}"
    if cache.add(key, 1, LIMIT_WINDOW):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:  # the key expired in between
        cache.add(key, 1, LIMIT_WINDOW)
        return False


def _office_for(regency: Regency | None) -> Office | None:
    if regency is None:
        return None
    return (
        Office.objects.filter(regency=regency).first()
        or Office.objects.filter(province_id=regency.province_id, regency__isnull=True).first()
    )


def check_offer_result(*, agency: str, number: str, country: str, text: str) -> dict:
    """What the registers and the verification rules say about an offer (nothing is stored)."""
    today = timezone.localdate()
    found_by_name = lookup(agency) if agency else None
    found_by_number = lookup(number) if number else None
    agencies, job_orders = [], []
    for found in (found_by_number, found_by_name):
        if found is not None:
            agencies += [a for a in found.agencies if a not in agencies]
            job_orders += [j for j in found.job_orders if j not in job_orders]
    job_order_checks = []
    for job_order in job_orders[:5]:
        problems = registers.job_order_fit(
            job_order, country=country, occupation_code="", today=today
        )
        job_order_checks.append((job_order, list(problems.values())))
    searched = bool(agency or number)
    cases = services.related_cases(
        agency_names=[agency] + [a.name for a in agencies],
        agency_ids=[a.pk for a in agencies],
        phones=offer_phones(text),
    )
    return {
        "agencies": agencies,
        "job_order_checks": job_order_checks,
        "not_registered": searched and not agencies and not job_orders,
        "warnings": text_warnings(text) if text else [],
        "past_cases": len(cases),
        "today": today,
    }


@require_http_methods(["GET", "POST"])
def check_offer(request: HttpRequest) -> HttpResponse:
    """Public: check an agency, a job order or an offer's text. No sign-in; nothing stored."""
    form = forms.CheckOfferForm(request.POST or None)
    result = None
    if request.method == "POST":
        if _over_limit(request, "check", CHECK_LIMIT):
            return render(request, "migrants/too_many.html", status=429)
        if form.is_valid():
            data = form.cleaned_data
            result = check_offer_result(
                agency=data["agency"],
                number=data["number"],
                country=data["country"],
                text=data["text"],
            )
            result["office"] = _office_for(data["regency"])
    report_form = forms.ReportOfferForm(
        initial={
            "agency_name": form.cleaned_data.get("agency", "") if result else "",
            "job_order_number": form.cleaned_data.get("number", "") if result else "",
            "country": form.cleaned_data.get("country", "") if result else "",
            "regency": form.cleaned_data.get("regency") if result else None,
        }
    )
    return render(
        request,
        "migrants/check_offer.html",
        {"form": form, "result": result, "report_form": report_form},
    )


@require_POST
def report_offer(request: HttpRequest) -> HttpResponse:
    """Public: the person chooses to report the offer; it becomes a new case for the office."""
    if _over_limit(request, "report", REPORT_LIMIT):
        return render(request, "migrants/too_many.html", status=429)
    form = forms.ReportOfferForm(request.POST)
    if not form.is_valid():
        return render(request, "migrants/report_offer.html", {"form": form}, status=400)
    case = services.open_case(fields=dict(form.cleaned_data), by=None, from_public=True)
    return render(
        request,
        "migrants/report_done.html",
        {"case": case, "office": _office_for(case.regency)},
    )

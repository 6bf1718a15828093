"""Pages of the migrant-protection work.

Officers: the CPMI checklist of a seeker, the non-procedural cases (list, record, follow-up,
counts per region and month, CSV). Public: "check an offer" (no sign-in, rate-limited, nothing
stored) and, if the person chooses, a report of the offer, which becomes a new case.
"""

from __future__ import annotations

import csv
from datetime import date

from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers.imports import neutralise
from employers.warnings import offer_phones, text_warnings
from jobseekers.access import get_seeker_for_officer
from officers.access import office_required
from placement.accounts.scope import region_scope
from placement.migrants import forms, services
from placement.migrants.models import Case, CpmiItem, CpmiItemKind, CpmiRecord
from placement.offices.models import Office
from placement.registers import services as registers
from placement.registers.lookup import lookup
from placement.taxonomy.models import Regency

PAGE_SIZE = 50
# "Check an offer": at most this many checks (and reports) per address per window.
CHECK_LIMIT = 30
REPORT_LIMIT = 5
LIMIT_WINDOW = 600


def _regencies(user):
    scope = region_scope(user)
    if scope.everything:
        return Regency.objects.order_by("code")
    return Regency.objects.filter(
        Q(province_id__in=scope.province_codes) | Q(code__in=scope.regency_codes)
    ).order_by("code")


# --- CPMI -------------------------------------------------------------------------------------


@office_required
@require_http_methods(["GET", "POST"])
def cpmi_checklist(request: HttpRequest, seeker_pk: int) -> HttpResponse:
    """The prospective-migrant checklist of a seeker in the officer's region."""
    seeker = get_seeker_for_officer(request.user, seeker_pk, purpose="cpmi")
    form = forms.CpmiItemForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_cpmi_item(
                seeker=seeker,
                kind=form.cleaned_data["kind"],
                done_on=form.cleaned_data["done_on"],
                reference=form.cleaned_data["reference"],
                upload=form.cleaned_data["document"],
                note=form.cleaned_data["note"],
                country=form.cleaned_data["country"],
                by=request.user,
            )
        except services.MigrantRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The requirement is checked."))
            return redirect("migrants:cpmi", seeker_pk=seeker.pk)
    record = CpmiRecord.objects.filter(seeker=seeker).first()
    items = (
        {item.kind: item for item in record.items.select_related("checked_by")} if record else {}
    )
    return render(
        request,
        "migrants/cpmi_checklist.html",
        {
            "seeker": seeker,
            "record": record,
            "rows": [(value, label, items.get(value)) for value, label in CpmiItemKind.choices],
            "form": form,
        },
    )


@office_required
@require_GET
def cpmi_document(request: HttpRequest, seeker_pk: int, item_pk: int) -> FileResponse:
    seeker = get_seeker_for_officer(request.user, seeker_pk, purpose="cpmi_document")
    item = CpmiItem.objects.filter(record__seeker=seeker, pk=item_pk).exclude(stored_name="")
    item = item.first()
    if item is None:
        raise Http404
    path = services.document_path(item)
    if not path.exists():
        raise Http404
    return FileResponse(open(path, "rb"), as_attachment=True, filename=item.original_name)


# --- Cases ------------------------------------------------------------------------------------


def _cases(request: HttpRequest):
    cases = Case.objects.visible_to(request.user).select_related("regency", "agency")
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "")
    q = request.GET.get("q", "").strip()[:100]
    if kind in Case.Kind.values:
        cases = cases.filter(kind=kind)
    if status in Case.Status.values:
        cases = cases.filter(status=status)
    if q:
        cases = cases.filter(
            Q(agency_name__icontains=q)
            | Q(phone_digits=services.phone_digits(q) or "-")
            | Q(job_order_number__iexact=q)
        )
    return cases, {"kind": kind, "status": status, "q": q}


@office_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    cases, filters = _cases(request)
    return render(
        request,
        "migrants/case_list.html",
        {
            "page": Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page")),
            "kinds": Case.Kind.choices,
            "statuses": Case.Status.choices,
            **filters,
        },
    )


@office_required
@require_GET
def case_export(request: HttpRequest) -> HttpResponse:
    cases, _filters = _cases(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kasus-pmi-nonprosedural.csv"'
    writer = csv.writer(response)
    columns = ["reference", "reported_on", "regency", "kind", "status", "agency_name", "country"]
    writer.writerow(columns)
    for case in cases.iterator(chunk_size=1000):
        writer.writerow(
            [
                neutralise(value)
                for value in (
                    case.reference,
                    case.reported_on.isoformat(),
                    case.regency_id,
                    case.get_kind_display(),
                    case.get_status_display(),
                    case.agency_name,
                    case.country,
                )
            ]
        )
    return response


@office_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Record a case, or write its follow-up and outcome."""
    case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk) if pk else None
    form = forms.CaseForm(request.POST or None, instance=case, regencies=_regencies(request.user))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if case is None:
                case = services.open_case(fields=fields, by=request.user)
            else:
                case = services.update_case(case=case, fields=fields, by=request.user)
        except services.MigrantRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, _("Case %(reference)s is saved.") % {"reference": case.reference}
            )
            return redirect("migrants:case_edit", pk=case.pk)
    related = []
    if case is not None:
        related = [
            other
            for other in services.related_cases(
                agency_names=[case.agency_name],
                agency_ids=[case.agency_id],
                phones=[case.phone],
            )
            if other.pk != case.pk
        ]
    return render(
        request, "migrants/case_edit.html", {"case": case, "form": form, "related": related}
    )


def _months_back(today: date, months: int) -> date:
    year, month = today.year, today.month - months + 1
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


@office_required
@require_GET
def case_report(request: HttpRequest) -> HttpResponse:
    """Cases per regency and month (the last 12 months), by kind; CSV with ?format=csv."""
    since = _months_back(timezone.localdate(), 12)
    rows = services.case_counts(request.user, since=since)
    kinds = dict(Case.Kind.choices)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="kasus-per-wilayah-bulan.csv"'
        writer = csv.writer(response)
        writer.writerow(["regency", "name", "month", "kind", "cases"])
        for row in rows:
            writer.writerow(
                [
                    row["regency_id"],
                    row["regency__name"],
                    row["month"].strftime("%Y-%m"),
                    row["kind"],
                    row["n"],
                ]
            )
        return response
    table: dict[tuple, dict] = {}
    for row in rows:
        key = (row["regency_id"], row["regency__name"], row["month"])
        table.setdefault(key, {})[row["kind"]] = row["n"]
    lines = [
        (code, name, month, [counts.get(k, 0) for k in kinds], sum(counts.values()))
        for (code, name, month), counts in sorted(table.items())
    ]
    return render(
        request,
        "migrants/case_report.html",
        {"lines": lines, "kinds": list(kinds.values()), "since": since},
    )


# --- Public: check an offer -------------------------------------------------------------------


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

"""The officer's report pages, at /officer/reports/: IPK tables and their exports, workload and
staffing need, officers' activity (scoped). The figures come from `placement.reports`; the public
labour-market and skills-gap pages are `placement.reports.public_views`."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from officers.listing import query_without
from placement.accounts.audit import audit
from placement.offices.models import Activity, Office, Officer
from placement.reports import exports, ipk, services
from placement.reports.access import (
    SUPERVISING_ROLES,
    get_officer_for_user,
    get_region_for_user,
    national_required,
    offices_in_scope,
    reports_required,
)
from placement.reports.exports import download as _download
from placement.reports.forms import IpkFilterForm, PeriodForm, StandardTimeFormSet, month_label
from placement.reports.models import IpkReport, StandardTime
from placement.reports.regions import region_choices
from placement.reports.tables import SHORT, TITLES
from placement.reports.workload import (
    evidence_sheet,
    kind_labels,
    officer_lines,
    period_bounds,
    workload,
)
from placement.taxonomy.models import Province, Regency

OFFICERS_PER_PAGE = 50
ACTIVITIES_PER_PAGE = 50


def _children(user, region_code: str) -> list[tuple[str, str]]:
    """The regions one level down that the user may open (drill-down links)."""

    if region_code == ipk.NATION:
        return list(Province.objects.values_list("code", "name"))
    if "." in region_code:
        return []
    return list(Regency.objects.filter(province_id=region_code).values_list("code", "name"))


def _ipk_form(request: HttpRequest) -> tuple[IpkFilterForm, str]:
    """The month/region filter with defaults (last month, the user's region); region checked."""
    region = get_region_for_user(request.user, request.GET.get("region") or None)
    data = {
        "month": request.GET.get("month") or f"{services.previous_month():%Y-%m}",
        "region": region,
    }
    form = IpkFilterForm(data, regions=region_choices(request.user, region))
    return form, region


def _period_form(request: HttpRequest, *, with_region: bool) -> tuple[PeriodForm, str | None]:
    region = None
    if with_region:
        region = get_region_for_user(request.user, request.GET.get("region") or None)
    last = services.previous_month()
    data = {
        "first": request.GET.get("first") or f"{services.add_months(last, -11):%Y-%m}",
        "last": request.GET.get("last") or f"{last:%Y-%m}",
    }
    regions = None
    if with_region:
        data["region"] = region
        regions = region_choices(request.user, region)
    return PeriodForm(data, regions=regions), region


# --- IPK tables -----------------------------------------------------------------------------------
@require_GET
@reports_required
def index(request: HttpRequest) -> HttpResponse:
    """The reports home: the region's last twelve stored months and the way to every table."""
    form, region = _ipk_form(request)
    month = form.cleaned_data["month"] if form.is_valid() else None
    recent = list(
        IpkReport.objects.filter(region_code=region)
        .order_by("-month")
        .values_list("month", "headline")[:12]
    )
    return render(
        request,
        "officers/reports/report_index.html",
        {
            "form": form,
            "region": region,
            "region_name": services.region_name(region),
            "month": month,
            "tables": [(key, SHORT[key], TITLES[key]) for key in ipk.TABLES],
            "recent": [(m, month_label(m), h) for m, h in recent],
            "children": _children(request.user, region),
            "can_supervise": request.user.role in SUPERVISING_ROLES,
        },
        status=200 if form.is_valid() else 400,
    )


@require_GET
@reports_required
def ipk_table(request: HttpRequest, table: str) -> HttpResponse:
    """One IPK table of a region and month, with its exports."""
    if table not in ipk.TABLES:
        raise Http404
    form, region = _ipk_form(request)
    grid = None
    month = None
    if form.is_valid():
        month = form.cleaned_data["month"]
        grid = services.ipk_grid(table=table, month=month, region_code=region)
    return render(
        request,
        "officers/reports/ipk_table.html",
        {
            "form": form,
            "table": table,
            "title": TITLES[table],
            "tables": [(key, SHORT[key], TITLES[key]) for key in ipk.TABLES],
            "grid": grid,
            "region": region,
            "month": month,
            "month_label": month_label(month) if month else "",
            "parent": services.parent_code(region)
            if services.parent_code(region)
            and _in_scope(request.user, services.parent_code(region))
            else None,
            "children": _children(request.user, region),
        },
        status=200 if grid is not None else 400,
    )


def _in_scope(user, code: str) -> bool:
    try:
        get_region_for_user(user, code)
    except Http404:
        return False
    return True


@require_GET
@reports_required
def ipk_export(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    """An IPK table as CSV, XLSX or PDF."""
    if table not in ipk.TABLES or fmt not in exports.GRID_WRITERS:
        raise Http404
    form, region = _ipk_form(request)
    if not form.is_valid():
        return HttpResponse(
            "; ".join(str(e) for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    month = form.cleaned_data["month"]
    grid = services.ipk_grid(table=table, month=month, region_code=region)
    content = exports.GRID_WRITERS[fmt](grid)
    return _download(content, fmt, f"ipk-{table}-{region}-{month:%Y-%m}")


# --- Workload -------------------------------------------------------------------------------------
@require_GET
@reports_required
def workload_view(request: HttpRequest) -> HttpResponse:
    """Workload and staffing need: volume x standard time / effective hours vs officers in post."""
    form, region = _period_form(request, with_region=True)
    result = None
    if form.is_valid():
        result = workload(
            region_code=region, first=form.cleaned_data["first"], last=form.cleaned_data["last"]
        )
    return render(
        request,
        "officers/reports/workload_summary.html",
        {
            "form": form,
            "region": region,
            "region_name": services.region_name(region),
            "result": result,
            "period": _period_label(form),
            "query": request.GET.urlencode(),
            "can_edit": request.user.role == "national",
        },
        status=200 if result is not None else 400,
    )


def _period_label(form: PeriodForm) -> str:
    if not form.is_valid():
        return ""
    first, last = form.cleaned_data["first"], form.cleaned_data["last"]
    return f"{month_label(first)} – {month_label(last)}"  # noqa: RUF001


@require_http_methods(["GET", "POST"])
@national_required
def standard_times(request: HttpRequest) -> HttpResponse:
    """The national administrator edits the standard time of each activity."""
    queryset = StandardTime.objects.order_by("kind")
    if request.method == "POST":
        formset = StandardTimeFormSet(request.POST, queryset=queryset)
        if formset.is_valid():
            changed = services.save_standard_times(
                changes=[
                    (form.instance.pk, form.cleaned_data)
                    for form in formset.forms
                    if form.has_changed()
                ],
                by=request.user,
            )
            messages.success(request, _("Standard times saved (%(n)s changed).") % {"n": changed})
            return redirect("reports:standard_times")
    else:
        formset = StandardTimeFormSet(queryset=queryset)

    labels = kind_labels()
    return render(
        request,
        "officers/reports/standardtime_edit.html",
        {
            "formset": formset,
            "rows": [
                (form, labels.get(form.instance.kind, form.instance.kind)) for form in formset
            ],
        },
        status=400 if request.method == "POST" else 200,
    )


# --- Officers' activity ---------------------------------------------------------------------------
@require_GET
@reports_required
def officer_list(request: HttpRequest) -> HttpResponse:
    """Services delivered, referrals and placements per officer (supervisors: their region)."""

    form, _region = _period_form(request, with_region=False)
    officers = Officer.objects.select_related("user", "office").order_by(
        "office__code", "user__full_name"
    )
    if request.user.role in SUPERVISING_ROLES:
        officers = officers.filter(office__in=Office.objects.filter(offices_in_scope(request.user)))
    else:
        officers = officers.filter(user=request.user, is_active=True)
    page = Paginator(officers, OFFICERS_PER_PAGE).get_page(request.GET.get("page"))
    lines = []
    if form.is_valid():
        lines = officer_lines(
            list(page), first=form.cleaned_data["first"], last=form.cleaned_data["last"]
        )
    query = query_without(request, "page")
    return render(
        request,
        "officers/reports/officer_list.html",
        {
            "form": form,
            "page": page,
            "lines": lines,
            "period": _period_label(form),
            "query": query.urlencode(),
        },
        status=200 if form.is_valid() else 400,
    )


@require_GET
@reports_required
def officer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One officer's activity in a period, by kind and one by one, with the evidence export."""

    officer = get_officer_for_user(request.user, pk)
    form, _region = _period_form(request, with_region=False)
    line, page = None, None
    if form.is_valid():
        first, last = form.cleaned_data["first"], form.cleaned_data["last"]
        line = officer_lines([officer], first=first, last=last)[0]

        start, end = period_bounds(first, last)
        activities = Activity.objects.filter(officer=officer, at__gte=start, at__lt=end).order_by(
            "-at", "-pk"
        )
        page = Paginator(activities, ACTIVITIES_PER_PAGE).get_page(request.GET.get("page"))

    labels = kind_labels()
    query = query_without(request, "page")
    return render(
        request,
        "officers/reports/officer_detail.html",
        {
            "officer": officer,
            "form": form,
            "line": line,
            "counts": sorted(
                ((labels.get(k, k), n) for k, n in (line.counts.items() if line else [])),
                key=lambda item: -item[1],
            ),
            "page": page,
            "labels": labels,
            "period": _period_label(form),
            "query": query.urlencode(),
        },
        status=200 if form.is_valid() else 400,
    )


@require_GET
@reports_required
def officer_evidence(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """An officer's activity evidence for the SKP appraisal, as CSV or XLSX (audited)."""
    if fmt not in exports.SHEET_WRITERS:
        raise Http404
    officer = get_officer_for_user(request.user, pk)
    form, _region = _period_form(request, with_region=False)
    if not form.is_valid():
        return HttpResponse(
            "; ".join(str(e) for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    first, last = form.cleaned_data["first"], form.cleaned_data["last"]
    sheet = evidence_sheet(officer, first=first, last=last)
    content = exports.SHEET_WRITERS[fmt]([sheet])
    audit(
        actor=request.user,
        action="export",
        obj=officer,
        what="activity evidence",
        first=f"{first:%Y-%m}",
        last=f"{last:%Y-%m}",
        format=fmt,
    )
    return _download(content, fmt, f"skp-evidence-{officer.pk}-{first:%Y-%m}-{last:%Y-%m}")


# Mounted at /officer/reports/ under the "reports" URL names (placement/urls.py).
urlpatterns = [
    path("", index, name="index"),
    path("ipk/<slug:table>/", ipk_table, name="ipk_table"),
    path("ipk/<slug:table>/export/<slug:fmt>/", ipk_export, name="ipk_export"),
    path("workload/", workload_view, name="workload"),
    path("workload/standard-times/", standard_times, name="standard_times"),
    path("officers/", officer_list, name="officer_list"),
    path("officers/<int:pk>/", officer_detail, name="officer_detail"),
    path("officers/<int:pk>/evidence/<slug:fmt>/", officer_evidence, name="officer_evidence"),
]

"""Report pages: IPK tables and their exports, workload and staffing need, officers' activity
(officer area, scoped), the public labour-market page and the skills gap (anonymous)."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from placement.accounts.audit import audit
from placement.accounts.scope import region_scope
from placement.offices.models import Activity, Office, Officer
from placement.reports import charts, exports, ipk, labour_market, services, skills_gap
from placement.reports.access import (
    SUPERVISING_ROLES,
    get_officer_for_user,
    get_region_for_user,
    national_required,
    offices_in_scope,
    reports_required,
)
from placement.reports.forms import IpkFilterForm, PeriodForm, StandardTimeFormSet, month_label
from placement.reports.models import IpkReport, StandardTime
from placement.reports.tables import OCCUPATION_LABELS, SHORT, TITLES
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


# --- Helpers --------------------------------------------------------------------------------------
def _regions(*, everything: bool, provinces: list[str], regencies: list[str], current: str):
    """Choices for a region <select>: what the scope allows, regencies of the current province."""

    choices: list[tuple[str, str]] = []
    if everything:
        choices.append((ipk.NATION, _("Indonesia (national)")))
        choices += [(p.code, p.name) for p in Province.objects.only("code", "name")]
        province = current.split(".")[0] if current != ipk.NATION else None
        if province:
            choices += [
                (r.code, f"— {r.name}")
                for r in Regency.objects.filter(province_id=province).only("code", "name")
            ]
        return _sorted_regions(choices)
    for province in Province.objects.filter(code__in=provinces).only("code", "name"):
        choices.append((province.code, province.name))
        choices += [
            (r.code, f"— {r.name}")
            for r in Regency.objects.filter(province_id=province.code).only("code", "name")
        ]
    choices += [(r.code, r.name) for r in Regency.objects.filter(code__in=regencies)]
    return choices


def _sorted_regions(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(choices, key=lambda c: (c[0] != ipk.NATION, c[0]))


def region_choices(user, current: str) -> list[tuple[str, str]]:
    scope = region_scope(user)
    return _regions(
        everything=scope.everything,
        provinces=sorted(scope.province_codes),
        regencies=sorted(scope.regency_codes),
        current=current,
    )


def public_region_choices(current: str) -> list[tuple[str, str]]:
    """Every province, and the regencies of the current one (cached: reference data)."""
    province = current.split(".")[0]
    return cache.get_or_set(
        f"reports:region-choices:{get_language()}:{province}",
        lambda: _regions(everything=True, provinces=[], regencies=[], current=current),
        24 * 60 * 60,
    )


def _children(user, region_code: str) -> list[tuple[str, str]]:
    """The regions one level down that the user may open (drill-down links)."""

    if region_code == ipk.NATION:
        return list(Province.objects.values_list("code", "name"))
    if "." in region_code:
        return []
    return list(Regency.objects.filter(province_id=region_code).values_list("code", "name"))


def _download(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


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
        "reports/report_index.html",
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
        "reports/ipk_table.html",
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
        "reports/workload_summary.html",
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
        "reports/standardtime_edit.html",
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
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/officer_list.html",
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
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/officer_detail.html",
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


# --- Public pages ---------------------------------------------------------------------------------
def _public_region(request: HttpRequest) -> str:
    region = request.GET.get("region") or ipk.NATION
    if not services.is_region_code(region) or services.region_name(region) is None:
        raise Http404
    return region


@require_GET
def public_statistics(request: HttpRequest) -> HttpResponse:
    """The public labour-market page (anonymous; figures cached, no personal data)."""
    region = _public_region(request)
    market = labour_market.labour_market(region)
    if market is None:
        raise Http404
    occupation_items = [(str(OCCUPATION_LABELS[group]), n) for group, n in market.by_occupation]
    child_label = _("Province") if region == ipk.NATION else _("Regency/city")
    context = {
        "market": market,
        "region": region,
        "regions": public_region_choices(region),
        "child_label": child_label,
        "occupation_rows": occupation_items,
        "occupation_chart": charts.bar_chart(
            chart_id="chart-occupations",
            title=_("Open vacancies by occupation group"),
            description=_(
                "Number of open vacancies in each KBJI major group; the table below "
                "has the same numbers."
            ),
            items=occupation_items,
        ),
        "months_chart": charts.column_chart(
            chart_id="chart-placements",
            title=_("Placements per month, last 12 months"),
            description=_(
                "Job seekers placed in each of the last twelve months; the table "
                "below has the same numbers."
            ),
            items=[(f"{m:%m/%y}", placed) for m, placed, _r in market.months],
        ),
        "months": [(month_label(m), placed, registered) for m, placed, registered in market.months],
        "regions_chart": charts.grouped_bar_chart(
            chart_id="chart-regions",
            title=_("Active job seekers and open positions by region"),
            description=_(
                "For each region: active registered job seekers and open vacancy "
                "positions; the table below has the same numbers."
            ),
            categories=[c.name for c in market.children] or [market.region.name],
            series=[
                (_("Job seekers"), [c.active_seekers for c in market.children or [market.region]]),
                (_("Positions"), [c.open_positions for c in market.children or [market.region]]),
            ],
        ),
        "share_percent": round(market.share * 100, 1),
    }
    return render(request, "reports/statistics_public.html", context)


def _smk_programme(request: HttpRequest):
    """The SMK programme asked for (`?programme=1.4`), None for all; an unknown one is 404."""
    from placement.taxonomy.models import SmkProgramme

    code = request.GET.get("programme", "").strip()
    if not code:
        return None
    programme = SmkProgramme.objects.filter(
        edition=SmkProgramme.CURRENT_EDITION, code=code[:8]
    ).first()
    if programme is None:
        raise Http404
    return programme


def _smk_programme_choices() -> list[tuple[str, str]]:
    """Bidang and program keahlian for the programme filter (kompetensi are too many)."""
    from placement.taxonomy.models import SmkProgramme

    return [
        (code, f"{code} {title}" if level == 1 else f"— {code} {title}")
        for code, title, level in SmkProgramme.objects.filter(
            edition=SmkProgramme.CURRENT_EDITION, level__lte=2
        ).values_list("code", "title", "level")
    ]


@require_GET
def public_skills_gap(request: HttpRequest) -> HttpResponse:
    """Skills most required and most often missing, and occupations short of candidates."""
    region = _public_region(request)
    programme = _smk_programme(request)
    gap = skills_gap.skills_gap(region_code=region, programme=programme.code if programme else "")
    return render(
        request,
        "reports/skills_gap.html",
        {
            "gap": gap,
            "programme": programme,
            "programmes": _smk_programme_choices(),
            "region": region,
            "region_name": services.region_name(region),
            "regions": public_region_choices(region),
            "best": skills_gap.BEST_MATCHES,
            "good": int(skills_gap.GOOD_SCORE),
        },
    )


@require_GET
def public_skills_gap_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in exports.SHEET_WRITERS:
        raise Http404
    region = _public_region(request)
    programme = _smk_programme(request)
    gap = skills_gap.skills_gap(region_code=region, programme=programme.code if programme else "")
    name = services.region_name(region) or region
    if programme:
        name = f"{name}, SMK {programme.code} {programme.title}"
    content = exports.SHEET_WRITERS[fmt](skills_gap.sheets(gap, f"{name} ({region})"))
    return _download(content, fmt, f"skills-gap-{region}")

"""The public statistics pages, at /statistik/: the labour-market page and the skills gap
(anonymous, figures only, no personal data)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from placement.reports import charts, exports, ipk, labour_market, services, skills_gap
from placement.reports.exports import download as _download
from placement.reports.forms import month_label
from placement.reports.regions import public_region_choices
from placement.reports.tables import OCCUPATION_LABELS
from placement.taxonomy.models import SmkProgramme


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

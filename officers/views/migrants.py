"""The officer's migrant-protection pages, at /officer/migrants/: the CPMI checklist of a seeker,
the non-procedural cases (list, record, follow-up, counts per region and month, CSV). The public
"check an offer" pages are `placement.migrants.public_views`.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jobseekers.access import get_seeker_for_officer
from officers import listing
from officers.access import office_required
from placement.accounts.scope import region_scope
from placement.migrants import forms, services
from placement.migrants.models import Case, CpmiItem, CpmiItemKind, CpmiRecord

PAGE_SIZE = 50


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
        "officers/migrants/cpmi_checklist.html",
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
        "officers/migrants/case_list.html",
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
    """The cases (as filtered) as CSV, or XLSX with `?export=xlsx` (the shared list export)."""
    cases, _filters = _cases(request)
    return listing.export(
        request,
        fmt=listing.export_format(request) or "csv",
        name="kasus-pmi-nonprosedural",
        title=_("Non-procedural cases"),
        object_type="migrants.case",
        headers=["reference", "reported_on", "regency", "kind", "status", "agency_name", "country"],
        queryset=cases,
        row=lambda case: (
            case.reference,
            case.reported_on.isoformat(),
            case.regency_id,
            case.get_kind_display(),
            case.get_status_display(),
            case.agency_name,
            case.country,
        ),
    )


@office_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Record a case, or write its follow-up and outcome."""
    case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk) if pk else None
    form = forms.CaseForm(
        request.POST or None, instance=case, regencies=region_scope(request.user).regencies()
    )
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
        request,
        "officers/migrants/case_edit.html",
        {"case": case, "form": form, "related": related},
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
    """Cases per regency and month (the last 12 months), by kind; CSV or XLSX with
    ?format=csv|xlsx."""
    since = _months_back(timezone.localdate(), 12)
    rows = services.case_counts(request.user, since=since)
    kinds = dict(Case.Kind.choices)
    fmt = request.GET.get("format", "")
    if fmt in listing.EXPORT_FORMATS:
        return listing.export(
            request,
            fmt=fmt,
            name="kasus-per-wilayah-bulan",
            title=_("Cases per region and month"),
            object_type="migrants.case_report",
            headers=["regency", "name", "month", "kind", "cases"],
            queryset=rows,
            row=lambda row: (
                row["regency_id"],
                row["regency__name"],
                row["month"].strftime("%Y-%m"),
                row["kind"],
                row["n"],
            ),
        )
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
        "officers/migrants/case_report.html",
        {"lines": lines, "kinds": list(kinds.values()), "since": since},
    )


# Mounted at /officer/migrants/ under the "migrants" URL names (placement/urls.py).
urlpatterns = [
    path("cpmi/<int:seeker_pk>/", cpmi_checklist, name="cpmi"),
    path(
        "cpmi/<int:seeker_pk>/documents/<int:item_pk>/",
        cpmi_document,
        name="cpmi_document",
    ),
    path("cases/", case_list, name="case_list"),
    path("cases/new/", case_edit, name="case_new"),
    path("cases/export.csv", case_export, name="case_export"),
    path("cases/report/", case_report, name="case_report"),
    path("cases/<int:pk>/", case_edit, name="case_edit"),
]

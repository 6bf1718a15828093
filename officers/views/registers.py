"""The officer's register pages, at /officer/registers/: officers keep the registers (P3MI,
SIP2MI, BKK, LPTKS). The public look-up is `placement.registers.public_views`.

P3MI and SIP2MI are national registers: every office reads and keeps them. BKK and LPTKS are
registered with the Dinas Kab/Kota: an office sees those of its region, others answer 404.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers.services import close_lapsed_overseas_vacancies
from officers import listing
from officers.access import office_required
from placement.accounts.models import Role
from placement.accounts.scope import region_scope
from placement.registers import forms, imports, services
from placement.registers.models import Agency, Bkk, JobOrder, Lptks

PAGE_SIZE = 50
KEEPER_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL)


@dataclass(frozen=True)
class RegisterKind:
    slug: str
    model: type[Model]
    form: type
    title: str
    regional: bool
    search: tuple[str, ...]
    columns: tuple[str, ...]


KINDS = {
    "p3mi": RegisterKind(
        "p3mi",
        Agency,
        forms.AgencyForm,
        gettext_lazy("Placement agencies (P3MI)"),
        False,
        ("name__icontains", "licence_number__iexact"),
        ("name", "licence_number", "licence_issued_on", "licence_valid_to", "status"),
    ),
    "sip2mi": RegisterKind(
        "sip2mi",
        JobOrder,
        forms.JobOrderForm,
        gettext_lazy("Job orders (SIP2MI)"),
        False,
        ("number__iexact", "agency__name__icontains", "country__icontains"),
        (
            "number",
            "agency",
            "foreign_employer",
            "country",
            "occupation",
            "quota",
            "quota_used",
            "valid_from",
            "valid_to",
            "status",
        ),
    ),
    "bkk": RegisterKind(
        "bkk",
        Bkk,
        forms.BkkForm,
        gettext_lazy("Special job exchanges (BKK)"),
        True,
        ("institution__icontains", "registration_number__iexact"),
        (
            "institution",
            "kind",
            "registration_number",
            "registered_on",
            "regency",
            "is_active",
            "placements_reported",
        ),
    ),
    "lptks": RegisterKind(
        "lptks",
        Lptks,
        forms.LptksForm,
        gettext_lazy("Private placement agencies (LPTKS)"),
        True,
        ("name__icontains", "licence_number__iexact"),
        ("name", "licence_number", "licence_valid_to", "regency", "status"),
    ),
}
IMPORT_KIND = {"p3mi": "agency", "sip2mi": "job_order", "bkk": "bkk", "lptks": "lptks"}


def _kind(slug: str) -> RegisterKind:
    try:
        return KINDS[slug]
    except KeyError:
        raise Http404 from None


def _queryset(kind: RegisterKind, user) -> QuerySet:
    queryset = kind.model.objects.all()
    if kind.regional:
        queryset = queryset.visible_to(user)
    if kind.model is JobOrder:
        queryset = queryset.select_related("agency", "occupation")
    elif kind.model is not Agency:
        queryset = queryset.select_related("regency")
    return queryset


def _entry(kind: RegisterKind, user, pk: int) -> Model:
    if not 0 < pk < 2**63:
        raise Http404
    return get_object_or_404(_queryset(kind, user), pk=pk)


def _keeper(user) -> None:
    if user.role not in KEEPER_ROLES:
        raise Http404


def _limit_regencies(form, user) -> None:
    """BKK and LPTKS are registered in the officer's own region."""
    if "regency" not in form.fields:
        return
    scope = region_scope(user)
    if isinstance(form, forms.AgencyForm) or scope.everything:
        return
    form.fields["regency"].queryset = scope.regencies()


def _filtered(request: HttpRequest, kind: RegisterKind) -> tuple[QuerySet, str]:
    queryset = _queryset(kind, request.user)
    q = request.GET.get("q", "").strip()[:100]
    if q:
        condition = Q(pk__in=[])
        for lookup_name in kind.search:
            condition |= Q(**{lookup_name: q})
        queryset = queryset.filter(condition)
    return queryset, q


@office_required
@require_GET
def register_list(request: HttpRequest, slug: str) -> HttpResponse:
    kind = _kind(slug)
    queryset, q = _filtered(request, kind)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = [kind.model._meta.get_field(name).verbose_name for name in kind.columns]
    rows = [(entry, [_display(entry, name) for name in kind.columns]) for entry in page.object_list]
    return render(
        request,
        "officers/registers/register_list.html",
        {
            "kind": kind,
            "kinds": KINDS.values(),
            "page": page,
            "rows": rows,
            "labels": labels,
            "q": q,
            "can_edit": request.user.role in KEEPER_ROLES,
        },
    )


def _display(entry: Model, name: str) -> object:
    getter = getattr(entry, f"get_{name}_display", None)
    if getter is not None:
        return getter()
    value = getattr(entry, name)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return "" if value is None else value


@office_required
@require_GET
def register_export(request: HttpRequest, slug: str) -> HttpResponse:
    """The register (as filtered) as CSV, or XLSX with `?export=xlsx`: the shared list export
    (formulas neutralised, capped, audited)."""
    kind = _kind(slug)
    queryset, _q = _filtered(request, kind)
    return listing.export(
        request,
        fmt=listing.export_format(request) or "csv",
        name=f"register-{slug}",
        title=str(kind.title),
        object_type=kind.model._meta.label_lower,
        headers=[str(kind.model._meta.get_field(name).verbose_name) for name in kind.columns],
        queryset=queryset,
        row=lambda entry: [_display(entry, name) for name in kind.columns],
    )


@office_required
@require_GET
def register_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    kind = _kind(slug)
    entry = _entry(kind, request.user, pk)
    fields = [
        (entry._meta.get_field(name).verbose_name, _display(entry, name))
        for name in kind.form.Meta.fields
    ]
    return render(
        request,
        "officers/registers/register_detail.html",
        {
            "kind": kind,
            "entry": entry,
            "fields": fields,
            "history": services.history(entry).select_related("changed_by")[:100],
            "status_form": forms.StatusForm(),
            "job_orders": entry.job_orders.select_related("occupation")[:50]
            if isinstance(entry, Agency)
            else [],
            "can_edit": request.user.role in KEEPER_ROLES,
        },
    )


@office_required
@require_http_methods(["GET", "POST"])
def register_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Add an entry to a register, or correct one."""
    _keeper(request.user)
    kind = _kind(slug)
    entry = _entry(kind, request.user, pk) if pk is not None else None
    form = kind.form(request.POST or None, instance=entry)
    _limit_regencies(form, request.user)
    if request.method == "POST" and form.is_valid():
        if isinstance(form, forms.JobOrderForm):
            fields = form.entry_fields()
        else:
            fields = {name: form.cleaned_data[name] for name in kind.form.Meta.fields}
        try:
            if entry is None:
                entry = services.register_entry(model=kind.model, fields=fields, by=request.user)
            else:
                entry = services.update_entry(obj=entry, fields=fields, by=request.user)
        except services.RegisterRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The register is updated."))
            return redirect("registers:detail", slug=slug, pk=entry.pk)
    return render(
        request,
        "officers/registers/register_edit.html",
        {"kind": kind, "entry": entry, "form": form},
    )


@office_required
@require_POST
def register_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _keeper(request.user)
    kind = _kind(slug)
    entry = _entry(kind, request.user, pk)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(
                obj=entry,
                status=form.cleaned_data["status"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.RegisterRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The status is changed."))
            if kind.model in (Agency, JobOrder):
                closed = close_lapsed_overseas_vacancies(by=request.user)
                if closed:
                    messages.warning(
                        request,
                        _(
                            "These vacancies abroad are closed because their SIP2MI is no "
                            "longer valid: %(vacancies)s. Tell the employers and the seekers "
                            "referred to them."
                        )
                        % {"vacancies": ", ".join(v.reference for v in closed)},
                    )
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("registers:detail", slug=slug, pk=entry.pk)


@office_required
@require_http_methods(["GET", "POST"])
def register_import(request: HttpRequest, slug: str) -> HttpResponse:
    _keeper(request.user)
    kind = _kind(slug)
    form = forms.RegisterImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = imports.import_register(
            kind=IMPORT_KIND[slug], upload=form.cleaned_data["file"], by=request.user
        )
    return render(
        request,
        "officers/registers/register_import.html",
        {
            "kind": kind,
            "form": form,
            "report": report,
            "columns": imports.COLUMNS[IMPORT_KIND[slug]],
        },
    )


@office_required
@require_GET
def register_template(request: HttpRequest, slug: str) -> HttpResponse:
    _kind(slug)
    response = HttpResponse(
        imports.template_csv(IMPORT_KIND[slug]), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="register-{slug}-template.csv"'
    return response


# Mounted at /officer/registers/ under the "registers" URL names (placement/urls.py).
urlpatterns = [
    path("<slug:slug>/", register_list, name="list"),
    path("<slug:slug>/new/", register_edit, name="new"),
    path("<slug:slug>/export.csv", register_export, name="export"),
    path("<slug:slug>/import/", register_import, name="import"),
    path("<slug:slug>/template.csv", register_template, name="template"),
    path("<slug:slug>/<int:pk>/", register_detail, name="detail"),
    path("<slug:slug>/<int:pk>/edit/", register_edit, name="edit"),
    path("<slug:slug>/<int:pk>/status/", register_status, name="status"),
]

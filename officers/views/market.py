"""The officer's market pages, at /officer/market/: job fairs and the reporting duty. The public
fair pages are `placement.market.public_views`."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers.models import Employer, Vacancy
from officers import listing
from officers.access import load_officer, office_required
from placement.accounts.scope import region_scope
from placement.market import compliance, fairs, forms
from placement.market.letter import render_warning_letter
from placement.market.models import JobFair, WarningLetter


def _fair(user, pk: int) -> JobFair:
    return get_object_or_404(JobFair.objects.visible_to(user).select_related("regency"), pk=pk)


# --- Fairs (officers) -------------------------------------------------------------------------


@office_required
@require_http_methods(["GET", "POST"])
def fair_list(request: HttpRequest) -> HttpResponse:
    form = forms.FairForm(request.POST or None, regencies=region_scope(request.user).regencies())
    if request.method == "POST" and form.is_valid():
        try:
            fair = fairs.request_fair(fields=form.cleaned_data, by=request.user)
        except fairs.FairRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("market:fair_detail", pk=fair.pk)
    visible = JobFair.objects.visible_to(request.user).select_related("regency")
    fmt = listing.export_format(request)
    if fmt and request.method == "GET":
        return listing.export(
            request,
            fmt=fmt,
            name="bursa-kerja",
            title=_("Job fairs"),
            object_type="market.jobfair",
            headers=FAIR_HEADERS,
            queryset=visible,
            row=_fair_row,
        )
    return render(
        request,
        "officers/market/fair_list.html",
        {"fairs": visible[:200], "form": form, "export_query": listing.export_query(request)},
    )


FAIR_HEADERS = ("id", "name", "organiser", "regency", "starts_on", "ends_on", "status")


def _fair_row(fair: JobFair) -> tuple:
    return (
        fair.pk,
        fair.name,
        fair.organiser_name,
        fair.regency_id,
        fair.starts_on,
        fair.ends_on,
        fair.get_status_display(),
    )


@office_required
@require_GET
def fair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    fair = _fair(request.user, pk)
    return render(request, "officers/market/fair_detail.html", _fair_context(fair))


def _fair_context(fair: JobFair, **forms_given) -> dict:
    return {
        "fair": fair,
        "problems": fairs.approval_problems(fair),
        "report": fairs.fair_report(fair),
        "decision_form": forms_given.get("decision_form") or forms.DecisionForm(),
        "statement_form": forms_given.get("statement_form") or forms.StatementForm(),
        "vacancy_form": forms_given.get("vacancy_form") or forms.FairVacancyForm(),
        "visitor_form": forms_given.get("visitor_form") or forms.VisitorForm(),
        "result_form": forms_given.get("result_form")
        or forms.ResultForm(fair=fair, prefix="result"),
        "vacancies": Vacancy.objects.filter(fair_links__fair=fair).select_related("employer"),
        "visitors": fair.visitors.select_related("seeker")[:200],
        "results": fair.results.select_related("visitor", "vacancy")[:200],
    }


def _after(request: HttpRequest, fair: JobFair, action, success: str) -> HttpResponse:
    try:
        action()
    except fairs.FairRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, success)
    return redirect("market:fair_detail", pk=fair.pk)


@office_required
@require_POST
def fair_statement(request: HttpRequest, pk: int) -> HttpResponse:
    fair = _fair(request.user, pk)
    form = forms.StatementForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request,
            "officers/market/fair_detail.html",
            _fair_context(fair, statement_form=form),
            status=400,
        )
    return _after(
        request,
        fair,
        lambda: fairs.attach_no_fee_statement(
            fair=fair, upload=form.cleaned_data["statement"], by=request.user
        ),
        _("The no-fee statement is attached."),
    )


@office_required
@require_POST
def fair_decide(request: HttpRequest, pk: int) -> HttpResponse:
    fair = _fair(request.user, pk)
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "officers/market/fair_detail.html",
            _fair_context(fair, decision_form=form),
            status=400,
        )
    approve = form.cleaned_data["decision"] == "approve"
    return _after(
        request,
        fair,
        lambda: fairs.decide_fair(
            fair=fair, approve=approve, by=request.user, reason=form.cleaned_data["reason"]
        ),
        _("The fair is approved.") if approve else _("The fair is refused."),
    )


@office_required
@require_POST
def fair_add_vacancy(request: HttpRequest, pk: int) -> HttpResponse:
    fair = _fair(request.user, pk)
    form = forms.FairVacancyForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "officers/market/fair_detail.html",
            _fair_context(fair, vacancy_form=form),
            status=400,
        )
    vacancy = Vacancy.objects.filter(pk=form.cleaned_data["vacancy"]).first()
    if vacancy is None:
        messages.error(request, _("No vacancy has this number."))
        return redirect("market:fair_detail", pk=fair.pk)
    return _after(
        request,
        fair,
        lambda: fairs.add_fair_vacancy(fair=fair, vacancy=vacancy, by=request.user),
        _("The vacancy is offered at the fair."),
    )


@office_required
@require_POST
def fair_add_visitor(request: HttpRequest, pk: int) -> HttpResponse:
    fair = _fair(request.user, pk)
    form = forms.VisitorForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    return _after(
        request,
        fair,
        lambda: fairs.register_visitor(
            fair=fair,
            by=request.user,
            ak1_number=data.get("ak1_number", ""),
            name=data.get("name", ""),
            phone=data.get("phone", ""),
        ),
        _("The visitor is registered."),
    )


@office_required
@require_POST
def fair_add_result(request: HttpRequest, pk: int) -> HttpResponse:
    fair = _fair(request.user, pk)
    form = forms.ResultForm(request.POST, fair=fair, prefix="result")
    if not form.is_valid():
        return render(
            request,
            "officers/market/fair_detail.html",
            _fair_context(fair, result_form=form),
            status=400,
        )
    data = form.cleaned_data
    return _after(
        request,
        fair,
        lambda: fairs.record_fair_result(
            fair=fair,
            visitor=data["visitor"],
            vacancy=data["vacancy"],
            kind=data["kind"],
            on=data["on"],
            by=request.user,
        ),
        _("The result is recorded."),
    )


@office_required
@require_POST
def fair_close(request: HttpRequest, pk: int) -> HttpResponse:
    fair = _fair(request.user, pk)
    return _after(
        request,
        fair,
        lambda: fairs.close_fair(fair=fair, by=request.user),
        _("The fair is closed."),
    )


FAIR_REPORT_MEASURES = (
    "employers",
    "vacancies",
    "positions",
    "visitors",
    "registered_visitors",
    "interviews",
    "hires",
    "planned_vacancies",
    "placement_target",
)


@office_required
@require_GET
def fair_report(request: HttpRequest, pk: int) -> HttpResponse:
    fair = _fair(request.user, pk)
    report = fairs.fair_report(fair)
    fmt = request.GET.get("format", "")
    if fmt in listing.EXPORT_FORMATS:
        return listing.export(
            request,
            fmt=fmt,
            name=f"bursa-kerja-{fair.pk}",
            title=_("Job fair report"),
            object_type="market.jobfair_report",
            headers=["measure", "value"],
            queryset=[(key, report[key]) for key in FAIR_REPORT_MEASURES],
            row=lambda line: line,
        )
    return render(request, "officers/market/fair_report.html", {"fair": fair, "report": report})


# --- Reporting duty ---------------------------------------------------------------------------


def _months(request: HttpRequest) -> int:
    try:
        return min(max(int(request.GET.get("months", compliance.DEFAULT_MONTHS)), 1), 36)
    except ValueError:
        return compliance.DEFAULT_MONTHS


@office_required
@require_GET
def reporting_duty(request: HttpRequest) -> HttpResponse:
    months = _months(request)
    behind = compliance.employers_behind(request.user, months=months)
    fmt = request.GET.get("format", "")
    if fmt in listing.EXPORT_FORMATS:
        return listing.export(
            request,
            fmt=fmt,
            name="wajib-lapor-lowongan",
            title=_("Employers behind on reporting"),
            object_type="market.reporting_duty",
            headers=["nib", "name", "regency", "last_report", "unfilled", "reasons"],
            queryset=behind,
            row=lambda row: (
                row.employer.nib,
                row.employer.name,
                row.employer.regency_id,
                row.last_report_at.date().isoformat() if row.last_report_at else "",
                row.unfilled,
                " ".join(row.reasons),
            ),
        )
    letters = dict(
        WarningLetter.objects.filter(employer__in=[row.employer for row in behind])
        .order_by("employer_id", "issued_on")
        .values_list("employer_id", "number")
    )
    return render(
        request,
        "officers/market/reporting_duty.html",
        {
            "rows": [
                (
                    row,
                    [compliance.reason_text(c) for c in row.reasons],
                    letters.get(row.employer.pk, ""),
                )
                for row in behind
            ],
            "months": months,
        },
    )


def _behind_employer(request: HttpRequest, pk: int):
    months = _months(request)
    for row in compliance.employers_behind(request.user, months=months):
        if row.employer.pk == pk:
            return row
    raise Http404


@office_required
@require_POST
def reporting_remind(request: HttpRequest, pk: int) -> HttpResponse:
    row = _behind_employer(request, pk)
    if compliance.remind_employer(employer=row.employer, reasons=row.reasons, by=request.user):
        messages.success(request, _("A reminder is sent to %(name)s.") % {"name": row.employer})
    else:
        messages.info(request, _("%(name)s was already reminded today.") % {"name": row.employer})
    return redirect("market:reporting_duty")


@office_required
@require_POST
def reporting_warn(request: HttpRequest, pk: int) -> HttpResponse:
    row = _behind_employer(request, pk)
    officer = load_officer(request.user)
    office = officer.office if officer is not None else None
    letter = compliance.issue_warning_letter(
        employer=row.employer,
        reasons=row.reasons,
        by=request.user,
        office_name=office.name if office else "Kementerian Ketenagakerjaan",
        office_code=office.code if office else "00",
    )
    messages.success(request, _("Warning letter %(number)s is issued.") % {"number": letter.number})
    return redirect("market:letter_pdf", pk=letter.pk)


@office_required
@require_GET
def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    letter = get_object_or_404(
        WarningLetter.objects.select_related("employer", "issued_by").filter(
            employer__in=Employer.objects.visible_to(request.user)
        ),
        pk=pk,
    )
    response = HttpResponse(render_warning_letter(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{letter.number.replace("/", "-")}.pdf"'
    return response


# Mounted at /officer/market/ under the "market" URL names (placement/urls.py).
urlpatterns = [
    path("fairs/", fair_list, name="fair_list"),
    path("fairs/<int:pk>/", fair_detail, name="fair_detail"),
    path("fairs/<int:pk>/statement/", fair_statement, name="fair_statement"),
    path("fairs/<int:pk>/decide/", fair_decide, name="fair_decide"),
    path("fairs/<int:pk>/vacancies/", fair_add_vacancy, name="fair_add_vacancy"),
    path("fairs/<int:pk>/visitors/", fair_add_visitor, name="fair_add_visitor"),
    path("fairs/<int:pk>/results/", fair_add_result, name="fair_add_result"),
    path("fairs/<int:pk>/close/", fair_close, name="fair_close"),
    path("fairs/<int:pk>/report/", fair_report, name="fair_report"),
    path("reporting/", reporting_duty, name="reporting_duty"),
    path("reporting/<int:pk>/remind/", reporting_remind, name="reporting_remind"),
    path("reporting/<int:pk>/warn/", reporting_warn, name="reporting_warn"),
    path("letters/<int:pk>/", letter_pdf, name="letter_pdf"),
]

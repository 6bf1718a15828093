"""Officer pages about employers and vacancies: verification queues, review with warnings, imports.

Every list and object goes through the scoped querysets and access helpers of the employers app:
out-of-region records answer 404 and never appear in lists, counts or exports.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from employers import services
from employers.access import (
    get_employer_for_officer,
    get_vacancy_for_officer,
)
from employers.models import Employer, EmployerUser, Vacancy
from employers.warnings import vacancy_warnings
from officers import listing
from officers.access import office_required
from officers.forms import EmployerDecisionForm, VacancyDecisionForm
from officers.listing import Column, query_without
from placement.accounts.scope import region_scope

PAGE_SIZE = 50
SHOWN_ERRORS = 200


def _page(request: HttpRequest, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _regency_choices(user) -> list[tuple[str, str]]:
    """The regencies of the officer's region, for the filter (national: none, too many)."""
    scope = region_scope(user)
    if scope.everything or scope.is_empty:
        return []
    return list(scope.regencies().values_list("code", "name"))


# --- Employers ----------------------------------------------------------------------------------

EMPLOYER_QUEUE_COLUMNS = listing.Sorting(
    {
        "name": Column(gettext_lazy("Company"), ("name",)),
        "nib": Column(gettext_lazy("NIB"), ("nib",)),
        "type": Column(gettext_lazy("Type"), ("ownership",)),
        "kbli": Column(gettext_lazy("KBLI"), ("industry__code",)),
        "regency": Column(gettext_lazy("Regency/city"), ("regency__name",)),
        "registered": Column(gettext_lazy("Registered"), ("created_at",)),
        "status": Column(gettext_lazy("Status"), ("status",)),
    }
)
VACANCY_QUEUE_COLUMNS = listing.Sorting(
    {
        "title": Column(gettext_lazy("Vacancy"), ("title",)),
        "company": Column(gettext_lazy("Company"), ("employer__name",)),
        "kbji": Column(gettext_lazy("KBJI"), ("occupation__code",)),
        "place": Column(gettext_lazy("Place"), ("regency__name",)),
        "people": Column(gettext_lazy("People"), ("headcount",), numeric=True),
        "sent": Column(gettext_lazy("Sent"), ("submitted_at",)),
        "flags": Column(gettext_lazy("Flags")),
        "status": Column(gettext_lazy("Status"), ("status",)),
    }
)


@office_required
@require_GET
def employer_queue(request: HttpRequest) -> HttpResponse:
    """Employers of the region, waiting ones first; filter by status, regency and name/NIB."""
    scoped = Employer.objects.visible_to(request.user)
    status = request.GET.get("status", Employer.Status.PENDING)
    regency = request.GET.get("regency", "")
    q = request.GET.get("q", "").strip()[:100]
    counts = dict(scoped.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    employers = scoped.select_related("regency", "industry").order_by("created_at")
    if status in Employer.Status.values:
        employers = employers.filter(status=status)
    if regency:
        employers = employers.filter(regency_id=regency)
    if q:
        employers = employers.filter(Q(name__icontains=q) | Q(nib=q))
    return render(
        request,
        "officers/employers/employer_queue.html",
        {
            "page": _page(request, EMPLOYER_QUEUE_COLUMNS.apply(request, employers)),
            "headers": EMPLOYER_QUEUE_COLUMNS.headers(request),
            "sort": request.GET.get("sort", "")
            if EMPLOYER_QUEUE_COLUMNS.current(request)[0]
            else "",
            "status": status,
            "regency": regency,
            "q": q,
            "statuses": [(v, label, counts.get(v, 0)) for v, label in Employer.Status.choices],
            "total": sum(counts.values()),
            "regencies": _regency_choices(request.user),
            "query": query_without(request, "page").urlencode(),
        },
    )


def _employer_context(request: HttpRequest, employer: Employer, form) -> dict:
    return {
        "employer": employer,
        "form": form,
        "users": EmployerUser.objects.filter(employer=employer).select_related("user"),
        "vacancy_counts": list(
            employer.vacancies.values_list("status").annotate(n=Count("id")).order_by("status")
        ),
    }


@office_required
@require_GET
def employer_review(request: HttpRequest, pk: int) -> HttpResponse:
    """One employer's registration and the decision form."""
    employer = get_employer_for_officer(request.user, pk)
    return render(
        request,
        "officers/employers/employer_review.html",
        _employer_context(request, employer, EmployerDecisionForm()),
    )


@office_required
@require_POST
def employer_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Verify or reject an employer's registration."""
    employer = get_employer_for_officer(request.user, pk)
    form = EmployerDecisionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "verify":
                services.verify_employer(employer=employer, by=request.user, via="web")
                messages.success(request, _("%(name)s is verified.") % {"name": employer.name})
            else:
                services.reject_employer(
                    employer=employer,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    via="web",
                )
                messages.success(request, _("%(name)s is rejected.") % {"name": employer.name})
        except services.EmployerRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("officers:employer_queue")
    return render(
        request,
        "officers/employers/employer_review.html",
        _employer_context(request, employer, form),
        status=400,
    )


# --- Vacancies ----------------------------------------------------------------------------------


def _vacancy_filters(request: HttpRequest):
    scoped = Vacancy.objects.visible_to(request.user)
    status = request.GET.get("status", Vacancy.Status.SUBMITTED)
    regency = request.GET.get("regency", "")
    q = request.GET.get("q", "").strip()[:100]
    vacancies = scoped.select_related("employer", "regency", "occupation").order_by(
        "submitted_at", "id"
    )
    if status in Vacancy.Status.values:
        vacancies = vacancies.filter(status=status)
    if regency:
        vacancies = vacancies.filter(Q(regency_id=regency) | Q(employer__regency_id=regency))
    if q:
        vacancies = vacancies.filter(Q(title__icontains=q) | Q(employer__name__icontains=q))
    return scoped, vacancies, status, regency, q


def _export_vacancies(request: HttpRequest, vacancies, fmt: str) -> HttpResponse:
    """The queue as shown (scope, filters, order) through the shared list export."""
    return listing.export(
        request,
        fmt=fmt,
        name="vacancies",
        title=str(_("Vacancies")),
        object_type="employers.vacancy",
        headers=(
            _("number"),
            _("title"),
            _("company"),
            _("NIB"),
            _("KBJI"),
            _("regency"),
            _("status"),
            _("people needed"),
            _("filled"),
            _("withdrawn"),
            _("wage from"),
            _("wage to"),
            _("open from"),
            _("open until"),
        ),
        queryset=vacancies,
        row=lambda vacancy: [
            vacancy.reference,
            vacancy.title,
            vacancy.employer.name,
            vacancy.employer.nib,
            vacancy.occupation.code if vacancy.occupation else "",
            vacancy.regency_id or "",
            vacancy.get_status_display(),  # as the page says it, in the officer's language
            vacancy.headcount,
            vacancy.filled_count,
            vacancy.removed_count,
            vacancy.wage_min or "",
            vacancy.wage_max or "",
            vacancy.valid_from or "",
            vacancy.valid_to or "",
        ],
    )


@office_required
@require_GET
def vacancy_queue(request: HttpRequest) -> HttpResponse:
    """Vacancies of the region, those waiting for verification first; `?export=csv|xlsx`."""
    scoped, vacancies, status, regency, q = _vacancy_filters(request)
    vacancies = VACANCY_QUEUE_COLUMNS.apply(request, vacancies)
    fmt = listing.export_format(request)
    if fmt:
        return _export_vacancies(request, vacancies, fmt)
    counts = dict(scoped.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    return render(
        request,
        "officers/employers/vacancy_queue.html",
        {
            "page": _page(request, vacancies),
            "headers": VACANCY_QUEUE_COLUMNS.headers(request),
            "sort": request.GET.get("sort", "")
            if VACANCY_QUEUE_COLUMNS.current(request)[0]
            else "",
            "status": status,
            "regency": regency,
            "q": q,
            "statuses": [(v, label, counts.get(v, 0)) for v, label in Vacancy.Status.choices],
            "total": sum(counts.values()),
            "regencies": _regency_choices(request.user),
            "query": query_without(request, "page").urlencode(),
            "export_query": listing.export_query(request),
        },
    )


@office_required
@require_GET
def vacancy_export(request: HttpRequest) -> HttpResponse:
    """The old address of the CSV download (bookmarks): the queue's own export."""
    query = query_without(request, "page")
    query["export"] = "csv"
    return redirect(f"{reverse('officers:vacancy_queue')}?{query.urlencode()}")


def _vacancy_context(vacancy: Vacancy, form) -> dict:
    skills = list(vacancy.skills.select_related("skill"))
    return {
        "vacancy": vacancy,
        "employer": vacancy.employer,
        "warnings": vacancy_warnings(vacancy),
        "form": form,
        "problems": services.submission_problems(vacancy)
        if vacancy.status == Vacancy.Status.SUBMITTED
        else {},
        "required_skills": [s.skill for s in skills if s.is_required],
        "optional_skills": [s.skill for s in skills if not s.is_required],
    }


@office_required
@require_GET
def vacancy_review(request: HttpRequest, pk: int) -> HttpResponse:
    """A vacancy with the automatic warnings and the decision form."""
    vacancy = get_vacancy_for_officer(request.user, pk)
    return render(
        request,
        "officers/employers/vacancy_review.html",
        _vacancy_context(vacancy, VacancyDecisionForm()),
    )


@office_required
@require_POST
def vacancy_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a submitted vacancy or return it to the employer with the reason."""
    vacancy = get_vacancy_for_officer(request.user, pk)
    form = VacancyDecisionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "publish":
                services.publish_vacancy(vacancy=vacancy, by=request.user, via="web")
                messages.success(request, _("“%(title)s” is published.") % {"title": vacancy.title})
            else:
                services.return_vacancy(
                    vacancy=vacancy,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    via="web",
                )
                messages.success(
                    request,
                    _("“%(title)s” is returned to the employer.") % {"title": vacancy.title},
                )
        except services.VacancyRefused as refused:
            form.add_error(None, refused.message)
        else:
            return redirect("officers:vacancy_queue")
    return render(
        request,
        "officers/employers/vacancy_review.html",
        _vacancy_context(vacancy, form),
        status=400,
    )


urlpatterns = [
    path("employers/", employer_queue, name="employer_queue"),
    path("employers/<int:pk>/", employer_review, name="employer_review"),
    path("employers/<int:pk>/decide/", employer_decide, name="employer_decide"),
    path("vacancies/", vacancy_queue, name="vacancy_queue"),
    path("vacancies/export.csv", vacancy_export, name="vacancy_export"),
    path("vacancies/<int:pk>/", vacancy_review, name="vacancy_review"),
    path("vacancies/<int:pk>/decide/", vacancy_decide, name="vacancy_decide"),
]

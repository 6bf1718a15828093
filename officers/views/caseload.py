"""The caseload: lists of the region's job seekers, employers and vacancies with search and
filters (status, education, occupation group, district, last contact); paginated and bounded."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from officers import caseload
from officers.access import office_required
from placement.accounts.audit import audit_list


def _render(request: HttpRequest, template: str, form, page, current: str, **extra) -> HttpResponse:
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "capped": page.paginator.capped,
            "query": caseload.query_without_page(request),
            "current": current,
            **extra,
        },
        status=400 if form.errors else 200,
    )


@office_required
@require_GET
def seekers(request: HttpRequest) -> HttpResponse:
    """The region's job seekers, active ones by default, newest registration first."""
    today = timezone.localdate()
    form = caseload.SeekerFilterForm(request.GET, user=request.user)
    queryset = caseload.seekers(request.user, form, today)
    page = caseload.page_of_ids(request, queryset, caseload.seeker_rows)
    if caseload.searched_by_nik(form):
        audit_list(
            actor=request.user, ids=[row.pk for row in page.object_list], purpose="nik_search"
        )
    return _render(
        request,
        "officers/caseload/seeker_list.html",
        form,
        page,
        "seekers",
        queue=form.value("queue"),
        today=today,
    )


@office_required
@require_GET
def employers(request: HttpRequest) -> HttpResponse:
    """The region's employers, by name."""
    today = timezone.localdate()
    form = caseload.EmployerFilterForm(request.GET, user=request.user)
    queryset = caseload.employers(request.user, form, today)
    return _render(
        request,
        "officers/caseload/employer_list.html",
        form,
        caseload.page_of(request, caseload.employer_rows(queryset, today), queryset),
        "employers",
    )


@office_required
@require_GET
def vacancies(request: HttpRequest) -> HttpResponse:
    """The region's vacancies, published ones by default, the soonest closing first."""
    today = timezone.localdate()
    form = caseload.VacancyFilterForm(request.GET, user=request.user)
    queryset = caseload.vacancies(request.user, form, today)
    return _render(
        request,
        "officers/caseload/vacancy_list.html",
        form,
        caseload.page_of(request, caseload.vacancy_rows(queryset), queryset),
        "vacancies",
        queue=form.value("queue"),
        today=today,
    )


urlpatterns = [
    path("caseload/seekers/", seekers, name="caseload_seekers"),
    path("caseload/employers/", employers, name="caseload_employers"),
    path("caseload/vacancies/", vacancies, name="caseload_vacancies"),
]

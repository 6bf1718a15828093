"""The caseload: lists of the region's job seekers, employers and vacancies with search and
filters (status, education, occupation group, district, last contact); paginated and bounded;
sortable by column and exported as CSV or XLSX (officers/listing.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from officers import caseload, listing
from officers.access import office_required
from officers.listing import Column, query_without
from placement.accounts.audit import audit_list

SEEKER_COLUMNS = listing.Sorting(
    {
        "name": Column(_("Name"), ("full_name",)),
        "ak1": Column(_("AK/I number"), ("ak1_number",)),
        "status": Column(_("Status"), ("status",)),
        "education": Column(_("Education"), ("education_level__order",)),
        "wanted": Column(_("Job wanted")),
        "district": Column(_("District"), ("district__name",)),
        "report": Column(_("Next report"), ("next_report_on",)),
        "contact": Column(_("Last contact"), ("case__last_contact_on",)),
    }
)
EMPLOYER_COLUMNS = listing.Sorting(
    {
        "name": Column(_("Company"), ("name",)),
        "nib": Column(_("NIB"), ("nib",)),
        "status": Column(_("Status"), ("status",)),
        "industry": Column(_("Industry"), ("industry__code",)),
        "type": Column(_("Type"), ("ownership",)),
        "place": Column(_("Place"), ("district__name",)),
        "open": Column(_("Open vacancies"), numeric=True),
        "referral": Column(_("Last referral")),
    }
)
VACANCY_COLUMNS = listing.Sorting(
    {
        "title": Column(_("Vacancy"), ("title",)),
        "company": Column(_("Company"), ("employer__name",)),
        "status": Column(_("Status"), ("status",)),
        "education": Column(_("Education"), ("min_education__order",)),
        "positions": Column(_("Open positions"), numeric=True),
        "until": Column(_("Open until"), ("valid_to",)),
        "referrals": Column(_("Referrals"), numeric=True),
        "referral": Column(_("Last referral")),
    }
)


def _render(
    request: HttpRequest, template: str, form, page, current: str, sorting, **extra
) -> HttpResponse:
    sort = request.GET.get("sort", "") if sorting.current(request)[0] else ""
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "capped": page.paginator.capped,
            "query": query_without(request, "page").urlencode(),
            "current": current,
            "headers": sorting.headers(request),
            "sort": sort,
            "filters": caseload.filters_html(request, form, sort),
            "export_query": listing.export_query(request),
            **extra,
        },
        status=400 if form.errors else 200,
    )


def _date(value) -> object:
    return value or ""


@office_required
@require_GET
def seekers(request: HttpRequest) -> HttpResponse:
    """The region's job seekers, active ones by default, newest registration first."""
    today = timezone.localdate()
    form = caseload.SeekerFilterForm(request.GET, user=request.user)
    queryset = SEEKER_COLUMNS.apply(request, caseload.seekers(request.user, form, today))
    fmt = listing.export_format(request)
    if fmt and not form.errors:
        return listing.export(
            request,
            fmt=fmt,
            name="job-seekers",
            title=str(_("Job seekers")),
            object_type="jobseekers.jobseeker",
            headers=(
                _("AK/I number"),
                _("Name"),
                _("Sex"),
                _("Status"),
                _("Education"),
                _("Job wanted"),
                _("Regency/city"),
                _("District"),
                _("Registered on"),
                _("Next report"),
                _("Card valid until"),
                _("Last contact"),
            ),
            queryset=queryset.select_related(
                "education_level", "district", "regency", "case"
            ).annotate(wanted=caseload.first_wanted_label()),
            row=lambda s: [
                s.ak1_number,
                s.full_name,
                s.sex,
                s.get_status_display(),
                s.education_level.short_name if s.education_level else "",
                s.wanted or "",
                s.regency.name if s.regency else "",
                s.district.name if s.district else "",
                _date(s.registered_on),
                _date(s.next_report_on),
                _date(s.expires_on),
                _date(s.case.last_contact_on) if hasattr(s, "case") and s.case else "",
            ],
        )
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
        SEEKER_COLUMNS,
        queue=form.value("queue"),
        today=today,
    )


@office_required
@require_GET
def employers(request: HttpRequest) -> HttpResponse:
    """The region's employers, by name."""
    today = timezone.localdate()
    form = caseload.EmployerFilterForm(request.GET, user=request.user)
    queryset = EMPLOYER_COLUMNS.apply(request, caseload.employers(request.user, form, today))
    fmt = listing.export_format(request)
    if fmt and not form.errors:
        return listing.export(
            request,
            fmt=fmt,
            name="employers",
            title=str(_("Employers")),
            object_type="employers.employer",
            headers=(
                _("Company"),
                _("NIB"),
                _("Status"),
                _("Industry"),
                _("Type"),
                _("Regency/city"),
                _("District"),
                _("Open vacancies"),
                _("Last referral"),
            ),
            queryset=caseload.employer_rows(queryset, today),
            row=lambda e: [
                e.name,
                e.nib,
                e.get_status_display(),
                e.industry.code if e.industry else "",
                e.get_ownership_display(),
                e.regency.name if e.regency else "",
                e.district.name if e.district else "",
                e.open_vacancies,
                _date(e.last_referral),
            ],
        )
    return _render(
        request,
        "officers/caseload/employer_list.html",
        form,
        caseload.page_of(request, caseload.employer_rows(queryset, today), queryset),
        "employers",
        EMPLOYER_COLUMNS,
    )


@office_required
@require_GET
def vacancies(request: HttpRequest) -> HttpResponse:
    """The region's vacancies, published ones by default, the soonest closing first."""
    today = timezone.localdate()
    form = caseload.VacancyFilterForm(request.GET, user=request.user)
    queryset = VACANCY_COLUMNS.apply(request, caseload.vacancies(request.user, form, today))
    fmt = listing.export_format(request)
    if fmt and not form.errors:
        return listing.export(
            request,
            fmt=fmt,
            name="vacancies",
            title=str(_("Vacancies")),
            object_type="employers.vacancy",
            headers=(
                _("Number"),
                _("Vacancy"),
                _("Company"),
                _("Status"),
                _("KBJI"),
                _("Education"),
                _("People needed"),
                _("Open positions"),
                _("Open from"),
                _("Open until"),
                _("Referrals"),
                _("Last referral"),
            ),
            queryset=caseload.vacancy_rows(queryset),
            row=lambda v: [
                v.reference,
                v.title,
                v.employer.name,
                v.get_status_display(),
                v.occupation.code if v.occupation else "",
                v.min_education.short_name if v.min_education else "",
                v.headcount,
                v.open_positions,
                _date(v.valid_from),
                _date(v.valid_to),
                v.referral_count,
                _date(v.last_referral),
            ],
        )
    return _render(
        request,
        "officers/caseload/vacancy_list.html",
        form,
        caseload.page_of(request, caseload.vacancy_rows(queryset), queryset),
        "vacancies",
        VACANCY_COLUMNS,
        queue=form.value("queue"),
        today=today,
    )


urlpatterns = [
    path("caseload/seekers/", seekers, name="caseload_seekers"),
    path("caseload/employers/", employers, name="caseload_employers"),
    path("caseload/vacancies/", vacancies, name="caseload_vacancies"),
]

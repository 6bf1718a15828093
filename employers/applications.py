"""The employer's application pages: the applicants of an own vacancy, one applicant's profile
summary, and the answer (seen, shortlisted, interview, hired, not selected). The rules are in
`placement.pipeline`."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from employers.access import get_vacancy_for_employer
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.pipeline import services
from placement.pipeline.access import applicant_queryset, get_application_for_employer
from placement.pipeline.forms import ApplicationStatusForm
from placement.pipeline.models import Application

PAGE_SIZE = 25


@role_required(Role.EMPLOYER)
@require_GET
def employer_applications(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicants of one of the company's vacancies, with their profile summary."""
    vacancy = get_vacancy_for_employer(request.user, pk)
    applications = applicant_queryset().filter(vacancy=vacancy).order_by("-created_at")
    status = request.GET.get("status", "")
    if status in Application.Status.values:
        applications = applications.filter(status=status)
    counts = dict(
        Application.objects.filter(vacancy=vacancy)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/application_list.html",
        {
            "vacancy": vacancy,
            "page": page,
            "status": status,
            "query": f"status={status}" if status in Application.Status.values else "",
            "statuses": [
                (value, label, counts.get(value, 0)) for value, label in Application.Status.choices
            ],
            "total": sum(counts.values()),
            "contact_statuses": services.CONTACT_STATUSES,
        },
    )


@role_required(Role.EMPLOYER)
@require_GET
def employer_application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One applicant's profile summary and the status form."""
    application = get_application_for_employer(request.user, pk)
    return render(
        request,
        "employers/application_detail.html",
        {
            "application": application,
            "seeker": application.seeker,
            "form": ApplicationStatusForm(application=application),
            "show_contact": application.status in services.CONTACT_STATUSES,
        },
    )


@role_required(Role.EMPLOYER)
@require_POST
def employer_application_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an application on (seen, shortlisted, interview, hired, not selected)."""
    application = get_application_for_employer(request.user, pk)
    form = ApplicationStatusForm(request.POST, application=application)
    if form.is_valid():
        try:
            services.change_application_status(
                application=application, status=form.cleaned_data["status"], by=request.user
            )
        except services.ApplicationRefused as refused:
            form.add_error("status", str(refused))
        else:
            messages.success(request, _("The status is saved; the applicant sees it."))
            return redirect("employers:application_detail", application.pk)
    return render(
        request,
        "employers/application_detail.html",
        {
            "application": application,
            "seeker": application.seeker,
            "form": form,
            "show_contact": application.status in services.CONTACT_STATUSES,
        },
        status=400,
    )

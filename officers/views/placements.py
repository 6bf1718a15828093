"""Placement pages: the region's placements, recording a job found outside the service, one
placement with its three-month follow-up, and the queue of follow-ups due."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers.models import Employer
from officers import caseload, queues
from officers.access import (
    get_case_seeker,
    get_follow_up_for_officer,
    get_placement_for_officer,
    office_required,
)
from officers.forms import FollowUpForm, OutsidePlacementForm
from placement.pipeline import services
from placement.pipeline.models import FollowUp, Placement
from placement.taxonomy.widgets import is_picker_search


@office_required
@require_GET
def placement_list(request: HttpRequest) -> HttpResponse:
    """Placements of the region's seekers, newest first; filter by AKL/AKAD/AKAN and month."""
    scoped = Placement.objects.visible_to(request.user)
    scope = request.GET.get("scope", "")
    month = request.GET.get("month", "")[:7]
    placements = scoped
    if scope in Placement.Scope.values:
        placements = placements.filter(scope=scope)
    if len(month) == 7 and month[:4].isdigit() and month[4] == "-" and month[5:].isdigit():
        year, number = int(month[:4]), int(month[5:])
        if 1 <= number <= 12 and 2000 <= year <= 2100:
            placements = placements.filter(placed_on__year=year, placed_on__month=number)
        else:
            month = ""
    else:
        month = ""
    counts = dict(
        placements.values_list("scope").annotate(n=Count("pk")).order_by().values_list("scope", "n")
    )
    placements = placements.select_related("seeker", "follow_up").order_by("-placed_on", "-pk")
    page = caseload.page_of(request, placements)
    return render(
        request,
        "officers/placements/placement_list.html",
        {
            "page": page,
            "capped": page.paginator.capped,
            "scope": scope,
            "month": month,
            "scopes": [(v, label, counts.get(v, 0)) for v, label in Placement.Scope.choices],
            "query": caseload.query_without_page(request),
        },
    )


@office_required
@require_http_methods(["GET", "POST"])
def placement_new(request: HttpRequest) -> HttpResponse:
    """Record a job the seeker found outside the service (reported by the seeker or employer)."""
    seeker_pk = request.POST.get("seeker") or request.GET.get("seeker")
    if not seeker_pk:
        raise Http404
    seeker = get_case_seeker(request.user, seeker_pk, purpose="placement")
    if request.method == "GET":
        form = OutsidePlacementForm(initial={"placed_on": timezone.localdate()})
        return _form(request, form, seeker)
    form = OutsidePlacementForm(request.POST)
    if is_picker_search(request.POST):
        form.is_valid()
        form._errors = ErrorDict()
        return _form(request, form, seeker)
    if form.is_valid():
        data = form.cleaned_data
        try:
            placement = services.record_placement(
                seeker=seeker,
                by=request.user,
                placed_on=data["placed_on"],
                employer=data.get("nib"),
                employer_name=data.get("employer_name", ""),
                employer_type=data.get("employer_type", ""),
                industry_section=data.get("industry_section", ""),
                job_title=data.get("job_title", ""),
                occupation=data.get("occupation"),
                work_regency=data.get("work_regency"),
                country=data.get("country", ""),
                job_order_number=data.get("job_order_number", ""),
                reported_by=data["reported_by"],
            )
        except services.PlacementRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("The placement is recorded (%(scope)s); the AK/I card is now inactive.")
                % {"scope": placement.scope},
            )
            return redirect("officers:placement_detail", placement.pk)
    return _form(request, form, seeker, status=400)


def _form(request, form, seeker, status: int = 200) -> HttpResponse:
    return render(
        request,
        "officers/placements/placement_form.html",
        {"form": form, "seeker": seeker},
        status=status,
    )


@office_required
@require_GET
def placement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One placement: the job, AKL/AKAD/AKAN and the follow-up."""
    placement = get_placement_for_officer(request.user, pk)
    follow_up = getattr(placement, "follow_up", None)
    form = FollowUpForm() if follow_up is not None and not follow_up.is_done else None
    return render(
        request,
        "officers/placements/placement_detail.html",
        {
            "placement": placement,
            "follow_up": follow_up,
            "form": form,
            "employer_type": _employer_type(placement),
        },
    )


@office_required
@require_POST
def follow_up_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the three-month follow-up: still employed? yes / no / unknown."""
    follow_up = get_follow_up_for_officer(request.user, pk)
    form = FollowUpForm(request.POST)
    if form.is_valid() and not follow_up.is_done:
        try:
            services.record_follow_up(
                follow_up=follow_up,
                answer=form.cleaned_data["still_employed"],
                note=form.cleaned_data.get("note", ""),
                by=request.user,
            )
        except services.PlacementRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The follow-up is recorded in the case file."))
            return redirect("officers:placement_detail", follow_up.placement_id)
    elif follow_up.is_done:
        form.add_error(None, _("This follow-up is already recorded."))
    placement = get_placement_for_officer(request.user, follow_up.placement_id)
    return render(
        request,
        "officers/placements/placement_detail.html",
        {
            "placement": placement,
            "follow_up": follow_up,
            "form": form,
            "employer_type": _employer_type(placement),
        },
        status=400,
    )


def _employer_type(placement: Placement) -> str:
    return str(dict(Employer.Ownership.choices).get(placement.employer_type, ""))


@office_required
@require_GET
def follow_up_list(request: HttpRequest) -> HttpResponse:
    """Follow-ups due (three months after the start of work), the oldest first."""
    today = timezone.localdate()
    follow_ups = queues.follow_ups_due(
        FollowUp.objects.filter(placement__in=Placement.objects.visible_to(request.user)), today
    ).select_related("placement", "placement__seeker")
    page = caseload.page_of(request, follow_ups.order_by("due_on", "pk"))
    return render(
        request,
        "officers/placements/follow_up_list.html",
        {
            "page": page,
            "capped": page.paginator.capped,
            "query": caseload.query_without_page(request),
            "answers": FollowUp.Answer.choices,
        },
    )


urlpatterns = [
    path("placements/", placement_list, name="placement_list"),
    path("placements/new/", placement_new, name="placement_new"),
    path("placements/<int:pk>/", placement_detail, name="placement_detail"),
    path("follow-ups/", follow_up_list, name="follow_up_list"),
    path("follow-ups/<int:pk>/", follow_up_record, name="follow_up_record"),
]

"""Placement pages: the region's placements, recording a job found outside the service, one
placement with its three-month follow-up, and the queue of follow-ups due."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers.models import Employer
from officers import caseload, listing, queues
from officers.access import (
    get_case_seeker,
    get_follow_up_for_officer,
    get_placement_for_officer,
    office_required,
)
from officers.forms import FollowUpForm, OutsidePlacementForm
from officers.listing import Column, query_without
from placement.pipeline import services
from placement.pipeline.models import FollowUp, Placement
from placement.taxonomy.widgets import is_picker_search

PLACEMENT_COLUMNS = listing.Sorting(
    {
        "started": Column(gettext_lazy("Started work on"), ("placed_on",)),
        "seeker": Column(gettext_lazy("Job seeker"), ("seeker__full_name",)),
        "employer": Column(gettext_lazy("Employer"), ("employer_name",)),
        "job": Column(gettext_lazy("Job"), ("job_title",)),
        "scope": Column(gettext_lazy("AKL/AKAD/AKAN"), ("scope",)),
        "how": Column(gettext_lazy("How"), ("source",)),
        "follow_up": Column(gettext_lazy("Follow-up")),
    }
)
FOLLOW_UP_COLUMNS = listing.Sorting(
    {
        "due": Column(gettext_lazy("Due on"), ("due_on",)),
        "seeker": Column(gettext_lazy("Job seeker"), ("placement__seeker__full_name",)),
        "employer": Column(gettext_lazy("Employer"), ("placement__employer_name",)),
        "started": Column(gettext_lazy("Started work on"), ("placement__placed_on",)),
        "answer": Column(gettext_lazy("Still employed?")),
    }
)


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
    q = request.GET.get("q", "").strip()[:100]
    if q:
        placements = placements.filter(
            Q(seeker__full_name__icontains=q)
            | Q(employer_name__icontains=q)
            | Q(job_title__icontains=q)
        )
    placements = PLACEMENT_COLUMNS.apply(
        request, placements.select_related("seeker", "follow_up").order_by("-placed_on", "-pk")
    )
    fmt = listing.export_format(request)
    if fmt:
        return listing.export(
            request,
            fmt=fmt,
            name="placements",
            title=str(_("Placements")),
            object_type="pipeline.placement",
            headers=(
                _("Started work on"),
                _("Job seeker"),
                _("AK/I number"),
                _("Employer"),
                _("Job"),
                _("AKL/AKAD/AKAN"),
                _("How"),
                _("Type of employer"),
                _("Follow-up due"),
                _("Still employed?"),
            ),
            queryset=placements,
            row=lambda p: [
                p.placed_on,
                p.seeker.full_name,
                p.seeker.ak1_number,
                p.employer_name,
                p.job_title,
                p.scope,
                p.get_source_display(),
                _employer_type(p),
                p.follow_up.due_on if hasattr(p, "follow_up") else "",
                p.follow_up.get_still_employed_display()
                if hasattr(p, "follow_up") and p.follow_up.done_on
                else "",
            ],
        )
    page = caseload.page_of(request, placements)
    return render(
        request,
        "officers/placements/placement_list.html",
        {
            "page": page,
            "capped": page.paginator.capped,
            "scope": scope,
            "month": month,
            "q": q,
            "scopes": [(v, label, counts.get(v, 0)) for v, label in Placement.Scope.choices],
            "query": query_without(request, "page").urlencode(),
            "headers": PLACEMENT_COLUMNS.headers(request),
            "sort": request.GET.get("sort", "") if PLACEMENT_COLUMNS.current(request)[0] else "",
            "export_query": listing.export_query(request),
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
    q = request.GET.get("q", "").strip()[:100]
    if q:
        follow_ups = follow_ups.filter(
            Q(placement__seeker__full_name__icontains=q) | Q(placement__employer_name__icontains=q)
        )
    follow_ups = FOLLOW_UP_COLUMNS.apply(request, follow_ups.order_by("due_on", "pk"))
    fmt = listing.export_format(request)
    if fmt:
        return listing.export(
            request,
            fmt=fmt,
            name="follow-ups",
            title=str(_("Placement follow-ups due")),
            object_type="pipeline.followup",
            headers=(
                _("Due on"),
                _("Job seeker"),
                _("AK/I number"),
                _("Employer"),
                _("Started work on"),
            ),
            queryset=follow_ups,
            row=lambda f: [
                f.due_on,
                f.placement.seeker.full_name,
                f.placement.seeker.ak1_number,
                f.placement.employer_name,
                f.placement.placed_on,
            ],
        )
    page = caseload.page_of(request, follow_ups)
    return render(
        request,
        "officers/placements/follow_up_list.html",
        {
            "page": page,
            "capped": page.paginator.capped,
            "query": query_without(request, "page").urlencode(),
            "answers": FollowUp.Answer.choices,
            "q": q,
            "headers": FOLLOW_UP_COLUMNS.headers(request),
            "sort": request.GET.get("sort", "") if FOLLOW_UP_COLUMNS.current(request)[0] else "",
            "export_query": listing.export_query(request),
        },
    )


urlpatterns = [
    path("placements/", placement_list, name="placement_list"),
    path("placements/new/", placement_new, name="placement_new"),
    path("placements/<int:pk>/", placement_detail, name="placement_detail"),
    path("follow-ups/", follow_up_list, name="follow_up_list"),
    path("follow-ups/<int:pk>/", follow_up_record, name="follow_up_record"),
]

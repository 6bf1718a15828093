"""The seeker's own reports and the account claim: the six-monthly report with its questions,
"I got a job", and taking over a registration made at the counter (NIK + one-time code).

Thin views: parse, call the one service, show the result. Forms work without JavaScript (the
pickers search with a button)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jobseekers import services
from jobseekers.access import get_own_seeker
from jobseekers.desk_forms import WORKING, ClaimForm, HireReportForm, SixMonthReportForm
from jobseekers.models import JobSeeker
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.pipeline import services as pipeline
from placement.taxonomy.widgets import is_picker_search


def _attach(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    """The six-monthly report ("lapor") with its questions; reactivates a removed card."""
    seeker = get_own_seeker(request.user)
    today = timezone.localdate()
    form = SixMonthReportForm(
        request.POST if request.method == "POST" else None, initial={"still_looking": "yes"}
    )
    if request.method == "POST" and is_picker_search(request.POST):
        form.is_valid()
        form._errors = ErrorDict()
    elif request.method == "POST" and form.is_valid():
        if form.cleaned_data["still_looking"] == WORKING:
            return redirect("jobseekers:hire_report")
        try:
            kind = services.report_jobseeker(
                seeker=seeker, actor=request.user, answers=form.answers(), via="web"
            )
        except ValidationError as error:
            _attach(form, error)
        else:
            if kind == "seeker_reactivated":
                messages.success(request, _("Your AK/I card is active again. Thank you."))
            elif kind == "seeker_removed":
                messages.success(request, _("Your card is removed. Good luck!"))
            else:
                messages.success(request, _("Thank you, your report is recorded."))
            return redirect("jobseekers:portal")
    return render(
        request,
        "jobseekers/report_form.html",
        {"seeker": seeker, "form": form, "can_report": seeker.can_report_on(today)},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def hire_report(request: HttpRequest) -> HttpResponse:
    """ "I got a job": the office confirms it, then the card becomes inactive."""
    seeker = get_own_seeker(request.user)
    pending = seeker.hire_reports.pending().first()
    form = HireReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and is_picker_search(request.POST):
        form.is_valid()
        form._errors = ErrorDict()
    elif request.method == "POST" and form.is_valid():
        try:
            pipeline.report_hire(seeker=seeker, actor=request.user, via="web", **form.cleaned_data)
        except pipeline.HireReportRefused as refused:
            field = refused.field if refused.field in form.fields else None
            form.add_error(field, str(refused))
        else:
            messages.success(
                request,
                _("Thank you and congratulations! The Disnaker confirms it and tells you."),
            )
            return redirect("jobseekers:portal")
    return render(
        request,
        "jobseekers/hire_report.html",
        {
            "seeker": seeker,
            "form": form,
            "pending": pending,
            "can_report": seeker.status == JobSeeker.Status.ACTIVE and pending is None,
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def claim(request: HttpRequest) -> HttpResponse:
    """ "I registered at the counter": NIK + the code on the slip -> an online account."""
    if request.user.is_authenticated:
        return redirect("jobseekers:portal")
    form = ClaimForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.claim_account(
                nik=data["nik"],
                code=data["code"],
                email=data["email"],
                password=data["password1"],
                via="web",
            )
        except ValidationError as error:
            _attach(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your account is ready. Welcome!"))
            return redirect("jobseekers:portal")
    return render(
        request,
        "jobseekers/claim.html",
        {"form": form},
        status=400 if request.method == "POST" and form.errors else 200,
    )

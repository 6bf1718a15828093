"""The registration desk: walk-in registration at the counter and the slip with the claim code,
return / reject / remove / reissue / merge / complete on a case file, the six-monthly report taken
at the office, and the "I got a job" reports to confirm.

Views are thin: every record through the scoped access helpers (404 outside the region), every
change through one service (jobseekers.services, placement.pipeline.services) with via="web".
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jobseekers import services
from jobseekers.consent import CURRENT_CONSENT_VERSION, consent_text
from jobseekers.desk_forms import (
    WORKING,
    CompleteForm,
    ConfirmHireForm,
    CounterRegistrationForm,
    DismissHireForm,
    MergeForm,
    ReissueForm,
    RejectForm,
    RemoveForm,
    ReturnForm,
    SixMonthReportForm,
)
from jobseekers.models import JobSeeker
from officers.access import get_case_seeker, office_required
from placement.accounts.access import parse_pk
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent
from placement.pipeline import services as pipeline
from placement.pipeline.models import HireReport
from placement.taxonomy.widgets import is_picker_search

SLIP_SESSION_KEY = "desk-claim-code"


def attach(form, error: ValidationError) -> None:
    """A service's error on the field it names (or at the top of the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _remember_code(request: HttpRequest, seeker: JobSeeker, code: str) -> None:
    """The code is shown once, on the slip page after the redirect; only its hash is stored."""
    request.session[SLIP_SESSION_KEY] = {"seeker": seeker.pk, "code": code}


# --- Walk-in registration ------------------------------------------------------------------------
@office_required
@require_http_methods(["GET", "POST"])
def counter_register(request: HttpRequest) -> HttpResponse:
    """Register a person at the counter. "Read the NIK" shows the sex and date of birth it
    gives (without saving); "Register" saves and sends the registration for verification."""
    if request.method == "GET":
        form = CounterRegistrationForm(initial={"relocation": "regency"})
        return _counter_page(request, form)
    form = CounterRegistrationForm(request.POST)
    if is_picker_search(request.POST) or request.POST.get("action") == "check":
        form.is_valid()
        form._errors = ErrorDict(
            {k: v for k, v in form.errors.items() if k == "nik"}
            if request.POST.get("action") == "check"
            else {}
        )
        form.education._errors = ErrorDict()
        return _counter_page(request, form)
    if form.is_valid():
        try:
            seeker, code = services.register_walk_in(
                officer=request.user,
                entry=services.WalkIn(
                    **form.entry_values(), consent_version=CURRENT_CONSENT_VERSION
                ),
                via="web",
            )
        except ValidationError as error:
            attach(form, error)
        else:
            _remember_code(request, seeker, code)
            messages.success(
                request,
                _("Registered. Check the documents and verify, or return it with a reason."),
            )
            return redirect("officers:counter_slip", seeker.pk)
    return _counter_page(request, form, status=400)


def _counter_page(request, form, status: int = 200) -> HttpResponse:
    return render(
        request,
        "officers/seekers/counter_register.html",
        {
            "form": form,
            "derived": form.derived(),
            "consent_paragraphs": consent_text(),
        },
        status=status,
    )


@office_required
@require_GET
def counter_slip(request: HttpRequest, pk: int) -> HttpResponse:
    """The slip for the person: registration number, what happens next and the one-time code."""
    seeker = get_case_seeker(request.user, pk, purpose="slip")
    kept = request.session.get(SLIP_SESSION_KEY) or {}
    code = ""
    if kept.get("seeker") == seeker.pk:
        code = services.format_claim_code(kept["code"])
        del request.session[SLIP_SESSION_KEY]
    return render(
        request,
        "officers/seekers/counter_slip.html",
        {
            "seeker": seeker,
            "code": code,
            "days": services.CLAIM_CODE_DAYS,
            "documents": JobSeeker.Document.choices,
        },
    )


@office_required
@require_POST
def seeker_claim_code(request: HttpRequest, pk: int) -> HttpResponse:
    """A new one-time code for a person without an online account (the old one stops)."""
    seeker = get_case_seeker(request.user, pk, purpose="claim_code")
    try:
        code = services.issue_claim_code(seeker=seeker, officer=request.user, via="web")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("officers:seeker_detail", seeker.pk)
    _remember_code(request, seeker, code)
    return redirect("officers:counter_slip", seeker.pk)


# --- Decisions on a case file --------------------------------------------------------------------
ACTIONS = {
    "return": (
        ReturnForm,
        gettext_lazy("Return the registration"),
        gettext_lazy(
            "The person is told what to fix (on their portal and by e-mail if they have an "
            "account) and sends it again; at the counter you complete it when they come back."
        ),
        gettext_lazy("Return with this reason"),
    ),
    "reject": (
        RejectForm,
        gettext_lazy("Do not accept the registration"),
        gettext_lazy("Nothing is counted in IPK: the registration never entered the stock."),
        gettext_lazy("Do not accept"),
    ),
    "remove": (
        RemoveForm,
        gettext_lazy("Remove the card (dihapuskan)"),
        gettext_lazy("Re-registration later makes the same AK/I number active again."),
        gettext_lazy("Remove"),
    ),
    "reissue": (
        ReissueForm,
        gettext_lazy("Print the card again"),
        gettext_lazy("After this, print the card: it shows the same number."),
        gettext_lazy("Reissue"),
    ),
    "merge": (
        MergeForm,
        gettext_lazy("Merge a duplicate into this registration"),
        gettext_lazy(
            "This registration is kept. The other one is closed into it: removed once if its "
            "card was active, else not accepted. Both histories stay; an online account moves "
            "here if this one has none."
        ),
        gettext_lazy("Merge into this registration"),
    ),
    "complete": (
        CompleteForm,
        gettext_lazy("Complete the returned registration"),
        gettext_lazy(
            "Tick the documents the person brought and add the education row if needed; the "
            "registration goes back to the verification queue."
        ),
        gettext_lazy("Send for verification"),
    ),
}


@office_required
@require_http_methods(["GET", "POST"])
def seeker_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One decision on a registration: a form, then the one service that makes the change."""
    if action not in ACTIONS:
        raise Http404
    form_class, title, intro, submit = ACTIONS[action]
    seeker = get_case_seeker(request.user, pk, purpose=action)
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            _decide(request, seeker, action, form.cleaned_data, form)
        except ValidationError as error:
            attach(form, error)
        else:
            return redirect("officers:seeker_detail", seeker.pk)
    return render(
        request,
        "officers/seekers/desk_form.html",
        {
            "seeker": seeker,
            "form": form,
            "title": title,
            "intro": intro,
            "submit": submit,
            "destructive": action in ("reject", "remove"),
        },
        status=400 if request.method == "POST" else 200,
    )


def _decide(request, seeker: JobSeeker, action: str, data: dict, form) -> None:
    user = request.user
    if action == "return":
        services.return_registration(seeker=seeker, officer=user, reason=data["reason"], via="web")
        messages.success(request, _("Returned. The person is told the reason."))
    elif action == "reject":
        services.reject_registration(
            seeker=seeker, officer=user, reason=data["reason"], note=data["note"], via="web"
        )
        messages.success(request, _("The registration is not accepted."))
    elif action == "remove":
        services.remove_jobseeker(
            seeker=seeker, officer=user, reason=data["reason"], note=data["note"], via="web"
        )
        messages.success(request, _("The card is removed."))
    elif action == "reissue":
        seeker = services.reissue_card(seeker=seeker, officer=user, reason=data["reason"])
        messages.success(
            request,
            _("Printing %(edition)s of card %(number)s is logged. Print it now.")
            % {"edition": seeker.card_edition, "number": seeker.ak1_number},
        )
    elif action == "merge":
        other = _other_record(user, data["other"])
        if other is None:
            raise ValidationError(
                {"other": [_("No registration with this number in your region.")]}
            )
        services.merge_duplicate(
            keep=seeker, duplicate=other, officer=user, note=data["note"], via="web"
        )
        messages.success(request, _("Merged. The duplicate is closed into this registration."))
    elif action == "complete":
        services.complete_at_counter(
            seeker=seeker,
            officer=user,
            documents=data["documents"],
            education=form.education(),
            via="web",
        )
        messages.success(request, _("Complete. The registration waits for verification again."))


def _other_record(user, value: str) -> JobSeeker | None:
    """The duplicate by AK/I number or case-file number, in the officer's region only."""
    value = value.strip().lstrip("#")
    query = Q(ak1_number=value)
    if value.isdigit() and len(value) <= 12:
        query |= Q(pk=parse_pk(value))
    other = JobSeeker.objects.visible_to(user).filter(query).first()
    if other is not None:
        audit(actor=user, action=AuditEvent.Action.VIEW, obj=other, purpose="merge")
    return other


# --- The six-monthly report at the office --------------------------------------------------------
@office_required
@require_http_methods(["GET", "POST"])
def seeker_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The report made at the office (the officer asks the same questions), or re-registration
    of a removed or placed card."""
    seeker = get_case_seeker(request.user, pk, purpose="report")
    form = SixMonthReportForm(
        request.POST if request.method == "POST" else None, initial={"still_looking": "yes"}
    )
    if request.method == "POST" and is_picker_search(request.POST):
        form.is_valid()
        form._errors = ErrorDict()
    elif request.method == "POST" and form.is_valid():
        if form.cleaned_data["still_looking"] == WORKING:
            messages.info(request, _("Record the job as a placement: it counts as placed."))
            return redirect(f"{reverse('officers:placement_new')}?seeker={seeker.pk}")
        try:
            kind = services.report_jobseeker(
                seeker=seeker, actor=request.user, answers=form.answers(), via="web"
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, report_message(kind))
            return redirect("officers:seeker_detail", seeker.pk)
    return render(
        request,
        "officers/seekers/report_form.html",
        {"seeker": seeker, "form": form},
        status=400 if request.method == "POST" and form.errors else 200,
    )


def report_message(kind: str) -> str:
    if kind == "seeker_reactivated":
        return _("The card is active again.")
    if kind == "seeker_removed":
        return _("The card is removed at the holder's request.")
    return _("The report is recorded.")


# --- "I got a job" reports -----------------------------------------------------------------------
@office_required
@require_GET
def hire_report_list(request: HttpRequest) -> HttpResponse:
    """The region's hire reports waiting for a decision, oldest first."""
    reports = (
        HireReport.objects.visible_to(request.user)
        .pending()
        .select_related("seeker", "work_regency")
        .order_by("created_at", "pk")[:200]
    )
    return render(request, "officers/placements/hire_reports.html", {"reports": reports})


@office_required
@require_http_methods(["GET", "POST"])
def hire_report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One hire report: confirm it as a placement or dismiss it with a reason."""
    report = (
        HireReport.objects.visible_to(request.user)
        .select_related("seeker", "occupation", "work_regency", "placement", "vacancy")
        .filter(pk=parse_pk(pk))
        .first()
    )
    if report is None:
        raise Http404
    audit(actor=request.user, action=AuditEvent.Action.VIEW, obj=report.seeker, purpose="hire")
    confirm = ConfirmHireForm(
        request.POST if request.POST.get("action") == "confirm" else None,
        employer_report=report.vacancy_id is not None,
    )
    dismiss = DismissHireForm(request.POST if request.POST.get("action") == "dismiss" else None)
    if request.method == "POST":
        chosen = confirm if request.POST.get("action") == "confirm" else dismiss
        if chosen.is_bound and chosen.is_valid():
            try:
                if chosen is confirm:
                    placement = pipeline.confirm_hire_report(
                        report=report, officer=request.user, via="web", **confirm.cleaned_data
                    )
                else:
                    pipeline.dismiss_hire_report(
                        report=report, officer=request.user, via="web", **dismiss.cleaned_data
                    )
            except pipeline.HireReportRefused as refused:
                field = refused.field if refused.field in chosen.fields else None
                chosen.add_error(field, str(refused))
            else:
                if chosen is confirm:
                    messages.success(
                        request,
                        _("Confirmed: placement recorded (%(scope)s); the card is now inactive.")
                        % {"scope": placement.scope},
                    )
                    return redirect("officers:placement_detail", placement.pk)
                messages.success(request, _("The report is dismissed; the card stays active."))
                return redirect("officers:hire_report_list")
    return render(
        request,
        "officers/placements/hire_report_detail.html",
        {
            "report": report,
            "confirm": confirm,
            "dismiss": dismiss,
            "today": timezone.localdate(),
        },
        status=400 if request.method == "POST" else 200,
    )


urlpatterns = [
    path("seekers/new/", counter_register, name="counter_register"),
    path("seekers/<int:pk>/slip/", counter_slip, name="counter_slip"),
    path("seekers/<int:pk>/claim-code/", seeker_claim_code, name="seeker_claim_code"),
    path("seekers/<int:pk>/report/", seeker_report, name="seeker_report"),
    path("seekers/<int:pk>/<slug:action>/", seeker_action, name="seeker_action"),
    path("hire-reports/", hire_report_list, name="hire_report_list"),
    path("hire-reports/<int:pk>/", hire_report_detail, name="hire_report_detail"),
]

"""The privacy officer's pages: the request queue (with the 3x24-hour clock), each request, and the
breach register. Everyone else gets 404. The seeker's own requests are filed on
jobseekers/privacy.py, an officer's for a walk-in on officers/views/privacy.py; the three share the
"privacy:" names (placement/urls.py)."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers.imports import neutralise
from placement.accounts.access import parse_pk, role_required
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, Role
from placement.privacy import services
from placement.privacy.forms import (
    ActionsForm,
    BreachForm,
    NoticeForm,
    ResolutionForm,
)
from placement.privacy.models import Breach, SubjectRequest

privacy_required = role_required(Role.PRIVACY)
PAGE_SIZE = 50


def _with_clock(items, now):
    for item in items:
        item.timer = item.clock(now)
    return items


# --- The privacy officer: requests ---------------------------------------------------------------
@privacy_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """Open requests by deadline (overdue first, in red); then the answered ones."""
    now = timezone.now()
    open_requests = _with_clock(
        list(
            SubjectRequest.objects.filter(status__in=SubjectRequest.OPEN_STATUSES)
            .select_related("seeker", "filed_by", "handled_by")
            .order_by("due_at", "pk")
        ),
        now,
    )
    closed = Paginator(
        SubjectRequest.objects.exclude(status__in=SubjectRequest.OPEN_STATUSES)
        .select_related("seeker", "handled_by")
        .order_by("-resolved_at", "-pk"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    _with_clock(closed.object_list, now)
    breaches = _with_clock(
        list(Breach.objects.exclude(status=Breach.Status.CLOSED).order_by("due_at")), now
    )
    return render(
        request,
        "privacy/queue.html",
        {
            "open_requests": open_requests,
            "overdue": sum(1 for r in open_requests if r.timer.overdue),
            "closed": closed,
            "page": closed,
            "breaches": breaches,
        },
    )


def _request(pk: object) -> SubjectRequest:
    return get_object_or_404(
        SubjectRequest.objects.select_related("seeker__regency", "seeker__office", "filed_by"),
        pk=parse_pk(pk),
    )


@privacy_required
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One request: who, what, the clock, the person's record for checking, and the actions."""
    subject_request = _request(pk)
    subject_request.timer = subject_request.clock()
    audit(
        actor=request.user,
        action=AuditEvent.Action.VIEW,
        obj=subject_request.seeker,
        purpose="privacy_request",
    )
    return render(
        request,
        "privacy/request_detail.html",
        {"item": subject_request, "form": ResolutionForm(), "log": _log(subject_request)},
    )


def _log(subject_request: SubjectRequest):
    return AuditEvent.objects.filter(
        object_type=SubjectRequest._meta.label_lower, object_id=str(subject_request.pk)
    ).select_related("actor")


@privacy_required
@require_POST
def request_action(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Start, complete or refuse a request."""
    subject_request = _request(pk)
    form = ResolutionForm(request.POST)
    if step == "start":
        form = None
    elif not form.is_valid():
        return _detail_again(request, subject_request, form)
    try:
        if step == "start":
            services.start_request(request=subject_request, actor=request.user)
        elif step == "complete":
            services.complete_request(
                request=subject_request,
                actor=request.user,
                resolution=form.cleaned_data["resolution"],
            )
            messages.success(request, _("The request is done and the person is told."))
        elif step == "refuse":
            services.refuse_request(
                request=subject_request,
                actor=request.user,
                reason=form.cleaned_data["resolution"],
            )
            messages.success(request, _("The request is refused and the person is told."))
        else:
            raise Http404
    except services.PrivacyError as error:
        form = form or ResolutionForm()
        form.add_error(None, error)
        return _detail_again(request, subject_request, form)
    return redirect("privacy:request", pk=subject_request.pk)


def _detail_again(request, subject_request, form) -> HttpResponse:
    subject_request.refresh_from_db()
    subject_request.timer = subject_request.clock()
    return render(
        request,
        "privacy/request_detail.html",
        {"item": subject_request, "form": form, "log": _log(subject_request)},
        status=400,
    )


# --- The privacy officer: breaches ---------------------------------------------------------------
@privacy_required
@require_http_methods(["GET", "POST"])
def breaches(request: HttpRequest) -> HttpResponse:
    """The breach register, newest first, and the form to record one."""
    form = BreachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            breach = services.record_breach(actor=request.user, **form.cleaned_data)
        except services.PrivacyError as error:
            form.add_error(None, error)
        else:
            return redirect("privacy:breach", pk=breach.pk)
    now = timezone.now()
    ordered = Breach.objects.annotate(
        closed_last=Case(
            When(status=Breach.Status.CLOSED, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    ).order_by("closed_last", "-discovered_at", "-pk")
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    _with_clock(page.object_list, now)
    return render(
        request,
        "privacy/breaches.html",
        {"form": form, "page": page},
        status=400 if form.errors else 200,
    )


def _breach_page(request, breach, forms=None, status=200) -> HttpResponse:
    breach.timer = breach.clock()
    forms = forms or {}
    return render(
        request,
        "privacy/breach_detail.html",
        {
            "breach": breach,
            "notice_form": forms.get("notice") or NoticeForm(),
            "actions_form": forms.get("actions")
            or ActionsForm(initial={"actions": breach.actions}),
            "log": AuditEvent.objects.filter(
                object_type=Breach._meta.label_lower, object_id=str(breach.pk)
            ).select_related("actor"),
        },
        status=status,
    )


@privacy_required
@require_GET
def breach_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _breach_page(request, get_object_or_404(Breach, pk=parse_pk(pk)))


@privacy_required
@require_POST
def breach_action(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Record a notice, save the actions taken, or close the incident."""
    breach = get_object_or_404(Breach, pk=parse_pk(pk))
    if step == "notice":
        form, name = NoticeForm(request.POST), "notice"
    elif step in ("actions", "close"):
        form, name = ActionsForm(request.POST), "actions"
    else:
        raise Http404
    if form.is_valid():
        try:
            if step == "notice":
                services.record_notice(
                    breach=breach,
                    actor=request.user,
                    to=form.cleaned_data["to"],
                    text=form.cleaned_data["text"],
                    sent_at=form.cleaned_data["sent_at"],
                )
            elif step == "actions":
                services.update_actions(
                    breach=breach, actor=request.user, actions=form.cleaned_data["actions"]
                )
            else:
                services.close_breach(
                    breach=breach, actor=request.user, actions=form.cleaned_data["actions"]
                )
        except services.PrivacyError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("privacy:breach", pk=breach.pk)
    breach.refresh_from_db()
    return _breach_page(request, breach, {name: form}, status=400)


@privacy_required
@require_GET
def breach_export(request: HttpRequest) -> HttpResponse:
    """The whole register as CSV (for the authority or an audit; formulas neutralised)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="breaches-{timezone.localdate():%Y%m%d}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("number"),
            _("incident"),
            _("discovered at"),
            _("notices due at"),
            _("affected data"),
            _("people affected"),
            _("persons notified at"),
            _("authority notified at"),
            _("late"),
            _("actions taken"),
            _("status"),
            _("closed at"),
        ]
    )

    def when(value) -> str:
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""

    count = 0
    for breach in Breach.objects.order_by("discovered_at", "pk"):
        count += 1
        writer.writerow(
            [
                breach.number,
                neutralise(breach.title),
                when(breach.discovered_at),
                when(breach.due_at),
                neutralise(breach.affected_data),
                breach.affected_subjects,
                when(breach.subjects_notified_at),
                when(breach.authority_notified_at),
                _("yes") if breach.notices_late() else _("no"),
                neutralise(breach.actions),
                breach.get_status_display(),
                when(breach.closed_at),
            ]
        )
    audit(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        object_type=Breach._meta.label_lower,
        count=count,
    )
    return response


urlpatterns = [
    path("requests/", queue, name="queue"),
    path("requests/<int:pk>/", request_detail, name="request"),
    path("requests/<int:pk>/<slug:step>/", request_action, name="request_action"),
    path("breaches/", breaches, name="breaches"),
    path("breaches.csv", breach_export, name="breach_export"),
    path("breaches/<int:pk>/", breach_detail, name="breach"),
    path("breaches/<int:pk>/<slug:step>/", breach_action, name="breach_action"),
]

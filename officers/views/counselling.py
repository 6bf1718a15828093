"""Counselling pages: record an AK/II interview or a guidance session, the sessions of the region,
one session, and the officer's queue of agreed actions."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from officers import caseload
from officers import services as officer_services
from officers.access import (
    actions_for_officer,
    get_action_for_officer,
    get_case_seeker,
    get_session_for_officer,
    office_required,
    sessions_for_officer,
)
from officers.forms import CounsellingForm, seekers_from_numbers
from officers.listing import query_without
from officers.models import CounsellingSession

Kind = CounsellingSession.Kind


def _kind(request: HttpRequest) -> str:
    kind = request.POST.get("kind") or request.GET.get("kind") or Kind.INDIVIDUAL
    return kind if kind in Kind.values else Kind.INDIVIDUAL


@office_required
@require_http_methods(["GET", "POST"])
def counselling_new(request: HttpRequest) -> HttpResponse:
    """Record a session: an AK/II interview or individual guidance for one seeker (from the case
    file), or a group session with the AK/I numbers of those present."""
    kind = _kind(request)
    seeker = None
    if kind != Kind.GROUP:
        seeker_pk = request.POST.get("seeker") or request.GET.get("seeker")
        if not seeker_pk:
            raise Http404
        seeker = get_case_seeker(request.user, seeker_pk, purpose="counselling")
    initial = {
        "kind": kind,
        "held_on": timezone.localdate(),
        "template": officer_services.DEFAULT_TEMPLATE[kind],
        "notes": officer_services.template_text(officer_services.DEFAULT_TEMPLATE[kind]),
    }
    if request.method == "GET":
        form = CounsellingForm(initial=initial, kind=kind)
        return _form_page(request, form, kind, seeker)
    form = CounsellingForm(request.POST, kind=kind)
    if "use_template" in request.POST:
        # Without JavaScript: put the chosen template's headings into the notes, save nothing.
        data = request.POST.copy()
        data["notes"] = officer_services.template_text(request.POST.get("template", ""))
        form = CounsellingForm(data, kind=kind)
        form._errors = ErrorDict()
        return _form_page(request, form, kind, seeker)
    if form.is_valid():
        seekers = [seeker] if seeker is not None else []
        missing: list[str] = []
        if kind == Kind.GROUP:
            seekers, missing = seekers_from_numbers(request.user, form.cleaned_data["ak1_numbers"])
        if missing:
            form.add_error(
                "ak1_numbers",
                _("Not found in your region: %(numbers)s.") % {"numbers": ", ".join(missing[:5])},
            )
        else:
            try:
                session = officer_services.record_session(
                    kind=kind,
                    by=request.user,
                    held_on=form.cleaned_data["held_on"],
                    seekers=seekers,
                    participants=form.cleaned_data.get("participants"),
                    template=form.cleaned_data.get("template", ""),
                    notes=form.cleaned_data.get("notes", ""),
                    actions=form.agreed_actions(),
                    training_kind=form.cleaned_data.get("training_kind", ""),
                    training_institution=form.cleaned_data.get("training_institution", ""),
                    training_programme=form.cleaned_data.get("training_programme", ""),
                )
            except officer_services.CounsellingRefused as refused:
                field = refused.field if refused.field in form.fields else None
                form.add_error(field, refused.message)
            else:
                messages.success(
                    request,
                    _("%(kind)s of %(date)s is recorded.")
                    % {
                        "kind": session.get_kind_display(),
                        "date": session.held_on.strftime("%d-%m-%Y"),
                    },
                )
                if seeker is not None:
                    return redirect("officers:seeker_casework", seeker.pk)
                return redirect("officers:counselling_detail", session.pk)
    return _form_page(request, form, kind, seeker, status=400)


def _form_page(request, form, kind, seeker, status: int = 200) -> HttpResponse:
    return render(
        request,
        "officers/counselling/session_form.html",
        {"form": form, "kind": kind, "seeker": seeker, "kinds": Kind},
        status=status,
    )


@office_required
@require_GET
def counselling_list(request: HttpRequest) -> HttpResponse:
    """The sessions held by the offices of the region, newest first; filter by type."""
    sessions = sessions_for_officer(request.user)
    kind = request.GET.get("kind", "")
    if kind in Kind.values:
        sessions = sessions.filter(kind=kind)
    if request.GET.get("mine") == "1":
        sessions = sessions.filter(officer__user=request.user)
    page = caseload.page_of(
        request,
        sessions.select_related("officer__user", "office").order_by("-held_on", "-pk"),
        sessions,
    )
    # How many registered seekers each session of the page had (one query for the page).
    through = CounsellingSession.seekers.through
    counts = dict(
        through.objects.filter(counsellingsession_id__in=[s.pk for s in page.object_list])
        .values_list("counsellingsession_id")
        .annotate(n=Count("pk"))
        .values_list("counsellingsession_id", "n")
    )
    for session in page.object_list:
        session.seeker_count = counts.get(session.pk, 0)
    return render(
        request,
        "officers/counselling/session_list.html",
        {
            "page": page,
            "capped": page.paginator.capped,
            "kind": kind,
            "kinds": Kind.choices,
            "mine": request.GET.get("mine") == "1",
            "query": query_without(request, "page").urlencode(),
        },
    )


@office_required
@require_GET
def counselling_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One session: who, notes, training referral and the agreed actions."""
    session = get_session_for_officer(request.user, pk)
    return render(
        request,
        "officers/counselling/session_detail.html",
        {
            "session": session,
            "seekers": list(
                session.seekers.select_related("education_level").order_by("full_name")[:200]
            ),
            "actions": list(session.actions.select_related("seeker").order_by("due_on", "pk")),
        },
    )


@office_required
@require_GET
def action_list(request: HttpRequest) -> HttpResponse:
    """The officer's open agreed actions, the earliest due first (all the office's: ?all=1)."""
    today = timezone.localdate()
    actions = actions_for_officer(request.user).filter(done_on__isnull=True)
    everyone = request.GET.get("all") == "1"
    officer = getattr(request.user, "officer_profile", None)
    if not everyone:
        actions = actions.filter(officer=officer) if officer else actions.none()
    q = request.GET.get("q", "").strip()[:100]
    if q:
        actions = actions.filter(Q(description__icontains=q) | Q(seeker__full_name__icontains=q))
    page = caseload.page_of(
        request,
        actions.select_related("seeker", "session", "officer__user").order_by("due_on", "pk"),
        actions,
    )
    return render(
        request,
        "officers/counselling/action_list.html",
        {
            "page": page,
            "capped": page.paginator.capped,
            "today": today,
            "everyone": everyone,
            "q": q,
            "query": query_without(request, "page").urlencode(),
        },
    )


@office_required
@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an agreed action as done."""
    action = get_action_for_officer(request.user, pk)
    officer_services.complete_action(action=action, by=request.user)
    messages.success(request, _("The action is marked as done."))
    nxt = request.POST.get("next", "")
    if nxt.startswith("/officer/") and "//" not in nxt:
        return redirect(nxt)
    return redirect("officers:action_list")


urlpatterns = [
    path("counselling/", counselling_list, name="counselling_list"),
    path("counselling/new/", counselling_new, name="counselling_new"),
    path("counselling/<int:pk>/", counselling_detail, name="counselling_detail"),
    path("actions/", action_list, name="action_list"),
    path("actions/<int:pk>/done/", action_done, name="action_done"),
]

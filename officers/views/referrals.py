"""Referral pages: refer a seeker to a vacancy (from a match, a search or the case file), the
referral with its letter (surat pengantar) and outcome, the region's referrals, and a vacancy's
referrals and candidates."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers.access import get_vacancy_for_officer, get_vacancy_for_viewer
from employers.models import Vacancy
from jobseekers.models import JobSeeker
from jobseekers.occupations import occupations_of
from officers import caseload, listing, queues
from officers.access import (
    get_case_seeker,
    get_referral_for_officer,
    office_required,
    referrals_for_officer,
)
from officers.forms import ReferralForm, SeekerLookupForm
from officers.listing import Column, query_without
from placement.accounts.access import parse_pk
from placement.accounts.audit import audit_list
from placement.accounts.scope import region_scope
from placement.matching import queries
from placement.matching.explain import explain_all
from placement.migrants.rules import age_warning
from placement.pipeline import services
from placement.pipeline.forms import ReferralOutcomeForm
from placement.pipeline.letter import render_referral_letter
from placement.pipeline.models import Referral

SEARCH_RESULTS = 20
Status = Referral.Status


def _open_vacancies():
    """Open vacancies and published ones opening later, with positions left."""
    return Vacancy.objects.referable()


@office_required
@require_http_methods(["GET", "POST"])
def referral_new(request: HttpRequest) -> HttpResponse:
    """GET: search a vacancy for a seeker (?seeker=) or a seeker for a vacancy (?vacancy=).
    POST: refer (send=1: the letter is issued) or only propose (send=0)."""
    if request.method == "POST":
        return _create(request)
    lookup = SeekerLookupForm(request.GET)
    q = lookup.query()
    context: dict = {"lookup": lookup, "q": q, "error": ""}
    if request.GET.get("seeker"):
        seeker = get_case_seeker(request.user, request.GET["seeker"], purpose="referral")
        everywhere = request.GET.get("everywhere") == "1"
        vacancies = _open_vacancies()
        if not everywhere:
            vacancies = vacancies.in_scope(region_scope(request.user))
        if q:
            reference = caseload.VACANCY_REFERENCE.match(q)
            vacancies = (
                vacancies.filter(pk=int(reference.group(1)))
                if reference
                else vacancies.filter(Q(title__icontains=q) | Q(employer__name__icontains=q))
            )
        context.update(
            seeker=seeker,
            everywhere=everywhere,
            vacancies=list(
                vacancies.select_related("employer", "regency", "min_education").order_by(
                    "valid_to", "pk"
                )[:SEARCH_RESULTS]
            ),
            referral_form=ReferralForm(initial={"seeker": seeker.pk, "source": "search"}),
        )
    elif request.GET.get("vacancy"):
        vacancy = get_vacancy_for_viewer(request.user, parse_pk(request.GET["vacancy"]))
        seekers = JobSeeker.objects.none()
        if q:
            seekers = JobSeeker.objects.visible_to(request.user).active()
            if caseload.AK1.match(q):
                seekers = seekers.filter(ak1_number=q)
            elif caseload.NIK.match(q):
                seekers = seekers.filter(nik=q)
            else:
                seekers = seekers.filter(full_name__icontains=q)
        found = list(
            seekers.select_related("education_level", "regency").order_by("full_name", "pk")[
                :SEARCH_RESULTS
            ]
        )
        if caseload.NIK.match(q):
            audit_list(actor=request.user, ids=[s.pk for s in found], purpose="nik_search")
        profiles = occupations_of(s.pk for s in found)
        # The age warning of each row reads the seeker and the vacancy already loaded.
        context.update(
            vacancy=vacancy,
            seekers=[(s, profiles[s.pk], age_warning(s, vacancy)) for s in found],
        )
    else:
        raise Http404
    return render(request, "officers/referrals/referral_new.html", context)


def _create(request: HttpRequest) -> HttpResponse:
    form = ReferralForm(request.POST)
    if not form.is_valid():
        return _refused(request, form)
    seeker = get_case_seeker(request.user, form.cleaned_data["seeker"], purpose="referral")
    vacancy = get_vacancy_for_viewer(request.user, form.cleaned_data["vacancy"])
    send = form.cleaned_data.get("send", "1") != "0"
    source = form.cleaned_data.get("source") or Referral.Source.CASE_FILE
    # The score is a fact of the night's match, read here; the page's copy is only a fallback.
    score = queries.match_score(seeker.pk, vacancy.pk) if source == Referral.Source.MATCH else None
    if score is None:
        score = form.cleaned_data.get("score")
    try:
        referral = services.refer_jobseeker(
            seeker=seeker,
            vacancy=vacancy,
            by=request.user,
            send=send,
            source=source,
            note=form.cleaned_data.get("note", ""),
            match_score=score,
            base_url=request.build_absolute_uri("/"),
            credential_reason=form.cleaned_data.get("credential_reason", ""),
        )
    except services.CredentialsMissing as missing:
        # Not a refusal: the officer sees what is missing and may refer with a reason.
        confirm = ReferralForm(initial={**form.cleaned_data, "score": score})
        if "credential_reason" in request.POST:  # sent from the warning page, but empty
            confirm = ReferralForm(data=request.POST)
            confirm.is_valid()
            confirm.add_error("credential_reason", _("Give the reason to refer anyway."))
        return render(
            request,
            "officers/referrals/referral_confirm.html",
            {"seeker": seeker, "vacancy": vacancy, "warning": missing.warning, "form": confirm},
        )
    except services.ReferralRefused as refused:
        return render(
            request,
            "officers/referrals/referral_new.html",
            {"seeker": seeker, "error": refused.message, "lookup": SeekerLookupForm()},
            status=400,
        )
    if send:
        messages.success(
            request,
            _("%(name)s is referred to “%(title)s”. Print the referral letter for them.")
            % {"name": seeker.full_name, "title": vacancy.title},
        )
    else:
        messages.success(
            request,
            _("%(name)s is proposed for “%(title)s”. Issue the letter when ready.")
            % {"name": seeker.full_name, "title": vacancy.title},
        )
    return redirect("officers:referral_detail", referral.pk)


def _refused(request: HttpRequest, form: ReferralForm) -> HttpResponse:
    """A form that does not validate is a mistake to show, not a missing page (400, not 404)."""
    data = form.cleaned_data
    seeker = (
        get_case_seeker(request.user, data["seeker"], purpose="referral")
        if data.get("seeker")
        else None
    )
    vacancy = get_vacancy_for_viewer(request.user, data["vacancy"]) if data.get("vacancy") else None
    problems = "; ".join(
        f"{form.fields[name].label or name}: {' '.join(errors)}"
        if name in form.fields
        else " ".join(errors)
        for name, errors in form.errors.items()
    )
    return render(
        request,
        "officers/referrals/referral_new.html",
        {
            "seeker": seeker,
            "vacancy": vacancy if seeker is None else None,
            "error": _("The referral could not be made: %(problems)s") % {"problems": problems},
            "lookup": SeekerLookupForm(),
            "referral_form": ReferralForm(initial={"seeker": seeker.pk, "source": "search"})
            if seeker
            else None,
        },
        status=400,
    )


def _detail(
    request: HttpRequest, referral: Referral, form: ReferralOutcomeForm | None, status: int = 200
):
    return render(
        request,
        "officers/referrals/referral_detail.html",
        {
            "referral": referral,
            "seeker": referral.seeker,
            "vacancy": referral.vacancy,
            "form": form,
            "placement": getattr(referral, "placement", None)
            if referral.status == Status.HIRED
            else None,
        },
        status=status,
    )


@office_required
@require_GET
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A referral: the candidate, the vacancy, the letter and the outcome form."""
    referral = get_referral_for_officer(request.user, pk)
    allowed = services.allowed_outcomes(referral, request.user)
    form = ReferralOutcomeForm(allowed=allowed, audience="officer") if allowed else None
    return _detail(request, referral, form)


@office_required
@require_POST
def referral_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue the letter of a proposed referral (the employer is told)."""
    referral = get_referral_for_officer(request.user, pk)
    try:
        services.send_referral(
            referral=referral, by=request.user, base_url=request.build_absolute_uri("/")
        )
    except services.ReferralRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The letter is issued and the employer is told."))
    return redirect("officers:referral_detail", referral.pk)


@office_required
@require_POST
def referral_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the outcome on the employer's behalf (or withdraw the candidate)."""
    referral = get_referral_for_officer(request.user, pk)
    form = ReferralOutcomeForm(
        request.POST,
        allowed=services.allowed_outcomes(referral, request.user),
        audience="officer",
    )
    if form.is_valid():
        try:
            services.record_referral_outcome(referral=referral, by=request.user, **form.outcome())
        except services.ReferralRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(request, _("The outcome is recorded."))
            return redirect("officers:referral_detail", referral.pk)
    return _detail(request, referral, form, status=400)


@office_required
@require_GET
def referral_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The referral letter (surat pengantar) as PDF, once the referral is sent."""
    referral = get_referral_for_officer(request.user, pk)
    if not referral.has_letter:
        raise Http404
    return letter_response(referral)


def letter_response(referral: Referral) -> HttpResponse:
    response = HttpResponse(render_referral_letter(referral), content_type="application/pdf")
    name = referral.letter_number.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


REFERRAL_COLUMNS = listing.Sorting(
    {
        "referred": Column(gettext_lazy("Referred"), ("referred_at",)),
        "seeker": Column(gettext_lazy("Job seeker"), ("seeker__full_name",)),
        "vacancy": Column(gettext_lazy("Vacancy"), ("vacancy__title",)),
        "company": Column(gettext_lazy("Company"), ("vacancy__employer__name",)),
        "status": Column(gettext_lazy("Status"), ("status",)),
    }
)


@office_required
@require_GET
def referral_list(request: HttpRequest) -> HttpResponse:
    """The referrals of the region's seekers; filter by status, or the ones waiting too long."""
    scoped = referrals_for_officer(request.user)
    status = request.GET.get("status", "")
    queue = request.GET.get("queue", "")
    q = request.GET.get("q", "").strip()[:100]
    referrals = scoped
    if queue == "stale":
        referrals = queues.stale_referrals(referrals)
    elif status in Status.values:
        referrals = referrals.filter(status=status)
    if q:
        referrals = referrals.filter(
            Q(seeker__full_name__icontains=q)
            | Q(vacancy__title__icontains=q)
            | Q(vacancy__employer__name__icontains=q)
        )
    # Newest first along the primary key (no sort of the whole region's referrals), unless a
    # column is asked for.
    ordered = REFERRAL_COLUMNS.apply(
        request,
        referrals.order_by("referred_at", "pk") if queue == "stale" else referrals.order_by("-pk"),
    ).select_related("seeker", "vacancy", "vacancy__employer")
    fmt = listing.export_format(request)
    if fmt:
        return listing.export(
            request,
            fmt=fmt,
            name="referrals",
            title=str(_("Referrals")),
            object_type="pipeline.referral",
            headers=(
                _("Letter number"),
                _("Referred"),
                _("Job seeker"),
                _("AK/I number"),
                _("Vacancy"),
                _("Company"),
                _("Status"),
            ),
            queryset=ordered,
            row=lambda r: [
                r.letter_number,
                timezone.localtime(r.referred_at).date() if r.referred_at else "",
                r.seeker.full_name,
                r.seeker.ak1_number,
                r.vacancy.title,
                r.vacancy.employer.name,
                r.get_status_display(),
            ],
        )
    page = caseload.page_of(request, ordered, referrals)
    return render(
        request,
        "officers/referrals/referral_list.html",
        {
            "page": page,
            "capped": page.paginator.capped,
            "status": status,
            "queue": queue,
            "q": q,
            "statuses": Status.choices,
            "query": query_without(request, "page").urlencode(),
            "now": timezone.now(),
            "headers": REFERRAL_COLUMNS.headers(request),
            "sort": request.GET.get("sort", "") if REFERRAL_COLUMNS.current(request)[0] else "",
            "export_query": listing.export_query(request),
        },
    )


@office_required
@require_GET
def vacancy_referrals(request: HttpRequest, pk: int) -> HttpResponse:
    """A vacancy's referrals and its recommended candidates of the region (refer from a match)."""
    vacancy = get_vacancy_for_officer(request.user, pk)
    referrals = list(
        referrals_for_officer(request.user)
        .filter(vacancy=vacancy)
        .select_related("seeker", "seeker__education_level")
        .order_by("-created_at")[:100]
    )
    scope = region_scope(request.user)
    matches = [
        match
        for match in queries.vacancy_candidates(vacancy.pk, for_employer=False)
        if scope.contains_regency(match.seeker.regency_id)
    ]
    live = {r.seeker_id for r in referrals if r.status not in (Status.WITHDRAWN, Status.REJECTED)}
    return render(
        request,
        "officers/referrals/vacancy_referrals.html",
        {
            "vacancy": vacancy,
            "referrals": referrals,
            "items": explain_all(matches, audience="officer"),
            "referred": live,
            "open": vacancy.is_referable,
        },
    )


urlpatterns = [
    path("referrals/", referral_list, name="referral_list"),
    path("referrals/new/", referral_new, name="referral_new"),
    path("referrals/<int:pk>/", referral_detail, name="referral_detail"),
    path("referrals/<int:pk>/send/", referral_send, name="referral_send"),
    path("referrals/<int:pk>/outcome/", referral_outcome, name="referral_outcome"),
    path("referrals/<int:pk>/letter.pdf", referral_letter, name="referral_letter"),
    path("vacancies/<int:pk>/referrals/", vacancy_referrals, name="vacancy_referrals"),
]

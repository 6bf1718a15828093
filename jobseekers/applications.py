"""The seeker's application pages, at /applications/: apply to a vacancy, follow one's applications
and referrals, withdraw, download one's referral letter. The rules are in `placement.pipeline`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers.access import get_vacancy_for_viewer
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.pipeline import services
from placement.pipeline.access import get_application_for_seeker, seeker_for
from placement.pipeline.forms import ApplyForm
from placement.pipeline.letter import render_referral_letter
from placement.pipeline.models import Application, Referral

PAGE_SIZE = 25


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, vacancy_pk: int) -> HttpResponse:
    """Apply to a published vacancy with an optional note (verified seekers)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    seeker = seeker_for(request.user)
    vacancy = get_vacancy_for_viewer(request.user, vacancy_pk)
    form = ApplyForm(request.POST or None)
    refusal = services.can_apply(seeker, vacancy)
    if request.method == "POST" and form.is_valid():
        try:
            services.apply_to_vacancy(
                seeker=seeker, vacancy=vacancy, note=form.cleaned_data["note"]
            )
        except services.ApplicationRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("Your application for “%(title)s” is sent. You can follow it here.")
                % {"title": vacancy.title},
            )
            return redirect("pipeline:mine")
    return render(
        request,
        "jobseekers/application_apply.html",
        {"vacancy": vacancy, "form": form, "refusal": refusal},
        status=400 if form.errors else 200,
    )


@role_required(Role.SEEKER)
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """The seeker's own applications and referrals, with their statuses."""
    seeker = seeker_for(request.user)
    applications = (
        Application.objects.filter(seeker=seeker)
        .select_related("vacancy", "vacancy__employer", "vacancy__regency")
        .order_by("-created_at")
        if seeker
        else Application.objects.none()
    )
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    # Referrals once the officer has sent them (a proposal is still the officer's draft).
    referrals = (
        Referral.objects.filter(seeker=seeker)
        .exclude(status=Referral.Status.PROPOSED)
        .select_related("vacancy", "vacancy__employer")
        .order_by("-referred_at", "-id")[:50]
        if seeker
        else []
    )
    return render(
        request,
        "jobseekers/application_mine.html",
        {"page": page, "open_statuses": services.OPEN_STATUSES, "referrals": referrals},
    )


@role_required(Role.SEEKER)
@require_GET
def referral_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The seeker's own referral letter (surat pengantar), once the officer issued it."""
    seeker = seeker_for(request.user)
    referral = (
        Referral.objects.filter(pk=pk, seeker=seeker)
        .select_related(
            "seeker", "seeker__education_level", "vacancy", "vacancy__employer", "office"
        )
        .first()
        if seeker and pk < 2**63
        else None
    )
    if referral is None or not referral.has_letter:
        raise Http404
    response = HttpResponse(render_referral_letter(referral), content_type="application/pdf")
    name = referral.letter_number.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@role_required(Role.SEEKER)
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """The seeker takes back an open application."""
    application = get_application_for_seeker(request.user, pk)
    try:
        services.withdraw_application(application=application, by=request.user)
    except services.ApplicationRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect("pipeline:mine")


# Mounted at /applications/ under the "pipeline" URL names (placement/urls.py).
urlpatterns = [
    path("mine/", mine, name="mine"),
    path("apply/<int:vacancy_pk>/", apply, name="apply"),
    path("<int:pk>/withdraw/", withdraw, name="withdraw"),
    path("referrals/<int:pk>/letter.pdf", referral_letter, name="referral_letter"),
]

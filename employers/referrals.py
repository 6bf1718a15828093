"""The employer's side of referrals: candidates the Disnaker referred to the company's vacancies,
the referral letter, and the outcome (interviewed, hired, not selected).

The employer sees the candidate's name, AK/I number, education, experience, skills and contact,
never the NIK, the date of birth or disability.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.pipeline import services
from placement.pipeline.access import get_referral_for_employer, referrals_for_employer
from placement.pipeline.forms import ReferralOutcomeForm
from placement.pipeline.letter import render_referral_letter
from placement.pipeline.models import Referral

PAGE_SIZE = 25
Status = Referral.Status


@role_required(Role.EMPLOYER)
@require_GET
def referral_list(request: HttpRequest) -> HttpResponse:
    """The candidates referred to the company's vacancies; waiting ones first."""
    scoped = referrals_for_employer(request.user)
    status = request.GET.get("status", "")
    counts = dict(
        scoped.values_list("status").annotate(n=Count("pk")).order_by().values_list("status", "n")
    )
    referrals = scoped
    if status in Status.values:
        referrals = referrals.filter(status=status)
    referrals = referrals.select_related(
        "seeker", "seeker__education_level", "vacancy", "office"
    ).order_by("-referred_at", "-pk")
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/referral_list.html",
        {
            "page": page,
            "status": status,
            "statuses": [
                (v, label, counts.get(v, 0)) for v, label in Status.choices if v != Status.PROPOSED
            ],
            "total": sum(counts.values()),
            "query": f"status={status}" if status in Status.values else "",
        },
    )


def _context(referral: Referral, form) -> dict:
    seeker = referral.seeker
    return {
        "referral": referral,
        "seeker": seeker,
        "vacancy": referral.vacancy,
        "form": form,
        "skills": [s.skill.label for s in seeker.skills.select_related("skill").order_by("pk")],
        "experiences": list(seeker.experiences.all()[:10]),
    }


@role_required(Role.EMPLOYER)
@require_GET
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One referred candidate, the letter and the outcome form."""
    referral = get_referral_for_employer(request.user, pk)
    allowed = services.allowed_outcomes(referral, request.user)
    form = ReferralOutcomeForm(allowed=allowed, audience="employer") if allowed else None
    return render(request, "employers/referral_detail.html", _context(referral, form))


@role_required(Role.EMPLOYER)
@require_POST
def referral_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the outcome: interviewed, hired (the placement is recorded) or not selected."""
    referral = get_referral_for_employer(request.user, pk)
    allowed = services.allowed_outcomes(referral, request.user)
    if not allowed:
        raise Http404
    form = ReferralOutcomeForm(request.POST, allowed=allowed, audience="employer")
    if form.is_valid():
        try:
            services.record_referral_outcome(referral=referral, by=request.user, **form.outcome())
        except services.ReferralRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(
                request,
                _("Thank you. The outcome is saved and the Disnaker sees it."),
            )
            return redirect("employers:referral_detail", referral.pk)
    return render(request, "employers/referral_detail.html", _context(referral, form), status=400)


@role_required(Role.EMPLOYER)
@require_GET
def referral_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The referral letter the candidate brings, as PDF."""
    referral = get_referral_for_employer(request.user, pk)
    response = HttpResponse(render_referral_letter(referral), content_type="application/pdf")
    name = referral.letter_number.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response

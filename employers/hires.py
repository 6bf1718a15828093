"""The employer reports a hire: one of its candidates for its own vacancy (recommended by the
matching, applied, or referred by the Disnaker) starts work on a date, which may be ahead. The
report waits for an officer of the seeker's region, who confirms it as a placement (counted once
in IPK III/1 and III/8); the employer sees each report's status here."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from employers.access import get_vacancy_for_employer
from employers.models import Vacancy
from jobseekers.models import JobSeeker
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.fields import DatePartsField
from placement.matching import queries
from placement.pipeline import services
from placement.pipeline.models import Application, HireReport, Referral


def hire_candidates(vacancy: Vacancy) -> list[JobSeeker]:
    """Active seekers the employer knows for this vacancy: recommended (consenting), applied or
    referred. Only these can be reported as hired from here."""
    ids = [match.seeker_id for match in queries.vacancy_candidates(vacancy.pk, for_employer=True)]
    ids += Application.objects.filter(vacancy=vacancy).values_list("seeker_id", flat=True)
    ids += (
        Referral.objects.filter(vacancy=vacancy)
        .exclude(status=Referral.Status.PROPOSED)
        .values_list("seeker_id", flat=True)
    )
    return list(JobSeeker.objects.active().filter(pk__in=set(ids)).order_by("full_name", "pk"))


class EmployerHireForm(forms.Form):
    seeker = forms.TypedChoiceField(label=gettext_lazy("Who was hired?"), coerce=int)
    started_on = DatePartsField(
        label=gettext_lazy("First working day"),
        help_text=gettext_lazy("May be ahead, for example 1 8 2026."),
    )

    def __init__(self, *args, candidates: list[JobSeeker], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = {seeker.pk: seeker for seeker in candidates}
        self.fields["seeker"].choices = [
            ("", gettext_lazy("Choose…")),
            *[(s.pk, f"{s.full_name} ({s.ak1_number})") for s in candidates],
        ]


@role_required(Role.EMPLOYER)
@require_http_methods(["GET", "POST"])
def vacancy_hires(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a hire for the employer's own vacancy; the reports made and their status."""
    vacancy = get_vacancy_for_employer(request.user, pk)
    candidates = hire_candidates(vacancy)
    form = EmployerHireForm(request.POST or None, candidates=candidates)
    status = 200
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data["started_on"] is not None:
            try:
                services.report_hire_by_employer(
                    vacancy=vacancy,
                    seeker=form.candidates[form.cleaned_data["seeker"]],
                    actor=request.user,
                    started_on=form.cleaned_data["started_on"],
                )
            except services.HireReportRefused as refused:
                form.add_error(
                    refused.field if refused.field in form.fields else None, str(refused)
                )
            else:
                messages.success(
                    request, _("Thank you. The Disnaker checks the hire and records it.")
                )
                return redirect("employers:vacancy_hires", vacancy.pk)
        elif form.is_valid():
            form.add_error("started_on", _("Enter the first working day."))
        status = 400
    reports = HireReport.objects.filter(vacancy=vacancy).select_related("seeker")
    return render(
        request,
        "employers/vacancy_hires.html",
        {"vacancy": vacancy, "form": form, "reports": reports, "has_candidates": bool(candidates)},
        status=status,
    )

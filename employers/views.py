"""The employer portal: registration, company and colleagues, the vacancy report (AK/III)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from employers import services, steps
from employers.access import get_vacancy_for_employer, membership_for
from employers.forms import ColleagueForm, EmployerDetailsForm, EmployerRegistrationForm
from employers.models import Employer, EmployerUser, Vacancy
from employers.vacancy_forms import CloseVacancyForm
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.taxonomy.widgets import is_picker_search

PAGE_SIZE = 25


def _quiet(form):
    """Show a bound form without errors (after a picker's Search button, nothing is checked)."""
    form._errors = ErrorDict()
    return form


@role_required(Role.EMPLOYER)
@require_GET
def portal(request: HttpRequest) -> HttpResponse:
    """The employer's home: company status, its vacancies and their applicants."""
    membership = membership_for(request.user)
    employer = membership.employer
    vacancies = (
        Vacancy.objects.filter(employer=employer)
        .select_related("regency", "occupation")
        .annotate(
            application_count=Count("applications"),
            new_application_count=Count("applications", filter=Q(applications__status="submitted")),
        )
        .order_by("-updated_at")
    )
    status = request.GET.get("status", "")
    if status in Vacancy.Status.values:
        vacancies = vacancies.filter(status=status)
    counts = dict(
        Vacancy.objects.filter(employer=employer)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    page = Paginator(vacancies, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/portal.html",
        {
            "membership": membership,
            "employer": employer,
            "page": page,
            "status": status,
            "statuses": [(v, label, counts.get(v, 0)) for v, label in Vacancy.Status.choices],
            "total": sum(counts.values()),
            "query": f"status={status}" if status in Vacancy.Status.values else "",
        },
    )


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """A company registers (public); the officers of its regency verify it."""
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = EmployerRegistrationForm(request.POST or None)
    if request.method == "POST":
        if is_picker_search(request.POST):
            _quiet(form)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                employer = services.register_employer(
                    kind=data["kind"],
                    identifier=data.get("identifier") or "",
                    name=data["name"],
                    nib=data["nib"] or None,
                    industry=data["industry"],
                    ownership=data["ownership"],
                    address=data["address"],
                    regency=data["regency"],
                    district=data.get("district"),
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    contact_phone=data["contact_phone"],
                    website=data.get("website") or "",
                    email=data["email"],
                    full_name=data["full_name"],
                    password=data["password1"],
                    language=request.LANGUAGE_CODE,
                )
            except services.EmployerRefused as refused:
                form.add_error(None, str(refused))
            else:
                request.session["registered_employer"] = employer.pk
                return redirect("employers:register_done")
    return render(
        request,
        "employers/employer_register.html",
        {"form": form},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@require_GET
def register_done(request: HttpRequest) -> HttpResponse:
    """Confirmation with the next steps (shown once, right after registering)."""
    pk = request.session.get("registered_employer")
    if not pk:
        return redirect("employers:register")
    employer = get_object_or_404(Employer.objects.select_related("regency"), pk=pk)
    return render(request, "employers/employer_register_done.html", {"employer": employer})


@role_required(Role.EMPLOYER)
@require_GET
def company(request: HttpRequest) -> HttpResponse:
    """The company's details and its users; administrators can add colleagues here."""
    membership = membership_for(request.user)
    colleagues = (
        EmployerUser.objects.filter(employer=membership.employer, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    )
    return render(
        request,
        "employers/company_detail.html",
        {
            "membership": membership,
            "employer": membership.employer,
            "colleagues": colleagues,
            "form": ColleagueForm() if membership.is_admin else None,
        },
    )


@role_required(Role.EMPLOYER)
@require_http_methods(["GET", "POST"])
def company_edit(request: HttpRequest) -> HttpResponse:
    """Administrators correct the company's details (a rejected company is checked again)."""
    membership = membership_for(request.user)
    if not membership.is_admin:
        raise Http404
    employer = membership.employer
    form = EmployerDetailsForm(request.POST or None, instance=employer)
    if request.method == "POST":
        if is_picker_search(request.POST):
            _quiet(form)
        elif form.is_valid():
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            # The ModelForm has already written the values onto the instance: reload first.
            employer.refresh_from_db()
            services.update_employer(employer=employer, by=request.user, fields=fields)
            messages.success(request, _("The company details are saved."))
            return redirect("employers:company")
    return render(request, "employers/company_edit.html", {"form": form, "employer": employer})


@role_required(Role.EMPLOYER)
@require_POST
def colleague_add(request: HttpRequest) -> HttpResponse:
    """An administrator adds a colleague, who gets an e-mail to choose a password."""
    membership = membership_for(request.user)
    if not membership.is_admin:
        raise Http404
    form = ColleagueForm(request.POST)
    if form.is_valid():
        try:
            services.add_colleague(
                employer=membership.employer,
                by=request.user,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                is_admin=form.cleaned_data["is_admin"],
                base_url=request.build_absolute_uri("/"),
            )
        except services.EmployerRefused as refused:
            form.add_error("email", str(refused))
        else:
            messages.success(
                request,
                _("%(email)s is added and gets an e-mail to choose a password.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("employers:company")
    colleagues = EmployerUser.objects.filter(
        employer=membership.employer, user__is_active=True
    ).select_related("user")
    return render(
        request,
        "employers/company_detail.html",
        {
            "membership": membership,
            "employer": membership.employer,
            "colleagues": colleagues,
            "form": form,
        },
        status=400,
    )


@role_required(Role.EMPLOYER)
@require_POST
def colleague_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """An administrator removes a colleague's access."""
    membership = membership_for(request.user)
    if not membership.is_admin:
        raise Http404
    other = get_object_or_404(
        EmployerUser.objects.select_related("user"), pk=pk, employer=membership.employer
    )
    try:
        services.remove_colleague(membership=other, by=request.user)
    except services.EmployerRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("%(email)s can no longer sign in.") % {"email": other.user})
    return redirect("employers:company")


# --- The vacancy report -------------------------------------------------------------------------


def _step_context(vacancy: Vacancy | None, step: steps.Step, form) -> dict:
    slugs = [s.slug for s in steps.STEPS]
    return {
        "vacancy": vacancy,
        "step": step,
        "steps": steps.STEPS,
        "step_number": slugs.index(step.slug) + 1,
        "step_count": len(slugs),
        "form": form,
        "action": (
            reverse("employers:vacancy_step", args=[vacancy.pk, step.slug])
            if vacancy
            else reverse("employers:vacancy_new")
        ),
    }


def _after_step(request: HttpRequest, vacancy: Vacancy, step: steps.Step) -> HttpResponse:
    if "save_draft" in request.POST:
        messages.success(
            request, _("Your draft is saved. You can continue it later from your vacancies.")
        )
        return redirect("employers:portal")
    following = steps.next_slug(step.slug)
    if following is None:
        return redirect("employers:vacancy_check", vacancy.pk)
    return redirect("employers:vacancy_step", vacancy.pk, following)


@role_required(Role.EMPLOYER)
@require_http_methods(["GET", "POST"])
def vacancy_new(request: HttpRequest) -> HttpResponse:
    """The first step of a new report; the draft exists from the first save."""
    membership = membership_for(request.user)
    step = steps.STEPS[0]
    form = step.form_class(
        request.POST or None, initial={"industry": membership.employer.industry_id, "headcount": 1}
    )
    vacancy = None
    if request.method == "POST":
        if is_picker_search(request.POST):
            _quiet(form)
        else:
            valid = form.is_valid()
            fields, _required, _optional = form.changes()
            if valid or fields.get("title"):
                # Keep what was typed: the draft starts as soon as it has a title.
                vacancy = services.create_vacancy(
                    employer=membership.employer, by=request.user, fields=fields
                )
                if valid:
                    return _after_step(request, vacancy, step)
    return render(
        request,
        "employers/vacancy_step.html",
        _step_context(vacancy, step, form),
        status=400 if request.method == "POST" and form.errors else 200,
    )


@role_required(Role.EMPLOYER)
@require_http_methods(["GET", "POST"])
def vacancy_step(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """One step of a draft or returned report; valid answers are kept even when others are not."""
    vacancy = get_vacancy_for_employer(request.user, pk)
    step = steps.BY_SLUG.get(slug)
    if step is None:
        raise Http404
    if not vacancy.is_editable:
        messages.error(request, _("This vacancy can no longer be changed."))
        return redirect("employers:vacancy_check", vacancy.pk)
    if request.method == "POST":
        form = step.form_class(request.POST, vacancy=vacancy)
        if is_picker_search(request.POST):
            _quiet(form)
        else:
            valid = form.is_valid()
            fields, required, optional = form.changes()
            services.save_vacancy_draft(
                vacancy=vacancy,
                by=request.user,
                fields=fields,
                required_skills=required,
                optional_skills=optional,
            )
            if valid:
                return _after_step(request, vacancy, step)
    else:
        form = step.form_class(vacancy=vacancy)
    return render(
        request,
        "employers/vacancy_step.html",
        _step_context(vacancy, step, form),
        status=400 if request.method == "POST" and form.errors else 200,
    )


def _check_context(vacancy: Vacancy, problems: dict[str, str]) -> dict:
    problem_links = [
        (message, reverse("employers:vacancy_step", args=[vacancy.pk, steps.STEP_OF_FIELD[name]]))
        for name, message in problems.items()
        if name in steps.STEP_OF_FIELD
    ]
    skills = list(vacancy.skills.select_related("skill").order_by("skill__label_id"))
    return {
        "vacancy": vacancy,
        "steps": steps.STEPS,
        "problems": problem_links,
        "required_skills": [s.skill for s in skills if s.is_required],
        "optional_skills": [s.skill for s in skills if not s.is_required],
    }


@role_required(Role.EMPLOYER)
@require_GET
def vacancy_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Check your answers, then send the report to the officers."""
    vacancy = get_vacancy_for_employer(request.user, pk)
    problems = services.submission_problems(vacancy) if vacancy.is_editable else {}
    return render(request, "employers/vacancy_check.html", _check_context(vacancy, problems))


@role_required(Role.EMPLOYER)
@require_POST
def vacancy_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the complete report for verification."""
    vacancy = get_vacancy_for_employer(request.user, pk)
    try:
        services.submit_vacancy(vacancy=vacancy, by=request.user)
    except services.VacancyRefused as refused:
        messages.error(request, refused.message)
        context = _check_context(vacancy, refused.problems)
        return render(request, "employers/vacancy_check.html", context, status=400)
    messages.success(
        request,
        _("Vacancy %(number)s is sent. An officer checks it before it is published.")
        % {"number": vacancy.reference},
    )
    return redirect("employers:vacancy_check", vacancy.pk)


@role_required(Role.EMPLOYER)
@require_http_methods(["GET", "POST"])
def vacancy_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Report the people hired and close the vacancy (Perpres 57/2023 Art. 6)."""
    vacancy = get_vacancy_for_employer(request.user, pk)
    if vacancy.status != Vacancy.Status.PUBLISHED:
        raise Http404
    form = CloseVacancyForm(request.POST or None, open_positions=vacancy.open_positions)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_vacancy(
                vacancy=vacancy, by=request.user, hired=form.cleaned_data["hired"]
            )
        except services.VacancyRefused as refused:
            form.add_error("hired", refused.message)
        else:
            messages.success(request, _("The vacancy is closed. Thank you for reporting."))
            return redirect("employers:vacancy_check", vacancy.pk)
    return render(
        request,
        "employers/vacancy_close.html",
        {"vacancy": vacancy, "form": form},
        status=400 if form.errors else 200,
    )

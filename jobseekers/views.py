"""Seeker pages: online registration step by step, the portal, card, report, CV and "my data".

Views are thin: parse, check access, call a service, render. Every step saves what was typed, so a
person can stop and come back; the registration is only sent after the "check your answers" page.

Size: the registration steps and the portal pages share the step table and the seeker's access
helpers; split the registration from the portal when either grows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jobseekers import services
from jobseekers.access import get_own_cv, get_own_seeker
from jobseekers.card import Hire, render_card_pdf
from jobseekers.consent import CURRENT_CONSENT_VERSION, consent_text
from jobseekers.forms import (
    CREDENTIAL_FORMS,
    AccountForm,
    CategoryForm,
    ContactForm,
    CVForm,
    DisabilityForm,
    EducationForm,
    ExperienceForm,
    IdentityForm,
    PhotoForm,
    PreferencesForm,
    SkillsForm,
    SubmitForm,
)
from jobseekers.models import JobSeeker
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.pipeline.models import Placement
from placement.taxonomy.widgets import is_picker_search


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type | None = None
    fields: tuple[str, ...] = ()


STEPS = (
    Step(
        "identity",
        gettext_lazy("About you"),
        IdentityForm,
        services.IDENTITY_FIELDS,
    ),
    Step(
        "contact",
        gettext_lazy("Address and contact"),
        ContactForm,
        services.CONTACT_FIELDS,
    ),
    Step("education", gettext_lazy("Education")),
    Step("experience", gettext_lazy("Work experience")),
    Step("skills", gettext_lazy("Skills"), SkillsForm, ("skills",)),
    Step("certificates", gettext_lazy("Certificates, driving licences and languages")),
    Step(
        "preferences",
        gettext_lazy("The work you want"),
        PreferencesForm,
        services.PREFERENCE_FIELDS,
    ),
    Step("category", gettext_lazy("Your situation"), CategoryForm, ("category",)),
    Step(
        "disability",
        gettext_lazy("Disability (optional)"),
        DisabilityForm,
        ("has_disability", "disability_note"),
    ),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}


def verify_url(request: HttpRequest, number: str) -> str:
    return request.build_absolute_uri(reverse("verify_card", args=[number]))


def _seeker_or_none(request: HttpRequest) -> JobSeeker | None:
    try:
        return get_own_seeker(request.user)
    except Http404:
        return None


def _step_context(step: Step, seeker: JobSeeker | None) -> dict:
    index = STEPS.index(step)
    return {
        "step": step,
        "step_number": index + 2,  # the account is step 1
        "step_count": len(STEPS) + 2,
        "seeker": seeker,
        "editing": seeker is not None and seeker.is_submitted,
        "back_url": (
            reverse("jobseekers:register_step", args=[STEPS[index - 1].slug]) if index > 0 else None
        ),
    }


def _after_step(request: HttpRequest, seeker: JobSeeker, step: Step) -> HttpResponse:
    """Next step while registering (or back to the check page); the profile once sent."""
    if seeker.is_submitted:
        return redirect("jobseekers:profile")
    index = STEPS.index(step)
    if index + 1 < len(STEPS) and request.GET.get("next") != "check":
        return redirect("jobseekers:register_step", STEPS[index + 1].slug)
    return redirect("jobseekers:register_check")


def _initial(seeker: JobSeeker | None, step: Step) -> dict:
    if seeker is None:
        return {}
    initial = {}
    for name in step.fields:
        if name == "preferred_occupations":
            initial[name] = [o.pk for o in services.preferred_occupations(seeker)]
        elif name == "skills":
            initial[name] = list(seeker.skills.values_list("skill_id", flat=True))
        elif name == "has_disability":
            initial[name] = "yes" if seeker.has_disability else "no"
        elif name in ("regency", "district", "ktp_regency"):
            initial[name] = getattr(seeker, f"{name}_id")
        else:
            initial[name] = getattr(seeker, name)
    return initial


# --- Step 1: the account -------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def register_start(request: HttpRequest) -> HttpResponse:
    """Step 1: create the account (e-mail and password); the draft is saved from here on."""
    if request.user.is_authenticated:
        if request.user.role != Role.SEEKER:
            raise Http404
        return redirect("jobseekers:register_step", STEPS[0].slug)
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            seeker = services.create_seeker_account(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, seeker.user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("jobseekers:register_step", STEPS[0].slug)
    return render(
        request,
        "jobseekers/register_account.html",
        {"form": form, "step_number": 1, "step_count": len(STEPS) + 2},
    )


# --- Steps 2 to 9 --------------------------------------------------------------------------------
@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def register_step(request: HttpRequest, slug: str) -> HttpResponse:
    """One step of the registration (also used to change answers later)."""
    step = STEP_BY_SLUG.get(slug)
    if step is None:
        raise Http404
    if step.slug == "education":
        return _rows_step(request, step, EducationForm, "educations")
    if step.slug == "experience":
        return _rows_step(request, step, ExperienceForm, "experiences")
    if step.slug == "certificates":
        return _credentials_step(request, step)
    seeker = _seeker_or_none(request)
    form_kwargs = {"seeker": seeker} if step.form_class is IdentityForm else {}
    if request.method == "POST":
        form = step.form_class(request.POST, initial=_initial(seeker, step), **form_kwargs)
        if is_picker_search(request.POST):
            form.errors.clear()  # a search, not a submission: show results, save nothing
        elif request.POST.get("action") == "check":
            # "Read the NIK": show what it gives (or what is wrong with it), save nothing.
            form.is_valid()
            for name in [name for name in form.errors if name != "nik"]:
                del form.errors[name]
        elif form.is_valid():
            try:
                with transaction.atomic():
                    seeker = seeker or services.start_registration(user=request.user)
                    allowed = services.editable_fields(seeker, request.user)
                    # Sex, birth date and the reason they differ come from the NIK check.
                    changes = {
                        name: form.cleaned_data[name]
                        for name in step.fields
                        if name in allowed
                        and name in form.cleaned_data
                        and not getattr(form.fields.get(name), "disabled", False)
                    }
                    services.update_jobseeker(
                        seeker=seeker, actor=request.user, changes=changes, step=step.slug
                    )
            except ValidationError as error:
                _attach(form, error)
            else:
                return _after_step(request, seeker, step)
    else:
        form = step.form_class(initial=_initial(seeker, step), **form_kwargs)
    return render(
        request, "jobseekers/register_step.html", {"form": form, **_step_context(step, seeker)}
    )


def _attach(form, error: ValidationError) -> None:
    """Put a service's error on the field it names (or at the top of the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _rows_step(request: HttpRequest, step: Step, form_class, related: str) -> HttpResponse:
    """Education and experience: a list of rows with "remove", one form to add a row."""
    seeker = _seeker_or_none(request)
    if seeker is None:
        return redirect("jobseekers:register_step", STEPS[0].slug)
    form = form_class()
    continue_error = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "continue":
            if step.slug == "education" and not seeker.educations.exists():
                continue_error = _("Add at least one row (choose 'No schooling' if none).")
            else:
                services.mark_step(seeker=seeker, step=step.slug)
                return _after_step(request, seeker, step)
        elif action.startswith("remove-"):
            row_id = action.removeprefix("remove-")
            if row_id.isdigit():
                remove = (
                    services.remove_education
                    if step.slug == "education"
                    else services.remove_experience
                )
                key = "education_id" if step.slug == "education" else "experience_id"
                remove(seeker=seeker, actor=request.user, **{key: int(row_id)})
            return redirect("jobseekers:register_step", step.slug)
        else:
            form = form_class(request.POST)
            if is_picker_search(request.POST):
                form.errors.clear()
            elif form.is_valid():
                add = (
                    services.add_education if step.slug == "education" else services.add_experience
                )
                add(seeker=seeker, actor=request.user, **form.cleaned_data)
                messages.success(request, _("Saved. Add another or continue."))
                return redirect("jobseekers:register_step", step.slug)
    manager = getattr(seeker, related)
    rows = list(
        manager.select_related("level", "smk_programme", "study_field")
        if related == "educations"
        else manager.select_related("occupation")
    )
    return render(
        request,
        f"jobseekers/register_{step.slug}.html",
        {
            "form": form,
            "rows": rows,
            "continue_error": continue_error,
            **_step_context(step, seeker),
        },
    )


def _credentials_step(request: HttpRequest, step: Step) -> HttpResponse:
    """Certificates, courses, licences and languages: four lists, four small "add" forms (each
    with its own prefix); all optional."""
    seeker = _seeker_or_none(request)
    if seeker is None:
        return redirect("jobseekers:register_step", STEPS[0].slug)
    forms = {kind: form_class(prefix=kind) for kind, form_class in CREDENTIAL_FORMS.items()}
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "continue":
            services.mark_step(seeker=seeker, step=step.slug)
            return _after_step(request, seeker, step)
        kind, _sep, row_id = action.removeprefix("remove-").partition("-")
        if action.startswith("remove-") and kind in CREDENTIAL_FORMS and row_id.isdigit():
            services.remove_credential(
                seeker=seeker, actor=request.user, kind=kind, row_id=int(row_id)
            )
            return redirect("jobseekers:register_step", step.slug)
        kind = action.removeprefix("add-")
        if kind in CREDENTIAL_FORMS:
            form = CREDENTIAL_FORMS[kind](request.POST, prefix=kind)
            forms[kind] = form
            if form.is_valid():
                try:
                    row = services.add_credential(
                        seeker=seeker, actor=request.user, kind=kind, **form.cleaned_data
                    )
                except ValidationError as error:
                    _attach(form, error)
                else:
                    if getattr(row, "is_expired", False):
                        messages.warning(
                            request,
                            _(
                                "Saved, but it has expired: it stays on your profile and card, "
                                "and does not count for vacancies that require it."
                            ),
                        )
                    else:
                        messages.success(request, _("Saved. Add another or continue."))
                    return redirect(
                        reverse("jobseekers:register_step", args=[step.slug]) + f"#{kind}"
                    )
    return render(
        request,
        "jobseekers/register_certificates.html",
        {"forms": forms, "rows": credential_rows(seeker), **_step_context(step, seeker)},
    )


def credential_rows(seeker: JobSeeker) -> dict[str, list]:
    """The seeker's certificates, courses, licences and languages (for pages and the card)."""
    return {
        "certificates": list(seeker.certificates.all()),
        "trainings": list(seeker.trainings.all()),
        "licences": list(seeker.licences.all()),
        "languages": list(seeker.languages.all()),
    }


# --- Check answers, consent, submit --------------------------------------------------------------
def _summary(seeker: JobSeeker) -> dict:
    return {
        "educations": seeker.educations.select_related("level", "smk_programme", "study_field"),
        "experiences": seeker.experiences.select_related("occupation"),
        "skills": [s.skill for s in seeker.skills.select_related("skill").order_by("pk")],
        "wanted": services.preferred_occupations(seeker),
        "credentials": credential_rows(seeker),
    }


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def register_check(request: HttpRequest) -> HttpResponse:
    """Check your answers, give consent and send the registration."""
    seeker = get_own_seeker(request.user)
    if seeker.is_submitted:
        return redirect("jobseekers:profile")
    form = SubmitForm(request.POST or None, initial={"consent_version": CURRENT_CONSENT_VERSION})
    missing = services.missing_for_submission(seeker)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_registration(
                seeker=seeker,
                actor=request.user,
                consent_version=form.cleaned_data["consent_version"],
            )
        except ValidationError as error:
            _attach(form, error)
        else:
            return redirect("jobseekers:register_done")
    return render(
        request,
        "jobseekers/register_check.html",
        {
            "form": form,
            "seeker": seeker,
            "missing": missing,
            "steps": STEPS,
            "consent_paragraphs": consent_text(),
            **_summary(seeker),
        },
    )


@role_required(Role.SEEKER)
@require_GET
def register_done(request: HttpRequest) -> HttpResponse:
    """Confirmation: the registration was sent; what happens next."""
    seeker = get_own_seeker(request.user)
    if not seeker.is_submitted:
        return redirect("jobseekers:register_check")
    return render(request, "jobseekers/register_done.html", {"seeker": seeker})


# --- The portal ----------------------------------------------------------------------------------
@role_required(Role.SEEKER)
@require_GET
def portal(request: HttpRequest) -> HttpResponse:
    """The seeker's home: status, card and next steps."""
    seeker = _seeker_or_none(request)
    today = timezone.localdate()
    context = {"seeker": seeker, "today": today}
    if seeker is not None:
        context.update(
            can_report=seeker.can_report_on(today),
            report_opens_on=seeker.report_opens_on(),
            has_cv=hasattr(seeker, "cv"),
            next_step=_next_step(seeker),
        )
    return render(request, "jobseekers/portal.html", context)


def _next_step(seeker: JobSeeker) -> str | None:
    if seeker.is_submitted:
        return None
    for step in STEPS:
        if step.slug not in seeker.steps_done:
            return reverse("jobseekers:register_step", args=[step.slug])
    return reverse("jobseekers:register_check")


@role_required(Role.SEEKER)
@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    """The seeker's answers, with a "change" link per step."""
    seeker = get_own_seeker(request.user)
    return render(
        request,
        "jobseekers/profile_detail.html",
        {"seeker": seeker, "steps": STEPS, **_summary(seeker)},
    )


@role_required(Role.SEEKER)
@require_GET
def card(request: HttpRequest) -> HttpResponse:
    """Download the seeker's own AK/I card as PDF."""
    seeker = get_own_seeker(request.user)
    if not seeker.ak1_number:
        raise Http404
    return card_response(request, seeker)


def card_pdf(request: HttpRequest, seeker: JobSeeker) -> bytes:
    """The AK/I card of `seeker`, with the latest placement in the "diterima bekerja" block."""
    placement = Placement.objects.filter(seeker=seeker).order_by("-placed_on", "-id").first()
    hire = (
        Hire(
            employer=placement.employer_name,
            job_title=placement.job_title,
            started_on=placement.placed_on,
        )
        if placement is not None
        else None
    )
    return render_card_pdf(seeker, verify_url=verify_url(request, seeker.ak1_number), hire=hire)


def card_response(request: HttpRequest, seeker: JobSeeker) -> HttpResponse:
    """The AK/I card PDF of `seeker` (the caller checked access)."""
    pdf = card_pdf(request, seeker)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="AK1-{seeker.ak1_number}.pdf"'
    return response


# --- The card photo ------------------------------------------------------------------------------
@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def photo(request: HttpRequest) -> HttpResponse:
    """Upload or replace the photo printed on the AK/I card."""
    seeker = get_own_seeker(request.user)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.store_photo(
                seeker=seeker, actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("Your photo is saved; it is printed on your card."))
            return redirect("jobseekers:photo")
    has_photo = hasattr(seeker, "photo")
    status = 400 if form.errors else 200
    return render(
        request, "jobseekers/photo_form.html", {"form": form, "has_photo": has_photo}, status=status
    )


@role_required(Role.SEEKER)
@require_GET
def photo_file(request: HttpRequest) -> HttpResponse:
    """The seeker's own stored photo (never a public URL)."""
    seeker = get_own_seeker(request.user)
    return photo_file_response(seeker)


def photo_file_response(seeker: JobSeeker) -> HttpResponse:
    """The stored photo of `seeker` (the caller checked access)."""
    data = services.photo_bytes(seeker)
    if data is None:
        raise Http404
    response = HttpResponse(data, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


# --- CV ------------------------------------------------------------------------------------------
@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def cv(request: HttpRequest) -> HttpResponse:
    """Upload or replace the CV (PDF only)."""
    seeker = get_own_seeker(request.user)
    form = CVForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.store_cv(seeker=seeker, actor=request.user, upload=form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("Your CV is saved."))
            return redirect("jobseekers:cv")
    current = getattr(seeker, "cv", None) if hasattr(seeker, "cv") else None
    return render(request, "jobseekers/cv_form.html", {"form": form, "current": current})


@role_required(Role.SEEKER)
@require_GET
def cv_download(request: HttpRequest) -> HttpResponse:
    """The seeker's own CV file, as an attachment."""
    return cv_file_response(get_own_cv(request.user))


@role_required(Role.SEEKER)
@require_POST
def cv_delete(request: HttpRequest) -> HttpResponse:
    """Delete the CV."""
    services.delete_cv(seeker=get_own_seeker(request.user), actor=request.user)
    messages.success(request, _("Your CV is deleted."))
    return redirect("jobseekers:cv")


def cv_file_response(cv_document) -> FileResponse:
    """Serve a stored CV as a download (the caller checked access)."""
    path = services.cv_path(cv_document)
    if not path.is_file():
        raise Http404
    return FileResponse(
        open(path, "rb"),  # FileResponse closes it
        as_attachment=True,
        filename=cv_document.original_name,
        content_type="application/pdf",
    )


# --- My data -------------------------------------------------------------------------------------
@role_required(Role.SEEKER)
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    """What we hold about the seeker and who processed it."""
    seeker = get_own_seeker(request.user)
    return render(
        request,
        "jobseekers/my_data.html",
        {
            "seeker": seeker,
            "log": services.processing_log(seeker),
            "consents": seeker.consents.all(),
            **_summary(seeker),
        },
    )


@role_required(Role.SEEKER)
@require_GET
def my_data_export(request: HttpRequest) -> HttpResponse:
    """Everything held about the seeker as a JSON download (UU 27/2022 PDP Art. 32)."""
    seeker = get_own_seeker(request.user)
    data = services.export_seeker_data(seeker=seeker, actor=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="data-saya-antarkerja.json"'
    return response


# --- The public card check -----------------------------------------------------------------------
@require_GET
def verify_card(request: HttpRequest, number: str) -> HttpResponse:
    """Public: is this AK/I card valid, expired or unknown? Initials only, no personal data."""
    seeker = None
    if len(number) <= 30:
        seeker = (
            JobSeeker.objects.select_related("office")
            .filter(ak1_number=number)
            .only("full_name", "status", "expires_on", "ak1_number", "office__name")
            .first()
        )
    today = timezone.localdate()
    state = seeker.card_state_on(today) if seeker else "unknown"
    return render(
        request,
        "jobseekers/card_verify.html",
        {"number": number[:30], "state": state, "seeker": seeker, "today": today},
        status=200 if seeker else 404,
    )

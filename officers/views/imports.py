"""Officer pages of imports: upload, map the columns on screen, follow the progress, read and
download the report, review the uncertain rows, publish a whole file, merge duplicate employers."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from employers import import_mapping, import_report, import_review, imports
from employers.access import get_import_for_officer, imports_for
from employers.import_rows import template_csv
from employers.models import Employer, ImportRun
from employers.tasks import publish_import as publish_import_task
from officers.access import office_required
from officers.forms import ImportForm, ImportProfileForm
from officers.import_forms import MappingForm
from placement.accounts.access import parse_pk
from placement.accounts.scope import region_scope

SHOWN_ERRORS = 200
SAMPLE_VALUES = 3


@office_required
@require_http_methods(["GET", "POST"])
def import_list(request: HttpRequest) -> HttpResponse:
    """Upload a file (CSV, XLSX, JSON lines) of employers or vacancies; earlier imports."""
    if region_scope(request.user).is_empty:
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = imports.start_import(
            kind=form.cleaned_data["kind"],
            policy=form.cleaned_data["policy"],
            upload=form.cleaned_data["file"],
            by=request.user,
            map_on_screen=True,
        )
        if run.status == ImportRun.Status.MAPPING:
            return redirect("officers:import_map", run.pk)
        return redirect("officers:import_detail", run.pk)
    runs = imports_for(request.user).defer("errors").select_related("office")[:20]
    return render(
        request,
        "officers/employers/import_list.html",
        {"form": form, "runs": runs},
        status=400 if form.errors else 200,
    )


def _columns(header: list[str], sample: list[list[str]]) -> list[tuple[str, list[str]]]:
    """Each column of the file with its first few non-empty values."""
    result = []
    for index, name in enumerate(header):
        values = [row[index] for row in sample if index < len(row) and row[index].strip()]
        result.append((name, [value[:80] for value in values[:SAMPLE_VALUES]]))
    return result


@office_required
@require_http_methods(["GET", "POST"])
def import_map(request: HttpRequest, pk: int) -> HttpResponse:
    """The file's columns with sample values beside our fields; the suggested mapping (or the
    saved profile's) preselected; the officer changes it, may name it, and starts the import."""
    run = get_import_for_officer(request.user, pk)
    if run.status != ImportRun.Status.MAPPING:
        return redirect("officers:import_detail", run.pk)
    header, sample = imports.preview(run)
    initial = {f"map_{field}": column for field, column in run.mapping.items()}
    defaults = {**import_mapping.DEFAULTS, **(run.profile.defaults if run.profile else {})}
    initial.update(
        headcount=defaults["headcount"],
        valid_days=defaults["valid_days"],
        employment_type=defaults["employment_type"],
    )
    form = MappingForm(request.POST or None, header=header, initial=initial)
    if request.method == "POST" and form.is_valid():
        imports.confirm_mapping(
            run=run,
            mapping=form.mapping(),
            defaults=form.defaults(),
            profile_name=form.cleaned_data["profile_name"].strip(),
            by=request.user,
        )
        return redirect("officers:import_detail", run.pk)
    return render(
        request,
        "officers/imports/import_map.html",
        {
            "run": run,
            "form": form,
            "columns": _columns(header, sample),
            "mapped_fields": [form[name] for name in form.mapped_fields],
        },
        status=400 if form.errors else 200,
    )


@office_required
@require_GET
@vary_on_headers("HX-Request")
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress, then the result of one import: counts and the first rows of its report."""
    run = get_import_for_officer(request.user, pk)
    running = run.status in (ImportRun.Status.PENDING, ImportRun.Status.RUNNING)
    context = {
        "run": run,
        "running": running,
        "progress": imports.progress(run),
        "errors": run.errors[:SHOWN_ERRORS],
        "outcomes": import_report.OUTCOME_LABELS,
        "mapping_rows": _mapping_rows(run.mapping),
        "profile_form": ImportProfileForm(
            initial={"name": run.profile.name if run.profile else ""}
        ),
        "publishable": import_review.publishable(run).count() if not running else 0,
        "handoffs": run.handoffs.select_related("office").order_by("pk"),
        "handed_by": _origin(run),
    }
    if request.htmx:
        if running:
            return render(request, "officers/employers/import_detail.html#progress", context)
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # finished: the whole page with its report
        return response
    return render(request, "officers/employers/import_detail.html", context)


def _origin(run: ImportRun) -> str:
    """For rows handed over by another office: that office's name."""
    if run.handed_from_id is None:
        return ""
    source = ImportRun.objects.select_related("uploaded_by__officer_profile__office")
    parent = source.filter(pk=run.handed_from_id).first()
    officer = getattr(parent.uploaded_by, "officer_profile", None) if parent else None
    return officer.office.name if officer else _("another office")


def _mapping_rows(mapping: dict) -> list[tuple[str, str]]:
    rows = []
    for field, column in mapping.items():
        if field.startswith("__"):
            continue
        if field == "education_flags":
            column = ", ".join(name for name, _code in column)
        rows.append((str(import_mapping.FIELD_LABELS.get(field, _("Education"))), column))
    return rows


@office_required
@require_POST
def import_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """An officer of the office takes the rows another office handed over."""
    run = get_import_for_officer(request.user, pk)
    if run.status != ImportRun.Status.HANDED:
        return redirect("officers:import_detail", run.pk)
    run = imports.accept_handoff(run=run, by=request.user)
    if run.status == ImportRun.Status.MAPPING:
        return redirect("officers:import_map", run.pk)
    return redirect("officers:import_detail", run.pk)


@office_required
@require_POST
def import_save_profile(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the mapping of an import as a named profile, picked for files with these columns."""
    run = get_import_for_officer(request.user, pk)
    form = ImportProfileForm(request.POST)
    if not run.mapping or not form.is_valid():
        messages.error(request, _("Give the profile a name."))
        return redirect("officers:import_detail", run.pk)
    imports.save_run_profile(run=run, name=form.cleaned_data["name"], by=request.user)
    messages.success(request, _("The profile is saved."))
    return redirect("officers:import_detail", run.pk)


@office_required
@require_GET
def import_report_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole report (row, outcome, column, reason, value) as CSV, streamed."""
    run = get_import_for_officer(request.user, pk)
    response = StreamingHttpResponse(
        import_report.report_csv(run), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-report.csv"'
    return response


@office_required
@require_GET
def import_report_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole report as an XLSX workbook."""
    run = get_import_for_officer(request.user, pk)
    response = HttpResponse(
        import_report.report_xlsx(run),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-report.xlsx"'
    return response


@office_required
@require_POST
def import_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer publishes the whole file (its confirmed vacancies of verified companies)."""
    run = get_import_for_officer(request.user, pk)
    if run.status != ImportRun.Status.DONE or run.kind != ImportRun.Kind.VACANCIES:
        raise Http404
    publish_import_task.delay(run.pk, request.user.pk)
    messages.success(
        request,
        _("Publishing has started: the vacancies get their candidates within minutes."),
    )
    return redirect("officers:import_detail", run.pk)


@office_required
@require_GET
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    """An example file with the expected columns."""
    if kind not in ImportRun.Kind.values:
        raise Http404
    response = HttpResponse(template_csv(kind), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="template-{kind}.csv"'
    return response


def _review_choices(post, ids: list[int]) -> dict[int, dict]:
    """{pk: {"kbji": code, "regency": code, "skills": {index: uri}}} from the review form."""
    choices = {}
    for pk in ids:
        skills = {
            str(index): post.get(f"skill-{pk}-{index}")
            for index in range(import_review.SHOWN_UNKNOWN_SKILLS)
            if post.get(f"skill-{pk}-{index}")
        }
        choices[pk] = {
            "kbji": post.get(f"kbji-{pk}", ""),
            "regency": post.get(f"regency-{pk}", ""),
            "skills": skills,
        }
    return choices


@office_required
@require_http_methods(["GET", "POST"])
def import_review_page(request: HttpRequest) -> HttpResponse:
    """Imported vacancies whose coding is uncertain: the officer picks among the suggestions and
    confirms several at once (the choices teach the coders)."""
    if request.method == "POST":
        ids = [int(pk) for pk in request.POST.getlist("vacancy") if pk.isdigit()][:500]
        confirmed = import_review.confirm_review(
            vacancy_ids=ids, by=request.user, choices=_review_choices(request.POST, ids)
        )
        messages.success(request, _("%(n)s vacancies confirmed.") % {"n": confirmed})
        return redirect("officers:import_review")
    page = Paginator(import_review.review_queue(request.user), 50).get_page(request.GET.get("page"))
    suggestions = import_review.suggestions(list(page.object_list))
    rows = [(vacancy, suggestions[vacancy.pk]) for vacancy in page.object_list]
    return render(request, "officers/employers/import_review.html", {"page": page, "rows": rows})


@office_required
@require_http_methods(["GET", "POST"])
def employer_duplicates(request: HttpRequest) -> HttpResponse:
    """Employers that look like one company (one of them from a job board): merge them."""
    if request.method == "POST":
        visible = Employer.objects.visible_to(request.user)
        keep = get_object_or_404(visible, pk=parse_pk(request.POST.get("keep", "")))
        duplicate = get_object_or_404(visible, pk=parse_pk(request.POST.get("duplicate", "")))
        try:
            import_review.merge_employers(keep=keep, duplicate=duplicate, by=request.user)
        except import_review.MergeRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _("“%(name)s” is merged into “%(keep)s”.")
                % {"name": duplicate.name, "keep": keep.name},
            )
        return redirect("officers:employer_duplicates")
    groups = import_review.likely_duplicate_employers(request.user)
    return render(request, "officers/imports/employer_duplicates.html", {"groups": groups})


urlpatterns = [
    path("imports/employers/", employer_duplicates, name="employer_duplicates"),
    path("imports/", import_list, name="import_list"),
    path("imports/review/", import_review_page, name="import_review"),
    path("imports/<int:pk>/", import_detail, name="import_detail"),
    path("imports/<int:pk>/map/", import_map, name="import_map"),
    path("imports/<int:pk>/errors.csv", import_report_csv, name="import_errors"),
    path("imports/<int:pk>/report.csv", import_report_csv, name="import_report_csv"),
    path("imports/<int:pk>/report.xlsx", import_report_xlsx, name="import_report_xlsx"),
    path("imports/<int:pk>/publish/", import_publish, name="import_publish"),
    path("imports/<int:pk>/profile/", import_save_profile, name="import_save_profile"),
    path("imports/<int:pk>/accept/", import_accept, name="import_accept"),
    path("imports/template-<str:kind>.csv", import_template, name="import_template"),
]

"""Officer pages about job seekers: the verification queue, the case file's profile tab (the
record to verify), card and CV.

Every page goes through jobseekers.access (scoped, 404 outside the office's region, reads audited)
and every action through jobseekers.services, as the API does.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from jobseekers import services
from jobseekers.access import (
    get_cv_for_officer,
    get_document_for_officer,
    get_seeker_for_card,
    get_seeker_for_officer,
)
from jobseekers.documents import document_file_response, store_from_form
from jobseekers.forms import DocumentForm, PhotoForm
from jobseekers.models import JobSeeker
from jobseekers.views import (
    card_response,
    credential_rows,
    cv_file_response,
    photo_file_response,
)
from officers import casefile, listing
from officers.access import get_case_seeker, office_required
from officers.listing import Column, query_without
from placement.accounts.scope import region_scope
from placement.taxonomy.models import Regency

PAGE_SIZE = 50

# The staff roles that act on seekers (the privacy officer sees no region: every record is 404).
seeker_staff_required = office_required


def _duplicate_exists() -> Exists:
    others = JobSeeker.objects.filter(
        birth_date=OuterRef("birth_date"),
        phone=OuterRef("phone"),
        full_name__iexact=OuterRef("full_name"),
        nik__isnull=False,
    ).exclude(pk=OuterRef("pk"))
    return Exists(others)


SEEKER_QUEUE_COLUMNS = listing.Sorting(
    {
        "sent": Column(gettext_lazy("Sent"), ("submitted_at",)),
        "name": Column(gettext_lazy("Name"), ("full_name",)),
        "regency": Column(gettext_lazy("Regency/city"), ("regency__name",)),
        "education": Column(gettext_lazy("Education"), ("education_level__order",)),
        "checks": Column(gettext_lazy("Checks")),
    }
)


@seeker_staff_required
@require_GET
def seeker_queue(request: HttpRequest) -> HttpResponse:
    """Registrations waiting for verification in the office's region, oldest first."""
    queryset = JobSeeker.objects.visible_to(request.user).awaiting_verification()
    regency = request.GET.get("regency", "")[:5]
    if regency:
        queryset = queryset.filter(regency_id=regency)
    only_warnings = request.GET.get("warnings") == "1"
    q = request.GET.get("q", "").strip()[:100]
    if q:
        digits = q.replace(" ", "").replace("-", "")
        queryset = queryset.filter(
            Q(full_name__icontains=q)
            | (Q(nik=digits) if digits.isdigit() and len(digits) == 16 else Q(pk__in=[]))
            | (Q(phone__contains=digits) if digits.isdigit() and len(digits) >= 6 else Q(pk__in=[]))
        )
    queryset = queryset.annotate(has_duplicate=_duplicate_exists())
    if only_warnings:
        queryset = queryset.filter(Q(has_duplicate=True) | ~Q(warnings=[]))
    counts = (
        JobSeeker.objects.visible_to(request.user)
        .awaiting_verification()
        .values("regency_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    count_by_regency = {row["regency_id"]: row["n"] for row in counts}
    page = Paginator(
        SEEKER_QUEUE_COLUMNS.apply(
            request,
            queryset.select_related("regency", "education_level").order_by("submitted_at", "pk"),
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    regency_rows = [
        (r, count_by_regency.get(r.code, 0))
        for r in Regency.objects.filter(code__in=list(count_by_regency)).order_by("code")
    ]
    return render(
        request,
        "officers/seekers/seeker_queue.html",
        {
            "page": page,
            "total": sum(count_by_regency.values()),
            "regency_rows": regency_rows,
            "regency": regency,
            "only_warnings": only_warnings,
            "q": q,
            "query": query_without(request, "page").urlencode(),
            "headers": SEEKER_QUEUE_COLUMNS.headers(request),
            "sort": request.GET.get("sort", "") if SEEKER_QUEUE_COLUMNS.current(request)[0] else "",
        },
    )


@seeker_staff_required
@require_GET
def seeker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The case file's profile tab: the record as the officer verifies it, with its warnings."""
    seeker = get_case_seeker(request.user, pk, queryset=casefile.profile_queryset())
    duplicates, elsewhere = [], False
    if seeker.status == JobSeeker.Status.SUBMITTED:
        # One query: possible duplicates, flagged whether the officer may open them.
        rows = list(
            services.possible_duplicates(seeker)
            .annotate(in_scope=_in_scope(request.user))
            .select_related("regency")
            .order_by("pk")[:20]
        )
        duplicates = [row for row in rows if row.in_scope][:10]
        elsewhere = not duplicates and bool(rows)
    today = timezone.localdate()
    return render(
        request,
        "officers/seekers/seeker_detail.html",
        {
            "seeker": seeker,
            "tab": "profile",
            "warnings": services.warning_messages(seeker) if seeker.warnings else [],
            "duplicates": duplicates,
            "duplicate_elsewhere": elsewhere,
            "educations": seeker.educations.select_related("level", "smk_programme", "study_field"),
            "experiences": seeker.experiences.select_related("occupation"),
            "skills": [s.skill for s in seeker.skills.select_related("skill").order_by("pk")],
            "credentials": credential_rows(seeker),
            "has_photo": hasattr(seeker, "photo"),
            "photo_form": PhotoForm(),
            "documents": seeker.documents.all(),
            "document_form": DocumentForm(),
            "wanted": casefile.wanted_labels(seeker),
            "has_cv": casefile.has_cv(seeker),
            "can_reactivate": seeker.status in (JobSeeker.Status.REMOVED, JobSeeker.Status.PLACED),
            "can_record_report": seeker.status == JobSeeker.Status.ACTIVE
            and seeker.can_report_on(today),
            "documents_seen": [
                label
                for value, label in JobSeeker.Document.choices
                if value in seeker.documents_seen
            ],
        },
    )


def _in_scope(user) -> Case:
    scope = region_scope(user)
    if scope.everything:
        return Value(True, output_field=BooleanField())
    return Case(When(scope.q("regency"), then=True), default=False, output_field=BooleanField())


@seeker_staff_required
@require_POST
def seeker_verify(request: HttpRequest, pk: int) -> HttpResponse:
    """Verify the registration and issue the AK/I number."""
    seeker = get_seeker_for_officer(request.user, pk, purpose="verify")
    try:
        seeker = services.verify_jobseeker(seeker=seeker, officer=request.user, via="web")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Verified. AK/I number %(number)s issued.") % {"number": seeker.ak1_number},
        )
    return redirect("officers:seeker_detail", pk=seeker.pk)


@seeker_staff_required
@require_GET
def seeker_card(request: HttpRequest, pk: int) -> HttpResponse:
    """The seeker's AK/I card as PDF (to print and sign)."""
    return card_response(request, get_seeker_for_card(request.user, pk))


@seeker_staff_required
@require_GET
def seeker_cv(request: HttpRequest, pk: int) -> HttpResponse:
    """The seeker's CV, as an attachment."""
    return cv_file_response(get_cv_for_officer(request.user, pk))


@seeker_staff_required
@require_POST
def seeker_photo(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer stores the card photo taken or scanned at the counter (cropped 3 x 4)."""
    seeker = get_seeker_for_officer(request.user, pk, purpose="photo")
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.store_photo(
                seeker=seeker, actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The photo is saved; it is printed on the card."))
    else:
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
    return redirect("officers:seeker_detail", pk=seeker.pk)


@seeker_staff_required
@require_GET
def seeker_photo_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The seeker's stored card photo (officers of the region only)."""
    return photo_file_response(get_seeker_for_officer(request.user, pk, purpose="photo"))


@seeker_staff_required
@require_POST
def seeker_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer keeps a scan or photo of a document checked at the counter."""
    seeker = get_seeker_for_officer(request.user, pk, purpose="document")
    form = store_from_form(request, seeker, request.user)
    if form.errors:
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
    else:
        messages.success(request, _("The document is saved."))
    return redirect("officers:seeker_detail", pk=seeker.pk)


@seeker_staff_required
@require_GET
def seeker_document_file(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """A document copy of a seeker of the region (404 otherwise; the read is audited)."""
    return document_file_response(get_document_for_officer(request.user, pk, document_pk))


@seeker_staff_required
@require_POST
def seeker_document_delete(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """Delete a document copy (a wrong or unreadable scan)."""
    document = get_document_for_officer(request.user, pk, document_pk)
    services.delete_document(document=document, actor=request.user)
    messages.success(request, _("The document is deleted."))
    return redirect("officers:seeker_detail", pk=pk)


urlpatterns = [
    path("seekers/verify/", seeker_queue, name="seeker_queue"),
    path("seekers/<int:pk>/", seeker_detail, name="seeker_detail"),
    path("seekers/<int:pk>/verify/", seeker_verify, name="seeker_verify"),
    path("seekers/<int:pk>/card.pdf", seeker_card, name="seeker_card"),
    path("seekers/<int:pk>/cv/", seeker_cv, name="seeker_cv"),
    path("seekers/<int:pk>/photo/", seeker_photo, name="seeker_photo"),
    path("seekers/<int:pk>/photo.jpg", seeker_photo_file, name="seeker_photo_file"),
    path("seekers/<int:pk>/documents/", seeker_document, name="seeker_document"),
    path(
        "seekers/<int:pk>/documents/<int:document_pk>/",
        seeker_document_file,
        name="seeker_document_file",
    ),
    path(
        "seekers/<int:pk>/documents/<int:document_pk>/delete/",
        seeker_document_delete,
        name="seeker_document_delete",
    ),
]

"""The seeker's copies of the documents the counter checks (KTP, ijazah, certificates...): list,
upload, open, delete. The files are never under a public URL: every read goes through
jobseekers.access (the person's own, or an officer of their region; 404 otherwise; audited)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jobseekers import services
from jobseekers.access import get_own_document, get_own_seeker
from jobseekers.forms import DocumentForm
from jobseekers.models import JobSeeker, SeekerDocument
from placement.accounts.access import role_required
from placement.accounts.models import Role, User


def document_file_response(document: SeekerDocument) -> FileResponse:
    """Serve a stored document copy (the caller checked access and audited the read)."""
    path = services.seeker_document_path(document)
    if not path.is_file():
        raise Http404
    response = FileResponse(
        open(path, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=document.file_format == SeekerDocument.Format.PDF,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def store_from_form(request: HttpRequest, seeker: JobSeeker, actor: User) -> DocumentForm:
    """Validate the upload form and keep the copy; the form carries any error on its field."""
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.store_document(
                seeker=seeker,
                actor=actor,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            field = "kind" if getattr(error, "error_dict", {}).get("kind") else "file"
            form.add_error(field, error.messages)
    return form


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def documents(request: HttpRequest) -> HttpResponse:
    """The seeker's document copies and the upload form."""
    seeker = get_own_seeker(request.user)
    form = DocumentForm()
    status = 200
    if request.method == "POST":
        form = store_from_form(request, seeker, request.user)
        if not form.errors:
            messages.success(request, _("The document is saved."))
            return redirect("jobseekers:documents")
        status = 400
    return render(
        request,
        "jobseekers/documents.html",
        {"form": form, "documents": seeker.documents.all()},
        status=status,
    )


@role_required(Role.SEEKER)
@require_GET
def document_file(request: HttpRequest, document_pk: int) -> HttpResponse:
    """One of the seeker's own document copies."""
    return document_file_response(get_own_document(request.user, document_pk))


@role_required(Role.SEEKER)
@require_POST
def document_delete(request: HttpRequest, document_pk: int) -> HttpResponse:
    """Delete one of the seeker's own document copies."""
    document = get_own_document(request.user, document_pk)
    services.delete_document(document=document, actor=request.user)
    messages.success(request, _("The document is deleted."))
    return redirect("jobseekers:documents")

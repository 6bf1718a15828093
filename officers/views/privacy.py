"""An officer files a data-subject request for a person at the counter (UU 27/2022 PDP), from
the case file: seekers of the officer's region only (404 otherwise; the read is audited)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from officers.access import get_case_seeker, office_required
from placement.accounts.models import Role
from placement.privacy import services
from placement.privacy.forms import RequestForm
from placement.privacy.models import SubjectRequest


@office_required
@require_http_methods(["GET", "POST"])
def walk_in(request: HttpRequest, seeker_pk: int) -> HttpResponse:
    """An officer files a request for a person at the counter (seekers of their region only)."""
    if request.user.role == Role.PRIVACY:
        raise Http404
    seeker = get_case_seeker(request.user, seeker_pk, purpose="privacy_request")
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            filed = services.file_request(
                seeker=seeker,
                kind=form.cleaned_data["kind"],
                details=form.cleaned_data["details"],
                actor=request.user,
                channel=SubjectRequest.Channel.WALK_IN,
            )
        except services.PrivacyError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Request %(number)s is filed for the data protection officer.")
                % {"number": filed.number},
            )
            return redirect("officers:seeker_detail", pk=seeker.pk)
    return render(request, "privacy/walk_in.html", {"form": form, "seeker": seeker})


# Mounted under officer/ with the "privacy" namespace (placement/urls.py).
urlpatterns = [path("seekers/<int:seeker_pk>/privacy-request/", walk_in, name="walk_in")]

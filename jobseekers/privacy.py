"""The seeker's requests about their personal data (UU 27/2022 PDP): the list with each answer's
deadline, and the form to file one. The privacy officer answers them (placement/privacy/views)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jobseekers.models import JobSeeker
from placement.accounts.access import role_required
from placement.accounts.models import Role
from placement.privacy import services
from placement.privacy.forms import RequestForm


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def mine(request: HttpRequest) -> HttpResponse:
    """The seeker's requests about their data, and the form to file one."""
    seeker = JobSeeker.objects.filter(user=request.user).first()
    if seeker is None:
        raise Http404
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            filed = services.file_request(
                seeker=seeker,
                kind=form.cleaned_data["kind"],
                details=form.cleaned_data["details"],
                actor=request.user,
            )
        except services.PrivacyError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your request %(number)s is received. We answer by %(due)s.")
                % {
                    "number": filed.number,
                    "due": timezone.localtime(filed.due_at).strftime("%d-%m-%Y %H:%M"),
                },
            )
            return redirect("privacy:mine")
    now = timezone.now()
    requests = list(seeker.privacy_requests.order_by("-received_at"))
    for item in requests:
        item.timer = item.clock(now)
    return render(
        request, "privacy/mine.html", {"form": form, "requests": requests, "seeker": seeker}
    )


# Mounted under seeker/ with the "privacy" namespace (placement/urls.py).
urlpatterns = [path("privacy/", mine, name="mine")]

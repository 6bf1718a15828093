"""The inbox (a list with the newest first, mark read) and the preferences page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from placement.notifications import services
from placement.notifications.models import Notification, Preference

PAGE_SIZE = 30


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """The signed-in person's notices, newest first."""
    notices = Notification.objects.filter(user=request.user)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "unread": services.unread_count(request.user)},
    )


@login_required
@require_POST
def read(request: HttpRequest) -> HttpResponse:
    """Mark one notice (`id`) or all read; then follow the notice's link if asked (`open=1`)."""
    raw = request.POST.get("id", "")
    notice_id = int(raw) if raw.isdigit() and len(raw) < 18 else None
    services.mark_read(user=request.user, notification_id=notice_id)
    if notice_id is not None and request.POST.get("open") == "1":
        link = (
            Notification.objects.filter(user=request.user, pk=notice_id)
            .values_list("link", flat=True)
            .first()
        )
        if link and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
            return redirect(link)
    return redirect("notifications:inbox")


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["email", "weekly_digest", "daily_digest", "language"]

    def __init__(self, *args, role: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if role != "seeker":
            del self.fields["weekly_digest"]
        if role not in ("officer", "supervisor", "national"):
            del self.fields["daily_digest"]


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """What the person wants to be told, and the language of the e-mails."""
    current = services.preference_for(request.user)
    form = PreferenceForm(request.POST or None, instance=current, role=request.user.role)
    if request.method == "POST" and form.is_valid():
        services.save_preference(
            user=request.user, **{name: form.cleaned_data[name] for name in form.fields}
        )
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


app_name = "notifications"
urlpatterns = [
    path("", inbox, name="inbox"),
    path("read/", read, name="read"),
    path("preferences/", preferences, name="preferences"),
]

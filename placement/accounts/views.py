"""Sign-in, sign-out, password reset and the role-based landing redirect."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from rest_framework.authtoken.models import Token

from placement.accounts.forms import EmailAuthenticationForm
from placement.accounts.models import Role

_HOME_BY_ROLE = {
    Role.SEEKER: "jobseekers:portal",
    Role.EMPLOYER: "employers:portal",
    Role.OFFICER: "officers:dashboard",
    Role.SUPERVISOR: "officers:dashboard",
    Role.NATIONAL: "officers:dashboard",
    Role.PRIVACY: "officers:dashboard",
}


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Sign out on POST only (no state change on GET); signing out also ends the API token."""

    http_method_names = ["post", "options"]

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated:
            Token.objects.filter(user=request.user).delete()
        return super().post(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send a signed-in user to the area of their role."""
    return redirect(_HOME_BY_ROLE.get(request.user.role, "home"))

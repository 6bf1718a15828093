from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class EmailAuthenticationForm(AuthenticationForm):
    """Sign-in with e-mail; the field keeps Django's name "username" so axes can track it."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        # One message for unknown users and wrong passwords: do not reveal who has an account.
        "invalid_login": _("The e-mail address or password is not correct."),
        "inactive": _("This account is not active."),
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()

"""Forms of the application pages (validation only)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from employers.fields import Radios
from placement.pipeline.models import Application
from placement.pipeline.services import EMPLOYER_TRANSITIONS, MAX_NOTE


class ApplyForm(forms.Form):
    note = forms.CharField(
        label=_("A short note to the employer"),
        required=False,
        max_length=MAX_NOTE,
        help_text=_(
            "Why you want this job, when you can start. The employer also sees your "
            "education, experience and skills."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ApplicationStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), widget=Radios)

    def __init__(self, *args, application: Application, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        allowed = EMPLOYER_TRANSITIONS.get(application.status, frozenset())
        self.fields["status"].choices = [
            (value, label) for value, label in Application.Status.choices if value in allowed
        ]

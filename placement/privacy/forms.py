"""Forms of the privacy pages (labels and errors translated; lengths as the models allow)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.forms import Radios
from placement.privacy.models import Breach, SubjectRequest

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class RequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you ask for?"),
        choices=SubjectRequest.Kind.choices,
        widget=Radios,
    )
    details = forms.CharField(
        label=_("Details"),
        help_text=_(
            "For a correction: which data is wrong and what is right. For an objection: to what "
            "and why."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ResolutionForm(forms.Form):
    resolution = forms.CharField(
        label=_("Answer to the person"),
        help_text=_("What was done, or why the request is refused."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class BreachForm(forms.ModelForm):
    discovered_at = forms.DateTimeField(
        label=_("Discovered at"), input_formats=DATETIME_FORMATS, widget=DATETIME
    )

    class Meta:
        model = Breach
        fields = ["title", "description", "discovered_at", "affected_data", "affected_subjects"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "affected_data": _("Which personal data, e.g. names, NIK, phone numbers."),
            "affected_subjects": _("How many people, as far as known."),
        }


class NoticeForm(forms.Form):
    to = forms.ChoiceField(
        label=_("Notified"),
        choices=[
            ("subjects", _("The persons affected")),
            ("authority", _("The authority (PDP agency)")),
        ],
        widget=Radios,
    )
    text = forms.CharField(
        label=_("Text of the notice"),
        help_text=_("What data, when and how it was exposed, and what is being done (Art. 46)."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    sent_at = forms.DateTimeField(
        label=_("Sent at"),
        input_formats=DATETIME_FORMATS,
        widget=DATETIME,
        required=False,
        help_text=_("Leave empty for now."),
    )

    def clean_sent_at(self):
        return self.cleaned_data.get("sent_at") or timezone.now()


class ActionsForm(forms.Form):
    actions = forms.CharField(
        label=_("Actions taken"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

"""Forms of the application and referral pages (validation only).

`ReferralOutcomeForm` is the one outcome form of both audiences: the employer records what
happened to a referred candidate, the officer records it on the employer's behalf (or withdraws
the candidate); only the words differ.
"""

from __future__ import annotations

from typing import Literal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _now
from django.utils.translation import gettext_lazy as _

from placement.fields import DatePartsField, Radios, required_when
from placement.pipeline.models import Application, Referral
from placement.pipeline.services import EMPLOYER_TRANSITIONS, MAX_NOTE
from placement.pipeline.services.referrals import MAX_OUTCOME_NOTE

Status = Referral.Status


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


# The words each audience reads; the fields, choices and checks are the same.
_OUTCOME_WORDS = {
    "employer": {
        "status": _("What happened?"),
        "on": _("The day of the interview or of the decision; for a hire, the first day of work."),
        "note": _("Note for the Disnaker"),
        "choices": {
            Status.INTERVIEWED: _("Interviewed, no decision yet"),
            Status.HIRED: _("Hired"),
            Status.REJECTED: _("Not selected"),
        },
    },
    "officer": {
        "status": _("Outcome"),
        "on": _("The day of the interview, of the decision, or when the work starts."),
        "note": _("Note"),
        "choices": {},  # the statuses' own names
    },
}


class ReferralOutcomeForm(forms.Form):
    """What happened to a referral: interviewed, hired, not selected (with a reason), withdrawn
    (the officer only); `allowed` comes from `services.allowed_outcomes`."""

    status = forms.ChoiceField(label=_("Outcome"), widget=Radios)
    on = DatePartsField(label=_("Date"), required=False)
    reason = required_when(
        forms.ChoiceField(
            label=_("Reason, if not selected"),
            required=False,
            choices=[("", _("Choose a reason")), *Referral.RejectionReason.choices],
        )
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=MAX_OUTCOME_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self, *args, allowed: list[str], audience: Literal["employer", "officer"], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        words = _OUTCOME_WORDS[audience]
        self.fields["status"].label = words["status"]
        self.fields["on"].help_text = words["on"]
        self.fields["note"].label = words["note"]
        labels = {**dict(Status.choices), **words["choices"]}
        self.fields["status"].choices = [(value, labels[value]) for value in allowed]

    def clean(self):
        data = super().clean()
        if data.get("status") == Status.REJECTED and not data.get("reason"):
            self.add_error("reason", _now("Choose the reason the candidate was not selected."))
        if (
            data.get("status") == Status.REJECTED
            and data.get("reason") == Referral.RejectionReason.OTHER
            and not (data.get("note") or "").strip()
        ):
            self.add_error("note", _now("Write the reason in the note."))
        # A hire's date is the first working day, which may lie ahead.
        if (
            data.get("on")
            and data["on"] > timezone.localdate()
            and data.get("status") != Status.HIRED
        ):
            self.add_error("on", _now("The date cannot be in the future."))
        return data

    def outcome(self) -> dict:
        """The cleaned answers as `services.record_referral_outcome` takes them."""
        data = self.cleaned_data
        return {
            "status": data["status"],
            "reason": data.get("reason", ""),
            "note": data.get("note", ""),
            "on": data.get("on"),
        }

"""Forms of the CPMI checklist, the cases and the public "check an offer"."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from placement.migrants.models import Case, CpmiItemKind
from placement.registers.models import Agency
from placement.taxonomy.models import Regency

DATE = forms.DateInput(attrs={"type": "date"})


class CpmiItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Requirement"), choices=CpmiItemKind.choices)
    done_on = forms.DateField(label=_("Date of the document"), widget=DATE)
    reference = forms.CharField(label=_("Document number"), max_length=100, required=False)
    document = forms.FileField(
        label=_("Scanned document"),
        required=False,
        help_text=_("PDF, JPEG or PNG, at most 5 MB. Kept private: only officers can open it."),
    )
    country = forms.CharField(label=_("Destination country"), max_length=100, required=False)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "kind",
            "status",
            "reported_on",
            "regency",
            "summary",
            "agency",
            "agency_name",
            "phone",
            "job_order_number",
            "country",
            "people",
            "follow_up",
            "outcome",
            "reporter_contact",
        ]
        widgets = {
            "reported_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "people": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, regencies=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if regencies is not None:
            self.fields["regency"].queryset = regencies
        self.fields["agency"].queryset = Agency.objects.order_by("name")
        self.fields["agency"].required = False


class CheckOfferForm(forms.Form):
    agency = forms.CharField(
        label=_("Name of the agency or recruiter"), max_length=200, required=False
    )
    number = forms.CharField(
        label=_("Licence or job order (SIP2MI) number"),
        max_length=100,
        required=False,
        help_text=_("As written on the offer or the agency's papers."),
    )
    country = forms.CharField(label=_("Country of the job"), max_length=100, required=False)
    text = forms.CharField(
        label=_("Text of the offer"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Paste the message or the advert you received. It is not saved."),
    )
    regency = forms.ModelChoiceField(
        label=_("Where you live"),
        queryset=Regency.objects.order_by("name"),
        required=False,
        help_text=_("To show the phone number of your Disnaker."),
    )

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("agency", "number", "text")):
            raise forms.ValidationError(
                _("Enter the agency's name, a licence or job order number, or the offer's text.")
            )
        return data


class ReportOfferForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=Case.Kind.choices)
    regency = forms.ModelChoiceField(
        label=_("Where you live"), queryset=Regency.objects.order_by("name")
    )
    summary = forms.CharField(
        label=_("Tell us what happened"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    agency_name = forms.CharField(label=_("Agency or recruiter"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone number they used"), max_length=30, required=False)
    job_order_number = forms.CharField(
        label=_("Job order number shown"), max_length=100, required=False
    )
    country = forms.CharField(label=_("Country of the job"), max_length=100, required=False)
    reporter_contact = forms.CharField(
        label=_("How we can reach you"),
        max_length=150,
        required=False,
        help_text=_("Optional: a phone number or e-mail address, if you want an answer."),
    )

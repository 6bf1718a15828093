"""Forms of the register pages (officers) and the public look-up."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from placement.registers.models import Agency, Bkk, JobOrder, LicenceStatus, Lptks
from placement.taxonomy.models import Occupation

DATE = forms.DateInput(attrs={"type": "date"})


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = [
            "name",
            "licence_number",
            "licence_issued_on",
            "licence_valid_to",
            "head_office",
            "regency",
            "branches",
            "phone",
        ]
        widgets = {"licence_issued_on": DATE, "licence_valid_to": DATE}


class JobOrderForm(forms.ModelForm):
    kbji = forms.CharField(
        label=_("Occupation (KBJI code)"),
        max_length=7,
        help_text=_("The 4-digit KBJI code of the job order, for example 5322."),
    )

    class Meta:
        model = JobOrder
        fields = [
            "number",
            "agency",
            "foreign_employer",
            "country",
            "quota",
            "valid_from",
            "valid_to",
        ]
        widgets = {"valid_from": DATE, "valid_to": DATE}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["kbji"].initial = self.instance.occupation.code

    def clean_kbji(self) -> str:
        code = self.cleaned_data["kbji"].strip()
        occupation = Occupation.objects.current().filter(code=code).first()
        if occupation is None:
            raise forms.ValidationError(_("Unknown KBJI code."))
        self.occupation = occupation
        return code

    def clean(self):
        data = super().clean()
        if (
            data.get("valid_from")
            and data.get("valid_to")
            and data["valid_to"] < data["valid_from"]
        ):
            self.add_error("valid_to", _("The end date must be on or after the start date."))
        if data.get("quota") is not None and data["quota"] < 1:
            self.add_error("quota", _("The quota must be at least 1."))
        return data

    def entry_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        fields["occupation"] = self.occupation
        return fields


class BkkForm(forms.ModelForm):
    class Meta:
        model = Bkk
        fields = [
            "institution",
            "kind",
            "registration_number",
            "registered_on",
            "regency",
            "address",
            "contact_phone",
        ]
        widgets = {"registered_on": DATE}


class LptksForm(forms.ModelForm):
    class Meta:
        model = Lptks
        fields = [
            "name",
            "licence_number",
            "licence_issued_on",
            "licence_valid_to",
            "regency",
            "head_office",
            "branches",
            "phone",
        ]
        widgets = {"licence_issued_on": DATE, "licence_valid_to": DATE}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=LicenceStatus.choices)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=255,
        required=False,
        help_text=_("Required when suspending or revoking."),
    )

    def clean(self):
        data = super().clean()
        if data.get("status") != LicenceStatus.ACTIVE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for the change."))
        return data


class RegisterImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_("The first row holds the column names; download the template below."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class LookupForm(forms.Form):
    q = forms.CharField(
        label=_("Agency name, licence number or SIP2MI number"),
        max_length=200,
        required=False,
    )

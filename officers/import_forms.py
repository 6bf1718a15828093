"""The officer's column mapping of an uploaded file: one choice of the file's columns per field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from employers import import_mapping
from employers.models import Vacancy
from placement.taxonomy.models import LearnedAlias


class MappingForm(forms.Form):
    """A select per field of ours (the file's columns, or none), defaults, a profile name."""

    headcount = forms.IntegerField(
        label=_("Headcount when the file has none"), min_value=1, max_value=1000, initial=1
    )
    valid_days = forms.IntegerField(
        label=_("Days open after posting when the file has no closing date"),
        min_value=1,
        max_value=365,
        initial=30,
    )
    employment_type = forms.ChoiceField(
        label=_("Employment type when the file has none"),
        choices=[("", _("Not stated")), *Vacancy.EmploymentType.choices],
        required=False,
    )
    profile_name = forms.CharField(
        label=_("Save as a profile"),
        help_text=_("A name such as “loker.id”: the next file with these columns is mapped alike."),
        max_length=100,
        required=False,
    )

    def __init__(self, *args, header: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —"))] + [(name, name) for name in header]
        self.mapped_fields = []
        for field in import_mapping.FIELDS:
            self.fields[f"map_{field}"] = forms.ChoiceField(
                label=import_mapping.FIELD_LABELS[field], choices=choices, required=False
            )
            self.mapped_fields.append(f"map_{field}")
        self.order_fields(
            [*self.mapped_fields, "headcount", "valid_days", "employment_type", "profile_name"]
        )

    def clean(self):
        data = super().clean()
        if not data.get("map_title"):
            self.add_error("map_title", _("Choose the column that holds the job title."))
        chosen = [data.get(name) for name in self.mapped_fields if data.get(name)]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column of the file can be chosen for one field."))
        return data

    def mapping(self) -> dict:
        return {
            name.removeprefix("map_"): self.cleaned_data[name]
            for name in self.mapped_fields
            if self.cleaned_data.get(name)
        }

    def defaults(self) -> dict:
        return {
            "headcount": self.cleaned_data["headcount"],
            "valid_days": self.cleaned_data["valid_days"],
            "employment_type": self.cleaned_data["employment_type"] or "",
        }


class AliasFilterForm(forms.Form):
    """The filter bar of the learned aliases: words or code, kind, taken back or in use."""

    q = forms.CharField(label=_("Words or code"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *LearnedAlias.Kind.choices], required=False
    )
    state = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("In use")), ("revoked", _("Taken back")), ("all", _("All"))],
        required=False,
    )

"""Form fields every form uses: a date typed as three boxes (day, month, year), radio buttons
whose error-summary link lands on the first option, and `required_when`. They render through
templates/components/field.html (the one field component) and components/date_parts.html."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class DatePartsWidget(forms.MultiWidget):
    """Day, month and year as three short number boxes, each with its own label."""

    template_name = "components/date_parts.html"
    part_labels = (_("Day"), _("Month"), _("Year"))

    def __init__(self, attrs: dict | None = None) -> None:
        short = {"inputmode": "numeric", "class": "input-width-2", "autocomplete": "off"}
        widgets = [
            forms.TextInput(attrs={**short, "maxlength": "2", "pattern": "[0-9]*"}),
            forms.TextInput(attrs={**short, "maxlength": "2", "pattern": "[0-9]*"}),
            forms.TextInput(
                attrs={**short, "maxlength": "4", "pattern": "[0-9]*", "class": "input-width-4"}
            ),
        ]
        super().__init__(widgets, attrs)

    def id_for_label(self, id_):
        # The error summary links to the day box.
        return f"{id_}_0" if id_ else ""

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name: str, value, attrs) -> dict:
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], self.part_labels, strict=True):
            subwidget["part_label"] = label
        return context


class DatePartsField(forms.MultiValueField):
    """A date from three boxes; a clear message when the date does not exist."""

    widget = DatePartsWidget
    default_error_messages = {
        "invalid": _("Enter a real date, for example 17 8 2026."),
        "incomplete": _("Enter the day, month and year."),
    }

    def __init__(self, **kwargs) -> None:
        fields = (
            forms.IntegerField(min_value=1, max_value=31),
            forms.IntegerField(min_value=1, max_value=12),
            forms.IntegerField(min_value=1900, max_value=2100),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def clean(self, value):
        # Validate the three parts together so the person sees one message about the date.
        if self.disabled and not isinstance(value, list | tuple):
            value = self.widget.decompress(value)  # a locked field gets its initial date back
        if not value or not any(v not in (None, "") for v in value):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        if any(v in (None, "") for v in value):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            day, month, year = (int(str(v).strip()) for v in value)
            return date(year, month, day)
        except (TypeError, ValueError) as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def compress(self, data_list):  # pragma: no cover - clean() does the work
        return None


class Radios(forms.RadioSelect):
    """Radio buttons whose error-summary link goes to the first option (the group has no id)."""

    def id_for_label(self, id_, index=None):
        if index is None:
            return f"{id_}_0" if id_ else ""
        return super().id_for_label(id_, index)


def required_when(field: forms.Field) -> forms.Field:
    """Mark a field that another answer makes required (a reason to reject, to return): its label
    says when, so it gets no "(optional)" beside it."""
    field.required_when = True
    return field

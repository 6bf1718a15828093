"""Form fields every form uses: a date typed as three boxes (day, month, year), radio buttons
whose error-summary link lands on the first option, `required_when`, and the contact fields
(regency, district, postcode, mobile phone) that the online registration, the counter and the
six-monthly report all build from one factory each; the check of a new password typed twice.
They render through templates/components/field.html (the one field component) and
components/date_parts.html."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from placement.taxonomy.models import District, Regency
from placement.taxonomy.widgets import TaxonomyChoiceField

PHONE_PATTERN = r"^0[0-9]{8,13}$"
POSTCODE_PATTERN = r"^[0-9]{5}$"
PHONE_LABEL = _("Mobile phone number")
PHONE_HINT = _("For example 0812 3456 7890.")
POSTCODE_LABEL = _("Postcode")
DISTRICT_LABEL = _("District (kecamatan)")


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


# --- Contact fields ------------------------------------------------------------------------------
def normalise_phone(value: str) -> str:
    """`+62 812-3456-789` and `0812 3456 789` are the same number: store `08123456789`."""
    digits = re.sub(r"[\s\-().]", "", value)
    if digits.startswith("+62"):
        digits = "0" + digits[3:]
    elif digits.startswith("62") and len(digits) >= 10:
        digits = "0" + digits[2:]
    return digits


class PhoneField(forms.CharField):
    """An Indonesian mobile number, stored normalised (`08123456789`); blank stays blank."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        phone = normalise_phone(value)
        if not re.fullmatch(PHONE_PATTERN, phone, re.ASCII):
            raise ValidationError(
                _("Enter a phone number such as 0812 3456 7890."), code="phone_invalid"
            )
        return phone


def _autocomplete(attrs: dict[str, str], autocomplete: str) -> dict[str, str]:
    # The person's own form lets the browser fill in; an officer's form must not offer the
    # officer's own address book.
    return {**attrs, "autocomplete": autocomplete} if autocomplete else attrs


def phone_field(
    *,
    label=PHONE_LABEL,
    required: bool = True,
    help_text=PHONE_HINT,
    autocomplete: str = "",
) -> PhoneField:
    """The mobile phone number field (normalised, checked)."""
    attrs = _autocomplete({"class": "width-16", "type": "tel"}, autocomplete)
    return PhoneField(
        label=label,
        max_length=20,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs),
    )


def postcode_field(*, label=POSTCODE_LABEL, autocomplete: str = "") -> forms.RegexField:
    """The five-digit postcode, optional."""
    attrs = _autocomplete({"class": "width-5", "inputmode": "numeric"}, autocomplete)
    return forms.RegexField(
        label=label,
        regex=POSTCODE_PATTERN,
        required=False,
        max_length=5,
        error_messages={"invalid": _("A postcode has 5 digits.")},
        widget=forms.TextInput(attrs),
    )


def regency_field(label, **kwargs) -> TaxonomyChoiceField:
    """A regency or city, picked by typing part of its name."""
    return TaxonomyChoiceField(
        kind="regions",
        queryset=Regency.objects.all(),
        api_params="level=regency",
        label=label,
        **kwargs,
    )


def district_field(*, label=DISTRICT_LABEL, **kwargs) -> TaxonomyChoiceField:
    """A district (kecamatan), optional; `narrow_districts` limits it to the chosen regency."""
    return TaxonomyChoiceField(
        kind="districts",
        queryset=District.objects.all(),
        api_params="level=district",
        required=False,
        label=label,
        **kwargs,
    )


def narrow_districts(form: forms.Form, regency_name: str = "regency") -> None:
    """Narrow the form's district picker to the regency chosen (typed or initial)."""
    code = (form.data.get(regency_name) if form.is_bound else None) or form.initial.get(
        regency_name
    )
    code = str(getattr(code, "pk", code) or "")[:5]
    if code:
        field = form.fields["district"]
        field.queryset = District.objects.filter(regency_id=code)
        field.widget.api_params = f"level=district&parent={code}"


def check_district_in_regency(form: forms.Form, data: dict) -> None:
    """A district chosen must lie in the regency chosen (the error on the district)."""
    regency, district = data.get("regency"), data.get("district")
    if regency and district and district.regency_id != regency.pk:
        form.add_error("district", _("Choose a district of the chosen regency/city."))


# --- Sections of a long form ---------------------------------------------------------------------
def check_new_password(form: forms.Form, data: dict, user) -> None:
    """A new password typed twice (`password1`, `password2`): the same both times (the error on
    the second), and accepted by the password validators for `user` (the error on the first)."""
    first, second = data.get("password1"), data.get("password2")
    if first and second and first != second:
        form.add_error("password2", _("The two passwords are not the same."))
    elif first:
        try:
            validate_password(first, user)
        except ValidationError as error:
            form.add_error("password1", error)


class Section:
    """A titled group of a form's fields, rendered by templates/components/fieldset.html."""

    def __init__(self, legend, fields: list, hint="") -> None:
        self.legend, self.fields, self.hint = legend, fields, hint


class SectionsMixin:
    """`sections = {"key": (legend, ("field", ...)), ...}` (a hint as a third item) on the form
    class; the template includes `components/fieldset.html with section=form.sections.key`."""

    sections_layout: dict[str, tuple] = {}

    @property
    def sections(self) -> dict[str, Section]:
        return {
            key: Section(legend, [self[name] for name in names], *hint)
            for key, (legend, names, *hint) in self.sections_layout.items()
        }

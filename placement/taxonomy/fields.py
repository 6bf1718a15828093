"""Form fields for amounts people type the way they write them."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from placement.taxonomy.text.wages import parse_wage

# "3.500.000", "3,500,000", "3 500 000", "Rp3.500.000,-", "3.500.000,00": whole rupiah written
# with thousands separators (Indonesian writes dots; English-style commas and spaces too).
_GROUPED = re.compile(r"\d{1,3}(?:(?P<sep>[.,\s'])\d{3})(?:(?P=sep)\d{3})*")
_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_CENTS = re.compile(r"(?:[.,]-|[.,]0{2})$")
_UNIT = re.compile(r"\d\s*(?:jt|juta|rb|ribu|k|m|mio|million)\b", re.IGNORECASE)


def parse_rupiah(text: str) -> int | None:
    """Whole rupiah from what a person typed, or None when it is not an amount."""
    value = _CENTS.sub("", _CURRENCY.sub("", (text or "").strip())).strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return int(value)
    if _GROUPED.fullmatch(value):
        return int(re.sub(r"\D", "", value))
    if _UNIT.search(value):  # "3,5 juta", "4jt"
        wage = parse_wage(value)
        if wage.stated and wage.min is not None and wage.min == wage.max:
            return int(wage.min)
    return None


class RupiahField(forms.IntegerField):
    """Whole rupiah, accepting "3.500.000", "3500000", "Rp 3.500.000" and "3,5 juta"."""

    default_error_messages = {
        "invalid": _("Enter the amount in rupiah, for example 3.500.000."),
    }

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "class": "input-width-10"})
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        amount = parse_rupiah(str(value))
        if amount is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return amount

    def widget_attrs(self, widget):
        # No min/max attributes: the browser would refuse "3.500.000" in a number check.
        attrs = super().widget_attrs(widget)
        attrs.pop("min", None)
        attrs.pop("max", None)
        attrs.pop("step", None)
        return attrs

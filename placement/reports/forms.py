"""Filter forms of the report pages (GET, no side effects) and the standard-times form."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from placement.reports.models import StandardTime
from placement.reports.services import ReportError, parse_month, recent_months

MAX_PERIOD_MONTHS = 36


def month_label(month: date) -> str:
    return formats.date_format(month, "F Y")


def month_choices(n: int = 36) -> list[tuple[str, str]]:
    return [(f"{m:%Y-%m}", month_label(m)) for m in recent_months(n)]


class MonthField(forms.CharField):
    """A month as YYYY-MM (offered as a list of recent months; any past month is accepted)."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_month(value.strip())
        except ReportError as exc:
            raise forms.ValidationError(str(exc), code="month") from exc


class MonthSelect(forms.Select):
    """A <select> of recent months that still shows an older month typed into the URL."""

    def optgroups(self, name, value, attrs=None):
        known = {choice for choice, _label in self.choices}
        for item in value:
            if item and item not in known:
                self.choices = [*self.choices, (item, item)]
        return super().optgroups(name, value, attrs)


class IpkFilterForm(forms.Form):
    month = MonthField(label=_("Month"), widget=MonthSelect)
    region = forms.CharField(label=_("Region"), widget=forms.Select)

    def __init__(self, *args, regions: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].widget.choices = month_choices()
        self.fields["region"].widget.choices = regions


class PeriodForm(forms.Form):
    first = MonthField(label=_("From"), widget=MonthSelect)
    last = MonthField(label=_("To"), widget=MonthSelect)
    region = forms.CharField(label=_("Region"), widget=forms.Select)

    def __init__(self, *args, regions: list[tuple[str, str]] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first", "last"):
            self.fields[name].widget.choices = month_choices()
        if regions is None:
            del self.fields["region"]
        else:
            self.fields["region"].widget.choices = regions

    def clean(self):
        data = super().clean()
        first, last = data.get("first"), data.get("last")
        if first and last:
            if first > last:
                self.add_error("last", _("The end month must not be before the start month."))
            elif (last.year - first.year) * 12 + last.month - first.month + 1 > MAX_PERIOD_MONTHS:
                self.add_error(
                    "last",
                    _("Choose a period of at most %(n)s months.") % {"n": MAX_PERIOD_MONTHS},
                )
        return data


class StandardTimeForm(forms.ModelForm):
    class Meta:
        model = StandardTime
        fields = ["minutes", "per_unit", "basis"]
        widgets = {
            "minutes": forms.NumberInput(attrs={"min": 0, "max": 1440, "class": "input-narrow"}),
            "basis": forms.TextInput(attrs={"class": "input-wide"}),
        }


StandardTimeFormSet = forms.modelformset_factory(
    StandardTime, form=StandardTimeForm, extra=0, can_delete=False
)

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from employers.models import Vacancy
from placement.market.fairs import FAIR_FIELDS
from placement.market.models import FairResult, JobFair

DATE = forms.DateInput(attrs={"type": "date"})


class FairForm(forms.ModelForm):
    class Meta:
        model = JobFair
        fields = FAIR_FIELDS
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "planned_companies": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, regencies=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if regencies is not None:
            self.fields["regency"].queryset = regencies


class StatementForm(forms.Form):
    statement = forms.FileField(
        label=_("Signed no-fee statement"),
        help_text=_(
            "PDF, JPEG or PNG, at most 5 MB: the organiser's statement that job seekers "
            "pay nothing."
        ),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class FairVacancyForm(forms.Form):
    vacancy = forms.CharField(
        label=_("Vacancy number"), max_length=20, help_text=_("For example AK3-0000123.")
    )

    def clean_vacancy(self) -> int:
        raw = self.cleaned_data["vacancy"].strip().upper().removeprefix("AK3-")
        if not raw.isdigit() or not 0 < int(raw) < 2**63:
            raise forms.ValidationError(_("Enter a vacancy number such as AK3-0000123."))
        return int(raw)


class VisitorForm(forms.Form):
    ak1_number = forms.CharField(label=_("AK/I number"), max_length=30, required=False)
    name = forms.CharField(
        label=_("Name (visitor without an AK/I card)"), max_length=150, required=False
    )
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)


class ResultForm(forms.Form):
    visitor = forms.ModelChoiceField(label=_("Visitor"), queryset=None)
    vacancy = forms.ModelChoiceField(label=_("Vacancy"), queryset=None)
    kind = forms.ChoiceField(label=_("Result"), choices=FairResult.Kind.choices)
    on = forms.DateField(label=_("Date"), widget=DATE, required=False)

    def __init__(self, *args, fair: JobFair, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["visitor"].queryset = fair.visitors.order_by("name")

        self.fields["vacancy"].queryset = Vacancy.objects.filter(fair_links__fair=fair)

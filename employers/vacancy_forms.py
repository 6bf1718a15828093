"""Forms of the vacancy report (AK/III), one step per page, and closing a vacancy (validation
only, no saving). `employers.steps` puts the steps in order."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers import rules
from employers.forms import MAX_SKILLS, industry_field, regency_field
from employers.models import Vacancy
from placement.fields import DatePartsField, Radios
from placement.taxonomy.credentials import Language, LanguageLevel, LicenceClass
from placement.taxonomy.education import SLTA, SchoolTrack
from placement.taxonomy.fields import RupiahField
from placement.taxonomy.models import (
    EducationLevel,
    Industry,
    Occupation,
    Skill,
    SmkProgramme,
)
from placement.taxonomy.widgets import (
    TaxonomyChoiceField,
    TaxonomyMultipleChoiceField,
    suggest_as_typed,
)


class VacancyStepForm(forms.Form):
    """One step of the report. `initial_for` reads the draft; `changes` gives what to save."""

    model_fields: tuple[str, ...] = ()

    def __init__(self, *args, vacancy: Vacancy | None = None, **kwargs) -> None:
        self.vacancy = vacancy
        if vacancy is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(vacancy)
        super().__init__(*args, **kwargs)

    @classmethod
    def initial_for(cls, vacancy: Vacancy) -> dict:
        return {name: getattr(vacancy, name) for name in cls.model_fields}

    def changes(self) -> tuple[dict, list | None, list | None]:
        """(model fields, required skills or None, optional skills or None) that are valid."""
        data = getattr(self, "cleaned_data", {})
        return {k: data[k] for k in self.model_fields if k in data}, None, None


class JobStepForm(VacancyStepForm):
    model_fields = ("title", "occupation", "industry", "headcount", "description")

    title = forms.CharField(
        label=_("Job title"),
        max_length=200,
        help_text=_("The words applicants search for, for example “Kasir minimarket”."),
    )
    occupation = TaxonomyChoiceField(
        kind="occupations",
        queryset=Occupation.objects.current().filter(level__gte=4),
        api_params="level=4,6",
        label=_("Occupation (KBJI)"),
        help_text=_("Search for the occupation that fits best, for example “kasir” or “sopir”."),
        error_messages={
            "invalid_choice": _("Choose an occupation with a 4-digit code or a more detailed one.")
        },
    )
    industry = industry_field()
    headcount = forms.IntegerField(
        label=_("Number of people needed"),
        min_value=1,
        max_value=rules.MAX_HEADCOUNT,
        widget=forms.NumberInput(attrs={"class": "input-width-5"}),
    )
    description = forms.CharField(
        label=_("What the job is"),
        max_length=5000,
        help_text=_("Tasks, working hours, benefits, how applicants will be selected."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Suggest the KBJI group from the job title: as the employer types (htmx), and without
        # JavaScript through the picker's "Suggest from the job title" button.
        suggest_as_typed(
            self,
            title_field="title",
            description_field="description",
            sector=self._sector_code(),
            include=("[name=industry]:checked",),
        )
        title = self.data.get("title", "") if self.is_bound else self.initial.get("title") or ""
        widget = self.fields["occupation"].widget
        widget.suggest_field = "title"
        widget.suggest_from = str(title)
        # Without JavaScript too, the suggestion reads the description and line of business.
        if self.is_bound:
            widget.suggest_description = str(self.data.get("description", ""))[:5000]
        else:
            widget.suggest_description = str(self.initial.get("description") or "")
        widget.suggest_sector = self._sector_code()

    def _sector_code(self) -> str:
        """The KBLI code of the line of business chosen on the form, else the employer's."""
        chosen = self.data.get("industry") if self.is_bound else self.initial.get("industry")
        chosen = getattr(chosen, "pk", chosen)
        if str(chosen or "").isdigit():
            code = Industry.objects.filter(pk=int(chosen)).values_list("code", flat=True).first()
            if code:
                return code
        employer = getattr(self.vacancy, "employer", None)
        industry = getattr(employer, "industry", None)
        return industry.code if industry is not None else ""


class RequirementsStepForm(VacancyStepForm):
    model_fields = ("min_education", "school_track", "smk_programme", "min_experience_months")

    min_education = forms.ModelChoiceField(
        label=_("Minimum education"),
        queryset=EducationLevel.objects.all(),
        empty_label=_("Choose a level"),
    )
    school_track = forms.ChoiceField(
        label=_("Upper-secondary school (for SMA/SMK level)"),
        choices=[("", _("Either SMA or SMK")), *SchoolTrack.choices],
        required=False,
    )
    smk_programme = forms.ModelChoiceField(
        label=_("SMK programme"),
        queryset=SmkProgramme.objects.filter(
            edition=SmkProgramme.CURRENT_EDITION, level__in=(2, 3)
        ),
        required=False,
        empty_label=_("Any programme"),
        help_text=_("For example 1.4.2 Teknik Pengelasan."),
    )
    min_experience_months = forms.IntegerField(
        label=_("Work experience needed (months)"),
        min_value=0,
        max_value=rules.MAX_EXPERIENCE_MONTHS,
        initial=0,
        help_text=_("0 if the job is open to people without experience."),
        widget=forms.NumberInput(attrs={"class": "input-width-5"}),
    )
    required_skills = TaxonomyMultipleChoiceField(
        kind="skills",
        queryset=Skill.objects.all(),
        max_choices=MAX_SKILLS,
        required=False,
        label=_("Skills the job needs"),
        help_text=_("Search and tick each skill, for example “mengemudi” or “kasir”."),
    )
    optional_skills = TaxonomyMultipleChoiceField(
        kind="skills",
        queryset=Skill.objects.all(),
        max_choices=MAX_SKILLS,
        required=False,
        label=_("Skills that are an advantage"),
    )

    @classmethod
    def initial_for(cls, vacancy: Vacancy) -> dict:
        initial = super().initial_for(vacancy)
        skills = list(vacancy.skills.values_list("skill_id", "is_required"))
        initial["required_skills"] = [pk for pk, required in skills if required]
        initial["optional_skills"] = [pk for pk, required in skills if not required]
        return initial

    def clean(self):
        cleaned = super().clean()
        education = cleaned.get("min_education")
        if cleaned.get("school_track") and education and education.code != SLTA:
            self.add_error("school_track", _("Choose SMA or SMK only for the SMA/SMK level."))
        if cleaned.get("smk_programme") and cleaned.get("school_track") != SchoolTrack.VOCATIONAL:
            self.add_error("smk_programme", _("A programme is chosen only when SMK is asked for."))
        both = set(cleaned.get("required_skills") or []) & set(cleaned.get("optional_skills") or [])
        if both:
            self.add_error(
                "optional_skills",
                _("%(skill)s is already a needed skill.") % {"skill": sorted(both, key=str)[0]},
            )
        return cleaned

    def changes(self):
        fields, _r, _o = super().changes()
        data = getattr(self, "cleaned_data", {})
        return fields, data.get("required_skills"), data.get("optional_skills")


class ConditionsStepForm(VacancyStepForm):
    """A licence, a BNSP certificate or a language the work needs (the matching leaves out
    seekers without it), and night or hazardous work (closed to anyone under 18)."""

    model_fields = (
        "required_licence",
        "required_certificate",
        "required_language",
        "required_language_level",
        "night_work",
        "hazardous_work",
    )

    required_licence = forms.ChoiceField(
        label=_("Driving licence the work needs"),
        choices=[("", _("None")), *LicenceClass.choices],
        required=False,
        help_text=_("For example SIM B1 for a lorry driver."),
    )
    required_certificate = forms.CharField(
        label=_("BNSP competency certificate the work needs (scheme)"),
        max_length=200,
        required=False,
        help_text=_("The scheme name as on the certificate, for example Operator Forklift."),
    )
    required_language = forms.ChoiceField(
        label=_("Language the work needs"),
        choices=[("", _("None")), *Language.choices],
        required=False,
    )
    required_language_level = forms.TypedChoiceField(
        label=_("Level of that language"),
        choices=[("", _("Not needed")), *LanguageLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    night_work = forms.BooleanField(
        label=_("Night work (between 18.00 and 06.00)"),
        required=False,
        help_text=_("Closed to anyone under 18 (UU 13/2003, Kepmenakertrans 235/2003)."),
    )
    hazardous_work = forms.BooleanField(
        label=_("Hazardous work"),
        required=False,
        help_text=_(
            "For example heavy machinery, chemicals, heights, mining, or work that endangers "
            "health, safety or morals (Kepmenakertrans 235/2003). Closed to anyone under 18."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        problems = rules.requirement_problems(
            cleaned.get("required_licence") or "",
            cleaned.get("required_certificate") or "",
            cleaned.get("required_language") or "",
            cleaned.get("required_language_level"),
        )
        for field, message in problems.items():
            self.add_error(field, message)
        return cleaned


class LimitsStepForm(VacancyStepForm):
    model_fields = ("age_min", "age_max", "sex", "limits_reason")

    age_min = forms.IntegerField(
        label=_("Minimum age"),
        required=False,
        min_value=rules.MIN_AGE,
        max_value=rules.MAX_AGE,
        widget=forms.NumberInput(attrs={"class": "input-width-3"}),
    )
    age_max = forms.IntegerField(
        label=_("Maximum age"),
        required=False,
        min_value=rules.MIN_AGE,
        max_value=rules.MAX_AGE,
        widget=forms.NumberInput(attrs={"class": "input-width-3"}),
    )
    sex = forms.ChoiceField(
        label=_("Only for"),
        choices=[("", _("Men and women")), ("L", _("Men only")), ("P", _("Women only"))],
        required=False,
        widget=Radios,
    )
    limits_reason = forms.CharField(
        label=_("Why the job needs this limit"),
        max_length=255,
        required=False,
        help_text=_(
            "Needed when you set an age or sex limit, for example a legal rule for the work. "
            "The officer checks that the limit is not discriminatory."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        problems = rules.limits_problems(
            cleaned.get("age_min"),
            cleaned.get("age_max"),
            cleaned.get("sex") or "",
            cleaned.get("limits_reason") or "",
        )
        for field, message in problems.items():
            if field in cleaned or field == "limits_reason":
                self.add_error(field, message)
        return cleaned


class PayPlaceStepForm(VacancyStepForm):
    model_fields = (
        "wage_min",
        "wage_max",
        "scope",
        "regency",
        "country",
        "p3mi_name",
        "job_order_number",
    )

    wage_min = RupiahField(
        label=_("Lowest monthly wage (Rp)"),
        required=False,
        min_value=0,
        max_value=rules.MAX_WAGE,
        help_text=_("In rupiah, for example 3.500.000."),
    )
    wage_max = RupiahField(
        label=_("Monthly wage to (Rp)"),
        required=False,
        min_value=0,
        max_value=rules.MAX_WAGE,
    )
    scope = forms.ChoiceField(
        label=_("Where applicants come from"),
        choices=Vacancy.Scope.choices,
        initial=Vacancy.Scope.AKL,
        widget=Radios,
        help_text=_(
            "Local: from the same regency or city. Inter-regional: from other regions of "
            "Indonesia. Abroad: work in another country."
        ),
    )
    regency = regency_field(
        label=_("Place of work (regency or city)"),
        required=False,
        help_text=_("Not needed for work abroad."),
    )
    country = forms.CharField(label=_("Country (work abroad only)"), max_length=100, required=False)
    p3mi_name = forms.CharField(
        label=_("Licensed placement agency, P3MI (work abroad only)"),
        max_length=200,
        required=False,
    )
    job_order_number = forms.CharField(
        label=_("Job order or SIP2MI number (work abroad only)"), max_length=100, required=False
    )

    def clean(self):
        cleaned = super().clean()
        problems = rules.wage_problems(cleaned.get("wage_min"), cleaned.get("wage_max"))
        regency = cleaned.get("regency")
        problems.update(
            rules.location_problems(
                cleaned.get("scope") or "AKL",
                regency.pk if regency else None,
                cleaned.get("country") or "",
                cleaned.get("p3mi_name") or "",
                cleaned.get("job_order_number") or "",
            )
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class PeriodStepForm(VacancyStepForm):
    model_fields = ("valid_from", "valid_to")

    valid_from = DatePartsField(label=_("Open from"), help_text=_("For example 1 8 2026."))
    valid_to = DatePartsField(
        label=_("Open until"),
        help_text=_("The last day applicants can apply; at most a year after the opening."),
    )

    @classmethod
    def initial_for(cls, vacancy: Vacancy) -> dict:
        """A new report opens today unless the employer says otherwise."""
        initial = super().initial_for(vacancy)
        initial["valid_from"] = initial.get("valid_from") or timezone.localdate()
        return initial

    def clean(self):
        cleaned = super().clean()
        problems = rules.period_problems(
            cleaned.get("valid_from"), cleaned.get("valid_to"), timezone.localdate()
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class CloseVacancyForm(forms.Form):
    hired = forms.IntegerField(
        label=_("How many people did you hire for this vacancy?"),
        min_value=0,
        initial=0,
        help_text=_("The positions not filled are withdrawn. Enter 0 if you hired no one."),
        widget=forms.NumberInput(attrs={"class": "input-width-5"}),
    )

    def __init__(self, *args, open_positions: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["hired"]
        field.max_value = open_positions
        field.validators.append(MaxValueValidator(open_positions))
        field.widget.attrs["max"] = open_positions

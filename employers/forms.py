"""Forms of the employer pages and the officers' employer screens (validation only, no saving).

Size: one form per step of the vacancy report (AK/III) and the company pages; they share field
helpers, so they stay in one module until the pages per audience are split.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers import rules
from employers.models import Employer, ImportRun, Vacancy
from placement.accounts.models import User
from placement.fields import DatePartsField, Radios, required_when
from placement.taxonomy.education import SLTA, SchoolTrack
from placement.taxonomy.fields import RupiahField
from placement.taxonomy.models import (
    District,
    EducationLevel,
    Industry,
    Occupation,
    Regency,
    Skill,
    SmkProgramme,
)
from placement.taxonomy.widgets import TaxonomyChoiceField, TaxonomyMultipleChoiceField

nib_validator = RegexValidator(
    rules.NIB_PATTERN, _("Enter the 13 digits of the NIB, without spaces.")
)
phone_validator = RegexValidator(
    rules.PHONE_PATTERN, _("Enter a phone number with 7 to 20 digits, for example 0536 3221234.")
)
MAX_SKILLS = 15


def industry_field(**kwargs) -> TaxonomyChoiceField:
    return TaxonomyChoiceField(
        kind="industries",
        queryset=Industry.objects.current(),
        label=_("Line of business (KBLI)"),
        help_text=_("Search by a word or the KBLI code from your NIB, for example 47111."),
        **kwargs,
    )


def regency_field(**kwargs) -> TaxonomyChoiceField:
    kwargs.setdefault("label", _("Regency or city"))
    return TaxonomyChoiceField(
        kind="regions", queryset=Regency.objects.all(), api_params="level=regency", **kwargs
    )


def district_field(**kwargs) -> TaxonomyChoiceField:
    return TaxonomyChoiceField(
        kind="districts",
        queryset=District.objects.all(),
        api_params="level=district",
        label=_("District (kecamatan)"),
        required=False,
        **kwargs,
    )


class CompanyFieldsMixin:
    def clean(self):
        cleaned = super().clean()
        district, regency = cleaned.get("district"), cleaned.get("regency")
        if district and regency and district.regency_id != regency.pk:
            self.add_error("district", _("This district is not in the chosen regency or city."))
        return cleaned


class EmployerRegistrationForm(CompanyFieldsMixin, forms.Form):
    """A company registers itself and its first user (who becomes the company administrator)."""

    kind = forms.ChoiceField(
        label=_("Who is hiring"),
        choices=Employer.Kind.choices,
        initial=Employer.Kind.COMPANY,
        required=False,  # left empty: a company, as before employer kinds existed
        widget=Radios,
        help_text=_(
            "Government offices, foundations and households report their vacancies too "
            "(Perpres 57/2023)."
        ),
    )
    name = forms.CharField(
        label=_("Name of the company, office or person"),
        max_length=200,
        help_text=_("As written on your NIB or decree, for example PT Sinar Kahayan Mandiri."),
    )
    nib = forms.CharField(
        label=_("NIB (business identification number), companies only"),
        max_length=13,
        min_length=13,
        required=False,
        validators=[nib_validator],
        help_text=_("The 13-digit number from OSS."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input-width-13"}),
    )
    identifier = forms.CharField(
        label=_("Identifier, if not a company"),
        max_length=40,
        required=False,
        help_text=_(
            "Government body: unit code (kode satker). Foundation or association: Kemenkumham "
            "decree number (AHU). Individual or household: your NIK."
        ),
    )
    industry = industry_field()
    ownership = forms.ChoiceField(
        label=_("Type of company (companies only)"),
        choices=[
            (value, label)
            for value, label in Employer.Ownership.choices
            if value in Employer.COMPANY_OWNERSHIPS
        ],
        required=False,
        widget=Radios,
    )
    address = forms.CharField(label=_("Address"), max_length=255)
    regency = regency_field()
    district = district_field()
    contact_name = forms.CharField(label=_("Contact person"), max_length=150)
    contact_email = forms.EmailField(
        label=_("Company e-mail"),
        help_text=_("Officers and applicants write here. A company address is best."),
    )
    contact_phone = forms.CharField(
        label=_("Company phone"),
        max_length=20,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel", "class": "input-width-20"}),
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("You sign in with it. Colleagues can get their own accounts later."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        help_text=_("At least 8 characters. A long phrase is easy to remember and hard to guess."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_nib(self) -> str:
        nib = self.cleaned_data["nib"]
        if nib and Employer.objects.filter(nib=nib).exists():
            message = _(
                "A company with this NIB is already registered. Ask its administrator to add you."
            )
            raise ValidationError(message)
        return nib

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("An account with this e-mail address already exists. Sign in instead.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        kind = cleaned["kind"] = cleaned.get("kind") or Employer.Kind.COMPANY
        if kind != Employer.Kind.COMPANY:
            cleaned["ownership"] = Employer.KIND_OWNERSHIP[kind]
        elif not cleaned.get("ownership") and "ownership" not in self.errors:
            self.add_error("ownership", _("Choose the type of company."))
        if "nib" not in self.errors:
            problems = rules.identity_problems(
                kind,
                cleaned.get("nib") or "",
                cleaned.get("identifier") or "",
                cleaned.get("ownership") or "",
            )
            for field, message in problems.items():
                if field not in self.errors:
                    self.add_error(field, message)
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                validate_password(first, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmployerDetailsForm(CompanyFieldsMixin, forms.ModelForm):
    """The company corrects its details (the NIB stays as registered)."""

    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    industry = industry_field()
    regency = regency_field()
    district = district_field()
    contact_phone = forms.CharField(
        label=_("Company phone"),
        max_length=20,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel", "class": "input-width-20"}),
    )

    class Meta:
        model = Employer
        fields = [
            "name",
            "industry",
            "ownership",
            "address",
            "regency",
            "district",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
        ]
        widgets = {"ownership": Radios}


class ColleagueForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    is_admin = forms.BooleanField(
        label=_("Can add and remove colleagues"),
        required=False,
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("This e-mail address already has an account; use another address.")
            )
        return email


# --- The vacancy report, one step per page ------------------------------------------------------


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
        suggest_url = reverse("employers:vacancy_occupation_suggestions")
        self.fields["title"].widget.attrs.update(
            {
                "hx-get": suggest_url,
                # Only when the words change: a blur after ticking a suggestion keeps the list.
                "hx-trigger": "input changed delay:400ms",
                "hx-include": "[name=occupation]:checked",
                "hx-target": "#occupation-suggestions",
                "hx-swap": "outerHTML",
                "hx-sync": "this:replace",
            }
        )
        title = self.data.get("title", "") if self.is_bound else self.initial.get("title") or ""
        widget = self.fields["occupation"].widget
        widget.suggest_field = "title"
        widget.suggest_url = suggest_url
        widget.suggest_from = str(title)


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
        label=_("SMK programme (optional)"),
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


# --- Officers -----------------------------------------------------------------------------------


class EmployerDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("verify", _("Verify the company")), ("reject", _("Reject the registration"))],
        widget=Radios,
    )
    reason = required_when(
        forms.CharField(
            label=_("Reason (needed to reject)"),
            max_length=255,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Write why the registration is rejected."))
        return cleaned


class VacancyDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("publish", _("Publish the vacancy")),
            ("return", _("Return it to the employer for changes")),
        ],
        widget=Radios,
    )
    reason = required_when(
        forms.CharField(
            label=_("What the employer must change (needed to return)"),
            max_length=4000,
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Write what the employer must change."))
        return cleaned


MAX_IMPORT_BYTES = 20 * 1024 * 1024


class ImportProfileForm(forms.Form):
    name = forms.CharField(label=_("Profile name"), max_length=100)


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"), choices=ImportRun.Kind.choices, widget=Radios
    )
    file = forms.FileField(
        label=_("File (CSV, XLSX or JSON lines)"),
        help_text=_("At most 20 MB. The first row names the columns; see the templates below."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.jsonl,.ndjson,.json"}),
    )
    policy = forms.ChoiceField(
        label=_("If some rows have errors"),
        choices=ImportRun.Policy.choices,
        initial=ImportRun.Policy.SKIP,
        widget=Radios,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 20 MB: split it into parts."))
        head = upload.read(8)
        upload.seek(0)
        if name.endswith(".xlsx"):
            if not head.startswith(b"PK\x03\x04"):
                raise ValidationError(_("This is not a real XLSX file."))
        elif name.endswith((".csv", ".jsonl", ".ndjson", ".json")):
            # UTF-16 text (Excel's "Unicode text") has zero bytes: known by its byte-order mark.
            if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise ValidationError(_("This is not a text CSV file."))
        else:
            raise ValidationError(_("Upload a .csv, .xlsx or .jsonl file."))
        return upload

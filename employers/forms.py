"""Forms of the employer's company pages: registration, company details, colleagues (validation
only, no saving). The vacancy report's steps are `employers.vacancy_forms`; the officer's
decisions and imports are in `officers/forms.py`."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from employers import rules
from employers.models import Employer
from employers.services.companies import DETAILS_FIELDS
from placement.accounts.models import User
from placement.fields import Radios, SectionsMixin, check_new_password
from placement.taxonomy.models import (
    District,
    Industry,
    Regency,
)
from placement.taxonomy.widgets import TaxonomyChoiceField

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


class EmployerRegistrationForm(CompanyFieldsMixin, SectionsMixin, forms.Form):
    """A company registers itself and its first user (who becomes the company administrator)."""

    sections_layout = {
        "company": (
            _("The company"),
            ("kind", "name", "nib", "identifier", "industry", "ownership"),
        ),
        "place": (_("Where the company is"), ("address", "regency", "district")),
        "contact": (
            _("Contact"),
            ("contact_name", "contact_email", "contact_phone", "website"),
        ),
        "account": (
            _("Your account"),
            ("full_name", "email", "password1", "password2"),
            _("You become the company's administrator and can add colleagues later."),
        ),
    }

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
        probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
        check_new_password(self, cleaned, probe)
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
        fields = DETAILS_FIELDS
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

"""Forms of the registration desk (officer) and of the seeker's own reports: walk-in registration,
return, reject, removal, reissue, merge, completing a returned counter registration, the account
claim, the six-monthly report with its questions and "I got a job". No side effects here: the
views pass the cleaned answers to jobseekers.services and placement.pipeline.services.

Size: one form per desk decision or report; the counter registration alone is 180 lines of
fields.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import Employer
from jobseekers.forms import (
    NO,
    YES,
    EducationForm,
    NewPasswordForm,
    NikIdentityForm,
    occupation_field,
    validate_person_name,
    wanted_occupations_field,
)
from jobseekers.models import JobSeeker
from jobseekers.nik import parse_nik
from jobseekers.services import (
    MANUAL_REMOVAL_REASONS,
    REISSUE_REASONS,
    ReportAnswers,
    normalise_name,
)
from placement.fields import (
    DatePartsField,
    Radios,
    Section,
    SectionsMixin,
    check_district_in_regency,
    district_field,
    narrow_districts,
    phone_field,
    postcode_field,
    regency_field,
    required_when,
)
from placement.taxonomy.fields import RupiahField
from placement.taxonomy.models import Skill
from placement.taxonomy.widgets import TaxonomyMultipleChoiceField


# --- Walk-in registration at the counter ---------------------------------------------------------
class CounterRegistrationForm(SectionsMixin, NikIdentityForm):
    """Everything the online steps ask, on one page for the officer; sex and date of birth are
    read from the NIK and confirmed, not typed."""

    # The identity and the documents have their own markup (reading the NIK, the consent text).
    sections_layout = {
        "addresses": (
            _("Addresses"),
            (
                "ktp_address",
                "ktp_regency",
                "same_address",
                "address",
                "regency",
                "district",
                "postcode",
                "phone",
                "email",
            ),
        ),
        "work": (_("The work wanted"), ("preferred_occupations", "category", "relocation")),
    }

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("As written on the KTP."),
        validators=[validate_person_name],
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        help_text=_("The 16 digits on the KTP. Sex and date of birth are read from it."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_place = forms.CharField(label=_("Place of birth"), max_length=100)
    marital_status = forms.ChoiceField(
        label=_("Marital status"), choices=JobSeeker.MaritalStatus.choices, widget=Radios
    )
    religion = forms.ChoiceField(
        label=_("Religion"), choices=[("", _("Choose…")), *JobSeeker.Religion.choices]
    )
    ktp_address = forms.CharField(
        label=_("Address on the KTP"),
        max_length=255,
        help_text=_("Street, RT/RW and village as printed on the KTP."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    ktp_regency = regency_field(
        _("Regency or city on the KTP"),
        help_text=_("The domicile on the KTP decides whether this is a registration elsewhere."),
    )
    same_address = forms.BooleanField(
        label=_("The person lives at the KTP address"), required=False
    )
    address = required_when(
        forms.CharField(
            label=_("Current address (if different)"),
            max_length=255,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
    )
    regency = regency_field(
        _("Regency or city where the person lives now"),
        help_text=_("Your office serves people who live in its region."),
    )
    district = district_field()
    postcode = postcode_field()
    phone = phone_field(required=False)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        help_text=_("If given, the code to open the online account is also sent there."),
    )
    preferred_occupations = wanted_occupations_field(
        label=_("Jobs wanted"),
        help_text=_("Up to three; the first is the one wanted most."),
    )
    category = forms.ChoiceField(
        label=_("Situation"), choices=JobSeeker.Category.choices, widget=Radios
    )
    relocation = forms.ChoiceField(
        label=_("Where can the person work?"),
        choices=JobSeeker.Relocation.choices,
        widget=Radios,
        initial=JobSeeker.Relocation.REGENCY,
    )
    documents = forms.MultipleChoiceField(
        label=_("Documents seen"),
        choices=JobSeeker.Document.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what you saw in the original. The KTP is required."),
    )
    consent = forms.BooleanField(
        label=_("The person read (or was read) the consent text and signed it."),
        error_messages={"required": _("Without consent the person cannot be registered.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        narrow_districts(self)
        # The highest education: the fields of the education step, prefixed.
        self.education = EducationForm(*args, prefix="education", **kwargs)

    @property
    def sections(self) -> dict[str, Section]:
        sections = super().sections
        sections["education"] = Section(_("Highest education"), list(self.education))
        return sections

    def full_clean(self) -> None:
        super().full_clean()
        self.education.full_clean()

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return self.education.is_valid() and valid

    def clean_full_name(self) -> str:
        return normalise_name(self.cleaned_data["full_name"])

    def clean_nik(self) -> str:
        return parse_nik(self.cleaned_data["nik"]).nik

    def clean_email(self) -> str:
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("same_address"):
            data["address"] = data.get("ktp_address", "")
        elif not (data.get("address") or "").strip():
            self.add_error(
                "address", _("Enter the current address, or tick that it is the KTP address.")
            )
        check_district_in_regency(self, data)
        self.confirm_identity(data)
        return data

    def entry_values(self) -> dict:
        """The cleaned answers as keyword arguments of services.WalkIn."""
        data = self.cleaned_data
        names = (
            "full_name",
            "nik",
            "birth_place",
            "marital_status",
            "religion",
            "ktp_address",
            "ktp_regency",
            "address",
            "regency",
            "district",
            "postcode",
            "phone",
            "email",
            "category",
            "relocation",
        )
        values = {name: data[name] for name in names}
        confirmed = data["identity_confirmed"] == YES
        values.update(
            identity_confirmed=confirmed,
            stated_sex="" if confirmed else data.get("stated_sex", ""),
            stated_birth_date=None if confirmed else data.get("stated_birth_date"),
            identity_note="" if confirmed else data.get("identity_note", ""),
            documents=tuple(data["documents"]),
            preferred_occupations=tuple(data["preferred_occupations"]),
            education=dict(self.education.cleaned_data),
        )
        return values


# --- Decisions on a registration -----------------------------------------------------------------
class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What must the person fix or bring?"),
        max_length=500,
        help_text=_("The person reads this. For example: bring the ijazah (SMK) to the counter."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=JobSeeker.RejectionReason.choices, widget=Radios
    )
    note = required_when(
        forms.CharField(
            label=_("Note (required for another reason)"),
            max_length=500,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
    )


class RemoveForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[(r.value, r.label) for r in MANUAL_REMOVAL_REASONS],
        widget=Radios,
        help_text=_(
            "Counted as removed (dihapuskan) in IPK III/1. If the job is known, record the "
            "placement instead: it counts as placed."
        ),
    )
    note = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReissueForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is the card printed again?"),
        choices=list(REISSUE_REASONS.items()),
        widget=Radios,
        help_text=_("The AK/I number stays the same; the new printing is logged."),
    )


class MergeForm(forms.Form):
    other = forms.CharField(
        label=_("The duplicate registration"),
        max_length=30,
        help_text=_(
            "Its AK/I number, or its number in the case file (the number in the address bar)."
        ),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class CompleteForm(EducationForm):
    """A returned counter registration completed: documents now seen, an education row if
    needed (all education fields optional here)."""

    documents = forms.MultipleChoiceField(
        label=_("Documents seen"),
        choices=JobSeeker.Document.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("level", "school", "graduation_year"):
            self.fields[name].required = False
        self.order_fields(["documents"])

    def clean(self) -> dict:
        data = forms.Form.clean(self)
        if not data.get("level"):
            return data
        for name in ("school", "graduation_year"):
            if not data.get(name):
                self.add_error(name, _("Fill this in for the education row, or clear the level."))
        return super().clean()

    def education(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("level"):
            return None
        return {k: v for k, v in data.items() if k != "documents"}


# --- The seeker's side ---------------------------------------------------------------------------
class ClaimForm(NewPasswordForm):
    field_order = ("nik", "code", "email", "password1", "password2")
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    code = forms.CharField(
        label=_("Code on your slip"),
        max_length=20,
        help_text=_("Ten letters and digits, for example ABCDE-23456."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )
    email = forms.EmailField(label=_("E-mail address"), max_length=254)

    def clean_nik(self) -> str:
        return parse_nik(self.cleaned_data["nik"]).nik


STILL_LOOKING, WORKING, STOPPED = "yes", "working", "stopped"


class SixMonthReportForm(forms.Form):
    """The six-monthly report: each question updates the profile; blank means unchanged."""

    still_looking = forms.ChoiceField(
        label=_("Are you still looking for work?"),
        choices=[
            (STILL_LOOKING, _("Yes, I am still looking")),
            (WORKING, _("No, I got a job")),
            (STOPPED, _("No, I stopped looking (remove my card)")),
        ],
        widget=Radios,
    )
    worked_meanwhile = forms.ChoiceField(
        label=_("Did you work since your last report?"),
        choices=[(NO, _("No")), (YES, _("Yes, but the job ended"))],
        widget=Radios,
        initial=NO,
        required=False,
    )
    job_title = required_when(
        forms.CharField(label=_("Job title (if you worked)"), max_length=150, required=False)
    )
    employer_name = required_when(
        forms.CharField(label=_("Employer (if you worked)"), max_length=150, required=False)
    )
    months = required_when(
        forms.IntegerField(
            label=_("Months worked (if you worked)"), min_value=1, max_value=60, required=False
        )
    )
    address = forms.CharField(
        label=_("New address"),
        max_length=255,
        required=False,
        help_text=_("Only if you moved."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    regency = regency_field(_("New regency or city"), required=False)
    district = district_field(label=_("New district (kecamatan)"))
    phone = phone_field(
        label=_("New phone number"), required=False, help_text=_("Only if it changed.")
    )
    skills = TaxonomyMultipleChoiceField(
        kind="skills",
        queryset=Skill.objects.common_first(),
        max_choices=10,
        required=False,
        label=_("New skills"),
        help_text=_("What you learnt since the last report (courses, training, work)."),
    )
    expected_wage = RupiahField(
        label=_("Expected monthly wage now (Rp)"),
        required=False,
        min_value=0,
        max_value=999_999_999,
        help_text=_("Only if it changed."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        narrow_districts(self)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("worked_meanwhile") == YES:
            for name in ("job_title", "employer_name", "months"):
                if not data.get(name):
                    self.add_error(name, _("Tell us about the job you had."))
        if data.get("district") and not data.get("regency"):
            self.add_error("regency", _("Choose the regency or city of the new district."))
        if data.get("regency") and not (data.get("address") or "").strip():
            self.add_error("address", _("Give the new address in the new regency or city."))
        return data

    def answers(self):
        """The cleaned answers as services.ReportAnswers (None for "I got a job")."""
        data = self.cleaned_data
        contact = {}
        for name in ("address", "regency", "district", "phone"):
            value = data.get(name)
            if value not in (None, ""):
                contact[name] = value.strip() if isinstance(value, str) else value
        work = None
        if data.get("worked_meanwhile") == YES:
            work = {
                "job_title": data["job_title"],
                "employer_name": data["employer_name"],
                "months": data["months"],
            }
        return ReportAnswers(
            still_looking=data["still_looking"] == STILL_LOOKING,
            work=work,
            contact=contact,
            skills_added=tuple(data.get("skills") or ()),
            expected_wage=data.get("expected_wage"),
        )


class HireReportForm(forms.Form):
    employer_name = forms.CharField(label=_("Employer"), max_length=200)
    job_title = forms.CharField(label=_("Job title"), max_length=200)
    occupation = occupation_field(required=False)
    started_on = DatePartsField(label=_("First working day"), help_text=_("For example 1 8 2026."))
    work_regency = regency_field(
        _("Where you work"),
        required=False,
        help_text=_("The regency or city. Leave empty when the work is abroad."),
    )
    country = forms.CharField(label=_("Country, if abroad"), max_length=100, required=False)
    note = forms.CharField(
        label=_("Anything the office should know"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_started_on(self):
        started = self.cleaned_data["started_on"]
        if started is None:
            raise ValidationError(_("Enter the first working day."), code="required")
        if (started - timezone.localdate()).days > 180:
            raise ValidationError(_("The start date can be at most 180 days ahead."))
        return started


# --- The officer's decision on "I got a job" -----------------------------------------------------
class ConfirmHireForm(forms.Form):
    employer_type = forms.ChoiceField(
        label=_("Type of employer"),
        choices=[("", _("Choose")), *Employer.Ownership.choices],
        help_text=_("Counted in IPK table III/8."),
    )
    industry_section = forms.ChoiceField(
        label=_("Industry (KBLI category)"),
        required=False,
        choices=[("", _("Not known")), *[(c, c) for c in "ABCDEFGHIJKLMNOPQRSTU"]],
    )
    job_order_number = forms.CharField(
        label=_("SIP2MI number, if abroad"),
        required=False,
        max_length=100,
        help_text=_("Work abroad is recorded only under a valid SIP2MI of a licensed P3MI."),
    )

    def __init__(self, *args, employer_report: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if employer_report:
            # The employer's own vacancy gives the employer's type and industry.
            del self.fields["employer_type"], self.fields["industry_section"]


class DismissHireForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this not a placement?"),
        max_length=500,
        help_text=_("The person reads this."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

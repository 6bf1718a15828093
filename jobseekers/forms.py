"""Forms of the registration steps, the profile and the CV upload. No side effects here.

Size: one small form per registration step, in the order of the steps (a change from the profile
goes through the same step), and the uploads; the counter's and the reports' forms are in
`desk_forms`.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import JobSeeker
from jobseekers.nik import parse_nik
from jobseekers.services import (
    EMAIL_TAKEN,
    MAX_PREFERRED_OCCUPATIONS,
    VERIFIED_IDENTITY,
    check_cv_upload,
    confirmed_identity,
    normalise_name,
)
from placement.accounts.models import User
from placement.fields import (
    DatePartsField,
    Radios,
    check_district_in_regency,
    check_new_password,
    district_field,
    narrow_districts,
    phone_field,
    postcode_field,
    regency_field,
    required_when,
)
from placement.taxonomy.credentials import Language, LanguageLevel, LicenceClass, TrainingProvider
from placement.taxonomy.education import SCHOOL_LEVEL, SLTA, VOCATIONAL, SchoolType
from placement.taxonomy.fields import RupiahField
from placement.taxonomy.models import (
    EducationLevel,
    Occupation,
    Sex,
    Skill,
    SmkProgramme,
    StudyField,
)
from placement.taxonomy.widgets import (
    TaxonomyChoiceField,
    TaxonomyMultipleChoiceField,
    suggest_from_title,
)

NAME_EXTRA_CHARACTERS = frozenset(" '\u2019.-")  # space, apostrophes, dot, hyphen


def validate_person_name(value: str) -> None:
    """Any Unicode letters, apostrophes, spaces, dots and hyphens; at least one letter."""
    letters = 0
    for ch in value:
        if ch.isalpha():
            letters += 1
        elif unicodedata.category(ch).startswith("M"):  # combining accents
            continue
        elif ch not in NAME_EXTRA_CHARACTERS:
            raise ValidationError(
                _("Use letters, spaces and apostrophes only."), code="name_characters"
            )
    if letters == 0:
        raise ValidationError(_("Enter your name."), code="name_empty")


def _width(characters: int, **attrs: str) -> dict[str, str]:
    return {"class": f"width-{characters}", **attrs}


# --- Step 1: account -----------------------------------------------------------------------------
class NewPasswordForm(forms.Form):
    """A new password typed twice, checked by the password validators against the e-mail typed
    (the account step and the claim of a counter registration)."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=128,
        help_text=_("At least 8 characters. A long sentence is easy to remember and safe."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        data = super().clean()
        check_new_password(self, data, User(email=data.get("email", "")))
        return data


class AccountForm(NewPasswordForm):
    field_order = ("email", "password1", "password2")
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the confirmation and reminders to report here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(EMAIL_TAKEN, code="email_taken")
        return email


# --- Step 2: identity ----------------------------------------------------------------------------
YES, NO = "yes", "no"
IDENTITY_CONFIRMATION = ("identity_confirmed", "stated_sex", "stated_birth_date", "identity_note")


class NikIdentityForm(forms.Form):
    """Sex and date of birth are read from the NIK and confirmed, not typed; when the KTP says
    otherwise its values are entered with the reason. The fields and the check shared by the
    online identity step and the counter (the rule itself is services.confirmed_identity)."""

    field_order = ("full_name", "nik", *IDENTITY_CONFIRMATION)
    identity_confirmed = forms.ChoiceField(
        label=_("Do the KTP and the person agree with the sex and date of birth the NIK gives?"),
        choices=[
            (YES, _("Yes, they agree")),
            (NO, _("No, the KTP says otherwise")),
        ],
        widget=Radios,
    )
    stated_sex = required_when(
        forms.ChoiceField(
            label=_("Sex on the KTP (only if it differs)"),
            choices=Sex.choices,
            widget=Radios,
            required=False,
        )
    )
    stated_birth_date = required_when(
        DatePartsField(label=_("Date of birth on the KTP (only if it differs)"), required=False)
    )
    identity_note = required_when(
        forms.CharField(
            label=_("Why they differ (only if they differ)"),
            max_length=255,
            required=False,
        )
    )

    def derived(self) -> tuple[str, date] | None:
        """(sex label, birth date) the typed (or stored) NIK gives, to show for confirmation."""
        raw = (self.data.get("nik") if self.is_bound else self.initial.get("nik")) or ""
        try:
            parsed = parse_nik(raw)
        except ValidationError:
            return None
        return Sex(parsed.sex).label, parsed.birth_date

    def confirm_identity(self, data: dict) -> None:
        """Apply the rule: `sex`, `birth_date` and `identity_note` join the cleaned data, or the
        errors go on the fields they name."""
        if not (data.get("nik") and data.get("identity_confirmed")):
            return
        try:
            sex, born, note = confirmed_identity(
                nik=data["nik"],
                confirmed=data["identity_confirmed"] == YES,
                stated_sex=data.get("stated_sex", ""),
                stated_birth_date=data.get("stated_birth_date"),
                note=data.get("identity_note", ""),
            )
        except ValidationError as error:
            for field, errors in error.error_dict.items():
                if field not in self.errors:
                    self.add_error(field, errors)
        else:
            data.update(sex=sex, birth_date=born, identity_note=note)


def identity_initial(seeker: JobSeeker) -> dict:
    """The confirmation answers that give back the seeker's stored sex and date of birth."""
    try:
        parsed = parse_nik(seeker.nik or "")
    except ValidationError:
        return {}
    if (seeker.sex, seeker.birth_date) == (parsed.sex, parsed.birth_date):
        return {"identity_confirmed": YES}
    return {
        "identity_confirmed": NO,
        "stated_sex": seeker.sex,
        "stated_birth_date": seeker.birth_date,
        "identity_note": seeker.identity_note,
    }


class IdentityForm(NikIdentityForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("As written on your KTP."),
        validators=[validate_person_name],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        help_text=_(
            "The 16-digit number on your KTP (Nomor Induk Kependudukan). Your sex and date of "
            "birth are read from it."
        ),
        widget=forms.TextInput(
            _width(16, inputmode="numeric", autocomplete="off", spellcheck="false")
        ),
    )
    birth_place = forms.CharField(
        label=_("Place of birth"), max_length=100, widget=forms.TextInput(_width(20))
    )
    marital_status = forms.ChoiceField(
        label=_("Marital status"),
        choices=JobSeeker.MaritalStatus.choices,
        widget=Radios,
    )
    religion = forms.ChoiceField(
        label=_("Religion"),
        choices=[("", _("Choose…")), *JobSeeker.Religion.choices],
        help_text=_("The AK/I card lists it, as the KTP does."),
    )

    field_order = (*NikIdentityForm.field_order, "birth_place", "marital_status", "religion")

    def __init__(self, *args, seeker: JobSeeker | None = None, **kwargs) -> None:
        if seeker is not None and seeker.nik:
            kwargs["initial"] = {**identity_initial(seeker), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.seeker = seeker
        self.fields["identity_confirmed"].label = _(
            "Are the sex and date of birth your NIK gives right (as on your KTP)?"
        )
        if seeker is not None and seeker.is_verified:
            # An officer checked these against the KTP: only an officer changes them now.
            for name in (*VERIFIED_IDENTITY, *IDENTITY_CONFIRMATION):
                if name in self.fields:
                    self.fields[name].disabled = True

    def clean_full_name(self) -> str:
        return normalise_name(self.cleaned_data["full_name"])

    def clean_nik(self) -> str:
        nik = self.cleaned_data["nik"]
        if self.fields["nik"].disabled:
            return nik
        # Whether another registration holds the NIK is not said here (that would let anyone
        # probe which NIKs are registered): the service keeps it as a duplicate for the officer.
        return parse_nik(nik).nik

    def clean(self) -> dict:
        data = super().clean()
        if not self.fields["nik"].disabled:
            self.confirm_identity(data)
        return data


# --- Step 3: contact and domicile ----------------------------------------------------------------
class ContactForm(forms.Form):
    address = forms.CharField(
        label=_("Address where you live now"),
        max_length=255,
        help_text=_("Street, house number, RT/RW and village (kelurahan/desa)."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    regency = regency_field(
        _("Regency or city where you live"),
        help_text=_("Type a few letters of the name, for example Palangka, then choose."),
    )
    district = district_field(help_text=_("Choose the regency or city first."))
    postcode = postcode_field(autocomplete="postal-code")
    phone = phone_field(autocomplete="tel")
    # The domicile on the KTP is kept apart from where the person lives now: it decides whether
    # this is a registration outside the domicile (the NIK's region does not).
    ktp_address = forms.CharField(
        label=_("Address on your KTP"),
        max_length=255,
        required=False,
        help_text=_("Leave empty if it is the address above."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    ktp_regency = regency_field(
        _("Regency or city on your KTP"),
        required=False,
        help_text=_("Leave empty if it is the regency or city above."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        narrow_districts(self)

    def clean(self) -> dict:
        data = super().clean()
        check_district_in_regency(self, data)
        regency = data.get("regency")
        if not (data.get("ktp_address") or "").strip():
            data["ktp_address"] = data.get("address", "")
        if data.get("ktp_regency") is None:
            data["ktp_regency"] = regency
        return data


# --- Steps 4 and 5: education and work experience (one row at a time) ----------------------------
def _year_field(label, *, required: bool = True, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=1950,
        max_value=timezone.localdate().year + 1,
        help_text=help_text,
        widget=forms.TextInput(_width(4, inputmode="numeric", maxlength="4")),
    )


class SmkProgrammeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: SmkProgramme) -> str:
        # Programmes indented under their bidang so the list reads like the decree's annex.
        return f"{obj.code} {obj.title}"


class EducationForm(forms.Form):
    level = forms.ModelChoiceField(
        label=_("Level"),
        queryset=EducationLevel.objects.all(),
        empty_label=_("Choose…"),
    )
    school_type = forms.ChoiceField(
        label=_("Type of school"),
        choices=[("", _("Not needed for diploma and degree")), *SchoolType.choices],
        required=False,
        help_text=_("As written on the ijazah: SMA, SMK, MA, MAK or Paket A/B/C."),
    )
    smk_programme = SmkProgrammeChoiceField(
        label=_("SMK/MAK programme (kompetensi keahlian)"),
        queryset=SmkProgramme.objects.filter(
            edition=SmkProgramme.CURRENT_EDITION, level__in=(2, 3)
        ),
        required=False,
        empty_label=_("Only for SMK or MAK…"),
        help_text=_("Choose the kompetensi keahlian; if it is not listed, its program keahlian."),
    )
    study_field = forms.ModelChoiceField(
        label=_("Field of study (diploma and degree)"),
        queryset=StudyField.objects.filter(level=2),
        required=False,
        empty_label=_("Only for diploma and degree…"),
    )
    major = forms.CharField(
        label=_("Major or programme"),
        max_length=150,
        required=False,
        help_text=_("For example Teknik Kendaraan Ringan, Akuntansi."),
    )
    school = forms.CharField(label=_("School or university"), max_length=150)
    graduation_year = _year_field(_("Year finished"))

    def clean(self) -> dict:
        data = super().clean()
        level, kind = data.get("level"), data.get("school_type") or ""
        if level is None:
            return data
        if kind and SCHOOL_LEVEL.get(kind) != level.code:
            self.add_error("school_type", _("This type of school does not belong to that level."))
        if not kind and level.code == SLTA:
            # The IPK tables count SMA and SMK apart (III/2, III/4).
            self.add_error("school_type", _("Choose SMA, SMK, MA, MAK or Paket C."))
        if data.get("smk_programme") and kind not in VOCATIONAL:
            self.add_error("smk_programme", _("A programme is chosen only for SMK or MAK."))
        if data.get("study_field") and level.rank < 4:
            self.add_error("study_field", _("A field of study is chosen for diploma and degree."))
        return data


def occupation_field(**kwargs) -> TaxonomyChoiceField:
    """A job picked by searching: a KBJI unit group (4 digits) or a job within it (6 digits)."""
    return TaxonomyChoiceField(
        kind="occupations",
        queryset=Occupation.objects.current().filter(level__in=(4, 6)),
        api_params="level=4,6",
        label=_("Kind of job (KBJI)"),
        help_text=_("Search for the job, for example kasir, pengemudi, tukang las."),
        **kwargs,
    )


def wanted_occupations_field(**kwargs) -> TaxonomyMultipleChoiceField:
    """The jobs a seeker wants (as `occupation_field`), at most MAX_PREFERRED_OCCUPATIONS."""
    return TaxonomyMultipleChoiceField(
        kind="occupations",
        queryset=Occupation.objects.current().filter(level__in=(4, 6)),
        api_params="level=4,6",
        max_choices=MAX_PREFERRED_OCCUPATIONS,
        **kwargs,
    )


class ExperienceForm(forms.Form):
    job_title = forms.CharField(label=_("Job title"), max_length=150)
    occupation = occupation_field()
    employer_name = forms.CharField(label=_("Employer"), max_length=150)
    start_year = _year_field(_("From (year)"))
    end_year = _year_field(
        _("To (year)"), required=False, help_text=_("Leave empty if you still work there.")
    )
    months = forms.IntegerField(
        label=_("Months worked"),
        min_value=1,
        max_value=600,
        required=False,
        help_text=_(
            "Leave empty and we count from the years; fill it in if you worked less than that."
        ),
        widget=forms.TextInput(_width(4, inputmode="numeric", maxlength="3")),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The row has no line of business nor description: the job title is what the coder reads.
        suggest_from_title(self, title_field="job_title")

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        elif start and not data.get("months") and "months" not in self.errors:
            data["months"] = months_between_years(start, end)
        return data


def months_between_years(start: int, end: int | None) -> int:
    """About how long someone worked from `start` to `end` (or until now): whole years in
    between count 12 months; a job within one year counts six."""
    today = timezone.localdate()
    last = end or today.year
    if last <= start:
        return 6 if end else max(today.month, 1)
    if end is None:
        return (last - start) * 12 + today.month
    return (last - start) * 12


# --- Certificates, courses, licences, languages (one page, four small forms) --------------------
# The forms parse; jobseekers/services/credentials.py checks the rules (dates, duplicates).
class CertificateForm(forms.Form):
    kind = "certificate"
    scheme = forms.CharField(
        label=_("Certification scheme"),
        max_length=200,
        help_text=_("As printed on the BNSP certificate, for example Operator Forklift."),
    )
    lsp = forms.CharField(
        label=_("Certification body (LSP)"),
        max_length=200,
        help_text=_("For example LSP Logistik Indonesia."),
    )
    number = forms.CharField(
        label=_("Certificate number"), max_length=100, widget=forms.TextInput(_width(20))
    )
    valid_from = DatePartsField(label=_("Issued on"), help_text=_("For example 14 2 2024"))
    valid_until = DatePartsField(label=_("Valid until"), help_text=_("For example 13 2 2027"))


class TrainingForm(forms.Form):
    kind = "training"
    course = forms.CharField(
        label=_("Course"), max_length=200, help_text=_("For example Pengelasan SMAW 3G.")
    )
    provider_kind = forms.ChoiceField(
        label=_("Kind of institution"), choices=TrainingProvider.choices, widget=Radios
    )
    institution = forms.CharField(
        label=_("Institution"), max_length=200, help_text=_("For example BLK Palangka Raya.")
    )
    hours = forms.IntegerField(
        label=_("Hours (JP)"),
        min_value=1,
        max_value=3000,
        widget=forms.TextInput(_width(4, inputmode="numeric", maxlength="4")),
    )
    year = _year_field(_("Year finished"))


class LicenceForm(forms.Form):
    kind = "licence"
    licence_class = forms.ChoiceField(
        label=_("Class"), choices=[("", _("Choose…")), *LicenceClass.choices]
    )
    valid_until = DatePartsField(
        label=_("Valid until"), help_text=_("As printed on the licence, for example 27 3 2029")
    )


class LanguageForm(forms.Form):
    kind = "language"
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Choose…")), *Language.choices]
    )
    level = forms.TypedChoiceField(
        label=_("How well"), choices=LanguageLevel.choices, coerce=int, widget=Radios
    )
    test = forms.CharField(
        label=_("Test and result"),
        max_length=100,
        required=False,
        help_text=_("For example TOEIC 650, JLPT N4, TOPIK 2."),
    )


CREDENTIAL_FORMS = {
    form.kind: form for form in (CertificateForm, TrainingForm, LicenceForm, LanguageForm)
}


# --- Steps 6 to 9 --------------------------------------------------------------------------------
class SkillsForm(forms.Form):
    skills = TaxonomyMultipleChoiceField(
        kind="skills",
        queryset=Skill.objects.common_first(),
        max_choices=30,
        required=False,
        label=_("Your skills"),
        help_text=_("Search and tick what you can do, for example las, kasir, Excel."),
    )


class PreferencesForm(forms.Form):
    preferred_occupations = wanted_occupations_field(
        label=_("Jobs you want"),
        help_text=_("Choose up to three; the first is the one you want most."),
    )
    expected_wage = RupiahField(
        label=_("Expected monthly wage (Rp)"),
        required=False,
        min_value=0,
        max_value=999_999_999,
        help_text=_("In rupiah, for example 3.500.000."),
        widget=forms.TextInput(_width(10, inputmode="numeric", maxlength="20")),
    )
    relocation = forms.ChoiceField(
        label=_("Where can you work?"),
        choices=JobSeeker.Relocation.choices,
        widget=Radios,
    )


class CategoryForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Which describes you best?"),
        choices=JobSeeker.Category.choices,
        widget=Radios,
    )


YES_NO = [("no", _("No")), ("yes", _("Yes"))]


class DisabilityForm(forms.Form):
    has_disability = forms.TypedChoiceField(
        label=_("Do you have a disability?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=Radios,
        help_text=_(
            "Optional. Only officers see this, never employers. It helps us find suitable work "
            "and support (UU 8/2016)."
        ),
        required=False,
        empty_value=False,
    )
    disability_note = forms.CharField(
        label=_("What support do you need at work?"),
        max_length=255,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("has_disability"):
            data["disability_note"] = ""
        return data


class SubmitForm(forms.Form):
    consent = forms.BooleanField(
        label=_("I agree that my data is processed as described above."),
        error_messages={"required": _("Tick the box to agree, or we cannot register you.")},
    )
    consent_version = forms.CharField(widget=forms.HiddenInput, max_length=20)

    def clean_consent_version(self) -> str:
        version = self.cleaned_data["consent_version"]
        if version != CURRENT_CONSENT_VERSION:
            raise ValidationError(_("The consent text has changed. Read it again, please."))
        return version


# --- CV ------------------------------------------------------------------------------------------
class CVForm(forms.Form):
    file = forms.FileField(
        label=_("Your CV (PDF)"),
        help_text=_("A PDF file of at most 2 MB."),
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_cv_upload(upload)
        return upload


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Which document?"),
        choices=[("", _("Choose…")), *JobSeeker.Document.choices],
    )
    file = forms.FileField(
        label=_("The file (PDF, or a photo or scan as JPEG or PNG)"),
        help_text=_("At most 5 MB. Only you and the officers of your region can open it."),
        widget=forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )


class PhotoForm(forms.Form):
    file = forms.FileField(
        label=_("Your photo for the card (JPEG or PNG)"),
        help_text=_(
            "A recent photo of your face, looking at the camera. We crop it to 3 x 4; at most 5 MB."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png"}),
    )

"""Forms of the officer's pages: casework, and the decisions on employers, vacancies and imports
(validation only, no side effects)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import Employer, ImportRun
from jobseekers.models import JobSeeker
from officers.models import CounsellingSession
from officers.services import counselling
from placement.fields import DatePartsField, Radios, required_when
from placement.pipeline.models import FollowUp, Placement, Referral
from placement.pipeline.services import placements as placement_services
from placement.pipeline.services import referrals as referral_services
from placement.taxonomy.models import Occupation, Regency
from placement.taxonomy.widgets import TaxonomyChoiceField, suggest_from_title

AK1_LINE = re.compile(r"^\d{2,4}-\d{4}-\d{6}$", re.ASCII)
ACTION_ROWS = 3
MAX_GROUP_NUMBERS = 100


class CounsellingForm(forms.Form):
    """An AK/II interview, an individual or a group guidance session."""

    kind = forms.ChoiceField(
        label=_("Type of session"), choices=CounsellingSession.Kind.choices, widget=Radios
    )
    held_on = DatePartsField(label=_("Date"), help_text=_("For example 17 8 2026."))
    ak1_numbers = forms.CharField(
        label=_("AK/I numbers of the job seekers present"),
        help_text=_("One per line, for example 6271-2026-000042. Only for group sessions."),
        required=False,
        max_length=MAX_GROUP_NUMBERS * 20,
        widget=forms.Textarea(attrs={"rows": 4, "class": "input-width-20"}),
    )
    participants = forms.IntegerField(
        label=_("People present in all"),
        help_text=_("Group sessions: include people without an AK/I card."),
        required=False,
        min_value=1,
        max_value=counselling.MAX_GROUP,
        widget=forms.NumberInput(attrs={"class": "input-width-4"}),
    )
    template = forms.ChoiceField(label=_("Notes template"), required=False)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    training_kind = forms.ChoiceField(
        label=_("Referral to training"),
        required=False,
        choices=[("", _("No training referral")), *CounsellingSession.TrainingKind.choices],
        widget=Radios,
    )
    training_institution = forms.CharField(
        label=_("Training institution"),
        help_text=_("For example BLK Palangka Raya."),
        required=False,
        max_length=200,
    )
    training_programme = forms.CharField(
        label=_("Training programme"), required=False, max_length=200
    )

    def __init__(self, *args, kind: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [
            ("", _("No template")),
            *[(t.key, t.label) for t in counselling.templates_for(kind)],
        ]
        for index in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{index}"] = forms.CharField(
                label=_("Agreed action %(n)s") % {"n": index},
                required=False,
                max_length=255,
            )
            self.fields[f"action_{index}_due"] = DatePartsField(label=_("Due on"), required=False)
        if kind != CounsellingSession.Kind.GROUP:
            del self.fields["ak1_numbers"]
            del self.fields["participants"]

    def action_rows(self) -> list[tuple]:
        return [
            (self[f"action_{index}"], self[f"action_{index}_due"])
            for index in range(1, ACTION_ROWS + 1)
        ]

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on and held_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return held_on

    def clean_ak1_numbers(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data.get("ak1_numbers", "").splitlines()]
        numbers = [line for line in lines if line]
        bad = [line for line in numbers if not AK1_LINE.match(line)]
        if bad:
            raise forms.ValidationError(
                _("These are not AK/I numbers: %(numbers)s.") % {"numbers": ", ".join(bad[:5])}
            )
        if len(numbers) > MAX_GROUP_NUMBERS:
            raise forms.ValidationError(
                _("Enter at most %(n)s numbers.") % {"n": MAX_GROUP_NUMBERS}
            )
        return list(dict.fromkeys(numbers))

    def clean(self):
        data = super().clean()
        for index in range(1, ACTION_ROWS + 1):
            text = (data.get(f"action_{index}") or "").strip()
            due = data.get(f"action_{index}_due")
            if text and not due and f"action_{index}_due" not in self.errors:
                self.add_error(f"action_{index}_due", _("Enter the date it is due."))
            if due and not text:
                self.add_error(f"action_{index}", _("Write what was agreed."))
            held_on = data.get("held_on")
            if text and due and held_on and due < held_on:
                self.add_error(f"action_{index}_due", _("It cannot be due before the session."))
        if data.get("training_kind") and not (data.get("training_institution") or "").strip():
            self.add_error("training_institution", _("Name the BLK or LPK."))
        if (data.get("training_institution") or "").strip() and not data.get("training_kind"):
            self.add_error("training_kind", _("Choose BLK or LPK."))
        return data

    def agreed_actions(self) -> list[counselling.AgreedAction]:
        actions = []
        for index in range(1, ACTION_ROWS + 1):
            text = (self.cleaned_data.get(f"action_{index}") or "").strip()
            due = self.cleaned_data.get(f"action_{index}_due")
            if text and due:
                actions.append(counselling.AgreedAction(description=text, due_on=due))
        return actions


class _MatchScoreField(forms.FloatField):
    """The page's copy of the match score: a hint only (the view reads the stored match), so a
    copy that does not parse is dropped instead of failing the referral."""

    def clean(self, value):
        try:
            return super().clean(value)
        except forms.ValidationError:
            return None


class ReferralForm(forms.Form):
    """Refer (or propose) a seeker for a vacancy: the ids come from the search or a match."""

    seeker = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    vacancy = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    source = forms.ChoiceField(
        choices=Referral.Source.choices, required=False, widget=forms.HiddenInput
    )
    score = _MatchScoreField(required=False, min_value=0, max_value=100, widget=forms.HiddenInput)
    send = forms.ChoiceField(choices=[("1", "1"), ("0", "0")], required=False)
    note = forms.CharField(
        label=_("Note to the employer"),
        required=False,
        max_length=referral_services.MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Asked only when the seeker lacks a credential the vacancy requires (the warning page).
    credential_reason = forms.CharField(
        label=_("Why refer anyway"),
        help_text=_(
            "For example: the licence is being renewed; the employer agreed to meet them. "
            "Kept with the referral."
        ),
        required=False,
        max_length=referral_services.MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OutsidePlacementForm(forms.Form):
    """A job the seeker found outside the service, as the seeker or the employer reported it."""

    reported_by = forms.ChoiceField(
        label=_("Who told the office"),
        choices=Placement.ReportedBy.choices,
        initial=Placement.ReportedBy.SEEKER,
        widget=Radios,
    )
    placed_on = DatePartsField(label=_("Started work on"), help_text=_("For example 1 8 2026."))
    nib = forms.CharField(
        label=_("NIB of the employer, if it is registered here"),
        help_text=_("13 digits. Leave empty for an employer that is not registered."),
        required=False,
        max_length=13,
        widget=forms.TextInput(attrs={"class": "input-width-13", "inputmode": "numeric"}),
    )
    employer_name = forms.CharField(label=_("Employer"), required=False, max_length=200)
    employer_type = forms.ChoiceField(
        label=_("Type of employer"),
        required=False,
        choices=[("", _("Choose")), *Employer.Ownership.choices],
        help_text=_("Counted in IPK table III/8."),
    )
    industry_section = forms.ChoiceField(
        label=_("Industry (KBLI category)"),
        required=False,
        choices=[("", _("Not known")), *[(c, c) for c in "ABCDEFGHIJKLMNOPQRSTU"]],
    )
    job_title = forms.CharField(label=_("Job title"), required=False, max_length=200)
    occupation = TaxonomyChoiceField(
        kind="occupations",
        queryset=Occupation.objects.current().filter(level__gte=4),
        api_params="level=4,6",
        label=_("Occupation (KBJI)"),
        required=False,
    )
    work_regency = TaxonomyChoiceField(
        kind="regions",
        queryset=Regency.objects.all(),
        api_params="level=regency",
        label=_("Place of work"),
        help_text=_("The regency or city. Leave empty when the work is abroad."),
        required=False,
    )
    country = forms.CharField(label=_("Country, if abroad"), required=False, max_length=100)
    job_order_number = forms.CharField(
        label=_("SIP2MI number, if abroad"),
        required=False,
        max_length=100,
        help_text=_("Work abroad is recorded only under a valid SIP2MI of a licensed P3MI."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The occupation suggested from the job title, read with the KBLI category chosen.
        suggest_from_title(self, title_field="job_title", sector_field="industry_section")

    def clean_nib(self) -> Employer | None:
        nib = (self.cleaned_data.get("nib") or "").strip()
        if not nib:
            return None
        if not re.fullmatch(r"\d{13}", nib, re.ASCII):
            raise forms.ValidationError(_("Enter the 13 digits of the NIB, without spaces."))
        employer = Employer.objects.select_related("industry", "regency").filter(nib=nib).first()
        if employer is None:
            raise forms.ValidationError(_("No employer with this NIB is registered."))
        return employer

    def clean_placed_on(self):
        placed_on = self.cleaned_data["placed_on"]
        problem = placement_services.start_date_problem(placed_on)
        if problem:
            raise forms.ValidationError(problem)
        return placed_on

    def clean(self):
        data = super().clean()
        if "nib" in data and data.get("nib") is None:
            if not (data.get("employer_name") or "").strip():
                self.add_error("employer_name", _("Name the employer."))
            if not data.get("employer_type"):
                self.add_error("employer_type", _("Choose the type of employer."))
        country = (data.get("country") or "").strip()
        if country and data.get("work_regency"):
            self.add_error("country", _("Give either a place in Indonesia or a country."))
        return data


class FollowUpForm(forms.Form):
    still_employed = forms.ChoiceField(
        label=_("Is the person still employed?"), choices=FollowUp.Answer.choices, widget=Radios
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class SeekerLookupForm(forms.Form):
    """The search of the referral page (GET)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def query(self) -> str:
        return self.cleaned_data.get("q", "").strip() if self.is_valid() else ""


def seekers_from_numbers(user, numbers: list[str]) -> tuple[list[JobSeeker], list[str]]:
    """The seekers of the officer's region with these AK/I numbers, and the numbers not found."""
    found = list(
        JobSeeker.objects.visible_to(user).filter(ak1_number__in=numbers).order_by("ak1_number")
    )
    known = {seeker.ak1_number for seeker in found}
    return found, [number for number in numbers if number not in known]


# --- Employers and vacancies: the officer's decisions, imports ---------------------------------


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

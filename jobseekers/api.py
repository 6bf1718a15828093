"""The jobseekers API (DESIGN.md Contract): the same services as the pages, scoped like them.

Out-of-scope seekers answer 404 (never 403); a seeker cannot set status, numbers, office or any
other field the services do not list as theirs to change.

Size: the serializers and views of the jobseekers resources of the Contract, kept together;
split into a package when it grows further.
"""

from __future__ import annotations

import re

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jobseekers import services
from jobseekers.access import (
    get_own_seeker,
    get_seeker_for_card,
    get_seeker_for_officer,
    is_office_staff,
)
from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.forms import validate_person_name
from jobseekers.models import JobSeeker
from jobseekers.nik import NIK_PATTERN, parse_nik
from jobseekers.views import card_pdf
from placement.accounts.models import User
from placement.fields import PHONE_PATTERN, POSTCODE_PATTERN, normalise_phone
from placement.privacy import services as privacy
from placement.privacy.models import SubjectRequest
from placement.taxonomy.credentials import Language, LanguageLevel, LicenceClass, TrainingProvider
from placement.taxonomy.education import SCHOOL_LEVEL, VOCATIONAL, SchoolType
from placement.taxonomy.models import (
    District,
    EducationLevel,
    Occupation,
    Regency,
    Sex,
    Skill,
    SmkProgramme,
    StudyField,
)

AK1_PATTERN = r"^[0-9]{2,4}-[0-9]{4}-[0-9]{6,7}$"
ERROR_400 = OpenApiResponse(description="Invalid input: the errors name each field.")
ERROR_401 = OpenApiResponse(description="Not signed in (send `Authorization: Token <key>`).")
ERROR_404 = OpenApiResponse(description="Not found, or not yours / not in your region.")
ERROR_429 = OpenApiResponse(description="Too many requests.")


def _year(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1950, max_value=timezone.localdate().year + 1, **kwargs
    )


class EducationSerializer(serializers.Serializer):
    level = serializers.SlugRelatedField(
        slug_field="code", queryset=EducationLevel.objects.all(), help_text="IPK education code"
    )
    school_type = serializers.ChoiceField(
        choices=SchoolType.choices, required=False, allow_blank=True, default=""
    )
    smk_programme = serializers.SlugRelatedField(
        slug_field="code",
        queryset=SmkProgramme.objects.filter(edition=SmkProgramme.CURRENT_EDITION),
        required=False,
        allow_null=True,
        default=None,
        help_text="SMK/MAK programme, dotted code of the 2018 spectrum (1.4.2)",
    )
    study_field = serializers.SlugRelatedField(
        slug_field="code",
        queryset=StudyField.objects.filter(level=2),
        required=False,
        allow_null=True,
        default=None,
        help_text="ISCED-F 2013 narrow field (3 digits) for diploma and degree",
    )
    major = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    school = serializers.CharField(max_length=150)
    graduation_year = _year(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict) -> dict:
        kind = attrs.get("school_type") or ""
        if kind and SCHOOL_LEVEL.get(kind) != attrs["level"].code:
            message = _("This type of school does not belong to that level.")
            raise ValidationError({"school_type": [message]})
        if attrs.get("smk_programme") and kind not in VOCATIONAL:
            message = _("A programme is chosen only for SMK or MAK.")
            raise ValidationError({"smk_programme": [message]})
        return attrs


class ExperienceSerializer(serializers.Serializer):
    job_title = serializers.CharField(max_length=150)
    occupation = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Occupation.objects.current().filter(level__in=(4, 6)),
        help_text="KBJI 2014 code (4 digits or dddd.dd)",
    )
    employer_name = serializers.CharField(max_length=150)
    start_year = _year()
    end_year = _year(required=False, allow_null=True, default=None)
    months = serializers.IntegerField(min_value=1, max_value=600)

    def validate(self, attrs: dict) -> dict:
        if attrs.get("end_year") and attrs["end_year"] < attrs["start_year"]:
            message = _("The end year cannot be before the start year.")
            raise ValidationError({"end_year": [message]})
        return attrs


class ProfileFieldsSerializer(serializers.Serializer):
    """The profile fields a registration or a PATCH may carry (validated like the forms)."""

    full_name = serializers.CharField(max_length=150, validators=[validate_person_name])
    nik = serializers.RegexField(NIK_PATTERN, max_length=16, min_length=16)
    birth_place = serializers.CharField(max_length=100)
    birth_date = serializers.DateField()
    sex = serializers.ChoiceField(choices=Sex.choices)
    marital_status = serializers.ChoiceField(choices=JobSeeker.MaritalStatus.choices)
    religion = serializers.ChoiceField(choices=JobSeeker.Religion.choices)
    address = serializers.CharField(max_length=255, help_text="Where the person lives now")
    regency = serializers.SlugRelatedField(
        slug_field="code", queryset=Regency.objects.all(), help_text="Kemendagri code, 62.71"
    )
    ktp_address = serializers.CharField(
        max_length=255, required=False, allow_blank=True, help_text="The address on the KTP"
    )
    ktp_regency = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Regency.objects.all(),
        required=False,
        allow_null=True,
        help_text="The regency/city on the KTP (the domicile), 62.71",
    )
    district = serializers.SlugRelatedField(
        slug_field="code",
        queryset=District.objects.all(),
        required=False,
        allow_null=True,
        help_text="Kemendagri code, 62.71.03",
    )
    postcode = serializers.RegexField(
        POSTCODE_PATTERN, max_length=5, required=False, allow_blank=True
    )
    phone = serializers.RegexField(r"^[0-9+][0-9 \-]{7,19}$", max_length=20)
    skills = serializers.PrimaryKeyRelatedField(
        queryset=Skill.objects.all(), many=True, required=False
    )
    preferred_occupations = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Occupation.objects.current().filter(level__in=(4, 6)),
        many=True,
        help_text="Up to three KBJI codes, the most wanted first",
    )
    expected_wage = serializers.IntegerField(
        min_value=0, max_value=999_999_999, required=False, allow_null=True
    )
    relocation = serializers.ChoiceField(choices=JobSeeker.Relocation.choices)
    category = serializers.ChoiceField(choices=JobSeeker.Category.choices)
    has_disability = serializers.BooleanField(required=False, default=False)
    disability_note = serializers.CharField(
        max_length=255, required=False, allow_blank=True, default=""
    )

    def validate_nik(self, value: str) -> str:
        try:
            return parse_nik(value).nik
        except DjangoValidationError as error:
            raise ValidationError(error.messages) from None

    def validate_phone(self, value: str) -> str:
        phone = normalise_phone(value)
        if not re.fullmatch(PHONE_PATTERN, phone, re.ASCII):
            raise ValidationError(_("Enter a phone number such as 0812 3456 7890."))
        return phone

    def validate_full_name(self, value: str) -> str:
        return services.normalise_name(value)

    def validate_birth_date(self, value):
        if value > timezone.localdate():
            raise ValidationError(_("The date of birth must be in the past."))
        return value

    def validate_skills(self, value: list) -> list:
        if len(value) > 30:
            raise ValidationError(_("Choose at most 30 skills."))
        return value

    def validate_preferred_occupations(self, value: list) -> list:
        if len(value) > services.MAX_PREFERRED_OCCUPATIONS:
            raise ValidationError(_("Choose at most three occupations."))
        if self.partial is False and not value:
            raise ValidationError(_("Choose at least one occupation."))
        return value

    def validate(self, attrs: dict) -> dict:
        regency, district = attrs.get("regency"), attrs.get("district")
        if district is not None and regency is not None and district.regency_id != regency.pk:
            message = _("Choose a district of the chosen regency/city.")
            raise ValidationError({"district": [message]})
        if "has_disability" in attrs and not attrs["has_disability"]:
            attrs["disability_note"] = ""
        return attrs


class RegistrationSerializer(ProfileFieldsSerializer):
    """Self-registration: account, every step and consent in one request."""

    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        max_length=128, min_length=8, write_only=True, trim_whitespace=False
    )
    educations = EducationSerializer(many=True, allow_empty=False)
    experiences = ExperienceSerializer(many=True, required=False, default=list)
    consent_version = serializers.ChoiceField(
        choices=[CURRENT_CONSENT_VERSION],
        help_text="The version of the consent text the person agreed to",
    )

    def validate_email(self, value: str) -> str:
        value = value.strip().lower()
        if User.objects.filter(email__iexact=value).exists():
            raise ValidationError(services.EMAIL_TAKEN)
        return value

    def validate(self, attrs: dict) -> dict:
        attrs = super().validate(attrs)
        try:
            password_validation.validate_password(attrs["password"], User(email=attrs["email"]))
        except DjangoValidationError as error:
            raise ValidationError({"password": error.messages}) from None
        return attrs


# Certificates, courses, licences and languages (jobseekers/services/credentials.py checks them).
class CertificateSerializer(serializers.Serializer):
    scheme = serializers.CharField(max_length=200)
    lsp = serializers.CharField(max_length=200)
    number = serializers.CharField(max_length=100)
    valid_from = serializers.DateField()
    valid_until = serializers.DateField()
    expired = serializers.BooleanField(source="is_expired", read_only=True)


class TrainingSerializer(serializers.Serializer):
    course = serializers.CharField(max_length=200)
    provider_kind = serializers.ChoiceField(choices=TrainingProvider.choices)
    institution = serializers.CharField(max_length=200)
    hours = serializers.IntegerField(min_value=1, max_value=3000)
    year = serializers.IntegerField(min_value=1950, max_value=2100)


class LicenceSerializer(serializers.Serializer):
    licence_class = serializers.ChoiceField(choices=LicenceClass.choices)
    valid_until = serializers.DateField()
    expired = serializers.BooleanField(source="is_expired", read_only=True)


class LanguageSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=Language.choices)
    level = serializers.ChoiceField(choices=LanguageLevel.choices)
    test = serializers.CharField(max_length=100, required=False, allow_blank=True)


# API list name -> the service's kind.
CREDENTIAL_LISTS = {
    "certificates": "certificate",
    "trainings": "training",
    "licences": "licence",
    "languages": "language",
}


class SeekerUpdateSerializer(ProfileFieldsSerializer):
    """PATCH: any subset of the profile; educations/experiences replace all rows when given, and
    so do certificates, trainings, licences and languages."""

    educations = EducationSerializer(many=True, required=False)
    experiences = ExperienceSerializer(many=True, required=False)
    certificates = CertificateSerializer(many=True, required=False)
    trainings = TrainingSerializer(many=True, required=False)
    licences = LicenceSerializer(many=True, required=False)
    languages = LanguageSerializer(many=True, required=False)


class SkillOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    uri = serializers.CharField(max_length=120)
    label = serializers.CharField(max_length=255)


class SeekerSerializer(serializers.Serializer):
    """A seeker record as the seeker themself or an officer of the region sees it."""

    id = serializers.IntegerField(read_only=True)
    status = serializers.ChoiceField(choices=JobSeeker.Status.choices, read_only=True)
    ak1_number = serializers.RegexField(AK1_PATTERN, max_length=30, read_only=True, allow_null=True)
    office = serializers.CharField(
        source="office_id", max_length=5, read_only=True, allow_null=True
    )
    registered_on = serializers.DateField(read_only=True, allow_null=True)
    last_reported_on = serializers.DateField(read_only=True, allow_null=True)
    next_report_on = serializers.DateField(read_only=True, allow_null=True)
    expires_on = serializers.DateField(read_only=True, allow_null=True)
    removed_on = serializers.DateField(read_only=True, allow_null=True)
    removal_reason = serializers.CharField(max_length=20, read_only=True)
    full_name = serializers.CharField(max_length=150)
    nik = serializers.CharField(max_length=16, allow_null=True)
    birth_place = serializers.CharField(max_length=100)
    birth_date = serializers.DateField(allow_null=True)
    sex = serializers.CharField(max_length=1)
    marital_status = serializers.CharField(max_length=10)
    religion = serializers.CharField(max_length=12)
    address = serializers.CharField(max_length=255)
    regency = serializers.CharField(source="regency_id", max_length=5, allow_null=True)
    district = serializers.CharField(source="district_id", max_length=8, allow_null=True)
    ktp_address = serializers.CharField(max_length=255)
    ktp_regency = serializers.CharField(source="ktp_regency_id", max_length=5, allow_null=True)
    postcode = serializers.CharField(max_length=5)
    phone = serializers.CharField(max_length=20)
    education_level = serializers.CharField(
        source="education_level_id", max_length=4, allow_null=True
    )
    experience_months = serializers.IntegerField()
    educations = EducationSerializer(many=True)
    experiences = ExperienceSerializer(many=True)
    certificates = CertificateSerializer(many=True)
    trainings = TrainingSerializer(many=True)
    licences = LicenceSerializer(many=True)
    languages = LanguageSerializer(many=True)
    skills = serializers.SerializerMethodField()
    preferred_occupations = serializers.SerializerMethodField()
    expected_wage = serializers.IntegerField(allow_null=True)
    relocation = serializers.CharField(max_length=10)
    category = serializers.CharField(max_length=15)
    has_disability = serializers.BooleanField()
    disability_note = serializers.CharField(max_length=255)
    warnings = serializers.SerializerMethodField()

    @extend_schema_field(SkillOutSerializer(many=True))
    def get_skills(self, seeker: JobSeeker) -> list[dict]:
        return [
            {"id": s.skill_id, "uri": s.skill.uri, "label": s.skill.label}
            for s in seeker.skills.select_related("skill").order_by("pk")
        ]

    def get_preferred_occupations(self, seeker: JobSeeker) -> list[str]:
        return [o.code for o in services.preferred_occupations(seeker)]

    def get_warnings(self, seeker: JobSeeker) -> list[str]:
        request = self.context.get("request")
        if request is None or not is_office_staff(request.user):
            return []
        return [str(m) for m in services.warning_messages(seeker)]


class SeekerListSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField(max_length=150)
    status = serializers.ChoiceField(choices=JobSeeker.Status.choices)
    ak1_number = serializers.CharField(max_length=30, allow_null=True)
    regency = serializers.CharField(source="regency_id", max_length=5, allow_null=True)
    education_level = serializers.CharField(
        source="education_level_id", max_length=4, allow_null=True
    )
    registered_on = serializers.DateField(allow_null=True)
    next_report_on = serializers.DateField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)


class ReportResultSerializer(serializers.Serializer):
    event = serializers.ChoiceField(
        choices=["seeker_reported", "seeker_reactivated", "seeker_removed"]
    )
    next_report_on = serializers.DateField(allow_null=True)
    expires_on = serializers.DateField(allow_null=True)


class ReportWorkSerializer(serializers.Serializer):
    job_title = serializers.CharField(max_length=150)
    employer_name = serializers.CharField(max_length=150)
    months = serializers.IntegerField(min_value=1, max_value=60)


class ReportAnswersSerializer(serializers.Serializer):
    """The six-monthly report's questions; only what changed is sent."""

    still_looking = serializers.BooleanField(
        help_text="false: no longer looking (the card is removed at the holder's request)"
    )
    work = ReportWorkSerializer(
        required=False, allow_null=True, help_text="A job held since the last report that ended"
    )
    address = serializers.CharField(max_length=255, required=False)
    regency = serializers.SlugRelatedField(
        slug_field="code", queryset=Regency.objects.all(), required=False
    )
    district = serializers.SlugRelatedField(
        slug_field="code", queryset=District.objects.all(), required=False
    )
    phone = serializers.RegexField(r"^[0-9+][0-9 \-]{7,19}$", max_length=20, required=False)
    skills_added = serializers.PrimaryKeyRelatedField(
        queryset=Skill.objects.all(), many=True, required=False
    )
    expected_wage = serializers.IntegerField(
        min_value=0, max_value=999_999_999, required=False, allow_null=True
    )

    def validate_phone(self, value: str) -> str:
        phone = normalise_phone(value)
        if not re.fullmatch(PHONE_PATTERN, phone, re.ASCII):
            raise ValidationError(_("Enter a phone number such as 0812 3456 7890."))
        return phone

    def answers(self) -> services.ReportAnswers:
        data = self.validated_data
        contact = {k: data[k] for k in ("address", "regency", "district", "phone") if k in data}
        return services.ReportAnswers(
            still_looking=data["still_looking"],
            work=dict(data["work"]) if data.get("work") else None,
            contact=contact,
            skills_added=tuple(data.get("skills_added", ())),
            expected_wage=data.get("expected_wage"),
        )


# Fields nobody sets through the API: they change only through the services' transitions.
PROTECTED_FIELDS = frozenset(
    {
        "id",
        "status",
        "ak1_number",
        "office",
        "registered_on",
        "last_reported_on",
        "next_report_on",
        "expires_on",
        "removed_on",
        "removal_reason",
        "verified_by",
        "verified_at",
        "warnings",
        "user",
        "role",
        "education_level",
        "experience_months",
        "steps_done",
        "submitted_at",
    }
)


def _raise_service_error(error: DjangoValidationError) -> None:
    if hasattr(error, "error_dict"):
        raise ValidationError(
            {
                field: [str(m) for e in errors for m in e.messages]
                for field, errors in error.error_dict.items()
            }
        )
    raise ValidationError({"non_field_errors": [str(m) for m in error.messages]})


def _apply_patch(request: Request, seeker: JobSeeker) -> JobSeeker:
    protected = sorted(PROTECTED_FIELDS & set(request.data.keys()))
    if protected:
        raise ValidationError({name: [_("This field cannot be set.")] for name in protected})
    serializer = SeekerUpdateSerializer(data=request.data, partial=True)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    if data.get("nik") == seeker.nik:
        data.pop("nik")
    educations = data.pop("educations", None)
    experiences = data.pop("experiences", None)
    credentials = {
        kind: [dict(row) for row in data.pop(name)]
        for name, kind in CREDENTIAL_LISTS.items()
        if name in data
    }
    # Only what was sent: defaults of omitted fields must not overwrite stored answers.
    changes = {name: value for name, value in data.items() if name in request.data}
    try:
        with transaction.atomic():
            services.update_jobseeker(seeker=seeker, actor=request.user, changes=changes)
            if educations is not None or experiences is not None:
                if educations is not None and not educations:
                    raise ValidationError({"educations": [_("Add at least one education row.")]})
                services.replace_rows(
                    seeker=seeker,
                    actor=request.user,
                    educations=[dict(row) for row in educations]
                    if educations is not None
                    else None,
                    experiences=[dict(row) for row in experiences]
                    if experiences is not None
                    else None,
                )
            if credentials:
                services.replace_credentials(seeker=seeker, actor=request.user, rows=credentials)
    except DjangoValidationError as error:
        _raise_service_error(error)
    return JobSeeker.objects.select_related("office").get(pk=seeker.pk)


def _require_seeker(request: Request) -> JobSeeker:
    return get_own_seeker(request.user)


class JobSeekerListView(GenericAPIView):
    """POST: public self-registration. GET: the seekers of the officer's region."""

    serializer_class = SeekerListSerializer

    def get_permissions(self):
        if self.request.method == "POST":
            return [AllowAny()]
        return super().get_permissions()

    @extend_schema(
        operation_id="jobseekers_register",
        request=RegistrationSerializer,
        responses={201: SeekerSerializer, 400: ERROR_400, 429: ERROR_429},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        if request.user.is_authenticated:
            raise ValidationError(
                {"non_field_errors": [_("Sign out before registering a new account.")]}
            )
        serializer = RegistrationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        account = {"email": data.pop("email"), "password": data.pop("password")}
        educations = [dict(row) for row in data.pop("educations")]
        experiences = [dict(row) for row in data.pop("experiences", [])]
        consent_version = data.pop("consent_version")
        try:
            seeker = services.register_jobseeker(
                **account,
                profile=data,
                educations=educations,
                experiences=experiences,
                consent_version=consent_version,
                language=request.LANGUAGE_CODE,
            )
        except DjangoValidationError as error:
            _raise_service_error(error)
        return Response(
            SeekerSerializer(seeker, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        operation_id="jobseekers_list",
        parameters=[
            OpenApiParameter(
                "status", OpenApiTypes.STR, enum=[c for c, _l in JobSeeker.Status.choices]
            ),
            OpenApiParameter("regency", OpenApiTypes.STR, description="Regency code, 62.71"),
        ],
        responses={200: SeekerListSerializer(many=True), 401: ERROR_401, 404: ERROR_404},
    )
    def get(self, request: Request) -> Response:
        if not is_office_staff(request.user):
            raise Http404
        queryset = JobSeeker.objects.visible_to(request.user).order_by("-pk")
        wanted_status = request.query_params.get("status", "")
        if wanted_status:
            if wanted_status not in JobSeeker.Status.values:
                raise ValidationError({"status": [_("Unknown status.")]})
            queryset = queryset.filter(status=wanted_status)
        regency = request.query_params.get("regency", "")[:5]
        if regency:
            queryset = queryset.filter(regency_id=regency)
        page = self.paginate_queryset(
            queryset.only(
                "id",
                "full_name",
                "status",
                "ak1_number",
                "regency_id",
                "education_level_id",
                "registered_on",
                "next_report_on",
                "submitted_at",
            )
        )
        return self.get_paginated_response(SeekerListSerializer(page, many=True).data)


class MeView(APIView):
    """The signed-in seeker's own record."""

    @extend_schema(
        operation_id="jobseekers_me_retrieve",
        responses={200: SeekerSerializer, 401: ERROR_401, 404: ERROR_404},
    )
    def get(self, request: Request) -> Response:
        seeker = _require_seeker(request)
        return Response(SeekerSerializer(seeker, context={"request": request}).data)

    @extend_schema(
        operation_id="jobseekers_me_partial_update",
        request=SeekerUpdateSerializer,
        responses={200: SeekerSerializer, 400: ERROR_400, 401: ERROR_401, 404: ERROR_404},
    )
    def patch(self, request: Request) -> Response:
        seeker = _apply_patch(request, _require_seeker(request))
        return Response(SeekerSerializer(seeker, context={"request": request}).data)


class MeReportView(APIView):
    """The six-monthly report ("lapor"); reactivates a removed card."""

    @extend_schema(
        operation_id="jobseekers_me_report",
        request=ReportAnswersSerializer,
        responses={200: ReportResultSerializer, 400: ERROR_400, 401: ERROR_401, 404: ERROR_404},
    )
    def post(self, request: Request) -> Response:
        seeker = _require_seeker(request)
        answers = ReportAnswersSerializer(data=request.data)
        answers.is_valid(raise_exception=True)
        try:
            kind = services.report_jobseeker(
                seeker=seeker, actor=request.user, answers=answers.answers(), via="api"
            )
        except DjangoValidationError as error:
            _raise_service_error(error)
        seeker.refresh_from_db()
        return Response(
            {
                "event": str(kind),
                "next_report_on": seeker.next_report_on,
                "expires_on": seeker.expires_on,
            }
        )


class JobSeekerDetailView(APIView):
    """One seeker of the officer's region."""

    @extend_schema(
        operation_id="jobseekers_retrieve",
        responses={200: SeekerSerializer, 401: ERROR_401, 404: ERROR_404},
    )
    def get(self, request: Request, pk: int) -> Response:
        seeker = get_seeker_for_officer(request.user, pk)
        return Response(SeekerSerializer(seeker, context={"request": request}).data)

    @extend_schema(
        operation_id="jobseekers_partial_update",
        request=SeekerUpdateSerializer,
        responses={200: SeekerSerializer, 400: ERROR_400, 401: ERROR_401, 404: ERROR_404},
    )
    def patch(self, request: Request, pk: int) -> Response:
        seeker = get_seeker_for_officer(request.user, pk, purpose="change")
        seeker = _apply_patch(request, seeker)
        return Response(SeekerSerializer(seeker, context={"request": request}).data)


class JobSeekerVerifyView(APIView):
    """Verify a submitted registration: issues the AK/I number."""

    @extend_schema(
        operation_id="jobseekers_verify",
        request=None,
        responses={200: SeekerSerializer, 400: ERROR_400, 401: ERROR_401, 404: ERROR_404},
    )
    def post(self, request: Request, pk: int) -> Response:
        seeker = get_seeker_for_officer(request.user, pk, purpose="verify")
        try:
            seeker = services.verify_jobseeker(seeker=seeker, officer=request.user, via="api")
        except DjangoValidationError as error:
            _raise_service_error(error)
        return Response(SeekerSerializer(seeker, context={"request": request}).data)


class JobSeekerCardView(APIView):
    """The AK/I card as PDF: the seeker themself or an officer of the region."""

    @extend_schema(
        operation_id="jobseekers_card",
        responses={
            (200, "application/pdf"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The AK/I card (PDF)."
            ),
            401: ERROR_401,
            404: ERROR_404,
        },
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        seeker = get_seeker_for_card(request.user, pk)
        pdf = card_pdf(request, seeker)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="AK1-{seeker.ak1_number}.pdf"'
        return response


# --- Requests about one's personal data (UU 27/2022 PDP; placement/privacy) -----------------------
class PrivacyRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    number = serializers.CharField(max_length=12, read_only=True)
    kind = serializers.ChoiceField(choices=SubjectRequest.Kind.choices)
    details = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")
    channel = serializers.ChoiceField(choices=SubjectRequest.Channel.choices, read_only=True)
    status = serializers.ChoiceField(choices=SubjectRequest.Status.choices, read_only=True)
    received_at = serializers.DateTimeField(read_only=True)
    due_at = serializers.DateTimeField(read_only=True, help_text=_("3 x 24 hours after receipt"))
    overdue = serializers.SerializerMethodField()
    resolved_at = serializers.DateTimeField(read_only=True, allow_null=True)
    resolution = serializers.CharField(max_length=2000, read_only=True)

    def get_overdue(self, item: SubjectRequest) -> bool:
        return item.clock().overdue


class MePrivacyRequestsView(APIView):
    """The signed-in seeker's requests about their data: see them, or file one (access,
    correction, deletion, withdrawal of consent, objection); answered within 3 x 24 hours."""

    @extend_schema(
        operation_id="jobseekers_me_privacy_requests_list",
        responses={200: PrivacyRequestSerializer(many=True), 401: ERROR_401, 404: ERROR_404},
    )
    def get(self, request: Request) -> Response:
        seeker = _require_seeker(request)
        items = seeker.privacy_requests.order_by("-received_at", "-pk")
        return Response(PrivacyRequestSerializer(items, many=True).data)

    @extend_schema(
        operation_id="jobseekers_me_privacy_requests_create",
        request=PrivacyRequestSerializer,
        responses={
            201: PrivacyRequestSerializer,
            400: ERROR_400,
            401: ERROR_401,
            404: ERROR_404,
        },
    )
    def post(self, request: Request) -> Response:
        seeker = _require_seeker(request)
        serializer = PrivacyRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            item = privacy.file_request(
                seeker=seeker,
                kind=serializer.validated_data["kind"],
                details=serializer.validated_data.get("details", ""),
                actor=request.user,
            )
        except DjangoValidationError as error:
            _raise_service_error(error)
        return Response(PrivacyRequestSerializer(item).data, status=status.HTTP_201_CREATED)

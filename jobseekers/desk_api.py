"""The registration desk through the API: the same services as the officer's pages, with
via="api". Officers of the seeker's region only (404 otherwise); each action is one POST.

    POST jobseekers/counter/       (walk-in registration; the answer carries the claim code)
    POST jobseekers/<id>/return/   {"reason": "..."}
    POST jobseekers/<id>/reject/   {"reason": "identity", "note": ""}
    POST jobseekers/<id>/remove/   {"reason": "death", "note": ""}
    POST jobseekers/<id>/reissue/  {"reason": "lost"}
    POST jobseekers/<id>/merge/    {"duplicate": <id>, "note": ""}
    POST jobseekers/me/hire-report/  (the seeker: "I got a job")
    POST hire-reports/<id>/confirm/  (the officer: it becomes a placement)
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from employers.models import Employer
from jobseekers import services
from jobseekers.access import get_own_seeker, get_seeker_for_officer
from jobseekers.api import (
    ERROR_400,
    ERROR_401,
    ERROR_404,
    EducationSerializer,
    SeekerSerializer,
    _raise_service_error,
)
from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.forms import validate_person_name
from jobseekers.models import JobSeeker
from placement.accounts.access import is_office_staff, parse_pk
from placement.fields import PHONE_PATTERN, normalise_phone
from placement.pipeline import services as pipeline
from placement.pipeline.models import HireReport
from placement.taxonomy.models import District, Occupation, Regency, Sex


# --- Walk-in registration ------------------------------------------------------------------------
class CounterRegistrationSerializer(serializers.Serializer):
    """A walk-in registration: sex and date of birth come from the NIK (or, when the person and
    the KTP disagree with it, from the KTP with a reason)."""

    full_name = serializers.CharField(max_length=150, validators=[validate_person_name])
    nik = serializers.CharField(max_length=16)
    identity_confirmed = serializers.BooleanField(
        help_text="true: the KTP and the person agree with the sex and birth date of the NIK"
    )
    stated_sex = serializers.ChoiceField(
        choices=Sex.choices, required=False, allow_blank=True, default=""
    )
    stated_birth_date = serializers.DateField(required=False, allow_null=True, default=None)
    identity_note = serializers.CharField(
        max_length=255, required=False, allow_blank=True, default=""
    )
    birth_place = serializers.CharField(max_length=100)
    marital_status = serializers.ChoiceField(choices=JobSeeker.MaritalStatus.choices)
    religion = serializers.ChoiceField(choices=JobSeeker.Religion.choices)
    ktp_address = serializers.CharField(max_length=255)
    ktp_regency = serializers.SlugRelatedField(slug_field="code", queryset=Regency.objects.all())
    address = serializers.CharField(max_length=255)
    regency = serializers.SlugRelatedField(slug_field="code", queryset=Regency.objects.all())
    district = serializers.SlugRelatedField(
        slug_field="code",
        queryset=District.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    postcode = serializers.RegexField(
        r"^[0-9]{5}$", max_length=5, required=False, allow_blank=True, default=""
    )
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    education = EducationSerializer()
    preferred_occupations = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Occupation.objects.current().filter(level__in=(4, 6)),
        many=True,
        help_text="Up to three KBJI codes, the most wanted first",
    )
    category = serializers.ChoiceField(choices=JobSeeker.Category.choices)
    relocation = serializers.ChoiceField(
        choices=JobSeeker.Relocation.choices, required=False, default="regency"
    )
    documents = serializers.ListField(
        child=serializers.ChoiceField(choices=JobSeeker.Document.choices), max_length=10
    )
    consent_given = serializers.BooleanField(help_text="The person signed the consent text")

    def validate_full_name(self, value: str) -> str:
        return services.normalise_name(value)

    def validate_phone(self, value: str) -> str:
        if not value.strip():
            return ""
        phone = normalise_phone(value)
        if not re.fullmatch(PHONE_PATTERN, phone, re.ASCII):
            raise ValidationError(_("Enter a phone number such as 0812 3456 7890."))
        return phone

    def validate_consent_given(self, value: bool) -> bool:
        if not value:
            raise ValidationError(_("Without consent the person cannot be registered."))
        return value

    def validate_preferred_occupations(self, value: list) -> list:
        if not value or len(value) > services.MAX_PREFERRED_OCCUPATIONS:
            raise ValidationError(_("Choose one to three occupations."))
        return value


class CounterRegistrationResultSerializer(SeekerSerializer):
    claim_code = serializers.CharField(
        max_length=11, help_text="The one-time code for the online account (shown once)"
    )


class CounterRegistrationView(APIView):
    """An officer registers a person at the counter; the answer carries the claim code once."""

    @extend_schema(
        operation_id="jobseekers_counter_register",
        request=CounterRegistrationSerializer,
        responses={
            201: CounterRegistrationResultSerializer,
            400: ERROR_400,
            401: ERROR_401,
            404: ERROR_404,
        },
    )
    def post(self, request: Request) -> Response:
        if not is_office_staff(request.user):
            raise Http404
        serializer = CounterRegistrationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("consent_given")
        data["education"] = dict(data["education"])
        data["documents"] = tuple(data["documents"])
        data["preferred_occupations"] = tuple(data["preferred_occupations"])
        try:
            seeker, code = services.register_walk_in(
                officer=request.user,
                entry=services.WalkIn(**data, consent_version=CURRENT_CONSENT_VERSION),
                via="api",
            )
        except DjangoValidationError as error:
            _raise_service_error(error)
        seeker = JobSeeker.objects.select_related("office").get(pk=seeker.pk)
        body = SeekerSerializer(seeker, context={"request": request}).data
        body["claim_code"] = services.format_claim_code(code)
        return Response(body, status=status.HTTP_201_CREATED)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500)


class RejectSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=JobSeeker.RejectionReason.choices)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class RemoveSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(
        choices=[(r.value, r.label) for r in services.MANUAL_REMOVAL_REASONS]
    )
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ReissueSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=list(services.REISSUE_REASONS.items()))


class MergeSerializer(serializers.Serializer):
    duplicate = serializers.IntegerField(min_value=1, help_text="The id of the duplicate record")
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


def _act(request: Request, pk: int, action: str, serializer_class) -> Response:
    seeker = get_seeker_for_officer(request.user, pk, purpose=action)
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    user = request.user
    try:
        if action == "return":
            seeker = services.return_registration(
                seeker=seeker, officer=user, reason=data["reason"], via="api"
            )
        elif action == "reject":
            seeker = services.reject_registration(seeker=seeker, officer=user, via="api", **data)
        elif action == "remove":
            seeker = services.remove_jobseeker(seeker=seeker, officer=user, via="api", **data)
        elif action == "reissue":
            seeker = services.reissue_card(
                seeker=seeker, officer=user, reason=data["reason"], via="api"
            )
        else:
            duplicate = (
                JobSeeker.objects.visible_to(user).filter(pk=parse_pk(data["duplicate"])).first()
            )
            if duplicate is None:
                raise ValidationError({"duplicate": [_("No registration with this id here.")]})
            seeker = services.merge_duplicate(
                keep=seeker, duplicate=duplicate, officer=user, note=data["note"], via="api"
            )
    except DjangoValidationError as error:
        _raise_service_error(error)
    seeker = JobSeeker.objects.select_related("office").get(pk=seeker.pk)
    return Response(SeekerSerializer(seeker, context={"request": request}).data)


def _action_view(action: str, serializer_class, summary: str) -> type[APIView]:
    class ActionView(APIView):
        @extend_schema(
            operation_id=f"jobseekers_{action}",
            summary=summary,
            request=serializer_class,
            responses={200: SeekerSerializer, 400: ERROR_400, 401: ERROR_401, 404: ERROR_404},
        )
        def post(self, request: Request, pk: int) -> Response:
            return _act(request, pk, action, serializer_class)

    ActionView.__name__ = f"JobSeeker{action.title()}View"
    ActionView.__qualname__ = ActionView.__name__
    return ActionView


ReturnView = _action_view("return", ReasonSerializer, "Return a registration with a reason")
RejectView = _action_view("reject", RejectSerializer, "Do not accept a registration")
RemoveView = _action_view("remove", RemoveSerializer, "Remove an active card with a reason")
ReissueView = _action_view("reissue", ReissueSerializer, "Reissue a lost or damaged card")
MergeView = _action_view("merge", MergeSerializer, "Merge a duplicate into this record")


# --- "I got a job" -------------------------------------------------------------------------------
class HireReportSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    status = serializers.ChoiceField(choices=HireReport.Status.choices, read_only=True)
    employer_name = serializers.CharField(max_length=200)
    job_title = serializers.CharField(max_length=200)
    occupation = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Occupation.objects.current().filter(level__in=(4, 6)),
        required=False,
        allow_null=True,
    )
    started_on = serializers.DateField()
    work_regency = serializers.SlugRelatedField(
        slug_field="code", queryset=Regency.objects.all(), required=False, allow_null=True
    )
    country = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ConfirmHireSerializer(serializers.Serializer):
    employer_type = serializers.ChoiceField(choices=Employer.Ownership.choices)
    industry_section = serializers.ChoiceField(
        choices=[(c, c) for c in "ABCDEFGHIJKLMNOPQRSTU"], required=False, allow_blank=True
    )
    job_order_number = serializers.CharField(max_length=100, required=False, allow_blank=True)


class PlacementResultSerializer(serializers.Serializer):
    placement = serializers.IntegerField()
    scope = serializers.CharField(max_length=4)


def _refused(refused: pipeline.HireReportRefused) -> ValidationError:
    return ValidationError({refused.field or "non_field_errors": [str(refused)]})


class MeHireReportView(APIView):
    """The seeker reports that they started work (an officer confirms it)."""

    @extend_schema(
        operation_id="jobseekers_me_hire_report",
        request=HireReportSerializer,
        responses={201: HireReportSerializer, 400: ERROR_400, 401: ERROR_401, 404: ERROR_404},
    )
    def post(self, request: Request) -> Response:
        seeker = get_own_seeker(request.user)
        serializer = HireReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            report = pipeline.report_hire(
                seeker=seeker, actor=request.user, via="api", **serializer.validated_data
            )
        except pipeline.HireReportRefused as refused:
            raise _refused(refused) from refused
        return Response(HireReportSerializer(report).data, status=status.HTTP_201_CREATED)


class HireReportConfirmView(APIView):
    """An officer of the seeker's region confirms a hire report: it becomes a placement."""

    @extend_schema(
        operation_id="hire_reports_confirm",
        request=ConfirmHireSerializer,
        responses={200: PlacementResultSerializer, 400: ERROR_400, 404: ERROR_404},
    )
    def post(self, request: Request, pk: int) -> Response:
        if not is_office_staff(request.user):
            raise Http404
        report = HireReport.objects.visible_to(request.user).filter(pk=parse_pk(pk)).first()
        if report is None:
            raise Http404
        serializer = ConfirmHireSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            placement = pipeline.confirm_hire_report(
                report=report, officer=request.user, via="api", **serializer.validated_data
            )
        except pipeline.HireReportRefused as refused:
            raise _refused(refused) from refused
        return Response({"placement": placement.pk, "scope": placement.scope})

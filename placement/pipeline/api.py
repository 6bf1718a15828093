"""API of applications (DESIGN.md Contract), calling the same services as the pages.

applications/                POST a verified seeker applies {vacancy, note};
                             GET seeker: own; employer: to its vacancies; officer: the region's
applications/{id}/status/    POST the employer moves an application on {status}
applications/{id}/withdraw/  POST the seeker takes an open application back
referrals/                   POST an officer refers a seeker {seeker, vacancy, send, source, note};
                             GET officer: the region's seekers; employer: sent to its vacancies;
                             seeker: their own (proposals stay inside the office)
referrals/{id}/outcome/      POST {status: referred|interviewed|hired|rejected|withdrawn, reason,
                             note, on}: the employer or an officer; hired records the placement
placements/                  GET officer: the region's; employer: its hires; seeker: their own
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from employers.access import get_vacancy_for_viewer
from jobseekers.models import SeekerSkill
from officers.access import get_case_seeker, get_referral_for_officer
from placement.accounts.access import parse_pk
from placement.accounts.models import Role
from placement.pipeline import services
from placement.pipeline.access import (
    get_application_for_employer,
    get_application_for_seeker,
    get_referral_for_employer,
    seeker_for,
)
from placement.pipeline.models import Application, FollowUp, Placement, Referral
from placement.pipeline.services import referrals as referral_services

NOT_FOUND = OpenApiResponse(description="Not found, or outside what you may see.")
REFUSED = OpenApiResponse(description="The step is not allowed now ({detail}).")
UNAUTHENTICATED = OpenApiResponse(description="Authentication required.")


class ApplicantSerializer(serializers.Serializer):
    """The profile summary an employer sees: never the NIK, birth date or disability."""

    name = serializers.CharField(source="full_name", max_length=150)
    education = serializers.CharField(source="education_level_id", allow_null=True, max_length=4)
    experience_months = serializers.IntegerField()
    regency = serializers.CharField(source="regency_id", allow_null=True, max_length=5)
    skills = serializers.SerializerMethodField()

    def get_skills(self, seeker) -> list[str]:
        return [item.skill.label for item in seeker.skills.all()]


class ApplicationSerializer(serializers.ModelSerializer):
    vacancy_title = serializers.CharField(source="vacancy.title", read_only=True, max_length=200)
    applicant = ApplicantSerializer(source="seeker", read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "vacancy",
            "vacancy_title",
            "status",
            "note",
            "applicant",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ApplyRequestSerializer(serializers.Serializer):
    vacancy = serializers.IntegerField(min_value=1)
    note = serializers.CharField(
        max_length=services.MAX_NOTE, required=False, allow_blank=True, default=""
    )


class StatusRequestSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[
            Application.Status.SEEN,
            Application.Status.SHORTLISTED,
            Application.Status.INTERVIEW,
            Application.Status.HIRED,
            Application.Status.REJECTED,
        ]
    )


@extend_schema_view(
    list=extend_schema(responses={200: ApplicationSerializer, 401: UNAUTHENTICATED})
)
class ApplicationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Applications: seekers apply; employers answer; officers follow their region."""

    serializer_class = ApplicationSerializer

    def get_queryset(self):
        return (
            Application.objects.visible_to(self.request.user)
            .select_related("vacancy", "seeker")
            .prefetch_related(
                Prefetch("seeker__skills", queryset=SeekerSkill.objects.select_related("skill"))
            )
            .order_by("-created_at", "-id")
        )

    @extend_schema(
        request=ApplyRequestSerializer,
        responses={201: ApplicationSerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    def create(self, request: Request) -> Response:
        """A verified seeker applies to a published vacancy."""
        if request.user.role != Role.SEEKER:
            raise Http404
        data = ApplyRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seeker = seeker_for(request.user)
        vacancy = get_vacancy_for_viewer(request.user, data.validated_data["vacancy"])
        try:
            application = services.apply_to_vacancy(
                seeker=seeker, vacancy=vacancy, note=data.validated_data["note"]
            )
        except services.ApplicationRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ApplicationSerializer(application).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=StatusRequestSerializer,
        responses={200: ApplicationSerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request: Request, pk: str | None = None) -> Response:
        """The employer of the vacancy moves the application on."""
        application = get_application_for_employer(request.user, int(pk))
        data = StatusRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            application = services.change_application_status(
                application=application, status=data.validated_data["status"], by=request.user
            )
        except services.ApplicationRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ApplicationSerializer(application).data)

    @extend_schema(
        request=None,
        responses={200: ApplicationSerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """The seeker takes back an open application."""
        application = get_application_for_seeker(request.user, int(pk))
        try:
            application = services.withdraw_application(application=application, by=request.user)
        except services.ApplicationRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ApplicationSerializer(application).data)


# --- Referrals and placements (issue 6) ----------------------------------------------------------

AK1_PATTERN = r"^\d{2,4}-\d{4}-\d{6}$"


class ReferralSerializer(serializers.ModelSerializer):
    """A referral as officers, the employer and the seeker see it (never the NIK or disability)."""

    seeker_name = serializers.CharField(source="seeker.full_name", read_only=True, max_length=150)
    ak1_number = serializers.RegexField(
        AK1_PATTERN, source="seeker.ak1_number", read_only=True, max_length=30, allow_null=True
    )
    education = serializers.CharField(
        source="seeker.education_level_id", read_only=True, max_length=4, allow_null=True
    )
    vacancy_title = serializers.CharField(source="vacancy.title", read_only=True, max_length=200)
    employer_name = serializers.CharField(
        source="vacancy.employer.name", read_only=True, max_length=200
    )
    letter_number = serializers.SerializerMethodField()
    # Blank until the employer rejects: the schema must allow "" besides the reasons.
    rejection_reason = serializers.ChoiceField(
        choices=Referral.RejectionReason.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Referral
        fields = [
            "id",
            "status",
            "source",
            "seeker",
            "seeker_name",
            "ak1_number",
            "education",
            "vacancy",
            "vacancy_title",
            "employer_name",
            "letter_number",
            "match_score",
            "note",
            "referred_at",
            "interviewed_on",
            "outcome_on",
            "rejection_reason",
            "outcome_note",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "maxLength": 40, "nullable": True})
    def get_letter_number(self, referral: Referral) -> str | None:
        return referral.letter_number if referral.has_letter else None


class ReferralCreateSerializer(serializers.Serializer):
    seeker = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    vacancy = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    send = serializers.BooleanField(
        default=True, help_text="true: issue the letter now (referred); false: only propose."
    )
    source = serializers.ChoiceField(
        choices=Referral.Source.choices, default=Referral.Source.CASE_FILE
    )
    note = serializers.CharField(
        max_length=referral_services.MAX_NOTE, required=False, allow_blank=True, default=""
    )
    credential_reason = serializers.CharField(
        max_length=referral_services.MAX_NOTE,
        required=False,
        allow_blank=True,
        default="",
        help_text="Why the seeker is referred although they lack a credential the vacancy "
        "requires (a SIM class, a BNSP scheme, a language level); without it such a referral is "
        'refused with `field` "credential_reason" and the missing credentials in `detail`.',
    )


class OutcomeRequestSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[
            Referral.Status.REFERRED,
            Referral.Status.INTERVIEWED,
            Referral.Status.HIRED,
            Referral.Status.REJECTED,
            Referral.Status.WITHDRAWN,
        ],
        help_text="referred (officers: issue the letter of a proposal), interviewed, hired, "
        "rejected (with a reason), withdrawn (officers).",
    )
    reason = serializers.ChoiceField(
        choices=Referral.RejectionReason.choices, required=False, allow_blank=True, default=""
    )
    note = serializers.CharField(
        max_length=referral_services.MAX_OUTCOME_NOTE, required=False, allow_blank=True, default=""
    )
    on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Defaults to today."
    )


class ReferralProblemSerializer(serializers.Serializer):
    # A refused step carries `detail`; invalid input names each field instead.
    detail = serializers.CharField(max_length=500, required=False)
    field = serializers.CharField(max_length=30, required=False)


REFERRAL_REFUSED = OpenApiResponse(
    ReferralProblemSerializer, description="The step is not allowed now."
)


def _referral_for(user, pk: str | None) -> Referral:

    number = parse_pk(pk)
    if user.role == Role.EMPLOYER:
        return get_referral_for_employer(user, number)
    if user.role in (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL):
        return get_referral_for_officer(user, number)
    raise Http404


@extend_schema_view(
    list=extend_schema(responses={200: ReferralSerializer, 401: UNAUTHENTICATED}),
    retrieve=extend_schema(
        responses={200: ReferralSerializer, 401: UNAUTHENTICATED, 404: NOT_FOUND}
    ),
)
class ReferralViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Referrals: officers refer seekers of their region; employer and seeker follow them."""

    serializer_class = ReferralSerializer

    def get_queryset(self):
        return (
            Referral.objects.visible_to(self.request.user)
            .select_related("seeker", "vacancy", "vacancy__employer", "office")
            .order_by("-created_at", "-id")
        )

    @extend_schema(
        request=ReferralCreateSerializer,
        responses={
            201: ReferralSerializer,
            400: REFERRAL_REFUSED,
            401: UNAUTHENTICATED,
            404: NOT_FOUND,
        },
    )
    def create(self, request: Request) -> Response:
        """An officer refers a seeker of the region to an open vacancy (or proposes them)."""

        if request.user.role not in (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL):
            raise Http404
        data = ReferralCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        seeker = get_case_seeker(request.user, values["seeker"], purpose="referral")
        vacancy = get_vacancy_for_viewer(request.user, values["vacancy"])
        try:
            referral = services.refer_jobseeker(
                seeker=seeker,
                vacancy=vacancy,
                by=request.user,
                send=values["send"],
                source=values["source"],
                note=values["note"],
                base_url=request.build_absolute_uri("/"),
                via="api",
                credential_reason=values["credential_reason"],
            )
        except services.ReferralRefused as refused:
            problem = {"detail": refused.message}
            if refused.field:
                problem["field"] = refused.field
            return Response(problem, status=status.HTTP_400_BAD_REQUEST)
        referral = self.get_queryset().get(pk=referral.pk)
        return Response(ReferralSerializer(referral).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=OutcomeRequestSerializer,
        responses={
            200: ReferralSerializer,
            400: REFERRAL_REFUSED,
            401: UNAUTHENTICATED,
            404: NOT_FOUND,
        },
    )
    @action(detail=True, methods=["post"])
    def outcome(self, request: Request, pk: str | None = None) -> Response:
        """The employer (or an officer for it) records the outcome; hired records the placement."""
        referral = _referral_for(request.user, pk)
        data = OutcomeRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            if values["status"] == Referral.Status.REFERRED:
                if request.user.role == Role.EMPLOYER:
                    raise services.ReferralRefused(
                        "Only the office issues a referral letter.", field="status"
                    )
                services.send_referral(
                    referral=referral,
                    by=request.user,
                    base_url=request.build_absolute_uri("/"),
                    via="api",
                )
            else:
                services.record_referral_outcome(
                    referral=referral,
                    status=values["status"],
                    by=request.user,
                    reason=values["reason"],
                    note=values["note"],
                    on=values["on"],
                    via="api",
                )
        except services.ReferralRefused as refused:
            body = {"detail": refused.message}
            if refused.field:
                body["field"] = refused.field
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        referral = Referral.objects.select_related(
            "seeker", "vacancy", "vacancy__employer", "office"
        ).get(pk=referral.pk)
        return Response(ReferralSerializer(referral).data)


class FollowUpSerializer(serializers.ModelSerializer):
    # Blank until the office has asked.
    still_employed = serializers.ChoiceField(
        choices=FollowUp.Answer.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = FollowUp
        fields = ["due_on", "done_on", "still_employed", "note"]
        read_only_fields = fields


class PlacementSerializer(serializers.ModelSerializer):
    seeker_name = serializers.CharField(source="seeker.full_name", read_only=True, max_length=150)
    occupation = serializers.CharField(
        source="occupation.code", read_only=True, max_length=7, allow_null=True
    )
    work_regency = serializers.RegexField(
        r"^\d{2}\.\d{2}$", source="work_regency_id", read_only=True, max_length=5, allow_null=True
    )
    home_regency = serializers.RegexField(
        r"^\d{2}\.\d{2}$", source="regency_id", read_only=True, max_length=5, allow_null=True
    )
    follow_up = FollowUpSerializer(read_only=True)

    class Meta:
        model = Placement
        fields = [
            "id",
            "seeker",
            "seeker_name",
            "vacancy",
            "referral",
            "application",
            "source",
            "reported_by",
            "employer_name",
            "job_title",
            "occupation",
            "industry_section",
            "employer_type",
            "scope",
            "work_regency",
            "country",
            "home_regency",
            "placed_on",
            "follow_up",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(responses={200: PlacementSerializer, 401: UNAUTHENTICATED}),
    retrieve=extend_schema(
        responses={200: PlacementSerializer, 401: UNAUTHENTICATED, 404: NOT_FOUND}
    ),
)
class PlacementViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Placements: officers see their region's, employers their hires, seekers their own."""

    serializer_class = PlacementSerializer

    def get_queryset(self):
        return (
            Placement.objects.visible_to(self.request.user)
            .select_related("seeker", "occupation", "follow_up")
            .order_by("-placed_on", "-id")
        )
